/*
 * main.c: awsai's entry point: set up, dispatch one command line, exit
 * with its status (R7).
 */
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

int
main(int argc, char **argv)
{
	struct ctx	 ctx;
	int		 status;

	setlocale(LC_CTYPE, "");
	/* A closed pipe shows up as EPIPE on write, handled in out_flush(). */
	signal(SIGPIPE, SIG_IGN);
	memset(&ctx, 0, sizeof(ctx));
	ctx.fmt = FMT_AUTO;
	ctx.color = COLOR_AUTO;
	status = cmd_dispatch(&ctx, argc, argv);
	catalog_free(ctx.catalog);
	return status;
}
