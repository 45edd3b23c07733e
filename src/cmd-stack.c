/*
 * cmd-stack.c: "awsai stack": the three layers drawn as stacked boxes,
 * top to bottom as the course draws them, each holding its services'
 * short names wrapped to the width. Box drawing in a UTF-8 locale, ASCII
 * otherwise; closed, retired and preview services marked; each layer in
 * its colour on a terminal. Scripts (tsv, csv, json) get the rows.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

enum { ST_ASCII, ST_USECASE, ST_WIDTH, ST_NOPTS };

static const struct opt stack_opts[] = {
	[ST_ASCII] = { 0, "ascii", VAL_NONE, NULL,
	    "draw with ASCII, whatever the locale" },
	[ST_USECASE] = { 'u', "usecase", VAL_USECASE, "USECASE",
	    "only the services for this use case" },
	[ST_WIDTH] = { 'w', "width", VAL_INT, "N",
	    "draw N columns wide (default: the terminal's)" },
	[ST_NOPTS] = OPT_END,
};

static const struct column stack_columns[] = {
	{ "layer", CELL_STR, 0, 0, 0, 0 },
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "name", CELL_STR, 0, 0, 0, 0 },
	{ "short", CELL_STR, 0, 0, 0, 0 },
	{ "status", CELL_STR, COL_STATUS, 0, 0, 0 },
};
enum { C_LAYER, C_ID, C_NAME, C_SHORT, C_STATUS, C_N };

#define MINWIDTH 20	/* narrower than this, no box holds a name */

/* The glyphs of one drawing style. */
struct glyphs {
	const char	*h, *v, *tl, *tr, *ml, *mr, *bl, *br, *more;
	const char	*marks[3];	/* closed, retired, preview */
};
static const struct glyphs utf8_glyphs = {
	"─", "│", "┌", "┐", "├", "┤", "└", "┘", "…",
	{ "*", "†", "°" },
};
static const struct glyphs ascii_glyphs = {
	"-", "|", "+", "+", "+", "+", "+", "+", "...",
	{ "*", "!", "^" },
};
static const char *const mark_meaning[3] = {
	"closed to new customers", "retired", "preview",
};
static const char *const layer_colors[] = {
	"\033[36m", "\033[35m", "\033[32m", "\033[34m", "\033[33m",
};

/* A drawing in progress. */
struct draw {
	const struct outspec *o;
	const struct glyphs *g;
	int		 width;		/* the whole box, borders included */
	const char	*color;		/* this layer's, or NULL */
	int		 used[3];	/* marks drawn */
	struct strbuf	 line;		/* the content line being filled */
	int		 linew;		/* its display width */
};

static int
mark_of(const char *status)
{
	return strcmp(status, "closed") == 0 ? 0 : strcmp(status,
	    "retired") == 0 ? 1 : strcmp(status, "preview") == 0 ? 2 : -1;
}

static void
put_color(struct draw *d, const char *c)
{
	if (d->o->color && c != NULL)
		fputs(c, d->o->fp);
}

/* Text cut to at most w columns, ending in the "more" glyph if cut. */
static char *
fit(const struct draw *d, const char *s, int w)
{
	size_t	 n = strlen(s), i = 0, next;
	int	 used = 0, more = (int)util_display_width(d->g->more,
		    strlen(d->g->more));
	uint32_t cp;

	if ((int)util_display_width(s, n) <= w)
		return xstrdup(s);
	while (i < n) {
		int cw;

		next = i;
		util_utf8_next(s, n, &next, &cp);
		cw = (int)util_display_width(s + i, next - i);

		if (used + cw > w - more)
			break;
		used += cw;
		i = next;
	}
	return xasprintf("%.*s%s", (int)i, s, d->g->more);
}

/* A border: left corner, title (may be NULL), rule, right corner. */
static void
border(struct draw *d, const char *l, const char *title, const char *r)
{
	int	 w = d->width - 2;
	char	*t = NULL;

	put_color(d, d->color);
	fputs(l, d->o->fp);
	if (title != NULL && w >= 6) {
		t = fit(d, title, w - 4);
		fprintf(d->o->fp, "%s %s ", d->g->h, t);
		w -= 3 + (int)util_display_width(t, strlen(t));
		free(t);
	}
	for (; w > 0; w--)
		fputs(d->g->h, d->o->fp);
	fputs(r, d->o->fp);
	put_color(d, d->o->color ? "\033[0m" : NULL);
	fputc('\n', d->o->fp);
}

/* Prints the content line and starts another. */
static void
flush_line(struct draw *d)
{
	put_color(d, d->color);
	fputs(d->g->v, d->o->fp);
	put_color(d, d->o->color ? "\033[0m" : NULL);
	fprintf(d->o->fp, " %s%*s ", d->line.len ? d->line.buf : "",
	    d->width - 4 - d->linew, "");
	put_color(d, d->color);
	fputs(d->g->v, d->o->fp);
	put_color(d, d->o->color ? "\033[0m" : NULL);
	fputc('\n', d->o->fp);
	d->line.len = 0;
	d->linew = 0;
}

/* Adds a service's short name, with its mark, wrapping as needed. */
static void
add_name(struct draw *d, const char *name, const char *status)
{
	int	 m = mark_of(status), inner = d->width - 4;
	char	*text = xasprintf("%s%s", name, m >= 0 ? d->g->marks[m] : "");
	char	*shown = fit(d, text, inner);
	int	 w = (int)util_display_width(shown, strlen(shown));
	int	 gap = d->linew > 0 ? 2 : 0;

	if (m >= 0)
		d->used[m] = 1;
	if (d->linew > 0 && d->linew + gap + w > inner) {
		flush_line(d);
		gap = 0;
	}
	if (gap)
		sb_adds(&d->line, "  ");
	if (m >= 0 && d->o->color && out_status_color(status) != NULL) {
		size_t cut = strlen(shown) - strlen(d->g->marks[m]);

		sb_addf(&d->line, "%.*s%s%s\033[0m", (int)cut, shown,
		    out_status_color(status), shown + cut);
	} else
		sb_adds(&d->line, shown);
	d->linew += gap + w;
	free(text);
	free(shown);
}

/*
 * A layer's title for a border of d's width: its name, its Korean name
 * (ko; NULL to leave it out) and its count, dropping the Korean name and
 * then cutting the name until it fits; the count stays.
 */
static char *
layer_title(const struct draw *d, const char *name, const char *ko, size_t n)
{
	int	 room = d->width - 6;
	char	*t = ko != NULL ? xasprintf("%s · %s · %zu", name, ko, n) :
		    NULL, *cut;

	if (t != NULL && (int)util_display_width(t, strlen(t)) <= room)
		return t;
	free(t);
	t = xasprintf(" · %zu", n);
	cut = fit(d, name, room - (int)strlen(t));
	free(t);
	t = xasprintf("%s · %zu", cut, n);
	free(cut);
	return t;
}

/* Draws the boxes: one per layer of layers, holding svcs' names. */
static int
draw_stack(const struct outspec *o, const struct glyphs *g, int width,
    const struct result *layers, const struct result *svcs)
{
	struct draw	 d = { o, g, width, NULL, { 0 }, { 0 }, 0 };
	size_t		 r = 0, nl = sizeof(layer_colors) /
			    sizeof(layer_colors[0]);

	for (size_t l = 0; l < layers->nrows; l++) {
		const struct cell *lc = &layers->cells[l * layers->ncols];
		char	*title;
		size_t	 n = 0;

		for (size_t k = 0; k < svcs->nrows; k++)
			n += strcmp(svcs->cells[k * C_N + C_LAYER].s,
			    lc[0].s) == 0;
		title = layer_title(&d, lc[1].s, g == &ascii_glyphs ? NULL :
		    lc[2].s, n);
		d.color = layer_colors[l % nl];
		border(&d, l == 0 ? g->tl : g->ml, title, l == 0 ? g->tr :
		    g->mr);
		free(title);
		for (; r < svcs->nrows && strcmp(svcs->cells[r * C_N +
		    C_LAYER].s, lc[0].s) == 0; r++)
			add_name(&d, svcs->cells[r * C_N + C_SHORT].s,
			    svcs->cells[r * C_N + C_STATUS].s);
		if (n == 0) {
			sb_adds(&d.line, "-");
			d.linew = 1;
		}
		if (d.linew > 0)
			flush_line(&d);
	}
	d.color = layer_colors[(layers->nrows - 1) % nl];
	border(&d, g->bl, NULL, g->br);
	for (int m = 0, first = 1; m < 3; m++)
		if (d.used[m]) {
			fprintf(o->fp, "%s%s %s", first ? "" : "   ",
			    g->marks[m], mark_meaning[m]);
			first = 0;
		}
	if (d.used[0] || d.used[1] || d.used[2])
		fputc('\n', o->fp);
	sb_release(&d.line);
	return 0;
}

/* Does the locale encode text as UTF-8? */
static int
utf8_locale(void)
{
	const char	*cs;

	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

static int
stack_run(struct ctx *ctx, struct args *a)
{
	struct filter	 f = { 0 };
	struct result	 layers, svcs;
	long		 width = ctx->out.width > 0 ? ctx->out.width : 80;
	int		 n;

	if (a->val[ST_WIDTH] != NULL)
		util_parse_int(a->val[ST_WIDTH], 1, 1000, &width);
	if (width < MINWIDTH) {
		diag_error("--width %ld is too narrow to draw in (at least %d)",
		    width, MINWIDTH);
		return EXIT_USAGE;
	}
	f.usecase = a->val[ST_USECASE];
	result_init(&svcs, stack_columns, C_N);
	if ((n = catalog_stack(ctx->catalog, &f, &svcs)) < 0 ||
	    (ctx->out.fmt != FMT_TABLE && ctx->out.fmt != FMT_PLAIN))
		return cmd_output(ctx, &svcs, n);
	result_init(&layers, count_columns, 5);
	if (catalog_layers(ctx->catalog, &f, &layers) > 0)
		draw_stack(&ctx->out, a->set[ST_ASCII] || !utf8_locale() ?
		    &ascii_glyphs : &utf8_glyphs, (int)width, &layers, &svcs);
	result_release(&layers);
	result_release(&svcs);
	return n > 0 ? EXIT_OK : EXIT_NOMATCH;
}

const struct cmd cmd_stack = {
	.name = "stack",
	.aliases = NULL,
	.operands = "",
	.summary = "draw the three layers as stacked boxes holding their "
	    "services",
	.nargs = { 0, 0 },
	.operand = VAL_NONE,
	.opts = stack_opts,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = stack_run,
};
