/*
 * out-table.c: the formats for people. "table": a header and aligned
 * columns that never pass the terminal's width, with colour; "plain":
 * the same columns without header, colour or truncation. A card (one
 * record) prints as "field  value" lines, values wrapped to the width.
 *
 * Fitting a table: each column has a priority (0: always shown; higher
 * numbers are dropped first), a minimum and a maximum width. Columns
 * are dropped, most dispensable first, until their minimums fit; then
 * the flexible ones (summaries, "why") shrink first and take the room
 * that is left. Below the minimum of the essential columns, each row
 * prints as a card instead. Widths are display columns: Hangul and most
 * emoji take two; a cut value ends in "…".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define FLEXMIN	10	/* a flexible column keeps at least this width */
#define GAP	2	/* spaces between columns */
#define BOLD	"\033[1m"
#define RESET	"\033[0m"

/* The cell as one line of safe text: control characters shown as ^X. */
static char *
cell_line(const struct cell *c, const struct column *col)
{
	struct strbuf	 raw = { 0 };
	char		*line;

	sb_adds(&raw, "");
	if (col->kind == CELL_LIST) {
		/* comma and space read better than a bare comma */
		for (size_t i = 0; i < c->list.n; i++)
			sb_addf(&raw, "%s%s", i ? ", " : "", c->list.v[i]);
	} else
		out_cell_text(c, col->kind, &raw);
	line = out_escape_controls(raw.buf);
	sb_release(&raw);
	return line;
}

static size_t
width_of(const char *s)
{
	return util_display_width(s, strlen(s));
}

/* Cuts s to at most w display columns, ending in "…" when cut. */
static void
fit(char **s, size_t w)
{
	size_t	 i = 0, n = strlen(*s), prev, used = 0, cw;
	uint32_t c;

	if (width_of(*s) <= w)
		return;
	while (i < n) {
		prev = i;
		util_utf8_next(*s, n, &i, &c);
		cw = util_display_width(*s + prev, i - prev);
		if (used + cw + 1 > w) {
			i = prev;
			break;
		}
		used += cw;
	}
	(*s)[i] = '\0';
	*s = xrealloc(*s, i + 4);
	if (w > 0)
		strcat(*s, "\xe2\x80\xa6");
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/*
 * Prints s starting at column indent, breaking lines at spaces (or, for
 * a word longer than the line, anywhere) so that none passes the width;
 * continuation lines are indented.
 */
static void
wrap(const struct outspec *o, const char *s, size_t indent)
{
	size_t	 avail, col = 0, wlen, ww, i, prev;
	const char *p = s, *q;
	uint32_t c;

	if (o->width <= 0 || (size_t)o->width <= indent + 8) {
		fputs(s, o->fp);
		return;
	}
	avail = (size_t)o->width - indent;
	while (*p != '\0') {
		q = strchr(p, ' ');
		wlen = q != NULL ? (size_t)(q - p) : strlen(p);
		ww = util_display_width(p, wlen);
		if (col > 0 && col + 1 + ww > avail) {
			fputc('\n', o->fp);
			pad(o->fp, indent);
			col = 0;
		} else if (col > 0) {
			fputc(' ', o->fp);
			col++;
		}
		for (i = 0; ww > avail && i < wlen;) {
			prev = i;
			util_utf8_next(p, wlen, &i, &c);
			if (col + util_display_width(p + prev, i - prev) >
			    avail) {
				fputc('\n', o->fp);
				pad(o->fp, indent);
				col = 0;
			}
			fwrite(p + prev, 1, i - prev, o->fp);
			col += util_display_width(p + prev, i - prev);
		}
		if (ww <= avail) {
			fwrite(p, 1, wlen, o->fp);
			col += ww;
		}
		p += wlen;
		while (*p == ' ')
			p++;
	}
}

/* Is the cell empty (nothing to show in a card)? */
static int
is_empty(const struct cell *cl, const struct column *col)
{
	if (col->kind == CELL_LIST)
		return cl->list.n == 0;
	if (col->kind == CELL_NUM)
		return cl->null;
	return cl->s == NULL;
}

/* One field of a card: its name, then its value wrapped, or a list. */
static void
card_field(const struct outspec *o, const struct cell *cl,
    const struct column *col, size_t lw)
{
	const char	*sc = NULL;
	char		*s;

	fprintf(o->fp, "%s%s%s", o->color ? BOLD : "", col->name,
	    o->color ? RESET : "");
	pad(o->fp, lw - strlen(col->name) + 2);
	if (col->kind == CELL_LIST && strcmp(col->name, "aliases") != 0 &&
	    cl->list.n > 0 && strchr(cl->list.v[0], ' ') != NULL) {
		for (size_t i = 0; i < cl->list.n; i++) {
			s = out_escape_controls(cl->list.v[i]);
			if (i > 0)
				pad(o->fp, lw + 2);
			fputs("- ", o->fp);
			wrap(o, s, lw + 4);
			fputc('\n', o->fp);
			free(s);
		}
		return;
	}
	s = cell_line(cl, col);
	if (o->color && (col->flags & COL_STATUS))
		sc = out_status_color(cl->s);
	fputs(sc ? sc : "", o->fp);
	wrap(o, s, lw + 2);
	fputs(sc ? RESET "\n" : "\n", o->fp);
	free(s);
}

/* Every row as a card: "field  value" lines, a blank line between. */
static int
cards(const struct outspec *o, const struct result *res)
{
	size_t	lw = 0;

	for (size_t c = 0; c < res->ncols; c++)
		if (strlen(res->cols[c].name) > lw)
			lw = strlen(res->cols[c].name);
	for (size_t r = 0; r < res->nrows; r++) {
		if (r > 0)
			fputc('\n', o->fp);
		for (size_t c = 0; c < res->ncols; c++) {
			const struct cell *cl = &res->cells[r * res->ncols + c];

			if ((res->cols[c].flags & COL_HIDE_TABLE) ||
			    is_empty(cl, &res->cols[c]))
				continue;
			card_field(o, cl, &res->cols[c], lw);
		}
	}
	return 0;
}

/* What fitting decided for each column. */
struct layout {
	size_t	*w;		/* width, 0 for a column not shown */
	size_t	*nat;		/* natural width */
	size_t	*mn;		/* minimum width */
	int	*show;
	size_t	 nc;
};

static size_t
shown_width(const struct layout *l, const size_t *w)
{
	size_t	total = 0, n = 0;

	for (size_t c = 0; c < l->nc; c++)
		if (l->show[c]) {
			total += w[c];
			n++;
		}
	return n > 0 ? total + GAP * (n - 1) : 0;
}

/*
 * Column c's priority in this result: a status column whose rows do not
 * all say the same (a closed service among open ones) tells the reader
 * something no other column does, and goes last of those that may go.
 */
static int
prio(const struct result *res, size_t c)
{
	const char	*first;

	if (res->cols[c].prio == 0 || !(res->cols[c].flags & COL_STATUS) ||
	    res->nrows == 0)
		return res->cols[c].prio;
	first = res->cells[c].s;
	for (size_t r = 1; r < res->nrows; r++) {
		const char *v = res->cells[r * res->ncols + c].s;

		if ((v == NULL) != (first == NULL) ||
		    (v != NULL && strcmp(v, first) != 0))
			return 1;
	}
	return res->cols[c].prio;
}

/* Drops the most dispensable shown column; 0 if none can go. */
static int
drop_one(struct layout *l, const struct result *res)
{
	int	best = -1;

	for (size_t c = 0; c < l->nc; c++) {
		if (!l->show[c] || res->cols[c].prio == 0)
			continue;
		if (best < 0 || prio(res, c) > prio(res, (size_t)best) ||
		    (prio(res, c) == prio(res, (size_t)best) &&
		    l->nat[c] > l->nat[best]))
			best = (int)c;
	}
	if (best < 0)
		return 0;
	l->show[best] = 0;
	return 1;
}

/*
 * Moves up to amount display columns into (grow) or out of (shrink) the
 * shown columns whose flexibility matches flex, each in proportion to
 * its room. Returns what it could not move.
 */
static size_t
share(struct layout *l, const struct result *res, size_t amount, int grow,
    int flex)
{
	size_t	room = 0, r, cut, left = amount;

	for (size_t c = 0; c < l->nc; c++)
		if (l->show[c] && !!(res->cols[c].flags & COL_SHRINK) == flex)
			room += grow ? l->nat[c] - l->w[c] : l->w[c] - l->mn[c];
	if (room == 0)
		return amount;
	if (amount > room)
		amount = room;
	left -= amount;
	for (size_t c = 0, rest = amount; c < l->nc && rest > 0; c++) {
		if (!l->show[c] || !!(res->cols[c].flags & COL_SHRINK) != flex)
			continue;
		r = grow ? l->nat[c] - l->w[c] : l->w[c] - l->mn[c];
		cut = (r * amount + room - 1) / room;
		if (cut > rest)
			cut = rest;
		if (cut > r)
			cut = r;
		if (grow)
			l->w[c] += cut;
		else
			l->w[c] -= cut;
		rest -= cut;
	}
	return left;
}

/*
 * The width the shown columns need before anything is cut: the others
 * at their starting widths, the flexible ones at a quarter of the line.
 */
static size_t
wanted(const struct layout *l, const struct result *res, size_t width)
{
	size_t	*w = xcalloc(l->nc + 1, sizeof(*w)), flex = width / 4, need;

	if (flex < FLEXMIN)
		flex = FLEXMIN;
	for (size_t c = 0; c < l->nc; c++)
		w[c] = !(res->cols[c].flags & COL_SHRINK) ? l->w[c] :
		    flex < l->nat[c] ? flex : l->nat[c];
	need = shown_width(l, w);
	free(w);
	return need;
}

/*
 * Decides which columns show and how wide, for width (0: unlimited).
 * Columns go, most dispensable first, until the rest fit uncut; then
 * the others shrink, the flexible ones first. Returns 0, or -1 if even
 * the essential columns do not fit at their minimum widths.
 */
static int
layout_fit(struct layout *l, const struct result *res, size_t width)
{
	size_t	total;

	for (size_t c = 0; c < l->nc; c++) {
		const struct column *col = &res->cols[c];
		size_t mn = col->min ? (size_t)col->min :
		    (col->flags & COL_SHRINK) ? FLEXMIN : l->nat[c];

		l->mn[c] = mn < l->nat[c] ? mn : l->nat[c];
		l->w[c] = col->max && (size_t)col->max < l->nat[c] &&
		    !(col->flags & COL_SHRINK) ? (size_t)col->max : l->nat[c];
	}
	if (width == 0) {
		memcpy(l->w, l->nat, l->nc * sizeof(*l->w));
		return 0;
	}
	while (wanted(l, res, width) > width && drop_one(l, res))
		;
	if (shown_width(l, l->mn) > width)
		return -1;
	total = shown_width(l, l->w);
	if (total > width) {
		size_t over = total - width;

		over = share(l, res, over, 0, 1);
		share(l, res, over, 0, 0);
	} else
		share(l, res, width - total, 1, 1);
	return 0;
}

static void
print_header(const struct outspec *o, const struct result *res,
    const struct layout *l, size_t last)
{
	char	*h;

	if (o->color)
		fputs(BOLD, o->fp);
	for (size_t c = 0; c < l->nc; c++) {
		if (!l->show[c])
			continue;
		h = xstrdup(res->cols[c].name);
		for (char *p = h; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		fit(&h, l->w[c]);
		fputs(h, o->fp);
		if (c != last)
			pad(o->fp, l->w[c] - width_of(h) + GAP);
		free(h);
	}
	fputs(o->color ? RESET "\n" : "\n", o->fp);
}

/*
 * Splits s into lines of at most w display columns, at spaces where it
 * can (caller releases lines).
 */
static void
wrap_lines(const char *s, size_t w, struct strv *lines)
{
	struct strbuf	 sb = { 0 };
	size_t		 col = 0, n, ww, i, prev;
	uint32_t	 c;

	sb_adds(&sb, "");
	while (*s != '\0') {
		n = strcspn(s, " ");
		ww = util_display_width(s, n);
		if (col > 0 && col + 1 + ww > w) {
			strv_push(lines, sb.buf);
			sb.len = 0;
			sb.buf[0] = '\0';
			col = 0;
		}
		if (col > 0) {
			sb_addc(&sb, ' ');
			col++;
		}
		for (i = 0; i < n;) {
			prev = i;
			util_utf8_next(s, n, &i, &c);
			if (col + util_display_width(s + prev, i - prev) > w &&
			    col > 0) {
				strv_push(lines, sb.buf);
				sb.len = 0;
				sb.buf[0] = '\0';
				col = 0;
			}
			sb_add(&sb, s + prev, i - prev);
			col += util_display_width(s + prev, i - prev);
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	if (sb.len > 0 || lines->n == 0)
		strv_push(lines, sb.buf);
	sb_release(&sb);
}

/* A row whose cells wrap onto as many lines as the longest needs. */
static void
print_wrapped(const struct outspec *o, const struct result *res,
    const struct layout *l, size_t r, size_t last)
{
	struct strv	*cells = xcalloc(l->nc + 1, sizeof(*cells));
	size_t		 height = 1;

	for (size_t c = 0; c < l->nc; c++) {
		char *t;

		if (!l->show[c])
			continue;
		t = cell_line(&res->cells[r * l->nc + c], &res->cols[c]);
		wrap_lines(t, l->w[c] > 0 ? l->w[c] : 1, &cells[c]);
		free(t);
		if (cells[c].n > height)
			height = cells[c].n;
	}
	for (size_t k = 0; k < height; k++) {
		for (size_t c = 0; c < l->nc; c++) {
			const char *t = k < cells[c].n ? cells[c].v[k] : "";

			if (!l->show[c])
				continue;
			fputs(t, o->fp);
			if (c != last)
				pad(o->fp, l->w[c] - width_of(t) + GAP);
		}
		fputc('\n', o->fp);
	}
	for (size_t c = 0; c < l->nc; c++)
		strv_release(&cells[c]);
	free(cells);
}

static void
print_row(const struct outspec *o, const struct result *res,
    const struct layout *l, size_t r, size_t last)
{
	if (res->wrap && o->width > 0) {
		print_wrapped(o, res, l, r, last);
		return;
	}
	for (size_t c = 0; c < l->nc; c++) {
		const struct cell *cl = &res->cells[r * l->nc + c];
		const char	*sc = NULL;
		char		*t;

		if (!l->show[c])
			continue;
		t = cell_line(cl, &res->cols[c]);
		fit(&t, l->w[c]);
		if (o->color && (res->cols[c].flags & COL_STATUS))
			sc = out_status_color(cl->s);
		fprintf(o->fp, "%s%s%s", sc ? sc : "", t, sc ? RESET : "");
		if (c != last)
			pad(o->fp, l->w[c] - width_of(t) + GAP);
		free(t);
	}
	fputc('\n', o->fp);
}

static int
grid(const struct outspec *o, const struct result *res, int header)
{
	struct layout	 l;
	size_t		 last = 0;
	int		 rc = 0;

	l.nc = res->ncols;
	l.w = xcalloc(l.nc + 1, sizeof(*l.w));
	l.nat = xcalloc(l.nc + 1, sizeof(*l.nat));
	l.mn = xcalloc(l.nc + 1, sizeof(*l.mn));
	l.show = xcalloc(l.nc + 1, sizeof(*l.show));
	for (size_t c = 0; c < l.nc; c++) {
		l.show[c] = !(res->cols[c].flags & COL_HIDE_TABLE);
		l.nat[c] = header ? strlen(res->cols[c].name) : 0;
		for (size_t r = 0; l.show[c] && r < res->nrows; r++) {
			char *t = cell_line(&res->cells[r * l.nc + c],
			    &res->cols[c]);

			if (width_of(t) > l.nat[c])
				l.nat[c] = width_of(t);
			free(t);
		}
	}
	if (layout_fit(&l, res, o->width > 0 ? (size_t)o->width : 0) == -1)
		rc = cards(o, res);
	else {
		for (size_t c = 0; c < l.nc; c++)
			if (l.show[c])
				last = c;
		if (header)
			print_header(o, res, &l, last);
		for (size_t r = 0; r < res->nrows; r++)
			print_row(o, res, &l, r, last);
	}
	free(l.w);
	free(l.nat);
	free(l.mn);
	free(l.show);
	return rc;
}

int
out_table(const struct outspec *o, const struct result *res)
{
	return res->card ? cards(o, res) : grid(o, res, !res->noheader &&
	    !o->no_headers);
}

int
out_plain(const struct outspec *o, const struct result *res)
{
	struct outspec plain = *o;

	plain.color = 0;
	plain.width = 0;
	return res->card ? cards(&plain, res) : grid(&plain, res, 0);
}
