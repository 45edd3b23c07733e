/* cmd-show.c: "awsai show": services' cards, or their source records. */
#include <stdlib.h>

#include "awsai.h"

static const struct column record_columns[] = {
	{ "record", CELL_JSON, 0, 0, 0, 0 },
};

static int
show_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct strv	 ids = { 0 };
	const struct column *cols;
	size_t		 ncols;
	int		 json = ctx->out.fmt == FMT_JSON ||
			    ctx->out.fmt == FMT_JSONL, status;

	status = cmd_services(ctx, a, &ids) > 0 ? EXIT_NOMATCH : EXIT_OK;
	cols = json ? record_columns : catalog_card_columns(&ncols);
	result_init(&res, cols, json ? 1 : ncols);
	res.card = 1;
	for (size_t i = 0; i < ids.n; i++) {
		if (json)
			result_row(&res)[0].s = catalog_record(ctx->catalog,
			    ids.v[i]);
		else if (catalog_card(ctx->catalog, ids.v[i], &res) < 0)
			status = EXIT_INTERNAL;
	}
	if (res.nrows > 0)
		out_print(&ctx->out, &res);
	result_release(&res);
	strv_release(&ids);
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
