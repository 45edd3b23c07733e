/*
 * cmd-related.c: "awsai related SERVICE": its successor and predecessors,
 * the whole it is part of and its parts, alternatives and complements,
 * each with the relation.
 */
#include "awsai.h"

static const struct column related_columns[] = {
	{ "relation", CELL_STR, 0, 0, 0, 0 },
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "name", CELL_STR, 0, 0, 12, 40 },
	{ "layer", CELL_STR, 0, 6, 5, 0 },
	{ "status", CELL_STR, COL_STATUS, 0, 7, 0 },
};

static int
related_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct strv	 ids = { 0 };
	int		 n = 0;

	if (cmd_services(ctx, a, &ids) > 0) {
		strv_release(&ids);
		return EXIT_NOMATCH;
	}
	result_init(&res, related_columns, 5);
	for (size_t i = 0; i < ids.n && n >= 0; i++)
		n = catalog_related(ctx->catalog, ids.v[i], &res);
	if (n == 0 && res.nrows == 0)
		diag_error("\"%s\" has no related services in the catalog",
		    ids.v[0]);
	strv_release(&ids);
	return cmd_output(ctx, &res, n < 0 ? n : (int)res.nrows);
}

const struct cmd cmd_related = {
	.name = "related",
	.aliases = NULL,
	.operands = "SERVICE",
	.summary = "show a service's successor, predecessors, parts, "
	    "alternatives and complements",
	.nargs = { 1, -1 },
	.operand = VAL_SERVICE,
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = related_run,
};
