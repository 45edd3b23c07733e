/*
 * bare.c: the baseline for one-shot latency: a process that opens the
 * embedded catalog and runs one FTS5 query, and nothing else.
 */
#include <stdio.h>

#include "awsai.h"

static int
count(void *arg, const struct fts_hit *h)
{
	(void)h;
	(*(int *)arg)++;
	return 0;
}

int
main(void)
{
	struct catalog	*cat;
	double		 w[3] = { 1, 1, 1 };
	int		 status, n = 0;

	if ((cat = catalog_open(NULL, &status)) == NULL)
		return status;
	catalog_fts(cat, "\"detect\" OR \"face\" OR \"photo\"", w, 3, count,
	    &n);
	catalog_free(cat);
	return n > 0 ? 0 : 1;
}
