/*
 * search-text.c: how well each service's own text matches a question.
 * For each phrase the index says which rows hold it; each row is scored
 * with BM25 (tf 1, a row being a short text) and folded into its
 * service: the best name or alias, task, summary and description rows,
 * the share of further tasks, which phrases it holds. Every row touched
 * counts: there is no cap on how many.
 */
#include <stdlib.h>
#include <string.h>

#include "search.h"

/*
 * The slot in s->rows of index row rowid, which is the ord'th of the
 * index's rows, made the first time the row is seen and kept (there are
 * at most as many as the index has rows): a question then reaches its
 * rows by index, with no hashing. A place outside the index, or one
 * another row holds, is malformed search data: -1 (reported).
 */
int
text_slot(struct search *s, long long rowid, int ord)
{
	int	k;

	if (ord < 0 || ord >= s->nrows || rowid < 0 || rowid >= ROWID_MAX) {
		s->bad = 1;
		return catalog_search_malformed(s->cat);
	}
	/* mapped in at once: a question's rows lie all over it, and a page
	   left to fault would fault twice, read and then written */
	if (s->ordslot == NULL) {
		s->ordslot = xcalloc((size_t)s->nrows, sizeof(*s->ordslot));
		mem_populate(s->ordslot, (size_t)s->nrows *
		    sizeof(*s->ordslot));
	}
	if ((k = s->ordslot[ord] - 1) >= 0) {
		if ((long long)s->rows[k].rowid == rowid)
			return k;
		s->bad = 1;
		return catalog_search_malformed(s->cat);
	}
	k = (int)s->nslots++;
	if (s->nslots > s->caprows)	/* search_new sized both for all */
		s->rows = search_grow(s->rows, &s->caprows, s->nslots,
		    sizeof(*s->rows));
	s->rows[k] = (struct rowacc){ .rowid = (uint64_t)rowid };
	s->ordslot[ord] = k + 1;
	/* a question touches a slot once: room for every one */
	if (s->nslots > s->captouched)
		s->touched = search_grow(s->touched, &s->captouched,
		    s->nslots, sizeof(*s->touched));
	return k;
}

/* The accumulator in slot k for this question: one no phrase has
 * matched yet (fold_rows() clears those it folds) is listed for
 * fold_rows() when first used. */
static struct rowacc *
row_acc(struct search *s, int k)
{
	struct rowacc	*r = &s->rows[k];

	if (r->matched == 0)
		s->touched[s->ntouched++] = k;
	return r;
}

/* Scores the row in slot k for phrase p (IDF-weighted w). */
static inline void
score_row(struct search *s, int k, size_t p, double w)
{
	struct rowacc	*r = row_acc(s, k);

	r->score += w * s->sat[DOC_LEN(r->rowid)];
	r->mask |= (uint64_t)1 << p;
	r->matched++;
}

/* Scores every row that holds phrase p (IDF-weighted w)... */
static void
score_phrase(struct search *s, const struct plist *pl, size_t p, double w)
{
	for (size_t i = 0; i < pl->n; i++)
		score_row(s, pl->slot[i], p, w);
}

/* ... but for one that names nothing ("quickly"), no name or alias row. */
static void
score_phrase_noname(struct search *s, const struct plist *pl, size_t p,
    double w)
{
	for (size_t i = 0; i < pl->n; i++)
		if (DOC_KIND(s->rows[pl->slot[i]].rowid) > 1)
			score_row(s, pl->slot[i], p, w);
}

/*
 * A name counts in full when all of it is asked for, and when it is what
 * the question is about, not a service the question merely mentions; all
 * of the question: exact.
 */
static double
name_score(struct search *s, struct acc *a, const struct rowacc *r, int len)
{
	uint64_t	 om = s->q.origmask;
	double		 cov = len > 0 ? (double)r->matched / len : 0, sc;

	sc = r->score * (0.4 + 0.6 * (cov > 1 ? 1 : cov));
	sc *= s->p->w_namectx + (1 - s->p->w_namectx) *
	    __builtin_popcountll(r->mask & om) /
	    (om ? __builtin_popcountll(om) : 1);
	if (cov >= 1)
		a->named = 1;
	if (cov >= 1 && (r->mask & om) == om)
		a->exact = 1;
	return sc;
}

/* Folds the touched rows into the services' accumulators, and clears
 * them for the next question. */
static void
fold_rows(struct search *s)
{
	static const int kmap[] = { K_NAME, K_NAME, K_TASK, K_SUMMARY, K_DESC };
	struct rowacc	*r;
	struct acc	*a;
	double		 sc;
	long long	 rowid;
	long		 svc;
	int		 k, ko;

	for (size_t t = 0; t < s->ntouched; t++) {
		r = &s->rows[s->touched[t]];
		rowid = (long long)r->rowid;
		svc = DOC_SVC(rowid);
		if (svc >= 0 && (size_t)svc < s->nsvc && DOC_KIND(rowid) <= 4) {
			a = search_acc(s, (int)svc);
			k = kmap[DOC_KIND(rowid)];
			ko = DOC_KO(rowid);
			sc = k == K_NAME ? name_score(s, a, r, DOC_LEN(rowid)) :
			    r->score;
			a->hit = 1;
			a->mask |= r->mask;
			if (k == K_TASK)
				a->tasks += sc;
			if (sc > a->bestl[k][ko]) {
				a->bestl[k][ko] = sc;
				a->bestrowl[k][ko] = s->touched[t] + 1;
			}
		}
		r->score = 0;
		r->mask = 0;
		r->matched = 0;
	}
	s->ntouched = 0;
}

/* Scores the question's phrases against every service's text. */
void
text_score(struct search *s)
{
	for (size_t i = 0; i < s->q.nph; i++)
		(s->q.ph[i].noname ? score_phrase_noname : score_phrase)(s,
		    s->q.ph[i].pl, i, s->q.wi[i]);
	fold_rows(s);
}

/*
 * The text of index row rowid, from the cache or the catalog; borrowed
 * until text_reset(). NULL if the catalog has no such row.
 */
const char *
text_row(struct search *s, long long rowid)
{
	long	*i = idmap_get(&s->textmap, rowid);
	char	*t;

	if (i != NULL)
		return s->texts.v[*i];
	if ((t = catalog_doc_text(s->cat, rowid)) == NULL)
		return NULL;
	strv_push_owned(&s->texts, t);
	idmap_put(&s->textmap, rowid, (long)s->texts.n - 1);
	return t;
}

/* Forgets the row texts kept (between questions, once they are many). */
void
text_reset(struct search *s)
{
	idmap_release(&s->textmap);
	strv_release(&s->texts);
}
