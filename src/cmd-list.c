/* cmd-list.c: "awsai list": services, filtered by layer, use case, status. */
#include "awsai.h"

enum { LIST_LAYER, LIST_STATUS, LIST_USECASE, LIST_NOPTS };

static const struct opt list_opts[] = {
	[LIST_LAYER] = { 'l', "layer", VAL_LAYER, "LAYER",
	    "only this layer: service, platform, infrastructure" },
	[LIST_STATUS] = { 's', "status", VAL_STATUS, "STATUS",
	    "only this status: ga, preview, closed, retired, active" },
	[LIST_USECASE] = { 'u', "usecase", VAL_USECASE, "USECASE",
	    "only services for this use case (see \"awsai usecases\")" },
	[LIST_NOPTS] = OPT_END,
};

static const struct column list_columns[] = {
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "name", CELL_STR, 0, 0, 12, 34 },
	{ "layer", CELL_STR, 0, 6, 5, 0 },
	{ "usecases", CELL_LIST, 0, 8, 8, 22 },
	{ "status", CELL_STR, COL_STATUS, 0, 7, 0 },
	{ "successor", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "part_of", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "accelerator", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "accelerators", CELL_NUM, COL_HIDE_TABLE | COL_NULLABLE, 0, 0, 0 },
	{ "accelerator_memory_gib", CELL_NUM, COL_HIDE_TABLE | COL_NULLABLE, 0, 0, 0 },
	{ "summary", CELL_STR, COL_SHRINK, 0, 0, 0 },
};

static const struct listing list_listing = {
	list_columns, sizeof(list_columns) / sizeof(list_columns[0]), 0,
	catalog_list,
};

static int
list_run(struct ctx *ctx, struct args *a)
{
	struct filter	f = { 0 };

	f.layer = a->val[LIST_LAYER];
	f.usecase = a->val[LIST_USECASE];
	f.status = a->val[LIST_STATUS];
	catalog_lean(ctx->catalog, LEAN_LIST);
	return cmd_listing(ctx, &list_listing, &f);
}

const struct cmd cmd_list = {
	.name = "list",
	.aliases = (const char *const[]){ "ls", NULL },
	.operands = "",
	.summary = "list services, by layer, use case or status",
	.nargs = { 0, 0 },
	.opts = list_opts,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = list_run,
};
