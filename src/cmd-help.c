/* cmd-help.c: "awsai help [COMMAND]": the overview or one command's help. */
#include "awsai.h"

static int
help_run(struct ctx *ctx, struct args *a)
{
	const struct cmd *c;

	(void)ctx;
	if (a->argc == 0) {
		usage_overview(stdout);
		return EXIT_OK;
	}
	if ((c = cmd_find(a->argv[0])) == NULL) {
		diag_error("no help for \"%s\": no such command (see \"awsai "
		    "help\")", a->argv[0]);
		return EXIT_USAGE;
	}
	usage_command(c, stdout);
	return EXIT_OK;
}

const struct cmd cmd_help = {
	.name = "help",
	.aliases = NULL,
	.operands = "[COMMAND]",
	.summary = "show the commands, or one command's options",
	.nargs = { 0, 1 },
	.operand = VAL_COMMAND,
	.opts = NULL,
	.flags = CMD_PAGER,
	.run = help_run,
};
