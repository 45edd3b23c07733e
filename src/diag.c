/*
 * diag.c: every message to the user goes through here, in one style:
 * "awsai: [FILE:LINE:COL: ]message", warnings "awsai: warning: ...".
 * Control characters in a message (a name from a stranger's catalog, a
 * word typed) are shown as ^X, so a message never drives the terminal.
 * Messages go to standard error, or to the stream diag_set_stream()
 * names (the MCP server collects a tool's errors that way).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "awsai.h"

static FILE *stream;

/* Sends messages to fp (NULL: standard error again). */
void
diag_set_stream(FILE *fp)
{
	stream = fp;
}

static FILE *
out(void)
{
	return stream != NULL ? stream : stderr;
}

/* Writes prefix, the formatted message made safe, and a newline. */
static void __attribute__((format(printf, 2, 0)))
emit(const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf	 sb = { 0 };
	char		*safe;

	sb_adds(&sb, "");
	sb_vaddf(&sb, fmt, ap);
	safe = out_escape_controls(sb.buf);
	fprintf(out(), "awsai: %s%s\n", prefix, safe);
	fflush(out());
	free(safe);
	sb_release(&sb);
}

int
diag_errorv(const char *fmt, va_list ap)
{
	emit("", fmt, ap);
	return -1;
}

/* Reports an error; returns -1 so a caller can "return diag_error(...)". */
int
diag_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
	return -1;
}

/* Reports an error at a position in a data file; returns -1. */
int
diag_at(const char *file, int line, int col, const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;

	sb_addf(&sb, "%s:%d:%d: ", file, line, col);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_error("%s", sb.buf);
	sb_release(&sb);
	return -1;
}

/* Tells the user something worth knowing; not an error. */
void
diag_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	emit("warning: ", fmt, ap);
	va_end(ap);
}

void
diag_bug(const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "awsai: BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
#ifdef AWSAI_SANITIZE
	abort();
#else
	exit(EXIT_INTERNAL);
#endif
}
