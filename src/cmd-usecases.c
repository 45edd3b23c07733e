/* cmd-usecases.c: "awsai usecases": the use cases, with their services. */
#include "awsai.h"

static int
usecases_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { count_columns, 5, 0,
	    catalog_usecases };

	(void)a;
	return cmd_listing(ctx, &l, NULL);
}

const struct cmd cmd_usecases = {
	.name = "usecases",
	.aliases = NULL,
	.operands = "",
	.summary = "list the use cases (vision, speech, chatbot, ...)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = usecases_run,
};
