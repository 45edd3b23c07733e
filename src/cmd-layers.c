/*
 * cmd-layers.c: "awsai layers" and "awsai usecases": the three layers and
 * the use cases, each with its service count.
 */
#include "awsai.h"

static const struct column count_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "name_ko", CELL_STR, 0 },
	{ "services", CELL_NUM, 0 },
	{ "summary", CELL_STR, COL_SHRINK },
};

static int
counts_run(struct ctx *ctx, int (*fill)(struct catalog *, struct result *))
{
	struct result	 res;

	result_init(&res, count_columns,
	    sizeof(count_columns) / sizeof(count_columns[0]));
	return cmd_output(ctx, &res, fill(ctx->catalog, &res));
}

static int
layers_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	return counts_run(ctx, catalog_layers);
}

static int
usecases_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	return counts_run(ctx, catalog_usecases);
}

const struct cmd cmd_layers = {
	.name = "layers",
	.aliases = NULL,
	.synopsis = "",
	.summary = "list the layers (service, platform, infrastructure)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = layers_run,
};

const struct cmd cmd_usecases = {
	.name = "usecases",
	.aliases = NULL,
	.synopsis = "",
	.summary = "list the use cases (vision, speech, chatbot, ...)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = usecases_run,
};
