/*
 * catalog-search.c: what ask reads from the catalog: the tables it loads
 * before the first question (services, use-case weights and keywords,
 * synonym and index statistics), the synonym groups a question needs,
 * the index rows that hold a token, and an index row's text.
 */
#include <ctype.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/*
 * The queries of enum search_rows, with their column counts; a keyed
 * query's first column is the key, and its rows come grouped by key.
 */
static const struct {
	const char	*sql;
	int		 ncols;
	int		 keyed;
	int		 blob;	/* stored as a blob (rowids, or services) */
} search_sql[SR_ALL] = {
	[SR_USECASES] = { "SELECT id FROM usecases ORDER BY ord", 1, 0, 0 },
	/* a blob made by catalog_cache_services (catalog-svcblock.c) */
	[SR_SERVICES] = { NULL, 0, 0, 1 },
	[SR_SYNSTATS] = { "SELECT count(*), ifnull(max(grp), -1) + 1, (SELECT "
	    "count(*) FROM capability_cues), (SELECT ifnull(sum(length(toks) - "
	    "length(replace(toks, ' ', '')) + 1), 0) FROM capability_cues) "
	    "FROM synonyms", 4, 0, 0 },
	[SR_DOCSTATS] = { "SELECT (SELECT value FROM meta WHERE key = "
	    "'doc_count'), (SELECT value FROM meta WHERE key = 'doc_avglen')",
	    2, 0, 0 },
	[SR_WEIGHTS] = { "SELECT u.ord, s.ord, CAST(round(su.weight * 1000) AS "
	    "INTEGER) FROM service_usecases su JOIN services s ON s.id = "
	    "su.service_id JOIN usecases u ON u.id = su.usecase_id ORDER BY "
	    "u.ord, s.ord", 2, 1, 0 },
	[SR_KEYWORDS] = { "SELECT substr(k.toks, 1, instr(k.toks || ' ', ' ') "
	    "- 1), u.ord, k.toks FROM usecase_keywords k JOIN usecases u ON "
	    "u.id = k.usecase_id WHERE k.toks != '' ORDER BY 1, k.rowid", 2, 1,
	    0 },
	[SR_CUES] = { "SELECT k.first, c.ord, k.toks, k.cue FROM "
	    "capability_cues k JOIN capabilities c ON c.id = k.capability_id "
	    "ORDER BY k.first, k.rowid", 3, 1, 0 },
	[SR_SYNONYMS] = { "SELECT f.first, s.grp, s.toks FROM (SELECT DISTINCT "
	    "first, grp FROM synonyms) f JOIN synonyms s ON s.grp = f.grp "
	    "ORDER BY f.first, s.grp, s.rowid", 2, 1, 0 },
	[SR_CAPS] = { "SELECT c.ord, c.id, c.name, c.name_ko, k.ord FROM "
	    "capabilities c JOIN capability_kinds k ON k.id = c.kind ORDER BY "
	    "c.ord", 4, 1, 0 },
	[SR_PROVIDERS] = { "SELECT c.ord, s.ord, CAST(round(p.strength * 1000) "
	    "AS INTEGER) FROM capability_providers p JOIN services s ON s.id = "
	    "p.service_id JOIN capabilities c ON c.id = p.capability_id ORDER "
	    "BY c.ord, s.ord", 2, 1, 0 },
	/* the index's own answer for every token, by fts5vocab (made by
	   catalog_cache_search for the build), each row with its place
	   among all the index's rows (see catalog_postings) */
	[SR_POSTINGS] = { "SELECT i.term, i.doc + (o.ord << 38) FROM "
	    "temp.docs_instance i JOIN (SELECT id, row_number() OVER (ORDER "
	    "BY id) - 1 AS ord FROM doc_rows) o ON o.id = i.doc ORDER BY "
	    "i.term, i.doc", 1, 1, 1 },
	[SR_WORDS] = { NULL, 1, 0, 0 },		/* made by cache_words */
};

/*
 * The rows of ask's tables are kept, at build time, as one text each in
 * search_cache (one per key for a keyed query): rows end in RS, values in
 * US, NULL is NUL_MARK. Reading one text is a tenth of the work of
 * running the query (the services' rows are long; a token's cues are a
 * join), and ask reads these for every question.
 */
#define RS		'\x1e'
#define US		'\x1f'
#define NUL_MARK	"\x1d"


/*
 * Copies the value of (kind, key) in search_cache into *data (NUL-ended,
 * caller frees), *len bytes. Returns 0; SQLITE_DONE if there is no such
 * row, SQLITE_MISMATCH if its value is not of SQLite type type.
 */
int
catalog_cache_get(struct catalog *cat, int kind, const char *key, int type,
    char **data, size_t *len)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT data FROM search_cache "
	    "WHERE kind = ?1 AND key = ?2", 1);
	int		 rc;

	*data = NULL;
	*len = 0;
	sqlite3_bind_int(st, 1, kind);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		rc = SQLITE_DONE;
	else if (sqlite3_column_type(st, 0) != type)
		rc = SQLITE_MISMATCH;
	else {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		*data = xmalloc(*len + 1);
		if (*len > 0)
			memcpy(*data, type == SQLITE_BLOB ?
			    sqlite3_column_blob(st, 0) :
			    (const void *)sqlite3_column_text(st, 0), *len);
		(*data)[*len] = '\0';
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * Stores sb as the text of (kind, key): a list kept by token in its
 * column of the token's row of search_tokens, anything else in
 * search_cache. Returns 0 or -1.
 */
int
catalog_cache_put(struct catalog *cat, int kind, const char *key,
    const struct strbuf *sb)
{
	static const char *const put_token[] = {
	    "INSERT INTO search_tokens (tok, keywords) VALUES (?2, ?3) ON "
	    "CONFLICT (tok) DO UPDATE SET keywords = excluded.keywords",
	    "INSERT INTO search_tokens (tok, cues) VALUES (?2, ?3) ON "
	    "CONFLICT (tok) DO UPDATE SET cues = excluded.cues",
	    "INSERT INTO search_tokens (tok, synonyms) VALUES (?2, ?3) ON "
	    "CONFLICT (tok) DO UPDATE SET synonyms = excluded.synonyms",
	    "INSERT INTO search_tokens (tok, rows) VALUES (?2, ?3) ON "
	    "CONFLICT (tok) DO UPDATE SET rows = excluded.rows",
	};
	int		 c = catalog_token_column((enum search_rows)kind), rc;
	sqlite3_stmt	*ins = catalog_prep(cat, c >= 0 ? put_token[c] :
	    "INSERT INTO search_cache (kind, key, data) VALUES (?1, ?2, ?3)",
	    0);

	if (c < 0)
		sqlite3_bind_int(ins, 1, kind);
	sqlite3_bind_text(ins, 2, key, -1, SQLITE_TRANSIENT);
	if (search_sql[kind].blob)
		sqlite3_bind_blob(ins, 3, sb->buf, (int)sb->len, SQLITE_STATIC);
	else
		sqlite3_bind_text(ins, 3, sb->len > 0 ? sb->buf : "",
		    (int)sb->len, SQLITE_STATIC);
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs query w into search_cache; 0 or -1. */
static int
cache_query(struct catalog *cat, int w, struct strbuf *sb, struct strbuf *key)
{
	int		 first = search_sql[w].keyed, n = search_sql[w].ncols;
	sqlite3_stmt	*st = catalog_prep(cat, search_sql[w].sql, n + first);
	const char	*v;
	int		 rc;

	sb->len = key->len = 0;
	sb_adds(sb, "");
	sb_adds(key, "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (first && (v = (const char *)sqlite3_column_text(st, 0)) !=
		    NULL && strcmp(v, key->buf) != 0) {
			if (sb->len > 0 && catalog_cache_put(cat, w, key->buf,
			    sb) == -1)
				break;
			sb->len = key->len = 0;
			sb_adds(sb, "");
			sb_adds(key, v);
		}
		if (search_sql[w].blob) {
			sqlite3_uint64 r = (sqlite3_uint64)sqlite3_column_int64(
			    st, first);

			for (int b = 0; b < 8; b++)
				sb_addc(sb, (char)(r >> (8 * b) & 0xff));
			continue;
		}
		for (int i = 0; i < n; i++) {
			v = (const char *)sqlite3_column_text(st, first + i);
			sb_adds(sb, v != NULL ? v : NUL_MARK);
			sb_addc(sb, i + 1 < n ? US : RS);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	return first && sb->len == 0 ? 0 : catalog_cache_put(cat, w, key->buf,
	    sb);
}

static int
by_length(const void *a, const void *b)
{
	size_t	la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? -1 : la > lb ? 1 : strcmp(*(char *const *)a,
	    *(char *const *)b);
}

/* Stores SR_WORDS: the words of names, ids, aliases and English cues;
 * 0 or -1. */
static int
cache_words(struct catalog *cat, struct strbuf *sb)
{
	struct strv	 names = { 0 }, words = { 0 };
	int		 rc;

	if (catalog_values(cat, "name", &names) == -1 ||
	    catalog_values(cat, "cue", &names) == -1)
		return -1;
	for (size_t i = 0; i < names.n; i++) {
		char *f = util_fold(names.v[i]), *p = f, *q;

		while (*p != '\0') {
			while (*p != '\0' && !isalnum((unsigned char)*p))
				p++;
			q = p;
			while (*q != '\0' && isalnum((unsigned char)*q))
				q++;
			if (q - p >= 4 && q - p <= NAME_WORD_MAX)
				strv_push_owned(&words,
				    xstrndup(p, (size_t)(q - p)));
			p = q;
		}
		free(f);
	}
	qsort(words.v, words.n, sizeof(*words.v), by_length);
	sb->len = 0;
	sb_adds(sb, "");
	for (size_t i = 0; i < words.n; i++)
		if (i == 0 || strcmp(words.v[i], words.v[i - 1]) != 0) {
			sb_adds(sb, words.v[i]);
			sb_addc(sb, RS);
		}
	rc = catalog_cache_put(cat, SR_WORDS, "", sb);
	strv_release(&names);
	strv_release(&words);
	return rc;
}

/*
 * Fills search_cache from the queries of enum search_rows; at build
 * time, inside its transaction. Returns 0 or -1 (reported).
 */
int
catalog_cache_search(struct catalog *cat)
{
	struct strbuf	 sb = { 0 }, key = { 0 };
	int		 rc;

	rc = sqlite3_exec(cat->db, "CREATE VIRTUAL TABLE temp.docs_instance "
	    "USING fts5vocab(main, docs, instance)", NULL, NULL, NULL) ==
	    SQLITE_OK ? 0 : -1;
	for (int w = 0; w < SR_ALL && rc == 0; w++)
		rc = w == SR_SERVICES ? catalog_cache_services(cat) :
		    search_sql[w].sql != NULL ? cache_query(cat, w, &sb, &key) :
		    cache_words(cat, &sb);
	sb_release(&sb);
	sb_release(&key);
	/* every cue's every token has a row, so that a word ask knows is
	   known by the row its lists come in */
	if (rc == 0 && sqlite3_exec(cat->db, "INSERT OR IGNORE INTO "
	    "search_tokens (tok) SELECT tok FROM cue_tokens", NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = -1;
	if (sqlite3_exec(cat->db, "DROP TABLE IF EXISTS temp.docs_instance",
	    NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	return rc == 0 ? 0 :
	    catalog_db_error(cat, "cannot build the search data");
}

int
catalog_search_malformed(struct catalog *cat)
{
	cat->damaged = 1;
	return diag_error("%s: the search data is malformed (rebuild it with "
	    "\"awsai build\")", catalog_describe(cat));
}

/*
 * Calls fn(arg, values, n) for every row of one of ask's tables (for a
 * keyed one, the rows of key), values as text (NULL for SQL NULL), until
 * fn returns -1. Returns 0, or -1 if fn failed or the rows are missing or
 * malformed (reported). A key with no rows has no text: not an error.
 */
int
catalog_search_rows(struct catalog *cat, enum search_rows which,
    const char *key, int (*fn)(void *, const char *const *, size_t),
    void *arg)
{
	return catalog_search_rows_kept(cat, which, key, fn, arg, NULL);
}

/*
 * Was ask's data found malformed (reported) since the catalog was
 * opened? A question that found it so has no answer to trust.
 */
int
catalog_search_damaged(const struct catalog *cat)
{
	return cat->damaged;
}

/* Splits data (rows of kind which, modified in place) for fn. */
static int
split_rows(struct catalog *cat, enum search_rows which, char *data,
    int (*fn)(void *, const char *const *, size_t), void *arg)
{
	const char	*vals[8];
	size_t		 n = (size_t)search_sql[which].ncols, k;
	char		*p, *end, *us;
	int		 rc = 0;

	for (p = data; *p != '\0' && rc == 0; p = end + 1) {
		if ((end = strchr(p, RS)) == NULL)
			break;
		*end = '\0';
		for (k = 0, us = p; k < n && us != NULL; k++) {
			if ((us = strchr(p, US)) != NULL)
				*us = '\0';
			vals[k] = p[0] == NUL_MARK[0] && p[1] == '\0' ? NULL :
			    p;
			if (us != NULL)
				p = us + 1;
		}
		rc = k == n && us == NULL ? fn(arg, vals, n) :
		    catalog_search_malformed(cat);
	}
	if (rc == 0 && *p != '\0')
		rc = catalog_search_malformed(cat);
	return rc == -1 ? -1 : 0;
}

/*
 * The same; with keep set, the values fn was given stay valid: *keep is
 * the text they point into (caller frees; NULL if there was none).
 */
int
catalog_search_rows_kept(struct catalog *cat, enum search_rows which,
    const char *key, int (*fn)(void *, const char *const *, size_t),
    void *arg, char **keep)
{
	char		*data;
	size_t		 len;
	int		 rc;

	if (keep != NULL)
		*keep = NULL;
	if (catalog_token_column(which) >= 0) {
		if (catalog_token_take(cat, which, key, &data, &len) == -1)
			return -1;
	} else if ((rc = catalog_cache_get(cat, (int)which, key, SQLITE_TEXT,
	    &data, &len)) != 0) {
		if (rc == SQLITE_DONE && search_sql[which].keyed)
			return 0;
		return diag_error("%s: the search data is missing (rebuild it "
		    "with \"awsai build\")", catalog_describe(cat));
	}
	if (data == NULL)
		return 0;
	rc = split_rows(cat, which, data, fn, arg);
	if (keep != NULL)
		*keep = data;
	else
		free(data);
	return rc;
}

struct list_arg {
	int	(*syn)(void *, int, const char *);
	int	(*cue)(void *, long, const char *, const char *);
	void	*arg;
};

static int
syn_row(void *arg, const char *const *v, size_t n)
{
	struct list_arg	*la = arg;
	long		 grp;

	if (n != 2 || v[0] == NULL || v[1] == NULL ||
	    util_parse_int(v[0], 0, 1L << 30, &grp) == -1)
		return 0;	/* a foreign catalog's junk: skip it */
	return la->syn(la->arg, (int)grp, v[1]);
}

/*
 * Calls fn(arg, group, tokens) for every synonym term of every group that
 * has a term starting with the token first, a group's terms together.
 * The tokens stay valid: *keep is the text they point into (caller
 * frees; NULL if none).
 */
int
catalog_synonyms(struct catalog *cat, const char *first,
    int (*fn)(void *, int, const char *), void *arg, char **keep)
{
	struct list_arg	 la = { fn, NULL, arg };

	return catalog_search_rows_kept(cat, SR_SYNONYMS, first, syn_row, &la,
	    keep);
}

/*
 * The rows of the index that hold token, as the build stored FTS5's answer
 * in search_tokens: *n postings at *list, where they lie in the token
 * index (borrowed while cat is open; a question copies nothing). Each is
 * a little-endian 64-bit value, the rowid (under 2^DOC_PLACE) plus, shifted
 * past it, the row's place among all the index's rows in rowid order: a
 * dense number a question can find a row's slot by. catalog_posting()
 * reads one. Returns 0, or -1 if the stored rows are malformed (reported).
 */
int
catalog_postings(struct catalog *cat, const char *token,
    const unsigned char **list, size_t *n)
{
	size_t	len;

	*n = 0;
	if (catalog_token_list(cat, SR_POSTINGS, token, list, &len) == -1)
		return -1;
	if (len % 8 != 0) {
		*list = NULL;
		return catalog_search_malformed(cat);
	}
	*n = len / 8;
	return 0;
}

/* Posting i of list: its row's rowid and place. */
void
catalog_posting(const unsigned char *list, size_t i, long long *rowid,
    int *place)
{
	uint64_t v;

	memcpy(&v, list + i * 8, 8);
	v = le64toh(v);
	*place = (int)(v >> DOC_PLACE);
	*rowid = (long long)(v & (((uint64_t)1 << DOC_PLACE) - 1));
}

/*
 * Asks the FTS5 index itself which rows hold token (one token from
 * tokenize.c: letters, digits or CJK, never quotes) and stores their
 * rowids in a new array *rows (caller frees), *n of them. Returns 0 or -1.
 * What catalog_postings reads is this, made at build time; the tests hold
 * the two to the same answer.
 */
int
catalog_fts_postings(struct catalog *cat, const char *token,
    long long **rows, size_t *n)
{
	sqlite3_stmt	*st = catalog_prep(cat,
	    "SELECT rowid FROM docs WHERE docs MATCH ?1", 1);
	char		*match = xasprintf("\"%s\"", token);
	size_t		 cap = 16;
	int		 rc;

	*n = 0;
	*rows = xmalloc(cap * sizeof(**rows));
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*rows = xrealloc(*rows, cap * sizeof(**rows));
		}
		(*rows)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	free(match);
	return rc == SQLITE_DONE ? 0 : catalog_db_error(cat, "cannot search");
}

/* The text of index row rowid (caller frees), or NULL. */
char *
catalog_doc_text(struct catalog *cat, long long rowid)
{
	sqlite3_stmt	*st = catalog_prep(cat,
	    "SELECT text FROM doc_rows WHERE id = ?1", 1);
	const char	*t;
	char		*s = NULL;

	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (t = (const char *)sqlite3_column_text(st, 0)) != NULL)
		s = xstrdup(t);
	sqlite3_reset(st);
	return s;
}

static int
cue_row(void *arg, const char *const *v, size_t n)
{
	struct list_arg	*la = arg;
	long		 ord;

	if (n != 3 || v[0] == NULL || v[1] == NULL || v[2] == NULL ||
	    util_parse_int(v[0], 0, 1L << 30, &ord) == -1)
		return 0;	/* a foreign catalog's junk: skip it */
	return la->cue(la->arg, ord, v[1], v[2]);
}

/*
 * Calls fn(arg, capability order, tokens, cue as written) for every cue
 * whose first token is first; the strings stay valid in *keep, as above.
 */
int
catalog_cues(struct catalog *cat, const char *first,
    int (*fn)(void *, long, const char *, const char *), void *arg,
    char **keep)
{
	struct list_arg	 la = { NULL, fn, arg };

	return catalog_search_rows_kept(cat, SR_CUES, first, cue_row, &la,
	    keep);
}

static int
cap_row(void *arg, const char *const *v, size_t n)
{
	struct strv	*out = arg;

	for (size_t i = 0; i < n; i++)
		strv_push(out, v[i] != NULL ? v[i] : "");
	return 0;
}

struct prov_arg {
	int	(*fn)(void *, long, double);
	void	*arg;
};

static int
provider_row(void *arg, const char *const *v, size_t n)
{
	struct prov_arg	*pa = arg;
	long		 svc, w;

	if (n != 2 || util_parse_int(v[0], 0, 1L << 30, &svc) == -1 ||
	    util_parse_int(v[1], 1, 1000, &w) == -1)
		return 0;	/* a foreign catalog's junk: skip it */
	return pa->fn(pa->arg, svc, (double)w / 1000);
}

/*
 * Reads capability ord: *out gets id, name, name_ko and the kind's order
 * (as text), and fn(arg, service order, strength) is called for each of
 * its providers. Returns 1, 0 if there is no such capability, or -1.
 */
int
catalog_capability(struct catalog *cat, long ord, struct strv *out,
    int (*fn)(void *, long, double), void *arg)
{
	struct prov_arg	 pa = { fn, arg };
	char		 key[32];

	snprintf(key, sizeof(key), "%ld", ord);
	if (catalog_search_rows(cat, SR_CAPS, key, cap_row, out) == -1)
		return -1;
	if (out->n == 0)
		return 0;
	return catalog_search_rows(cat, SR_PROVIDERS, key, provider_row,
	    &pa) == -1 ? -1 : 1;
}

/*
 * Calls fn(arg, service id, accelerators, memory of each in GiB) for
 * every instance family whose specs give both. Returns 0 or -1.
 */
int
catalog_accelerator_memory(struct catalog *cat,
    void (*fn)(void *, const char *, double, double), void *arg)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT service_id, "
	    "accelerators, accelerator_memory_gib FROM instance_specs WHERE "
	    "accelerators > 0 AND accelerator_memory_gib > 0", 3);
	const char	*id;
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((id = (const char *)sqlite3_column_text(st, 0)) != NULL)
			fn(arg, id, sqlite3_column_double(st, 1),
			    sqlite3_column_double(st, 2));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 :
	    catalog_db_error(cat, "cannot read the instance specs");
}
