/*
 * awsai.h: shared types and prototypes, grouped by the file that defines
 * them. Opaque types are defined in their own .c file.
 */
#ifndef AWSAI_H
#define AWSAI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define AWSAI_VERSION "0.1.0"

/* Exit statuses (R7); the man page's EXIT STATUS lists the same. */
enum exit_status {
	EXIT_OK = 0,		/* success, something found */
	EXIT_NOMATCH = 1,	/* nothing matched */
	EXIT_USAGE = 2,		/* unknown command or option, bad value */
	EXIT_DATA = 65,		/* bad catalog data */
	EXIT_INTERNAL = 70,	/* bug, out of memory, I/O failure */
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
};

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

struct catalog;
struct search;
struct tokenizer;

/* --------------------------------------------------------------- xmalloc.c */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
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

/* ------------------------------------------------------------------ diag.c */
int	 diag_error(const char *, ...) __attribute__((format(printf, 1, 2)));
int	 diag_errorv(const char *, va_list);
int	 diag_at(const char *, int, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 diag_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 diag_bug(const char *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4), noreturn));
#define BUG(...) diag_bug(__FILE__, __LINE__, __VA_ARGS__)

/* ------------------------------------------------------------------ util.c */
int	 util_parse_int(const char *, long, long, long *);
int	 util_is_slug(const char *);
int	 util_is_date(const char *);
size_t	 util_edit_distance(const char *, const char *, size_t);
char	*util_fold(const char *);
size_t	 util_display_width(const char *, size_t);
int	 util_utf8_next(const char *, size_t, size_t *, uint32_t *);
void	 util_suggest(const char *, const char *const *, size_t,
	    const char **, size_t);

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

/* --------------------------------------------------------------- catalog.c */
struct result;
struct query;
/*
 * An index row's rowid encodes the service (its catalog order), the kind
 * of text, its length in tokens, whether it is Korean and a sequence
 * number, so ranking needs no lookup per row.
 */
enum doc_kind { DOC_NAME, DOC_ALIAS, DOC_TASK, DOC_SUMMARY, DOC_DESC };
#define DOC_ROWID(svc, kind, len, ko, seq) \
	(((((long long)(svc) * 8 + (kind)) << 18) | \
	((long long)(len) << 10) | ((long long)(ko) << 9) | (long long)(seq)))
#define DOC_SVC(r)	((int)((r) >> 21))
#define DOC_KIND(r)	((int)(((r) >> 18) & 7))
#define DOC_LEN(r)	((int)(((r) >> 10) & 255))
#define DOC_KO(r)	((int)(((r) >> 9) & 1))
#define DOC_MAXSEQ	512
struct catalog *catalog_open(const char *, int *);
void	 catalog_free(struct catalog *);
int	 catalog_build(const char *const *, size_t, const char *);
int	 catalog_check(const char *const *, size_t);
const char *catalog_describe(struct catalog *);
int	 catalog_meta(struct catalog *, const char *, char **);
int	 catalog_count(struct catalog *, const char *);
int	 catalog_list(struct catalog *, const char *, const char *,
	    const char *, struct result *);
int	 catalog_layers(struct catalog *, struct result *);
int	 catalog_usecases(struct catalog *, struct result *);
int	 catalog_has(struct catalog *, const char *, const char *);
int	 catalog_values(struct catalog *, const char *, struct strv *);
char	*catalog_resolve(struct catalog *, const char *, struct strv *);
int	 catalog_card(struct catalog *, const char *, struct result *);
char	*catalog_record(struct catalog *, const char *);
int	 catalog_glossary(struct catalog *, const char *, struct result *);
int	 catalog_groups(struct catalog *, const char *, struct result *);
int	 catalog_synonyms(struct catalog *, const char *,
	    int (*)(void *, int, const char *), void *);
int	 catalog_postings(struct catalog *, const char *, long long **,
	    size_t *);
char	*catalog_doc_text(struct catalog *, long long);

/* ------------------------------------------------------------------ load.c */
/*
 * The loader's output: every record of every file, validated. The
 * struct is filled by load_paths() and handed to catalog.c to insert.
 */
struct load;
struct load *load_paths(const char *const *, size_t);
void	 load_free(struct load *);
int	 load_failed(const struct load *);
int	 load_insert(struct load *, void *,
	    int (*)(void *, const char *, const char *const *, size_t));

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
#define COL_HIDE_TABLE	0x1	/* not shown in table and plain formats */
#define COL_SHRINK	0x2	/* truncated first to fit the terminal */
#define COL_STATUS	0x4	/* coloured by lifecycle status */
};
struct cell {
	char	*s;		/* CELL_STR, CELL_JSON; NULL prints empty */
	double	 n;		/* CELL_NUM */
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
};
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
	FILE		*fp;
};
int	 out_parse_format(const char *, enum fmt *);
const char *out_format_names(void);
void	 out_resolve(struct outspec *, enum fmt, enum color_mode);
int	 out_print(const struct outspec *, const struct result *);
int	 out_flush(const struct outspec *);
char	*out_escape_tsv(const char *);
char	*out_escape_csv(const char *);
void	 out_cell_text(const struct cell *, enum cell_kind, struct strbuf *);
const char *out_status_color(const char *);

int	 out_table(const struct outspec *, const struct result *);
int	 out_plain(const struct outspec *, const struct result *);
int	 out_sv(const struct outspec *, const struct result *, int);
int	 out_json(const struct outspec *, const struct result *, int);
int	 out_json_batch(const struct outspec *, const char *,
	    const struct result *);
char	*out_json_string(const char *);

/* ---------------------------------------------------------------- search.c */
struct query {
	const char	*text;		/* the task, as typed */
	const char	*layer;		/* filter or NULL */
	const char	*usecase;	/* filter or NULL */
	int		 active;	/* hide closed and retired */
	size_t		 limit;		/* results wanted */
	int		 explain;	/* add the score breakdown */
};
struct search *search_new(struct catalog *);
void	 search_free(struct search *);
int	 search_run(struct search *, const struct query *, struct result *);
const struct strv *search_corrections(const struct search *);
extern const struct column search_columns[];
extern const size_t search_ncolumns;

/* ------------------------------------------------------------------- cmd.c */
enum val_kind {
	VAL_NONE,	/* a flag */
	VAL_STRING,
	VAL_INT,
	VAL_LAYER,
	VAL_USECASE,
	VAL_STATUS,
	VAL_FORMAT,
	VAL_COLOR,
	VAL_PATH,
};

struct opt {
	int		 shortname;	/* 0 for none */
	const char	*longname;
	enum val_kind	 val;
	const char	*argname;	/* NULL for flags */
	const char	*help;
};

struct args {
	const char	*val[16];	/* by option index; NULL if unset */
	int		 set[16];	/* times given */
	char	       **argv;		/* operands */
	int		 argc;
};

struct ctx {
	const char	*catalog_path;	/* --catalog or NULL (embedded) */
	struct catalog	*catalog;	/* opened by the dispatcher */
	struct outspec	 out;
	enum fmt	 fmt;
	enum color_mode	 color;
};

struct cmd {
	const char	 *name;
	const char *const *aliases;	/* NULL-terminated, or NULL */
	const char	 *synopsis;
	const char	 *summary;
	int		  nargs[2];	/* min, max operands; -1 = no limit */
	const struct opt *opts;		/* terminated by a zero entry */
	int		  flags;
#define CMD_CATALOG	0x1		/* open the catalog first */
#define CMD_HIDDEN	0x2		/* not listed by help */
	int		(*run)(struct ctx *, struct args *);
};

const struct cmd *cmd_find(const char *);
int	 cmd_dispatch(struct ctx *, int, char **);
int	 cmd_usage(const struct cmd *, FILE *);
int	 cmd_output(struct ctx *, struct result *, int);
void	 cmd_overview(FILE *);
const char *args_get(const struct args *, const struct cmd *, const char *);
int	 args_has(const struct args *, const struct cmd *, const char *);
int	 cmd_check_value(struct ctx *, enum val_kind, const char *,
	    const char *);
extern const struct opt global_opts[];

#define CMD(n) extern const struct cmd cmd_##n;
#include "cmd-list.h"
#undef CMD

#endif /* AWSAI_H */
