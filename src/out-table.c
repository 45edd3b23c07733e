/*
 * out-table.c: the formats for people. "table": a header and aligned
 * columns fitted to the terminal, with colour; "plain": the same columns
 * without header, colour or truncation. A card (one record) prints as
 * "field  value" lines in both.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define MINCOL	8	/* a shrunk column keeps at least this width */
#define BOLD	"\033[1m"
#define DIM	"\033[2m"
#define RESET	"\033[0m"

/* The cell as one line of safe text: control characters shown as ^X. */
static char *
cell_line(const struct cell *c, const struct column *col)
{
	struct strbuf	 raw = { 0 }, sb = { 0 };
	char		*line;

	sb_adds(&raw, "");
	out_cell_text(c, col->kind, &raw);
	if (col->kind == CELL_LIST) {
		/* comma and space read better than a bare comma */
		sb_adds(&sb, "");
		for (size_t i = 0; i < c->list.n; i++) {
			if (i > 0)
				sb_adds(&sb, ", ");
			sb_adds(&sb, c->list.v[i]);
		}
		sb_release(&raw);
		raw = sb;
		memset(&sb, 0, sizeof(sb));
	}
	line = out_escape_controls(raw.buf);
	sb_release(&raw);
	return line;
}

/* Cuts s to at most w display columns, ending in "…" when cut. */
static void
fit(char **s, size_t w)
{
	size_t	 i = 0, n = strlen(*s), prev, used = 0;
	uint32_t c;

	if (util_display_width(*s, n) <= w)
		return;
	while (i < n) {
		prev = i;
		util_utf8_next(*s, n, &i, &c);
		if (used + util_display_width(*s + prev, i - prev) + 1 > w) {
			i = prev;
			break;
		}
		used += util_display_width(*s + prev, i - prev);
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
 * Prints s starting at column indent, breaking lines at spaces so that
 * none passes the terminal width; continuation lines are indented.
 */
static void
wrap(const struct outspec *o, const char *s, size_t indent)
{
	size_t	 avail, col = 0, wlen, ww;
	const char *p = s, *q;

	if (o->width <= 0 || (size_t)o->width <= indent + 20) {
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
		fwrite(p, 1, wlen, o->fp);
		col += ww;
		p += wlen;
		while (*p == ' ')
			p++;
	}
}

static int
card(const struct outspec *o, const struct result *res)
{
	size_t	 lw = 0;
	char	*s;

	for (size_t c = 0; c < res->ncols; c++)
		if (strlen(res->cols[c].name) > lw)
			lw = strlen(res->cols[c].name);
	for (size_t r = 0; r < res->nrows; r++) {
		if (r > 0)
			fputc('\n', o->fp);
		for (size_t c = 0; c < res->ncols; c++) {
			const struct cell *cl = &res->cells[r * res->ncols + c];
			const struct column *col = &res->cols[c];
			const char *sc = NULL;

			if (col->flags & COL_HIDE_TABLE)
				continue;
			if ((col->kind == CELL_LIST && cl->list.n == 0) ||
			    ((col->kind == CELL_STR || col->kind == CELL_JSON) &&
			    cl->s == NULL))
				continue;
			fprintf(o->fp, "%s%s%s", o->color ? BOLD : "",
			    col->name, o->color ? RESET : "");
			pad(o->fp, lw - strlen(col->name) + 2);
			if (col->kind == CELL_LIST && strcmp(col->name,
			    "aliases") != 0 && cl->list.n > 0 &&
			    strchr(cl->list.v[0], ' ') != NULL) {
				for (size_t i = 0; i < cl->list.n; i++) {
					struct cell one = { 0 };
					struct column strcol = { "", CELL_STR,
					    0 };

					one.s = cl->list.v[i];
					s = cell_line(&one, &strcol);
					if (i > 0)
						pad(o->fp, lw + 2);
					fprintf(o->fp, "- %s\n", s);
					free(s);
				}
				continue;
			}
			s = cell_line(cl, col);
			if (o->color && (col->flags & COL_STATUS))
				sc = out_status_color(cl->s);
			fputs(sc ? sc : "", o->fp);
			wrap(o, s, lw + 2);
			fputs(sc ? RESET "\n" : "\n", o->fp);
			free(s);
		}
	}
	return 0;
}

static int
grid(const struct outspec *o, const struct result *res, int header)
{
	size_t	 nc = res->ncols, *w, total, over, gap = 2;
	char	**text;
	int	 *show;

	w = xcalloc(nc, sizeof(*w));
	show = xcalloc(nc, sizeof(*show));
	text = xcalloc(res->nrows * nc + 1, sizeof(*text));
	for (size_t c = 0; c < nc; c++) {
		show[c] = !(res->cols[c].flags & COL_HIDE_TABLE);
		if (header && show[c])
			w[c] = strlen(res->cols[c].name);
	}
	for (size_t r = 0; r < res->nrows; r++) {
		for (size_t c = 0; c < nc; c++) {
			char **t = &text[r * nc + c];

			if (!show[c])
				continue;
			*t = cell_line(&res->cells[r * nc + c], &res->cols[c]);
			if (util_display_width(*t, strlen(*t)) > w[c])
				w[c] = util_display_width(*t, strlen(*t));
		}
	}
	total = 0;
	for (size_t c = 0; c < nc; c++)
		if (show[c])
			total += w[c] + gap;
	if (o->width > 0 && header && total - gap > (size_t)o->width) {
		/* shrink the shrinkable columns in proportion to what each
		 * has above MINCOL, as CSS flex-shrink does */
		over = total - gap - (size_t)o->width;
		for (size_t c = 0, room = 0; c <= nc; c++) {
			if (c < nc) {
				if (show[c] && (res->cols[c].flags &
				    COL_SHRINK) && w[c] > MINCOL)
					room += w[c] - MINCOL;
				continue;
			}
			if (room == 0)
				break;
			if (over > room)
				over = room;
			for (size_t k = 0, left = over; k < nc && left; k++) {
				size_t cut;

				if (!show[k] || !(res->cols[k].flags &
				    COL_SHRINK) || w[k] <= MINCOL)
					continue;
				cut = ((w[k] - MINCOL) * over + room - 1) / room;
				if (cut > left)
					cut = left;
				w[k] -= cut;
				left -= cut;
			}
		}
		for (size_t r = 0; r < res->nrows; r++)
			for (size_t c = 0; c < nc; c++)
				if (show[c])
					fit(&text[r * nc + c], w[c]);
	}
	if (header) {
		size_t last = 0;

		for (size_t c = 0; c < nc; c++)
			if (show[c])
				last = c;
		if (o->color)
			fputs(BOLD, o->fp);
		for (size_t c = 0; c < nc; c++) {
			if (!show[c])
				continue;
			for (const char *p = res->cols[c].name; *p; p++)
				fputc(toupper((unsigned char)*p), o->fp);
			if (c != last)
				pad(o->fp, w[c] - strlen(res->cols[c].name) +
				    gap);
		}
		fputs(o->color ? RESET "\n" : "\n", o->fp);
	}
	for (size_t r = 0; r < res->nrows; r++) {
		size_t last = 0;

		for (size_t c = 0; c < nc; c++)
			if (show[c])
				last = c;
		for (size_t c = 0; c < nc; c++) {
			const char *t = text[r * nc + c], *sc = NULL;
			size_t dw;

			if (!show[c])
				continue;
			dw = util_display_width(t, strlen(t));
			if (o->color && (res->cols[c].flags & COL_STATUS))
				sc = out_status_color(
				    res->cells[r * nc + c].s);
			fprintf(o->fp, "%s%s%s", sc ? sc : "", t,
			    sc ? RESET : "");
			if (c != last)
				pad(o->fp, w[c] - dw + gap);
		}
		fputc('\n', o->fp);
	}
	for (size_t i = 0; i < res->nrows * nc; i++)
		free(text[i]);
	free(text);
	free(w);
	free(show);
	return 0;
}

int
out_table(const struct outspec *o, const struct result *res)
{
	return res->card ? card(o, res) : grid(o, res, !res->noheader);
}

int
out_plain(const struct outspec *o, const struct result *res)
{
	struct outspec plain = *o;

	plain.color = 0;
	plain.width = 0;
	return res->card ? card(&plain, res) : grid(&plain, res, 0);
}
