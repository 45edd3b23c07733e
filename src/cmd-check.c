/*
 * cmd-check.c: "awsai check [PATH...]": validate catalog JSON and report
 * every problem as FILE:LINE:COL; exit 65 if there is any.
 */
#include "awsai.h"

static int
check_run(struct ctx *ctx, struct args *a)
{
	const char	*def[1];
	int		 status;

	def[0] = ctx->catalog_path != NULL ? ctx->catalog_path : "catalog";
	if (a->argc > 0)
		status = catalog_check((const char *const *)a->argv,
		    (size_t)a->argc);
	else
		status = catalog_check(def, 1);
	if (status == EXIT_OK)
		printf("catalog ok\n");
	return status;
}

const struct cmd cmd_check = {
	.name = "check",
	.aliases = (const char *const[]){ "lint", NULL },
	.operands = "[PATH...]",
	.summary = "validate catalog JSON files or directories (default: "
	    "catalog)",
	.nargs = { 0, -1 },
	.operand = VAL_PATH,
	.opts = NULL,
	.flags = 0,
	.run = check_run,
};
