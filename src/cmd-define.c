/* cmd-define.c: "awsai define TERM": a glossary entry, English and Korean. */
#include <stdlib.h>

#include "awsai.h"

static const struct column term_columns[] = {
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "term", CELL_STR, 0, 0, 0, 0 },
	{ "term_ko", CELL_STR, 0, 0, 0, 0 },
	{ "aliases", CELL_LIST, 0, 0, 0, 0 },
	{ "definition", CELL_STR, 0, 0, 0, 0 },
	{ "definition_ko", CELL_STR, 0, 0, 0, 0 },
	{ "see", CELL_LIST, 0, 0, 0, 0 },
};

/* Reports that term names no glossary entry, with the nearest terms. */
static void
not_found(struct ctx *ctx, const char *term)
{
	struct strv	 names = { 0 };
	struct strbuf	 sb = { 0 };

	catalog_values(ctx->catalog, "term", &names);
	util_did_you_mean(&sb, term, (const char *const *)names.v, names.n, 2);
	diag_error("no glossary entry for \"%s\"%s", term, sb.len ? sb.buf :
	    " (see \"awsai concepts\")");
	sb_release(&sb);
	strv_release(&names);
}

static int
define_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { term_columns,
	    sizeof(term_columns) / sizeof(term_columns[0]), 1,
	    catalog_glossary };
	struct filter	 f = { 0 };
	char		*term = cmd_join(a);
	int		 status;

	f.term = term;
	if ((status = cmd_listing(ctx, &l, &f)) == EXIT_NOMATCH)
		not_found(ctx, term);
	free(term);
	return status;
}

const struct cmd cmd_define = {
	.name = "define",
	.aliases = (const char *const[]){ "what", NULL },
	.operands = "TERM...",
	.summary = "define an AI/ML concept (English or Korean term)",
	.nargs = { 1, -1 },
	.operand = VAL_TERM,
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = define_run,
};
