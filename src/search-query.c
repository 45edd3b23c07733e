/*
 * search-query.c: reading a question. It is tokenized by tokenize.c, as
 * the index was; a word the index lacks is corrected to the nearest word
 * of a service name; synonym groups from the catalog widen it; use-case
 * keywords name the use cases it is about. What the catalog says of each
 * token is cached (a batch asks once per distinct token), and the cache
 * is bounded: it starts again once it holds MAXCACHE tokens.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

struct tokens_arg {
	struct strv	*toks;
	struct strv	*raw;
	const char	*text;
	int		*word;		/* or NULL */
	unsigned char	*obj;		/* with word */
	unsigned char	*setting;	/* with word */
	unsigned char	*done;		/* or NULL */
	size_t		 at;		/* of text, read for words */
	int		 w;		/* words begun before at */
};

/*
 * Counts the words text begins from ta->at up to pos: a word after each
 * run of spaces, and a clause (WORD_CLAUSE words) after punctuation, so
 * that a cue is never found across one.
 */
#define WORD_CLAUSE	64
static void
count_words(struct tokens_arg *ta, size_t pos)
{
	for (; ta->at <= pos; ta->at++) {
		char	c = ta->text[ta->at];

		if (ta->at > 0 && ta->text[ta->at - 1] == ' ' && c != ' ')
			ta->w++;
		if (c != '\0' && strchr(",.;:!?", c) != NULL)
			ta->w += WORD_CLAUSE;
	}
}

static int
push_tok(void *arg, const struct token *t)
{
	struct tokens_arg *ta = arg;
	char		*raw;

	if (ta->toks->n >= 4096)
		return 1;	/* enough: the rest of a huge line is noise */
	if (ta->word != NULL && ta->toks->n < MAXCUETOKS) {
		count_words(ta, t->start);
		ta->word[ta->toks->n] = ta->w;
		ta->obj[ta->toks->n] = search_object_word(ta->text, t->end);
		ta->setting[ta->toks->n] = search_setting_word(ta->text,
		    t->end);
	}
	if (ta->done != NULL && ta->toks->n < MAXCUETOKS)
		ta->done[ta->toks->n] = search_told_done(ta->text, t->start,
		    t->end);
	strv_push_owned(ta->toks, xstrndup(t->text, t->len));
	if (ta->raw == NULL)
		return 0;
	raw = xstrndup(ta->text + t->start, t->end - t->start);
	for (char *p = raw; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	strv_push_owned(ta->raw, raw);
	return 0;
}

/*
 * Tokenizes text into toks, the words as typed into raw (or NULL), and
 * into word (or NULL) which of text's words each of the first MAXCUETOKS
 * tokens is of (count_words).
 */
void
search_tokens(struct search *s, const char *text, size_t n, struct strv *toks,
    struct strv *raw, int *word, unsigned char *done)
{
	struct tokens_arg ta = { toks, raw, text, word, s->q.obj, s->q.setting,
	    done, 0, 0 };

	strv_release(toks);
	if (raw != NULL)
		strv_release(raw);
	tokenizer_run(s->tk, text, n, push_tok, &ta);
}

static void
plist_free(struct plist *pl)
{
	free(pl->tok);
	free(pl->slot);
	free(pl->cues);
	free(pl->corr);
	free(pl->corrword);
	free(pl->corrfor);
	free(pl);
}

/* Empties the token cache (between questions, once it is large). */
void
search_cache_reset(struct search *s)
{
	for (size_t i = 0; i < s->npl; i++)
		plist_free(s->pl[i]);
	s->npl = 0;
	strmap_release(&s->plmap);
	memset(s->grploaded, 0, s->ngroups + 1);
	s->nsyn = 0;
	strv_release(&s->synbuf);
	s->nkw = 0;
	strv_release(&s->kwbuf);
	cap_reset(s);
	text_reset(s);
}

/* The cache entry of tok (whose hash_str() is h), or NULL if it has
 * none yet. */
struct plist *
search_cached(struct search *s, const char *tok, size_t h)
{
	long	*i = strmap_get_hashed(&s->plmap, tok, h);

	return i != NULL ? s->pl[*i] : NULL;
}

/*
 * The cache entry of tok, created empty if new. The pointer is valid
 * until the cache is reset (not within one question).
 */
struct plist *
search_token(struct search *s, const char *tok)
{
	size_t		 h = hash_str(tok);
	struct plist	*pl = search_cached(s, tok, h);

	if (pl != NULL)
		return pl;
	pl = xcalloc(1, sizeof(*pl));
	pl->tok = xstrdup(tok);
	pl->hash = h;
	s->pl = search_grow(s->pl, &s->cappl, s->npl + 1, sizeof(*s->pl));
	s->pl[s->npl] = pl;
	strmap_put(&s->plmap, pl->tok, (long)s->npl++);
	return pl;
}

/* pl, with the index rows that hold its token asked of the index once. */
static struct plist *
plist_rows(struct search *s, struct plist *pl)
{
	const char	*tok = pl->tok;

	if (!pl->rowsloaded) {
		pl->rowsloaded = 1;
		const unsigned char *list;
		long long	 rowid;
		int		 place;

		if (catalog_postings(s->cat, tok, &list, &pl->n) == -1)
			pl->n = 0;
		/* each row may take a new slot */
		mem_populate_ahead(s->rows, &s->rowsmapped, (s->nslots +
		    pl->n) * sizeof(*s->rows), s->caprows * sizeof(*s->rows));
		/* a slot knows its rowid: only the slots are kept */
		pl->slot = xmalloc((pl->n + 1) * sizeof(*pl->slot));
		for (size_t i = 0; i < pl->n; i++) {
			catalog_posting(list, i, &rowid, &place);
			if ((pl->slot[i] = text_slot(s, rowid, place)) == -1) {
				pl->n = 0;	/* malformed: reported */
				break;
			}
		}
	}
	return pl;
}

/*
 * The cache entry of term q's first token, made for q to be listed
 * there. Its other tokens' entries are left NULL (search_seq_parse())
 * for seq_at() to find when first compared: a token with no entry yet is
 * in no question so far.
 */
static struct plist *
seq_first(struct search *s, struct seq *q)
{
	return q->pl[0] = search_token(s, q->tok[0]);
}

/* The cache entries of toks (caller frees the array). */
static struct plist **
intern_all(struct search *s, const struct strv *toks)
{
	struct plist	**v = xcalloc(toks->n + 1, sizeof(*v));

	for (size_t i = 0; i < toks->n; i++)
		v[i] = search_token(s, toks->v[i]);
	return v;
}

/* Which letters and digits w holds, a bit each (others share one). */
static uint64_t
letters(const char *w)
{
	uint64_t	m = 0;

	for (; *w != '\0'; w++) {
		int c = tolower((unsigned char)*w);

		m |= (uint64_t)1 << (c >= 'a' && c <= 'z' ? c - 'a' :
		    c >= '0' && c <= '9' ? 26 + c - '0' : 36);
	}
	return m;
}

static int
add_word(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;

	if (n != 1 || v[0] == NULL || strlen(v[0]) > MAXWORD)
		return 0;
	s->words = search_grow(s->words, &s->capwords, s->nwords + 1,
	    sizeof(*s->words));
	s->words[s->nwords++] = v[0];
	return 0;
}

/*
 * Loads the words of every service name, id, alias and English cue, as
 * typed, where they lie in the catalog's list: the build keeps them
 * folded and sorted by length, so that a typo is held only against words
 * near its own length.
 */
static void
load_words(struct search *s)
{
	s->words_loaded = 1;
	if (catalog_search_rows_kept(s->cat, SR_WORDS, "", add_word, s,
	    &s->wordbuf) == -1)
		s->nwords = 0;
	s->wordmask = xcalloc(s->nwords + 1, sizeof(*s->wordmask));
	for (size_t len = 0, i = 0; len <= MAXWORD + 1; len++) {
		while (i < s->nwords && strlen(s->words[i]) < len)
			i++;
		s->wordlen[len] = i;
	}
}

/* The letters of the words from length lo to hi, made once. */
static void
make_masks(struct search *s, size_t lo, size_t hi)
{
	for (size_t len = lo; len <= hi && len <= MAXWORD; len++) {
		if (s->maskmade[len])
			continue;
		s->maskmade[len] = 1;
		for (size_t i = s->wordlen[len]; i < s->wordlen[len + 1]; i++)
			s->wordmask[i] = letters(s->words[i]);
	}
}

/*
 * The words of length len that start with c, [*lo, *hi): a bucket is in
 * byte order, and a typo keeps its first letter, as most do.
 */
static void
initial_range(const struct search *s, size_t len, int c, size_t *lo,
    size_t *hi)
{
	size_t	a = s->wordlen[len], b = s->wordlen[len + 1], mid;

	while (a < b) {		/* the first word not before c */
		mid = a + (b - a) / 2;
		if ((unsigned char)s->words[mid][0] < (unsigned char)c)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	for (b = s->wordlen[len + 1]; a < b && (unsigned char)s->words[a][0] ==
	    (unsigned char)c; a++)
		;
	*hi = a;
}

/*
 * For a word the search data does not know (one a cue has is known:
 * "loud" in "read out loud" is no "cloud"), the nearest word of a
 * service name or alias or of an English cue with its first letter, as
 * typed: the misspelt names and task words people type ("sentimnet",
 * "speach"). A word under five letters is left alone: without a list of
 * every English word, one that short is as likely a real word the
 * catalog lacks ("snap") as a typo of one it has ("shap"). Sets *word
 * to that word (caller frees). Returns its token (caller frees) or NULL.
 */
static char *
correct(struct search *s, const char *tok, const char *raw, char **word)
{
	struct strv	 t = { 0 };
	size_t		 max, d, bestd = 99, len = strlen(raw);
	const char	*best = NULL;
	char		*out;
	uint64_t	 m;

	if (len < 5 || !isascii((unsigned char)tok[0]) ||
	    catalog_known_token(s->cat, tok) || dict_has(raw))
		return NULL;	/* short, known, or an English word spelt right */
	if (!s->words_loaded)
		load_words(s);
	max = len < 8 ? 1 : 2;
	if (len > MAXWORD)
		return NULL;
	m = letters(raw);
	make_masks(s, len - max, len + max);
	for (size_t l = len - max; l <= len + max && l <= MAXWORD; l++) {
		size_t	i, end;

		initial_range(s, l, raw[0], &i, &end);
		for (; i < end; i++) {
			/* an edit changes at most two letters of the set */
			if ((size_t)__builtin_popcountll(m ^ s->wordmask[i]) >
			    2 * max)
				continue;
			d = util_edit_distance(raw, s->words[i], max);
			if (d <= max && d < bestd) {
				bestd = d;
				best = s->words[i];
			}
		}
	}
	if (best == NULL)
		return NULL;
	/* the name word, stemmed like the index */
	search_tokens(s, best, strlen(best), &t, NULL, NULL, NULL);
	*word = xstrdup(best);
	out = t.n > 0 ? xstrdup(t.v[0]) : NULL;
	strv_release(&t);
	return out;
}

static int
add_synonym(void *arg, int grp, const char *toks)
{
	struct search	*s = arg;
	struct seq	*q;

	if (grp < 0 || (size_t)grp >= s->ngroups || s->grploaded[grp] == 2 ||
	    s->nsyn >= s->capsyn)
		return 0;
	s->grploaded[grp] = 1;	/* 2 once this batch of rows is in */
	mem_populate_ahead(s->syn, &s->synmapped, (s->nsyn + 1) *
	    sizeof(*s->syn), (s->capsyn + 1) * sizeof(*s->syn));
	q = &s->syn[s->nsyn];
	search_seq_parse((char *)toks, grp, q);
	if (q->n > 0)
		search_index_seq(&seq_first(s, q)->synhead, s->syn, s->nsyn++);
	return 0;
}

/*
 * Loads the synonym groups that have a term starting with pl's token,
 * unless it was asked before; a group's terms stay next to each other in
 * syn.
 */
static void
search_synonyms(struct search *s, struct plist *pl)
{
	char		*keep;

	if (pl->synloaded)
		return;
	pl->synloaded = 1;	/* one query per distinct token */
	catalog_synonyms(s->cat, pl->tok, add_synonym, s, &keep);
	if (keep != NULL)
		strv_push_owned(&s->synbuf, keep);
	for (size_t g = 0; g < s->ngroups; g++)
		if (s->grploaded[g] == 1)
			s->grploaded[g] = 2;
}

/* Does seq occur in toks[0..n) starting at position i? Every token of
 * the question has its cache entry. */
static int
seq_at(struct search *s, struct seq *q, struct plist *const *toks,
    size_t n, size_t i)
{
	if (i + q->n > n)
		return 0;
	for (size_t k = 0; k < q->n; k++) {
		if (q->pl[k] == NULL && (q->pl[k] = search_cached(s,
		    q->tok[k], hash_str(q->tok[k]))) == NULL)
			return 0;
		if (toks[i + k] != q->pl[k])
			return 0;
	}
	return 1;
}

static void
add_phrase(struct question *qn, struct plist *pl, double w, int orig)
{
	for (size_t i = 0; i < qn->nph; i++) {
		if (qn->ph[i].pl == pl) {
			if (w > qn->ph[i].weight)
				qn->ph[i].weight = w;
			qn->ph[i].orig |= orig;
			return;
		}
	}
	if (qn->nph >= MAXPHRASE)
		return;
	qn->ph[qn->nph].pl = pl;
	qn->ph[qn->nph].weight = w;
	qn->ph[qn->nph].orig = orig;
	qn->ph[qn->nph].noname = 0;
	qn->nph++;
}

/*
 * The question's own distinct tokens, corrected where misspelt. One that
 * a denial reaches wherever it occurs weighs w_denied: in English the
 * DENY_BEFORE tokens after "without", "not" ("don't want to manage
 * GPUs"). Not in Korean: its denials ("관리하지 않고") name what a
 * managed service's own text says it spares one, and measured, denying
 * those words broke more answers than it fixed.
 */
static size_t
own_tokens(struct search *s, struct strv *fixed, struct plist **orig)
{
	struct question	*qn = &s->q;
	char		*raw[MAXORIG];
	unsigned char	 denied[MAXORIG];
	size_t		 norig = 0, k, last = SIZE_MAX;	/* the last denial */

	for (size_t i = 0; i < qn->toks.n; i++) {
		int	d = last != SIZE_MAX && i - last <= DENY_BEFORE;

		if (!qn->ko && search_denies_next(qn->tpl[i]))
			last = i;

		for (k = 0; k < norig; k++)
			if (orig[k] == qn->tpl[i])
				break;
		if (k < norig)
			denied[k] &= (unsigned char)d;
		else if (norig < MAXORIG) {
			raw[norig] = qn->raw.v[i];
			denied[norig] = (unsigned char)d;
			orig[norig++] = qn->tpl[i];
		}
	}
	for (size_t i = 0; i < norig; i++) {
		struct plist *pl = plist_rows(s, orig[i]);
		double wt = denied[i] ? s->p->w_denied : 1.0;

		if (pl->n == 0 && (!pl->corrected ||
		    strcmp(pl->corrfor, raw[i]) != 0)) {
			free(pl->corr);
			free(pl->corrword);
			free(pl->corrfor);
			pl->corrword = NULL;
			pl->corr = correct(s, pl->tok, raw[i], &pl->corrword);
			pl->corrw = s->p->w_typo;
			pl->corrfor = xstrdup(raw[i]);
			pl->corrected = 1;
		}
		if (pl->n == 0 && pl->corr != NULL) {
			wt *= pl->corrw;
			strv_push(fixed, raw[i]);
			strv_push(fixed, pl->corrword);
			orig[i] = search_token(s, pl->corr);
		}
		add_phrase(qn, orig[i], wt, 1);
		if (search_adverb(raw[i], orig[i]->tok))
			for (k = 0; k < qn->nph; k++)
				if (qn->ph[k].pl == orig[i])
					qn->ph[k].noname = 1;
	}
	return norig;
}

/* Orders synonym terms by their group (the catalog's order). */
static int
cmp_group(const void *a, const void *b, void *arg)
{
	const struct search *s = arg;
	int	x = s->syn[*(const int *)a].group, y = s->syn[*(const int *)b].group;

	return (x > y) - (x < y);
}

/*
 * A synonym term in the question brings in its whole group. The groups a
 * token starts are brought in the catalog's order, not the order earlier
 * questions loaded them in, so an answer is the same whatever was asked
 * before it (MAXPHRASE may leave the last out).
 */
static void
expand(struct search *s, struct plist **orig, size_t norig)
{
	int	*hits = NULL;
	size_t	 cap = 0;

	for (size_t i = 0; i < norig; i++)
		search_synonyms(s, orig[i]);
	for (size_t i = 0; i < norig; i++) {
		size_t	 nh = 0;

		for (int t = orig[i]->synhead - 1; t >= 0;
		    t = s->syn[t].next) {
			if (!seq_at(s, &s->syn[t], orig, norig, i))
				continue;
			hits = search_grow(hits, &cap, nh + 1, sizeof(*hits));
			hits[nh++] = t;
		}
		if (nh > 1)
			qsort_r(hits, nh, sizeof(*hits), cmp_group, s);
		for (size_t h = 0; h < nh; h++) {
			size_t	lo = (size_t)hits[h], hi = (size_t)hits[h];
			int	g = s->syn[hits[h]].group;

			if (h > 0 && s->syn[hits[h - 1]].group == g)
				continue;	/* its group is in */
			while (lo > 0 && s->syn[lo - 1].group == g)
				lo--;
			while (hi + 1 < s->nsyn && s->syn[hi + 1].group == g)
				hi++;
			for (size_t j = lo; j <= hi; j++)
				for (size_t k = 0; k < s->syn[j].n; k++)
					add_phrase(&s->q, search_token(s,
					    s->syn[j].tok[k]),
					    s->p->w_expansion /
					    sqrt((double)s->syn[j].n), 0);
		}
	}
	free(hits);
}

static int
add_keyword(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 uc;

	if (n != 2 || v[0] == NULL || v[1] == NULL ||
	    util_parse_int(v[0], 0, (long)s->nuc - 1, &uc) == -1)
		return 0;	/* a foreign catalog's junk: skip it */
	strv_push(&s->kwbuf, v[1]);
	s->kw = search_grow(s->kw, &s->capkw, s->nkw + 1, sizeof(*s->kw));
	search_seq_parse(s->kwbuf.v[s->kwbuf.n - 1], (int)uc, &s->kw[s->nkw]);
	if (s->kw[s->nkw].n > 0) {
		search_index_seq(&seq_first(s, &s->kw[s->nkw])->kwhead, s->kw,
		    s->nkw);
		s->nkw++;
	}
	return 0;
}

/* The first use-case keyword that starts with pl's token, or -1: loaded
 * once. */
static int
keywords(struct search *s, struct plist *pl)
{
	if (!pl->kwloaded) {
		pl->kwloaded = 1;
		catalog_search_rows(s->cat, SR_KEYWORDS, pl->tok, add_keyword,
		    s);
	}
	return pl->kwhead - 1;
}

/*
 * Use cases: a keyword in the question, or a one-word keyword among the
 * synonyms it brought in.
 */
static void
usecases(struct search *s, struct plist **orig, size_t norig)
{
	struct question	*qn = &s->q;

	for (size_t i = 0; i < norig; i++)
		for (int t = keywords(s, orig[i]); t >= 0; t = s->kw[t].next)
			if (seq_at(s, &s->kw[t], orig, norig, i))
				qn->ucs[s->kw[t].group] = 1.0;
	for (size_t i = 0; i < qn->nph; i++)
		for (int t = keywords(s, qn->ph[i].pl); t >= 0;
		    t = s->kw[t].next)
			if (s->kw[t].n == 1 && qn->ucs[s->kw[t].group] < 0.5)
				qn->ucs[s->kw[t].group] = 0.5;
}

void
question_release(struct question *qn)
{
	free(qn->tpl);
	free(qn->sqpl);
	strv_release(&qn->toks);
	strv_release(&qn->raw);
	strv_release(&qn->sq);
	memset(qn, 0, sizeof(*qn));
}

/*
 * Reads text into s->q: its tokens, phrases (its own tokens, corrected,
 * and the synonyms they imply) with their IDF weights, and the use cases
 * it names; the words it misspelt go to fixed as (typed, searched) pairs.
 */
void
question_read(struct search *s, const char *text, struct strv *fixed)
{
	struct question	*qn = &s->q;
	struct plist	*orig[MAXORIG];
	char		*sq;
	size_t		 norig;

	question_release(qn);
	if (s->npl >= MAXCACHE)
		search_cache_reset(s);
	qn->ko = tokenizer_is_hangul(text, strlen(text));
	spec_read(s, text);
	search_tokens(s, text, strlen(text), &qn->toks, &qn->raw,
	    qn->ko ? qn->word : NULL, qn->ko ? NULL : qn->done);
	qn->tpl = intern_all(s, &qn->toks);
	sq = tokenizer_squeeze(text);
	if (qn->ko) {
		search_tokens(s, sq, strlen(sq), &qn->sq, NULL, NULL, NULL);
		qn->sqpl = intern_all(s, &qn->sq);
		search_korean_done(&qn->toks, qn->word, qn->done);
		search_korean_done(&qn->sq, NULL, qn->sqdone);
		for (size_t i = 0; i < qn->toks.n && i < MAXCUETOKS; i++)
			qn->done[i] |= qn->setting[i];
	}
	free(sq);
	norig = own_tokens(s, fixed, orig);
	/* cues read the question as corrected */
	for (size_t i = 0; i < qn->toks.n; i++) {
		struct plist *pl = qn->tpl[i];

		if (pl->rowsloaded && pl->n == 0 && pl->corr != NULL) {
			free(qn->toks.v[i]);
			qn->toks.v[i] = xstrdup(pl->corr);
			qn->tpl[i] = search_token(s, pl->corr);
		}
	}
	expand(s, orig, norig);
	usecases(s, orig, norig);
	for (size_t i = 0; i < qn->nph; i++) {
		const struct plist *pl = plist_rows(s, qn->ph[i].pl);
		double idf = log(1.0 + ((double)s->nrows - (double)pl->n +
		    0.5) / ((double)pl->n + 0.5));

		qn->wi[i] = qn->ph[i].weight * idf;
		if (qn->ph[i].orig && pl->n > 0) {
			qn->origmask |= (uint64_t)1 << i;
			qn->origw += qn->wi[i];
		}
	}
}
