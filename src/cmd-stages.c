/* cmd-stages.c: "awsai stages": the ML lifecycle stages and their services. */
#include "awsai.h"

/* The columns of stages and roles: the same shape. */
const struct column group_columns[] = {
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "name", CELL_STR, 0, 0, 10, 30 },
	{ "name_ko", CELL_STR, 0, 6, 8, 24 },
	{ "services", CELL_LIST, COL_SHRINK, 0, 0, 0 },
	{ "summary", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
};

static int
stages_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { group_columns, 5, 0,
	    catalog_groups };
	struct filter	f = { 0 };

	(void)a;
	f.kind = "stage";
	return cmd_listing(ctx, &l, &f);
}

const struct cmd cmd_stages = {
	.name = "stages",
	.aliases = (const char *const[]){ "lifecycle", NULL },
	.operands = "",
	.summary = "list the ML lifecycle stages and their services",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = stages_run,
};
