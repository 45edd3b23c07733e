/* cmd-history.c: "history" in the shell: the lines entered so far. */
#include "awsai.h"

static int
history_run(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	(void)a;
	repl_history_print(stdout);
	return EXIT_OK;
}

const struct cmd cmd_history = {
	.name = "history",
	.aliases = NULL,
	.operands = "",
	.summary = "show the shell's history (kept from one run to the next)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_REPL_ONLY,
	.run = history_run,
};
