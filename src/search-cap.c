/*
 * search-cap.c: which capabilities a question asks for. A cue matches
 * when its tokens occur in the question in order, with at most cue_gap
 * other tokens between neighbours (in Korean, whose words are several
 * tokens, or cue_gap words, counted never across punctuation), and no
 * denial among or around them ("without", "없이"). Korean is also read
 * with the spaces between Hangul squeezed out, so "음성 인식" and
 * "음성인식" meet, and a Korean cue is stored both squeezed and spaced.
 * Cues are looked up by their first token, so a question loads only the
 * cues it could match, and tried only where the question has all their
 * tokens. A capability scores by its best cue (longer cues say more, and
 * in English rarer words) plus a share of its other cues; each provider
 * earns the score times its strength, its best capability in full and a
 * share of others.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

struct cue_arg {
	struct search	*s;
	struct plist	*pl;
};

/* Words that deny what follows them ("without fine-tuning") and, in
 * Korean, what comes before them ("파인튜닝 없이", "학습시키지 않고"),
 * and how many tokens away they may be. */
static const char *const deny_next[] = { "not", "no", "without", "never",
    "안", "못", NULL };
static const char *const deny_last[] = { "없이", "없고", "없는", "없어",
    "없습", "없음", "없으", "말고", "빼고", "제외", "않고", "않는", "않을",
    "않아", "않게", "않도록", "않습", "않으", "않기", "않음", "싫어", "싫고",
    "싫은", "싫습", "싫으", "싫다", "아니", "아닌", NULL };
#define DENY_AFTER	5
#define DENY_NEXT	1		/* is one of deny_next */
#define DENY_LAST	2		/* is one of deny_last */
#define DENY_KNOWN	4		/* (a token's flags are found) */

/* tok's DENY_ flags. */
static int
deny_flags(const char *tok)
{
	return (search_listed(tok, deny_next) ? DENY_NEXT : 0) |
	    (search_listed(tok, deny_last) ? DENY_LAST : 0);
}

/* pl's token's DENY_ flags, found once. */
static int
plist_deny(struct plist *pl)
{
	if (!(pl->deny & DENY_KNOWN))
		pl->deny = DENY_KNOWN | deny_flags(pl->tok);
	return pl->deny & (DENY_NEXT | DENY_LAST);
}

/* Does pl's token deny the words after it ("without", "not")? Not "no",
 * which more often tells a state ("when no requests come in", "no ML
 * team") than refuses what follows. */
int
search_denies_next(struct plist *pl)
{
	return (plist_deny(pl) & DENY_NEXT) != 0 && strcmp(pl->tok, "no") != 0;
}

/* A token's bit in a 64-bit signature of a set of tokens, by its hash. */
#define TOKBIT_H(h)	((uint64_t)1 << ((h) & 63))

static int
add_cue(void *arg, long cap, const char *toks, const char *text)
{
	struct cue_arg	*ca = arg;
	struct search	*s = ca->s;
	struct cue	*c;
	struct seq	 q;

	if (cap < 0 || (size_t)cap >= s->ncaps)
		return 0;
	search_seq_parse((char *)toks, 0, &q);	/* NULs between tokens */
	if (q.n == 0)
		return 0;
	s->cues = search_grow(s->cues, &s->capcues, s->ncues + 1,
	    sizeof(*s->cues));
	s->cuetoks = search_grow(s->cuetoks, &s->capcuetoks, s->ncuetoks +
	    q.n, sizeof(*s->cuetoks));
	/* both filled from their start: mapped in ahead */
	mem_populate_ahead(s->cues, &s->cuesmapped, (s->ncues + 1) *
	    sizeof(*s->cues), s->capcues * sizeof(*s->cues));
	mem_populate_ahead(s->cuetoks, &s->cuetoksmapped, (s->ncuetoks +
	    q.n) * sizeof(*s->cuetoks), s->capcuetoks * sizeof(*s->cuetoks));
	c = &s->cues[s->ncues];
	c->cap = (int)cap;
	c->n = (int)q.n;
	c->sig = 0;
	c->text = (char *)text;
	c->deny = 0;	/* found when it first matches (denied()) */
	c->at = s->ncuetoks;
	for (size_t k = 0; k < q.n; k++) {
		size_t h = hash_str(q.tok[k]);

		if (k > 0)
			c->sig |= TOKBIT_H(h);
		s->cuetoks[s->ncuetoks++] = (struct cuetok){ q.tok[k], h,
		    NULL };
	}
	ca->pl->cues = search_grow(ca->pl->cues, &ca->pl->capcues,
	    ca->pl->ncues + 1, sizeof(*ca->pl->cues));
	ca->pl->cues[ca->pl->ncues++] = (int)s->ncues++;
	return 0;
}

/*
 * The cache entry of cue c's token k, or NULL while no question has had
 * it (then it equals no token of this one either): found once it is
 * there, so that tokens are compared as entries.
 */
static struct plist *
cue_pl(struct search *s, const struct cue *c, int k)
{
	struct cuetok	*t = &s->cuetoks[c->at + (size_t)k];

	if (t->pl == NULL)
		t->pl = search_cached(s, t->tok, t->hash);
	return t->pl;
}

/* Cue c's token k. */
static const char *
cue_tok(const struct search *s, const struct cue *c, int k)
{
	return s->cuetoks[c->at + (size_t)k].tok;
}

/* The cues that start with pl's token, loaded once. */
static void
load_cues(struct search *s, struct plist *pl)
{
	struct cue_arg	ca = { s, pl };
	char		*keep;

	if (pl->cuesloaded)
		return;
	pl->cuesloaded = 1;
	catalog_cues(s->cat, pl->tok, add_cue, &ca, &keep);
	if (keep != NULL)
		strv_push_owned(&s->cuebuf, keep);
}

/* Forgets the cues loaded (with the token cache that points at them). */
void
cap_reset(struct search *s)
{
	strv_release(&s->cuebuf);
	s->ncues = s->ncuetoks = 0;
}

/* A token of the question, as cues read it. */
struct alts {
	struct plist	*pl;		/* its cache entry */
	struct plist	*stem;		/* a Korean word's first bigram: its
					   first syllable's, else NULL */
	unsigned char	 deny;		/* DENY_NEXT, DENY_LAST */
	unsigned char	 done;		/* told as done (question.done) */
	unsigned char	 obj;		/* of a word ending in 을, 를 */
};

/*
 * Is the cue token whose entry is t this token? A cue's Korean verb stem
 * of one syllable ("찾", "달", "붙") is also the first syllable of a word
 * that goes on ("찾아서", "달아야", "붙여"), whose first bigram holds it.
 */
static int
alts_has(const struct alts *a, const struct plist *t)
{
	return t == a->pl || (t == a->stem && t != NULL);
}

/* Is the cue at tokens [i, end] of alts[0..n) denied? A denial after it
 * may be up to after tokens away. */
static int
denied(const struct search *s, struct cue *c, const struct alts *alts,
    size_t n, size_t i, size_t end, size_t after)
{
	if (c->deny == 0)
		c->deny = (unsigned char)(DENY_KNOWN |
		    (deny_flags(cue_tok(s, c, 0)) & DENY_NEXT) |
		    (deny_flags(cue_tok(s, c, c->n - 1)) & DENY_LAST));
	if (!(c->deny & DENY_NEXT))
		for (size_t k = i > DENY_BEFORE ? i - DENY_BEFORE : 0; k < i;
		    k++)
			if (alts[k].deny & DENY_NEXT)
				return 1;
	if (!(c->deny & DENY_LAST))
		for (size_t k = end + 1; k < n && k <= end + after; k++)
			if (alts[k].deny & DENY_LAST)
				return 1;
	return 0;
}

/* Is cue c about what is already so ("already use postgres", "이미
 * 설치된": the word, not the bigram of "이미지")? Then being told as done
 * is its point, not background. */
static int
tells_state(const struct search *s, const struct cue *c)
{
	for (int k = 0; k < c->n; k++)
		if (strcmp(cue_tok(s, c, k), "alreadi") == 0)
			return 1;
	return strncmp(c->text, "이미 ", strlen("이미 ")) == 0 ||
	    strstr(c->text, " 이미 ") != NULL;
}

/*
 * Does cue c occur in the question's tokens (alts[0..n)) from position i
 * (where its first token is), in order with at most gap tokens between
 * neighbours, none of them a denial, and not denied by the words around
 * it? With word (Korean, where one word is several tokens: which word
 * each token is of), at most gap words between neighbours do too. A
 * denial after it counts up to after tokens away.
 * Returns 0 if not, CUE_ASKED, or CUE_DONE if it is told as done.
 */
#define CUE_ASKED	1
#define CUE_DONE	2
static int
cue_at(struct search *s, struct cue *c, const struct alts *alts,
    const int *word, size_t n, size_t i, size_t gap, size_t wgap,
    size_t after)
{
	size_t	at = i, j;
	int	done = 0;

#define NEAR(x)	((x) <= at + 1 + gap || (word != NULL && \
	    word[x] <= word[at] + 1 + (int)wgap))
	for (int k = 1; k < c->n; k++) {
		const struct plist *t = cue_pl(s, c, k);

		for (j = at + 1; j < n && NEAR(j); j++) {
			if (alts_has(&alts[j], t))
				break;
			if (alts[j].deny & DENY_NEXT)
				return 0;
			/* a word between that is an object takes the verb
			   (obj is set only where word is) */
			if (alts[j].obj && word[j] != word[at])
				return 0;
		}
		if (j >= n || !NEAR(j))
			return 0;
		at = j;
	}
#undef NEAR
	if (denied(s, c, alts, n, i, at, after))
		return 0;
	for (j = i; j <= at; j++)	/* a word it spans told as done */
		done |= alts[j].done;
	return done && !tells_state(s, c) ? CUE_DONE : CUE_ASKED;
}

/* The weight of capability kind (its order in capability_kinds). */
static double
kind_weight(const struct rank_params *p, int kind)
{
	switch (kind) {
	case CAPKIND_PURPOSE:
		return p->k_purpose;
	case CAPKIND_GENAI:
		return p->k_generative;
	case CAPKIND_OWN:
		return p->k_own;
	case CAPKIND_INFRA:
		return p->k_infra;
	case CAPKIND_APP:
		return p->k_app;
	case CAPKIND_BUILD:
	case CAPKIND_READY:
		return p->k_build;
	}
	return 1;
}

/* The phrases of the question that cue c's tokens are. */
static uint64_t
cue_mask(struct search *s, const struct cue *c)
{
	const struct question *qn = &s->q;
	uint64_t	 m = 0;

	for (int k = 0; k < c->n; k++) {
		const struct plist *t = cue_pl(s, c, k);

		for (size_t i = 0; t != NULL && i < qn->nph; i++)
			if (qn->ph[i].orig && qn->ph[i].pl == t)
				m |= (uint64_t)1 << i;
	}
	return m;
}

/*
 * How much rarer the question's phrases in mask are than its own phrases
 * on the whole, to the power pw: a chip's name says more than "gpu
 * memory". 1 with pw 0 or nothing to compare.
 */
static double
rarity(const struct question *qn, uint64_t mask, double pw)
{
	double	 a = 0, b = 0;
	int	 na = 0, nb = 0;

	if (pw == 0 || qn->ko)	/* Korean bigrams' rarity says little */
		return 1;
	for (size_t i = 0; i < qn->nph && i < 64; i++) {
		double idf = qn->ph[i].weight > 0 ? qn->wi[i] /
		    qn->ph[i].weight : 0;

		if (mask >> i & 1)
			a += idf, na++;
		if (qn->origmask >> i & 1)
			b += idf, nb++;
	}
	if (na == 0 || nb == 0 || a <= 0 || b <= 0)
		return 1;
	return pow((a / na) / (b / nb), pw);
}

/* What a question's cues found so far. */
struct found {
	struct capmatch	 m[64];
	double		 more[64];	/* its further cues' scores */
	size_t		 n;
	int		 done[128];	/* the cues credited */
	size_t		 ndone;
	unsigned char	 told[64];	/* m[k] was found, only told as done,
					   in the question as spaced */
	int		 squeezed;	/* reading the squeezed question */
};

/* Are cues a and b one: the same text (a Korean cue and its spaced
 * twin) or the same tokens ("녹음 개인정보", "녹음에서 개인정보")? */
static int
same_cue(const struct search *s, const struct cue *a, const struct cue *b)
{
	int	k;

	if (a == b || strcmp(a->text, b->text) == 0)
		return 1;
	if (a->n != b->n)
		return 0;
	for (k = 0; k < a->n; k++) {
		const struct cuetok *x = &s->cuetoks[a->at + (size_t)k];
		const struct cuetok *y = &s->cuetoks[b->at + (size_t)k];

		if (x->pl != NULL && y->pl != NULL ? x->pl != y->pl :
		    strcmp(x->tok, y->tok) != 0)
			break;
	}
	return k == a->n;
}

/* Was cue ci, or one the same, credited already? If not, it is now. */
static int
credited(struct search *s, struct found *f, int ci)
{
	for (size_t k = 0; k < f->ndone; k++)
		if (same_cue(s, &s->cues[f->done[k]], &s->cues[ci]))
			return 1;
	if (f->ndone < sizeof(f->done) / sizeof(f->done[0]))
		f->done[f->ndone++] = ci;
	return 0;
}

/* Adds what cue ci earns to its capability's match in f (times share:
 * less for a cue told as done). */
static void
credit(struct search *s, int ci, struct found *f, double share)
{
	const struct cue *c = &s->cues[ci];
	const struct cap *cap = search_cap(s, c->cap);
	struct capmatch	*found = f->m;
	double		*more = f->more, sc;
	uint64_t	 mask;
	size_t		 k;

	for (k = 0; k < f->n; k++)
		if (found[k].cap == c->cap)
			break;
	/* what the spaced question told as done, squeezed it does not ask */
	if (cap == NULL || (f->squeezed && k < f->n && f->told[k]) ||
	    credited(s, f, ci))
		return;
	mask = cue_mask(s, c);
	sc = s->p->cue_base * (1 + s->p->cue_len * (double)(c->n - 1)) *
	    kind_weight(s->p, cap->kind) * rarity(&s->q, mask, s->p->cue_idf) *
	    share;
	if (k == f->n) {
		if (f->n >= 64)
			return;
		memset(&found[k], 0, sizeof(found[k]));
		found[k].cap = c->cap;
		found[k].cue = ci;
		more[k] = 0;
		f->told[k] = share < 1;
		f->n++;
	} else if (share >= 1)
		f->told[k] = 0;
	found[k].mask |= mask;
	if (sc > found[k].score) {
		more[k] += found[k].score;
		found[k].score = sc;
		found[k].cue = ci;
	} else
		more[k] += sc;
}

/*
 * Are all of cue c's tokens but the first among those being matched
 * (marked), each as itself or as a Korean word's stem? Then cue_at() is
 * worth trying.
 */
static int
cue_marked(struct search *s, const struct cue *c)
{
	for (int k = 1; k < c->n; k++) {
		const struct plist *t = cue_pl(s, c, k);

		if (t == NULL || t->mark != s->mark)
			return 0;
	}
	return 1;
}

/* Matches every cue that starts somewhere in toks (pls, their entries). */
static void
match_stream(struct search *s, const struct strv *toks, struct plist **pls,
    const int *word, const unsigned char *obj, const unsigned char *done,
    size_t after, struct found *f)
{
	size_t		 gap = s->p->cue_gap > 0 ? (size_t)s->p->cue_gap : 0;
	size_t		 wgap = s->p->cue_gap_words > 0 ?
			    (size_t)s->p->cue_gap_words : 0;
	size_t		 n = toks->n < MAXCUETOKS ? toks->n : MAXCUETOKS;
	struct alts	*alts = xcalloc(n + 1, sizeof(*alts));
	uint64_t	 sig = 0;	/* of all the tokens */
	int		 at;		/* what cue_at() found */

	if (++s->mark == 0) {		/* wrapped: no entry keeps a mark */
		for (size_t i = 0; i < s->npl; i++)
			s->pl[i]->mark = 0;
		s->mark = 1;
	}
	for (size_t i = 0; i < n; i++) {
		alts[i].pl = pls[i];
		alts[i].deny = (unsigned char)plist_deny(pls[i]);
		alts[i].done = done != NULL && done[i];
		alts[i].obj = word != NULL && obj != NULL && obj[i];
		sig |= TOKBIT_H(pls[i]->hash);
		pls[i]->mark = s->mark;
		if (word != NULL && (i == 0 || word[i] != word[i - 1]) &&
		    strlen(toks->v[i]) == 6 &&
		    tokenizer_is_hangul(toks->v[i], 3)) {
			char	syl[4];		/* the stem alts_has() finds */

			memcpy(syl, toks->v[i], 3);
			syl[3] = '\0';
			alts[i].stem = search_token(s, syl);
			alts[i].stem->mark = s->mark;
			sig |= TOKBIT_H(alts[i].stem->hash);
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct plist *pl = pls[i];

		load_cues(s, pl);
		for (size_t k = 0; k < pl->ncues; k++) {
			struct cue *c = &s->cues[pl->cues[k]];

			/* a word it has that the question lacks */
			if ((c->sig & ~sig) != 0 || !cue_marked(s, c))
				continue;
			if ((at = cue_at(s, c, alts, word, n, i, gap, wgap,
			    after)) != 0)
				credit(s, pl->cues[k], f, at == CUE_DONE ?
				    s->p->cue_done : 1);
		}
	}
	free(alts);
}

/* Gives each provider of capability m its share in s->acc. */
static void
credit_providers(struct search *s, const struct capmatch *m)
{
	const struct cap *cap = search_cap(s, m->cap);

	for (size_t i = 0; cap != NULL && i < cap->nprov; i++) {
		struct capacc *a = search_capacc(s, search_acc(s,
		    cap->svc[i]));
		double v = m->score * cap->strength[i];

		if (a->ncap < 4) {
			a->capv[a->ncap] = (int)(m - s->q.caps);
			a->caps[a->ncap++] = v;
		}
		a->capsum += v;
		if (v > a->capbest)
			a->capbest = v;
		if (s->svc[cap->svc[i]].part_of >= 0) {
			struct acc *w = search_acc(s,
			    s->svc[cap->svc[i]].part_of);

			if (v > w->partbest)
				w->partbest = v;
		}
	}
}

/*
 * Finds the capabilities the question asks for (the best MAXCAPS, in
 * s->q.caps) and credits their providers in s->acc.
 */
void
cap_match(struct search *s)
{
	struct found	 f;
	struct capmatch	*found = f.m, t;
	unsigned char	 within[sizeof(f.m) / sizeof(f.m[0])];
	size_t		 nfound;
	struct question	*qn = &s->q;

	f.n = f.ndone = 0;
	f.squeezed = 0;
	match_stream(s, &qn->toks, qn->tpl, qn->ko ? qn->word : NULL, qn->obj,
	    qn->done, DENY_AFTER, &f);
	if (qn->ko) {
		/* squeezed, a word is about twice as many bigrams */
		f.squeezed = 1;
		match_stream(s, &qn->sq, qn->sqpl, NULL, NULL, qn->sqdone,
		    2 * DENY_AFTER, &f);
	}
	nfound = f.n;
	for (size_t k = 0; k < nfound; k++)
		found[k].score += s->p->cue_more * (f.more[k] <
		    found[k].score ? f.more[k] : found[k].score);
	/* a capability whose words are a part of a stronger one's is that
	 * one's medium, not the ask ("영상 스트리밍" in "영상 스트리밍에서
	 * 실시간으로 ... 식별") */
	for (size_t a = 0; a < nfound; a++) {
		within[a] = 0;
		for (size_t b = 0; b < nfound && !within[a]; b++)
			within[a] = a != b && found[a].mask != 0 &&
			    (found[a].mask & ~found[b].mask) == 0 &&
			    found[a].mask != found[b].mask &&
			    found[a].score < found[b].score;
	}
	for (size_t a = 0; a < nfound; a++)
		if (within[a])
			found[a].score *= s->p->cue_within;
	/* the best first, then by catalog order: stable */
	for (size_t i = 0; i < nfound && i < MAXCAPS; i++) {
		size_t best = i;

		for (size_t k = i + 1; k < nfound; k++)
			if (found[k].score > found[best].score ||
			    (found[k].score == found[best].score &&
			    found[k].cap < found[best].cap))
				best = k;
		t = found[i];
		found[i] = found[best];
		found[best] = t;
		qn->caps[qn->ncaps++] = found[i];
	}
	qn->builds = qn->ready = 0;
	for (size_t i = 0; i < qn->ncaps; i++) {
		const struct cap *cap = search_cap(s, qn->caps[i].cap);

		credit_providers(s, &qn->caps[i]);
		if (cap != NULL && cap->kind == CAPKIND_BUILD)
			qn->builds = 1;
		if (cap != NULL && cap->kind == CAPKIND_READY)
			qn->ready = 1;
	}
	for (size_t k = 0; k < s->ncapacc; k++) {
		struct capacc *a = &s->capacc[k];

		a->cap = a->capbest + s->p->cap_more * (a->capsum - a->capbest);
	}
}
