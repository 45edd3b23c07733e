/*
 * dict.c: English words as a dictionary spells them, so that one is not
 * taken for a typo. The build embeds the lowercase words of five letters
 * or more of Debian's American English list (wamerican,
 * /usr/share/dict/american-english), sorted bytewise, one a line
 * (build/words.txt); a build machine without it embeds none, and then no
 * word is known.
 */
#include <ctype.h>
#include <string.h>

#include "awsai.h"

/* The list, linked in by build/embed.S. */
extern const char awsai_dictionary[];
extern const char awsai_dictionary_end[];

#define DICT_MAXWORD	64

/* Compares the line at p (ending in '\n' or at end) with w. */
static int
cmp_line(const char *p, const char *end, const char *w, const char **next)
{
	const char	*nl = memchr(p, '\n', (size_t)(end - p));
	size_t		 n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
	size_t		 wn = strlen(w);
	int		 c = memcmp(p, w, n < wn ? n : wn);

	*next = nl != NULL ? nl + 1 : end;
	if (c != 0)
		return c;
	return n < wn ? -1 : n > wn;
}

/* Is w (as typed: any case) a word of the dictionary? */
int
dict_has(const char *w)
{
	const char	*lo = awsai_dictionary, *hi = awsai_dictionary_end;
	char		 low[DICT_MAXWORD + 1];
	size_t		 n = strlen(w);

	if (n == 0 || n > DICT_MAXWORD)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isalpha((unsigned char)w[i]) || !isascii((unsigned char)w[i]))
			return 0;
		low[i] = (char)tolower((unsigned char)w[i]);
	}
	low[n] = '\0';
	while (lo < hi) {	/* lo and hi are always at a line's start */
		const char	*mid = lo + (hi - lo) / 2, *next;
		int		 c;

		while (mid > lo && mid[-1] != '\n')
			mid--;
		if ((c = cmp_line(mid, hi, low, &next)) == 0)
			return 1;
		if (c < 0)
			lo = next;
		else
			hi = mid;
	}
	return 0;
}
