/*
 * search.c: a task in words -> ranked services (R14). The question is
 * tokenized by tokenize.c, typos are corrected against the index's own
 * vocabulary, synonyms from the catalog widen it, and the FTS5 index
 * scores every row it matches. A service's score is a sum of named
 * parts: name or alias, tasks, summary, description (each weighted), the
 * share of the question it covers, the use cases the question names, and
 * its lifecycle. Ties break on catalog order, so output is stable.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define MAXPHRASE 64		/* FTS phrases per query (bits of a mask) */
#define MAXORIG 32		/* tokens kept from the question itself */
#define MAXSEQ 8		/* tokens in one keyword or synonym term */

/* How much each kind of matched text counts. */
static double W_NAME = 1.5;
static double W_TASK = 1.6;
static double W_SUMMARY = 1.0;
static double W_DESC = 0.5;
static double W_USECASE = 6.0;
static double W_EXPANSION = 0.45;	/* a synonym's tokens */
static double W_TYPO = 0.85;		/* a corrected word */
static double W_COVER = 0.9;		/* penalty for question left unmatched */
static double W_MORETASK = 0.25;	/* further matching tasks */
#define RETIRED_FACTOR	0.5

/* A term: a sequence of tokens (keyword, synonym or vocabulary entry). */
struct seq {
	char	*tok[MAXSEQ];
	size_t	 n;
	int	 group;		/* use case index or synonym group */
};

struct svc {
	char	*id;
	char	*name;
	char	*layer;
	char	*status;
	char	*successor_id;
	int	 successor;	/* index, or -1 */
	double	*ucw;		/* weight per use case */
};

struct search {
	struct catalog	*cat;
	struct tokenizer *tk;
	struct svc	*svc;
	size_t		 nsvc;
	char		**uc;		/* use case ids */
	size_t		 nuc;
	struct seq	*kw;		/* use case keywords */
	size_t		 nkw;
	struct seq	*syn;		/* synonym terms */
	size_t		 nsyn;
	struct strv	 words;		/* raw words of names and aliases */
	struct strv	 vocab;		/* index terms, loaded on first typo */
	long		*vocab_df;
	long		 nrows;
	/* per query scratch */
	struct strv	 toks;
	struct strv	 raw;
	const char	*text;		/* being tokenized */
};

/* A phrase of the FTS query. */
struct phrase {
	char	*tok;
	double	 weight;	/* before IDF */
	int	 orig;		/* from the question (or a correction) */
};

struct acc {
	double		 best[5];	/* name/alias, task, summary, desc */
	double		 sum[5];
	long long	 bestrow[5];
	uint64_t	 mask;
	int		 hit;
};

enum { K_NAME, K_TASK, K_SUMMARY, K_DESC, K_N };

struct ranked {
	int	 svc;
	double	 total;
	double	 part[8];
	int	 via;		/* -1, or the closed service it follows */
};

const struct column search_columns[] = {
	{ "rank", CELL_NUM, 0 },
	{ "id", CELL_STR, COL_HIDE_TABLE },
	{ "name", CELL_STR, 0 },
	{ "layer", CELL_STR, 0 },
	{ "status", CELL_STR, COL_STATUS },
	{ "successor", CELL_STR, COL_HIDE_TABLE },
	{ "score", CELL_NUM, COL_HIDE_TABLE },
	{ "why", CELL_STR, COL_SHRINK },
	{ "explain", CELL_JSON, 0 },
};
const size_t search_ncolumns = sizeof(search_columns) /
    sizeof(search_columns[0]);

static int
push_tok(void *arg, const struct token *t)
{
	struct search	*s = arg;
	char		*raw;

	if (s->toks.n >= 4096)
		return 1;	/* enough: the rest of a huge line is noise */
	strv_push_owned(&s->toks, xstrndup(t->text, t->len));
	raw = xstrndup(s->text + t->start, t->end - t->start);
	for (char *p = raw; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	strv_push_owned(&s->raw, raw);
	return 0;
}

/* Tokenizes text into s->toks, and the words as typed into s->raw. */
static void
tokens(struct search *s, const char *text, size_t n)
{
	strv_release(&s->toks);
	strv_release(&s->raw);
	s->text = text;
	tokenizer_run(s->tk, text, n, push_tok, s);
}

static void
seq_from(struct search *s, const char *text, int group, struct seq *out)
{
	tokens(s, text, strlen(text));
	memset(out, 0, sizeof(*out));
	out->group = group;
	for (size_t i = 0; i < s->toks.n && out->n < MAXSEQ; i++)
		out->tok[out->n++] = xstrdup(s->toks.v[i]);
}

static int
add_service(void *arg, const char *const *v)
{
	struct search	*s = arg;
	struct svc	*sv;

	s->svc = xrealloc(s->svc, (s->nsvc + 1) * sizeof(*s->svc));
	sv = &s->svc[s->nsvc++];
	sv->id = xstrdup(v[1]);
	sv->name = xstrdup(v[2]);
	sv->layer = xstrdup(v[3]);
	sv->status = xstrdup(v[4]);
	sv->successor_id = v[5] != NULL ? xstrdup(v[5]) : NULL;
	sv->successor = -1;
	sv->ucw = NULL;
	return 0;
}

static int
uc_index(struct search *s, const char *id)
{
	for (size_t i = 0; i < s->nuc; i++)
		if (strcmp(s->uc[i], id) == 0)
			return (int)i;
	return -1;
}

static int
add_keyword(void *arg, const char *uc, const char *kw)
{
	struct search	*s = arg;
	int		 u = uc_index(s, uc);

	if (u < 0)
		return 0;
	s->kw = xrealloc(s->kw, (s->nkw + 1) * sizeof(*s->kw));
	seq_from(s, kw, u, &s->kw[s->nkw]);
	if (s->kw[s->nkw].n > 0)
		s->nkw++;
	return 0;
}

static int
add_synonym(void *arg, const char *grp, const char *term)
{
	struct search	*s = arg;

	s->syn = xrealloc(s->syn, (s->nsyn + 1) * sizeof(*s->syn));
	seq_from(s, term, atoi(grp), &s->syn[s->nsyn]);
	if (s->syn[s->nsyn].n > 0)
		s->nsyn++;
	return 0;
}

static int
add_weight(void *arg, const char *key, const char *w)
{
	struct search	*s = arg;
	const char	*sp = strchr(key, ' ');
	long		 ord;
	char		*end;
	int		 u;

	if (sp == NULL)
		return 0;
	ord = strtol(key, &end, 10);
	if (end != sp || ord < 0 || (size_t)ord >= s->nsvc ||
	    (u = uc_index(s, sp + 1)) < 0)
		return 0;
	s->svc[ord].ucw[u] = strtod(w, NULL);
	return 0;
}

/*
 * Returns a search over cat (borrowed: it must outlive the search), with
 * everything loaded that every query needs. Free with search_free().
 */
struct search *
search_new(struct catalog *cat)
{
	struct search	*s;
	struct strv	 ucs = { 0 }, names = { 0 };

	s = xcalloc(1, sizeof(*s));
	if (getenv("AWSAI_W") != NULL)
		sscanf(getenv("AWSAI_W"), "%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf",
		    &W_NAME, &W_TASK, &W_SUMMARY, &W_DESC, &W_USECASE,
		    &W_EXPANSION, &W_TYPO, &W_COVER, &W_MORETASK);
	s->cat = cat;
	s->tk = tokenizer_new();
	catalog_each_service(cat, add_service, s);
	catalog_values(cat, "usecase", &ucs);
	s->uc = ucs.v;
	s->nuc = ucs.n;
	for (size_t i = 0; i < s->nsvc; i++) {
		s->svc[i].ucw = xcalloc(s->nuc + 1, sizeof(double));
		for (size_t j = 0; j < s->nsvc; j++)
			if (s->svc[i].successor_id != NULL &&
			    strcmp(s->svc[j].id, s->svc[i].successor_id) == 0)
				s->svc[i].successor = (int)j;
	}
	catalog_each_term(cat, "weight", add_weight, s);
	catalog_each_term(cat, "usecase", add_keyword, s);
	catalog_each_term(cat, "synonym", add_synonym, s);
	catalog_values(cat, "name", &names);
	for (size_t i = 0; i < names.n; i++) {
		char *f = util_fold(names.v[i]), *p = f, *q;

		while (*p != '\0') {
			while (*p != '\0' && !isalnum((unsigned char)*p))
				p++;
			q = p;
			while (*q != '\0' && isalnum((unsigned char)*q))
				q++;
			if (q - p >= 4)
				strv_push_owned(&s->words,
				    xstrndup(p, (size_t)(q - p)));
			p = q;
		}
		free(f);
	}
	strv_release(&names);
	s->nrows = catalog_nrows(cat);
	return s;
}

static void
seq_release(struct seq *q, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < q[i].n; k++)
			free(q[i].tok[k]);
	free(q);
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nsvc; i++) {
		free(s->svc[i].id);
		free(s->svc[i].name);
		free(s->svc[i].layer);
		free(s->svc[i].status);
		free(s->svc[i].successor_id);
		free(s->svc[i].ucw);
	}
	free(s->svc);
	for (size_t i = 0; i < s->nuc; i++)
		free(s->uc[i]);
	free(s->uc);
	seq_release(s->kw, s->nkw);
	seq_release(s->syn, s->nsyn);
	strv_release(&s->words);
	strv_release(&s->vocab);
	free(s->vocab_df);
	strv_release(&s->toks);
	strv_release(&s->raw);
	tokenizer_free(s->tk);
	free(s);
}

static int
add_vocab(void *arg, const char *term, long df)
{
	struct search	*s = arg;

	if (!isascii((unsigned char)term[0]) || strlen(term) < 3)
		return 0;
	strv_push(&s->vocab, term);
	s->vocab_df = xrealloc(s->vocab_df, s->vocab.n * sizeof(long));
	s->vocab_df[s->vocab.n - 1] = df;
	return 0;
}

/*
 * For a word the index does not know, the nearest word it does: first a
 * word of a service name or alias as typed (a misspelt name is the
 * likeliest typo), then, for longer words, an index term. Sets *w to the
 * weight the correction deserves. Returns a token (caller frees) or
 * NULL.
 */
static char *
correct(struct search *s, const char *tok, const char *raw, double *w)
{
	size_t	 max, d, bestd = 99, len = strlen(raw);
	long	 bestdf = -1;
	char	*best = NULL;

	if (len < 4 || !isascii((unsigned char)tok[0]))
		return NULL;
	max = len < 8 ? 1 : 2;
	for (size_t i = 0; i < s->words.n; i++) {
		d = util_edit_distance(raw, s->words.v[i], max);
		if (d <= max && d < bestd) {
			bestd = d;
			free(best);
			best = xstrdup(s->words.v[i]);
		}
	}
	if (best != NULL) {
		/* the name word, stemmed like the index */
		tokens(s, best, strlen(best));
		free(best);
		*w = W_TYPO;
		return s->toks.n > 0 ? xstrdup(s->toks.v[0]) : NULL;
	}
	if (len < 6)
		return NULL;
	if (s->vocab.n == 0)
		catalog_each_vocab(s->cat, add_vocab, s);
	max = len < 9 ? 1 : 2;
	for (size_t i = 0; i < s->vocab.n; i++) {
		d = util_edit_distance(tok, s->vocab.v[i], max);
		if (d <= max && (d < bestd || (d == bestd &&
		    s->vocab_df[i] > bestdf))) {
			bestd = d;
			bestdf = s->vocab_df[i];
			best = s->vocab.v[i];
		}
	}
	*w = W_TYPO * 0.6;
	return best != NULL ? xstrdup(best) : NULL;
}

/* Does seq occur as a run in toks[0..n)? */
static int
seq_in(const struct seq *q, char *const *toks, size_t n)
{
	for (size_t i = 0; i + q->n <= n; i++) {
		size_t k;

		for (k = 0; k < q->n; k++)
			if (strcmp(toks[i + k], q->tok[k]) != 0)
				break;
		if (k == q->n)
			return 1;
	}
	return 0;
}

static void
add_phrase(struct phrase *ph, size_t *nph, const char *tok, double w,
    int orig)
{
	for (size_t i = 0; i < *nph; i++) {
		if (strcmp(ph[i].tok, tok) == 0) {
			if (w > ph[i].weight)
				ph[i].weight = w;
			ph[i].orig |= orig;
			return;
		}
	}
	if (*nph >= MAXPHRASE)
		return;
	ph[*nph].tok = xstrdup(tok);
	ph[*nph].weight = w;
	ph[*nph].orig = orig;
	(*nph)++;
}

struct hits {
	struct acc	*acc;
	size_t		 nsvc;
};

static int
on_hit(void *arg, const struct fts_hit *h)
{
	struct hits	*hs = arg;
	struct acc	*a;
	double		 sc;
	int		 k;

	if (h->svc < 0 || (size_t)h->svc >= hs->nsvc)
		return 0;
	a = &hs->acc[h->svc];
	switch (h->kind[0]) {
	case 'n':
		k = K_NAME;
		break;
	case 'a':
		k = K_NAME;
		break;
	case 't':
		k = K_TASK;
		break;
	case 's':
		k = K_SUMMARY;
		break;
	default:
		k = K_DESC;
		break;
	}
	a->hit = 1;
	a->mask |= h->mask;
	/* a name counts in full only when the question names all of it */
	sc = k == K_NAME ? h->score * (0.4 + 0.6 * h->rowcov) : h->score;
	a->sum[k] += sc;
	if (sc > a->best[k]) {
		a->best[k] = sc;
		a->bestrow[k] = h->rowid;
	}
	return 0;
}

static int
cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return a->svc - b->svc;
}

static int
is_active(const struct svc *v)
{
	return strcmp(v->status, "closed") != 0 &&
	    strcmp(v->status, "retired") != 0;
}

static int
passes(const struct search *s, const struct query *q, int i)
{
	const struct svc *v = &s->svc[i];
	int		 u;

	if (q->layer != NULL && strcmp(v->layer, q->layer) != 0)
		return 0;
	if (q->usecase != NULL && ((u = uc_index((struct search *)s,
	    q->usecase)) < 0 || v->ucw[u] <= 0))
		return 0;
	if (q->active && !is_active(v))
		return 0;
	return 1;
}

/* Appends one result row for ranked entry r. */
static void
emit(struct search *s, const struct query *q, const struct ranked *r,
    const struct acc *a, size_t rank, const char *terms, struct result *res)
{
	static const char *const parts[] = { "name", "task", "summary",
	    "description", "usecase", "coverage", "lifecycle" };
	const struct svc *v = &s->svc[r->svc];
	struct cell	*row = result_row(res);
	struct strbuf	 why = { 0 }, ex = { 0 };
	char		*text = NULL, *js;
	int		 k = -1;

	cell_setn(&row[0], (double)rank);
	cell_set(&row[1], v->id);
	cell_set(&row[2], v->name);
	cell_set(&row[3], v->layer);
	cell_set(&row[4], v->status);
	cell_set(&row[5], v->successor >= 0 ?
	    s->svc[v->successor].id : NULL);
	cell_setn(&row[6], round(r->total * 1000) / 1000);
	if (r->via >= 0)
		sb_addf(&why, "recommended successor of %s",
		    s->svc[r->via].name);
	else {
		double best = 0;

		for (int i = 0; i < K_N; i++) {
			double w = (i == K_NAME ? W_NAME : i == K_TASK ?
			    W_TASK : i == K_SUMMARY ? W_SUMMARY : W_DESC);

			if (a->best[i] * w > best) {
				best = a->best[i] * w;
				k = i;
			}
		}
		if (k == K_NAME)
			sb_addf(&why, "name: ");
		if (k >= 0 && (text = catalog_doc_text(s->cat,
		    a->bestrow[k])) != NULL)
			sb_adds(&why, text);
		else
			sb_adds(&why, "use case match");
		free(text);
	}
	if (!is_active(v)) {
		sb_addf(&why, " [%s%s%s]", strcmp(v->status, "closed") == 0 ?
		    "closed to new customers" : "retired",
		    v->successor >= 0 ? "; use " : "",
		    v->successor >= 0 ? s->svc[v->successor].name : "");
	}
	cell_set(&row[7], why.buf);
	if (q->explain) {
		sb_adds(&ex, "{");
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
			sb_addf(&ex, "%s\"%s\": %.3f", i ? ", " : "", parts[i],
			    r->part[i]);
		if (k >= 0) {
			js = out_json_string(parts[k]);
			sb_addf(&ex, ", \"matched\": %s", js);
			free(js);
		}
		js = out_json_string(terms);
		sb_addf(&ex, ", \"terms\": %s}", js);
		free(js);
		row[8].s = sb_detach(&ex);
	}
	sb_release(&why);
}

/*
 * Ranks the services for q->text into res (columns search_columns).
 * Returns the number of results (0: nothing fits), or -1 on error.
 */
int
search_run(struct search *s, const struct query *q, struct result *res)
{
	struct phrase	 ph[MAXPHRASE];
	char		*orig[MAXORIG], *origraw[MAXORIG], *corr;
	size_t		 norig = 0, nph = 0, nranked = 0, out = 0;
	double		 w[MAXPHRASE], ucs[64], origw = 0, top;
	struct strbuf	 match = { 0 }, terms = { 0 };
	struct hits	 hs;
	struct ranked	*rk;
	int		*shown;
	int		 rc = -1;

	memset(ucs, 0, sizeof(ucs));
	tokens(s, q->text, strlen(q->text));
	for (size_t i = 0; i < s->toks.n && norig < MAXORIG; i++) {
		size_t k;

		for (k = 0; k < norig; k++)
			if (strcmp(orig[k], s->toks.v[i]) == 0)
				break;
		if (k == norig) {
			origraw[norig] = xstrdup(s->raw.v[i]);
			orig[norig++] = xstrdup(s->toks.v[i]);
		}
	}
	/* typos: a word the index lacks becomes its nearest known word */
	for (size_t i = 0; i < norig; i++) {
		double wt = 1.0;

		if (catalog_df(s->cat, orig[i]) == 0 &&
		    (corr = correct(s, orig[i], origraw[i], &wt)) != NULL) {
			free(orig[i]);
			orig[i] = corr;
		}
		add_phrase(ph, &nph, orig[i], wt, 1);
		origw += wt;
	}
	/* synonyms and use cases named by the question */
	for (size_t i = 0; i < s->nsyn; i++) {
		if (!seq_in(&s->syn[i], orig, norig))
			continue;
		for (size_t j = 0; j < s->nsyn; j++) {
			if (s->syn[j].group != s->syn[i].group || j == i)
				continue;
			for (size_t k = 0; k < s->syn[j].n; k++)
				add_phrase(ph, &nph, s->syn[j].tok[k],
				    W_EXPANSION / sqrt((double)s->syn[j].n), 0);
		}
	}
	for (size_t i = 0; i < s->nkw; i++) {
		char *exp[MAXPHRASE];
		size_t nexp = 0;

		if (s->kw[i].group >= 64)
			continue;
		if (seq_in(&s->kw[i], orig, norig)) {
			ucs[s->kw[i].group] = 1.0;
			continue;
		}
		for (size_t k = 0; k < nph; k++)
			exp[nexp++] = ph[k].tok;
		if (s->kw[i].n == 1 && seq_in(&s->kw[i], exp, nexp) &&
		    ucs[s->kw[i].group] < 0.5)
			ucs[s->kw[i].group] = 0.5;
	}
	for (size_t u = 0; u < s->nuc && u < 64; u++)
		if (ucs[u] > 0)
			sb_addf(&terms, "usecase=%s:%.1f ", s->uc[u], ucs[u]);
	if (nph == 0)
		goto none;
	for (size_t i = 0; i < nph; i++) {
		long df = catalog_df(s->cat, ph[i].tok);
		double idf = log(1.0 + ((double)s->nrows - (double)df + 0.5) /
		    ((double)df + 0.5));

		w[i] = ph[i].weight * idf;
		sb_addf(&match, "%s\"%s\"", i ? " OR " : "", ph[i].tok);
		sb_addf(&terms, "%s%s:%.2f", i ? " " : "", ph[i].tok, w[i]);
	}
	hs.nsvc = s->nsvc;
	hs.acc = xcalloc(s->nsvc, sizeof(*hs.acc));
	if (catalog_fts(s->cat, match.buf, w, nph, on_hit, &hs) == -1) {
		free(hs.acc);
		goto out;
	}
	rk = xcalloc(s->nsvc, sizeof(*rk));
	for (size_t i = 0; i < s->nsvc; i++) {
		struct acc *a = &hs.acc[i];
		struct ranked *r = &rk[nranked];
		double cov = 0, uc = 0, text;

		for (size_t p = 0; p < nph; p++)
			if (ph[p].orig && (a->mask >> p & 1))
				cov += ph[p].weight;
		cov = origw > 0 ? cov / origw : 0;
		for (size_t u = 0; u < s->nuc && u < 64; u++)
			uc += ucs[u] * s->svc[i].ucw[u];
		if (!a->hit && uc == 0)
			continue;
		r->svc = (int)i;
		r->via = -1;
		r->part[0] = W_NAME * a->best[K_NAME];
		r->part[1] = W_TASK * (a->best[K_TASK] +
		    W_MORETASK * fmin(a->sum[K_TASK] - a->best[K_TASK],
		    a->best[K_TASK]));
		r->part[2] = W_SUMMARY * a->best[K_SUMMARY];
		r->part[3] = W_DESC * a->best[K_DESC];
		r->part[4] = W_USECASE * uc;
		text = r->part[0] + r->part[1] + r->part[2] + r->part[3];
		r->part[5] = text * (cov - 1) * W_COVER;
		r->total = text + r->part[4] + r->part[5];
		if (strcmp(s->svc[i].status, "retired") == 0) {
			r->part[6] = -r->total * (1 - RETIRED_FACTOR);
			r->total += r->part[6];
		}
		nranked++;
	}
	qsort(rk, nranked, sizeof(*rk), cmp_ranked);
	top = nranked > 0 ? rk[0].total : 0;
	shown = xcalloc(s->nsvc, sizeof(*shown));
	for (size_t i = 0; i < nranked && out < q->limit; i++) {
		const struct svc *v = &s->svc[rk[i].svc];
		int succ = v->successor;

		if (rk[i].total < top * 0.05 || shown[rk[i].svc])
			continue;
		if (passes(s, q, rk[i].svc)) {
			emit(s, q, &rk[i], &hs.acc[rk[i].svc], ++out, terms.buf,
			    res);
			shown[rk[i].svc] = 1;
		}
		/* a closed or retired service brings its successor along */
		if (succ >= 0 && !is_active(v) && !shown[succ] &&
		    out < q->limit && passes(s, q, succ)) {
			struct ranked r = { 0 };
			size_t k;

			for (k = 0; k < nranked; k++)
				if (rk[k].svc == succ)
					r = rk[k];
			r.svc = succ;
			r.via = rk[i].svc;
			emit(s, q, &r, &hs.acc[succ], ++out, terms.buf, res);
			shown[succ] = 1;
		}
	}
	free(shown);
	free(rk);
	free(hs.acc);
none:
	rc = (int)out;
out:
	for (size_t i = 0; i < norig; i++) {
		free(orig[i]);
		free(origraw[i]);
	}
	for (size_t i = 0; i < nph; i++)
		free(ph[i].tok);
	sb_release(&match);
	sb_release(&terms);
	return rc;
}
