/*
 * search.h: what ask's files share. search.c runs a question and ranks;
 * search-data.c loads the catalog's tables; search-query.c reads the
 * question; search-text.c scores index rows (BM25); search-cap.c matches
 * capabilities. Only search*.c include it.
 */
#ifndef AWSAI_SEARCH_H
#define AWSAI_SEARCH_H

#include <string.h>

#include "awsai.h"

#define MAXPHRASE 64		/* tokens searched per question */
#define MAXORIG 48		/* tokens kept from the question itself */
#define MAXSEQ 12		/* tokens in one keyword, synonym or cue */
#define MAXCACHE 65536		/* tokens cached before the cache is reset */
#define MAXCAPS 8		/* capabilities kept per question */
#define DENY_BEFORE 2		/* tokens a denial ("without") reaches */
#define MAXALT 12		/* synonyms a token stands for, in cues */
#define MAXCUETOKS 512		/* tokens of a question read for cues */
#define MAXWORD NAME_WORD_MAX	/* longest name word a typo is corrected to */
#define MAX_ROWS	(1L << 24)	/* index rows: a place is below it */

struct plist;

/* A term: a sequence of tokens (keyword or synonym). */
struct seq {
	char	*tok[MAXSEQ];
	struct plist *pl[MAXSEQ];	/* each token's cache entry */
	size_t	 n;
	int	 group;		/* use case index or synonym group */
	int	 next;		/* next term with the same first token, or -1 */
};

struct svc {
	const char *id;		/* these four point into the services' blob */
	const char *name;
	const char *layer;
	const char *status;
	int	 successor;	/* index, or -1 */
	int	 part_of;	/* index, or -1 */
	int	 active;	/* open to new customers */
	int	 supported;	/* not retired */
};

/* A cue of a capability, as the build tokenized it. */
struct cue {
	int	 cap;		/* capability order */
	int	 n;		/* tokens */
	uint64_t sig;		/* a bit for each token but the first */
	unsigned char deny;	/* DENY_* of its first and last tokens */
	char	*text;		/* as written; it and its tokens point into
				   cuebuf */
	size_t	 at;		/* its first token's place in search.cuetoks */
};

/* A cue's token and, once the question cache has it, its entry there:
 * tokens are compared as entries, not as strings. */
struct cuetok {
	const char	*tok;
	size_t		 hash;	/* hash_str(tok) */
	struct plist	*pl;	/* NULL: in no question so far */
};

/* A capability, loaded when a question first matches it. */
struct cap {
	char	*id;
	char	*name;
	char	*name_ko;
	int	 kind;		/* capability_kinds order, from 1 */
/* capability_kinds' orders (schema/0002-capabilities.sql) */
#define CAPKIND_PURPOSE	1	/* a narrow task a pre-trained service does */
#define CAPKIND_GENAI	2	/* create, summarize, converse, answer */
#define CAPKIND_OWN	3	/* build, train, host your own model */
#define CAPKIND_INFRA	4	/* compute, chips, networking, storage */
#define CAPKIND_APP	5	/* a ready-made AI application */
#define CAPKIND_BUILD	6	/* the question's developers build it */
#define CAPKIND_READY	7	/* it wants a ready-made application */
	int	*svc;		/* its providers */
	double	*strength;
	size_t	 nprov;
};

/* What the catalog says of one token: index rows, cues, a correction. */
struct plist {
	char		*tok;
	size_t		 hash;		/* hash_str(tok) */
	int		 synhead;	/* first synonym term it starts + 1 */
	int		 kwhead;	/* first use-case keyword it starts + 1 */
	int		*slot;		/* each row's slot in search.rows */
	size_t		 n;
	int		*cues;		/* indices into search.cues */
	size_t		 ncues, capcues;
	char		*corr;		/* for an unknown token: its correction */
	char		*corrword;	/* the name word it came from, or NULL */
	double		 corrw;		/* and that correction's weight */
	int		 corrected;	/* corr was looked for */
	char		*corrfor;	/* for this word as typed: another
					   one of the token ("weeding" or
					   "weeds") is looked for again */
	int		 synloaded;	/* its synonym groups are loaded */
	int		 kwloaded;	/* its use-case keywords are loaded */
	int		 cuesloaded;	/* its cues are loaded */
	int		 deny;		/* DENY_* of it, plus DENY_KNOWN */
	int		 rowsloaded;	/* slot and n are loaded */
	unsigned	 mark;		/* search.mark: in the tokens (or, a
					   Korean stem, in a word) being
					   matched to cues */
};

/* A token of the question, or one it implies. */
struct phrase {
	struct plist *pl;	/* its token's cache entry; rows read by
				   question_read */
	double	 weight;	/* before IDF */
	int	 orig;		/* from the question (or a correction) */
	int	 noname;	/* an adverb ("quickly"): it names nothing */
};

/* One index row touched by the current question. */
struct rowacc {
	double		 score;
	uint64_t	 mask;		/* which phrases it holds */
	uint64_t	 rowid : 48;	/* below ROWID_MAX */
	uint64_t	 matched : 16;	/* phrases it holds; 0: untouched */
};
#define ROWID_MAX	(1LL << 48)

enum { K_NAME, K_TASK, K_SUMMARY, K_DESC, K_N };

/*
 * Per service, per question: what its text earned (a long question on a
 * large catalog marks most services, so this is kept small: the best of
 * a kind is the better of its two languages, and what capabilities gave
 * is in a struct capacc of its own, which few services have).
 */
struct acc {
	double		 tasks;		/* what all its task rows earned */
	double		 bestl[K_N][2];	/* the best of name/alias, task,
					   summary, desc; English and Korean */
	int		 bestrowl[K_N][2]; /* its slot in search.rows + 1, or 0 */
	uint64_t	 mask;
	double		 partbest;	/* the most a capability gave a part */
	int		 capat;		/* its capacc + 1, or 0 */
	unsigned char	 exact;		/* a name row is the whole question */
	unsigned char	 named;		/* the question names the service */
	unsigned char	 hit;
};

/* Per service, per question: what the capabilities asked for gave it. */
struct capacc {
	double		 cap;		/* capability score */
	double		 capbest;	/* its best capability's share */
	double		 capsum;	/* all of them */
	double		 caps[4];
	int		 capv[4];	/* the capabilities that gave it */
	int		 ncap;
};

/* The best score of kind k in either language, and its row's slot + 1. */
static inline double
acc_best(const struct acc *a, int k)
{
	return a->bestl[k][1] > a->bestl[k][0] ? a->bestl[k][1] :
	    a->bestl[k][0];
}
static inline int
acc_bestrow(const struct acc *a, int k)
{
	return a->bestl[k][1] > a->bestl[k][0] ? a->bestrowl[k][1] :
	    a->bestrowl[k][0];
}

/* A capability the question asks for. */
struct capmatch {
	int	 cap;		/* capability order */
	int	 cue;		/* its best cue, an index into search.cues */
	double	 score;
	uint64_t mask;		/* the question's phrases its cues cover */
};

/* Everything read from one question. */
struct question {
	struct strv	 toks;		/* the question's tokens */
	struct strv	 raw;		/* the same words as typed */
	struct strv	 sq;		/* tokens of the Hangul-squeezed text */
	struct plist	**tpl;		/* toks.n: each token's cache entry */
	struct plist	**sqpl;		/* sq.n: the same of sq */
	int		 word[MAXCUETOKS]; /* Korean: the word each of toks is of */
	unsigned char	 done[MAXCUETOKS]; /* toks told as done ("calls
					   that were transcribed", "배포했는데") */
	unsigned char	 sqdone[MAXCUETOKS]; /* the same, of sq */
	unsigned char	 obj[MAXCUETOKS]; /* Korean: toks of a word that ends
					   in an object particle (을, 를) */
	unsigned char	 setting[MAXCUETOKS]; /* Korean: toks of a verb that
					   qualifies the setting ("생성하는
					   솔루션에서"), told as done */
	struct phrase	 ph[MAXPHRASE];
	size_t		 nph;
	double		 wi[MAXPHRASE];	/* phrase weights times IDF */
	uint64_t	 origmask;	/* phrases from the question itself */
	double		 origw;
	double		 ucs[64];	/* use cases it names */
	size_t		 named[64];	/* the u with ucs[u] > 0 */
	const double	*namedw[64];	/* and search_ucw() of each */
	size_t		 nnamed;
	struct capmatch	 caps[MAXCAPS];
	size_t		 ncaps;
	int		 ko;		/* written in Korean */
	int		 ready;		/* it asks for a "ready-made" one: an
					   application, nothing to build */
	int		 builds;	/* it asks for a "build" capability: its
					   developers build it themselves */
	double		 memask;	/* GB of accelerator memory asked, or 0 */
	int		 memper;	/* of each accelerator (else in all) */
	double		 memmin;	/* the least of a family that holds it */
};

struct cand;

struct search {
	struct catalog	*cat;
	const struct rank_params *p;
	char		*readylayer;	/* the first layer's id, once asked for */
	unsigned char	*appsvc;	/* which are applications, once asked */
	double		*accmem, *accn;	/* each service's accelerators' memory
					   (GiB) and count, once asked */
	struct tokenizer *tk;
	struct svc	*svc;
	size_t		 nsvc;
	double		*ucw[64];	/* by use case: each service's weight,
					   once loaded (search_ucw) */
	size_t		 nucw;		/* the use case being loaded */
	char		**uc;		/* use case ids */
	size_t		 nuc, capuc;
	struct seq	*kw;		/* use case keywords loaded so far */
	size_t		 nkw, capkw;
	struct strv	 kwbuf;		/* the text kw points into */
	struct seq	*syn;		/* synonym terms, grouped */
	size_t		 nsyn, capsyn, synmapped;
	size_t		 ngroups;
	unsigned char	*grploaded;	/* by group: its terms are in syn */
	struct strv	 synbuf;	/* the text syn points into */
	const char	**words;	/* raw words of names and cues, by
					   length; they point into wordbuf */
	size_t		 nwords, capwords;
	char		*wordbuf;
	uint64_t	*wordmask;	/* the letters of each, made for a
					   length when first needed */
	unsigned char	 maskmade[MAXWORD + 2];
	size_t		 wordlen[MAXWORD + 2];	/* first word of each length */
	int		 words_loaded;
	long		 nrows;
	double		 avglen;
	double		 sat[256];	/* BM25 term factor by row length */
	struct plist	**pl;		/* the token cache */
	size_t		 npl, cappl;
	struct strmap	 plmap;		/* token -> index in pl */
	struct cue	*cues;		/* cues loaded so far */
	size_t		 ncues, capcues;
	struct strv	 cuebuf;	/* the text cues point into */
	struct cuetok	*cuetoks;	/* the tokens of the cues loaded */
	size_t		 ncuetoks, capcuetoks;
	size_t		 cuesmapped, cuetoksmapped;	/* mem_populate */
	unsigned	 mark;		/* which token stream is matched */
	struct cap	*caps;		/* capabilities, by order */
	size_t		 ncaps;
	struct acc	*acc;		/* the marked services', in marking order */
	size_t		 accmapped;	/* bytes of it mapped in (mem_populate) */
	int		*accat;		/* nsvc: its acc's place + 1, or 0 */
	int		*svclist;	/* the services marked, in no order */
	size_t		 nsvclist;
	struct capacc	*capacc;	/* those capabilities gave, in order */
	size_t		 ncapacc;
	struct cand	*cand;		/* 2 * nsvc + 1, per question */
	size_t		 candmapped;
	int		*candat;	/* service -> its candidate, or -1 */
	struct rowacc	*rows;		/* a slot per index row seen */
	size_t		 nslots, caprows, rowsmapped;
	int		*ordslot;	/* nrows: a row's place -> slot + 1 */
	int		*touched;	/* the slots this question touched */
	size_t		 ntouched, captouched;
	struct idmap	 textmap;	/* rowid -> index in texts */
	struct strv	 texts;		/* index row texts shown */
	struct question	 q;
	int		 bad;		/* its search data proved malformed */
};

/*
 * Service i's accumulator, marked as in use: only those a question
 * touched are scored (when it names no use case) and forgotten after,
 * so a large catalog costs a question what it touches, not what it has.
 * Accumulators are handed out in marking order, side by side, so the
 * memory a question touches is as small as what it marks.
 */
static inline struct acc *
search_acc(struct search *s, int i)
{
	if (s->accat[i] == 0) {
		mem_populate_ahead(s->acc, &s->accmapped, (s->nsvclist + 1) *
		    sizeof(s->acc[0]), (s->nsvc + 1) * sizeof(s->acc[0]));
		memset(&s->acc[s->nsvclist], 0, sizeof(s->acc[0]));
		s->svclist[s->nsvclist++] = i;
		s->accat[i] = (int)s->nsvclist;
	}
	return &s->acc[s->accat[i] - 1];
}

/*
 * Service i's accumulator to read: one no question touched is all zero,
 * and reading the shared zero one instead leaves its memory untouched
 * (a use case scans every service).
 */
static inline const struct acc *
search_acc_read(const struct search *s, int i)
{
	static const struct acc	 zero;

	return s->accat[i] ? &s->acc[s->accat[i] - 1] : &zero;
}

/* What capabilities gave the service of accumulator a: to write (made
 * when first asked for, in marking order) and to read. */
static inline struct capacc *
search_capacc(struct search *s, struct acc *a)
{
	if (a->capat == 0) {
		memset(&s->capacc[s->ncapacc], 0, sizeof(s->capacc[0]));
		a->capat = (int)++s->ncapacc;
	}
	return &s->capacc[a->capat - 1];
}
static inline const struct capacc *
search_capacc_read(const struct search *s, const struct acc *a)
{
	static const struct capacc	 zero;

	return a->capat ? &s->capacc[a->capat - 1] : &zero;
}

/* search-data.c */
void	 search_seq_parse(char *, int, struct seq *);
void	*search_grow(void *, size_t *, size_t, size_t);
void	 search_index_seq(int *, struct seq *, size_t);
int	 search_load(struct search *);
void	 search_unload(struct search *);
const struct cap *search_cap(struct search *, int);
const double *search_ucw(struct search *, size_t);

/* search-query.c */
void	 question_read(struct search *, const char *, struct strv *);
void	 search_cache_reset(struct search *);
void	 question_release(struct question *);
struct plist *search_token(struct search *, const char *);
struct plist *search_cached(struct search *, const char *, size_t);
void	 search_tokens(struct search *, const char *, size_t, struct strv *,
	    struct strv *, int *, unsigned char *);

/* search-words.c */
int	 search_listed(const char *, const char *const *);
int	 search_told_done(const char *, size_t, size_t);
void	 search_korean_done(const struct strv *, const int *, unsigned char *);
int	 search_filler(const char *);
int	 search_adverb(const char *, const char *);
int	 search_object_word(const char *, size_t);
int	 search_setting_word(const char *, size_t);

/* search-text.c */
void	 text_score(struct search *);
int	 text_slot(struct search *, long long, int);
const char *text_row(struct search *, long long);
void	 text_reset(struct search *);

/* search-cap.c */
void	 cap_match(struct search *);
void	 spec_read(struct search *, const char *);
double	 spec_fit(const struct search *, int);
void	 cap_reset(struct search *);
int	 search_denies_next(struct plist *);

#endif /* AWSAI_SEARCH_H */
