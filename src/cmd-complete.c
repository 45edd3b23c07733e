/*
 * cmd-complete.c: "awsai __complete WORDS...": the candidates for the
 * last word, one a line, each followed by a tab and its description
 * (R3). The shell scripts in completions/ call it once per TAB and only
 * display what it prints; it calls the same complete.c as the REPL. Its
 * words are not options: "awsai __complete list --la" completes "--la".
 */
#include <stdlib.h>

#include "awsai.h"

static int
complete_run(struct ctx *ctx, struct args *a)
{
	struct completion c = { 0 };
	struct catalog	*cat;
	int		 status;

	/* a catalog that cannot be opened leaves only the table's words */
	diag_set_stream(fopen("/dev/null", "w"));
	cat = catalog_open(ctx->catalog_path, &status);
	complete_words(cat, a->argv, a->argc > 0 ? (size_t)a->argc - 1 : 0,
	    a->argc > 0 ? a->argv[a->argc - 1] : "", 0, &c);
	for (size_t i = 0; i < c.words.n; i++) {
		char *w = out_escape_controls(c.words.v[i]);
		char *d = out_escape_controls(c.descs.v[i]);

		printf("%s\t%s\n", w, d);
		free(w);
		free(d);
	}
	completion_release(&c);
	catalog_free(cat);
	return EXIT_OK;
}

const struct cmd cmd___complete = {
	.name = "__complete",
	.aliases = NULL,
	.operands = "WORDS...",
	.summary = "print the completions of the last word (for shells)",
	.nargs = { 0, -1 },
	.operand = VAL_STRING,
	.opts = NULL,
	.flags = CMD_HIDDEN | CMD_RAW,
	.run = complete_run,
};
