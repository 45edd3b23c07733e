/*
 * cmd-sql.c: "awsai sql STATEMENT": one read-only SQL statement over the
 * catalog, its rows in any format; catalog-sql.c guards it.
 */
#include <stdlib.h>

#include "awsai.h"

enum { SQL_TIMEOUT, SQL_NOPTS };

static const struct opt sql_opts[] = {
	[SQL_TIMEOUT] = { 0, "timeout", VAL_INT, "SECONDS",
	    "stop the query after this long (default 5)" },
	[SQL_NOPTS] = OPT_END,
};

static int
sql_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	struct column	*cols;
	char		*sql = cmd_join(a);
	long		 secs = 5;
	int		 n;

	if (a->val[SQL_TIMEOUT] != NULL)
		util_parse_int(a->val[SQL_TIMEOUT], 1, 1000, &secs);
	n = catalog_sql(ctx->catalog, sql, NULL, secs * 1000, &res, &cols);
	free(sql);
	/* no rows: tsv and csv still print the header, which tells */
	if (n > 0 || (n == 0 && res.ncols > 0 && !ctx->no_headers &&
	    (ctx->out.fmt == FMT_TSV || ctx->out.fmt == FMT_CSV)))
		out_print(&ctx->out, &res);
	catalog_sql_release(&res, cols);
	return n < 0 ? -n : n > 0 ? EXIT_OK : EXIT_NOMATCH;
}

const struct cmd cmd_sql = {
	.name = "sql",
	.aliases = NULL,
	.operands = "STATEMENT...",
	.summary = "run one read-only SQL statement over the catalog",
	.nargs = { 1, -1 },
	.operand = VAL_STRING,
	.opts = sql_opts,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = sql_run,
};
