/*
 * cmd-completion.c: "awsai completion bash|zsh|fish": the completion
 * script for a shell, as the files in completions/ hold it (they are
 * compiled in), so `source <(awsai completion bash)` works without
 * installing anything.
 */
#include <string.h>

#include "awsai.h"

extern const char awsai_completion_bash[];
extern const char awsai_completion_zsh[];
extern const char awsai_completion_fish[];

static int
completion_run(struct ctx *ctx, struct args *a)
{
	static const struct {
		const char	*shell;
		const char	*script;
	} scripts[] = {
		{ "bash", awsai_completion_bash },
		{ "zsh", awsai_completion_zsh },
		{ "fish", awsai_completion_fish },
	};

	(void)ctx;
	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
		if (strcmp(a->argv[0], scripts[i].shell) == 0) {
			fputs(scripts[i].script, stdout);
			return EXIT_OK;
		}
	diag_error("no completion for shell \"%s\" (expected: bash, zsh, "
	    "fish)", a->argv[0]);
	return EXIT_USAGE;
}

const struct cmd cmd_completion = {
	.name = "completion",
	.aliases = NULL,
	.operands = "bash|zsh|fish",
	.summary = "print the shell completion script for bash, zsh or fish",
	.nargs = { 1, 1 },
	.operand = VAL_SHELL,
	.opts = NULL,
	.flags = 0,
	.run = completion_run,
};
