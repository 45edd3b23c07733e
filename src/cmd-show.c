/* cmd-show.c: "awsai show": one service's card, or its source record. */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

static const struct column card_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "aliases", CELL_LIST, 0 },
	{ "layer", CELL_STR, 0 },
	{ "layer_note", CELL_STR, 0 },
	{ "usecases", CELL_LIST, 0 },
	{ "status", CELL_STR, COL_STATUS },
	{ "status_date", CELL_STR, 0 },
	{ "status_note", CELL_STR, 0 },
	{ "successor", CELL_STR, 0 },
	{ "part_of", CELL_STR, 0 },
	{ "summary", CELL_STR, 0 },
	{ "summary_ko", CELL_STR, 0 },
	{ "description", CELL_STR, 0 },
	{ "tasks", CELL_LIST, 0 },
	{ "tasks_ko", CELL_LIST, 0 },
	{ "alternatives", CELL_LIST, 0 },
	{ "complements", CELL_LIST, 0 },
	{ "parts", CELL_LIST, 0 },
	{ "cli", CELL_STR, 0 },
	{ "docs", CELL_STR, 0 },
	{ "sources", CELL_LIST, 0 },
	{ "as_of", CELL_STR, 0 },
};

static const struct column record_columns[] = {
	{ "record", CELL_JSON, 0 },
};

/* Reports that word names no service, with up to three suggestions. */
static void
not_found(const char *word, const struct strv *sug)
{
	struct strbuf	sb = { 0 };

	for (size_t i = 0; i < sug->n; i++)
		sb_addf(&sb, "%s\"%s\"", i == 0 ? "" : i + 1 == sug->n ?
		    " or " : ", ", sug->v[i]);
	if (sug->n > 0)
		diag_error("unknown service \"%s\" (did you mean %s?)", word,
		    sb.buf);
	else
		diag_error("unknown service \"%s\" (see \"awsai list\" or try "
		    "\"awsai ask %s\")", word, word);
	sb_release(&sb);
}

static int
show_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct strv	 sug = { 0 };
	char		*id, *rec;
	int		 json = ctx->out.fmt == FMT_JSON ||
			    ctx->out.fmt == FMT_JSONL, status = EXIT_OK;

	if (json)
		result_init(&res, record_columns, 1);
	else
		result_init(&res, card_columns,
		    sizeof(card_columns) / sizeof(card_columns[0]));
	res.card = 1;
	for (int i = 0; i < a->argc; i++) {
		if ((id = catalog_resolve(ctx->catalog, a->argv[i], &sug)) ==
		    NULL) {
			not_found(a->argv[i], &sug);
			strv_release(&sug);
			status = EXIT_NOMATCH;
			continue;
		}
		if (json) {
			rec = catalog_record(ctx->catalog, id);
			result_row(&res)[0].s = rec;
		} else if (catalog_card(ctx->catalog, id, &res) < 0)
			status = EXIT_INTERNAL;
		free(id);
	}
	if (res.nrows > 0)
		out_print(&ctx->out, &res);
	result_release(&res);
	return status;
}

const struct cmd cmd_show = {
	.name = "show",
	.aliases = (const char *const[]){ "info", NULL },
	.synopsis = "SERVICE...",
	.summary = "show a service's card (by id, name, alias or prefix)",
	.nargs = { 1, -1 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = show_run,
};
