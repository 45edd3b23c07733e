/*
 * search.c: a task in words -> ranked services (R14). The question is
 * tokenized by tokenize.c; a misspelt service name is corrected; synonym
 * groups from the catalog widen it; use-case keywords name the use cases
 * it is about. The FTS5 index says which rows hold each token (cached,
 * so a batch asks once per distinct token), and every row is scored here
 * with BM25 weights. A service's score is a sum of named parts: name or
 * alias, tasks, summary, description (each weighted), the share of the
 * question it leaves unmatched, the use cases the question names, its
 * lifecycle, and whether it is a part adding nothing to its whole. Ties
 * break on catalog order, so output is stable.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define MAXPHRASE 64		/* tokens searched per question */
#define MAXORIG 32		/* tokens kept from the question itself */
#define MAXSEQ 8		/* tokens in one keyword or synonym term */
#define ROWSLOTS 4096		/* hash slots for the rows of one question */
#define MAXROWS 2048		/* rows one question may touch */

/* How much each kind of matched text counts. */
static const double W_NAME = 1.5;
static const double W_TASK = 1.6;
static const double W_SUMMARY = 1.0;
static const double W_DESC = 0.5;
static const double W_USECASE = 6.0;
static const double W_EXPANSION = 0.6;	/* a synonym's tokens */
static const double W_TYPO = 0.85;	/* a corrected word */
static const double W_COVER = 1.0;	/* share of the question left out */
static const double W_MORETASK = 0.25;	/* further matching tasks */
static const double W_EXACT = 2.0;	/* the question is a service's name */
static const double W_NAMECTX = 0.4;	/* a name in a longer question */
static const double W_FAMILY = 0.3;	/* a part of a service named */
static const double W_PART = 0.85;	/* a part adding nothing to its whole */
static const double RETIRED_FACTOR = 0.5;
static const double BM25_K1 = 1.2;
static const double BM25_B = 0.5;

/* A term: a sequence of tokens (keyword or synonym). */
struct seq {
	char	*tok[MAXSEQ];
	size_t	 n;
	int	 group;		/* use case index or synonym group */
	int	 next;		/* next term with the same first token, or -1 */
};

/* A set of strings (borrowed), open addressing. */
struct strset {
	const char	**v;
	size_t		  n;
	size_t		  cap;	/* a power of 2, or 0 */
};

/* Terms by their first token: open addressing over a seq array. */
struct termhash {
	const char	**tok;	/* first token, NULL for an empty slot */
	int		 *head;	/* index of the first such term */
	size_t		  cap;	/* a power of 2 */
};

struct svc {
	char	*id;
	char	*name;
	char	*layer;
	char	*status;
	char	*successor_id;
	char	*part_of_id;
	int	 successor;	/* index, or -1 */
	int	 part_of;	/* index, or -1 */
	double	*ucw;		/* weight per use case */
	int	 active;	/* open to new customers */
	int	 supported;	/* not retired */
};

/* The rows that hold one token, as the index said. */
struct plist {
	char		*tok;
	long long	*rows;
	size_t		 n;
	char		*corr;		/* for an unknown token: its correction */
	char		*corrword;	/* the name word it came from, or NULL */
	double		 corrw;		/* and that correction's weight */
	int		 corrected;	/* corr was looked for */
	int		 synloaded;	/* its synonym groups are loaded */
};

/* The text of an index row, kept once shown (a batch repeats them). */
struct textrow {
	long long	 rowid;
	char		*text;		/* NULL for an empty slot */
};

/* One row touched by the current question. */
struct rowacc {
	long long	 rowid;
	double		 score;
	uint64_t	 mask;		/* which phrases it holds */
	int		 matched;	/* how many of its tokens matched */
};

struct search {
	struct catalog	*cat;
	struct tokenizer *tk;
	struct strv	 kwbuf;		/* the text kw points into */
	struct strv	 firstbuf;	/* the text synfirst points into */
	int		 bad;		/* the search data is malformed */
	struct svc	*svc;
	size_t		 nsvc, capsvc;
	char		**uc;		/* use case ids */
	size_t		 nuc, capuc;
	struct seq	*kw;		/* use case keywords */
	size_t		 nkw, capkw;
	struct seq	*syn;		/* synonym terms, grouped */
	size_t		 nsyn, capsyn;
	struct termhash	 kwhash;
	struct termhash	 synhash;	/* the terms loaded so far */
	struct strset	 synfirst;	/* tokens a synonym term starts with */
	size_t		 ngroups;
	unsigned char	*grploaded;	/* by group: its terms are in syn */
	struct strv	 synbuf;	/* the text syn points into */
	struct strv	 words;		/* raw words of names, loaded on demand */
	int		 words_loaded;
	long		 nrows;
	double		 avglen;
	double		 sat[256];	/* BM25 term factor by row length */
	struct plist	*cache;		/* open addressing, by token */
	size_t		 ncache;
	size_t		 capcache;
	struct acc	*acc;		/* nsvc, per question, zeroed after */
	struct ranked	*rk;		/* nsvc, per question */
	int		*shown;		/* nsvc, per question, zeroed after */
	struct textrow	*texts;		/* index row texts shown, by rowid */
	size_t		 ntexts, captexts;
	struct rowacc	*rows;		/* MAXROWS, in the order touched */
	size_t		 nrowacc;
	short		*slot;		/* ROWSLOTS: index in rows + 1, or 0 */
	struct strv	 fixed;		/* typed, corrected word pairs */
	/* per question scratch */
	struct strv	 toks;
	struct strv	 raw;
	const char	*text;		/* being tokenized */
};

/* A token of the question, or one it implies. */
struct phrase {
	char	*tok;
	size_t	 hash;		/* of tok, to find duplicates fast */
	double	 weight;	/* before IDF */
	int	 orig;		/* from the question (or a correction) */
};

struct acc {
	double		 best[4];	/* name/alias, task, summary, desc */
	double		 sum[4];
	long long	 bestrow[4];
	double		 bestl[4][2];	/* the same, English and Korean */
	long long	 bestrowl[4][2];
	uint64_t	 mask;
	int		 exact;		/* a name row is the whole question */
	int		 named;		/* the question names the service */
	int		 hit;
};

enum { K_NAME, K_TASK, K_SUMMARY, K_DESC, K_N };

struct ranked {
	int	 svc;
	double	 total;
	double	 part[8];
	int	 via;		/* -1, or the closed service it follows */
};

static size_t	hash(const char *);
static void	termhash_build(struct termhash *, struct seq *, size_t);
static void	termhash_put(struct termhash *, struct seq *, size_t);
static void	termhash_add(struct termhash *, struct seq *, size_t);
static int	termhash_find(const struct termhash *, const char *);
static void	termhash_release(struct termhash *);
static void	strset_add(struct strset *, const char *);
static int	strset_has(const struct strset *, const char *);

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

/*
 * Fills out from toks, tokens already split by the build: the spaces in
 * toks become NULs and out points into it (s->data keeps it alive).
 */
static void
seq_parse(char *toks, int group, struct seq *out)
{
	char	*p = toks;

	memset(out, 0, sizeof(*out));
	out->group = group;
	while (*p != '\0' && out->n < MAXSEQ) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		out->tok[out->n++] = p;
		while (*p != '\0' && *p != ' ')
			p++;
	}
}

/* Returns p with room for at least n elements of size sz (doubling). */
static void *
grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return p;
	*cap = *cap * 2 > n ? *cap * 2 : n + 16;
	return xrealloc(p, *cap * sz);
}

static int
uc_index(const struct search *s, const char *id)
{
	for (size_t i = 0; i < s->nuc; i++)
		if (strcmp(s->uc[i], id) == 0)
			return (int)i;
	return -1;
}

/* Reports a malformed table of the catalog's search data; returns -1. */
static int
bad_data(struct search *s, const char *what, const char *v)
{
	s->bad = 1;
	return diag_error("%s: malformed search data: %s \"%.40s\" (rebuild "
	    "it with \"awsai build\")", catalog_describe(s->cat), what,
	    v != NULL ? v : "NULL");
}

/* A number in [min, max] from a text value, or -1 after reporting. */
static int
number(struct search *s, const char *what, const char *v, long min, long max,
    long *out)
{
	if (v == NULL || util_parse_int(v, min, max, out) == -1)
		return bad_data(s, what, v);
	return 0;
}

static int
add_usecase(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;

	(void)n;
	if (v[0] == NULL || s->nuc >= 64)
		return bad_data(s, "use case", v[0]);
	s->uc = grow(s->uc, &s->capuc, s->nuc + 1, sizeof(*s->uc));
	s->uc[s->nuc++] = xstrdup(v[0]);
	return 0;
}

static int
add_service(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	struct svc	*sv;

	(void)n;
	for (size_t i = 0; i < 6; i++)
		if (v[i] == NULL && i != 3 && i != 4)
			return bad_data(s, "service", v[0]);
	if (s->nsvc >= LOAD_MAX_SERVICES)
		return bad_data(s, "service count", v[0]);
	s->svc = grow(s->svc, &s->capsvc, s->nsvc + 1, sizeof(*s->svc));
	sv = &s->svc[s->nsvc++];
	memset(sv, 0, sizeof(*sv));
	sv->id = xstrdup(v[0]);
	sv->layer = xstrdup(v[1]);
	sv->status = xstrdup(v[2]);
	sv->successor_id = v[3] != NULL ? xstrdup(v[3]) : NULL;
	sv->part_of_id = v[4] != NULL ? xstrdup(v[4]) : NULL;
	sv->name = xstrdup(v[5]);
	sv->active = v[6] != NULL && strcmp(v[6], "1") == 0;
	sv->supported = v[7] != NULL && strcmp(v[7], "1") == 0;
	sv->successor = sv->part_of = -1;
	return 0;
}

static int
add_weight(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 svc, uc;
	char		*end;
	double		 w;

	(void)n;
	if (number(s, "service order", v[0], 0, (long)s->nsvc - 1, &svc) ==
	    -1 || number(s, "use-case order", v[1], 0, (long)s->nuc - 1,
	    &uc) == -1)
		return -1;
	w = v[2] != NULL ? strtod(v[2], &end) : 0;
	if (v[2] == NULL || *end != '\0' || !(w > 0 && w <= 1))
		return bad_data(s, "weight", v[2]);
	if (s->svc[svc].ucw == NULL)
		s->svc[svc].ucw = xcalloc(s->nuc + 1, sizeof(double));
	s->svc[svc].ucw[uc] = w;
	return 0;
}

static int
add_keyword(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 uc;

	(void)n;
	if (number(s, "use-case order", v[0], 0, (long)s->nuc - 1, &uc) ==
	    -1 || v[1] == NULL)
		return -1;
	strv_push(&s->kwbuf, v[1]);
	s->kw = grow(s->kw, &s->capkw, s->nkw + 1, sizeof(*s->kw));
	seq_parse(s->kwbuf.v[s->kwbuf.n - 1], (int)uc, &s->kw[s->nkw]);
	if (s->kw[s->nkw].n > 0)
		s->nkw++;
	return 0;
}

static int
add_synstats(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 terms, groups;

	(void)n;
	if (number(s, "synonym count", v[0], 0, 10000000, &terms) == -1 ||
	    number(s, "synonym groups", v[1], 0, terms, &groups) == -1)
		return -1;
	s->capsyn = (size_t)terms;
	s->ngroups = (size_t)groups;
	return 0;
}

static int
add_synfirst(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;

	(void)n;
	if (v[0] == NULL)
		return bad_data(s, "synonym", v[0]);
	strv_push(&s->firstbuf, v[0]);
	return 0;
}

static int
add_docstats(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	char		*end = NULL;

	(void)n;
	if (number(s, "index size", v[0], 0, LONG_MAX, &s->nrows) == -1)
		return -1;
	s->avglen = v[1] != NULL ? strtod(v[1], &end) : 0;
	if (v[1] == NULL || *end != '\0' || !(s->avglen >= 0))
		return bad_data(s, "mean row length", v[1]);
	if (s->avglen <= 0)
		s->avglen = 1;
	return 0;
}

/* Links successors and parts to their services' indices. */
static int
link_services(struct search *s)
{
	struct strmap	 ids = { 0 };
	long		*i;
	int		 rc = 0;

	for (size_t k = 0; k < s->nsvc; k++)
		strmap_put(&ids, s->svc[k].id, (long)k);
	for (size_t k = 0; k < s->nsvc && rc == 0; k++) {
		struct svc *v = &s->svc[k];

		if (v->ucw == NULL)
			v->ucw = xcalloc(s->nuc + 1, sizeof(double));
		if (v->successor_id != NULL) {
			if ((i = strmap_get(&ids, v->successor_id)) == NULL)
				rc = bad_data(s, "successor", v->successor_id);
			else
				v->successor = (int)*i;
		}
		if (v->part_of_id != NULL) {
			if ((i = strmap_get(&ids, v->part_of_id)) == NULL)
				rc = bad_data(s, "part of", v->part_of_id);
			else
				v->part_of = (int)*i;
		}
	}
	strmap_release(&ids);
	return rc;
}

/* Loads what every question needs; returns 0 or -1 after reporting. */
static int
load_data(struct search *s)
{
	static int (*const fns[SR_N])(void *, const char *const *, size_t) = {
		[SR_USECASES] = add_usecase, [SR_SERVICES] = add_service,
		[SR_WEIGHTS] = add_weight, [SR_KEYWORDS] = add_keyword,
		[SR_SYNSTATS] = add_synstats, [SR_SYNFIRST] = add_synfirst,
		[SR_DOCSTATS] = add_docstats,
	};

	for (int t = 0; t < SR_N; t++)
		if (catalog_search_rows(s->cat, (enum search_rows)t, fns[t],
		    s) == -1)
			return -1;
	for (size_t i = 0; i < s->firstbuf.n; i++)
		strset_add(&s->synfirst, s->firstbuf.v[i]);
	return link_services(s);
}

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
	s->tk = tokenizer_new();
	if (load_data(s) == -1) {
		search_free(s);
		return NULL;
	}
	for (int len = 0; len < 256; len++)
		s->sat[len] = (BM25_K1 + 1) / (1 + BM25_K1 *
		    (1 - BM25_B + BM25_B * len / s->avglen));
	termhash_build(&s->kwhash, s->kw, s->nkw);
	/* synonyms arrive group by group as questions need them */
	s->syn = xmalloc((s->capsyn + 1) * sizeof(*s->syn));
	s->grploaded = xcalloc(s->ngroups + 1, 1);
	termhash_build(&s->synhash, s->syn, 0);
	s->capcache = 256;
	s->cache = xcalloc(s->capcache, sizeof(*s->cache));
	s->rows = xmalloc(MAXROWS * sizeof(*s->rows));	/* row_acc() clears */
	s->acc = xcalloc(s->nsvc + 1, sizeof(*s->acc));
	s->rk = xcalloc(s->nsvc + 1, sizeof(*s->rk));
	s->shown = xcalloc(s->nsvc + 1, sizeof(*s->shown));
	s->slot = xcalloc(ROWSLOTS, sizeof(*s->slot));
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nsvc; i++) {
		free(s->svc[i].ucw);
		free(s->svc[i].id);
		free(s->svc[i].name);
		free(s->svc[i].layer);
		free(s->svc[i].status);
		free(s->svc[i].successor_id);
		free(s->svc[i].part_of_id);
	}
	free(s->svc);
	for (size_t i = 0; i < s->nuc; i++)
		free(s->uc[i]);
	free(s->uc);
	strv_release(&s->kwbuf);
	strv_release(&s->firstbuf);
	free(s->kw);
	free(s->syn);
	termhash_release(&s->kwhash);
	termhash_release(&s->synhash);
	free(s->synfirst.v);
	free(s->grploaded);
	strv_release(&s->synbuf);
	for (size_t i = 0; i < s->capcache; i++) {
		free(s->cache[i].tok);
		free(s->cache[i].rows);
		free(s->cache[i].corr);
		free(s->cache[i].corrword);
	}
	free(s->cache);
	for (size_t i = 0; i < s->captexts; i++)
		free(s->texts[i].text);
	free(s->texts);
	free(s->rows);
	free(s->slot);
	free(s->acc);
	free(s->rk);
	free(s->shown);
	strv_release(&s->words);
	strv_release(&s->toks);
	strv_release(&s->raw);
	strv_release(&s->fixed);
	tokenizer_free(s->tk);
	free(s);
}

static size_t
hash(const char *str)
{
	size_t	h = 14695981039346656037u;

	for (; *str != '\0'; str++)
		h = (h ^ (unsigned char)*str) * 1099511628211u;
	return h;
}

static void
termhash_put(struct termhash *h, struct seq *terms, size_t k)
{
	size_t	i = hash(terms[k].tok[0]) & (h->cap - 1);

	while (h->tok[i] != NULL && strcmp(h->tok[i], terms[k].tok[0]))
		i = (i + 1) & (h->cap - 1);
	terms[k].next = h->tok[i] != NULL ? h->head[i] : -1;
	h->tok[i] = terms[k].tok[0];
	h->head[i] = (int)k;
}

/*
 * Adds terms[k] to h, ahead of the terms with its first token; terms
 * [0..k) are in h already (a full table grows by indexing them anew).
 */
static void
termhash_add(struct termhash *h, struct seq *terms, size_t k)
{
	if ((k + 1) * 2 > h->cap) {
		free(h->tok);
		free(h->head);
		h->cap = h->cap ? h->cap * 2 : 64;
		h->tok = xcalloc(h->cap, sizeof(*h->tok));
		h->head = xcalloc(h->cap, sizeof(*h->head));
		for (size_t j = k; j-- > 0;)
			termhash_put(h, terms, j);
	}
	termhash_put(h, terms, k);
}

/* Indexes terms[0..n) into h, empty before (chains via next). */
static void
termhash_build(struct termhash *h, struct seq *terms, size_t n)
{
	memset(h, 0, sizeof(*h));
	for (size_t k = 0; k < n; k++)
		termhash_add(h, terms, k);
}

/* The first term starting with tok, or -1; follow ->next for more. */
static int
termhash_find(const struct termhash *h, const char *tok)
{
	size_t	i;

	if (h->cap == 0)
		return -1;
	i = hash(tok) & (h->cap - 1);
	while (h->tok[i] != NULL) {
		if (strcmp(h->tok[i], tok) == 0)
			return h->head[i];
		i = (i + 1) & (h->cap - 1);
	}
	return -1;
}

/* Adds str (borrowed: it must outlive the set) to set. */
static void
strset_add(struct strset *set, const char *str)
{
	const char	**old = set->v;
	size_t		  oldcap = set->cap, i;

	if ((set->n + 1) * 2 > set->cap) {
		set->cap = set->cap ? set->cap * 2 : 256;
		set->v = xcalloc(set->cap, sizeof(*set->v));
		set->n = 0;
		for (size_t k = 0; k < oldcap; k++)
			if (old[k] != NULL)
				strset_add(set, old[k]);
		free(old);
	}
	i = hash(str) & (set->cap - 1);
	while (set->v[i] != NULL) {
		if (strcmp(set->v[i], str) == 0)
			return;
		i = (i + 1) & (set->cap - 1);
	}
	set->v[i] = str;
	set->n++;
}

static int
strset_has(const struct strset *set, const char *str)
{
	size_t	i;

	if (set->cap == 0)
		return 0;
	for (i = hash(str) & (set->cap - 1); set->v[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->v[i], str) == 0)
			return 1;
	return 0;
}

static void
termhash_release(struct termhash *h)
{
	free(h->tok);
	free(h->head);
}

/*
 * The rows that hold tok: from the cache, or asked of the index once and
 * kept. The pointer is valid until search_free().
 */
static struct plist *
postings(struct search *s, const char *tok)
{
	struct plist	*pl, *old;
	size_t		 i, oldcap;

	if (s->ncache * 2 >= s->capcache) {
		old = s->cache;
		oldcap = s->capcache;
		s->capcache *= 2;
		s->cache = xcalloc(s->capcache, sizeof(*s->cache));
		for (size_t k = 0; k < oldcap; k++) {
			if (old[k].tok == NULL)
				continue;
			i = hash(old[k].tok) & (s->capcache - 1);
			while (s->cache[i].tok != NULL)
				i = (i + 1) & (s->capcache - 1);
			s->cache[i] = old[k];
		}
		free(old);
	}
	i = hash(tok) & (s->capcache - 1);
	while ((pl = &s->cache[i])->tok != NULL) {
		if (strcmp(pl->tok, tok) == 0)
			return pl;
		i = (i + 1) & (s->capcache - 1);
	}
	if (catalog_postings(s->cat, tok, &pl->rows, &pl->n) == -1)
		pl->n = 0;
	pl->tok = xstrdup(tok);
	s->ncache++;
	return pl;
}

/* Loads the words of every service name, id and alias, as typed. */
static void
load_words(struct search *s)
{
	struct strv	 names = { 0 };

	s->words_loaded = 1;
	catalog_values(s->cat, "name", &names);
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
}

/*
 * For a word the index does not know, the nearest word of a service name
 * or alias as typed: a misspelt name is the typo that matters, and other
 * unknown words are as likely real words the catalog lacks ("neutral" is
 * no typo of "neural"). Sets *w to the weight of the correction and
 * *word to the name word (caller frees). Returns its token (caller frees)
 * or NULL.
 */
static char *
correct(struct search *s, const char *tok, const char *raw, double *w,
    char **word)
{
	size_t	 max, d, bestd = 99, len = strlen(raw);
	char	*best = NULL;

	if (len < 4 || !isascii((unsigned char)tok[0]))
		return NULL;
	if (!s->words_loaded)
		load_words(s);
	max = len < 8 ? 1 : 2;
	for (size_t i = 0; i < s->words.n; i++) {
		d = util_edit_distance(raw, s->words.v[i], max);
		if (d <= max && d < bestd) {
			bestd = d;
			free(best);
			best = xstrdup(s->words.v[i]);
		}
	}
	if (best == NULL)
		return NULL;
	/* the name word, stemmed like the index */
	tokens(s, best, strlen(best));
	*word = best;
	*w = W_TYPO;
	return s->toks.n > 0 ? xstrdup(s->toks.v[0]) : NULL;
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
	strv_push(&s->synbuf, toks);
	q = &s->syn[s->nsyn];
	seq_parse(s->synbuf.v[s->synbuf.n - 1], grp, q);
	if (q->n > 0)
		termhash_add(&s->synhash, s->syn, s->nsyn++);
	return 0;
}

/*
 * Loads the synonym groups that have a term starting with tok, unless
 * it was asked before; a group's terms stay next to each other in syn.
 */
static void
load_synonyms(struct search *s, const char *tok)
{
	struct plist	*pl = postings(s, tok);

	if (pl->synloaded)
		return;
	pl->synloaded = 1;
	if (!strset_has(&s->synfirst, tok))
		return;
	catalog_synonyms(s->cat, tok, add_synonym, s);
	for (size_t g = 0; g < s->ngroups; g++)
		if (s->grploaded[g] == 1)
			s->grploaded[g] = 2;
}

/* Does seq occur in toks[0..n) starting at position i? */
static int
seq_at(const struct seq *q, char *const *toks, size_t n, size_t i)
{
	if (i + q->n > n)
		return 0;
	for (size_t k = 1; k < q->n; k++)
		if (strcmp(toks[i + k], q->tok[k]) != 0)
			return 0;
	return strcmp(toks[i], q->tok[0]) == 0;
}

static void
add_phrase(struct phrase *ph, size_t *nph, const char *tok, double w,
    int orig)
{
	size_t	h = hash(tok);

	for (size_t i = 0; i < *nph; i++) {
		if (ph[i].hash == h && strcmp(ph[i].tok, tok) == 0) {
			if (w > ph[i].weight)
				ph[i].weight = w;
			ph[i].orig |= orig;
			return;
		}
	}
	if (*nph >= MAXPHRASE)
		return;
	ph[*nph].tok = xstrdup(tok);
	ph[*nph].hash = h;
	ph[*nph].weight = w;
	ph[*nph].orig = orig;
	(*nph)++;
}

/* Fibonacci hashing: the high bits of the product mix every bit. */
static size_t
rowhash(long long rowid, size_t cap)
{
	return (size_t)(((uint64_t)rowid * 0x9e3779b97f4a7c15u) >> 32) &
	    (cap - 1);
}

/*
 * The accumulator of row rowid for this question (created if new), or
 * NULL once MAXROWS rows are taken (the rest are ignored).
 */
static struct rowacc *
row_acc(struct search *s, long long rowid)
{
	size_t		 i = rowhash(rowid, ROWSLOTS);
	struct rowacc	*r;

	while (s->slot[i] != 0) {
		if ((r = &s->rows[s->slot[i] - 1])->rowid == rowid)
			return r;
		i = (i + 1) & (ROWSLOTS - 1);
	}
	if (s->nrowacc == MAXROWS)
		return NULL;
	r = &s->rows[s->nrowacc++];
	memset(r, 0, sizeof(*r));
	r->rowid = rowid;
	s->slot[i] = (short)s->nrowacc;
	return r;
}

/*
 * Scores every row that holds phrase p (IDF-weighted w) into the row
 * accumulators: BM25 with tf 1, a row being a short text.
 */
static void
score_phrase(struct search *s, const struct plist *pl, size_t p, double w)
{
	struct rowacc	*r;

	for (size_t i = 0; i < pl->n; i++) {
		if ((r = row_acc(s, pl->rows[i])) == NULL)
			return;
		r->score += w * s->sat[DOC_LEN(pl->rows[i])];
		r->mask |= (uint64_t)1 << p;
		r->matched++;
	}
}

/* Folds the touched rows into per-service accumulators, and resets them. */
static void
fold_rows(struct search *s, struct acc *acc, uint64_t origmask)
{
	static const int kmap[] = { K_NAME, K_NAME, K_TASK, K_SUMMARY, K_DESC };
	struct rowacc	*r;
	struct acc	*a;
	double		 sc, cov;
	int		 svc, kind, len;

	for (size_t t = 0; t < s->nrowacc; t++) {
		r = &s->rows[t];
		svc = DOC_SVC(r->rowid);
		kind = DOC_KIND(r->rowid);
		len = DOC_LEN(r->rowid);
		if (svc >= 0 && (size_t)svc < s->nsvc && kind < 5) {
			a = &acc[svc];
			sc = r->score;
			if (kmap[kind] == K_NAME) {
				/* a name counts in full when all of it is
				 * asked for, and when it is what the question
				 * is about, not a service the question merely
				 * mentions; all of the question: exact */
				cov = len > 0 ? (double)r->matched / len : 0;
				sc *= 0.4 + 0.6 * (cov > 1 ? 1 : cov);
				sc *= W_NAMECTX + (1 - W_NAMECTX) *
				    __builtin_popcountll(r->mask & origmask) /
				    (origmask ? __builtin_popcountll(origmask) : 1);
				if (cov >= 1)
					a->named = 1;
				if (cov >= 1 && (r->mask & origmask) ==
				    origmask)
					a->exact = 1;
			}
			a->hit = 1;
			a->mask |= r->mask;
			a->sum[kmap[kind]] += sc;
			if (sc > a->best[kmap[kind]]) {
				a->best[kmap[kind]] = sc;
				a->bestrow[kmap[kind]] = r->rowid;
			}
			if (sc > a->bestl[kmap[kind]][DOC_KO(r->rowid)]) {
				a->bestl[kmap[kind]][DOC_KO(r->rowid)] = sc;
				a->bestrowl[kmap[kind]][DOC_KO(r->rowid)] =
				    r->rowid;
			}
		}
	}
	if (s->nrowacc > 0)
		memset(s->slot, 0, ROWSLOTS * sizeof(*s->slot));
	s->nrowacc = 0;
}

/* Does a rank before b? Higher score first, then catalog order. */
static int
ranks_before(const struct ranked *a, const struct ranked *b)
{
	if (a->total != b->total)
		return a->total > b->total;
	return a->svc < b->svc;
}

/* Moves the best of rk[i..n) to rk[i] (one step of a selection sort). */
static void
select_next(struct ranked *rk, size_t i, size_t n)
{
	struct ranked	 t;
	size_t		 best = i;

	for (size_t k = i + 1; k < n; k++)
		if (ranks_before(&rk[k], &rk[best]))
			best = k;
	if (best != i) {
		t = rk[i];
		rk[i] = rk[best];
		rk[best] = t;
	}
}

static int
is_active(const struct svc *v)
{
	return v->active;
}

static int
passes(const struct search *s, const struct query *q, int i)
{
	const struct svc *v = &s->svc[i];
	int		 u;

	if (q->layer != NULL && strcmp(v->layer, q->layer) != 0)
		return 0;
	if (q->usecase != NULL && ((u = uc_index(s, q->usecase)) < 0 ||
	    v->ucw[u] <= 0))
		return 0;
	if (q->active && !is_active(v))
		return 0;
	return 1;
}

/*
 * The text of index row rowid, from the cache or the catalog; borrowed
 * until search_free(). NULL if the catalog has no such row.
 */
static const char *
doc_text(struct search *s, long long rowid)
{
	struct textrow	*old;
	size_t		 i, oldcap;

	if (s->ntexts * 2 >= s->captexts) {
		old = s->texts;
		oldcap = s->captexts;
		s->captexts = oldcap ? oldcap * 2 : 64;
		s->texts = xcalloc(s->captexts, sizeof(*s->texts));
		for (size_t k = 0; k < oldcap; k++) {
			if (old[k].text == NULL)
				continue;
			i = rowhash(old[k].rowid, s->captexts);
			while (s->texts[i].text != NULL)
				i = (i + 1) & (s->captexts - 1);
			s->texts[i] = old[k];
		}
		free(old);
	}
	i = rowhash(rowid, s->captexts);
	while (s->texts[i].text != NULL) {
		if (s->texts[i].rowid == rowid)
			return s->texts[i].text;
		i = (i + 1) & (s->captexts - 1);
	}
	if ((s->texts[i].text = catalog_doc_text(s->cat, rowid)) == NULL)
		return NULL;
	s->texts[i].rowid = rowid;
	s->ntexts++;
	return s->texts[i].text;
}

/* Appends one result row for ranked entry r. */
static void
emit(struct search *s, const struct query *q, const struct ranked *r,
    const struct acc *a, size_t rank, int ko, const char *terms,
    struct result *res)
{
	long long	 row_id = 0;
	static const char *const parts[] = { "name", "task", "summary",
	    "description", "usecase", "coverage", "lifecycle", "part" };
	static const double *const kw[] = { &W_NAME, &W_TASK, &W_SUMMARY,
	    &W_DESC };
	const struct svc *v = &s->svc[r->svc];
	struct cell	*row = result_row(res);
	struct strbuf	 why = { 0 }, ex = { 0 };
	const char	*text = NULL;
	char		*js;
	double		 best = 0;
	int		 k = -1;

	cell_setn(&row[0], (double)rank);
	cell_set(&row[1], v->id);
	cell_set(&row[2], v->name);
	cell_set(&row[3], v->layer);
	cell_set(&row[4], v->status);
	cell_set(&row[5], v->successor >= 0 ?
	    s->svc[v->successor].id : NULL);
	cell_setn(&row[6], round(r->total * 1000) / 1000);
	for (int i = 0; i < K_N; i++) {
		if (a->best[i] * *kw[i] > best) {
			best = a->best[i] * *kw[i];
			k = i;
		}
	}
	/* the reason in the question's language, where one is close */
	if (k >= 0 && a->bestl[k][ko] >= a->best[k] * 0.5)
		row_id = a->bestrowl[k][ko];
	else if (k >= 0)
		row_id = a->bestrow[k];
	if (r->via >= 0)
		sb_addf(&why, "recommended successor of %s",
		    s->svc[r->via].name);
	else if (k >= 0 && (text = doc_text(s, row_id)) != NULL)
		sb_addf(&why, "%s%s", k == K_NAME ? "name: " : "", text);
	else
		sb_adds(&why, "use case");
	if (!is_active(v))
		sb_addf(&why, " [%s%s%s]", v->supported ?
		    "closed to new customers" : "retired",
		    v->successor >= 0 ? "; use " : "",
		    v->successor >= 0 ? s->svc[v->successor].name : "");
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
 * Reads the question: its own tokens (typos corrected) and the synonyms
 * they imply into ph, the use cases it names into ucs. Returns the
 * number of phrases.
 */
static size_t
understand(struct search *s, const char *text, struct phrase *ph,
    double *ucs)
{
	char	*orig[MAXORIG], *raw[MAXORIG], *corr, *exp[MAXPHRASE];
	size_t	 norig = 0, nph = 0, nexp;
	double	 wt;

	strv_release(&s->fixed);
	tokens(s, text, strlen(text));
	for (size_t i = 0; i < s->toks.n && norig < MAXORIG; i++) {
		size_t k;

		for (k = 0; k < norig; k++)
			if (strcmp(orig[k], s->toks.v[i]) == 0)
				break;
		if (k == norig) {
			raw[norig] = xstrdup(s->raw.v[i]);
			orig[norig++] = xstrdup(s->toks.v[i]);
		}
	}
	for (size_t i = 0; i < norig; i++) {
		struct plist *pl = postings(s, orig[i]);

		wt = 1.0;
		if (pl->n == 0 && !pl->corrected) {
			/* pl stays valid: correct() looks nothing up */
			pl->corr = correct(s, orig[i], raw[i], &pl->corrw,
			    &pl->corrword);
			pl->corrected = 1;
		}
		if (pl->n == 0 && pl->corr != NULL) {
			wt = pl->corrw;
			if (pl->corrword != NULL) {
				strv_push(&s->fixed, raw[i]);
				strv_push(&s->fixed, pl->corrword);
			}
			corr = xstrdup(pl->corr);
			free(orig[i]);
			orig[i] = corr;
		}
		add_phrase(ph, &nph, orig[i], wt, 1);
	}
	/* a synonym term in the question brings in its whole group */
	for (size_t i = 0; i < norig; i++)
		load_synonyms(s, orig[i]);
	for (size_t i = 0; i < norig; i++) {
		for (int t = termhash_find(&s->synhash, orig[i]); t >= 0;
		    t = s->syn[t].next) {
			size_t lo = (size_t)t, hi = (size_t)t;
			int g = s->syn[t].group;

			if (!seq_at(&s->syn[t], orig, norig, i))
				continue;
			while (lo > 0 && s->syn[lo - 1].group == g)
				lo--;
			while (hi + 1 < s->nsyn && s->syn[hi + 1].group == g)
				hi++;
			for (size_t j = lo; j <= hi; j++)
				for (size_t k = 0; k < s->syn[j].n; k++)
					add_phrase(ph, &nph, s->syn[j].tok[k],
					    W_EXPANSION /
					    sqrt((double)s->syn[j].n), 0);
		}
	}
	/* use cases: a keyword in the question, or a one-word keyword
	 * among the synonyms it brought in */
	for (size_t i = 0; i < norig; i++)
		for (int t = termhash_find(&s->kwhash, orig[i]); t >= 0;
		    t = s->kw[t].next)
			if (seq_at(&s->kw[t], orig, norig, i))
				ucs[s->kw[t].group] = 1.0;
	nexp = 0;
	for (size_t k = 0; k < nph; k++)
		exp[nexp++] = ph[k].tok;
	for (size_t i = 0; i < nexp; i++)
		for (int t = termhash_find(&s->kwhash, exp[i]); t >= 0;
		    t = s->kw[t].next)
			if (s->kw[t].n == 1 && ucs[s->kw[t].group] < 0.5)
				ucs[s->kw[t].group] = 0.5;
	for (size_t i = 0; i < norig; i++) {
		free(orig[i]);
		free(raw[i]);
	}
	return nph;
}

/*
 * The words the last question misspelt, as pairs: typed, then the
 * service-name word searched instead. Borrowed until the next search_run().
 */
const struct strv *
search_corrections(const struct search *s)
{
	return &s->fixed;
}

/*
 * Ranks the services for q->text into res (columns search_columns).
 * Returns the number of results (0: nothing fits), or -1 on error.
 */
int
search_run(struct search *s, const struct query *q, struct result *res)
{
	struct phrase	 ph[MAXPHRASE];
	size_t		 nph, nranked = 0, out = 0, ucon[64], nucon = 0;
	double		 ucs[64], origw, top, wi[MAXPHRASE];
	uint64_t	 origmask = 0;
	struct strbuf	 terms = { 0 };
	struct acc	*acc;
	struct ranked	*rk;
	int		*shown;
	int		 ko = tokenizer_is_hangul(q->text, strlen(q->text));

	memset(ucs, 0, sizeof(ucs));
	nph = understand(s, q->text, ph, ucs);
	sb_adds(&terms, "");
	for (size_t u = 0; q->explain && u < s->nuc && u < 64; u++)
		if (ucs[u] > 0)
			sb_addf(&terms, "usecase=%s:%.1f ", s->uc[u], ucs[u]);
	acc = s->acc;		/* all zero between questions */
	origw = 0;
	for (size_t i = 0; i < nph; i++) {
		const struct plist *pl = postings(s, ph[i].tok);
		double idf = log(1.0 + ((double)s->nrows - (double)pl->n +
		    0.5) / ((double)pl->n + 0.5));

		wi[i] = ph[i].weight * idf;
		if (ph[i].orig && pl->n > 0) {
			origmask |= (uint64_t)1 << i;
			origw += wi[i];
		}
		score_phrase(s, pl, i, wi[i]);
		if (q->explain)
			sb_addf(&terms, "%s%s:%.2f", i ? " " : "", ph[i].tok,
			    wi[i]);
	}
	fold_rows(s, acc, origmask);
	for (size_t u = 0; u < s->nuc && u < 64; u++)
		if (ucs[u] > 0)
			ucon[nucon++] = u;
	rk = s->rk;
	for (size_t i = 0; i < s->nsvc; i++) {
		struct acc *a = &acc[i];
		struct ranked *r = &rk[nranked];
		double cov = 0, uc = 0, text;

		/* how much of the question, by IDF weight, it covers */
		for (uint64_t m = a->mask & origmask; m != 0; m &= m - 1)
			cov += wi[__builtin_ctzll(m)];
		cov = origw > 0 ? cov / origw : 0;
		for (size_t u = 0; u < nucon; u++)
			uc += ucs[ucon[u]] * s->svc[i].ucw[ucon[u]];
		if (!a->hit && uc == 0)
			continue;
		r->svc = (int)i;
		r->via = -1;
		r->part[0] = W_NAME * a->best[K_NAME] *
		    (a->exact ? W_EXACT : 1);
		r->part[1] = W_TASK * (a->best[K_TASK] + W_MORETASK *
		    fmin(a->sum[K_TASK] - a->best[K_TASK], a->best[K_TASK]));
		r->part[2] = W_SUMMARY * a->best[K_SUMMARY];
		r->part[3] = W_DESC * a->best[K_DESC];
		r->part[4] = W_USECASE * uc;
		/* a question that names a service is often about one of its
		 * parts ("... on Bedrock" -> Bedrock Guardrails) */
		if (s->svc[i].part_of >= 0 && acc[s->svc[i].part_of].named)
			for (int k = 1; k < 4; k++)
				r->part[k] *= 1 + W_FAMILY;
		text = r->part[0] + r->part[1] + r->part[2] + r->part[3];
		r->part[5] = text * (cov - 1) * W_COVER;
		r->total = text + r->part[4] + r->part[5];
		/* a part must earn its place over the whole it belongs to
		 * with something of the question the whole lacks */
		if (s->svc[i].part_of >= 0 && acc[s->svc[i].part_of].hit &&
		    (a->mask & origmask & ~acc[s->svc[i].part_of].mask) == 0) {
			r->part[7] = -r->total * (1 - W_PART);
			r->total += r->part[7];
		}
		if (!s->svc[i].supported) {
			r->part[6] = -r->total * (1 - RETIRED_FACTOR);
			r->total += r->part[6];
		}
		nranked++;
	}
	/* only the first few places are ever shown: select, don't sort */
	select_next(rk, 0, nranked);
	top = nranked > 0 ? rk[0].total : 0;
	shown = s->shown;
	for (size_t i = 0; i < nranked && out < q->limit; i++) {
		const struct svc *v;
		int succ;

		select_next(rk, i, nranked);
		v = &s->svc[rk[i].svc];
		succ = v->successor;

		if (rk[i].total <= 0 || rk[i].total < top * 0.05 ||
		    shown[rk[i].svc])
			continue;
		if (passes(s, q, rk[i].svc)) {
			emit(s, q, &rk[i], &acc[rk[i].svc], ++out, ko, terms.buf,
			    res);
			shown[rk[i].svc] = 1;
		}
		/* a closed or retired service brings its successor along */
		if (succ >= 0 && !is_active(v) && !shown[succ] &&
		    out < q->limit && passes(s, q, succ)) {
			struct ranked r = { 0 };

			for (size_t k = 0; k < nranked; k++)
				if (rk[k].svc == succ)
					r = rk[k];
			r.svc = succ;
			r.via = rk[i].svc;
			emit(s, q, &r, &acc[succ], ++out, ko, terms.buf,
			    res);
			shown[succ] = 1;
		}
	}
	for (size_t i = 0; i < nranked; i++)
		memset(&acc[rk[i].svc], 0, sizeof(*acc));
	memset(shown, 0, s->nsvc * sizeof(*shown));
	for (size_t i = 0; i < nph; i++)
		free(ph[i].tok);
	sb_release(&terms);
	return (int)out;
}
