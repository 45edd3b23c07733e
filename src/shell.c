/*
 * shell.c: lines of commands, as the shell and scripts run them. A line
 * is split as a POSIX shell would (words.c); each command on it runs
 * through the same dispatcher as the command line, with the catalog
 * opened once. Script mode (standard input not a terminal, or -c): no
 * prompt, no history, no colour, "#" comments, and the exit status is
 * that of the last command that failed (sqlite3 < script.sql works the
 * same way).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define MAXLINE (4 << 20)	/* bytes in one line of a script */

volatile sig_atomic_t cmd_interrupt;

/* Was the running command interrupted (Ctrl-C in the shell)? */
int
cmd_interrupted(void)
{
	return cmd_interrupt != 0;
}

/* Runs the words of one command (words[0..n)); its exit status. */
static int
run_words(struct ctx *ctx, char **words, size_t n)
{
	char	**argv = xcalloc(n + 2, sizeof(*argv));
	int	  status;

	argv[0] = (char *)"awsai";
	memcpy(argv + 1, words, n * sizeof(*argv));
	ctx->fmt = ctx->session_fmt;
	ctx->color = ctx->session_color;
	ctx->fields = NULL;
	ctx->no_headers = 0;
	status = cmd_dispatch(ctx, (int)n + 1, argv);
	free(argv);
	return status;
}

/*
 * Runs one line: each command on it (";" separates them). Returns the
 * status of the last that failed, or 0; -1 and nothing run for a line
 * that does not split (an unterminated quote, reported).
 */
int
shell_line(struct ctx *ctx, const char *line)
{
	struct strv	 w = { 0 };
	const char	*err;
	size_t		 start = 0;
	int		 status = EXIT_OK, st;

	if (words_split(line, &w, &err, 1) == -1) {
		diag_error("%s: the line was not run", err);
		strv_release(&w);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i <= w.n && !ctx->quit; i++) {
		if (i < w.n && strcmp(w.v[i], ";") != 0)
			continue;
		if (i > start && (st = run_words(ctx, w.v + start,
		    i - start)) != EXIT_OK)
			status = st;
		start = i + 1;
	}
	strv_release(&w);
	return status;
}

/* Script mode over the lines of fp; the last failing status, or 0. */
int
shell_file(struct ctx *ctx, FILE *fp)
{
	char	*line = NULL;
	size_t	 cap = 0, lineno = 0;
	ssize_t	 len = -1;
	int	 status = EXIT_OK, st;

	ctx->mode = MODE_SCRIPT;
	errno = 0;
	while (!ctx->quit && (len = util_getline(&line, &cap, fp, MAXLINE)) >=
	    0) {
		lineno++;
		if ((st = shell_line(ctx, line)) != EXIT_OK)
			status = st;
	}
	free(line);
	if (len == -2) {
		diag_error("standard input: line %zu is longer than %d MiB",
		    lineno + 1, MAXLINE >> 20);
		return EXIT_USAGE;
	}
	if (ferror(fp) && !ctx->quit) {
		diag_error("cannot read commands from standard input: %s",
		    strerror(errno != 0 ? errno : EIO));
		return EXIT_USAGE;
	}
	return status;
}

/* -c: the commands of one string, as a script. */
int
shell_string(struct ctx *ctx, const char *cmds)
{
	ctx->mode = MODE_SCRIPT;
	return shell_line(ctx, cmds);
}
