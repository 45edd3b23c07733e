/*
 * util.c: small pure helpers: checked number parsing, slug and date
 * checks, UTF-8 decoding, display width and edit distance.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "awsai.h"

/* Writes v in decimal, as printf's "%lld" does, to buf (room for
 * UTIL_INT_MAX bytes); returns the length. */
size_t
util_format_int(char *buf, long long v)
{
	char			 d[UTIL_INT_MAX];
	unsigned long long	 a = v < 0 ? 0ULL - (unsigned long long)v :
				    (unsigned long long)v;
	size_t			 n = 0, k = 0;

	do
		d[n++] = (char)('0' + a % 10);
	while ((a /= 10) != 0);
	if (v < 0)
		buf[k++] = '-';
	while (n > 0)
		buf[k++] = d[--n];
	buf[k] = '\0';
	return k;
}

/*
 * Parses a whole decimal number in [min, max] into *out. Returns 0, or -1
 * for junk, an empty string or a value out of range (nothing reported).
 */
int
util_parse_int(const char *s, long min, long max, long *out)
{
	unsigned long	v = 0, lim, d;
	long		r;
	int		neg = 0;

	/* what strtol(s, &end, 10) takes whole, without its locale and
	 * errno: this reads every number of the search data (redis'
	 * string2ll does the same) */
	if (s == NULL)
		return -1;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return -1;
	lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; *s >= '0' && *s <= '9'; s++) {
		d = (unsigned long)(*s - '0');
		if (v > (lim - d) / 10)
			return -1;	/* out of range */
		v = v * 10 + d;
	}
	if (*s != '\0')
		return -1;
	r = !neg ? (long)v : v > (unsigned long)LONG_MAX ? LONG_MIN :
	    -(long)v;
	if (r < min || r > max)
		return -1;
	*out = r;
	return 0;
}

/* Is s a lowercase slug: ^[a-z0-9]+(-[a-z0-9]+)*$ ? */
int
util_is_slug(const char *s)
{
	int	prev_dash = 1;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s == '-') {
			if (prev_dash)
				return 0;
			prev_dash = 1;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			prev_dash = 0;
		else
			return 0;
	}
	return !prev_dash;
}

/* Is s a plausible calendar date YYYY-MM-DD ? */
int
util_is_date(const char *s)
{
	static const int mdays[] =
	    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1990 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return 1;
}

/*
 * Decodes one UTF-8 code point at s[*i] (n bytes in all), advancing *i.
 * Returns 1 for a valid code point, 0 for an invalid byte (skipped, *cp
 * set to U+FFFD).
 */
int
util_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t	 left = n - *i, len;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		(*i)++;
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		c = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		c = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		c = p[0] & 0x07;
	} else
		goto bad;
	if (len > left)
		goto bad;
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[k] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	*i += len;
	return 1;
bad:
	*cp = 0xfffd;
	(*i)++;
	return 0;
}

/* Display columns of one code point: 0, 1 or 2. */
static int
cp_width(uint32_t c)
{
	if (c == 0 || (c >= 0x300 && c <= 0x36f) || c == 0x200d ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1160 && c <= 0x11ff))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

/* Display width in terminal columns of the first n bytes of s. */
size_t
util_display_width(const char *s, size_t n)
{
	size_t	 i = 0, w = 0;
	uint32_t c;

	while (i < n) {
		util_utf8_next(s, n, &i, &c);
		w += (size_t)cp_width(c);
	}
	return w;
}

/*
 * Damerau-Levenshtein (optimal string alignment) distance between a and
 * b, in bytes; gives up and returns max + 1 once it must exceed max.
 */
size_t
util_edit_distance(const char *a, const char *b, size_t max)
{
	size_t	 la = strlen(a), lb = strlen(b), best, d;
	size_t	 rows[3][65], *row0 = rows[0], *row1 = rows[1], *row2 = rows[2];
	size_t	*t;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	if (la > 64 || lb > 64)
		return strcmp(a, b) == 0 ? 0 : max + 1;
	row0[0] = 0;
	for (size_t j = 0; j <= lb; j++)
		row1[j] = j;
	for (size_t i = 1; i <= la; i++) {
		row2[0] = i;
		best = i;
		for (size_t j = 1; j <= lb; j++) {
			d = row1[j - 1] + (a[i - 1] != b[j - 1]);
			if (row1[j] + 1 < d)
				d = row1[j] + 1;
			if (row2[j - 1] + 1 < d)
				d = row2[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && row0[j - 2] + 1 < d)
				d = row0[j - 2] + 1;
			row2[j] = d;
			if (d < best)
				best = d;
		}
		if (best > max)
			return max + 1;
		t = row0;
		row0 = row1;
		row1 = row2;
		row2 = t;
	}
	return row1[lb];
}

/* Returns s lowercased (ASCII only), for the caller to free. */
char *
util_fold(const char *s)
{
	char	*f = xstrdup(s);

	for (char *p = f; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return f;
}

/*
 * Fills out[0..nout) with up to nout candidates nearest to word (case
 * folded), closest first; unused slots are set to NULL. The pointers are
 * borrowed from cands.
 */
void
util_suggest(const char *word, const char *const *cands, size_t ncands,
    const char **out, size_t nout)
{
	size_t	 dist[8], max, d, k, lw, lc;
	char	*fw, *fc;

	if (nout > 8)
		nout = 8;
	for (k = 0; k < nout; k++)
		out[k] = NULL;
	fw = util_fold(word);
	lw = strlen(fw);
	max = lw < 4 ? 1 : lw < 8 ? 2 : 3;
	for (size_t i = 0; i < ncands; i++) {
		lc = strlen(cands[i]);
		/* too short, or too long and not a prefix: no fold needed */
		if (lc + max < lw || (lc > lw + max && (lw < 3 ||
		    strncasecmp(cands[i], fw, lw) != 0)))
			continue;
		fc = util_fold(cands[i]);
		d = util_edit_distance(fw, fc, max);
		if (d > max && strlen(fw) >= 3 &&
		    strncmp(fc, fw, strlen(fw)) == 0)
			d = max;	/* a prefix is as good as a near miss */
		free(fc);
		if (d > max)
			continue;
		for (k = 0; k < nout; k++) {
			if (out[k] != NULL && strcmp(out[k], cands[i]) == 0)
				break;
			if (out[k] == NULL || d < dist[k]) {
				memmove(out + k + 1, out + k,
				    (nout - k - 1) * sizeof(*out));
				memmove(dist + k + 1, dist + k,
				    (nout - k - 1) * sizeof(*dist));
				out[k] = cands[i];
				dist[k] = d;
				break;
			}
		}
	}
	free(fw);
}

/*
 * Appends " (did you mean "a"?)", " (did you mean "a" or "b"?)" or
 * " (did you mean "a", "b" or "c"?)" for the n names found; nothing when
 * n is 0. Every "did you mean" reads the same (R8).
 */
void
util_suggestions(struct strbuf *sb, const char *const *found, size_t n)
{
	if (n == 0)
		return;
	sb_adds(sb, " (did you mean ");
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s\"%s\"", i == 0 ? "" : i + 1 == n ? " or " :
		    ", ", found[i]);
	sb_adds(sb, "?)");
}

/* util_suggestions() for the up to max candidates nearest to word. */
void
util_did_you_mean(struct strbuf *sb, const char *word,
    const char *const *cands, size_t ncands, size_t max)
{
	const char	*best[8];
	size_t		 n = 0;

	if (max > 8)
		max = 8;
	util_suggest(word, cands, ncands, best, max);
	while (n < max && best[n] != NULL)
		n++;
	util_suggestions(sb, best, n);
}

/*
 * Reads one line of fp, without its end of line, into *buf (of *cap
 * bytes, grown as needed); a NUL byte in it is kept (the length says
 * where the line ends). Returns its length; -1 at the end of input or on
 * a read error (ferror tells); -2 for a line of more than max bytes, of
 * which the rest is not read.
 */
ssize_t
util_getline(char **buf, size_t *cap, FILE *fp, size_t max)
{
	size_t	len = 0;
	int	c = EOF;

	if (*cap < 256)
		*buf = xrealloc(*buf, *cap = 256);
	while ((c = getc_unlocked(fp)) != EOF && c != '\n') {
		if (len + 1 >= *cap)
			*buf = xrealloc(*buf, *cap *= 2);
		(*buf)[len++] = (char)c;
		if (len > max) {
			(*buf)[len] = '\0';
			return -2;
		}
	}
	(*buf)[len] = '\0';
	if (c == EOF && len == 0)
		return -1;
	while (len > 0 && (*buf)[len - 1] == '\r')
		(*buf)[--len] = '\0';
	return (ssize_t)len;
}

/* Reads and drops the rest of a line of fp. Returns 0, or -1 at its end. */
int
util_skipline(FILE *fp)
{
	int	c;

	while ((c = getc(fp)) != EOF)
		if (c == '\n')
			return 0;
	return -1;
}
