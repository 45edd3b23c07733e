/* cmd-roles.c: "awsai roles": the ML roles and the services each uses. */
#include "awsai.h"

static int
roles_run(struct ctx *ctx, struct args *a)
{
	static const struct listing l = { group_columns, 5, 0,
	    catalog_groups };
	struct filter	f = { 0 };

	(void)a;
	f.kind = "role";
	return cmd_listing(ctx, &l, &f);
}

const struct cmd cmd_roles = {
	.name = "roles",
	.aliases = NULL,
	.operands = "",
	.summary = "list the ML roles and the services each uses",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = roles_run,
};
