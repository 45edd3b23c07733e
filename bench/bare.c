/*
 * bare.c: the baseline for one-shot latency: a process that opens the
 * embedded catalog and runs one FTS5 query, and nothing else.
 */
#include <stdlib.h>

#include "awsai.h"

int
main(void)
{
	struct catalog	*cat;
	long long	*rows;
	size_t		 n = 0;
	int		 status;

	if ((cat = catalog_open(NULL, &status)) == NULL)
		return status;
	catalog_fts_postings(cat, "face", &rows, &n);
	free(rows);
	catalog_free(cat);
	return n > 0 ? 0 : 1;
}
