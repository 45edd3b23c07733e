/*
 * search.c: a task in words -> ranked services (R14). search-query.c
 * reads the question, search-text.c scores each service's own text,
 * search-cap.c the capabilities it provides; here the parts are added up
 * (rank.c holds every weight), then ordered as a new customer needs
 * them: an active service above a closed one, a closed service's
 * successor lifted to where the closed one stood and the closed one
 * right after it, retired services below every active one. --existing
 * ranks by relevance alone. Each result gets a confidence from its score
 * against the top and its own evidence; a question nothing really
 * matches gets no answer. Ties break on catalog order, so output is
 * stable.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

const char *const search_part_names[PART_N] = {
	"name", "task", "summary", "description", "usecase", "coverage",
	"capability", "lifecycle", "part", "build", "spec",
};

/* A service in the running for one question. A long question on a
 * large catalog has a candidate for most services, so this is kept
 * small: the parts of its score are made again, for those shown. */
struct cand {
	int	 svc;
	int	 tier;		/* 0, or 1 for retired: below every other */
	int	 via;		/* the closed service it stands in for, or -1 */
	int	 scored;	/* its parts are score_service()'s */
	double	 rel;		/* relevance: the sum of the parts */
	double	 eff;		/* what it ranks by */
	double	 life;		/* its part PART_LIFECYCLE */
	double	 cover;		/* the share of the question it explains */
	double	 matchw;	/* and the weight of that share */
	uint64_t mask;		/* the question's phrases it matched */
};

/*
 * Returns a search over cat (borrowed: it must outlive the search), with
 * what every question needs loaded, or NULL after reporting malformed
 * search data (an exit status of EXIT_DATA). Free with search_free().
 */
struct search *
search_new(struct catalog *cat)
{
	struct search	*s;

	s = xcalloc(1, sizeof(*s));
	s->cat = cat;
	catalog_lean(cat, LEAN_ASK);
	s->p = rank_params();
	s->tk = tokenizer_new();
	if (search_load(s) == -1) {
		search_free(s);
		return NULL;
	}
	for (int len = 0; len < 256; len++)
		s->sat[len] = (s->p->bm25_k1 + 1) / (1 + s->p->bm25_k1 *
		    (1 - s->p->bm25_b + s->p->bm25_b * len / s->avglen));
	/* synonyms arrive group by group as questions need them */
	s->syn = xmalloc((s->capsyn + 1) * sizeof(*s->syn));
	s->grploaded = xcalloc(s->ngroups + 1, 1);
	s->acc = xmalloc((s->nsvc + 1) * sizeof(*s->acc));
	s->accat = xcalloc(s->nsvc + 1, sizeof(*s->accat));
	s->svclist = xmalloc((s->nsvc + 1) * sizeof(*s->svclist));
	s->capacc = xmalloc((s->nsvc + 1) * sizeof(*s->capacc));
	/* a slot per index row a question touches, room for all of them
	 * (bounded: the count is the catalog's word) */
	s->rows = search_grow(NULL, &s->caprows, s->nrows < (1 << 20) ?
	    (size_t)s->nrows + 1 : (1 << 20), sizeof(*s->rows));
	s->touched = search_grow(NULL, &s->captouched, s->caprows,
	    sizeof(*s->touched));
	/* a service and the successor it brings, at most */
	s->cand = xmalloc((s->nsvc * 2 + 1) * sizeof(*s->cand));
	s->candat = xmalloc((s->nsvc + 1) * sizeof(*s->candat));
	for (size_t i = 0; i <= s->nsvc; i++)
		s->candat[i] = -1;
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	if (s->grploaded != NULL)
		search_cache_reset(s);
	free(s->pl);
	strmap_release(&s->plmap);
	free(s->cues);
	free(s->cuetoks);
	free(s->syn);
	free(s->grploaded);
	free(s->rows);
	free(s->ordslot);
	free(s->touched);
	free(s->candat);
	free(s->words);
	free(s->wordbuf);
	free(s->wordmask);
	question_release(&s->q);
	free(s->readylayer);
	free(s->appsvc);
	free(s->accmem);
	free(s->accn);
	search_unload(s);
	free(s->acc);
	free(s->accat);
	free(s->svclist);
	free(s->capacc);
	free(s->cand);
	tokenizer_free(s->tk);
	free(s);
}

void
hits_release(struct hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].why);
	free(h->v);
	strv_release(&h->terms);
	strv_release(&h->fixed);
	memset(h, 0, sizeof(*h));
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static inline int
passes(struct search *s, const struct query *q, int i)
{
	const struct svc *v = &s->svc[i];

	if (q->layer != NULL && strcmp(v->layer, q->layer) != 0)
		return 0;
	if (q->usecase != NULL) {
		size_t u;

		for (u = 0; u < s->nuc; u++)
			if (strcmp(s->uc[u], q->usecase) == 0)
				break;
		if (u == s->nuc || search_ucw(s, u)[i] <= 0)
			return 0;
	}
	return !q->active || v->active;
}

/* The weight (IDF) of the question's own phrases that mask covers. */
static double
covered(const struct question *qn, uint64_t mask)
{
	double	w = 0;

	for (uint64_t m = mask & qn->origmask; m != 0; m &= m - 1)
		w += qn->wi[__builtin_ctzll(m)];
	return w;
}

/* Whether service i is a ready-made application: the first provider
 * (strength 1) of a capability of that kind. Found once, for all. */
static int
app_service(struct search *s, int i)
{
	if (s->appsvc == NULL) {
		s->appsvc = xcalloc(s->nsvc + 1, 1);
		for (size_t k = 0; k < s->ncaps; k++) {
			const struct cap *cap = search_cap(s, (int)k);

			for (size_t j = 0; cap != NULL &&
			    cap->kind == CAPKIND_APP && j < cap->nprov; j++)
				if (cap->strength[j] >= 1)
					s->appsvc[cap->svc[j]] = 1;
		}
	}
	return s->appsvc[i];
}

/* Whether what capabilities gave service i mark it as a ready-made
 * application: they came only from such applications' capabilities, or
 * it is one (none: no). */
static int
app_only(struct search *s, int i, const struct capacc *ca)
{
	if (ca->ncap == 0)
		return 0;
	if (app_service(s, i))
		return 1;
	for (int k = 0; k < ca->ncap; k++) {
		const struct cap *cap = search_cap(s, s->q.caps[ca->capv[k]].cap);

		if (cap == NULL || cap->kind != CAPKIND_APP)
			return 0;
	}
	return 1;
}

/* Whether service v is not of the catalog's first layer, the one of
 * applications and services ready to use (the model's "service"). */
static int
not_ready(struct search *s, const struct svc *v)
{
	struct strv	ids = { 0 };

	if (s->readylayer == NULL) {
		if (catalog_values(s->cat, "layer", &ids) == 0 && ids.n > 0)
			s->readylayer = xstrdup(ids.v[0]);
		else
			s->readylayer = xstrdup("");
		strv_release(&ids);
	}
	return s->readylayer[0] != '\0' && strcmp(v->layer, s->readylayer) != 0;
}

/* Scores service i into c, its parts into part; 0 if nothing of it
 * matched. */
static int
score_service(struct search *s, int i, struct cand *c, double *part)
{
	const struct rank_params *p = s->p;
	const struct question *qn = &s->q;
	const struct acc *a = search_acc_read(s, i);
	const struct capacc *ca = search_capacc_read(s, a);
	const struct svc *v = &s->svc[i];
	/* what the service this one is a part of earned, if any */
	const struct acc *whole = v->part_of >= 0 ?
	    search_acc_read(s, v->part_of) : NULL;
	uint64_t	 capmask = 0;
	double		 uc = 0, text, scale, fit;

	memset(part, 0, PART_N * sizeof(*part));
	for (size_t k = 0; k < qn->nnamed; k++)
		uc += qn->ucs[qn->named[k]] * qn->namedw[k][i];
	if (!a->hit && uc == 0 && ca->cap == 0)
		return 0;
	memset(c, 0, sizeof(*c));
	c->svc = i;
	c->via = -1;
	c->scored = 1;
	for (int k = 0; k < ca->ncap; k++)
		capmask |= qn->caps[ca->capv[k]].mask;
	c->matchw = covered(qn, a->mask | capmask);
	c->mask = a->mask | capmask;
	c->cover = qn->origw > 0 ? c->matchw / qn->origw : 0;
	scale = qn->ncaps > 0 ? p->w_text_cap : 1;
	part[PART_NAME] = p->w_name * acc_best(a, K_NAME) *
	    (a->exact ? p->w_exact : 1);
	part[PART_TASK] = p->w_task * (acc_best(a, K_TASK) + p->w_moretask *
	    fmin(a->tasks - acc_best(a, K_TASK), acc_best(a, K_TASK)));
	part[PART_SUMMARY] = p->w_summary * acc_best(a, K_SUMMARY);
	part[PART_DESC] = p->w_desc * acc_best(a, K_DESC);
	/* a question that names a service is often about one of its
	 * parts ("... on Bedrock" -> Bedrock Guardrails) */
	for (int k = PART_TASK; k <= PART_DESC; k++) {
		if (whole != NULL && whole->named)
			part[k] *= 1 + p->w_family;
	}
	text = 0;
	for (int k = PART_NAME; k <= PART_DESC; k++)
		text += part[k] *= scale;
	part[PART_COVER] = text * (c->cover - 1) * p->w_cover;
	part[PART_USECASE] = p->w_usecase * uc;
	part[PART_CAP] = p->w_cap * ca->cap;
	for (int k = 0; k < PART_N; k++)
		c->rel += part[k];
	/* a part must earn its place over the whole it belongs to with
	 * something of the question the whole lacks */
	if (whole != NULL && whole->hit &&
	    (a->mask & qn->origmask & ~whole->mask) == 0 &&
	    ca->cap <= search_capacc_read(s, whole)->cap) {
		part[PART_PART] = -c->rel * (1 - p->w_part);
		c->rel += part[PART_PART];
	}
	/* and a whole, over a part that does better what is asked (a
	 * service may be both: the part "part" says what both took) */
	if (a->partbest > ca->capbest) {
		double d = -c->rel * (1 - p->w_whole);

		part[PART_PART] += d;
		c->rel += d;
	}
	/* the course's rule: a question that says its own developers will
	 * build it asks for building blocks, not a ready-made application */
	if (qn->builds && app_only(s, i, ca)) {
		part[PART_BUILD] = -c->rel * (1 - p->w_build_app);
		c->rel += part[PART_BUILD];
	}
	/* and the other way: one that wants an application ready to use,
	 * nothing to build or train, does not want building blocks */
	if (qn->ready && !qn->builds && not_ready(s, v)) {
		part[PART_BUILD] = -c->rel * (1 - p->w_ready_block);
		c->rel += part[PART_BUILD];
	}
	/* an instance family against the accelerator memory asked for */
	if ((fit = spec_fit(s, i)) < 1) {
		part[PART_SPEC] = -c->rel * (1 - fit);
		c->rel += part[PART_SPEC];
	}
	c->eff = c->rel;
	return c->rel > 0;
}

#define MAXCHAIN 8	/* successors followed, at most */

/* The service at the end of i's chain of successors, if i is closed
 * with one: the first active one, or the last; -1 if none. */
static int
chain_end(struct search *s, int i)
{
	const struct svc *v = &s->svc[i];
	int	t = -1;

	if (v->active || v->successor < 0)
		return -1;
	for (int k = 0; k < MAXCHAIN && v->successor >= 0; k++) {
		t = v->successor;
		v = &s->svc[t];
		if (v->active)
			break;
	}
	return t;
}

/* The successor succ takes the place of closed candidate c if c counts
 * for more, answering with what matched c. */
static void
lift_to(struct search *s, const struct cand *c, struct cand *succ)
{
	double	lift = c->rel * s->p->w_lift;

	if (succ->tier != 0 || succ->eff >= lift)
		return;
	succ->life += lift - succ->eff;
	succ->eff = lift;
	succ->via = c->svc;
	succ->cover = fmax(succ->cover, c->cover);
	succ->matchw = fmax(succ->matchw, c->matchw);
	succ->mask |= c->mask;
}

#define MANY_PROVIDERS	10	/* a capability this broad says little */

/* The capability that gave a service the most, a broad one ("choose an
 * EC2 instance type", every family's) only if no other did. */
static const struct cap *
why_cap(struct search *s, const struct capacc *ca)
{
	const struct cap *best = NULL, *cap;
	int		 broad = 1;
	double		 v = 0;

	for (int j = 0; j < ca->ncap; j++) {
		int	b;

		if ((cap = search_cap(s, s->q.caps[ca->capv[j]].cap)) == NULL)
			continue;
		b = cap->nprov >= MANY_PROVIDERS;
		if (best == NULL || (broad && !b) ||
		    (b == broad && ca->caps[j] > v)) {
			best = cap;
			broad = b;
			v = ca->caps[j];
		}
	}
	return best;
}

/* The best active candidate that provides cap more strongly than
 * candidate c does, at a strength of least or more; or NULL. at maps a
 * service to its candidate. */
static struct cand *
stronger_active(struct search *s, const struct cap *cap, const struct cand *c,
    struct cand *cands, const int *at, double least)
{
	struct cand	*best = NULL;
	double		 mine = 0;

	for (size_t j = 0; j < cap->nprov; j++)
		if (cap->svc[j] == c->svc)
			mine = cap->strength[j];
	for (size_t j = 0; j < cap->nprov; j++) {
		int	 t = cap->svc[j];

		if (t == c->svc || cap->strength[j] <= mine ||
		    cap->strength[j] < least || at[t] < 0 || !s->svc[t].active)
			continue;
		if (best == NULL || cands[at[t]].eff > best->eff)
			best = &cands[at[t]];
	}
	return best;
}

/*
 * The candidate that does the job closed candidate c (one with no
 * successor) was found for: an active one that provides more strongly
 * than c does the capability that gave c the most (why_cap()); or else
 * one that is the service for the question's own strongest capability
 * (a provider at full strength), if c provides it too, more weakly (a
 * broad one says nothing); or NULL. at maps a service to its candidate
 * among cands.
 */
static struct cand *
does_its_job(struct search *s, const struct cand *c, struct cand *cands,
    const int *at)
{
	const struct cap *cap = why_cap(s, search_capacc_read(s,
	    search_acc_read(s, c->svc)));
	struct cand	*best = NULL;

	if (cap == NULL)
		return NULL;
	if ((best = stronger_active(s, cap, c, cands, at, 0)) != NULL ||
	    s->q.ncaps == 0)
		return best;
	cap = search_cap(s, s->q.caps[0].cap);
	if (cap == NULL || cap->nprov >= MANY_PROVIDERS)
		return NULL;
	for (size_t j = 0; j < cap->nprov; j++)
		if (cap->svc[j] == c->svc)
			return stronger_active(s, cap, c, cands, at, 1);
	return NULL;
}

/*
 * Orders the candidates as a new customer needs them: closed services
 * count less, the end of each one's chain of successors stands in its
 * place and each closed one goes after its own successor, retired ones
 * go below every other. A successor the filters removed is never brought,
 * but for q->any_successor one of any layer or use case is.
 */
static size_t
lifecycle(struct search *s, const struct query *q, struct cand *c, size_t n)
{
	struct query	 sq = *q;
	struct cand	*succ;
	int		*at = s->candat;	/* service -> candidate, or -1 */

	if (q->any_successor) {
		sq.layer = NULL;
		sq.usecase = NULL;
	}
	for (size_t k = 0; k < n; k++) {
		const struct svc *v = &s->svc[c[k].svc];

		at[c[k].svc] = (int)k;
		if (!v->supported)
			c[k].tier = 1;
		else if (!v->active && v->successor >= 0) {
			c[k].eff = c[k].rel * s->p->w_closed;
			c[k].life = c[k].eff - c[k].rel;
		}
	}
	/* what a closed service matched lifts the end of its chain of
	   successors (a closed successor passes it on) */
	for (size_t k = 0, m = n; k < m; k++) {
		int	t = chain_end(s, c[k].svc);

		if (t < 0 || !passes(s, &sq, t))
			continue;
		if (at[t] < 0) {
			at[t] = (int)n;
			succ = &c[n++];
			memset(succ, 0, sizeof(*succ));
			succ->svc = t;
			succ->via = -1;
			succ->tier = !s->svc[t].supported;
		}
		succ = &c[at[t]];
		lift_to(s, &c[k], succ);
	}
	/* a closed one with none goes after an active one that does its
	   job better (an active service that does the job ranks first) */
	for (size_t k = 0; k < n; k++) {
		const struct svc *v = &s->svc[c[k].svc];

		if (v->active || v->successor >= 0 || c[k].tier != 0)
			continue;
		if ((succ = does_its_job(s, &c[k], c, at)) != NULL &&
		    succ->tier == 0 && c[k].eff >= succ->eff) {
			c[k].life -= c[k].eff - succ->eff * 0.999;
			c[k].eff = succ->eff * 0.999;
		}
	}
	/* and each closed one goes after its successor, down the chain */
	for (int round = 0; round < MAXCHAIN; round++)
		for (size_t k = 0; k < n; k++) {
			const struct svc *v = &s->svc[c[k].svc];
			int	 t = v->active || v->successor < 0 ? -1 :
			    at[v->successor] >= 0 ? v->successor :
			    chain_end(s, c[k].svc);

			if (t < 0 || at[t] < 0)
				continue;
			succ = &c[at[t]];
			if (c[k].tier == succ->tier && c[k].eff >= succ->eff) {
				c[k].life -= c[k].eff -
				    succ->eff * 0.999;
				c[k].eff = succ->eff * 0.999;
			}
		}
	for (size_t k = 0; k < n; k++)
		at[c[k].svc] = -1;
	return n;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->tier != y->tier)
		return x->tier - y->tier;
	if (x->eff != y->eff)
		return x->eff > y->eff ? -1 : 1;
	return x->svc - y->svc;
}

/* How sure a result is: from its score against the top, and evidence. */
static enum confidence
confidence(const struct search *s, const struct cand *c, double top,
    const struct cand *first)
{
	const struct rank_params *p = s->p;
	double		 ratio = top > 0 ? c->eff / top : 0;
	const struct acc *a = search_acc_read(s, c->svc);
	/* text alone, however much of a short question it covers ("speech",
	 * "gpu", "help me please"), is no more than medium */
	int		 strong = search_capacc_read(s, a)->cap > 0 || a->exact;

	if (c->via >= 0) {	/* it stands in for what matched: as strong */
		a = search_acc_read(s, c->via);
		strong = strong || search_capacc_read(s, a)->cap > 0 ||
		    a->exact;
	}
	if (c->tier > first->tier)
		ratio = top > 0 ? c->rel / top : 0;
	if (ratio >= p->conf_high && strong)
		return CONF_HIGH;
	if (ratio >= p->conf_medium && (strong || c->cover >= 0.3))
		return CONF_MEDIUM;
	return CONF_LOW;
}

/* The text of service v's best row of kind k, in the question's language. */
static const char *
best_row(struct search *s, const struct acc *a, int k)
{
	int	slot = acc_bestrow(a, k);

	if (a->bestl[k][s->q.ko] >= acc_best(a, k) * 0.5)
		slot = a->bestrowl[k][s->q.ko];
	return slot > 0 ? text_row(s, (long long)s->rows[slot - 1].rowid) :
	    NULL;
}

/* Why c, its score in parts, is where it is, in words (caller frees). */
static char *
why(struct search *s, const struct cand *c, const double *part,
    const char **matched)
{
	static const int kinds[] = { K_NAME, K_TASK, K_SUMMARY, K_DESC };
	const struct svc *v = &s->svc[c->svc];
	const struct acc *a = search_acc_read(s, c->svc);
	const struct capacc *ca = search_capacc_read(s, a);
	const char	*text = NULL;
	struct strbuf	 sb = { 0 };
	double		 best = 0;
	int		 k = -1;

	for (int i = 0; i < 4; i++)
		if (part[i] > best) {
			best = part[i];
			k = i;
		}
	*matched = k >= 0 ? search_part_names[k] : "usecase";
	if (c->via >= 0) {
		sb_adds(&sb, "recommended successor of ");
		sb_adds(&sb, s->svc[c->via].name);
		*matched = "lifecycle";
	} else if (part[PART_CAP] >= best && ca->ncap > 0) {
		const struct cap *cap = why_cap(s, ca);

		sb_adds(&sb, cap == NULL ? "capability" : s->q.ko ?
		    cap->name_ko : cap->name);
		*matched = "capability";
	} else if (k >= 0 && (text = best_row(s, a, kinds[k])) != NULL) {
		sb_adds(&sb, k == 0 ? "name: " : "");
		sb_adds(&sb, text);
	} else
		sb_adds(&sb, "use case");
	if (!v->active) {
		sb_adds(&sb, v->supported ? " [closed to new customers" :
		    " [retired");
		if (v->successor >= 0) {
			sb_adds(&sb, "; use ");
			sb_adds(&sb, s->svc[v->successor].name);
		}
		sb_addc(&sb, ']');
	}
	return sb_detach(&sb);
}

/* Appends the hit for candidate c. */
static void
add_hit(struct search *s, struct hits *h, const struct cand *c,
    enum confidence conf)
{
	const struct svc *v = &s->svc[c->svc];
	const struct capacc *ca = search_capacc_read(s,
	    search_acc_read(s, c->svc));
	struct cand	 again;
	struct hit	*t;

	h->v = search_grow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
	t = &h->v[h->n++];
	memset(t, 0, sizeof(*t));
	t->id = v->id;
	t->name = v->name;
	t->layer = v->layer;
	t->status = v->status;
	t->active = v->active;
	t->supported = v->supported;
	if (v->successor >= 0) {
		t->successor = s->svc[v->successor].id;
		t->successor_name = s->svc[v->successor].name;
	}
	t->score = round(c->eff * 1000) / 1000;
	t->conf = conf;
	t->via = c->via >= 0 ? s->svc[c->via].name : NULL;
	/* the parts, made again: a successor brought in has only its lift */
	if (c->scored)
		score_service(s, c->svc, &again, t->part);
	t->part[PART_LIFECYCLE] = c->life;
	t->why = why(s, c, t->part, &t->matched);
	for (int k = 0; k < ca->ncap; k++) {
		const struct capmatch *m = &s->q.caps[ca->capv[k]];
		const struct cap *cap = search_cap(s, m->cap);

		if (cap == NULL)
			continue;
		t->caps[t->ncaps].id = cap->id;
		t->caps[t->ncaps].name = s->q.ko ? cap->name_ko : cap->name;
		t->caps[t->ncaps].cue = s->cues[m->cue].text;
		t->caps[t->ncaps].score = m->score;
		t->caps[t->ncaps++].strength = ca->caps[k] / m->score;
	}
}

/* The phrases searched and their weights, for --explain. */
static void
explain_terms(struct search *s, struct hits *h)
{
	char	buf[128];

	for (size_t u = 0; u < s->nuc && u < 64; u++)
		if (s->q.ucs[u] > 0) {
			snprintf(buf, sizeof(buf), "usecase=%s:%.1f", s->uc[u],
			    s->q.ucs[u]);
			strv_push(&h->terms, buf);
		}
	for (size_t i = 0; i < s->q.nph; i++) {
		snprintf(buf, sizeof(buf), "%.100s:%.2f", s->q.ph[i].pl->tok,
		    s->q.wi[i]);
		strv_push(&h->terms, buf);
	}
}

/* Whether the question's own phrases in mask hold a word of a task, not
 * only words of asking ("help", "service", "어떤"). */
static int
asks_task(const struct question *qn, uint64_t mask)
{
	for (uint64_t m = mask & qn->origmask; m != 0; m &= m - 1)
		if (!search_filler(qn->ph[__builtin_ctzll(m)].pl->tok))
			return 1;
	return 0;
}

/* Emits the ranked candidates that make the cut, up to q->limit. */
static void
emit(struct search *s, const struct query *q, struct cand *c, size_t n,
    struct hits *h)
{
	double	top = n > 0 ? c[0].eff : 0;

	/* nothing real: no capability, no name, and little of the question
	 * explained, or only its words of asking */
	if (n == 0 || (s->q.ncaps == 0 &&
	    !search_acc_read(s, c[0].svc)->exact &&
	    ((c[0].cover < s->p->min_evidence &&
	    c[0].matchw < s->p->min_weight) || !asks_task(&s->q, c[0].mask))))
		return;
	for (size_t k = 0; k < n && h->n < q->limit; k++) {
		double v = c[k].tier > c[0].tier ? c[k].rel : c[k].eff;

		if (v <= 0 || v < top * s->p->cutoff)
			continue;
		add_hit(s, h, &c[k], confidence(s, &c[k], top, &c[0]));
	}
}

/*
 * Drops, before sorting, the candidates emit() would skip: it measures
 * each against the best of the first tier present (which sorts first),
 * by its own score in that tier and by relevance in a later one. The
 * order of those kept is left to the sort.
 */
static size_t
keep_shown(struct search *s, struct cand *c, size_t n)
{
	double	top = 0;
	int	tier = 1 << 30;
	size_t	k = 0;

	for (size_t i = 0; i < n; i++)
		if (c[i].tier < tier || (c[i].tier == tier && c[i].eff > top)) {
			tier = c[i].tier;
			top = c[i].eff;
		}
	for (size_t i = 0; i < n; i++) {
		double v = c[i].tier > tier ? c[i].rel : c[i].eff;

		/* the first after sorting is kept whatever it scored */
		if ((v > 0 && v >= top * s->p->cutoff) ||
		    (c[i].tier == tier && c[i].eff == top))
			c[k++] = c[i];
	}
	return k;
}

/*
 * Ranks the services for q->text into h (zeroed by the caller, released
 * with hits_release()). Returns the number of results (0: nothing fits),
 * or -1 if the catalog's search data proved malformed (reported): the
 * lists a question reads are read when it first needs them.
 */
int
search_run(struct search *s, const struct query *q, struct hits *h)
{
	struct cand	*c = s->cand;	/* each is set before it is read */
	double		 part[PART_N];	/* a candidate's, not kept */
	size_t		 n = 0;

	question_read(s, q->text, &h->fixed);
	for (size_t u = 0; u < s->nuc && u < 64; u++)
		if (s->q.ucs[u] > 0) {
			s->q.namedw[s->q.nnamed] = search_ucw(s, u);
			s->q.named[s->q.nnamed++] = u;
		}
	text_score(s);
	cap_match(s);
	/* with no use case named only what the question touched can score:
	 * those, in service order, as a scan over all of them would be */
	if (s->q.nnamed == 0)
		qsort(s->svclist, s->nsvclist, sizeof(*s->svclist), cmp_int);
	/* each scored service may take a candidate */
	mem_populate_ahead(s->cand, &s->candmapped, (s->q.nnamed == 0 ?
	    s->nsvclist : s->nsvc) * sizeof(*c), (s->nsvc * 2 + 1) *
	    sizeof(*c));
	for (size_t k = 0; k < (s->q.nnamed == 0 ? s->nsvclist : s->nsvc);
	    k++) {
		int i = s->q.nnamed == 0 ? s->svclist[k] : (int)k;

		if (passes(s, q, i) && score_service(s, i, &c[n], part))
			n++;
	}
	if (!q->existing)
		n = lifecycle(s, q, c, n);
	n = keep_shown(s, c, n);
	qsort(c, n, sizeof(*c), cmp_cand);
	emit(s, q, c, n, h);
	if (q->explain)
		explain_terms(s, h);
	for (size_t k = 0; k < s->nsvclist; k++)
		s->accat[s->svclist[k]] = 0;
	s->nsvclist = 0;
	s->ncapacc = 0;
	if (s->bad || catalog_search_damaged(s->cat))
		return -1;
	return (int)h->n;
}
