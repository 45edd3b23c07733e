/*
 * result.c: the rows a command produces, before a renderer formats them
 * (R5). A result owns every string in its cells.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

void
result_init(struct result *res, const struct column *cols, size_t ncols)
{
	memset(res, 0, sizeof(*res));
	res->cols = cols;
	res->ncols = ncols;
}

void
result_release(struct result *res)
{
	for (size_t i = 0; i < res->nrows * res->ncols; i++) {
		free(res->cells[i].s);
		strv_release(&res->cells[i].list);
	}
	free(res->cells);
	res->cells = NULL;
	res->nrows = res->cap = 0;
}

/* Appends an empty row and returns its cells (valid until the next). */
struct cell *
result_row(struct result *res)
{
	struct cell	*row;

	if (res->nrows == res->cap) {
		res->cap = res->cap ? res->cap * 2 : 16;
		res->cells = xrealloc(res->cells,
		    res->cap * res->ncols * sizeof(*res->cells));
	}
	row = &res->cells[res->nrows * res->ncols];
	memset(row, 0, res->ncols * sizeof(*row));
	res->nrows++;
	return row;
}

void
cell_set(struct cell *c, const char *s)
{
	free(c->s);
	c->s = s != NULL ? xstrdup(s) : NULL;
}

void
cell_setn(struct cell *c, double n)
{
	c->n = n;
}
