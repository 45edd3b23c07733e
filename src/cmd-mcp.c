/*
 * cmd-mcp.c: "awsai mcp": the catalog as a Model Context Protocol
 * server over standard input and output, for coding agents (mcp.c).
 */
#include "awsai.h"

static int
mcp_run(struct ctx *ctx, struct args *a)
{
	(void)a;
	return mcp_serve(ctx);
}

const struct cmd cmd_mcp = {
	.name = "mcp",
	.aliases = NULL,
	.operands = "",
	.summary = "serve the catalog to coding agents over MCP (stdio)",
	.nargs = { 0, 0 },
	.opts = NULL,
	.flags = CMD_CATALOG,
	.run = mcp_run,
};
