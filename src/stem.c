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
 *
 * A stem depends on its word alone, so the stems made are remembered (at
 * most MEMO of them, forgotten all at once when full): a batch of
 * questions asks for the same few thousand words again and again.
 */
#include <stdlib.h>
#include <string.h>

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

#define MEMO	4096

struct memo {
	char	*word;		/* the word, then its stem, NUL-terminated */
	size_t	 wlen, slen;
	size_t	 h;
};

struct stemmer {
	struct SN_env	*z;
	struct memo	*slot;	/* open addressing; word NULL if empty */
	size_t		 n, cap;
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
	for (size_t i = 0; i < st->cap; i++)
		free(st->slot[i].word);
	free(st->slot);
	free(st);
}

/* The slot of w: where it is, or the empty one where it would go. */
static struct memo *
memo_slot(const struct stemmer *st, const char *w, size_t len, size_t h)
{
	size_t	i = h & (st->cap - 1);

	while (st->slot[i].word != NULL && (st->slot[i].h != h ||
	    st->slot[i].wlen != len || memcmp(st->slot[i].word, w, len) != 0))
		i = (i + 1) & (st->cap - 1);
	return &st->slot[i];
}

/* Makes room for one more stem: doubles the table, or empties it. */
static void
memo_room(struct stemmer *st)
{
	struct memo	*old = st->slot;
	size_t		 ocap = st->cap;

	if ((st->n + 1) * 2 <= st->cap)
		return;
	if (st->n >= MEMO) {
		for (size_t i = 0; i < st->cap; i++)
			free(st->slot[i].word);
		memset(st->slot, 0, st->cap * sizeof(*st->slot));
		st->n = 0;
		return;
	}
	st->cap = ocap ? ocap * 2 : 64;
	st->slot = xcalloc(st->cap, sizeof(*st->slot));
	for (size_t i = 0; i < ocap; i++)
		if (old[i].word != NULL)
			*memo_slot(st, old[i].word, old[i].wlen, old[i].h) =
			    old[i];
	free(old);
}

/*
 * The stem of w[0..len) (borrowed until the next call), its length in
 * *outlen.
 */
const char *
stemmer_stem(struct stemmer *st, const char *w, size_t len, size_t *outlen)
{
	size_t		 h = hash_mem(w, len);
	struct memo	*m;

	if (st->cap > 0 && (m = memo_slot(st, w, len, h))->word != NULL) {
		*outlen = m->slen;
		return m->word + m->wlen + 1;
	}
	if (SN_set_current(st->z, (int)len, (const unsigned char *)w) != 0 ||
	    english_UTF_8_stem(st->z) < 0)
		BUG("stemmer out of memory");
	memo_room(st);
	m = memo_slot(st, w, len, h);
	m->word = xmalloc(len + (size_t)st->z->l + 2);
	memcpy(m->word, w, len);
	m->word[len] = '\0';
	memcpy(m->word + len + 1, st->z->p, (size_t)st->z->l);
	m->word[len + 1 + (size_t)st->z->l] = '\0';
	m->wlen = len;
	m->slen = (size_t)st->z->l;
	m->h = h;
	st->n++;
	*outlen = m->slen;
	return m->word + len + 1;
}
