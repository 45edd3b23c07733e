/*
 * fuzz-db.c: a .db image from a stranger, opened the way --catalog opens
 * one (the verification first), then listed, asked and shown.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*path;
	struct catalog	*cat;
	int		 status;

	fuzz_quiet();
	path = fuzz_file(data, size, ".db");
	if ((cat = catalog_open(path, &status)) != NULL) {
		static const struct filter none;
		struct result res;

		result_init(&res, fuzz_columns, 11);
		catalog_list(cat, &none, &res);
		result_release(&res);
		result_init(&res, export_columns, export_ncolumns);
		catalog_export_rows(cat, &res);
		result_release(&res);
		fuzz_ask(cat, "transcribe a podcast");
		catalog_free(cat);
	}
	unlink(path);
	return 0;
}
