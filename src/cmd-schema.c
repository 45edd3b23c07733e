/*
 * cmd-schema.c: "awsai schema [TABLE]": the catalog's tables, indexes
 * and views as SQL, for writing "awsai sql" queries; the rows (type,
 * name, table, sql) in the formats for scripts.
 */
#include "awsai.h"

static int
schema_run(struct ctx *ctx, struct args *a)
{
	static const char sql[] = "SELECT type, name, tbl_name AS \"table\", "
	    "sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE "
	    "'sqlite_%' AND (?1 IS NULL OR tbl_name = ?1 COLLATE NOCASE) "
	    "ORDER BY tbl_name <> name, rowid";
	struct result	 res;
	struct column	*cols;
	int		 n;

	n = catalog_sql(ctx->catalog, sql, a->argc ? a->argv[0] : NULL, 5000,
	    &res, &cols);
	if (n < 0) {
		catalog_sql_release(&res, cols);
		return -n;
	}
	if (n == 0)
		diag_error("no table \"%s\" in the catalog (see \"awsai "
		    "schema\")", a->argv[0]);
	else if (ctx->out.fmt == FMT_TABLE || ctx->out.fmt == FMT_PLAIN)
		for (size_t r = 0; r < res.nrows; r++)
			fprintf(ctx->out.fp, "%s;\n",
			    res.cells[r * res.ncols + 3].s);
	else
		out_print(&ctx->out, &res);
	catalog_sql_release(&res, cols);
	return n > 0 ? EXIT_OK : EXIT_NOMATCH;
}

const struct cmd cmd_schema = {
	.name = "schema",
	.aliases = NULL,
	.operands = "[TABLE]",
	.summary = "show the catalog's SQL schema, for awsai sql",
	.nargs = { 0, 1 },
	.operand = VAL_STRING,
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = schema_run,
};
