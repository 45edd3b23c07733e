/*
 * out-json.c: JSON (one array, or one object for a card) and JSON Lines
 * (one object a line). Every value is encoded by jansson. JSON is a
 * jansson document; a JSON Lines row, a flat object, is put together from
 * its values' encodings, and the encoding of a string is kept once made:
 * a batch prints the same names and reasons line after line, and making
 * a jansson tree a row and taking it apart again cost more than
 * answering the question did.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "awsai.h"

/* A JSON string for s; invalid UTF-8 bytes become U+FFFD. */
static json_t *
jstr(const char *s)
{
	struct strbuf	 sb = { 0 };
	size_t		 i = 0, n = strlen(s), prev;
	uint32_t	 c;
	json_t		*j;

	if ((j = json_string(s)) != NULL)
		return j;
	sb_adds(&sb, "");
	while (i < n) {
		prev = i;
		if (util_utf8_next(s, n, &i, &c))
			sb_add(&sb, s + prev, i - prev);
		else
			sb_adds(&sb, "\xef\xbf\xbd");
	}
	j = json_string(sb.buf);
	sb_release(&sb);
	if (j == NULL)
		BUG("cannot encode a JSON string");
	return j;
}

/* Returns s quoted as a JSON string (caller frees). */
char *
out_json_string(const char *s)
{
	json_t	*j = jstr(s);
	char	*out = json_dumps(j, JSON_ENCODE_ANY);

	json_decref(j);
	return out;
}

/* The compact encodings of the strings seen, forgotten at MEMO_MAX;
 * what is kept at exit is still reachable, not a leak. */
#define MEMO_MAX 4096
static struct {
	struct strmap	 map;		/* string -> index in texts */
	struct strv	 keys, texts;
	struct strbuf	 line;		/* a JSON Lines line being made */
} memo;

/* j encoded compactly (caller frees); frees j. */
static char *
encode(json_t *j)
{
	char	*t = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT |
		    JSON_REAL_PRECISION(6));

	json_decref(j);
	if (t == NULL)
		BUG("cannot encode a JSON value");
	return t;
}

/* The encoding of string s, made once (borrowed until the next call). */
static const char *
memo_string(const char *s)
{
	long	*i = strmap_get(&memo.map, s);

	if (i != NULL)
		return memo.texts.v[*i];
	if (memo.texts.n >= MEMO_MAX) {
		strmap_release(&memo.map);
		strv_release(&memo.keys);
		strv_release(&memo.texts);
	}
	strv_push_owned(&memo.texts, encode(jstr(s)));
	strv_push_owned(&memo.keys, xstrdup(s));
	strmap_put(&memo.map, memo.keys.v[memo.keys.n - 1],
	    (long)memo.texts.n - 1);
	return memo.texts.v[memo.texts.n - 1];
}

static json_t *
cell_json(const struct cell *c, const struct column *col)
{
	json_t		*a;
	json_error_t	 err;

	switch (col->kind) {
	case CELL_NUM:
		if (c->null)
			return json_null();
		if (c->n == (double)(long long)c->n)
			return json_integer((json_int_t)c->n);
		return json_real(c->n);
	case CELL_LIST:
		a = json_array();
		for (size_t i = 0; i < c->list.n; i++)
			json_array_append_new(a, jstr(c->list.v[i]));
		return a;
	case CELL_JSON:
		if (c->s == NULL)
			return json_null();
		if ((a = json_loads(c->s, JSON_DECODE_ANY, &err)) == NULL)
			BUG("bad JSON in a result: %s", err.text);
		return a;
	case CELL_STR:
		break;
	}
	return c->s != NULL ? jstr(c->s) : json_null();
}

static json_t *
row_json(const struct result *res, size_t r)
{
	json_t	*o = json_object();

	for (size_t c = 0; c < res->ncols; c++)
		/* column names are the program's own ASCII */
		json_object_set_new_nocheck(o, res->cols[c].name,
		    cell_json(&res->cells[r * res->ncols + c], &res->cols[c]));
	return o;
}

/*
 * Appends real v as jansson writes it, through one real kept for the
 * purpose and a buffer on the stack (scores seldom repeat: no memo).
 * Returns 0 if it did not fit (the caller encodes it the long way).
 */
static int
append_real(struct strbuf *sb, double v)
{
	static json_t	*real;
	char		 buf[64];
	size_t		 n;

	if (real == NULL && (real = json_real(0)) == NULL)
		return 0;
	if (json_real_set(real, v) == -1)
		return 0;	/* not finite */
	n = json_dumpb(real, buf, sizeof(buf), JSON_ENCODE_ANY |
	    JSON_COMPACT | JSON_REAL_PRECISION(6));
	if (n == 0 || n >= sizeof(buf))
		return 0;
	sb_add(sb, buf, n);
	return 1;
}

/*
 * Real v into buf as jansson prints it with JSON_REAL_PRECISION(6), when
 * it is a whole number of thousandths below 1000 in size (a score,
 * rounded for output): %.6g holds all of such a number's digits, so it
 * prints exactly them, which integers give for a fraction of the cost.
 * Returns the length, or 0 for any other v (and for a whole number,
 * which is no real). buf holds OUT_MILLI_MAX bytes.
 */
size_t
out_json_milli(char *buf, double v)
{
	long long		 k;
	unsigned long long	 a;
	size_t			 n;

	if (!(fabs(v) < 1000))
		return 0;
	k = llround(v * 1000);
	if ((double)k / 1000 != v || k % 1000 == 0)
		return 0;
	a = k < 0 ? (unsigned long long)-k : (unsigned long long)k;
	n = k < 0 ? 1 : 0;
	buf[0] = '-';
	n += util_format_int(buf + n, (long long)(a / 1000));
	buf[n++] = '.';
	for (int d = 100; d > 0; d /= 10)
		buf[n++] = (char)('0' + a / (unsigned long long)d % 10);
	buf[n] = '\0';
	while (buf[n - 1] == '0')	/* %g keeps no trailing zero */
		buf[--n] = '\0';
	return n;
}

/* Appends cell c's value, encoded compactly. */
static void
add_value(struct strbuf *sb, const struct cell *c, const struct column *col)
{
	char	*t, buf[OUT_MILLI_MAX];	/* an integer fits too */
	size_t	 n;

	switch (col->kind) {
	case CELL_STR:
		sb_adds(sb, c->s != NULL ? memo_string(c->s) : "null");
		return;
	case CELL_LIST:
		sb_addc(sb, '[');
		for (size_t i = 0; i < c->list.n; i++) {
			if (i > 0)
				sb_addc(sb, ',');
			sb_adds(sb, memo_string(c->list.v[i]));
		}
		sb_addc(sb, ']');
		return;
	case CELL_NUM:
		/* an integer as jansson prints one (JSON_INTEGER_FORMAT, "%lld") */
		if (!c->null && c->n == (double)(long long)c->n) {
			sb_add(sb, buf, util_format_int(buf, (long long)c->n));
			return;
		}
		if (!c->null && (n = out_json_milli(buf, c->n)) > 0) {
			sb_add(sb, buf, n);
			return;
		}
		if (!c->null && append_real(sb, c->n))
			return;
		break;
	case CELL_JSON:
		break;
	}
	t = encode(cell_json(c, col));
	sb_adds(sb, t);
	free(t);
}

/* Appends row r as one compact object, its keys in column order. */
static void
add_row(struct strbuf *sb, const struct result *res, size_t r)
{
	sb_addc(sb, '{');
	for (size_t c = 0; c < res->ncols; c++) {
		/* column names are the program's own ASCII: no escapes */
		sb_adds(sb, c > 0 ? ",\"" : "\"");
		sb_adds(sb, res->cols[c].name);
		sb_add(sb, "\":", 2);
		add_value(sb, &res->cells[r * res->ncols + c], &res->cols[c]);
	}
	sb_addc(sb, '}');
}

/* Writes the line made in memo.line and a newline, in one piece. */
static int
put_line(const struct outspec *o)
{
	sb_addc(&memo.line, '\n');
	fwrite(memo.line.buf, 1, memo.line.len, o->fp);
	memo.line.len = 0;
	return 0;
}

/* Writes j and a newline, in one piece; frees j. Returns 0 or -1. */
static int
dump(const struct outspec *o, json_t *j, int compact)
{
	char	*text;

	text = json_dumps(j, JSON_REAL_PRECISION(6) |
	    (compact ? JSON_COMPACT : JSON_INDENT(2)));
	json_decref(j);
	if (text == NULL)
		return -1;
	fputs(text, o->fp);
	fputc('\n', o->fp);
	free(text);
	return 0;
}

/* Hands JSON's one document to whoever asked for it (o->doc: MCP, which
 * would only parse the text again) or writes it. Returns 0 or -1. */
static int
put_doc(const struct outspec *o, json_t *j)
{
	if (o->doc != NULL && *o->doc == NULL) {
		*o->doc = j;
		return 0;
	}
	return dump(o, j, 0);
}

/* Row r as JSON: its object, or a record card's document. */
static json_t *
row_value(const struct result *res, size_t r)
{
	if (res->card && res->ncols == 1 && res->cols[0].kind == CELL_JSON)
		return cell_json(&res->cells[r], &res->cols[0]);
	return row_json(res, r);
}

/*
 * JSON: one document: an array of row objects, or for a card of one
 * record that object (a card whose only column is a JSON document prints
 * that document); a card of several is an array of them. JSON Lines:
 * one compact object a line.
 */
int
out_json(const struct outspec *o, const struct result *res, int lines)
{
	json_t	*a;

	if (lines && !res->card) {
		for (size_t r = 0; r < res->nrows; r++) {
			add_row(&memo.line, res, r);
			put_line(o);
		}
		return 0;
	}
	if (lines) {
		for (size_t r = 0; r < res->nrows; r++)
			if (dump(o, row_value(res, r), lines) == -1)
				return -1;
		return 0;
	}
	if (res->card && res->nrows == 1)
		return put_doc(o, row_value(res, 0));
	a = json_array();
	for (size_t r = 0; r < res->nrows; r++)
		json_array_append_new(a, row_value(res, r));
	return put_doc(o, a);
}

static int
batch_line(const struct outspec *o, const struct result *res,
    const void *query)
{
	char	*q = encode(jstr(query));	/* once: not kept */

	sb_addf(&memo.line, "{\"query\":%s,\"results\":[", q);
	free(q);
	for (size_t r = 0; r < res->nrows; r++) {
		if (r > 0)
			sb_addc(&memo.line, ',');
		add_row(&memo.line, res, r);
	}
	sb_adds(&memo.line, "]}");
	return put_line(o);
}

/* One line {"query": ..., "results": [...]} for batch `ask -`. */
int
out_json_batch(struct outspec *o, const char *query, const struct result *res)
{
	return out_with_fields(o, res, batch_line, query);
}

/*
 * The --explain object of a hit (caller frees): the parts of its score,
 * the part that decided, the capabilities and cues that matched, and the
 * question's terms with their weights.
 */
char *
out_json_explain(const struct hit *h, const struct strv *terms)
{
	json_t	*o = json_object(), *parts = json_object(), *caps, *t;
	char	*text;

	for (int i = 0; i < PART_N; i++)
		json_object_set_new(parts, search_part_names[i],
		    json_real(round(h->part[i] * 1000) / 1000));
	json_object_set_new(o, "parts", parts);
	json_object_set_new(o, "matched", jstr(h->matched ? h->matched : ""));
	caps = json_array();
	for (size_t i = 0; i < h->ncaps; i++) {
		t = json_object();
		json_object_set_new(t, "id", jstr(h->caps[i].id));
		json_object_set_new(t, "name", jstr(h->caps[i].name));
		json_object_set_new(t, "cue", jstr(h->caps[i].cue));
		json_object_set_new(t, "score",
		    json_real(round(h->caps[i].score * 1000) / 1000));
		json_object_set_new(t, "strength",
		    json_real(round(h->caps[i].strength * 1000) / 1000));
		json_array_append_new(caps, t);
	}
	json_object_set_new(o, "capabilities", caps);
	t = json_array();
	for (size_t i = 0; i < terms->n; i++)
		json_array_append_new(t, jstr(terms->v[i]));
	json_object_set_new(o, "terms", t);
	text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6));
	json_decref(o);
	if (text == NULL)
		BUG("cannot encode the explanation");
	return text;
}
