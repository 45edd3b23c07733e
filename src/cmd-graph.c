/*
 * cmd-graph.c: "awsai graph": use case -> service -> layer, with the
 * successor and part-of edges, as Graphviz DOT (the default) or a
 * Mermaid flowchart; the other formats list the edges.
 */
#include "awsai.h"

enum { GR_LAYER, GR_USECASE, GR_NOPTS };

static const struct opt graph_opts[] = {
	[GR_LAYER] = { 'l', "layer", VAL_LAYER, "LAYER",
	    "only the services of this layer" },
	[GR_USECASE] = { 'u', "usecase", VAL_USECASE, "USECASE",
	    "only the services for this use case" },
	[GR_NOPTS] = OPT_END,
};

static int
graph_run(struct ctx *ctx, struct args *a)
{
	struct filter	 f = { 0 };
	struct result	 res;

	/* with no -o and no shell format, a graph is drawn in DOT */
	if (ctx->fmt == FMT_AUTO && ctx->session_fmt == FMT_AUTO)
		ctx->out.fmt = FMT_DOT;
	f.layer = a->val[GR_LAYER];
	f.usecase = a->val[GR_USECASE];
	result_init(&res, graph_columns, graph_ncolumns);
	return cmd_output(ctx, &res, catalog_graph(ctx->catalog, &f, &res));
}

const struct cmd cmd_graph = {
	.name = "graph",
	.aliases = NULL,
	.operands = "",
	.summary = "draw use cases, services and layers as a graph (-o dot, "
	    "-o mermaid)",
	.nargs = { 0, 0 },
	.operand = VAL_NONE,
	.opts = graph_opts,
	.flags = CMD_CATALOG | CMD_PAGER | CMD_GRAPH,
	.run = graph_run,
};
