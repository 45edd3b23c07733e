/* cmd-version.c: "awsai version": the same as --version. */
#include <stdlib.h>

#include "awsai.h"

static int
version_run(struct ctx *ctx, struct args *a)
{
	char	*asof = NULL, *ver = NULL;

	(void)a;
	printf("awsai %s\n", AWSAI_VERSION);
	catalog_meta(ctx->catalog, "as_of", &asof);
	catalog_meta(ctx->catalog, "version", &ver);
	printf("catalog %s (%s), as of %s: %d services, %d glossary terms\n",
	    ver ? ver : "?", catalog_describe(ctx->catalog),
	    asof ? asof : "?", catalog_count(ctx->catalog, "services"),
	    catalog_count(ctx->catalog, "glossary"));
	free(asof);
	free(ver);
	return EXIT_OK;
}

const struct cmd cmd_version = {
	.name = "version",
	.aliases = NULL,
	.operands = "",
	.summary = "show the version and the catalog's date and size",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = version_run,
};
