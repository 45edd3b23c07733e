/*
 * catalog-search.c: what ask reads from the catalog: the tables it loads
 * before the first question (services, use-case weights and keywords,
 * synonym and index statistics), the synonym groups a question needs,
 * the index rows that hold a token, and an index row's text.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* The queries of enum search_rows, with their column counts. */
static const struct {
	const char	*sql;
	int		 ncols;
} search_sql[SR_N] = {
	[SR_USECASES] = { "SELECT id FROM usecases ORDER BY ord", 1 },
	[SR_SERVICES] = { "SELECT s.id, s.layer, s.status, s.successor, "
	    "s.part_of, s.name, st.new_customers, st.supported FROM services "
	    "s JOIN statuses st ON st.id = s.status ORDER BY s.ord", 8 },
	[SR_WEIGHTS] = { "SELECT s.ord, u.ord, su.weight FROM service_usecases "
	    "su JOIN services s ON s.id = su.service_id JOIN usecases u ON "
	    "u.id = su.usecase_id", 3 },
	[SR_KEYWORDS] = { "SELECT u.ord, k.toks FROM usecase_keywords k JOIN "
	    "usecases u ON u.id = k.usecase_id WHERE k.toks != '' ORDER BY "
	    "k.rowid", 2 },
	[SR_SYNSTATS] = { "SELECT count(*), ifnull(max(grp), -1) + 1 FROM "
	    "synonyms", 2 },
	[SR_DOCSTATS] = { "SELECT (SELECT value FROM meta WHERE key = "
	    "'doc_count'), (SELECT value FROM meta WHERE key = 'doc_avglen')",
	    2 },
};

/*
 * The rows of ask's tables are kept, at build time, as one text each in
 * search_cache: rows end in RS, values in US, NULL is NUL_MARK. Reading
 * one text is a tenth of the work of running the query (the services'
 * rows are long), and ask reads these before every first question.
 */
#define RS		'\x1e'
#define US		'\x1f'
#define NUL_MARK	"\x1d"

/*
 * Fills search_cache from the queries of enum search_rows; at build
 * time, inside its transaction. Returns 0 or -1 (reported).
 */
int
catalog_cache_search(struct catalog *cat)
{
	sqlite3_stmt	*st, *ins;
	struct strbuf	 sb = { 0 };
	const char	*v;
	int		 rc = SQLITE_DONE;

	ins = catalog_prep(cat, "INSERT INTO search_cache (kind, data) VALUES "
	    "(?1, ?2)", 0);
	for (int w = 0; w < SR_N && rc == SQLITE_DONE; w++) {
		st = catalog_prep(cat, search_sql[w].sql, search_sql[w].ncols);
		sb.len = 0;
		sb_adds(&sb, "");
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			for (int i = 0; i < search_sql[w].ncols; i++) {
				v = (const char *)sqlite3_column_text(st, i);
				sb_adds(&sb, v != NULL ? v : NUL_MARK);
				sb_addc(&sb, i + 1 < search_sql[w].ncols ? US :
				    RS);
			}
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			break;
		sqlite3_bind_int(ins, 1, w);
		sqlite3_bind_text(ins, 2, sb.buf, (int)sb.len, SQLITE_STATIC);
		rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_DONE :
		    SQLITE_ERROR;
		sqlite3_reset(ins);
	}
	sb_release(&sb);
	return rc == SQLITE_DONE ? 0 :
	    catalog_db_error(cat, "cannot build the search data");
}

static int
malformed(struct catalog *cat)
{
	return diag_error("%s: the search data is malformed (rebuild it with "
	    "\"awsai build\")", catalog_describe(cat));
}

/*
 * Calls fn(arg, values, n) for every row of one of ask's tables, values
 * as text (NULL for SQL NULL), until fn returns -1. Returns 0, or -1 if
 * fn failed or the rows are missing or malformed (reported).
 */
int
catalog_search_rows(struct catalog *cat, enum search_rows which,
    int (*fn)(void *, const char *const *, size_t), void *arg)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT data FROM search_cache "
	    "WHERE kind = ?1", 1);
	const char	*vals[8];
	size_t		 n = (size_t)search_sql[which].ncols, k;
	char		*data, *p, *end, *us;
	int		 rc = 0;

	sqlite3_bind_int(st, 1, (int)which);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) !=
	    SQLITE_TEXT) {
		sqlite3_reset(st);
		return diag_error("%s: the search data is missing (rebuild it "
		    "with \"awsai build\")", catalog_describe(cat));
	}
	data = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	for (p = data; *p != '\0' && rc == 0; p = end + 1) {
		if ((end = strchr(p, RS)) == NULL)
			break;
		*end = '\0';
		for (k = 0, us = p; k < n && us != NULL; k++) {
			if ((us = strchr(p, US)) != NULL)
				*us = '\0';
			vals[k] = strcmp(p, NUL_MARK) == 0 ? NULL : p;
			if (us != NULL)
				p = us + 1;
		}
		rc = k == n && us == NULL ? fn(arg, vals, n) : malformed(cat);
	}
	if (rc == 0 && *p != '\0')
		rc = malformed(cat);
	free(data);
	return rc == -1 ? -1 : 0;
}

/*
 * Calls fn(arg, group, tokens) for every synonym term of every group that
 * has a term starting with the token first, a group's terms together.
 */
int
catalog_synonyms(struct catalog *cat, const char *first,
    int (*fn)(void *, int, const char *), void *arg)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT grp, toks FROM synonyms "
	    "WHERE grp IN (SELECT grp FROM synonyms WHERE first = ?1) "
	    "ORDER BY grp, rowid", 2);
	const char	*toks;
	int		 rc;

	sqlite3_bind_text(st, 1, first, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((toks = (const char *)sqlite3_column_text(st, 1)) != NULL &&
		    fn(arg, sqlite3_column_int(st, 0), toks) == -1)
			break;
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    catalog_db_error(cat, "cannot read synonyms");
}

/*
 * Asks the FTS5 index which rows hold token (one token from tokenize.c:
 * letters, digits or CJK, never quotes) and stores their rowids in a new
 * array *rows (caller frees), *n of them. Returns 0 or -1.
 */
int
catalog_postings(struct catalog *cat, const char *token, long long **rows,
    size_t *n)
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

/* Is tok a token of some capability's cue? */
int
catalog_is_cue_token(struct catalog *cat, const char *tok)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT 1 FROM cue_tokens "
	    "WHERE tok = ?1", 1);
	int		 rc;

	sqlite3_bind_text(st, 1, tok, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}

/*
 * Calls fn(arg, capability order, tokens, cue as written) for every cue
 * whose first token is first.
 */
int
catalog_cues(struct catalog *cat, const char *first,
    int (*fn)(void *, long, const char *, const char *), void *arg)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT c.ord, k.toks, k.cue "
	    "FROM capability_cues k JOIN capabilities c ON c.id = "
	    "k.capability_id WHERE k.first = ?1 ORDER BY k.rowid", 3);
	const char	*toks, *cue;
	int		 rc;

	sqlite3_bind_text(st, 1, first, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		toks = (const char *)sqlite3_column_text(st, 1);
		cue = (const char *)sqlite3_column_text(st, 2);
		if (toks != NULL && cue != NULL && fn(arg,
		    (long)sqlite3_column_int64(st, 0), toks, cue) == -1)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    catalog_db_error(cat, "cannot read capabilities");
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
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT c.id, c.name, "
	    "c.name_ko, k.ord FROM capabilities c JOIN capability_kinds k ON "
	    "k.id = c.kind WHERE c.ord = ?1", 4);
	const char	*v;
	int		 found = 0, rc;

	sqlite3_bind_int64(st, 1, ord);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++) {
			v = (const char *)sqlite3_column_text(st, i);
			strv_push(out, v != NULL ? v : "");
		}
		found = 1;
	}
	sqlite3_reset(st);
	if (!found)
		return 0;
	st = catalog_prep(cat, "SELECT s.ord, p.strength FROM "
	    "capability_providers p JOIN services s ON s.id = p.service_id "
	    "JOIN capabilities c ON c.id = p.capability_id WHERE c.ord = ?1 "
	    "ORDER BY s.ord", 2);
	sqlite3_bind_int64(st, 1, ord);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(arg, (long)sqlite3_column_int64(st, 0),
		    sqlite3_column_double(st, 1));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 1 :
	    catalog_db_error(cat, "cannot read capabilities");
}
