/*
 * cmd-build.c: "awsai build OUT PATH...": compile catalog JSON into the
 * SQLite image that `make` embeds; OUT is replaced atomically.
 */
#include "awsai.h"

static int
build_run(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return catalog_build((const char *const *)a->argv + 1,
	    (size_t)a->argc - 1, a->argv[0]);
}

const struct cmd cmd_build = {
	.name = "build",
	.aliases = NULL,
	.operands = "OUT.db PATH...",
	.summary = "compile catalog JSON into a catalog database",
	.nargs = { 2, -1 },
	.operand = VAL_PATH,
	.opts = NULL,
	.flags = CMD_HIDDEN,
	.run = build_run,
};
