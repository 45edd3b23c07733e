/*
 * cmd.c: the command table, argument parsing from each command's option
 * specs, dispatch with its preconditions, and usage text (R1, R2).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define CMD(n) &cmd_##n,
static const struct cmd *const table[] = {
#include "cmd-list.h"
};
#undef CMD

#define NCMDS (sizeof(table) / sizeof(table[0]))

/* Options every command takes; parsed wherever they appear. */
const struct opt global_opts[] = {
	{ 'o', "format", VAL_FORMAT, "FMT",
	    "output format: table, plain, tsv, csv, json, jsonl" },
	{ 0, "color", VAL_COLOR, "WHEN",
	    "colour: auto (default), always, never" },
	{ 0, "catalog", VAL_PATH, "PATH",
	    "use this catalog (JSON file, directory or .db) instead of the "
	    "embedded one" },
	{ 'h', "help", VAL_NONE, NULL, "show help and exit" },
	{ 'V', "version", VAL_NONE, NULL, "show the version and exit" },
	{ 0, NULL, 0, NULL, NULL },
};

#define GLOBAL_BASE 1000		/* getopt val of global option i */
#define CMD_BASE 2000		/* getopt val of command option i */

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

static size_t
nopts(const struct opt *o)
{
	size_t	n = 0;

	while (o != NULL && o[n].longname != NULL)
		n++;
	return n;
}

static void
print_opts(const struct opt *opts, FILE *fp)
{
	char	 buf[64], shortopt[8];

	for (size_t i = 0; i < nopts(opts); i++) {
		snprintf(shortopt, sizeof(shortopt), "-%c, ",
		    opts[i].shortname);
		snprintf(buf, sizeof(buf), "%s--%s%s%s",
		    opts[i].shortname ? shortopt : "    ", opts[i].longname,
		    opts[i].argname ? " " : "",
		    opts[i].argname ? opts[i].argname : "");
		fprintf(fp, "  %-24s %s\n", buf, opts[i].help);
	}
}

/* Prints the full help of one command. */
int
cmd_usage(const struct cmd *c, FILE *fp)
{
	fprintf(fp, "usage: awsai %s%s%s\n\n%s\n", c->name,
	    c->synopsis[0] ? " " : "", c->synopsis, c->summary);
	if (c->aliases != NULL && c->aliases[0] != NULL) {
		fputs("\naliases:", fp);
		for (const char *const *a = c->aliases; *a; a++)
			fprintf(fp, " %s", *a);
		fputc('\n', fp);
	}
	if (nopts(c->opts) > 0) {
		fputs("\noptions:\n", fp);
		print_opts(c->opts, fp);
	}
	fputs("\nglobal options:\n", fp);
	print_opts(global_opts, fp);
	return 0;
}

/* Prints the overview: every visible command with its summary. */
void
cmd_overview(FILE *fp)
{
	fputs("usage: awsai [--catalog PATH] [-o FMT] [--color WHEN] "
	    "COMMAND [ARGS...]\n\n"
	    "Which AWS AI service fits a task; AWS AI/ML services by layer "
	    "and use case.\n\ncommands:\n", fp);
	for (size_t i = 0; i < NCMDS; i++)
		if (!(table[i]->flags & CMD_HIDDEN))
			fprintf(fp, "  %-10s %s\n", table[i]->name,
			    table[i]->summary);
	fputs("\nglobal options:\n", fp);
	print_opts(global_opts, fp);
	fputs("\nexit status: 0 found, 1 nothing matched, 2 usage error, "
	    "65 bad catalog data, 70 internal error\n"
	    "Run \"awsai help COMMAND\" for a command's options.\n", fp);
}

/* The value of a command option by long name, or NULL if not given. */
const char *
args_get(const struct args *a, const struct cmd *c, const char *name)
{
	for (size_t i = 0; i < nopts(c->opts); i++)
		if (strcmp(c->opts[i].longname, name) == 0)
			return a->val[i];
	BUG("command \"%s\" has no option \"%s\"", c->name, name);
}

/* How many times a command option was given. */
int
args_has(const struct args *a, const struct cmd *c, const char *name)
{
	for (size_t i = 0; i < nopts(c->opts); i++)
		if (strcmp(c->opts[i].longname, name) == 0)
			return a->set[i];
	BUG("command \"%s\" has no option \"%s\"", c->name, name);
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
	const char	*what, *best[1];
	long		 n;
	int		 rc;

	switch (kind) {
	case VAL_INT:
		if (util_parse_int(v, 1, 1000, &n) == 0)
			return 0;
		return diag_error("--%s takes a whole number from 1 to 1000, "
		    "not \"%s\"", opt, v);
	case VAL_STATUS:
		if (strcmp(v, "ga") == 0 || strcmp(v, "preview") == 0 ||
		    strcmp(v, "closed") == 0 || strcmp(v, "retired") == 0 ||
		    strcmp(v, "active") == 0)
			return 0;
		return diag_error("unknown status \"%s\" for --%s (expected: "
		    "ga, preview, closed, retired, active)", v, opt);
	case VAL_LAYER:
	case VAL_USECASE:
		what = kind == VAL_LAYER ? "layer" : "usecase";
		if (catalog_has(ctx->catalog, what, v))
			return 0;
		catalog_values(ctx->catalog, what, &ids);
		for (size_t i = 0; i < ids.n; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", ids.v[i]);
		util_suggest(v, (const char *const *)ids.v, ids.n, best, 1);
		if (best[0] != NULL)
			rc = diag_error("unknown %s \"%s\" for --%s (did you "
			    "mean \"%s\"?)", kind == VAL_LAYER ? "layer" :
			    "use case", v, opt, best[0]);
		else
			rc = diag_error("unknown %s \"%s\" for --%s (expected: "
			    "%s)", kind == VAL_LAYER ? "layer" : "use case", v,
			    opt, sb.buf);
		strv_release(&ids);
		sb_release(&sb);
		return rc;
	default:
		return 0;
	}
}

static int
unknown_command(const char *name)
{
	const char	*names[64], *best[1];
	size_t		 n = 0;

	for (size_t i = 0; i < NCMDS && n < 64; i++)
		if (!(table[i]->flags & CMD_HIDDEN))
			names[n++] = table[i]->name;
	util_suggest(name, names, n, best, 1);
	if (best[0] != NULL)
		diag_error("unknown command \"%s\" (did you mean \"%s\"?)",
		    name, best[0]);
	else
		diag_error("unknown command \"%s\" (see \"awsai help\")", name);
	return EXIT_USAGE;
}

/* Applies global option i; returns 0, 2 (--help), 3 (--version) or -1. */
static int
global_opt(struct ctx *ctx, size_t i, const char *arg)
{
	const char	*name = global_opts[i].longname;

	if (strcmp(name, "format") == 0) {
		if (out_parse_format(arg, &ctx->fmt) == -1)
			return diag_error("unknown format \"%s\" (expected: %s)",
			    arg, out_format_names());
		return 0;
	}
	if (strcmp(name, "catalog") == 0) {
		ctx->catalog_path = arg;
		return 0;
	}
	if (strcmp(name, "help") == 0)
		return 2;
	if (strcmp(name, "version") == 0)
		return 3;
	if (arg == NULL || strcmp(arg, "auto") == 0)
		ctx->color = COLOR_AUTO;
	else if (strcmp(arg, "always") == 0)
		ctx->color = COLOR_ALWAYS;
	else if (strcmp(arg, "never") == 0)
		ctx->color = COLOR_NEVER;
	else
		return diag_error("unknown colour mode \"%s\" for --color "
		    "(expected: auto, always, never)", arg);
	return 0;
}

/*
 * Parses argv (global options, a command, its options and operands)
 * into ctx and a; c is NULL for the global part. Returns 0, 2 (--help),
 * 3 (--version) or -1 after reporting.
 */
static int
parse(struct ctx *ctx, const struct cmd *c, int argc, char **argv,
    struct args *a)
{
	struct option	 lo[48];
	struct strbuf	 so = { 0 };
	size_t		 n = 0, ng = nopts(global_opts);
	size_t		 nc = c ? nopts(c->opts) : 0;
	int		 ch, rc = 0;

	sb_adds(&so, c ? ":" : "+:");
	for (size_t i = 0; i < ng; i++) {
		lo[n].name = global_opts[i].longname;
		lo[n].has_arg = global_opts[i].val == VAL_NONE ? no_argument :
		    global_opts[i].val == VAL_COLOR ? optional_argument :
		    required_argument;
		lo[n].flag = NULL;
		lo[n++].val = GLOBAL_BASE + (int)i;
		if (global_opts[i].shortname) {
			sb_addc(&so, global_opts[i].shortname);
			if (global_opts[i].val != VAL_NONE)
				sb_addc(&so, ':');
		}
	}
	for (size_t i = 0; i < nc; i++) {
		lo[n].name = c->opts[i].longname;
		lo[n].has_arg = c->opts[i].val == VAL_NONE ? no_argument :
		    required_argument;
		lo[n].flag = NULL;
		lo[n++].val = CMD_BASE + (int)i;
		if (c->opts[i].shortname) {
			sb_addc(&so, c->opts[i].shortname);
			if (c->opts[i].val != VAL_NONE)
				sb_addc(&so, ':');
		}
	}
	memset(&lo[n], 0, sizeof(lo[n]));
	opterr = 0;
	optind = 0;	/* GNU: reinitialise */
	while ((ch = getopt_long(argc, argv, so.buf, lo, NULL)) != -1) {
		int	 idx = -1;

		if (ch == '?' || ch == ':') {
			const char *bad = argv[optind - 1];

			if (ch == ':')
				diag_error("option \"%s\" needs a value%s%s%s",
				    bad, c ? " (see \"awsai help " : "",
				    c ? c->name : "", c ? "\")" : "");
			else if (optopt != 0 && strncmp(bad, "--", 2) != 0)
				diag_error("unknown option \"-%c\"%s%s%s",
				    optopt, c ? " for \"" : "",
				    c ? c->name : "", c ? "\"" : "");
			else
				diag_error("unknown option \"%s\"%s%s%s", bad,
				    c ? " for \"" : "", c ? c->name : "",
				    c ? "\" (see \"awsai help " : "");
			rc = -1;
			goto out;
		}
		if (ch >= CMD_BASE)
			idx = ch - CMD_BASE;
		else if (ch < GLOBAL_BASE) {
			for (size_t i = 0; i < ng; i++)
				if (global_opts[i].shortname == ch)
					ch = GLOBAL_BASE + (int)i;
			for (size_t i = 0; i < nc; i++)
				if (c->opts[i].shortname == ch)
					idx = (int)i;
		}
		if (idx >= 0) {
			a->val[idx] = optarg != NULL ? optarg : "";
			a->set[idx]++;
			if (c->opts[idx].val == VAL_INT ||
			    c->opts[idx].val == VAL_STATUS) {
				if (cmd_check_value(ctx, c->opts[idx].val,
				    c->opts[idx].longname, optarg) == -1) {
					rc = -1;
					goto out;
				}
			}
			continue;
		}
		rc = global_opt(ctx, (size_t)(ch - GLOBAL_BASE), optarg);
		if (rc != 0 && rc != 2 && rc != 3)
			goto out;
		if (rc == 2 || rc == 3)
			goto out;
	}
	a->argv = argv + optind;
	a->argc = argc - optind;
out:
	sb_release(&so);
	return rc;
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

/* --version: the version command, whatever command line it came in. */
static int
print_version(struct ctx *ctx)
{
	int	status;

	if ((ctx->catalog = catalog_open(ctx->catalog_path, &status)) == NULL)
		return status;
	status = cmd_version.run(ctx, NULL);
	return out_flush(&ctx->out) == 0 ? status : EXIT_INTERNAL;
}

/*
 * Runs one command line: argv[0] is the program. Returns the exit
 * status (R7).
 */
int
cmd_dispatch(struct ctx *ctx, int argc, char **argv)
{
	const struct cmd *c;
	struct args	 ga, a;
	int		 rc, status;

	memset(&ga, 0, sizeof(ga));
	rc = parse(ctx, NULL, argc, argv, &ga);
	if (rc == -1)
		return EXIT_USAGE;
	out_resolve(&ctx->out, ctx->fmt, ctx->color);
	if (rc == 3)
		return print_version(ctx);
	if (rc == 2 || ga.argc == 0) {
		cmd_overview(stdout);
		return out_flush(&ctx->out) == 0 ? EXIT_OK : EXIT_INTERNAL;
	}
	if ((c = cmd_find(ga.argv[0])) == NULL)
		return unknown_command(ga.argv[0]);
	memset(&a, 0, sizeof(a));
	rc = parse(ctx, c, ga.argc, ga.argv, &a);
	if (rc == -1)
		return EXIT_USAGE;
	out_resolve(&ctx->out, ctx->fmt, ctx->color);
	if (rc == 2) {
		cmd_usage(c, stdout);
		return out_flush(&ctx->out) == 0 ? EXIT_OK : EXIT_INTERNAL;
	}
	if (rc == 3)
		return print_version(ctx);
	if (a.argc < c->nargs[0] ||
	    (c->nargs[1] >= 0 && a.argc > c->nargs[1])) {
		diag_error("\"%s\" takes %s (usage: awsai %s %s)", c->name,
		    c->nargs[1] == 0 ? "no arguments" :
		    a.argc < c->nargs[0] ? "more arguments" :
		    "fewer arguments", c->name, c->synopsis);
		return EXIT_USAGE;
	}
	if (c->flags & CMD_CATALOG) {
		ctx->catalog = catalog_open(ctx->catalog_path, &status);
		if (ctx->catalog == NULL)
			return status;
		for (size_t i = 0; i < nopts(c->opts); i++)
			if (a.val[i] != NULL && cmd_check_value(ctx,
			    c->opts[i].val, c->opts[i].longname,
			    a.val[i]) == -1)
				return EXIT_USAGE;
	}
	status = c->run(ctx, &a);
	if (out_flush(&ctx->out) == -1 && status == EXIT_OK)
		status = EXIT_INTERNAL;
	return status;
}
