/*
 * fuzz-ask.c: one ask question against the embedded catalog, with the
 * filters a first byte picks; the search is kept between inputs, as a
 * batch keeps it, so its caches are fuzzed too.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct search	*s;
	static const char *const layers[] = { NULL, "service", "platform",
	    "infrastructure" };
	struct query		 q = { 0 };
	struct hits		 h = { 0 };
	char			*text;

	if (s == NULL && (s = search_new(fuzz_catalog())) == NULL)
		abort();
	if (size == 0)
		return 0;
	text = fuzz_string(data + 1, size - 1);
	q.text = text;
	q.layer = layers[data[0] & 3];
	q.usecase = (data[0] & 4) ? "vision" : NULL;
	q.active = (data[0] & 8) != 0;
	q.existing = (data[0] & 16) != 0;
	q.any_successor = (data[0] & 32) != 0;
	q.limit = 1 + (data[0] >> 6) * 3;
	search_run(s, &q, &h);
	for (size_t i = 0; i < h.n; i++)
		if (h.v[i].id == NULL || h.v[i].why == NULL)
			abort();
	hits_release(&h);
	free(text);
	return 0;
}
