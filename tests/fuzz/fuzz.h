/*
 * tests/fuzz/fuzz.h: what the libFuzzer targets share: the embedded
 * catalog opened once, input as a NUL-terminated string, diagnostics and
 * output sent nowhere. `make fuzz` builds each tests/fuzz/fuzz-*.c.
 */
#ifndef AWSAI_FUZZ_H
#define AWSAI_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "awsai.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Columns of text for a result of any query up to 16 wide. */
#define C { "c", CELL_STR, 0, 0, 0, 0 }
static const struct column fuzz_columns[16] = {
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
};
#undef C

/* Diagnostics and standard output go to /dev/null, once. */
static inline void
fuzz_quiet(void)
{
	static FILE	*null;

	if (null != NULL)
		return;
	if ((null = fopen("/dev/null", "w")) == NULL ||
	    freopen("/dev/null", "w", stdout) == NULL)
		abort();
	diag_set_stream(null);
}

/* The embedded catalog, opened on first use and kept. */
static inline struct catalog *
fuzz_catalog(void)
{
	static struct catalog	*cat;
	int			 status;

	fuzz_quiet();
	if (cat == NULL && (cat = catalog_open(NULL, &status)) == NULL)
		abort();
	return cat;
}

/* data as a string (caller frees); NUL bytes end it early, as in C. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Writes data to a fresh file named for suffix; its path (static). */
static inline const char *
fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
	static char	 path[64];
	FILE		*fp;

	snprintf(path, sizeof(path), "/tmp/awsai-fuzz-%ld%s", (long)getpid(),
	    suffix);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	return path;
}

/* Asks cat one question, as ask would; a new search each time. */
static inline void
fuzz_ask(struct catalog *cat, const char *text)
{
	struct search	*s = search_new(cat);
	struct query	 q = { .text = text, .limit = 5 };
	struct hits	 h = { 0 };

	if (s == NULL)
		return;
	search_run(s, &q, &h);
	hits_release(&h);
	search_free(s);
}

#endif /* AWSAI_FUZZ_H */
