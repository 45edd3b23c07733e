/* cmd-quit.c: "quit" (or "exit") in the shell or a script: leave it. */
#include "awsai.h"

static int
quit_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	ctx->quit = 1;
	return EXIT_OK;
}

const struct cmd cmd_quit = {
	.name = "quit",
	.aliases = (const char *const[]){ "exit", NULL },
	.operands = "",
	.summary = "leave the shell",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_REPL_ONLY,
	.run = quit_run,
};
