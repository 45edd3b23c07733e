/*
 * diag.c: every message to the user goes through here, in one style:
 * "awsai: [FILE:LINE:COL: ]message".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "awsai.h"

int
diag_errorv(const char *fmt, va_list ap)
{
	fputs("awsai: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	return -1;
}

/* Reports an error; returns -1 so a caller can "return diag_error(...)". */
int
diag_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_errorv(fmt, ap);
	va_end(ap);
	return -1;
}

/* Reports an error at a position in a data file; returns -1. */
int
diag_at(const char *file, int line, int col, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "awsai: %s:%d:%d: ", file, line, col);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/* Tells the user something worth knowing; not an error. */
void
diag_warn(const char *fmt, ...)
{
	va_list	ap;

	fputs("awsai: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
