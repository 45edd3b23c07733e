/* cmd-list.c: "awsai list": services, filtered by layer, use case, status. */
#include "awsai.h"

static const struct opt list_opts[] = {
	{ 'l', "layer", VAL_LAYER, "LAYER",
	    "only this layer: service, platform, infrastructure" },
	{ 'u', "usecase", VAL_USECASE, "USECASE",
	    "only services for this use case (see \"awsai usecases\")" },
	{ 's', "status", VAL_STATUS, "STATUS",
	    "only this status: ga, preview, closed, retired, active" },
	{ 0, NULL, 0, NULL, NULL },
};

static const struct column list_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "layer", CELL_STR, 0 },
	{ "usecases", CELL_LIST, COL_SHRINK },
	{ "status", CELL_STR, COL_STATUS },
	{ "successor", CELL_STR, COL_HIDE_TABLE },
	{ "summary", CELL_STR, COL_SHRINK },
};

static int
list_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;

	result_init(&res, list_columns,
	    sizeof(list_columns) / sizeof(list_columns[0]));
	return cmd_output(ctx, &res, catalog_list(ctx->catalog,
	    args_get(a, &cmd_list, "layer"), args_get(a, &cmd_list, "usecase"),
	    args_get(a, &cmd_list, "status"), &res));
}

const struct cmd cmd_list = {
	.name = "list",
	.aliases = (const char *const[]){ "ls", NULL },
	.synopsis = "[--layer LAYER] [--usecase USECASE] [--status STATUS]",
	.summary = "list services, by layer, use case or status",
	.nargs = { 0, 0 },
	.opts = list_opts,
	.flags = CMD_CATALOG,
	.run = list_run,
};
