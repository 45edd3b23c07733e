/*
 * cmd-version.c: "awsai version": the program's version, the catalog's
 * as-of date, and its size by layer and by status.
 */
#include <stdlib.h>

#include "awsai.h"

static const struct column count_cols[] = {
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "services", CELL_NUM, 0, 0, 0, 0 },
};

/* Prints "label: a 1, b 2" from a listing's (id, count) rows. */
static void
print_counts(struct ctx *ctx, const char *label,
    int (*fill)(struct catalog *, const struct filter *, struct result *))
{
	struct result	res;

	result_init(&res, count_cols, 2);
	fill(ctx->catalog, NULL, &res);
	printf("  %s:", label);
	for (size_t r = 0; r < res.nrows; r++)
		printf("%s %s %.0f", r ? "," : "", res.cells[r * 2].s,
		    res.cells[r * 2 + 1].n);
	printf("\n");
	result_release(&res);
}

static int
version_run(struct ctx *ctx, struct args *a)
{
	char	*asof = NULL, *ver = NULL;

	(void)a;
	printf("awsai %s\n", AWSAI_VERSION);
	catalog_meta(ctx->catalog, "as_of", &asof);
	catalog_meta(ctx->catalog, "version", &ver);
	printf("catalog %s (%s), as of %s: %d services, %d capabilities, "
	    "%d glossary terms\n", ver ? ver : "?",
	    catalog_describe(ctx->catalog), asof ? asof : "?",
	    catalog_count(ctx->catalog, "services"),
	    catalog_count(ctx->catalog, "capabilities"),
	    catalog_count(ctx->catalog, "glossary"));
	print_counts(ctx, "by layer", catalog_layer_counts);
	print_counts(ctx, "by status", catalog_status_counts);
	free(asof);
	free(ver);
	return EXIT_OK;
}

const struct cmd cmd_version = {
	.name = "version",
	.aliases = NULL,
	.operands = "",
	.summary = "show the version, the catalog's date and its size by "
	    "layer and status",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = version_run,
};
