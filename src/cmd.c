/*
 * cmd.c: the command table (R1), lookup, and dispatch with each command's
 * preconditions (R2): operand counts, the catalog, option values.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "awsai.h"

#define CMD(n) &cmd_##n,
static const struct cmd *const table[] = {
#include "commands.h"
	NULL,
};
#undef CMD

#define NCMDS (sizeof(table) / sizeof(table[0]) - 1)

/* The command table, NULL-terminated; *n is set to its length. */
const struct cmd *const *
cmd_table(size_t *n)
{
	if (n != NULL)
		*n = NCMDS;
	return table;
}

/* Finds a command by exact name or alias, or NULL. */
const struct cmd *
cmd_find(const char *name)
{
	for (size_t i = 0; i < NCMDS; i++) {
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
		for (const char *const *a = table[i]->aliases; a && *a; a++)
			if (strcmp(*a, name) == 0)
				return table[i];
	}
	return NULL;
}

/* Joins the operands with spaces (caller frees). */
char *
cmd_join(const struct args *a)
{
	struct strbuf	sb = { 0 };

	sb_adds(&sb, "");
	for (int i = 0; i < a->argc; i++)
		sb_addf(&sb, "%s%s", i ? " " : "", a->argv[i]);
	return sb_detach(&sb);
}

/*
 * Checks a value against its kind; the catalog ones need ctx->catalog.
 * Returns 0, or -1 after reporting "unknown layer ..." with the choices.
 */
int
cmd_check_value(struct ctx *ctx, enum val_kind kind, const char *opt,
    const char *v)
{
	struct strv	 ids = { 0 };
	struct strbuf	 sb = { 0 };
	const char	*what;
	long		 n;
	int		 rc = 0;

	switch (kind) {
	case VAL_INT:
		if (util_parse_int(v, 1, 1000, &n) == 0)
			return 0;
		return diag_error("--%s takes a whole number from 1 to 1000, "
		    "not \"%s\"", opt, v);
	case VAL_STATUS:
	case VAL_LAYER:
	case VAL_USECASE:
		what = kind == VAL_LAYER ? "layer" : kind == VAL_USECASE ?
		    "usecase" : "status";
		if (catalog_has(ctx->catalog, what, v))
			return 0;
		catalog_values(ctx->catalog, what, &ids);
		util_did_you_mean(&sb, v, (const char *const *)ids.v, ids.n, 1);
		if (sb.len == 0) {
			sb_adds(&sb, " (expected: ");
			for (size_t i = 0; i < ids.n; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", ids.v[i]);
			sb_adds(&sb, ")");
		}
		rc = diag_error("unknown %s \"%s\" for --%s%s",
		    kind == VAL_USECASE ? "use case" : what, v, opt, sb.buf);
		strv_release(&ids);
		sb_release(&sb);
		return rc;
	default:
		return 0;
	}
}

/* Does a line the shell could not take for a command read like a task? */
static int
reads_like_task(int argc, char **argv)
{
	static const char *const openers[] = { "which", "what", "how", "i",
	    "we", "need", "want", "find", "can", "is", "service", NULL };

	if (argc >= 3 || strchr(argv[argc - 1], '?') != NULL ||
	    tokenizer_is_hangul(argv[0], strlen(argv[0])))
		return 1;
	for (const char *const *o = openers; *o != NULL; o++)
		if (strcasecmp(argv[0], *o) == 0)
			return 1;
	return 0;
}

/*
 * Reports a word that is no command: the nearest names, the commands a
 * prefix could be, or, in the shell, the ask it may have meant (never
 * run unasked).
 */
static int
unknown_command(const struct ctx *ctx, int argc, char **argv)
{
	const char	*names[NCMDS], *name = argv[0];
	struct strbuf	 sb = { 0 };
	struct strv	 amb = { 0 };
	size_t		 n = 0;
	char		*line;

	if (ctx->mode != MODE_ONESHOT && reads_like_task(argc, argv)) {
		line = cmd_join(&(struct args){ .argv = argv, .argc = argc });
		diag_error("\"%s\" is not a command (did you mean: ask %s%s)",
		    name, line, line[strlen(line) - 1] == '?' ? "" : "?");
		free(line);
		return EXIT_USAGE;
	}
	if (ctx->mode != MODE_ONESHOT) {
		cmd_find_prefix(name, &amb);
		if (amb.n > 1)
			util_suggestions(&sb, (const char *const *)amb.v, amb.n);
		strv_release(&amb);
	}
	for (size_t i = 0; i < NCMDS && sb.len == 0; i++)
		if (!(table[i]->flags & CMD_HIDDEN))
			names[n++] = table[i]->name;
	if (sb.len == 0)
		util_did_you_mean(&sb, name, names, n, 1);
	diag_error("unknown command \"%s\"%s", name, sb.len ? sb.buf :
	    " (see \"awsai help\")");
	sb_release(&sb);
	return EXIT_USAGE;
}

/* Reports that word names no service, with up to three suggestions. */
static void
no_service(const char *word, const struct strv *sug)
{
	struct strbuf	sb = { 0 };

	util_suggestions(&sb, (const char *const *)sug->v, sug->n);
	if (sb.len > 0)
		diag_error("unknown service \"%s\"%s", word, sb.buf);
	else
		diag_error("unknown service \"%s\" (see \"awsai list\" or try "
		    "\"awsai ask %s\")", word, word);
	sb_release(&sb);
}

/*
 * The service the operands from *i name: the longest run of words that
 * is exactly a name ("show amazon transcribe call analytics"), else one
 * word, by prefix. Advances *i past them. Returns the id (caller frees)
 * or NULL, with suggestions in sug.
 */
static char *
one_service(struct ctx *ctx, const struct args *a, int *i, struct strv *sug)
{
	char	*id;

	for (int n = a->argc - *i; n > 1; n--) {
		struct args	 run = { .argv = a->argv + *i, .argc = n };
		char		*name = cmd_join(&run);

		id = catalog_lookup(ctx->catalog, name);
		free(name);
		if (id != NULL) {
			*i += n;
			return id;
		}
	}
	return catalog_resolve(ctx->catalog, a->argv[(*i)++], sug);
}

/*
 * Resolves every operand to a service id, into ids; each that names none
 * is reported with suggestions. Returns how many named none.
 */
int
cmd_services(struct ctx *ctx, const struct args *a, struct strv *ids)
{
	struct strv	 sug = { 0 };
	int		 bad = 0;
	char		*id;

	for (int i = 0; i < a->argc;) {
		const char *word = a->argv[i];

		if ((id = one_service(ctx, a, &i, &sug)) == NULL) {
			no_service(word, &sug);
			bad++;
		} else
			strv_push_owned(ids, id);
		strv_release(&sug);
	}
	return bad;
}

/*
 * Prints a command's result if it has rows, releases it, and returns the
 * exit status for n, the rows found (-1: an error, already reported).
 */
int
cmd_output(struct ctx *ctx, struct result *res, int n)
{
	if (n > 0)
		out_print(&ctx->out, res);
	result_release(res);
	return n < 0 ? EXIT_INTERNAL : n == 0 ? EXIT_NOMATCH : EXIT_OK;
}

/* The one shape of every listing command: fill the rows, print them. */
int
cmd_listing(struct ctx *ctx, const struct listing *l, const struct filter *f)
{
	static const struct filter none;
	struct result	 res;

	result_init(&res, l->cols, l->ncols);
	res.card = l->card;
	return cmd_output(ctx, &res, l->fill(ctx->catalog, f ? f : &none,
	    &res));
}

/* --version: the version command, whatever command line it came in. */
static int
print_version(struct ctx *ctx)
{
	int	status;

	if (ctx->catalog == NULL &&
	    (ctx->catalog = catalog_open(ctx->catalog_path, &status)) == NULL)
		return status;
	status = cmd_version.run(ctx, NULL);
	return out_flush(&ctx->out) == 0 ? status : EXIT_INTERNAL;
}

/* Prints text through fn and flushes; the status of a help request. */
static int
print_help(struct ctx *ctx, const struct cmd *c)
{
	if (c != NULL)
		usage_command(c, stdout);
	else
		usage_overview(stdout);
	return out_flush(&ctx->out) == 0 ? EXIT_OK : EXIT_INTERNAL;
}

/* Checks the operand count; returns 0, or -1 after reporting. */
static int
check_nargs(const struct cmd *c, const struct args *a)
{
	struct strbuf	sb = { 0 };

	if (a->argc >= c->nargs[0] && (c->nargs[1] < 0 ||
	    a->argc <= c->nargs[1]))
		return 0;
	usage_synopsis(c, &sb);
	diag_error("\"%s\" takes %s (usage: awsai %s %s)", c->name,
	    c->nargs[1] == 0 ? "no arguments" : a->argc < c->nargs[0] ?
	    "more arguments" : "fewer arguments", c->name, sb.buf);
	sb_release(&sb);
	return -1;
}

/* Opens the catalog and checks option values that need it. */
static int
open_catalog(struct ctx *ctx, const struct cmd *c, const struct args *a)
{
	int	status;

	if (ctx->catalog == NULL &&
	    (ctx->catalog = catalog_open(ctx->catalog_path, &status)) == NULL)
		return status;
	for (size_t i = 0; i < opt_count(c->opts); i++)
		if (a->val[i] != NULL && cmd_check_value(ctx, c->opts[i].val,
		    c->opts[i].longname, a->val[i]) == -1)
			return EXIT_USAGE;
	return EXIT_OK;
}

/* The command argv[0] names: exactly, or in the shell by a prefix. */
static const struct cmd *
find_command(const struct ctx *ctx, const char *word)
{
	const struct cmd *c = cmd_find(word);

	if (c == NULL && ctx->mode != MODE_ONESHOT)
		c = cmd_find_prefix(word, NULL);
	return c;
}

/* Runs command c on its parsed arguments a; its exit status. */
static int
run(struct ctx *ctx, const struct cmd *c, struct args *a)
{
	int	status, paged;

	if (check_nargs(c, a) == -1)
		return EXIT_USAGE;
	if ((c->flags & CMD_REPL_ONLY) && ctx->mode == MODE_ONESHOT) {
		diag_error("\"%s\" works only inside the shell (start it with "
		    "\"awsai\")", c->name);
		return EXIT_USAGE;
	}
	if ((ctx->out.fmt == FMT_DOT || ctx->out.fmt == FMT_MERMAID) &&
	    !(c->flags & CMD_GRAPH)) {
		diag_error("-o %s draws a graph: only \"awsai graph\" takes it",
		    out_format_name(ctx->out.fmt));
		return EXIT_USAGE;
	}
	if ((c->flags & CMD_CATALOG) &&
	    (status = open_catalog(ctx, c, a)) != EXIT_OK)
		return status;
	paged = (c->flags & CMD_PAGER) && pager_start(ctx) == 0;
	status = c->run(ctx, a);
	if (out_flush(&ctx->out) == -1 && status == EXIT_OK)
		status = EXIT_INTERNAL;
	if (paged)
		pager_stop();
	return ctx->out.bad_fields ? EXIT_USAGE : status;
}

/*
 * Runs one command line: argv[0] is the program, then global options, a
 * command, its options and operands. In the shell and in scripts it runs
 * each line; there a line of only options does nothing. Returns the
 * exit status (R7).
 */
int
cmd_dispatch(struct ctx *ctx, int argc, char **argv)
{
	const struct cmd *c;
	struct args	 ga, a;
	int		 rc;

	memset(&ga, 0, sizeof(ga));
	if ((rc = args_parse(ctx, NULL, argc, argv, &ga)) == -1)
		return EXIT_USAGE;
	out_resolve(&ctx->out, ctx);
	if (rc == GOPT_VERSION)
		return print_version(ctx);
	if (rc == GOPT_HELP || (ga.argc == 0 && ctx->mode == MODE_ONESHOT))
		return print_help(ctx, NULL);
	if (ga.argc == 0)
		return EXIT_OK;
	if ((c = find_command(ctx, ga.argv[0])) == NULL)
		return unknown_command(ctx, ga.argc, ga.argv);
	memset(&a, 0, sizeof(a));
	if (c->flags & CMD_RAW) {
		a.argv = ga.argv + 1;
		a.argc = ga.argc - 1;
		rc = 0;
	} else if ((rc = args_parse(ctx, c, ga.argc, ga.argv, &a)) == -1)
		return EXIT_USAGE;
	out_resolve(&ctx->out, ctx);
	if (rc == GOPT_HELP)
		return print_help(ctx, c);
	if (rc == GOPT_VERSION)
		return print_version(ctx);
	return run(ctx, c, &a);
}

/*
 * awsai's command line: one command, or with none the shell on a
 * terminal and a script read from standard input otherwise; -c runs
 * the commands it is given as a script.
 */
int
cmd_main(struct ctx *ctx, int argc, char **argv)
{
	struct args	ga;
	int		rc;

	memset(&ga, 0, sizeof(ga));
	if ((rc = args_parse(ctx, NULL, argc, argv, &ga)) == -1)
		return EXIT_USAGE;
	ctx->session_fmt = ctx->fmt;
	ctx->session_color = ctx->color;
	if (rc == 0 && ctx->commands != NULL && ga.argc == 0)
		return shell_string(ctx, ctx->commands);
	if (rc == 0 && ga.argc == 0)
		return isatty(STDIN_FILENO) ? repl_run(ctx) :
		    shell_file(ctx, stdin);
	return cmd_dispatch(ctx, argc, argv);
}

/*
 * Finds a command by a unique prefix of its name or an alias (the REPL's
 * lookup after an exact one), or NULL; then the names it could be are
 * added to ambiguous (if not NULL).
 */
const struct cmd *
cmd_find_prefix(const char *word, struct strv *ambiguous)
{
	const struct cmd *found = NULL;
	size_t		 n = strlen(word), hits = 0;

	if (n == 0)
		return NULL;
	for (size_t i = 0; i < NCMDS; i++) {
		int match = strncmp(table[i]->name, word, n) == 0;

		for (const char *const *a = table[i]->aliases; a && *a; a++)
			match |= strncmp(*a, word, n) == 0;
		if (!match || (table[i]->flags & CMD_HIDDEN))
			continue;
		if (found != table[i])
			hits++;
		found = table[i];
		if (ambiguous != NULL)
			strv_push(ambiguous, table[i]->name);
	}
	return hits == 1 ? found : NULL;
}
