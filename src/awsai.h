/*
 * awsai.h: shared types and prototypes, grouped by the file that defines
 * them. Opaque types are defined in their own .c file.
 */
#ifndef AWSAI_H
#define AWSAI_H

#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define AWSAI_VERSION "0.2.0"

/*
 * A one-shot command leaves its large structures (the search, the
 * catalog) to the exit to free, as git does: freeing them costs more
 * than the rest of a short command. Sanitizer builds free everything, so
 * that a leak is still found.
 */
#ifdef AWSAI_SANITIZE
#define FREE_AT_EXIT 1
#else
#define FREE_AT_EXIT 0
#endif

/* Exit statuses (R7); the man page's EXIT STATUS lists the same. */
enum exit_status {
	EXIT_OK = 0,		/* success, something found */
	EXIT_NOMATCH = 1,	/* nothing matched */
	EXIT_USAGE = 2,		/* unknown command or option, bad value */
	EXIT_DATA = 65,		/* bad catalog data */
	EXIT_INTERNAL = 70,	/* bug, out of memory, I/O failure */
	EXIT_INTERRUPTED = 130,	/* Ctrl-C stopped a command in the shell */
};

/* Output formats, in the order of out.c's format table. */
enum fmt {
	FMT_AUTO,
	FMT_TABLE,
	FMT_PLAIN,
	FMT_TSV,
	FMT_CSV,
	FMT_JSON,
	FMT_JSONL,
	FMT_DOT,	/* graph only: Graphviz */
	FMT_MERMAID,	/* graph only: a Mermaid flowchart */
};

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

struct catalog;
struct ctx;
struct search;
struct tokenizer;
struct stemmer;

/* --------------------------------------------------------------- xmalloc.c */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	 mem_populate(void *, size_t);
void	 mem_populate_more(void *, size_t *, size_t, size_t);
/* Maps in ahead what an array filled from its start is about to take
 * (mem_populate_more()); nothing to do, most calls, costs a compare. */
static inline void
mem_populate_ahead(void *p, size_t *done, size_t want, size_t cap)
{
	if (want > *done)
		mem_populate_more(p, done, want, cap);
}
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* A growable string; buf is always NUL-terminated once used. */
struct strbuf {
	char	*buf;
	size_t	 len;
	size_t	 cap;
};
void	 sb_add(struct strbuf *, const char *, size_t);
void	 sb_adds(struct strbuf *, const char *);
void	 sb_addc(struct strbuf *, int);
void	 sb_addf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sb_vaddf(struct strbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 sb_release(struct strbuf *);
char	*sb_detach(struct strbuf *);

/* A growable array of owned strings. */
struct strv {
	char	**v;
	size_t	  n;
	size_t	  cap;
};
void	 strv_push(struct strv *, const char *);
void	 strv_push_owned(struct strv *, char *);
void	 strv_release(struct strv *);
void	 strv_sort2(struct strv *, struct strv *);

/* ------------------------------------------------------------------ hash.c */
/* String keys (borrowed) to long values; zero-initialise to start. */
struct strmap {
	const char	**keys;		/* NULL for an empty slot */
	long		 *vals;
	size_t		 *hashes;	/* of each key: most probes compare
					   these, not the strings */
	size_t		  n;
	size_t		  cap;		/* a power of 2, or 0 */
};
size_t	 hash_str(const char *);
size_t	 hash_mem(const void *, size_t);
size_t	 hash_u64(uint64_t);
long	*strmap_get(const struct strmap *, const char *);
long	*strmap_get_hashed(const struct strmap *, const char *, size_t);
long	 strmap_put(struct strmap *, const char *, long);
void	 strmap_release(struct strmap *);

/* Integer keys to long values; zero-initialise to start. */
#define IDMAP_EMPTY	LLONG_MIN
struct idmap {
	long long	*keys;
	long		*vals;
	size_t		 n;
	size_t		 cap;
};
long	*idmap_get(const struct idmap *, long long);
long	 idmap_put(struct idmap *, long long, long);
void	 idmap_clear(struct idmap *);
void	 idmap_release(struct idmap *);

/* ------------------------------------------------- shell.c, repl.c, pager.c */
int	 shell_line(struct ctx *, const char *);
int	 shell_file(struct ctx *, FILE *);
int	 shell_string(struct ctx *, const char *);
int	 repl_run(struct ctx *);
void	 repl_history_print(FILE *);
int	 pager_start(const struct ctx *);
int	 mcp_serve(struct ctx *);
void	 pager_stop(void);

/* ----------------------------------------------------------------- words.c */
int	 words_split(const char *, struct strv *, const char **, int);
char	*words_quote(const char *);

/* ------------------------------------------------------------------ diag.c */
int	 diag_error(const char *, ...) __attribute__((format(printf, 1, 2)));
int	 diag_errorv(const char *, va_list)
	    __attribute__((format(printf, 1, 0)));
int	 diag_at(const char *, int, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 diag_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 diag_set_stream(FILE *);
void	 diag_bug(const char *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4), noreturn));
#define BUG(...) diag_bug(__FILE__, __LINE__, __VA_ARGS__)

/* ------------------------------------------------------------------ dict.c */
int	 dict_has(const char *);

/* ------------------------------------------------------------------ util.c */
int	 util_parse_int(const char *, long, long, long *);
#define UTIL_INT_MAX	24	/* a long long in decimal, and a NUL */
size_t	 util_format_int(char *, long long);
int	 util_is_slug(const char *);
int	 util_is_date(const char *);
size_t	 util_edit_distance(const char *, const char *, size_t);
char	*util_fold(const char *);
size_t	 util_display_width(const char *, size_t);
int	 util_utf8_next(const char *, size_t, size_t *, uint32_t *);
void	 util_suggest(const char *, const char *const *, size_t,
	    const char **, size_t);
void	 util_suggestions(struct strbuf *, const char *const *, size_t);
ssize_t	 util_getline(char **, size_t *, FILE *, size_t);
int	 util_skipline(FILE *);
void	 util_did_you_mean(struct strbuf *, const char *,
	    const char *const *, size_t, size_t);

/* -------------------------------------------------------------- tokenize.c */
/*
 * One token: text points into the tokenizer's scratch and is valid until
 * the next call; start/end are byte offsets in the input.
 */
struct token {
	const char	*text;
	size_t		 len;
	size_t		 start;
	size_t		 end;
};
typedef int (*token_fn)(void *, const struct token *);
struct tokenizer *tokenizer_new(void);
void	 tokenizer_free(struct tokenizer *);
int	 tokenizer_run(struct tokenizer *, const char *, size_t, token_fn,
	    void *);
int	 tokenizer_is_hangul(const char *, size_t);
char	*tokenizer_squeeze(const char *);
struct stemmer *stemmer_new(void);	/* stem.c: English (Snowball) */
void	 stemmer_free(struct stemmer *);
const char *stemmer_stem(struct stemmer *, const char *, size_t, size_t *);

/* batch.c: tasks a line at a time, over worker processes when it pays */
enum { BATCH_ANY = 1, BATCH_HEADER = 2, BATCH_NOTE = 4 };
typedef int (*batch_fn)(void *, const char *, size_t, FILE *, int *);
int	 batch_run(FILE *, FILE *, int, batch_fn, void *, int *);

/* ------------------------------------------------------------------ load.c */
/*
 * The loader's output: every record of every file, validated. The
 * struct is filled by load_paths() and handed to catalog.c to insert.
 */
struct load;

/* A lifecycle status, as schema/ defines it (the one list of them). */
struct status_def {
	char	*id;
	int	 new_customers;	/* a new customer can sign up */
	int	 supported;	/* existing customers can still use it */
};
/* What the schema defines for the loader to check against. */
struct vocab {
	struct status_def *v;		/* the statuses, in order */
	size_t		   n;
	struct strv	   kinds;	/* the capability kinds */
	struct strv	   uses;	/* what an instance family is for */
	struct strv	   generations;	/* current, previous */
};

/* One row for a table: column names and values (NULL for SQL NULL). */
struct row {
	const char		*table;
	const char *const	*cols;
	const char *const	*vals;
	size_t			 n;
};
typedef int (*row_fn)(void *, const struct row *);

/* The catalog's limits, checked by the loader (docs/CATALOG.md). */
#define LOAD_MAX_FILE		(64u << 20)	/* bytes in one JSON file */
#define LOAD_MAX_SERVICES	65535
#define LOAD_MAX_USECASES	64
#define LOAD_MAX_LIST		500		/* elements of one array */
#define LOAD_MAX_TEXT		8000		/* bytes of one string */
#define LOAD_MAX_TEXT_S		"8000"
#define LOAD_MAX_NAME		200		/* bytes of a name or id */
#define LOAD_MAX_NAME_S		"200"

struct load *load_paths(const char *const *, size_t, const struct vocab *);
void	 load_free(struct load *);
int	 load_failed(const struct load *);
int	 load_insert(struct load *, void *, row_fn);
int	 load_read_file(const char *, size_t, char **, size_t *);
const char *load_section(size_t);

/* ------------------------------------------------------------ catalog*.c */
struct result;
struct column;
struct query;
struct filter;
struct hit;
/*
 * An index row's rowid encodes the service (its catalog order), the kind
 * of text, its length in tokens, whether it is Korean and a sequence
 * number, so ranking needs no lookup per row.
 */
enum doc_kind { DOC_NAME, DOC_ALIAS, DOC_TASK, DOC_SUMMARY, DOC_DESC };
#define DOC_ROWID(svc, kind, len, ko, seq) \
	(((((long long)(svc) * 8 + (kind)) << 19) | \
	((long long)(len) << 11) | ((long long)(ko) << 10) | (long long)(seq)))
#define DOC_SVC(r)	((long)((r) >> 22))
#define DOC_KIND(r)	((int)(((r) >> 19) & 7))
#define DOC_LEN(r)	((int)(((r) >> 11) & 255))
#define DOC_KO(r)	((int)(((r) >> 10) & 1))
#define DOC_MAXSEQ	1024
#define DOC_PLACE	38	/* a stored posting: rowid | place << 38 */

#define NAME_WORD_MAX 64	/* longest name word kept for typos */

/*
 * What ask reads of the catalog (catalog-search.c): the tables it loads
 * before its first question (up to SR_N), then lists kept by token.
 */
enum search_rows {
	SR_USECASES,	/* id, by order */
	SR_SERVICES,	/* one blob (catalog-svcblock.c): orders, flags,
			   id, layer, status, name; by order */
	SR_SYNSTATS,	/* synonym terms, groups; cues, their tokens */
	SR_DOCSTATS,	/* index rows, their mean length in tokens */
	SR_N,
	SR_WEIGHTS = SR_N, /* by use-case order: service order, weight in
			   thousandths */
	SR_KEYWORDS,	/* by first token: use-case order, tokens */
	SR_CUES,	/* by first token: capability order, tokens, cue */
	SR_SYNONYMS,	/* by first token: group, tokens, for every term
			   of the groups that have a term it starts */
	SR_CAPS,	/* by capability order: id, name, name_ko, kind order */
	SR_PROVIDERS,	/* by capability order: service order, strength
			   in thousandths */
	SR_POSTINGS,	/* by token: the index rows that hold it (a blob) */
	SR_WORDS,	/* the words of every service name, id and alias,
			   folded, 4 to NAME_WORD_MAX letters and digits,
			   by length then bytes */
	SR_ALL,
};

struct catalog *catalog_open(const char *, int *);
void	 catalog_free(struct catalog *);
/* The lean images embedded beside the catalog: a command's own tables
 * alone, so that its statements parse the schema of those only. */
enum lean {
	LEAN_ASK,	/* what ask reads (search data, capabilities, specs) */
	LEAN_LIST,	/* what list reads (services and their use cases) */
	LEAN_N,
};
int	 catalog_build(const char *const *, size_t, const char *,
	    const char *const *, const char *);
void	 catalog_lean(struct catalog *, enum lean);
int	 catalog_check(const char *const *, size_t, struct result *);
const char *catalog_describe(struct catalog *);
int	 catalog_vocab(struct catalog *, struct vocab *);
void	 vocab_release(struct vocab *);
int	 catalog_meta(struct catalog *, const char *, char **);
int	 catalog_count(struct catalog *, const char *);
int	 catalog_has(struct catalog *, const char *, const char *);
int	 catalog_values(struct catalog *, const char *, struct strv *);
char	*catalog_resolve(struct catalog *, const char *, struct strv *);
char	*catalog_lookup(struct catalog *, const char *);
int	 catalog_has_service(struct catalog *, const char *);
int	 catalog_related(struct catalog *, const char *, struct result *);
int	 catalog_list(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_layers(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_stack(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_graph(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_sql(struct catalog *, const char *, const char *, long,
	    struct result *, struct column **);
void	 catalog_sql_release(struct result *, struct column *);
int	 catalog_export_json(struct catalog *, FILE *);
int	 catalog_export_rows(struct catalog *, struct result *);
int	 catalog_usecases(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_layer_counts(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_status_counts(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_glossary(struct catalog *, const struct filter *,
	    struct result *);
int	 catalog_groups(struct catalog *, const struct filter *,
	    struct result *);
const struct column *catalog_card_columns(size_t *);
int	 catalog_card(struct catalog *, const char *, struct result *);
char	*catalog_record(struct catalog *, const char *);
int	 catalog_choices(struct catalog *, const char *, const char *,
	    struct strv *, struct strv *);
int	 catalog_search_rows(struct catalog *, enum search_rows, const char *,
	    int (*)(void *, const char *const *, size_t), void *);
int	 catalog_search_damaged(const struct catalog *);
int	 catalog_search_malformed(struct catalog *);
#define SVC_RECORD 28	/* bytes of a service's record in its blob */
int	 catalog_services(struct catalog *, const char **, size_t *);
int	 catalog_search_rows_kept(struct catalog *, enum search_rows,
	    const char *, int (*)(void *, const char *const *, size_t), void *,
	    char **);
int	 catalog_synonyms(struct catalog *, const char *,
	    int (*)(void *, int, const char *), void *, char **);
int	 catalog_postings(struct catalog *, const char *,
	    const unsigned char **, size_t *);
void	 catalog_posting(const unsigned char *, size_t, long long *, int *);
int	 catalog_fts_postings(struct catalog *, const char *, long long **,
	    size_t *);
char	*catalog_doc_text(struct catalog *, long long);
int	 catalog_known_token(struct catalog *, const char *);
int	 catalog_cues(struct catalog *, const char *,
	    int (*)(void *, long, const char *, const char *), void *, char **);
int	 catalog_capability(struct catalog *, long, struct strv *,
	    int (*)(void *, long, double), void *);
int	 catalog_accelerator_memory(struct catalog *,
	    void (*)(void *, const char *, double, double), void *);

/* catalog-choose.c: a question of choose and its answers (owned). */
struct ch_answer {
	char	*id, *label, *label_ko;
	char	*layer, *usecase, *query;	/* each NULL if not given */
	char	*next;				/* question id, or NULL: done */
	char	*lifecycle;			/* "new", "existing" or NULL */
};
struct ch_question {
	char		*id, *slot, *text, *text_ko;
	struct ch_answer *answers;
	size_t		 nanswers;
};
int	 catalog_question(struct catalog *, const char *,
	    struct ch_question *);
void	 ch_question_release(struct ch_question *);

/* ---------------------------------------------------------------- result.c */
enum cell_kind {
	CELL_STR,	/* text */
	CELL_NUM,	/* number: printed as text, a number in JSON */
	CELL_LIST,	/* list of strings: comma-joined, an array in JSON */
	CELL_JSON,	/* a JSON document: printed compact, embedded in JSON */
};
struct column {
	const char	*name;	/* field name: a promise to scripts */
	enum cell_kind	 kind;
	int		 flags;
	short		 prio;	/* table: 0 always shown, higher dropped first */
	short		 min;	/* table: narrowest it may get (0: natural) */
	short		 max;	/* table: widest it starts at (0: natural) */
#define COL_HIDE_TABLE	0x1	/* not shown in table and plain formats */
#define COL_SHRINK	0x2	/* flexible: shrinks first, takes the rest */
#define COL_STATUS	0x4	/* coloured by lifecycle status */
#define COL_NULLABLE	0x8	/* a number that may be absent (null) */
};
struct cell {
	char	*s;		/* CELL_STR, CELL_JSON; NULL prints empty */
	double	 n;		/* CELL_NUM */
	int	 null;		/* CELL_NUM: no value */
	struct strv list;	/* CELL_LIST */
};
struct result {
	const struct column *cols;
	size_t		 ncols;
	struct cell	*cells;		/* nrows * ncols */
	size_t		 nrows;
	size_t		 cap;
	int		 card;		/* one record: print as field: value */
	int		 noheader;	/* rows continue an earlier print */
	int		 wrap;		/* table: long cells wrap, not cut */
};
/* catalog-query.c: the fields export -o csv gives each service. */
extern const struct column export_columns[];
extern const size_t export_ncolumns;

void	 result_init(struct result *, const struct column *, size_t);
void	 result_release(struct result *);
struct cell *result_row(struct result *);
void	 cell_set(struct cell *, const char *);
void	 cell_setn(struct cell *, double);

/* ------------------------------------------------------------------- out.c */
struct outspec {
	enum fmt	 fmt;
	int		 color;		/* resolved: 1 colour, 0 none */
	int		 width;		/* terminal width, 0 = unlimited */
	int		 no_headers;	/* table, plain, tsv, csv: no header */
	const char	*fields;	/* --fields, or NULL for all */
	int		 bad_fields;	/* --fields named an unknown field */
	FILE		*fp;
	struct json_t	**doc;		/* set: -o json's document goes here */
};
int	 out_parse_format(const char *, enum fmt *);
const char *out_format_names(void);
const char *out_format_name(enum fmt);
void	 out_resolve(struct outspec *, const struct ctx *);
int	 out_print(struct outspec *, const struct result *);
int	 out_render(const struct outspec *, const struct result *);
int	 out_with_fields(struct outspec *, const struct result *,
	    int (*)(const struct outspec *, const struct result *,
	    const void *), const void *);
int	 out_flush(const struct outspec *);
void	 out_escape_tsv(struct strbuf *, const char *);
void	 out_escape_csv(struct strbuf *, const char *);
char	*out_escape_controls(const char *);
void	 out_cell_text(const struct cell *, enum cell_kind, struct strbuf *);
const char *out_status_color(const char *);

int	 out_table(const struct outspec *, const struct result *);
int	 out_plain(const struct outspec *, const struct result *);
int	 out_sv(const struct outspec *, const struct result *, int);
int	 out_json(const struct outspec *, const struct result *, int);
int	 out_graph(const struct outspec *, const struct result *);
extern const struct column graph_columns[];
extern const size_t graph_ncolumns;
int	 out_json_batch(struct outspec *, const char *,
	    const struct result *);
char	*out_json_string(const char *);
#define OUT_MILLI_MAX	32
size_t	 out_json_milli(char *, double);
char	*out_json_explain(const struct hit *, const struct strv *);

/* ------------------------------------------------------------------- rank.c */
/* Every weight and limit of ask's ranking (rank.c has what each means). */
struct rank_params {
	double	w_name, w_task, w_summary, w_desc, w_moretask, w_usecase;
	double	w_expansion, w_typo, w_cover, w_exact, w_namectx, w_family;
	double	w_part, bm25_k1, bm25_b;
	double	w_cap, cue_base, cue_len, cue_more, cap_more, cue_gap;
	double	cue_gap_words;
	double	w_text_cap, cue_idf, cue_done, cue_within, w_denied;
	double	k_purpose, k_generative, k_own, k_infra, k_app, k_build;
	double	w_build_app, w_ready_block, w_whole;
	double	w_closed, w_lift, w_spec_short, cutoff;
	double	conf_high, conf_medium, min_evidence, min_weight;
};
const struct rank_params *rank_params(void);
void	 rank_params_print(FILE *);

/* -------------------------------------------------------------- search*.c */
struct query {
	const char	*text;		/* the task, as typed */
	const char	*layer;		/* filter or NULL */
	const char	*usecase;	/* filter or NULL */
	int		 active;	/* hide closed and retired */
	int		 existing;	/* rank by relevance alone */
	int		 any_successor;	/* successors pass layer, usecase */
	int		 explain;	/* fill hits.terms */
	size_t		 limit;		/* results wanted */
};

enum confidence { CONF_LOW, CONF_MEDIUM, CONF_HIGH };

/* The named parts a score is the sum of (R14). */
enum part {
	PART_NAME,
	PART_TASK,
	PART_SUMMARY,
	PART_DESC,
	PART_USECASE,
	PART_COVER,
	PART_CAP,
	PART_LIFECYCLE,
	PART_PART,
	PART_BUILD,
	PART_SPEC,
	PART_N,
};
extern const char *const search_part_names[PART_N];

/* A capability that counted for a hit. */
struct hit_cap {
	const char	*id;
	const char	*name;		/* in the question's language */
	const char	*cue;		/* the cue that matched, as written */
	double		 score;
	double		 strength;	/* of this service */
};

/* One ranked service. Strings are borrowed from the search. */
struct hit {
	const char	*id;
	const char	*name;
	const char	*layer;
	const char	*status;
	const char	*successor;	/* id, or NULL */
	const char	*successor_name;
	int		 active;	/* open to new customers */
	int		 supported;	/* not retired */
	double		 score;
	enum confidence	 conf;
	const char	*via;		/* the service it succeeds, or NULL */
	char		*why;		/* what matched, in words (owned) */
	const char	*matched;	/* the deciding part's name */
	double		 part[PART_N];
	struct hit_cap	 caps[4];
	size_t		 ncaps;
};

struct hits {
	struct hit	*v;
	size_t		 n;
	size_t		 cap;
	struct strv	 terms;		/* "token:weight", for --explain */
	struct strv	 fixed;		/* typed, corrected word pairs */
};

struct search *search_new(struct catalog *);
void	 search_free(struct search *);
int	 search_run(struct search *, const struct query *, struct hits *);
void	 hits_release(struct hits *);

/* ---------------------------------------------------- cmd.c, args.c, usage.c */
/* What an option's value or a command's operands are: for checks,
 * completion and help. */
enum val_kind {
	VAL_NONE,	/* a flag: no value */
	VAL_STRING,
	VAL_INT,	/* a whole number from 1 to 1000 */
	VAL_LAYER,
	VAL_USECASE,
	VAL_STATUS,
	VAL_FORMAT,
	VAL_COLOR,
	VAL_PATH,
	VAL_SERVICE,	/* a service id, name or alias */
	VAL_TERM,	/* a glossary term */
	VAL_COMMAND,	/* a command name */
	VAL_TASK,	/* free text: a task in words */
	VAL_SHELL,	/* bash, zsh, fish */
	VAL_FIELDS,	/* a comma-separated list of field names */
	VAL_ANSWER,	/* an answer to the choose question of this slot */
};

/* One option of a command, or a global one (R1). */
struct opt {
	int		 shortname;	/* 0 for none */
	const char	*longname;
	enum val_kind	 val;
	const char	*argname;	/* NULL for flags */
	const char	*help;
};
#define OPT_END { 0, NULL, VAL_NONE, NULL, NULL }

/*
 * A parsed command line. A command reads its options by its own enum of
 * option indices (a->val[ASK_LIMIT]), so a wrong name does not compile.
 */
#define ARGS_MAX 16
struct args {
	const char	*val[ARGS_MAX];	/* by option index; NULL if unset */
	int		 set[ARGS_MAX];	/* times given */
	char	       **argv;		/* operands */
	int		 argc;
};

/* How awsai runs: one command, the interactive shell, or a script. */
enum mode { MODE_ONESHOT, MODE_REPL, MODE_SCRIPT, MODE_MCP };

struct ctx {
	const char	*catalog_path;	/* --catalog or NULL (embedded) */
	struct catalog	*catalog;	/* opened by the dispatcher */
	struct outspec	 out;		/* resolved for the running command */
	enum fmt	 fmt;		/* -o for this command line */
	enum color_mode	 color;		/* --color for this command line */
	enum mode	 mode;
	enum fmt	 session_fmt;	/* the shell's `format`; FMT_AUTO */
	enum color_mode	 session_color;	/* --color given at start */
	const char	*commands;	/* -c: commands to run, or NULL */
	int		 no_pager;	/* --no-pager */
	int		 no_headers;	/* --no-headers */
	const char	*fields;	/* --fields, or NULL */
	int		 quit;		/* `quit` ran: the shell ends */
	FILE		*capture;	/* output goes here, not stdout (MCP) */
	struct json_t	**capture_json;	/* and a JSON document here (MCP) */
};

struct cmd {
	const char	 *name;
	const char *const *aliases;	/* NULL-terminated, or NULL */
	const char	 *operands;	/* synopsis after the options */
	const char	 *summary;	/* one line, lower case */
	int		  nargs[2];	/* min, max operands; -1 = no limit */
	enum val_kind	  operand;	/* what the operands are */
	const struct opt *opts;		/* by index, ending in OPT_END */
	int		  flags;
#define CMD_CATALOG	0x1		/* open the catalog first */
#define CMD_HIDDEN	0x2		/* not listed by help */
#define CMD_REPL_ONLY	0x4		/* only inside the shell */
#define CMD_PAGER	0x8		/* long output: through $PAGER */
#define CMD_RAW		0x10		/* operands are not parsed for options */
#define CMD_GRAPH	0x20		/* takes -o dot and -o mermaid */
	int		(*run)(struct ctx *, struct args *);
};

/* The global options, by index into global_opts. */
enum { GOPT_FORMAT, GOPT_COLOR, GOPT_CATALOG, GOPT_COMMANDS, GOPT_FIELDS,
    GOPT_NO_HEADERS, GOPT_NO_PAGER, GOPT_HELP, GOPT_VERSION, GOPT_N };
extern const struct opt global_opts[];

/* What a listing command shows, for cmd_listing(). */
struct filter {
	const char	*layer;		/* each NULL for any */
	const char	*usecase;
	const char	*status;
	const char	*term;
	const char	*kind;
};
struct listing {
	const struct column *cols;
	size_t		 ncols;
	int		 card;		/* one record a row: field: value */
	int		(*fill)(struct catalog *, const struct filter *,
			    struct result *);
};

const struct cmd *const *cmd_table(size_t *);
const struct cmd *cmd_find(const char *);
const struct cmd *cmd_find_prefix(const char *, struct strv *);
int	 cmd_main(struct ctx *, int, char **);
int	 cmd_dispatch(struct ctx *, int, char **);
int	 cmd_interrupted(void);
extern volatile sig_atomic_t cmd_interrupt;
int	 cmd_output(struct ctx *, struct result *, int);
int	 cmd_listing(struct ctx *, const struct listing *,
	    const struct filter *);
int	 cmd_check_value(struct ctx *, enum val_kind, const char *,
	    const char *);
char	*cmd_join(const struct args *);
int	 cmd_services(struct ctx *, const struct args *, struct strv *);
int	 cmd_ask_print(struct ctx *, const struct query *, int);

/* cmd-layers.c, cmd-stages.c: column sets two commands share. */
extern const struct column count_columns[];
extern const struct column group_columns[];

/* complete.c: candidates for the word before the cursor. */
struct completion {
	struct strv	 words;		/* candidates, sorted */
	struct strv	 descs;		/* a one-line description of each */
	size_t		 start;		/* where the completed word starts */
	char		*prefix;	/* that word as typed, unquoted */
};
void	 complete_line(struct catalog *, const char *, size_t, int,
	    struct completion *);
void	 complete_words(struct catalog *, char *const *, size_t,
	    const char *, int, struct completion *);
void	 completion_release(struct completion *);

size_t	 opt_count(const struct opt *);
int	 args_parse(struct ctx *, const struct cmd *, int, char **,
	    struct args *);

void	 usage_synopsis(const struct cmd *, struct strbuf *);
void	 usage_command(const struct cmd *, FILE *);
void	 usage_overview(FILE *);

#define CMD(n) extern const struct cmd cmd_##n;
#include "commands.h"
#undef CMD

#endif /* AWSAI_H */
