/*
 * pager.c: long output through $PAGER on a terminal, as git does: the
 * pager (default "less -FRX": it quits at once when the output fits)
 * reads what awsai writes to standard output, and awsai waits for it.
 * Never when standard output is not a terminal, in a script, with
 * --no-pager, or when PAGER is empty or "cat".
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awsai.h"

static pid_t	pager_pid = -1;
static int	saved_stdout = -1;

/* Is there a "less" on PATH? */
static int
have_less(void)
{
	const char	*path = getenv("PATH");
	char		*copy, *dir, *save = NULL, *f;
	int		 found = 0;

	if (path == NULL)
		return 0;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir != NULL && !found;
	    dir = strtok_r(NULL, ":", &save)) {
		f = xasprintf("%s/less", dir);
		found = access(f, X_OK) == 0;
		free(f);
	}
	free(copy);
	return found;
}

/* The pager command to run, or NULL for none. */
static const char *
pager_command(const struct ctx *ctx)
{
	const char	*p = getenv("PAGER");

	if (ctx->no_pager || ctx->mode == MODE_SCRIPT ||
	    ctx->mode == MODE_MCP || !isatty(STDOUT_FILENO))
		return NULL;
	if (p != NULL)
		return *p == '\0' || strcmp(p, "cat") == 0 ? NULL : p;
	return have_less() ? "less -FRX" : NULL;
}

/*
 * Starts the pager on standard output for the command about to run.
 * Returns 0 when one runs (pager_stop() waits for it), -1 when none.
 */
int
pager_start(const struct ctx *ctx)
{
	const char	*cmd = pager_command(ctx);
	int		 fds[2];

	if (cmd == NULL || pipe(fds) == -1)
		return -1;
	fflush(stdout);
	if ((pager_pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pager_pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		setenv("LESS", getenv("LESS") ? getenv("LESS") : "FRX", 0);
		signal(SIGINT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	saved_stdout = dup(STDOUT_FILENO);
	dup2(fds[1], STDOUT_FILENO);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* Ends the output to the pager and waits for it to quit. */
void
pager_stop(void)
{
	int	status;

	if (pager_pid <= 0)
		return;
	fflush(stdout);
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	clearerr(stdout);
	while (waitpid(pager_pid, &status, 0) == -1 && errno == EINTR)
		;
	pager_pid = -1;
	saved_stdout = -1;
}
