/* cmd-usecases.c: "awsai usecases": the use cases with service counts. */
#include "awsai.h"

static const struct column usecase_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "name_ko", CELL_STR, 0 },
	{ "services", CELL_NUM, 0 },
	{ "summary", CELL_STR, COL_SHRINK },
};

static int
usecases_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	int		 n;

	(void)a;
	result_init(&res, usecase_columns,
	    sizeof(usecase_columns) / sizeof(usecase_columns[0]));
	if ((n = catalog_usecases(ctx->catalog, &res)) > 0)
		out_print(&ctx->out, &res);
	result_release(&res);
	return n < 0 ? EXIT_INTERNAL : n == 0 ? EXIT_NOMATCH : EXIT_OK;
}

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
