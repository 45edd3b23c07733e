/* cmd-layers.c: "awsai layers": the three layers, with their services. */
#include "awsai.h"

/* The columns of layers and usecases: the same shape. */
const struct column count_columns[] = {
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "name", CELL_STR, 0, 0, 10, 30 },
	{ "name_ko", CELL_STR, 0, 6, 8, 24 },
	{ "services", CELL_NUM, 0, 0, 0, 0 },
	{ "summary", CELL_STR, COL_SHRINK, 0, 0, 0 },
};
const size_t count_ncolumns = sizeof(count_columns) /
    sizeof(count_columns[0]);

static int
layers_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { count_columns, 5, 0,
	    catalog_layers };

	(void)a;
	return cmd_listing(ctx, &l, NULL);
}

const struct cmd cmd_layers = {
	.name = "layers",
	.aliases = NULL,
	.operands = "",
	.summary = "list the layers (service, platform, infrastructure)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = layers_run,
};
