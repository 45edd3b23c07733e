/*
 * xmalloc.c: allocation wrappers that exit 70 on failure, mapping in
 * memory about to be written at once (mem_populate), and the small string
 * buffer and string vector used everywhere.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "awsai.h"

static void	oom(void) __attribute__((noreturn));
static void	sb_grow(struct strbuf *, size_t);

static void
oom(void)
{
	fputs("awsai: out of memory\n", stderr);
	exit(EXIT_INTERNAL);
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom();
	return p;
}

/*
 * Maps in at once the pages of the n bytes at p (memory of our own, about
 * to be written): one call for them all instead of a page fault each,
 * which on a virtual machine costs some 10 us (and 4 us mapped in ahead);
 * a long question on a large catalog writes hundreds of pages. Only
 * advice: where the kernel cannot (before Linux 5.14), or the pages are
 * mapped already, nothing changes.
 */
void
mem_populate(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	static uintptr_t page;
	uintptr_t	 a = (uintptr_t)p, b = a + n;

	if (n == 0)
		return;
	if (page == 0)
		page = (uintptr_t)sysconf(_SC_PAGESIZE);
	a &= ~(page - 1);
	b = (b + page - 1) & ~(page - 1);
	(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

#define POPULATE_AHEAD	(64 << 10)

/*
 * The same for an array of cap bytes at p filled from its start, whose
 * first want bytes are about to be written: *done of them are mapped in
 * (fewer than want: mem_populate_ahead() checks), and this maps in the
 * rest and a chunk beyond, so that filling it costs a call every
 * POPULATE_AHEAD bytes.
 */
void
mem_populate_more(void *p, size_t *done, size_t want, size_t cap)
{
	if (want < *done + POPULATE_AHEAD)
		want = *done + POPULATE_AHEAD;
	if (want > cap)
		want = cap;
	mem_populate((char *)p + *done, want - *done);
	*done = want;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Returns a formatted string that the caller frees. */
char *
xasprintf(const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return sb_detach(&sb);
}

static void
sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	sb->cap = sb->cap * 2 > sb->len + extra + 1 ?
	    sb->cap * 2 : sb->len + extra + 64;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

void
sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, int c)
{
	char	ch = (char)c;

	sb_add(sb, &ch, 1);
}

void
sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list	ap2;
	int	n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

/* Returns the buffer (never NULL) for the caller to free; sb is reset. */
char *
sb_detach(struct strbuf *sb)
{
	char	*s;

	s = sb->buf != NULL ? sb->buf : xstrdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void
strv_push_owned(struct strv *sv, char *s)
{
	if (sv->n + 1 >= sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void
strv_push(struct strv *sv, const char *s)
{
	strv_push_owned(sv, xstrdup(s));
}

void
strv_release(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* Sorts a by its strings, ignoring case, moving b's in step (same n). */
void
strv_sort2(struct strv *a, struct strv *b)
{
	for (size_t i = 1; i < a->n; i++)
		for (size_t j = i; j > 0 &&
		    strcasecmp(a->v[j - 1], a->v[j]) > 0; j--) {
			char *t = a->v[j];

			a->v[j] = a->v[j - 1];
			a->v[j - 1] = t;
			t = b->v[j];
			b->v[j] = b->v[j - 1];
			b->v[j - 1] = t;
		}
}
