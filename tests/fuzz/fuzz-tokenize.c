/* fuzz-tokenize.c: the tokenizer and the Hangul squeezer on any bytes. */
#include "fuzz.h"

static int
count(void *arg, const struct token *t)
{
	size_t	*n = arg;

	if (t->end < t->start || t->len == 0)
		abort();
	(*n)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tokenizer	*tk;
	char			*s = fuzz_string(data, size), *sq;
	size_t			 n = 0;

	if (tk == NULL)
		tk = tokenizer_new();
	tokenizer_run(tk, (const char *)data, size, count, &n);
	sq = tokenizer_squeeze(s);
	tokenizer_run(tk, sq, strlen(sq), count, &n);
	(void)tokenizer_is_hangul(s, strlen(s));
	free(sq);
	free(s);
	return 0;
}
