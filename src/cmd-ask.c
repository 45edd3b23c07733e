/*
 * cmd-ask.c: "awsai ask": rank services for a task in words; "ask -"
 * answers one task a line from standard input.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

enum { ASK_ACTIVE, ASK_EXPLAIN, ASK_LAYER, ASK_LIMIT, ASK_USECASE,
    ASK_NOPTS };

static const struct opt ask_opts[] = {
	[ASK_ACTIVE] = { 0, "active", VAL_NONE, NULL,
	    "hide services closed to new customers or retired" },
	[ASK_EXPLAIN] = { 0, "explain", VAL_NONE, NULL,
	    "show the score breakdown" },
	[ASK_LAYER] = { 'l', "layer", VAL_LAYER, "LAYER",
	    "only services of this layer" },
	[ASK_LIMIT] = { 'n', "limit", VAL_INT, "N",
	    "show the top N results (default 5)" },
	[ASK_USECASE] = { 'u', "usecase", VAL_USECASE, "USECASE",
	    "only services for this use case" },
	[ASK_NOPTS] = OPT_END,
};

/* The columns: without --explain, the last is left out. */
static size_t
ncols(const struct query *q)
{
	return q->explain ? search_ncolumns : search_ncolumns - 1;
}

static void
query_init(struct query *q, const struct args *a)
{
	const char	*n = a->val[ASK_LIMIT];
	long		 v = 5;

	memset(q, 0, sizeof(*q));
	if (n != NULL)
		util_parse_int(n, 1, 1000, &v);
	q->limit = (size_t)v;
	q->layer = a->val[ASK_LAYER];
	q->usecase = a->val[ASK_USECASE];
	q->active = a->set[ASK_ACTIVE];
	q->explain = a->set[ASK_EXPLAIN];
}

static int
ask_one(struct ctx *ctx, struct search *s, struct query *q)
{
	const struct strv *fixed;
	struct result	 res;
	int		 n;

	result_init(&res, search_columns, ncols(q));
	n = search_run(s, q, &res);
	fixed = search_corrections(s);
	for (size_t i = 0; i + 1 < fixed->n; i += 2)
		diag_warn("did you mean \"%s\"? (searched for it instead of "
		    "\"%s\")", fixed->v[i + 1], fixed->v[i]);
	if (n == 0)
		diag_error("no service fits \"%s\" (try other words, or "
		    "\"awsai list --usecase USECASE\")", q->text);
	return cmd_output(ctx, &res, n);
}

/* Batch: one task a line; the line number leads each TSV/CSV row. */
static int
ask_batch(struct ctx *ctx, struct search *s, struct query *q)
{
	static struct column cols[16];
	struct result	 res, lined;
	char		*line = NULL;
	size_t		 cap = 0, lineno = 0, nc = ncols(q);
	ssize_t		 len;
	int		 any = 0, first = 1, n;

	cols[0] = (struct column){ "line", CELL_NUM, 0 };
	memcpy(cols + 1, search_columns, nc * sizeof(*cols));
	while ((len = getline(&line, &cap, stdin)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		q->text = line;
		result_init(&res, search_columns, nc);
		if ((n = search_run(s, q, &res)) < 0) {
			result_release(&res);
			free(line);
			return EXIT_INTERNAL;
		}
		any |= n > 0;
		if (ctx->out.fmt == FMT_JSON || ctx->out.fmt == FMT_JSONL) {
			out_json_batch(&ctx->out, line, &res);
		} else if (n > 0) {
			result_init(&lined, cols, nc + 1);
			lined.noheader = !first;
			for (size_t r = 0; r < res.nrows; r++) {
				struct cell *row = result_row(&lined);

				cell_setn(&row[0], (double)lineno);
				memcpy(row + 1, &res.cells[r * nc],
				    nc * sizeof(*row));
				memset(&res.cells[r * nc], 0,
				    nc * sizeof(*row));
			}
			out_print(&ctx->out, &lined);
			result_release(&lined);
			first = 0;
		}
		result_release(&res);
		if (ferror(stdout))
			break;
	}
	free(line);
	return any ? EXIT_OK : EXIT_NOMATCH;
}

static int
ask_run(struct ctx *ctx, struct args *a)
{
	struct query	 q;
	struct search	*s;
	char		*text;
	int		 status;

	query_init(&q, a);
	if ((s = search_new(ctx->catalog)) == NULL)
		return EXIT_DATA;
	if (a->argc == 1 && strcmp(a->argv[0], "-") == 0)
		status = ask_batch(ctx, s, &q);
	else {
		q.text = text = cmd_join(a);
		status = ask_one(ctx, s, &q);
		free(text);
	}
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
	.flags = CMD_CATALOG,
	.run = ask_run,
};
