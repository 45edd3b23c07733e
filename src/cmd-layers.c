/* cmd-layers.c: "awsai layers": the three layers with service counts. */
#include "awsai.h"

static const struct column layer_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "name_ko", CELL_STR, 0 },
	{ "services", CELL_NUM, 0 },
	{ "summary", CELL_STR, COL_SHRINK },
};

static int
layers_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	int		 n;

	(void)a;
	result_init(&res, layer_columns,
	    sizeof(layer_columns) / sizeof(layer_columns[0]));
	if ((n = catalog_layers(ctx->catalog, &res)) > 0)
		out_print(&ctx->out, &res);
	result_release(&res);
	return n < 0 ? EXIT_INTERNAL : n == 0 ? EXIT_NOMATCH : EXIT_OK;
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
