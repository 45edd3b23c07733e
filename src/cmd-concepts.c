/* cmd-concepts.c: "awsai concepts": the glossary, one line a term. */
#include "awsai.h"

static const struct column concept_columns[] = {
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "term", CELL_STR, 0, 0, 10, 30 },
	{ "term_ko", CELL_STR, 0, 6, 8, 24 },
	{ "aliases", CELL_LIST, COL_HIDE_TABLE, 0, 0, 0 },
	{ "definition", CELL_STR, COL_SHRINK, 0, 0, 0 },
	{ "definition_ko", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "see", CELL_LIST, COL_HIDE_TABLE, 0, 0, 0 },
};

static int
concepts_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { concept_columns,
	    sizeof(concept_columns) / sizeof(concept_columns[0]), 0,
	    catalog_glossary };

	(void)a;
	return cmd_listing(ctx, &l, NULL);
}

const struct cmd cmd_concepts = {
	.name = "concepts",
	.aliases = (const char *const[]){ "glossary", NULL },
	.operands = "",
	.summary = "list the glossary of AI/ML concepts",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = concepts_run,
};
