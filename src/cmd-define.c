/* cmd-define.c: "awsai define TERM": a glossary entry, English and Korean. */
#include <string.h>

#include "awsai.h"

static const struct column term_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "term", CELL_STR, 0 },
	{ "term_ko", CELL_STR, 0 },
	{ "aliases", CELL_LIST, 0 },
	{ "definition", CELL_STR, 0 },
	{ "definition_ko", CELL_STR, 0 },
	{ "see", CELL_LIST, 0 },
};

static int
define_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct strbuf	 term = { 0 };
	struct strv	 names = { 0 };
	const char	*best[3];
	int		 n;

	for (int i = 0; i < a->argc; i++)
		sb_addf(&term, "%s%s", i ? " " : "", a->argv[i]);
	result_init(&res, term_columns,
	    sizeof(term_columns) / sizeof(term_columns[0]));
	res.card = 1;
	n = catalog_glossary(ctx->catalog, term.buf, &res);
	if (n == 0) {
		catalog_values(ctx->catalog, "term", &names);
		util_suggest(term.buf, (const char *const *)names.v, names.n,
		    best, 3);
		if (best[0] != NULL)
			diag_error("no glossary entry for \"%s\" (did you mean "
			    "\"%s\"%s%s%s?)", term.buf, best[0],
			    best[1] ? " or \"" : "", best[1] ? best[1] : "",
			    best[1] ? "\"" : "");
		else
			diag_error("no glossary entry for \"%s\" (see \"awsai "
			    "concepts\")", term.buf);
		strv_release(&names);
	}
	sb_release(&term);
	return cmd_output(ctx, &res, n);
}

const struct cmd cmd_define = {
	.name = "define",
	.aliases = (const char *const[]){ "what", NULL },
	.synopsis = "TERM...",
	.summary = "define an AI/ML concept (English or Korean term)",
	.nargs = { 1, -1 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = define_run,
};
