/* fuzz-show.c: show's name lookup (ids, names, aliases, prefixes, multi-
 * word names) and the card of what it finds. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog	*cat = fuzz_catalog();
	struct strv	 sug = { 0 };
	char		*name = fuzz_string(data, size), *id;
	size_t		 n;

	if ((id = catalog_resolve(cat, name, &sug)) != NULL) {
		struct result res;

		result_init(&res, catalog_card_columns(&n), n);
		catalog_card(cat, id, &res);
		result_release(&res);
		free(id);
	}
	strv_release(&sug);
	free(name);
	return 0;
}
