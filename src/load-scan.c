/*
 * load-scan.c: where each value of a catalog file starts. jansson parses
 * the file; this walks its text once more beside the parsed tree and
 * records the line and column of every member and element, so that every
 * check can report FILE:LINE:COL. The positions are sorted once, and each
 * lookup is a binary search: a catalog with many bad entries costs
 * O(n log n), not O(n^2).
 */
#include <stdlib.h>
#include <string.h>

#include "load.h"

struct scan {
	struct file	*f;
	size_t		 i;
	int		 line;
	int		 col;
	int		 depth;
};

/* Deeper than this is not a catalog; jansson refuses it already. */
#define MAXDEPTH 2048

static void
scan_adv(struct scan *sc)
{
	unsigned char c = (unsigned char)sc->f->text[sc->i++];

	if (c == '\n') {
		sc->line++;
		sc->col = 1;
	} else if ((c & 0xc0) != 0x80)
		sc->col++;
}

static int
at_end(const struct scan *sc)
{
	return sc->i >= sc->f->len;
}

static void
scan_ws(struct scan *sc)
{
	while (!at_end(sc) && memchr(" \t\r\n", sc->f->text[sc->i], 4) != NULL)
		scan_adv(sc);
}

static void
scan_string(struct scan *sc)
{
	scan_adv(sc);	/* the opening quote */
	while (!at_end(sc) && sc->f->text[sc->i] != '"') {
		if (sc->f->text[sc->i] == '\\')
			scan_adv(sc);
		if (!at_end(sc))
			scan_adv(sc);
	}
	if (!at_end(sc))
		scan_adv(sc);
}

static void
pos_add(struct file *f, const json_t *parent, size_t idx, int line, int col)
{
	if (f->npos == f->cappos) {
		f->cappos = f->cappos ? f->cappos * 2 : 256;
		f->pos = xrealloc(f->pos, f->cappos * sizeof(*f->pos));
	}
	f->pos[f->npos].parent = parent;
	f->pos[f->npos].idx = idx;
	f->pos[f->npos].line = line;
	f->pos[f->npos].col = col;
	f->npos++;
}

static void	scan_value(struct scan *, const json_t *);

/* An object: each member's key and value positions, in file order. */
static void
scan_object(struct scan *sc, const json_t *v)
{
	void	*it = json_object_iter((json_t *)v);
	size_t	 n = 0;

	scan_adv(sc);
	for (;;) {
		scan_ws(sc);
		if (at_end(sc) || sc->f->text[sc->i] == '}')
			break;
		if (sc->f->text[sc->i] == ',') {
			scan_adv(sc);
			continue;
		}
		pos_add(sc->f, v, n, sc->line, sc->col);
		scan_string(sc);
		scan_ws(sc);
		if (!at_end(sc))
			scan_adv(sc);	/* the colon */
		scan_ws(sc);
		pos_add(sc->f, v, n + POS_VALUE, sc->line, sc->col);
		scan_value(sc, it != NULL ? json_object_iter_value(it) : NULL);
		if (it != NULL)
			it = json_object_iter_next((json_t *)v, it);
		n++;
	}
	if (!at_end(sc))
		scan_adv(sc);
}

static void
scan_array(struct scan *sc, const json_t *v)
{
	size_t	n = 0;

	scan_adv(sc);
	for (;;) {
		scan_ws(sc);
		if (at_end(sc) || sc->f->text[sc->i] == ']')
			break;
		if (sc->f->text[sc->i] == ',') {
			scan_adv(sc);
			continue;
		}
		pos_add(sc->f, v, n, sc->line, sc->col);
		scan_value(sc, v != NULL ? json_array_get(v, n) : NULL);
		n++;
	}
	if (!at_end(sc))
		scan_adv(sc);
}

/*
 * Walks the text of a value that jansson has already parsed. jansson
 * keeps object members in file order, so the n-th member in the text is
 * the n-th in the object.
 */
static void
scan_value(struct scan *sc, const json_t *v)
{
	scan_ws(sc);
	if (at_end(sc))
		return;
	if (++sc->depth > MAXDEPTH) {
		sc->i = sc->f->len;
		return;
	}
	switch (sc->f->text[sc->i]) {
	case '{':
		scan_object(sc, v);
		break;
	case '[':
		scan_array(sc, v);
		break;
	case '"':
		scan_string(sc);
		break;
	default:
		while (!at_end(sc) &&
		    memchr(",]} \t\r\n", sc->f->text[sc->i], 7) == NULL)
			scan_adv(sc);
		break;
	}
	sc->depth--;
}

static int
cmp_pos(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;

	if (x->parent != y->parent)
		return (uintptr_t)x->parent < (uintptr_t)y->parent ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Records the position of every member and element of f's parsed root. */
void
scan_positions(struct file *f)
{
	struct scan	sc = { f, 0, 1, 1, 0 };

	scan_value(&sc, f->root);
	qsort(f->pos, f->npos, sizeof(*f->pos), cmp_pos);
}

/*
 * Looks up the position of element idx of parent (idx + POS_VALUE: the
 * value of member idx); line 1, column 1 if it has none.
 */
void
pos_find(const struct file *f, const json_t *parent, size_t idx, int *line,
    int *col)
{
	struct pos	 key = { parent, idx, 0, 0 };
	const struct pos *p;

	p = bsearch(&key, f->pos, f->npos, sizeof(*f->pos), cmp_pos);
	*line = p != NULL ? p->line : 1;
	*col = p != NULL ? p->col : 1;
}
