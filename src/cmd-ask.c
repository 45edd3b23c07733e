/*
 * cmd-ask.c: "awsai ask": rank services for a task in words; "ask -"
 * answers one task a line from standard input. search.c ranks; this
 * file turns its hits into rows. For people (table, plain) results below
 * medium confidence are left out unless --all; scripts get every result
 * up to -n, each with its confidence.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

enum { ASK_ACTIVE, ASK_ALL, ASK_EXISTING, ASK_EXPLAIN, ASK_JOBS, ASK_LAYER,
    ASK_LIMIT, ASK_USECASE, ASK_NOPTS };

static const struct opt ask_opts[] = {
	[ASK_ACTIVE] = { 0, "active", VAL_NONE, NULL,
	    "hide services closed to new customers or retired" },
	[ASK_ALL] = { 0, "all", VAL_NONE, NULL,
	    "show low-confidence results too" },
	[ASK_EXISTING] = { 0, "existing", VAL_NONE, NULL,
	    "rank by relevance alone, as an existing customer" },
	[ASK_EXPLAIN] = { 0, "explain", VAL_NONE, NULL,
	    "show the score breakdown" },
	[ASK_JOBS] = { 'j', "jobs", VAL_INT, "N",
	    "N processes for a batch (default: one a CPU)" },
	[ASK_LAYER] = { 'l', "layer", VAL_LAYER, "LAYER",
	    "only services of this layer" },
	[ASK_LIMIT] = { 'n', "limit", VAL_INT, "N",
	    "show the top N results (default 5)" },
	[ASK_USECASE] = { 'u', "usecase", VAL_USECASE, "USECASE",
	    "only services for this use case" },
	[ASK_NOPTS] = OPT_END,
};

/* The fields of a result: a promise to scripts (README). */
static const struct column ask_columns[] = {
	{ "line", CELL_NUM, 0, 0, 0, 0 },
	{ "rank", CELL_NUM, 0, 0, 0, 0 },
	{ "id", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "name", CELL_STR, 0, 0, 12, 34 },
	{ "layer", CELL_STR, 0, 6, 5, 0 },
	{ "status", CELL_STR, COL_STATUS, 7, 7, 0 },
	{ "successor", CELL_STR, COL_HIDE_TABLE, 0, 0, 0 },
	{ "score", CELL_NUM, COL_HIDE_TABLE, 0, 0, 0 },
	{ "confidence", CELL_STR, 0, 5, 6, 0 },
	{ "why", CELL_STR, COL_SHRINK, 0, 0, 0 },
	{ "explain", CELL_JSON, 0, 0, 0, 0 },
};
#define NCOLS (sizeof(ask_columns) / sizeof(ask_columns[0]))

static const char *const conf_names[] = { "low", "medium", "high" };

/* How one ask runs: its query and how it prints. */
struct ask {
	struct query	 q;
	int		 explain;
	int		 all;		/* people see low confidence too */
	int		 batch;		/* a line number leads each row */
	int		 jobs;		/* processes for a batch */
};

static void
ask_init(struct ask *k, const struct ctx *ctx, const struct args *a)
{
	long	v = 5;

	memset(k, 0, sizeof(*k));
	if (a->val[ASK_LIMIT] != NULL)
		util_parse_int(a->val[ASK_LIMIT], 1, 1000, &v);
	k->q.limit = (size_t)v;
	v = 0;			/* one a CPU */
	if (a->val[ASK_JOBS] != NULL)
		util_parse_int(a->val[ASK_JOBS], 1, 64, &v);
	k->jobs = (int)v;
	k->q.layer = a->val[ASK_LAYER];
	k->q.usecase = a->val[ASK_USECASE];
	k->q.active = a->set[ASK_ACTIVE];
	k->q.existing = a->set[ASK_EXISTING];
	k->explain = k->q.explain = a->set[ASK_EXPLAIN];
	k->all = a->set[ASK_ALL] || (ctx->out.fmt != FMT_TABLE &&
	    ctx->out.fmt != FMT_PLAIN);
}

/* The result's columns: a line number for a batch, explain if asked. */
static void
columns(const struct ask *k, struct result *res)
{
	size_t	skip = k->batch ? 0 : 1;

	result_init(res, ask_columns + skip, NCOLS - skip - !k->explain);
}

/* Adds the rows of hits to res (line 0: not a batch). */
static void
add_rows(const struct ask *k, const struct hits *h, size_t line,
    struct result *res)
{
	struct cell	*row;
	size_t		 c, rank = 0;

	for (size_t i = 0; i < h->n; i++) {
		const struct hit *t = &h->v[i];

		if (i > 0 && !k->all && t->conf < CONF_MEDIUM)
			continue;
		row = result_row(res);
		c = 0;
		if (k->batch)
			cell_setn(&row[c++], (double)line);
		cell_setn(&row[c++], (double)++rank);
		cell_set(&row[c++], t->id);
		cell_set(&row[c++], t->name);
		cell_set(&row[c++], t->layer);
		cell_set(&row[c++], t->status);
		cell_set(&row[c++], t->successor);
		cell_setn(&row[c++], t->score);
		cell_set(&row[c++], conf_names[t->conf]);
		cell_set(&row[c++], t->why);
		if (k->explain)
			row[c].s = out_json_explain(t, &h->terms);
	}
}

static int
ask_one(struct ctx *ctx, struct search *s, struct ask *k)
{
	struct hits	 h = { 0 };
	struct result	 res;
	int		 n;

	if ((n = search_run(s, &k->q, &h)) < 0) {
		hits_release(&h);
		return EXIT_DATA;
	}
	for (size_t i = 0; i + 1 < h.fixed.n; i += 2)
		diag_warn("did you mean \"%s\"? (searched for it instead of "
		    "\"%s\")", h.fixed.v[i + 1], h.fixed.v[i]);
	if (n == 0)
		diag_error("no service fits \"%s\" (try other words, or "
		    "\"awsai list --usecase USECASE\")", k->q.text);
	columns(k, &res);
	add_rows(k, &h, 0, &res);
	hits_release(&h);
	return cmd_output(ctx, &res, n);
}

/* Ranks q and prints its hits as ask does, all of them if all. */
int
cmd_ask_print(struct ctx *ctx, const struct query *q, int all)
{
	struct ask	 k;
	struct search	*s;
	int		 status;

	memset(&k, 0, sizeof(k));
	k.q = *q;
	k.all = all;
	if ((s = search_new(ctx->catalog)) == NULL)
		return EXIT_DATA;
	status = ask_one(ctx, s, &k);
	search_free(s);
	return status;
}

/* What a batch's lines share: how they are asked and printed. */
struct ask_lines {
	struct ctx	*ctx;
	struct search	*s;
	struct ask	*k;
	int		 json;
};

/* One task of a batch (a batch_fn): its rows, on fp. */
static int
ask_line(void *arg, const char *line, size_t lineno, FILE *fp, int *first)
{
	struct ask_lines *b = arg;
	struct outspec	*o = &b->ctx->out;
	FILE		*keep = o->fp;
	struct result	 res;
	struct hits	 h = { 0 };
	int		 n, flags;

	b->k->q.text = line;
	if ((n = search_run(b->s, &b->k->q, &h)) < 0) {
		hits_release(&h);
		return -1;
	}
	flags = n > 0 ? BATCH_ANY : 0;
	columns(b->k, &res);
	res.noheader = !*first;
	add_rows(b->k, &h, lineno, &res);
	o->fp = fp;
	if (b->json)
		out_json_batch(o, line, &res);
	else if (res.nrows > 0) {
		out_print(o, &res);
		if (*first && !o->no_headers)
			flags |= BATCH_HEADER;
		*first = 0;
	}
	o->fp = keep;
	if (o->bad_fields)
		flags |= BATCH_NOTE;
	result_release(&res);
	hits_release(&h);
	return flags;
}

/* Batch: one task a line; the line number leads each TSV/CSV row. */
static int
ask_batch(struct ctx *ctx, struct search *s, struct ask *k)
{
	struct ask_lines b = { ctx, s, k, 0 };
	int		 status, flags = 0;

	b.json = ctx->out.fmt == FMT_JSON || ctx->out.fmt == FMT_JSONL;
	k->batch = !b.json;
	status = batch_run(stdin, ctx->out.fp, b.json ||
	    ctx->out.fmt == FMT_TSV || ctx->out.fmt == FMT_CSV ? k->jobs : 1,
	    ask_line, &b, &flags);
	if (flags & BATCH_NOTE)
		ctx->out.bad_fields = 1;
	if (status != EXIT_OK)
		return status;
	return flags & BATCH_ANY ? EXIT_OK : EXIT_NOMATCH;
}

static int
ask_run(struct ctx *ctx, struct args *a)
{
	struct ask	 k;
	struct search	*s;
	char		*text;
	int		 status;

	ask_init(&k, ctx, a);
	if ((s = search_new(ctx->catalog)) == NULL)
		return EXIT_DATA;
	if (a->argc == 1 && strcmp(a->argv[0], "-") == 0)
		status = ask_batch(ctx, s, &k);
	else {
		k.q.text = text = cmd_join(a);
		status = ask_one(ctx, s, &k);
		free(text);
	}
	if (FREE_AT_EXIT || ctx->mode != MODE_ONESHOT)
		search_free(s);
	return status;
}

const struct cmd cmd_ask = {
	.name = "ask",
	.aliases = (const char *const[]){ "which", "find", NULL },
	.operands = "TASK...|-",
	.summary = "rank services for a task described in words (- reads "
	    "one task a line)",
	.nargs = { 1, -1 },
	.operand = VAL_TASK,
	.opts = ask_opts,
	.flags = CMD_CATALOG | CMD_PAGER,
	.run = ask_run,
};
