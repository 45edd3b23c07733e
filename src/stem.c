/*
 * stem.c: English stemming with Snowball's English stemmer, linked alone.
 *
 * libstemmer's sb_stemmer_new() chooses a language from a table that
 * holds every Snowball stemmer, so linking it brings all of them: about
 * 350 KB of tables that the loader relocates, page by page, at every
 * start. awsai uses English only, so it calls the English stemmer's own
 * entry points, the ones Snowball generates for a single language
 * (english_UTF_8_create_env, _stem, _close_env) and its runtime's
 * SN_set_current(); libstemmer.a exports them and the link then takes
 * English alone. The stemmed word is the environment's first fields (p,
 * c, l), laid out so in every Snowball runtime since 2.0;
 * tests/unit/test-stem.c holds this path to sb_stemmer_stem()'s answers.
 */
#include <stdlib.h>

#include "awsai.h"

struct SN_env {				/* the leading fields only */
	unsigned char	*p;		/* the current string */
	int		 c;		/* the cursor */
	int		 l;		/* the string's length */
};

struct SN_env	*english_UTF_8_create_env(void);
void		 english_UTF_8_close_env(struct SN_env *);
int		 english_UTF_8_stem(struct SN_env *);
int		 SN_set_current(struct SN_env *, int, const unsigned char *);

struct stemmer {
	struct SN_env	*z;
};

struct stemmer *
stemmer_new(void)
{
	struct stemmer	*st = xcalloc(1, sizeof(*st));

	if ((st->z = english_UTF_8_create_env()) == NULL)
		BUG("no memory for the English stemmer");
	return st;
}

void
stemmer_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	english_UTF_8_close_env(st->z);
	free(st);
}

/* The stem of w (len bytes, UTF-8), borrowed until the next call. */
const char *
stemmer_stem(struct stemmer *st, const char *w, size_t len, size_t *outlen)
{
	if (SN_set_current(st->z, (int)len, (const unsigned char *)w) != 0 ||
	    english_UTF_8_stem(st->z) < 0)
		BUG("stemmer out of memory");
	*outlen = (size_t)st->z->l;
	return (const char *)st->z->p;
}
