/*
 * out.c: output policy: which format, colour and width; the format table
 * that sends a result to its renderer; escaping shared by renderers.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "awsai.h"

static const struct {
	const char	*name;
	enum fmt	 fmt;
} formats[] = {
	{ "table", FMT_TABLE },
	{ "plain", FMT_PLAIN },
	{ "tsv", FMT_TSV },
	{ "csv", FMT_CSV },
	{ "json", FMT_JSON },
	{ "jsonl", FMT_JSONL },
	{ "dot", FMT_DOT },
	{ "mermaid", FMT_MERMAID },
};

/* Parses a format name into *out; returns 0 or -1 (nothing reported). */
int
out_parse_format(const char *s, enum fmt *out)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].fmt;
			return 0;
		}
	}
	return -1;
}

/* The name of format f. */
const char *
out_format_name(enum fmt f)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i].fmt == f)
			return formats[i].name;
	return "auto";
}

const char *
out_format_names(void)
{
	return "table, plain, tsv, csv, json, jsonl; graph also takes dot, "
	    "mermaid";
}

/*
 * Fills in the output policy for the command ctx is about to run: on a
 * terminal the table with colour (unless NO_COLOR, TERM=dumb or a
 * script), piped TSV without colour, as gh does; the shell's `format`
 * is the default; --no-headers and --fields apply to every format.
 */
void
out_resolve(struct outspec *o, const struct ctx *ctx)
{
	struct winsize	 ws;
	const char	*nc = getenv("NO_COLOR"), *cols = getenv("COLUMNS");
	const char	*term = getenv("TERM");
	int		 tty = isatty(STDOUT_FILENO);
	enum fmt	 fmt = ctx->fmt != FMT_AUTO ? ctx->fmt : ctx->session_fmt;
	long		 n;

	o->fp = ctx->capture != NULL ? ctx->capture : stdout;
	o->doc = ctx->capture_json;
	tty = tty && ctx->capture == NULL;
	o->fmt = fmt != FMT_AUTO ? fmt : tty ? FMT_TABLE : FMT_TSV;
	o->no_headers = ctx->no_headers;
	o->fields = ctx->fields;
	if (ctx->color == COLOR_ALWAYS)
		o->color = 1;
	else if (ctx->color == COLOR_NEVER || ctx->mode == MODE_SCRIPT ||
	    ctx->mode == MODE_MCP)
		o->color = 0;
	else
		o->color = tty && (nc == NULL || *nc == '\0') &&
		    (term == NULL || strcmp(term, "dumb") != 0);
	o->width = 0;
	if (cols != NULL && util_parse_int(cols, 20, 10000, &n) == 0)
		o->width = (int)n;
	else if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		o->width = ws.ws_col;
}

/*
 * The columns of res that --fields names, in its order, into sel (a
 * result sharing res's cells). Returns 1, 0 when none are named, or -1
 * after naming the fields there are.
 */
static int
select_fields(const struct outspec *o, const struct result *res,
    struct result *sel)
{
	struct strv	 want = { 0 };
	struct strbuf	 sb = { 0 };
	const char	*err;
	char		*spec = xstrdup(o->fields);
	struct column	*cols;
	size_t		*map, c;
	int		 rc = 0;

	for (char *p = spec; *p; p++)
		if (*p == ',')
			*p = ' ';
	words_split(spec, &want, &err, 0);
	free(spec);
	cols = xcalloc(want.n + 1, sizeof(*cols));
	map = xcalloc(want.n + 1, sizeof(*map));
	for (size_t i = 0; i < want.n && rc == 0; i++) {
		for (c = 0; c < res->ncols; c++)
			if (strcmp(res->cols[c].name, want.v[i]) == 0)
				break;
		if (c == res->ncols) {
			for (size_t k = 0; k < res->ncols; k++)
				sb_addf(&sb, "%s%s", k ? ", " : "",
				    res->cols[k].name);
			rc = diag_error("unknown field \"%s\" for --fields "
			    "(fields: %s)", want.v[i], sb.buf);
			break;
		}
		cols[i] = res->cols[c];
		cols[i].flags &= ~COL_HIDE_TABLE;
		map[i] = c;
	}
	if (rc == 0 && want.n > 0) {
		rc = 1;
		result_init(sel, cols, want.n);
		sel->card = res->card;
		sel->noheader = res->noheader;
		sel->cells = xcalloc(res->nrows * want.n + 1,
		    sizeof(*sel->cells));
		for (size_t r = 0; r < res->nrows; r++)
			for (size_t i = 0; i < want.n; i++)
				sel->cells[r * want.n + i] =
				    res->cells[r * res->ncols + map[i]];
		sel->nrows = sel->cap = res->nrows;
	} else
		free(cols);
	free(map);
	strv_release(&want);
	sb_release(&sb);
	return rc;
}

/*
 * Calls fn(o, res, arg) with the columns --fields names, or all of them.
 * Returns what fn returned, or -1 for an unknown field (o->bad_fields).
 */
int
out_with_fields(struct outspec *o, const struct result *res,
    int (*fn)(const struct outspec *, const struct result *, const void *),
    const void *arg)
{
	struct result	sel;
	int		rc;

	if (o->fields == NULL || (res->card && res->ncols == 1 &&
	    res->cols[0].kind == CELL_JSON))
		return fn(o, res, arg);
	if ((rc = select_fields(o, res, &sel)) <= 0) {
		o->bad_fields |= rc == -1;
		return rc;
	}
	rc = fn(o, &sel, arg);
	free((void *)sel.cols);
	free(sel.cells);	/* the cells themselves are res's */
	return rc;
}

static int
render(const struct outspec *o, const struct result *res, const void *arg)
{
	(void)arg;
	return out_render(o, res);
}

/* Sends res to the renderer for o->fmt, or its --fields. 0 or -1. */
int
out_print(struct outspec *o, const struct result *res)
{
	return out_with_fields(o, res, render, NULL);
}

/* Sends res to the renderer for o->fmt. Returns 0 or -1. */
int
out_render(const struct outspec *o, const struct result *res)
{
	switch (o->fmt) {
	case FMT_AUTO:
	case FMT_TABLE:
		return out_table(o, res);
	case FMT_PLAIN:
		return out_plain(o, res);
	case FMT_TSV:
		return out_sv(o, res, '\t');
	case FMT_CSV:
		return out_sv(o, res, ',');
	case FMT_JSON:
		return out_json(o, res, 0);
	case FMT_JSONL:
		return out_json(o, res, 1);
	case FMT_DOT:
	case FMT_MERMAID:
		return out_graph(o, res);
	}
	BUG("unknown format %d", (int)o->fmt);
}

/*
 * Flushes stdout. A closed pipe (EPIPE) is not an error: `awsai list |
 * head -1` ends quietly. Returns 0 or -1 after reporting.
 */
int
out_flush(const struct outspec *o)
{
	if (fflush(o->fp) == 0 && !ferror(o->fp))
		return 0;
	if (errno == EPIPE)
		return 0;
	return diag_error("cannot write output: %s", strerror(errno));
}

/* Appends the text of a cell as the table, plain and SV formats show it. */
void
out_cell_text(const struct cell *c, enum cell_kind kind, struct strbuf *sb)
{
	char	buf[64];

	switch (kind) {
	case CELL_NUM:
		if (c->null)
			break;
		if (c->n == (double)(long long)c->n && fabs(c->n) < 1e15)
			util_format_int(buf, (long long)c->n);
		else
			snprintf(buf, sizeof(buf), "%.4g", c->n);
		sb_adds(sb, buf);
		break;
	case CELL_LIST:
		for (size_t i = 0; i < c->list.n; i++) {
			if (i > 0)
				sb_adds(sb, ",");
			sb_adds(sb, c->list.v[i]);
		}
		break;
	case CELL_STR:
	case CELL_JSON:
		if (c->s != NULL)
			sb_adds(sb, c->s);
		break;
	}
}

/* Appends s as TSV: tab, newline, carriage return and backslash as \t \n
 * \r \\. */
void
out_escape_tsv(struct strbuf *sb, const char *s)
{
	size_t	n;

	for (;;) {
		n = strcspn(s, "\t\n\r\\");
		sb_add(sb, s, n);	/* the run with nothing to escape */
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '\t':
			sb_add(sb, "\\t", 2);
			break;
		case '\n':
			sb_add(sb, "\\n", 2);
			break;
		case '\r':
			sb_add(sb, "\\r", 2);
			break;
		default:
			sb_add(sb, "\\\\", 2);
		}
		s++;
	}
}

/* Appends s as a CSV field (RFC 4180): quoted when it holds a comma,
 * quote, CR or LF, with quotes doubled. */
void
out_escape_csv(struct strbuf *sb, const char *s)
{
	const char	*q;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	while ((q = strchr(s, '"')) != NULL) {
		sb_add(sb, s, (size_t)(q - s) + 1);
		sb_addc(sb, '"');
		s = q + 1;
	}
	sb_adds(sb, s);
	sb_addc(sb, '"');
}

/*
 * Returns s with control characters shown as ^X (caller frees): text from
 * a catalog never moves the cursor or changes a terminal's colours.
 */
char *
out_escape_controls(const char *s)
{
	struct strbuf	sb = { 0 };

	sb_adds(&sb, "");
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f) {
			sb_addc(&sb, '^');
			sb_addc(&sb, *s ^ 0x40);
		} else
			sb_addc(&sb, *s);
	}
	return sb_detach(&sb);
}

/* The ANSI colour for a lifecycle status, or NULL. */
const char *
out_status_color(const char *status)
{
	if (status == NULL)
		return NULL;
	if (strcmp(status, "closed") == 0)
		return "\033[33m";
	if (strcmp(status, "retired") == 0)
		return "\033[31m";
	if (strcmp(status, "preview") == 0)
		return "\033[36m";
	return NULL;
}
