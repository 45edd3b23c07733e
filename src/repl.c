/*
 * repl.c: the interactive shell, and the only file that talks to GNU
 * readline (R4). It reads a line, keeps it in the history and hands it
 * to shell.c. TAB asks complete.c; the history lives in
 * $XDG_STATE_HOME/awsai/history (~/.local/state/awsai/history), 0600 in
 * a 0700 directory, at most 1,000 lines, each line appended as it is
 * entered so two shells at once lose nothing. Ctrl-C abandons the line
 * (or stops the running command) and gives a fresh prompt; Ctrl-D on an
 * empty line, "quit" or "exit" leave with status 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "awsai.h"

#define HISTMAX 1000

static struct ctx	*rctx;		/* for the completer */
static char		*histfile;	/* NULL: history is not saved */
static struct completion comp;		/* the candidates being offered */
static size_t		 compnext;

/* Makes dir and its parents (each 0700 when new). Returns 0 or -1. */
static int
mkdirs(const char *dir)
{
	char	*p = xstrdup(dir);
	int	 rc = 0;

	for (char *s = p + 1; *s != '\0' && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/*
 * Finds and prepares the history file, reading what it holds. Without
 * a home or a writable place: one warning, and no history is kept.
 */
static void
history_open(void)
{
	const char	*state = getenv("XDG_STATE_HOME"), *home;
	char		*dir;
	int		 fd;

	using_history();
	stifle_history(HISTMAX);
	if (state != NULL && *state == '/')
		dir = xasprintf("%s/awsai", state);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		dir = xasprintf("%s/.local/state/awsai", home);
	else {
		diag_warn("no HOME or XDG_STATE_HOME: this session's history "
		    "will not be kept");
		return;
	}
	histfile = xasprintf("%s/history", dir);
	if (mkdirs(dir) == -1 || (fd = open(histfile, O_WRONLY | O_CREAT |
	    O_APPEND | O_CLOEXEC, 0600)) == -1) {
		diag_warn("cannot keep the history in \"%s\": %s (the shell "
		    "goes on without it)", histfile, strerror(errno));
		free(histfile);
		histfile = NULL;
	} else
		close(fd);
	free(dir);
	if (histfile != NULL)
		read_history(histfile);
}

/* Adds line to the history, unless blank or the same as the last. */
static void
history_add(const char *line)
{
	HIST_ENTRY	*last;

	if (strspn(line, " \t") == strlen(line))
		return;
	last = history_length > 0 ? history_get(history_base +
	    history_length - 1) : NULL;
	if (last != NULL && strcmp(last->line, line) == 0)
		return;
	add_history(line);
	if (histfile != NULL && append_history(1, histfile) != 0) {
		diag_warn("cannot save the history in \"%s\": %s (the shell "
		    "goes on without it)", histfile, strerror(errno));
		free(histfile);
		histfile = NULL;
	}
}

/* Prints the history, numbered (the "history" command). */
void
repl_history_print(FILE *fp)
{
	HIST_ENTRY	**h = history_list();

	for (int i = 0; h != NULL && h[i] != NULL; i++)
		fprintf(fp, "%5d  %s\n", i + history_base, h[i]->line);
}

static char *
generator(const char *text, int state)
{
	(void)text;
	if (state == 0)
		compnext = 0;
	if (compnext >= comp.words.n)
		return NULL;
	return xstrdup(comp.words.v[compnext++]);
}

/* readline's TAB: the candidates complete.c finds for this line. */
static char **
completer(const char *text, int start, int end)
{
	(void)start;
	rl_attempted_completion_over = 1;	/* never file names */
	completion_release(&comp);
	complete_line(rctx->catalog, rl_line_buffer, (size_t)end, 1, &comp);
	if (comp.words.n == 0)
		return NULL;
	return rl_completion_matches(text, generator);
}

static volatile sig_atomic_t got_sigint;

static void
on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
	cmd_interrupt = 1;
}

/* Called by readline when a read is interrupted: Ctrl-C clears the line. */
static int
on_signal_event(void)
{
	if (!got_sigint)
		return 0;
	got_sigint = 0;
	cmd_interrupt = 0;
	rl_free_line_state();
	rl_crlf();
	rl_replace_line("", 0);
	rl_on_new_line();
	rl_redisplay();
	return 0;
}

/* The one-line welcome: the catalog's size and date, and the way in. */
static void
welcome(struct ctx *ctx)
{
	char	*asof = NULL;
	int	 status;

	if ((ctx->catalog = catalog_open(ctx->catalog_path, &status)) == NULL)
		return;
	catalog_meta(ctx->catalog, "as_of", &asof);
	printf("awsai %s: %d AWS AI services, catalog as of %s. Type \"help\" "
	    "for commands, \"quit\" to leave.\n", AWSAI_VERSION,
	    catalog_count(ctx->catalog, "services"), asof ? asof : "?");
	free(asof);
}

/* The shell, on a terminal. Returns 0 when it ends. */
int
repl_run(struct ctx *ctx)
{
	struct sigaction sa;
	char		*line = NULL;

	ctx->mode = MODE_REPL;
	rctx = ctx;
	setlocale(LC_CTYPE, "");	/* readline edits multibyte text */
	welcome(ctx);
	if (ctx->catalog == NULL)
		return EXIT_DATA;
	history_open();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;	/* no SA_RESTART: reads stop */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	rl_catch_signals = 0;
	rl_signal_event_hook = on_signal_event;
	rl_readline_name = "awsai";
	rl_attempted_completion_function = completer;
	rl_completer_word_break_characters = (char *)" \t";
	rl_completer_quote_characters = "'\"";
	rl_variable_bind("completion-ignore-case", "on");
	rl_variable_bind("show-all-if-ambiguous", "on");
	for (;;) {
		if (ctx->quit)
			break;
		if ((line = readline("awsai> ")) == NULL) {
			fputc('\n', stdout);	/* Ctrl-D */
			break;
		}
		cmd_interrupt = 0;
		history_add(line);
		shell_line(ctx, line);
		free(line);
		clearerr(stdin);
		if (cmd_interrupt)
			fputc('\n', stdout);
	}
	if (histfile != NULL)
		history_truncate_file(histfile, HISTMAX);
	completion_release(&comp);
	free(histfile);
	histfile = NULL;
	return EXIT_OK;
}
