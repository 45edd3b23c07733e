/*
 * cmd-stages.c: "awsai stages" and "awsai roles": the ML lifecycle stages
 * and the ML roles, each with the services that serve it.
 */
#include "awsai.h"

static const struct column group_columns[] = {
	{ "id", CELL_STR, 0 },
	{ "name", CELL_STR, 0 },
	{ "name_ko", CELL_STR, 0 },
	{ "services", CELL_LIST, COL_SHRINK },
	{ "summary", CELL_STR, COL_HIDE_TABLE },
};

static int
groups_run(struct ctx *ctx, const char *kind)
{
	struct result	 res;

	result_init(&res, group_columns,
	    sizeof(group_columns) / sizeof(group_columns[0]));
	return cmd_output(ctx, &res, catalog_groups(ctx->catalog, kind, &res));
}

static int
stages_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	return groups_run(ctx, "stage");
}

static int
roles_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	return groups_run(ctx, "role");
}

const struct cmd cmd_stages = {
	.name = "stages",
	.aliases = (const char *const[]){ "lifecycle", NULL },
	.synopsis = "",
	.summary = "list the ML lifecycle stages and their services",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = stages_run,
};

const struct cmd cmd_roles = {
	.name = "roles",
	.aliases = NULL,
	.synopsis = "",
	.summary = "list the ML roles and the services each uses",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = roles_run,
};
