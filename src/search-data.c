/*
 * search-data.c: the catalog's tables that ask loads before its first
 * question (use cases, services and their lifecycle, use-case weights and
 * keywords, synonym and index statistics), each value checked: a
 * malformed catalog is a data error (exit 65), never a crash. Then the
 * capabilities, each loaded when a question first needs it.
 */
#include <endian.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

/*
 * Fills out from toks, tokens already split by the build: the spaces in
 * toks become NULs and out points into it (the caller keeps toks).
 */
void
search_seq_parse(char *toks, int group, struct seq *out)
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
void *
search_grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n <= *cap)
		return p;
	*cap = *cap * 2 > n ? *cap * 2 : n + 16;
	return xrealloc(p, *cap * sz);
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
	s->uc = search_grow(s->uc, &s->capuc, s->nuc + 1, sizeof(*s->uc));
	s->uc[s->nuc++] = xstrdup(v[0]);
	return 0;
}

/* The little-endian 32-bit value at p. */
static uint32_t
get32(const char *p)
{
	uint32_t	v;

	memcpy(&v, p, 4);
	return le32toh(v);
}

/*
 * The services, from their blob (catalog-svcblock.c), used where it lies
 * in the token index (borrowed while the catalog is open): each record's
 * orders and string offsets are checked, the pool ends in a NUL, so
 * every string is one. Returns 0 or -1 (reported).
 */
static int
load_services(struct search *s)
{
	const char	*buf, *rec, *pool;
	size_t		 len, n, plen;

	if (catalog_services(s->cat, &buf, &len) == -1)
		return -1;
	if (len < 8 || memcmp(buf, "SVC1", 4) != 0 ||
	    (n = get32(buf + 4)) > LOAD_MAX_SERVICES ||
	    8 + n * SVC_RECORD > len)
		return bad_data(s, "services", "header or count");
	pool = buf + 8 + n * SVC_RECORD;
	plen = len - 8 - n * SVC_RECORD;
	if (n > 0 && (plen == 0 || pool[plen - 1] != '\0'))
		return bad_data(s, "services", "names not NUL-ended");
	s->svc = xcalloc(n + 1, sizeof(*s->svc));
	s->nsvc = n;
	for (size_t k = 0; k < n; k++) {
		struct svc	*sv = &s->svc[k];
		uint32_t	 succ, part, flags, off[4];

		rec = buf + 8 + k * SVC_RECORD;
		succ = get32(rec);
		part = get32(rec + 4);
		flags = get32(rec + 8);
		for (size_t i = 0; i < 4; i++)
			if ((off[i] = get32(rec + 12 + 4 * i)) >= plen)
				return bad_data(s, "services", "name outside the blob");
		/* -1 (UINT32_MAX) for none; a service order otherwise,
		   checked against the count by link_services() */
		if ((succ != UINT32_MAX && succ >= LOAD_MAX_SERVICES) ||
		    (part != UINT32_MAX && part >= LOAD_MAX_SERVICES))
			return bad_data(s, "successor", pool + off[0]);
		*sv = (struct svc){ .id = pool + off[0], .layer = pool + off[1],
		    .status = pool + off[2], .name = pool + off[3],
		    .active = flags & 1, .supported = (flags >> 1) & 1,
		    .successor = succ == UINT32_MAX ? -1 : (int)succ,
		    .part_of = part == UINT32_MAX ? -1 : (int)part };
	}
	return 0;
}

static int
add_weight(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 svc, w;

	(void)n;
	if (number(s, "service order", v[0], 0, (long)s->nsvc - 1, &svc) ==
	    -1 || number(s, "weight", v[1], 1, 1000, &w) == -1)
		return -1;
	s->ucw[s->nucw][svc] = (double)w / 1000;
	return 0;
}

/*
 * Each service's weight for use case u (nsvc of them, 0 for none),
 * loaded when a question first needs it. A foreign catalog's bad weights
 * count as none.
 */
const double *
search_ucw(struct search *s, size_t u)
{
	char	key[32];

	if (u >= s->nuc || u >= 64)
		return NULL;
	if (s->ucw[u] == NULL) {
		s->ucw[u] = xcalloc(s->nsvc + 1, sizeof(double));
		s->nucw = u;
		snprintf(key, sizeof(key), "%zu", u);
		if (catalog_search_rows(s->cat, SR_WEIGHTS, key, add_weight,
		    s) == -1)
			memset(s->ucw[u], 0, (s->nsvc + 1) * sizeof(double));
	}
	return s->ucw[u];
}

/* The cues and their tokens a search makes room for at once, at most:
 * as questions load them, the arrays then never move (a copy to grow
 * one is hundreds of fresh pages in every batch worker). */
#define PRESIZE_CUES	(1L << 20)

static int
add_synstats(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	long		 terms, groups, cues, cuetoks;

	(void)n;
	if (number(s, "synonym count", v[0], 0, 10000000, &terms) == -1 ||
	    number(s, "synonym groups", v[1], 0, terms, &groups) == -1 ||
	    number(s, "cue count", v[2], 0, 100000000, &cues) == -1 ||
	    number(s, "cue tokens", v[3], 0, 1000000000, &cuetoks) == -1)
		return -1;
	s->capsyn = (size_t)terms;
	s->ngroups = (size_t)groups;
	s->cues = search_grow(NULL, &s->capcues, (size_t)(cues <
	    PRESIZE_CUES ? cues : PRESIZE_CUES), sizeof(*s->cues));
	s->cuetoks = search_grow(NULL, &s->capcuetoks, (size_t)(cuetoks <
	    4 * PRESIZE_CUES ? cuetoks : 4 * PRESIZE_CUES),
	    sizeof(*s->cuetoks));
	return 0;
}


static int
add_docstats(void *arg, const char *const *v, size_t n)
{
	struct search	*s = arg;
	char		*end = NULL;

	(void)n;
	if (number(s, "index size", v[0], 0, MAX_ROWS, &s->nrows) == -1)
		return -1;
	s->avglen = v[1] != NULL ? strtod(v[1], &end) : 0;
	if (v[1] == NULL || *end != '\0' || !(s->avglen >= 0))
		return bad_data(s, "mean row length", v[1]);
	if (s->avglen <= 0)
		s->avglen = 1;
	return 0;
}

/* Checks that successors and parts are services. */
static int
link_services(struct search *s)
{
	for (size_t k = 0; k < s->nsvc; k++) {
		struct svc *v = &s->svc[k];

		if (v->successor >= (int)s->nsvc)
			return bad_data(s, "successor", v->id);
		if (v->part_of >= (int)s->nsvc)
			return bad_data(s, "part of", v->id);
	}
	return 0;
}

/* Loads what every question needs; returns 0 or -1 after reporting. */
int
search_load(struct search *s)
{
	static int (*const fns[SR_N])(void *, const char *const *, size_t) = {
		[SR_USECASES] = add_usecase,
		[SR_SYNSTATS] = add_synstats, [SR_DOCSTATS] = add_docstats,
	};

	for (int t = 0; t < SR_N; t++)
		if ((t == SR_SERVICES ? load_services(s) :
		    catalog_search_rows(s->cat, (enum search_rows)t, "", fns[t],
		    s)) == -1)
			return -1;
	s->ncaps = (size_t)catalog_count(s->cat, "capabilities");
	s->caps = xcalloc(s->ncaps + 1, sizeof(*s->caps));
	return link_services(s);
}


/* Puts seq[k] at the head of a list of terms, *head (index + 1, 0 for
 * none: its first token's synhead or kwhead). */
void
search_index_seq(int *head, struct seq *seq, size_t k)
{
	seq[k].next = *head - 1;
	*head = (int)k + 1;
}

static int
add_provider(void *arg, long svc, double strength)
{
	struct cap	*c = arg;

	c->svc = xrealloc(c->svc, (c->nprov + 1) * sizeof(*c->svc));
	c->strength = xrealloc(c->strength, (c->nprov + 1) *
	    sizeof(*c->strength));
	c->svc[c->nprov] = (int)svc;
	c->strength[c->nprov++] = strength;
	return 0;
}

/* Capability ord, loaded on first use; NULL if there is none. */
const struct cap *
search_cap(struct search *s, int ord)
{
	struct cap	*c;
	struct strv	 v = { 0 };
	long		 kind;

	if (ord < 0 || (size_t)ord >= s->ncaps)
		return NULL;
	c = &s->caps[ord];
	if (c->id != NULL)
		return c;
	if (catalog_capability(s->cat, ord, &v, add_provider, c) != 1 ||
	    v.n != 4 || util_parse_int(v.v[3], 1, 100, &kind) == -1) {
		strv_release(&v);
		return NULL;
	}
	for (size_t i = 0; i < c->nprov; i++)
		if (c->svc[i] < 0 || (size_t)c->svc[i] >= s->nsvc)
			c->nprov = 0;	/* a foreign catalog's junk: ignore */
	c->id = xstrdup(v.v[0]);
	c->name = xstrdup(v.v[1]);
	c->name_ko = xstrdup(v.v[2]);
	c->kind = (int)kind;
	strv_release(&v);
	return c;
}

/* Frees what search_load() and search_cap() loaded. */
void
search_unload(struct search *s)
{
	free(s->svc);
	for (size_t u = 0; u < 64; u++)
		free(s->ucw[u]);
	for (size_t i = 0; i < s->nuc; i++)
		free(s->uc[i]);
	free(s->uc);
	free(s->kw);
	strv_release(&s->kwbuf);
	for (size_t i = 0; i < s->ncaps; i++) {
		free(s->caps[i].id);
		free(s->caps[i].name);
		free(s->caps[i].name_ko);
		free(s->caps[i].svc);
		free(s->caps[i].strength);
	}
	free(s->caps);
}
