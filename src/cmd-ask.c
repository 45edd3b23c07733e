/*
 * cmd-ask.c: "awsai ask": rank services for a task in words; "ask -"
 * answers one task a line from standard input.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

static const struct opt ask_opts[] = {
	{ 0, "active", VAL_NONE, NULL,
	    "hide services closed to new customers or retired" },
	{ 0, "explain", VAL_NONE, NULL, "show the score breakdown" },
	{ 'l', "layer", VAL_LAYER, "LAYER", "only services of this layer" },
	{ 'n', "limit", VAL_INT, "N", "show the top N results (default 5)" },
	{ 'u', "usecase", VAL_USECASE, "USECASE",
	    "only services for this use case" },
	{ 0, NULL, 0, NULL, NULL },
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
	const char	*n = args_get(a, &cmd_ask, "limit");
	long		 v = 5;

	memset(q, 0, sizeof(*q));
	if (n != NULL)
		util_parse_int(n, 1, 1000, &v);
	q->limit = (size_t)v;
	q->layer = args_get(a, &cmd_ask, "layer");
	q->usecase = args_get(a, &cmd_ask, "usecase");
	q->active = args_has(a, &cmd_ask, "active");
	q->explain = args_has(a, &cmd_ask, "explain");
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
	struct strbuf	 text = { 0 };
	int		 status;

	query_init(&q, a);
	s = search_new(ctx->catalog);
	if (a->argc == 1 && strcmp(a->argv[0], "-") == 0)
		status = ask_batch(ctx, s, &q);
	else {
		for (int i = 0; i < a->argc; i++)
			sb_addf(&text, "%s%s", i ? " " : "", a->argv[i]);
		q.text = text.buf;
		status = ask_one(ctx, s, &q);
	}
	search_free(s);
	sb_release(&text);
	return status;
}

const struct cmd cmd_ask = {
	.name = "ask",
	.aliases = (const char *const[]){ "which", "find", NULL },
	.synopsis = "[--active] [--explain] [-l LAYER] [-n N] [-u USECASE] "
	    "TASK...|-",
	.summary = "rank services for a task described in words (- reads "
	    "one task a line)",
	.nargs = { 1, -1 },
	.opts = ask_opts,
	.flags = CMD_CATALOG,
	.run = ask_run,
};
