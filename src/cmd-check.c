/*
 * cmd-check.c: "awsai check [PATH...]": validate catalog JSON and report
 * every problem as FILE:LINE:COL; exit 65 if there is any. A valid
 * catalog's facts that rest only on third-party sources are listed
 * after "catalog ok", so they are checked again when AWS confirms them.
 */
#include <stdlib.h>

#include "awsai.h"

static const struct column claim_columns[] = {
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "fact", CELL_STR, 0, 0, 0, 0 },
	{ "note", CELL_STR, 0, 0, 0, 0 },
	{ "source", CELL_STR, 0, 0, 0, 0 },
};

/* One report line: "  id: fact: note <source>", safe for a terminal. */
static void
report_line(const struct cell *c)
{
	char	*v[4];

	for (int i = 0; i < 4; i++)
		v[i] = out_escape_controls(c[i].s != NULL ? c[i].s : "");
	printf("  %s: %s: %s%s<%s>\n", v[0], v[1], v[2], *v[2] ? " " : "",
	    v[3]);
	for (int i = 0; i < 4; i++)
		free(v[i]);
}

static int
check_run(struct ctx *ctx, struct args *a)
{
	struct result	 res;
	const char	*def[1];
	int		 status;

	def[0] = ctx->catalog_path != NULL ? ctx->catalog_path : "catalog";
	result_init(&res, claim_columns, 4);
	if (a->argc > 0)
		status = catalog_check((const char *const *)a->argv,
		    (size_t)a->argc, &res);
	else
		status = catalog_check(def, 1, &res);
	if (status == EXIT_OK && (ctx->fmt == FMT_AUTO ||
	    ctx->fmt == FMT_TABLE || ctx->fmt == FMT_PLAIN)) {
		printf("catalog ok\n");
		if (res.nrows > 0)
			printf("facts resting only on third-party sources "
			    "(%zu):\n", res.nrows);
		for (size_t r = 0; r < res.nrows; r++)
			report_line(&res.cells[r * 4]);
	} else if (status == EXIT_OK)
		out_print(&ctx->out, &res);
	result_release(&res);
	return status;
}

const struct cmd cmd_check = {
	.name = "check",
	.aliases = (const char *const[]){ "lint", NULL },
	.operands = "[PATH...]",
	.summary = "validate catalog JSON files or directories (default: "
	    "catalog)",
	.nargs = { 0, -1 },
	.operand = VAL_PATH,
	.opts = NULL,
	.flags = 0,
	.run = check_run,
};
