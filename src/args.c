/*
 * args.c: command lines parsed from option specs (R1): the global
 * options, which every command takes wherever they appear, and the
 * command's own, built into one getopt_long table.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

/* Options every command takes; by the GOPT_ indices. */
const struct opt global_opts[] = {
	[GOPT_FORMAT] = { 'o', "format", VAL_FORMAT, "FMT",
	    "output format: table, plain, tsv, csv, json, jsonl (graph: dot, "
	    "mermaid)" },
	[GOPT_COLOR] = { 0, "color", VAL_COLOR, "WHEN",
	    "colour: auto (default), always, never" },
	[GOPT_CATALOG] = { 0, "catalog", VAL_PATH, "PATH",
	    "use this catalog (JSON file, directory or .db) instead of the "
	    "embedded one" },
	[GOPT_COMMANDS] = { 'c', "commands", VAL_STRING, "CMDS",
	    "run these commands (separated by \";\") as a script, then exit" },
	[GOPT_FIELDS] = { 0, "fields", VAL_FIELDS, "F,F,...",
	    "only these fields, in this order (every format)" },
	[GOPT_NO_HEADERS] = { 0, "no-headers", VAL_NONE, NULL,
	    "no header line (table, plain, tsv, csv)" },
	[GOPT_NO_PAGER] = { 0, "no-pager", VAL_NONE, NULL,
	    "never send long output through $PAGER" },
	[GOPT_HELP] = { 'h', "help", VAL_NONE, NULL, "show help and exit" },
	[GOPT_VERSION] = { 'V', "version", VAL_NONE, NULL,
	    "show the version and exit" },
	[GOPT_N] = OPT_END,
};

#define GLOBAL_BASE 1000	/* getopt val of global option i */
#define CMD_BASE 2000		/* getopt val of command option i */
#define MAXLONG (GOPT_N + ARGS_MAX + 1)

/* The number of options in a spec table ending in OPT_END. */
size_t
opt_count(const struct opt *o)
{
	size_t	n = 0;

	while (o != NULL && o[n].longname != NULL)
		n++;
	return n;
}

/* Adds the options of one spec table to the getopt tables. */
static void
add_opts(const struct opt *opts, int base, struct option *lo, size_t *n,
    struct strbuf *so)
{
	for (size_t i = 0; i < opt_count(opts); i++) {
		lo[*n].name = opts[i].longname;
		lo[*n].has_arg = opts[i].val == VAL_NONE ? no_argument :
		    opts[i].val == VAL_COLOR ? optional_argument :
		    required_argument;
		lo[*n].flag = NULL;
		lo[(*n)++].val = base + (int)i;
		if (opts[i].shortname) {
			sb_addc(so, opts[i].shortname);
			if (opts[i].val != VAL_NONE)
				sb_addc(so, ':');
		}
	}
}

/* Reports what getopt_long refused: a missing value or an unknown name. */
static int
bad_option(const struct cmd *c, int ch, const char *bad)
{
	struct strbuf	 sb = { 0 };
	int		 rc;

	if (c != NULL)
		sb_addf(&sb, " (see \"awsai help %s\")", c->name);
	if (ch == ':')
		rc = diag_error("option \"%s\" needs a value%s", bad, sb.len ?
		    sb.buf : "");
	else if (optopt != 0 && strncmp(bad, "--", 2) != 0)
		rc = diag_error("unknown option \"-%c\"%s%s%s%s", optopt,
		    c ? " for \"" : "", c ? c->name : "", c ? "\"" : "",
		    sb.len ? sb.buf : "");
	else
		rc = diag_error("unknown option \"%s\"%s%s%s%s", bad,
		    c ? " for \"" : "", c ? c->name : "", c ? "\"" : "",
		    sb.len ? sb.buf : "");
	sb_release(&sb);
	return rc;
}

/* Applies global option i; returns 0, GOPT_HELP, GOPT_VERSION or -1. */
static int
global_opt(struct ctx *ctx, size_t i, const char *arg)
{
	switch (i) {
	case GOPT_FORMAT:
		if (out_parse_format(arg, &ctx->fmt) == -1)
			return diag_error("unknown format \"%s\" (expected: %s)",
			    arg, out_format_names());
		return 0;
	case GOPT_CATALOG:
		ctx->catalog_path = arg;
		return 0;
	case GOPT_COMMANDS:
		ctx->commands = arg;
		return 0;
	case GOPT_FIELDS:
		ctx->fields = arg;
		return 0;
	case GOPT_NO_HEADERS:
		ctx->no_headers = 1;
		return 0;
	case GOPT_NO_PAGER:
		ctx->no_pager = 1;
		return 0;
	case GOPT_HELP:
	case GOPT_VERSION:
		return (int)i;
	case GOPT_COLOR:
		if (arg == NULL || strcmp(arg, "auto") == 0)
			ctx->color = COLOR_AUTO;
		else if (strcmp(arg, "always") == 0)
			ctx->color = COLOR_ALWAYS;
		else if (strcmp(arg, "never") == 0)
			ctx->color = COLOR_NEVER;
		else
			return diag_error("unknown colour mode \"%s\" for "
			    "--color (expected: auto, always, never)", arg);
		return 0;
	}
	BUG("global option %zu has no handler", i);
}

/* The index in c's options of the short option ch, or -1. */
static int
short_index(const struct opt *opts, int ch)
{
	for (size_t i = 0; i < opt_count(opts); i++)
		if (opts[i].shortname == ch)
			return (int)i;
	return -1;
}

/*
 * Records command option idx; a number is checked at once, other values
 * once the catalog they refer to is open. Returns 0 or -1.
 */
static int
cmd_opt(struct ctx *ctx, const struct cmd *c, int idx, struct args *a)
{
	a->val[idx] = optarg != NULL ? optarg : "";
	a->set[idx]++;
	if (c->opts[idx].val == VAL_INT)
		return cmd_check_value(ctx, VAL_INT, c->opts[idx].longname,
		    optarg);
	return 0;
}

/*
 * Parses argv (global options, then for c its options and operands) into
 * ctx and a; c is NULL for the global part, which stops at the first
 * operand (the command). Returns 0, GOPT_HELP, GOPT_VERSION, or -1 after
 * reporting.
 */
int
args_parse(struct ctx *ctx, const struct cmd *c, int argc, char **argv,
    struct args *a)
{
	struct option	 lo[MAXLONG];
	struct strbuf	 so = { 0 };
	size_t		 n = 0;
	int		 ch, i, rc = 0;

	if (c != NULL && opt_count(c->opts) > ARGS_MAX)
		BUG("command \"%s\" has too many options", c->name);
	sb_adds(&so, c ? ":" : "+:");
	add_opts(global_opts, GLOBAL_BASE, lo, &n, &so);
	if (c != NULL)
		add_opts(c->opts, CMD_BASE, lo, &n, &so);
	memset(&lo[n], 0, sizeof(lo[n]));
	opterr = 0;
	optind = 0;	/* GNU: reinitialise */
	while (rc == 0 && (ch = getopt_long(argc, argv, so.buf, lo, NULL)) !=
	    -1) {
		if (ch == '?' || ch == ':')
			rc = bad_option(c, ch, argv[optind - 1]);
		else if (ch >= CMD_BASE)
			rc = cmd_opt(ctx, c, ch - CMD_BASE, a);
		else if (ch >= GLOBAL_BASE)
			rc = global_opt(ctx, (size_t)(ch - GLOBAL_BASE), optarg);
		else if ((i = short_index(global_opts, ch)) >= 0)
			rc = global_opt(ctx, (size_t)i, optarg);
		else if (c != NULL && (i = short_index(c->opts, ch)) >= 0)
			rc = cmd_opt(ctx, c, i, a);
		else
			BUG("getopt returned an unknown option %d", ch);
	}
	a->argv = argv + optind;
	a->argc = argc - optind;
	sb_release(&so);
	return rc;
}
