/*
 * out-graph.c: a graph's edges as Graphviz DOT or a Mermaid flowchart.
 * The result's rows are edges (graph_columns): each endpoint's kind, id,
 * name and status. A node is declared where it first appears, so the
 * text depends only on the rows' order.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

/* The columns of a graph's rows: a promise to scripts. */
const struct column graph_columns[] = {
	{ "relation", CELL_STR, 0, 0, 0, 0 },
	{ "from_kind", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "from", CELL_STR, 0, 0, 0, 0 },
	{ "from_name", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "from_status", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "to_kind", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "to", CELL_STR, 0, 0, 0, 0 },
	{ "to_name", CELL_STR, COL_SHRINK, 0, 0, 0 },
	{ "to_status", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
};
const size_t graph_ncolumns = sizeof(graph_columns) /
    sizeof(graph_columns[0]);
enum { G_REL, G_FKIND, G_FROM, G_FNAME, G_FSTATUS, G_TKIND, G_TO, G_TNAME,
    G_TSTATUS };

/* How each kind of node and edge looks in each language. */
static const struct {
	const char	*kind;
	const char	*dot;		/* node attributes */
	const char	*open, *close;	/* mermaid shape around the label */
} shapes[] = {
	{ "usecase", "shape=ellipse, style=filled, fillcolor=\"#e8f4fd\"",
	    "([", "])" },
	{ "service", "shape=box, style=\"rounded,filled\", "
	    "fillcolor=\"#fff7e6\"", "[", "]" },
	{ "layer", "shape=box3d, style=filled, fillcolor=\"#eeeeee\"", "[[",
	    "]]" },
};
static const struct {
	const char	*rel;
	const char	*dot;		/* edge attributes, or "" */
	const char	*mermaid;	/* the arrow */
} arrows[] = {
	{ "usecase", "", "-->" },
	{ "layer", "color=\"#888888\"", "-->" },
	{ "successor", "label=\"successor\", style=dashed, color=\"#c0392b\"",
	    "-. successor .->" },
	{ "part-of", "label=\"part of\", style=dotted", "-- part of -->" },
};

/* s in a DOT quoted string: quotes and backslashes escaped. */
static void
dot_quoted(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sb_addc(sb, '\\');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

/* A Mermaid node id: kind's letter, then [A-Za-z0-9] kept, '-' as '_'
 * (slugs have no '_'), anything else as _xHH: distinct ids stay
 * distinct and none is a keyword. */
static void
mermaid_id(struct strbuf *sb, const char *kind, const char *id)
{
	sb_addf(sb, "%c_", kind[0]);
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			sb_addc(sb, *p);
		else if (*p == '-')
			sb_addc(sb, '_');
		else
			sb_addf(sb, "_x%02X", *p);
	}
}

/* A Mermaid label in quotes, with the characters it treats specially
 * as entity codes. */
static void
mermaid_label(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':
			sb_adds(sb, "#quot;");
			break;
		case '#':
			sb_adds(sb, "#35;");
			break;
		case '<':
			sb_adds(sb, "#lt;");
			break;
		case '>':
			sb_adds(sb, "#gt;");
			break;
		default:
			sb_addc(sb, *s);
		}
	}
	sb_addc(sb, '"');
}

static size_t
shape_of(const char *kind)
{
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++)
		if (strcmp(shapes[i].kind, kind) == 0)
			return i;
	return 1;
}

static size_t
arrow_of(const char *rel)
{
	for (size_t i = 0; i < sizeof(arrows) / sizeof(arrows[0]); i++)
		if (strcmp(arrows[i].rel, rel) == 0)
			return i;
	return 0;
}

/* The nodes declared so far: strmap keys are borrowed from keys. */
struct nodes {
	struct strmap	 seen;
	struct strv	 keys;
	struct strbuf	 decl;		/* their declarations */
};

/* Declares node (kind, id, name, status) in the language. */
static void
declare(struct nodes *g, const char *kind, const char *id, const char *name,
    const char *status, int mermaid)
{
	int	 inactive = status != NULL && strcmp(status, "ga") != 0 &&
		    strcmp(status, "preview") != 0;
	char	*label = inactive ? xasprintf("%s (%s)", name, status) :
		    xstrdup(name);
	size_t	 s = shape_of(kind);

	if (mermaid) {
		sb_adds(&g->decl, "    ");
		mermaid_id(&g->decl, kind, id);
		sb_adds(&g->decl, shapes[s].open);
		mermaid_label(&g->decl, label);
		sb_adds(&g->decl, shapes[s].close);
	} else {
		sb_adds(&g->decl, "  ");
		dot_quoted(&g->decl, g->keys.v[g->keys.n - 1]);
		sb_adds(&g->decl, " [label=");
		dot_quoted(&g->decl, label);
		sb_addf(&g->decl, ", %s%s];", shapes[s].dot, inactive ?
		    ", fontcolor=\"#888888\", color=\"#888888\"" : "");
	}
	sb_addc(&g->decl, '\n');
	free(label);
}

/* One endpoint of an edge (its columns from fk on): its id in the
 * language onto sb, declared the first time. */
static void
node(struct nodes *g, struct strbuf *sb, const struct cell *c, int fk,
    int mermaid)
{
	const char	*kind = c[fk].s, *id = c[fk + 1].s;
	char		*key = xasprintf("%s:%s", kind, id);

	if (mermaid)
		mermaid_id(sb, kind, id);
	else
		dot_quoted(sb, key);
	if (strmap_get(&g->seen, key) != NULL) {
		free(key);
		return;
	}
	strv_push_owned(&g->keys, key);
	strmap_put(&g->seen, key, 0);
	declare(g, kind, id, c[fk + 2].s, c[fk + 3].s, mermaid);
}

/*
 * Prints res's edges as DOT or Mermaid: the nodes first, as they first
 * appear, then the edges. Returns 0.
 */
int
out_graph(const struct outspec *o, const struct result *res)
{
	struct nodes	 g = { 0 };
	struct strbuf	 edges = { 0 };
	int		 mermaid = o->fmt == FMT_MERMAID;

	for (size_t r = 0; r < res->nrows; r++) {
		const struct cell *c = &res->cells[r * res->ncols];
		size_t a = arrow_of(c[G_REL].s);

		sb_adds(&edges, mermaid ? "    " : "  ");
		node(&g, &edges, c, G_FKIND, mermaid);
		if (mermaid)
			sb_addf(&edges, " %s ", arrows[a].mermaid);
		else
			sb_adds(&edges, " -> ");
		node(&g, &edges, c, G_TKIND, mermaid);
		if (!mermaid && arrows[a].dot[0] != '\0')
			sb_addf(&edges, " [%s]", arrows[a].dot);
		sb_adds(&edges, mermaid ? "\n" : ";\n");
	}
	if (mermaid)
		fprintf(o->fp, "flowchart LR\n%s%s", g.decl.len ? g.decl.buf :
		    "", edges.len ? edges.buf : "");
	else
		fprintf(o->fp, "digraph awsai {\n  graph [rankdir=LR, "
		    "fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\"];"
		    "\n  edge [fontname=\"Helvetica\", fontsize=10];\n%s%s}\n",
		    g.decl.len ? g.decl.buf : "", edges.len ? edges.buf : "");
	strmap_release(&g.seen);
	strv_release(&g.keys);
	sb_release(&g.decl);
	sb_release(&edges);
	return 0;
}
