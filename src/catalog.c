/*
 * catalog.c: the only file that talks to SQLite. Builds the catalog
 * database from the loader's rows, opens the embedded image (or a file
 * given with --catalog), and answers every query the commands need.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "awsai.h"

/* The schema and the catalog image, linked in by build/embed.S. */
extern const char awsai_schema[];
extern const unsigned char awsai_catalog_image[];
extern const unsigned char awsai_catalog_image_end[];

#define NSTMT 32

struct catalog {
	sqlite3		*db;
	char		*desc;		/* where it came from, for messages */
	const char	*sql[NSTMT];	/* prepared statements, by SQL text */
	sqlite3_stmt	*stmt[NSTMT];
	struct tokenizer *tk;		/* for the FTS5 tokenizer */
};

static int	register_fts(struct catalog *);
static sqlite3_stmt *prep(struct catalog *, const char *);
static int	db_error(struct catalog *, const char *);

static int
db_error(struct catalog *cat, const char *what)
{
	return diag_error("%s: %s", what, sqlite3_errmsg(cat->db));
}

/* Returns the cached prepared statement for sql, reset; BUG on failure. */
static sqlite3_stmt *
prep(struct catalog *cat, const char *sql)
{
	size_t	i;

	for (i = 0; i < NSTMT && cat->sql[i] != NULL; i++) {
		if (cat->sql[i] == sql) {
			sqlite3_reset(cat->stmt[i]);
			sqlite3_clear_bindings(cat->stmt[i]);
			return cat->stmt[i];
		}
	}
	if (i == NSTMT)
		BUG("too many prepared statements");
	if (sqlite3_prepare_v3(cat->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &cat->stmt[i], NULL) != SQLITE_OK)
		BUG("cannot prepare \"%.60s\": %s", sql,
		    sqlite3_errmsg(cat->db));
	cat->sql[i] = sql;
	return cat->stmt[i];
}

/* ------------------------------------------------------ FTS5 glue */

struct tok_ctx {
	void	*pctx;
	int	(*xtoken)(void *, int, const char *, int, int, int);
};

static int
tok_cb(void *arg, const struct token *t)
{
	struct tok_ctx *tc = arg;

	return tc->xtoken(tc->pctx, 0, t->text, (int)t->len, (int)t->start,
	    (int)t->end);
}

static int
fts_create(void *ctx, const char **azArg, int nArg, Fts5Tokenizer **out)
{
	(void)azArg;
	(void)nArg;
	*out = ctx;
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *t)
{
	(void)t;
}

/*
 * Documents go through tokenize.c. Queries are built by search.c from
 * tokens tokenize.c already made, so they are split on spaces only:
 * stemming a stem again could change it.
 */
static int
fts_tokenize(Fts5Tokenizer *t, void *pctx, int flags, const char *text,
    int n, int (*xtoken)(void *, int, const char *, int, int, int))
{
	struct catalog	*cat = (struct catalog *)t;
	struct tok_ctx	 tc = { pctx, xtoken };
	int		 i = 0, start, rc;

	if (flags & FTS5_TOKENIZE_QUERY) {
		while (i < n) {
			while (i < n && text[i] == ' ')
				i++;
			start = i;
			while (i < n && text[i] != ' ')
				i++;
			if (i > start && (rc = xtoken(pctx, 0, text + start,
			    i - start, start, i)) != SQLITE_OK)
				return rc;
		}
		return SQLITE_OK;
	}
	return tokenizer_run(cat->tk, text, (size_t)n, tok_cb, &tc);
}

static int
register_fts(struct catalog *cat)
{
	fts5_api	*api = NULL;
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(cat->db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(cat, "this SQLite has no FTS5");
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		return diag_error("this SQLite has no FTS5");
	cat->tk = tokenizer_new();
	if (api->xCreateTokenizer(api, "awsai", cat,
	    &(fts5_tokenizer){ fts_create, fts_delete, fts_tokenize },
	    NULL) != SQLITE_OK)
		return db_error(cat, "cannot register the FTS5 tokenizer");
	return 0;
}

/* ---------------------------------------------------- open and build */

static struct catalog *
cat_new(const char *desc)
{
	struct catalog *cat;

	cat = xcalloc(1, sizeof(*cat));
	cat->desc = xstrdup(desc);
	return cat;
}

void
catalog_free(struct catalog *cat)
{
	if (cat == NULL)
		return;
	for (size_t i = 0; i < NSTMT; i++)
		sqlite3_finalize(cat->stmt[i]);
	sqlite3_close(cat->db);
	tokenizer_free(cat->tk);
	free(cat->desc);
	free(cat);
}

/* Where the catalog came from: "embedded catalog" or a path. */
const char *
catalog_describe(struct catalog *cat)
{
	return cat->desc;
}

struct ins {
	struct catalog	*cat;
	const char	*table[24];
	sqlite3_stmt	*stmt[24];
	int		*seq;		/* rows so far per service and kind */
	size_t		 nseq;
	struct strbuf	 toks;
};

/* Inserts one row of values into table, with a cached statement. */
static int
ins_plain(struct ins *in, const char *table, const char *const *vals,
    size_t n)
{
	struct strbuf	 sb = { 0 };
	size_t		 i;
	sqlite3_stmt	*st;

	for (i = 0; i < 24 && in->table[i] != NULL; i++)
		if (strcmp(in->table[i], table) == 0)
			break;
	if (i == 24)
		BUG("too many tables");
	if (in->table[i] == NULL) {
		sb_addf(&sb, "INSERT INTO %s VALUES (", table);
		for (size_t k = 0; k < n; k++)
			sb_adds(&sb, k ? ", ?" : "?");
		sb_adds(&sb, ")");
		if (sqlite3_prepare_v2(in->cat->db, sb.buf, -1, &in->stmt[i],
		    NULL) != SQLITE_OK) {
			sb_release(&sb);
			return db_error(in->cat, "cannot build the catalog");
		}
		sb_release(&sb);
		in->table[i] = table;
	}
	st = in->stmt[i];
	sqlite3_reset(st);
	for (size_t k = 0; k < n; k++)
		sqlite3_bind_text(st, (int)k + 1, vals[k], -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return diag_error("cannot add a row to \"%s\": %s", table,
		    sqlite3_errmsg(in->cat->db));
	return 0;
}

static int
add_tok(void *arg, const struct token *t)
{
	struct strbuf	*sb = arg;

	if (sb->len > 0)
		sb_addc(sb, ' ');
	sb_add(sb, t->text, t->len);
	return 0;
}

/* Tokenizes text into in->toks, space-separated; returns the count. */
static int
ins_tokens(struct ins *in, const char *text)
{
	int	n = 0;

	in->toks.len = 0;
	sb_adds(&in->toks, "");
	tokenizer_run(in->cat->tk, text, strlen(text), add_tok, &in->toks);
	for (const char *p = in->toks.buf; *p != '\0'; p++)
		n += *p == ' ';
	return in->toks.len > 0 ? n + 1 : 0;
}

/*
 * The loader's row callback. Most rows go in as they are; keywords and
 * synonyms gain their tokens, and an index row (text, service order,
 * kind, lang) goes into docs under a rowid that encodes where it belongs
 * (DOC_ROWID) and into doc_rows.
 */
static int
ins_row(void *arg, const char *table, const char *const *vals, size_t n)
{
	static const char *const kinds[] = { "name", "alias", "task",
	    "summary", "description" };
	struct ins	*in = arg;
	const char	*v[6];
	char		 rowid[32], svc[16], len[16];
	long		 ord;
	int		 kind, ntok;
	size_t		 slot;

	if (strcmp(table, "usecase_keywords") == 0) {
		ins_tokens(in, vals[1]);
		v[0] = vals[0];
		v[1] = vals[1];
		v[2] = in->toks.buf;
		return ins_plain(in, table, v, 3);
	}
	if (strcmp(table, "synonyms") == 0) {
		char	*first;
		int	 rc;

		if (ins_tokens(in, vals[1]) == 0)
			return 0;	/* all stop words: nothing to match */
		first = xstrndup(in->toks.buf, strcspn(in->toks.buf, " "));
		v[0] = vals[0];
		v[1] = vals[1];
		v[2] = in->toks.buf;
		v[3] = first;
		rc = ins_plain(in, table, v, 4);
		free(first);
		return rc;
	}
	if (strcmp(table, "docs") != 0)
		return ins_plain(in, table, vals, n);
	for (kind = 0; kind < 5; kind++)
		if (strcmp(vals[2], kinds[kind]) == 0)
			break;
	if (kind == 5 || util_parse_int(vals[1], 0, 2047, &ord) == -1)
		BUG("bad index row \"%s\"", vals[0]);
	slot = (size_t)ord * 8 + (size_t)kind;
	if (slot >= in->nseq) {
		in->seq = xrealloc(in->seq, (slot + 1) * sizeof(*in->seq));
		memset(in->seq + in->nseq, 0,
		    (slot + 1 - in->nseq) * sizeof(*in->seq));
		in->nseq = slot + 1;
	}
	if (in->seq[slot] >= DOC_MAXSEQ)
		return diag_error("service %ld has more than %d %ss", ord,
		    DOC_MAXSEQ, kinds[kind]);
	ntok = ins_tokens(in, vals[0]);
	snprintf(rowid, sizeof(rowid), "%lld", DOC_ROWID(ord, kind,
	    ntok > 255 ? 255 : ntok, strcmp(vals[3], "ko") == 0,
	    in->seq[slot]++));
	snprintf(svc, sizeof(svc), "%ld", ord);
	snprintf(len, sizeof(len), "%d", ntok);
	v[0] = rowid;
	v[1] = vals[0];
	if (ins_plain(in, "docs(rowid, text)", v, 2) == -1)
		return -1;
	v[1] = svc;
	v[2] = vals[2];
	v[3] = vals[3];
	v[4] = len;
	v[5] = vals[0];
	return ins_plain(in, "doc_rows", v, 6);
}

/*
 * What `ask` needs before its first question, as one text in meta
 * ('search_data') so that a one-shot ask reads one value instead of
 * thousands of rows. One line a record; search.c reads it:
 *   U usecase-id                      (in order)
 *   V ord id layer status successor|- part_of|- name
 *   W ord usecase-ord weight*1000
 *   K usecase-ord tokens...           (a keyword, tokenized)
 *   Y terms groups                    (synonym terms and groups, which
 *                                     catalog_synonyms() gives on demand)
 *   F token...                        (the tokens synonym terms start
 *                                     with: no other token has any)
 *   N rows avglen                     (index rows, their mean length)
 */
static const char search_data[] =
    "INSERT INTO meta SELECT 'search_data', group_concat(line, char(10)) "
    "FROM (SELECT 1 AS k, ord AS o, 'U ' || id AS line FROM usecases "
    "UNION ALL SELECT 2, ord, 'V ' || ord || ' ' || id || ' ' || layer || "
    "' ' || status || ' ' || ifnull(successor, '-') || ' ' || "
    "ifnull(part_of, '-') || ' ' || name "
    "FROM services "
    "UNION ALL SELECT 3, 0, 'W ' || s.ord || ' ' || u.ord || ' ' || "
    "CAST(round(su.weight * 1000) AS INTEGER) FROM service_usecases su "
    "JOIN services s ON s.id = su.service_id "
    "JOIN usecases u ON u.id = su.usecase_id "
    "UNION ALL SELECT 4, 0, 'K ' || u.ord || ' ' || k.toks "
    "FROM usecase_keywords k JOIN usecases u ON u.id = k.usecase_id "
    "WHERE k.toks != '' "
    "UNION ALL SELECT 5, 0, 'Y ' || count(*) || ' ' || "
    "(ifnull(max(grp), -1) + 1) FROM synonyms "
    "UNION ALL SELECT 5, 1, 'F ' || ifnull(group_concat(first, ' '), '') "
    "FROM (SELECT DISTINCT first FROM synonyms) "
    "UNION ALL SELECT 6, 0, 'N ' || count(*) || ' ' || avg(len) "
    "FROM doc_rows ORDER BY 1, 2)";

/* Creates the schema in cat and inserts everything ld holds. */
static int
fill(struct catalog *cat, struct load *ld)
{
	struct ins	 in;
	char		*err = NULL;
	int		 rc;

	memset(&in, 0, sizeof(in));
	in.cat = cat;
	if (sqlite3_exec(cat->db, awsai_schema, NULL, NULL, &err) !=
	    SQLITE_OK || sqlite3_exec(cat->db, "BEGIN", NULL, NULL, &err) !=
	    SQLITE_OK) {
		diag_error("cannot create the catalog schema: %s", err);
		sqlite3_free(err);
		return -1;
	}
	rc = load_insert(ld, &in, ins_row);
	for (size_t i = 0; i < 24; i++)
		sqlite3_finalize(in.stmt[i]);
	free(in.seq);
	sb_release(&in.toks);
	/* one b-tree segment: each lookup then opens one reader, not many */
	if (rc == 0 && (sqlite3_exec(cat->db, "INSERT INTO docs(docs) "
	    "VALUES ('optimize')", NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(cat->db, search_data, NULL, NULL, &err) !=
	    SQLITE_OK)) {
		diag_error("cannot finish the catalog: %s", err);
		sqlite3_free(err);
		rc = -1;
	}
	if (rc == 0 && sqlite3_exec(cat->db, "COMMIT", NULL, NULL, &err) !=
	    SQLITE_OK) {
		diag_error("catalog breaks a schema constraint: %s", err);
		sqlite3_free(err);
		rc = -1;
	}
	if (rc == -1)
		sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Opens a fresh database at path (":memory:" too) with FTS registered. */
static struct catalog *
cat_create(const char *path, const char *desc)
{
	struct catalog *cat = cat_new(desc);

	if (sqlite3_open_v2(path, &cat->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		diag_error("cannot create \"%s\": %s", path,
		    sqlite3_errmsg(cat->db));
		catalog_free(cat);
		return NULL;
	}
	if (register_fts(cat) == -1) {
		catalog_free(cat);
		return NULL;
	}
	return cat;
}

/*
 * Loads the JSON catalog at paths into an in-memory database. Returns
 * the catalog (free with catalog_free()), or NULL with every problem
 * reported; *status says why (EXIT_DATA or EXIT_INTERNAL).
 */
static struct catalog *
load_json(const char *const *paths, size_t n, const char *desc, int *status)
{
	struct load	*ld;
	struct catalog	*cat;

	*status = EXIT_DATA;
	ld = load_paths(paths, n);
	if (load_failed(ld)) {
		load_free(ld);
		return NULL;
	}
	if ((cat = cat_create(":memory:", desc)) == NULL) {
		*status = EXIT_INTERNAL;
		load_free(ld);
		return NULL;
	}
	if (fill(cat, ld) == -1) {
		load_free(ld);
		catalog_free(cat);
		return NULL;
	}
	load_free(ld);
	*status = EXIT_OK;
	return cat;
}

/*
 * Validates the catalog at paths and returns EXIT_OK or EXIT_DATA (every
 * problem reported), for `awsai check`.
 */
int
catalog_check(const char *const *paths, size_t n)
{
	struct catalog	*cat;
	int		 status;

	if ((cat = load_json(paths, n, paths[0], &status)) == NULL)
		return status;
	catalog_free(cat);
	return EXIT_OK;
}

/*
 * Builds the catalog at paths into the database file out: written under
 * a temporary name, in one transaction, then renamed, so out is never
 * half-written. Returns an exit status.
 */
int
catalog_build(const char *const *paths, size_t n, const char *out)
{
	struct catalog	*mem, *file;
	sqlite3_backup	*bk;
	char		*tmp;
	int		 status = EXIT_OK;

	if ((mem = load_json(paths, n, paths[0], &status)) == NULL)
		return status;
	tmp = xasprintf("%s.tmp%ld", out, (long)getpid());
	unlink(tmp);
	if ((file = cat_create(tmp, tmp)) == NULL) {
		catalog_free(mem);
		free(tmp);
		return EXIT_INTERNAL;
	}
	bk = sqlite3_backup_init(file->db, "main", mem->db, "main");
	if (bk == NULL || sqlite3_backup_step(bk, -1) != SQLITE_DONE) {
		diag_error("cannot write \"%s\": %s", tmp,
		    sqlite3_errmsg(file->db));
		status = EXIT_INTERNAL;
	}
	sqlite3_backup_finish(bk);
	if (status == EXIT_OK && sqlite3_exec(file->db, "VACUUM", NULL, NULL,
	    NULL) != SQLITE_OK) {
		db_error(file, "cannot write the catalog");
		status = EXIT_INTERNAL;
	}
	catalog_free(file);
	catalog_free(mem);
	if (status == EXIT_OK && rename(tmp, out) == -1) {
		diag_error("cannot rename \"%s\" to \"%s\": %s", tmp, out,
		    strerror(errno));
		status = EXIT_INTERNAL;
	}
	if (status != EXIT_OK)
		unlink(tmp);
	free(tmp);
	return status;
}

/* Checks that db holds an awsai catalog. */
static int
check_image(struct catalog *cat)
{
	sqlite3_stmt	*st;
	int		 ok = 0;

	if (sqlite3_prepare_v2(cat->db,
	    "SELECT value FROM meta WHERE key = 'version'", -1, &st, NULL) ==
	    SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	if (!ok)
		return diag_error("\"%s\" is not an awsai catalog (build one "
		    "with \"awsai build\" or give the JSON directory)",
		    cat->desc);
	return 0;
}

/*
 * Opens the catalog: the embedded image when path is NULL, else a .db
 * file, a JSON file or a directory of JSON files. Returns NULL (and sets
 * *status) after reporting the problem.
 */
struct catalog *
catalog_open(const char *path, int *status)
{
	struct catalog	*cat;
	size_t		 n, sz;

	*status = EXIT_INTERNAL;
	if (path == NULL) {
		sz = (size_t)(awsai_catalog_image_end - awsai_catalog_image);
		if (sz == 0) {
			diag_error("this awsai has no embedded catalog: give "
			    "one with --catalog PATH");
			return NULL;
		}
		cat = cat_new("embedded catalog");
		if (sqlite3_open_v2(":memory:", &cat->db, SQLITE_OPEN_READWRITE,
		    NULL) != SQLITE_OK || register_fts(cat) == -1 ||
		    sqlite3_deserialize(cat->db, "main",
		    (unsigned char *)awsai_catalog_image, (sqlite3_int64)sz,
		    (sqlite3_int64)sz, SQLITE_DESERIALIZE_READONLY) !=
		    SQLITE_OK) {
			diag_error("cannot open the embedded catalog: %s",
			    sqlite3_errmsg(cat->db));
			catalog_free(cat);
			return NULL;
		}
		return cat;
	}
	n = strlen(path);
	if (n > 3 && strcmp(path + n - 3, ".db") == 0) {
		cat = cat_new(path);
		if (access(path, R_OK) == -1) {
			diag_error("cannot read \"%s\": %s", path,
			    strerror(errno));
			catalog_free(cat);
			return NULL;
		}
		if (sqlite3_open_v2(path, &cat->db, SQLITE_OPEN_READONLY,
		    NULL) != SQLITE_OK || register_fts(cat) == -1 ||
		    check_image(cat) == -1) {
			*status = EXIT_DATA;
			catalog_free(cat);
			return NULL;
		}
		return cat;
	}
	return load_json(&path, 1, path, status);
}

/* --------------------------------------------------------- queries */

/*
 * Runs sql with the text parameters params (NULL binds SQL NULL) and adds
 * a row to res for every result row, column by column: CELL_LIST columns
 * come as strings joined by U+001F. Returns the number of rows, or -1.
 */
static int
fill_rows(struct catalog *cat, const char *sql, const char *const *params,
    size_t nparams, struct result *res)
{
	sqlite3_stmt	*st = prep(cat, sql);
	struct cell	*row;
	const char	*s, *p, *q;
	int		 rows = 0, rc;

	for (size_t i = 0; i < nparams; i++)
		sqlite3_bind_text(st, (int)i + 1, params[i], -1,
		    SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row = result_row(res);
		for (size_t c = 0; c < res->ncols; c++) {
			if (res->cols[c].kind == CELL_NUM) {
				cell_setn(&row[c],
				    sqlite3_column_double(st, (int)c));
				continue;
			}
			s = (const char *)sqlite3_column_text(st, (int)c);
			if (s == NULL)
				continue;
			if (res->cols[c].kind != CELL_LIST) {
				cell_set(&row[c], s);
				continue;
			}
			for (p = s; *p != '\0'; p = *q ? q + 1 : q) {
				q = strchr(p, '\x1f');
				if (q == NULL)
					q = p + strlen(p);
				strv_push_owned(&row[c].list,
				    xstrndup(p, (size_t)(q - p)));
			}
		}
		rows++;
	}
	if (rc != SQLITE_DONE)
		return db_error(cat, "cannot read the catalog");
	return rows;
}

/* Copies the first column of the first row of sql into *out (or NULL). */
static int
one_text(struct catalog *cat, const char *sql, const char *param,
    char **out)
{
	sqlite3_stmt	*st = prep(cat, sql);
	const char	*s;
	int		 rc;

	*out = NULL;
	sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 0);
		*out = s != NULL ? xstrdup(s) : NULL;
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_DONE)
		return db_error(cat, "cannot read the catalog");
	return 0;
}

/* Sets *out to the meta value for key (caller frees). */
int
catalog_meta(struct catalog *cat, const char *key, char **out)
{
	return one_text(cat, "SELECT value FROM meta WHERE key = ?1", key,
	    out);
}

/* Counts the rows of one of the catalog's tables. */
int
catalog_count(struct catalog *cat, const char *what)
{
	static const char *const sqls[][2] = {
		{ "services", "SELECT count(*) FROM services" },
		{ "glossary", "SELECT count(*) FROM glossary" },
		{ "usecases", "SELECT count(*) FROM usecases" },
	};
	sqlite3_stmt	*st;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]); i++) {
		if (strcmp(sqls[i][0], what) != 0)
			continue;
		st = prep(cat, sqls[i][1]);
		if (sqlite3_step(st) != SQLITE_ROW)
			return db_error(cat, "cannot read the catalog");
		return sqlite3_column_int(st, 0);
	}
	BUG("no count for \"%s\"", what);
}

/* Does table kind ("layer", "usecase", "status") have the value v? */
int
catalog_has(struct catalog *cat, const char *kind, const char *v)
{
	char	*out;
	int	 rc;

	if (strcmp(kind, "layer") == 0)
		rc = one_text(cat, "SELECT id FROM layers WHERE id = ?1", v,
		    &out);
	else if (strcmp(kind, "usecase") == 0)
		rc = one_text(cat, "SELECT id FROM usecases WHERE id = ?1", v,
		    &out);
	else
		BUG("unknown kind \"%s\"", kind);
	free(out);
	return rc == 1;
}

/* Adds every value of kind ("layer", "usecase", "name", "term") to sv. */
int
catalog_values(struct catalog *cat, const char *kind, struct strv *sv)
{
	static const char *const sqls[][2] = {
		{ "layer", "SELECT id FROM layers ORDER BY ord" },
		{ "usecase", "SELECT id FROM usecases ORDER BY ord" },
		{ "name", "SELECT id FROM services UNION ALL SELECT name FROM "
		    "services UNION ALL SELECT alias FROM aliases" },
		{ "term", "SELECT name FROM glossary_names" },
	};
	sqlite3_stmt	*st;
	int		 rc;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]); i++) {
		if (strcmp(sqls[i][0], kind) != 0)
			continue;
		st = prep(cat, sqls[i][1]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			strv_push(sv, (const char *)sqlite3_column_text(st, 0));
		if (rc != SQLITE_DONE)
			return db_error(cat, "cannot read the catalog");
		return 0;
	}
	BUG("no values for \"%s\"", kind);
}

/*
 * Finds the service a person means by word: an id, official name or
 * alias (case-insensitive), or else a unique prefix of one. Returns the
 * id (caller frees), or NULL; then ambiguous prefixes or the nearest
 * names are added to suggest.
 */
char *
catalog_resolve(struct catalog *cat, const char *word, struct strv *suggest)
{
	static const char exact[] =
	    "SELECT id FROM services WHERE id = ?1 COLLATE NOCASE "
	    "OR name = ?1 UNION "
	    "SELECT service_id FROM aliases WHERE alias = ?1";
	static const char prefix[] =
	    "SELECT DISTINCT s.id FROM services s LEFT JOIN aliases a "
	    "ON a.service_id = s.id WHERE substr(lower(s.id), 1, length(?1)) "
	    "= lower(?1) OR substr(lower(s.name), 1, length(?1)) = lower(?1) "
	    "OR substr(lower(s.name), 8, length(?1)) = lower(?1) "
	    "OR substr(lower(s.name), 5, length(?1)) = lower(?1) "
	    "OR substr(lower(a.alias), 1, length(?1)) = lower(?1) "
	    "ORDER BY s.id";
	sqlite3_stmt	*st;
	struct strv	 found = { 0 }, all = { 0 };
	const char	*best[3];
	char		*id = NULL;

	if (one_text(cat, exact, word, &id) == 1)
		return id;
	st = prep(cat, prefix);
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		strv_push(&found, (const char *)sqlite3_column_text(st, 0));
	if (found.n == 1 && strlen(word) >= 2) {
		id = xstrdup(found.v[0]);
		strv_release(&found);
		return id;
	}
	if (found.n > 1 && strlen(word) >= 2) {
		for (size_t i = 0; i < found.n && i < 3; i++)
			strv_push(suggest, found.v[i]);
		strv_release(&found);
		return NULL;
	}
	strv_release(&found);
	catalog_values(cat, "name", &all);
	util_suggest(word, (const char *const *)all.v, all.n, best, 3);
	for (size_t i = 0; i < 3 && best[i] != NULL; i++) {
		char *sid = catalog_resolve(cat, best[i], &found);
		int dup = 0;

		for (size_t k = 0; sid != NULL && k < suggest->n; k++)
			dup |= strcmp(suggest->v[k], sid) == 0;
		if (sid != NULL && !dup)
			strv_push(suggest, sid);
		free(sid);
	}
	strv_release(&found);
	strv_release(&all);
	return NULL;
}

#define UC_LIST(sid) \
	"(SELECT group_concat(usecase_id, char(31)) FROM (SELECT usecase_id " \
	"FROM service_usecases su JOIN usecases u ON u.id = su.usecase_id " \
	"WHERE su.service_id = " sid " ORDER BY su.weight DESC, u.ord))"

/* Lists services, filtered by layer, use case and status (NULL: any). */
int
catalog_list(struct catalog *cat, const char *layer, const char *usecase,
    const char *status, struct result *res)
{
	static const char sql[] =
	    "SELECT s.id, s.name, s.layer, " UC_LIST("s.id") ", s.status, "
	    "s.successor, s.summary FROM services s "
	    "JOIN layers l ON l.id = s.layer "
	    "WHERE (?1 IS NULL OR s.layer = ?1) AND (?2 IS NULL OR EXISTS "
	    "(SELECT 1 FROM service_usecases WHERE service_id = s.id AND "
	    "usecase_id = ?2)) AND (?3 IS NULL OR s.status = ?3 OR (?3 = "
	    "'active' AND s.status IN ('ga', 'preview'))) "
	    "ORDER BY l.ord, s.name COLLATE NOCASE";
	const char *p[3] = { layer, usecase, status };

	return fill_rows(cat, sql, p, 3, res);
}

int
catalog_layers(struct catalog *cat, struct result *res)
{
	static const char sql[] =
	    "SELECT l.id, l.name, l.name_ko, (SELECT count(*) FROM services "
	    "WHERE layer = l.id), l.summary FROM layers l ORDER BY l.ord";

	return fill_rows(cat, sql, NULL, 0, res);
}

int
catalog_usecases(struct catalog *cat, struct result *res)
{
	static const char sql[] =
	    "SELECT u.id, u.name, u.name_ko, (SELECT count(*) FROM "
	    "service_usecases WHERE usecase_id = u.id), u.summary "
	    "FROM usecases u ORDER BY u.ord";

	return fill_rows(cat, sql, NULL, 0, res);
}

/* One service as a card: the columns of cmd-show.c's spec. */
int
catalog_card(struct catalog *cat, const char *id, struct result *res)
{
	static const char sql[] =
	    "SELECT s.id, s.name, (SELECT group_concat(alias, char(31)) FROM "
	    "aliases WHERE service_id = s.id), s.layer, s.layer_note, "
	    UC_LIST("s.id") ", s.status, s.status_date, s.status_note, "
	    "s.successor || ifnull(' (' || (SELECT name FROM services WHERE "
	    "id = s.successor) || ')', ''), "
	    "s.part_of, s.summary, s.summary_ko, s.description, "
	    "(SELECT group_concat(text, char(31)) FROM (SELECT text FROM tasks "
	    "WHERE service_id = s.id AND lang = 'en' ORDER BY ord)), "
	    "(SELECT group_concat(text, char(31)) FROM (SELECT text FROM tasks "
	    "WHERE service_id = s.id AND lang = 'ko' ORDER BY ord)), "
	    "(SELECT group_concat(target_id, char(31)) FROM relations WHERE "
	    "service_id = s.id AND kind = 'alternative'), "
	    "(SELECT group_concat(target_id, char(31)) FROM relations WHERE "
	    "service_id = s.id AND kind = 'complements'), "
	    "(SELECT group_concat(service_id, char(31)) FROM relations WHERE "
	    "target_id = s.id AND kind = 'part-of'), "
	    "s.cli, s.docs, (SELECT group_concat(url, char(31)) FROM sources "
	    "WHERE service_id = s.id), s.as_of FROM services s WHERE s.id = ?1";

	res->card = 1;
	return fill_rows(cat, sql, &id, 1, res);
}

/* Returns the source record of service id as JSON text (caller frees). */
char *
catalog_record(struct catalog *cat, const char *id)
{
	char	*out = NULL;

	one_text(cat, "SELECT record FROM services WHERE id = ?1", id, &out);
	return out;
}

/*
 * Glossary: with term NULL, every entry; else the entries whose id, term
 * or alias is term (case-insensitive), or failing that starts with it.
 */
int
catalog_glossary(struct catalog *cat, const char *term, struct result *res)
{
	static const char sql[] =
	    "SELECT g.id, g.term, g.term_ko, (SELECT group_concat(name, "
	    "char(31)) FROM glossary_names WHERE glossary_id = g.id AND name "
	    "NOT IN (g.id, g.term, g.term_ko)), g.definition, g.definition_ko, "
	    "(SELECT group_concat(target_id, char(31)) FROM glossary_see "
	    "WHERE glossary_id = g.id) FROM glossary g WHERE ?1 IS NULL OR "
	    "g.id IN (SELECT glossary_id FROM glossary_names WHERE name = ?1 "
	    "OR (?2 AND substr(lower(name), 1, length(?1)) = lower(?1))) "
	    "ORDER BY g.ord";
	const char	*p[2] = { term, "0" };
	int		 n;

	if ((n = fill_rows(cat, sql, p, 2, res)) != 0 || term == NULL)
		return n;
	p[1] = "1";
	return fill_rows(cat, sql, p, 2, res);
}

/* Stages ("stage") or roles ("role"), each with its services' names. */
int
catalog_groups(struct catalog *cat, const char *kind, struct result *res)
{
	static const char sql[] =
	    "SELECT g.id, g.name, g.name_ko, (SELECT group_concat(name, "
	    "char(31)) FROM (SELECT s.name FROM group_services gs JOIN "
	    "services s ON s.id = gs.service_id WHERE gs.kind = g.kind AND "
	    "gs.group_id = g.id ORDER BY gs.ord)), g.summary FROM groups g "
	    "WHERE g.kind = ?1 ORDER BY g.ord, g.id";

	return fill_rows(cat, sql, &kind, 1, res);
}

/* ------------------------------------------------ search primitives */

/*
 * Calls fn(arg, group, tokens) for every synonym term of every group that
 * has a term starting with the token first, a group's terms together.
 */
int
catalog_synonyms(struct catalog *cat, const char *first,
    int (*fn)(void *, int, const char *), void *arg)
{
	sqlite3_stmt	*st = prep(cat, "SELECT grp, toks FROM synonyms WHERE "
	    "grp IN (SELECT grp FROM synonyms WHERE first = ?1) "
	    "ORDER BY grp, rowid");
	int		 rc;

	sqlite3_bind_text(st, 1, first, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(arg, sqlite3_column_int(st, 0),
		    (const char *)sqlite3_column_text(st, 1)) == -1)
			break;
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    db_error(cat, "cannot read synonyms");
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
	sqlite3_stmt	*st = prep(cat,
	    "SELECT rowid FROM docs WHERE docs MATCH ?1");
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
	return rc == SQLITE_DONE ? 0 : db_error(cat, "cannot search");
}

/* The text of index row rowid (caller frees), or NULL. */
char *
catalog_doc_text(struct catalog *cat, long long rowid)
{
	sqlite3_stmt	*st = prep(cat,
	    "SELECT text FROM doc_rows WHERE id = ?1");
	char		*s = NULL;

	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return s;
}
