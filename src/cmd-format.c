/* cmd-format.c: "format FMT" in the shell: the default format until exit. */
#include <string.h>

#include "awsai.h"

static int
format_run(struct ctx *ctx, struct args *a)
{
	enum fmt	f;

	if (a->argc == 0) {
		printf("%s\n", ctx->session_fmt == FMT_AUTO ? "auto" :
		    out_format_name(ctx->session_fmt));
		return EXIT_OK;
	}
	if ((out_parse_format(a->argv[0], &f) == -1 || f == FMT_DOT ||
	    f == FMT_MERMAID) && strcmp(a->argv[0], "auto") != 0) {
		diag_error("unknown format \"%s\" (expected: auto, %s)",
		    a->argv[0], out_format_names());
		return EXIT_USAGE;
	}
	ctx->session_fmt = strcmp(a->argv[0], "auto") == 0 ? FMT_AUTO : f;
	return EXIT_OK;
}

const struct cmd cmd_format = {
	.name = "format",
	.aliases = NULL,
	.operands = "[FMT]",
	.summary = "set the shell's default output format (auto, table, "
	    "plain, tsv, csv, json, jsonl)",
	.nargs = { 0, 1 },
	.operand = VAL_FORMAT,
	.opts = NULL,
	.flags = CMD_REPL_ONLY,
	.run = format_run,
};
