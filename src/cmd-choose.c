/*
 * cmd-choose.c: "awsai choose": a short guided decision. The questions
 * and their answers are catalog data (catalog/60-choose.json): the first
 * question is asked first and each answer names the next. An answer can
 * keep one layer or one use case, add words to the search and say who
 * the customer is; the walk ends in a ranked short list, printed as ask
 * prints it. An option named for a question's slot (--want, --domain...)
 * answers it; on a terminal the rest are asked, numbered.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "awsai.h"

enum { CH_WANT, CH_DOMAIN, CH_STAGE, CH_MODE, CH_DATA, CH_CUSTOMER,
    CH_LIMIT, CH_NOPTS };

static const struct opt choose_opts[] = {
	[CH_WANT] = { 0, "want", VAL_ANSWER, "ANSWER",
	    "ready-made, build-genai or own-model" },
	[CH_DOMAIN] = { 0, "domain", VAL_ANSWER, "ANSWER",
	    "what the task is about: vision, chatbot, rag, ..." },
	[CH_STAGE] = { 0, "stage", VAL_ANSWER, "ANSWER",
	    "for your own model: prepare, train, deploy, ..." },
	[CH_MODE] = { 0, "mode", VAL_ANSWER, "ANSWER",
	    "real-time, batch, serverless, distributed, ..." },
	[CH_DATA] = { 0, "data", VAL_ANSWER, "ANSWER",
	    "where the documents are: s3, saas, database, on-premises" },
	[CH_CUSTOMER] = { 0, "customer", VAL_ANSWER, "ANSWER",
	    "new or existing" },
	[CH_LIMIT] = { 'n', "limit", VAL_INT, "N",
	    "show the top N services (default 5)" },
	[CH_NOPTS] = OPT_END,
};

#define MAXSTEPS 32	/* questions in one walk; the loader forbids loops */
#define MAXTRIES 5	/* unreadable answers before giving up */

/* A walk: the answers so far and what they add up to. */
struct walk {
	struct query	 q;
	struct strbuf	 words;		/* the answers' search words */
	struct strbuf	 path;		/* "want=build-genai domain=rag" */
	struct strbuf	 labels;	/* their labels, if words are none */
	char		*layer, *usecase;
	int		 used[CH_NOPTS];	/* options that answered */
	int		 interactive;
};

/* The option that answers slot, or -1. */
static int
slot_option(const char *slot)
{
	for (int i = 0; i < CH_LIMIT; i++)
		if (strcmp(choose_opts[i].longname, slot) == 0)
			return i;
	return -1;
}

/* Lists q's answer ids into sb: "a, b, c". */
static void
answer_ids(const struct ch_question *q, struct strbuf *sb)
{
	for (size_t i = 0; i < q->nanswers; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", q->answers[i].id);
}

/* The answer of q that word is (an id, a unique prefix of one, or its
 * number), or NULL. */
static const struct ch_answer *
find_answer(const struct ch_question *q, const char *word)
{
	const struct ch_answer *hit = NULL;
	size_t		 n = strlen(word), nhits = 0;
	long		 k;

	if (util_parse_int(word, 1, (long)q->nanswers, &k) == 0)
		return &q->answers[k - 1];
	for (size_t i = 0; i < q->nanswers; i++) {
		if (strcmp(q->answers[i].id, word) == 0)
			return &q->answers[i];
		if (n > 0 && strncmp(q->answers[i].id, word, n) == 0) {
			hit = &q->answers[i];
			nhits++;
		}
	}
	return nhits == 1 ? hit : NULL;
}

/* Asks q on the terminal; the answer, or NULL when the person stops. */
static const struct ch_answer *
prompt(const struct ch_question *q)
{
	const struct ch_answer *a;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len;

	fprintf(stderr, "\n%s  %s\n", q->text, q->text_ko);
	for (size_t i = 0; i < q->nanswers; i++)
		fprintf(stderr, "  %2zu) %s\n      %s\n", i + 1,
		    q->answers[i].label, q->answers[i].label_ko);
	for (int tries = 0; tries < MAXTRIES; tries++) {
		fprintf(stderr, "Choose 1-%zu (q stops): ", q->nanswers);
		fflush(stderr);
		errno = 0;
		if ((len = getline(&line, &cap, stdin)) == -1 ||
		    cmd_interrupted())
			break;
		line[strcspn(line, "\r\n")] = '\0';
		if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0)
			break;
		if (line[0] != '\0' && (a = find_answer(q, line)) != NULL) {
			free(line);
			return a;
		}
		if (line[0] != '\0')
			fprintf(stderr, "\"%s\" is not one of 1-%zu\n", line,
			    q->nanswers);
	}
	if (feof(stdin))
		fputc('\n', stderr);
	clearerr(stdin);
	free(line);
	return NULL;
}

/* Applies answer a of question q to the walk. */
static void
take(struct walk *w, const struct ch_question *q, const struct ch_answer *a)
{
	if (a->layer != NULL) {
		free(w->layer);
		w->layer = xstrdup(a->layer);
	}
	if (a->usecase != NULL) {
		free(w->usecase);
		w->usecase = xstrdup(a->usecase);
	}
	if (a->query != NULL)
		sb_addf(&w->words, "%s%s", w->words.len ? " " : "", a->query);
	sb_addf(&w->labels, "%s%s", w->labels.len ? " " : "", a->label);
	sb_addf(&w->path, "%s%s=%s", w->path.len ? " " : "", q->slot, a->id);
	if (a->lifecycle != NULL)
		w->q.existing = strcmp(a->lifecycle, "existing") == 0;
}

/*
 * The answer to q: the option for its slot, else asked on a terminal.
 * Returns 1 with *out set, 0 when nobody answers, -1 for a bad option.
 */
static int
answer(struct walk *w, const struct args *args, const struct ch_question *q,
    const struct ch_answer **out)
{
	int		 o = slot_option(q->slot);
	struct strbuf	 sb = { 0 };

	*out = NULL;
	if (o >= 0 && args->val[o] != NULL) {
		w->used[o] = 1;
		if ((*out = find_answer(q, args->val[o])) != NULL)
			return 1;
		answer_ids(q, &sb);
		diag_error("--%s: \"%s\" does not answer \"%s\" (answers: %s)",
		    q->slot, args->val[o], q->text, sb.buf);
		sb_release(&sb);
		return -1;
	}
	if (w->interactive)
		*out = prompt(q);
	return *out != NULL;
}

/* An option given for a question the walk never reached. */
static int
unasked(const struct walk *w, const struct args *args)
{
	for (int i = 0; i < CH_LIMIT; i++)
		if (args->val[i] != NULL && !w->used[i])
			return diag_error("--%s: choose does not ask that after "
			    "%s (see \"awsai help choose\")",
			    choose_opts[i].longname, w->path.len ? w->path.buf :
			    "the first question");
	return 0;
}

/* Walks the questions from the first; the exit status when it fails. */
static int
walk_questions(struct ctx *ctx, struct walk *w, const struct args *args)
{
	struct ch_question	 q;
	const struct ch_answer *a;
	char		*next = NULL;
	int		 rc, status = EXIT_OK;

	for (int step = 0; step < MAXSTEPS; step++) {
		if ((rc = catalog_question(ctx->catalog, next, &q)) <= 0) {
			if (rc == 0 && next == NULL)
				diag_error("this catalog has no questions for "
				    "choose");
			status = rc < 0 || next == NULL ? EXIT_DATA : status;
			break;
		}
		free(next);
		next = NULL;
		if ((rc = answer(w, args, &q, &a)) == 1) {
			take(w, &q, a);
			next = a->next != NULL ? xstrdup(a->next) : NULL;
		}
		ch_question_release(&q);
		if (rc == -1)
			status = EXIT_USAGE;
		if (rc != 1 || next == NULL)
			break;
	}
	free(next);
	if (status == EXIT_OK && unasked(w, args) == -1)
		status = EXIT_USAGE;
	return status;
}

static void
walk_release(struct walk *w)
{
	sb_release(&w->words);
	sb_release(&w->path);
	sb_release(&w->labels);
	free(w->layer);
	free(w->usecase);
}

static int
choose_run(struct ctx *ctx, struct args *a)
{
	struct walk	 w;
	long		 limit = 5;
	int		 status;

	memset(&w, 0, sizeof(w));
	w.interactive = ctx->mode != MODE_MCP && ctx->capture == NULL &&
	    isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	if (a->val[CH_LIMIT] != NULL)
		util_parse_int(a->val[CH_LIMIT], 1, 1000, &limit);
	if ((status = walk_questions(ctx, &w, a)) != EXIT_OK) {
		walk_release(&w);
		return status;
	}
	if (w.path.len == 0) {
		walk_release(&w);
		if (cmd_interrupted())
			return EXIT_INTERRUPTED;
		diag_error("choose needs answers: run it on a terminal, or give "
		    "them, as in \"awsai choose --want build-genai --domain "
		    "chatbot\"");
		return EXIT_USAGE;
	}
	w.q.text = w.words.len ? w.words.buf : w.labels.buf;
	w.q.layer = w.layer;
	w.q.usecase = w.usecase;
	w.q.limit = (size_t)limit;
	w.q.any_successor = 1;	/* a closed service's successor is the answer */
	if (ctx->out.fmt == FMT_TABLE || ctx->out.fmt == FMT_PLAIN)
		fprintf(ctx->out.fp, "%s%s -> %s%s\n", w.interactive ? "\n" :
		    "", w.path.buf, w.layer != NULL ? w.layer : "any layer",
		    w.layer != NULL ? " layer" : "");
	status = cmd_ask_print(ctx, &w.q, 1);
	walk_release(&w);
	return status;
}

const struct cmd cmd_choose = {
	.name = "choose",
	.aliases = NULL,
	.operands = "",
	.summary = "answer a few questions and get the layer and a short "
	    "list of services",
	.nargs = { 0, 0 },
	.operand = VAL_NONE,
	.opts = choose_opts,
	.flags = CMD_CATALOG,
	.run = choose_run,
};
