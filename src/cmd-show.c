/* cmd-show.c: "awsai show": services' cards, or their source records. */
#include <stdlib.h>

#include "awsai.h"

static const struct column record_columns[] = {
	{ "record", CELL_JSON, 0, 0, 0, 0 },
};

/* Reports that word names no service, with up to three suggestions. */
static void
not_found(const char *word, const struct strv *sug)
{
	struct strbuf	sb = { 0 };

	util_suggestions(&sb, (const char *const *)sug->v, sug->n);
	if (sb.len > 0)
		diag_error("unknown service \"%s\"%s", word, sb.buf);
	else
		diag_error("unknown service \"%s\" (see \"awsai list\" or try "
		    "\"awsai ask %s\")", word, word);
	sb_release(&sb);
}

/*
 * The service the operands from *i name: the longest run of words that
 * is exactly a name ("show amazon transcribe call analytics"), else one
 * word, by prefix. Advances *i past them. Returns the id (caller frees)
 * or NULL, with suggestions in sug.
 */
static char *
resolve(struct ctx *ctx, const struct args *a, int *i, struct strv *sug)
{
	char	*id;

	for (int n = a->argc - *i; n > 1; n--) {
		struct args	 run = { .argv = a->argv + *i, .argc = n };
		char		*name = cmd_join(&run);

		id = catalog_lookup(ctx->catalog, name);
		free(name);
		if (id != NULL) {
			*i += n;
			return id;
		}
	}
	return catalog_resolve(ctx->catalog, a->argv[(*i)++], sug);
}

static int
show_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct strv	 sug = { 0 };
	const struct column *cols;
	size_t		 ncols;
	char		*id;
	int		 json = ctx->out.fmt == FMT_JSON ||
			    ctx->out.fmt == FMT_JSONL, status = EXIT_OK;

	cols = json ? record_columns : catalog_card_columns(&ncols);
	result_init(&res, cols, json ? 1 : ncols);
	res.card = 1;
	for (int i = 0; i < a->argc;) {
		const char *word = a->argv[i];

		if ((id = resolve(ctx, a, &i, &sug)) == NULL) {
			not_found(word, &sug);
			strv_release(&sug);
			status = EXIT_NOMATCH;
			continue;
		}
		if (json)
			result_row(&res)[0].s = catalog_record(ctx->catalog, id);
		else if (catalog_card(ctx->catalog, id, &res) < 0)
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
	.operands = "SERVICE...",
	.summary = "show a service's card (by id, name, alias or prefix)",
	.nargs = { 1, -1 },
	.operand = VAL_SERVICE,
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = show_run,
};
