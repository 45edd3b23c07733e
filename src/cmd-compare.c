/*
 * cmd-compare.c: "awsai compare A B [C...]": services side by side:
 * layer, use cases, status and successor, CLI namespace, an instance
 * family's specs, summary and first tasks. For people (table, plain) a
 * column per service, cells wrapped to the terminal; for scripts a row
 * (or a JSON object) per service.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define MAXCMP 5	/* services compared at once */
#define NTASKS 3	/* the first tasks shown */

/* The card fields compared, by name, in order. */
static const char *const fields[] = { "id", "name", "layer", "usecases",
    "status", "status_date", "successor", "cli", "specs", "summary",
    "tasks" };
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static const struct column row_columns[NFIELDS] = {
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "name", CELL_STR, 0, 0, 0, 0 },
	{ "layer", CELL_STR, 0, 0, 0, 0 },
	{ "usecases", CELL_LIST, 0, 0, 0, 0 },
	{ "status", CELL_STR, COL_STATUS, 0, 0, 0 },
	{ "status_date", CELL_STR, 0, 0, 0, 0 },
	{ "successor", CELL_STR, 0, 0, 0, 0 },
	{ "cli", CELL_STR, 0, 0, 0, 0 },
	{ "specs", CELL_LIST, 0, 0, 0, 0 },
	{ "summary", CELL_STR, 0, 0, 0, 0 },
	{ "tasks", CELL_LIST, 0, 0, 0, 0 },
};

/* Copies card cell src into dst; a list keeps its first max entries. */
static void
copy_cell(struct cell *dst, const struct cell *src, size_t max)
{
	dst->n = src->n;
	dst->null = src->null;
	cell_set(dst, src->s);
	for (size_t i = 0; i < src->list.n && i < max; i++)
		strv_push(&dst->list, src->list.v[i]);
}

/* The compared fields of every card, a row a service, into res. */
static void
rows_of(const struct result *cards, struct result *res)
{
	for (size_t r = 0; r < cards->nrows; r++) {
		struct cell *row = result_row(res);

		for (size_t f = 0; f < NFIELDS; f++)
			for (size_t c = 0; c < cards->ncols; c++)
				if (strcmp(cards->cols[c].name, fields[f]) == 0)
					copy_cell(&row[f], &cards->cells[r *
					    cards->ncols + c], f == NFIELDS - 1 ?
					    NTASKS : (size_t)-1);
	}
}

/* The same turned round: a row a field, a column a service. */
static void
columns_of(const struct result *rows, struct column *cols,
    struct result *res)
{
	cols[0] = (struct column){ "field", CELL_STR, 0, 0, 0, 0 };
	for (size_t s = 0; s < rows->nrows; s++)
		cols[s + 1] = (struct column){ rows->cells[s * NFIELDS + 1].s,
		    CELL_STR, COL_SHRINK, 0, 0, 0 };
	result_init(res, cols, rows->nrows + 1);
	res->wrap = 1;
	for (size_t f = 2; f < NFIELDS; f++) {
		struct strv text = { 0 };
		struct cell *row;
		size_t full = 0;

		for (size_t s = 0; s < rows->nrows; s++) {
			const struct cell *c = &rows->cells[s * NFIELDS + f];
			struct strbuf sb = { 0 };

			sb_adds(&sb, rows->cols[f].kind == CELL_LIST ? "" :
			    c->s != NULL ? c->s : "");
			for (size_t i = 0; rows->cols[f].kind == CELL_LIST &&
			    i < c->list.n; i++)
				sb_addf(&sb, "%s%s", i ? "; " : "", c->list.v[i]);
			full += sb.len > 0;
			strv_push_owned(&text, sb_detach(&sb));
		}
		/* a field none of them has says nothing */
		if (full > 0) {
			row = result_row(res);
			cell_set(&row[0], fields[f]);
			for (size_t s = 0; s < rows->nrows; s++)
				cell_set(&row[s + 1], text.v[s]);
		}
		strv_release(&text);
	}
}

static int
compare_run(struct ctx *ctx, struct args *a)
{
	struct result	 cards, rows, side;
	struct strv	 ids = { 0 };
	struct column	 cols[MAXCMP + 1];
	const struct column *cc;
	size_t		 ncc;
	int		 status = EXIT_OK;

	if (cmd_services(ctx, a, &ids) > 0)
		status = EXIT_NOMATCH;
	if (status == EXIT_OK && (ids.n < 2 || ids.n > MAXCMP)) {
		diag_error("compare takes 2 to %d services, not %zu", MAXCMP,
		    ids.n);
		status = EXIT_USAGE;
	}
	if (status != EXIT_OK) {
		strv_release(&ids);
		return status;
	}
	cc = catalog_card_columns(&ncc);
	result_init(&cards, cc, ncc);
	for (size_t i = 0; i < ids.n; i++)
		catalog_card(ctx->catalog, ids.v[i], &cards);
	result_init(&rows, row_columns, NFIELDS);
	rows_of(&cards, &rows);
	result_release(&cards);
	strv_release(&ids);
	if (ctx->out.fmt != FMT_TABLE && ctx->out.fmt != FMT_PLAIN)
		return cmd_output(ctx, &rows, (int)rows.nrows);
	columns_of(&rows, cols, &side);
	status = cmd_output(ctx, &side, (int)side.nrows);
	result_release(&rows);
	return status;
}

const struct cmd cmd_compare = {
	.name = "compare",
	.aliases = (const char *const[]){ "vs", NULL },
	.operands = "SERVICE SERVICE...",
	.summary = "compare two to five services side by side",
	.nargs = { 2, -1 },
	.operand = VAL_SERVICE,
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = compare_run,
};
