/*
 * cmd-export.c: "awsai export": the whole catalog. -o json (the default)
 * gives it back in the source format of catalog/, which check and
 * --catalog read; -o csv gives one row per service with every field.
 */
#include "awsai.h"

static int
export_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	enum fmt	 f = ctx->fmt != FMT_AUTO ? ctx->fmt : ctx->session_fmt;

	(void)a;
	if (f == FMT_AUTO || f == FMT_JSON)
		return catalog_export_json(ctx->catalog, ctx->out.fp) == 0 ?
		    EXIT_OK : EXIT_DATA;
	if (f != FMT_CSV) {
		diag_error("export writes -o json (the catalog's source "
		    "format) or -o csv (a row per service), not -o %s",
		    out_format_name(f));
		return EXIT_USAGE;
	}
	result_init(&res, export_columns, export_ncolumns);
	return cmd_output(ctx, &res, catalog_export_rows(ctx->catalog, &res));
}

const struct cmd cmd_export = {
	.name = "export",
	.aliases = NULL,
	.operands = "",
	.summary = "write the whole catalog: -o json (source format) or -o "
	    "csv",
	.nargs = { 0, 0 },
	.operand = VAL_NONE,
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = export_run,
};
