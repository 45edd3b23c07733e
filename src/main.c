/*
 * main.c: awsai's entry point: set up, then one command, the shell or a
 * script (cmd_main() chooses), and exit with its status (R7).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

int
main(int argc, char **argv)
{
	struct ctx	 ctx;
	int		 status;

	/* The locale is set where it is used (the shell's line editor, the
	 * stack picture's choice of box drawing): reading its files costs
	 * every other command time and memory for nothing. */
	/* A closed pipe shows up as EPIPE on write, handled in out_flush(). */
	signal(SIGPIPE, SIG_IGN);
	memset(&ctx, 0, sizeof(ctx));
	ctx.fmt = FMT_AUTO;
	ctx.color = COLOR_AUTO;
	status = cmd_main(&ctx, argc, argv);
	if (FREE_AT_EXIT)
		catalog_free(ctx.catalog);
	return status;
}
