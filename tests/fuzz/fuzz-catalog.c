/*
 * fuzz-catalog.c: a catalog JSON file from a stranger, checked as
 * "awsai check FILE" checks it, and built into a database when valid.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*path;
	struct result	 report;
	int		 status;
	struct catalog	*cat;

	fuzz_quiet();
	path = fuzz_file(data, size, ".json");
	result_init(&report, fuzz_columns, 4);
	catalog_check(&path, 1, &report);
	result_release(&report);
	if ((cat = catalog_open(path, &status)) != NULL) {
		fuzz_ask(cat, "detect faces in photos");
		catalog_free(cat);
	}
	unlink(path);
	return 0;
}
