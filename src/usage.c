/*
 * usage.c: help text generated from the command table and the option
 * specs (git's usage_with_options): the overview, one command's help,
 * and a synopsis that cannot disagree with what the parser accepts.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

static int
cmp_opt(const void *a, const void *b)
{
	const struct opt *const *x = a, *const *y = b;

	return strcmp((*x)->longname, (*y)->longname);
}

/* One option as the synopsis shows it: "[-n N]", "[--explain]". */
static void
add_opt(struct strbuf *sb, const struct opt *o)
{
	if (sb->len > 0)
		sb_addc(sb, ' ');
	if (o->shortname)
		sb_addf(sb, "[-%c", o->shortname);
	else
		sb_addf(sb, "[--%s", o->longname);
	if (o->argname != NULL)
		sb_addf(sb, " %s", o->argname);
	sb_addc(sb, ']');
}

/*
 * Appends c's synopsis after its name: flags, then options with values,
 * each sorted by long name, then the operands (the man-page convention).
 */
void
usage_synopsis(const struct cmd *c, struct strbuf *sb)
{
	const struct opt *sorted[ARGS_MAX];
	size_t		  n = opt_count(c->opts), start = sb->len;

	sb_adds(sb, "");
	for (size_t i = 0; i < n && i < ARGS_MAX; i++)
		sorted[i] = &c->opts[i];
	qsort(sorted, n, sizeof(*sorted), cmp_opt);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if ((sorted[i]->val == VAL_NONE) == (pass == 0))
				add_opt(sb, sorted[i]);
	if (c->operands != NULL && c->operands[0] != '\0')
		sb_addf(sb, "%s%s", sb->len > start ? " " : "", c->operands);
}

static void
print_opts(const struct opt *opts, FILE *fp)
{
	char	 buf[64], shortopt[8];

	for (size_t i = 0; i < opt_count(opts); i++) {
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
void
usage_command(const struct cmd *c, FILE *fp)
{
	struct strbuf	sb = { 0 };

	usage_synopsis(c, &sb);
	fprintf(fp, "usage: awsai %s%s%s\n\n%s\n", c->name, sb.len ? " " : "",
	    sb.buf, c->summary);
	sb_release(&sb);
	if (c->aliases != NULL && c->aliases[0] != NULL) {
		fputs("\naliases:", fp);
		for (const char *const *a = c->aliases; *a; a++)
			fprintf(fp, " %s", *a);
		fputc('\n', fp);
	}
	if (opt_count(c->opts) > 0) {
		fputs("\noptions:\n", fp);
		print_opts(c->opts, fp);
	}
	fputs("\nglobal options:\n", fp);
	print_opts(global_opts, fp);
}

/* Prints the overview: every visible command with its summary. */
void
usage_overview(FILE *fp)
{
	const struct cmd *const *t = cmd_table(NULL);

	fputs("usage: awsai [--catalog PATH] [-o FMT] [--color WHEN] "
	    "COMMAND [ARGS...]\n\n"
	    "Which AWS AI service fits a task; AWS AI/ML services by layer "
	    "and use case.\n\ncommands:\n", fp);
	for (; *t != NULL; t++)
		if (!((*t)->flags & CMD_HIDDEN))
			fprintf(fp, "  %-10s %s\n", (*t)->name, (*t)->summary);
	fputs("\nglobal options:\n", fp);
	print_opts(global_opts, fp);
	fputs("\nexit status: 0 found, 1 nothing matched, 2 usage error, "
	    "65 bad catalog data, 70 internal error\n"
	    "Run \"awsai help COMMAND\" for a command's options.\n", fp);
}
