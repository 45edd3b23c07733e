/*
 * cmd-build.c: "awsai build OUT PATH...": compile catalog JSON into the
 * SQLite image that `make` embeds; OUT is replaced atomically. With
 * --ask-db and --list-db, the tables ask or list reads go alone to an
 * image of their own, embedded beside it (catalog_lean()); with
 * --token-index, the index ask finds a token's lists by
 * (catalog-tokens.c), embedded too.
 */
#include "awsai.h"

enum { BUILD_ASK_DB, BUILD_LIST_DB, BUILD_TOKEN_INDEX, BUILD_NOPTS };

static const struct opt build_opts[] = {
	[BUILD_ASK_DB] = { 0, "ask-db", VAL_PATH, "FILE",
	    "also write the tables ask reads, alone, to FILE" },
	[BUILD_LIST_DB] = { 0, "list-db", VAL_PATH, "FILE",
	    "also write the tables list reads, alone, to FILE" },
	[BUILD_TOKEN_INDEX] = { 0, "token-index", VAL_PATH, "FILE",
	    "also write the token index ask reads to FILE" },
	[BUILD_NOPTS] = OPT_END,
};

static int
build_run(struct ctx *ctx, struct args *a)
{
	const char	*lean[LEAN_N] = {
		[LEAN_ASK] = a->val[BUILD_ASK_DB],
		[LEAN_LIST] = a->val[BUILD_LIST_DB],
	};

	(void)ctx;
	return catalog_build((const char *const *)a->argv + 1,
	    (size_t)a->argc - 1, a->argv[0], lean, a->val[BUILD_TOKEN_INDEX]);
}

const struct cmd cmd_build = {
	.name = "build",
	.aliases = NULL,
	.operands = "OUT.db PATH...",
	.summary = "compile catalog JSON into a catalog database",
	.nargs = { 2, -1 },
	.operand = VAL_PATH,
	.opts = build_opts,
	.flags = CMD_HIDDEN,
	.run = build_run,
};
