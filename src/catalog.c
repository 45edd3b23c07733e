/*
 * catalog.c: the catalog database: the FTS5 glue for awsai's tokenizer,
 * building a database from the loader's rows, and opening the embedded
 * image or a catalog given with --catalog. A .db from elsewhere is
 * untrusted: it is opened only if its schema is exactly awsai's and it
 * passes SQLite's own integrity and foreign-key checks.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"

/* The schema and the catalog image, linked in by build/embed.S. */
extern const char awsai_schema[];
extern const unsigned char awsai_catalog_image[];
extern const unsigned char awsai_catalog_image_end[];
/* The lean images (build --ask-db, --list-db), for catalog_lean(). */
extern const unsigned char awsai_ask_image[];
extern const unsigned char awsai_ask_image_end[];
extern const unsigned char awsai_list_image[];
extern const unsigned char awsai_list_image_end[];

int
catalog_db_error(struct catalog *cat, const char *what)
{
	return diag_error("%s: %s", what, sqlite3_errmsg(cat->db));
}

/*
 * Returns the cached prepared statement for sql, reset. A statement that
 * does not prepare, or has not ncols columns (ncols >= 0), is a bug: the
 * schema is ours, checked when the catalog was opened.
 */
sqlite3_stmt *
catalog_prep(struct catalog *cat, const char *sql, int ncols)
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
	/* a lean image's own tables first, where one has them: the same
	 * rows as the whole catalog's */
	cat->stmt[i] = NULL;
	for (int l = 0; l < LEAN_N && cat->stmt[i] == NULL; l++)
		if (cat->lean[l] != NULL && sqlite3_prepare_v3(cat->lean[l],
		    sql, -1, SQLITE_PREPARE_PERSISTENT, &cat->stmt[i], NULL) !=
		    SQLITE_OK) {
			sqlite3_finalize(cat->stmt[i]);
			cat->stmt[i] = NULL;
		}
	if (cat->stmt[i] == NULL && sqlite3_prepare_v3(cat->db, sql, -1,
	    SQLITE_PREPARE_PERSISTENT, &cat->stmt[i], NULL) != SQLITE_OK)
		BUG("cannot prepare \"%.60s\": %s", sql,
		    sqlite3_errmsg(cat->db));
	if (ncols >= 0 && sqlite3_column_count(cat->stmt[i]) != ncols)
		BUG("\"%.60s\" has %d columns, not %d", sql,
		    sqlite3_column_count(cat->stmt[i]), ncols);
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
		return catalog_db_error(cat, "this SQLite has no FTS5");
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		return diag_error("this SQLite has no FTS5");
	cat->tk = tokenizer_new();
	if (api->xCreateTokenizer(api, "awsai", cat,
	    &(fts5_tokenizer){ fts_create, fts_delete, fts_tokenize },
	    NULL) != SQLITE_OK)
		return catalog_db_error(cat,
		    "cannot register the FTS5 tokenizer");
	return 0;
}

/* ---------------------------------------------------------- lifetime */

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
	catalog_tokens_reset(cat);
	for (size_t i = 0; i < NSTMT; i++)
		sqlite3_finalize(cat->stmt[i]);
	for (int l = 0; l < LEAN_N; l++)
		sqlite3_close(cat->lean[l]);
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

/*
 * SQLite as awsai uses it: one thread (no mutexes to take on every
 * allocation), before the library starts. Memory statistics stay on: the
 * sql command's heap limit needs them.
 */
static void
cat_configure(void)
{
	static int	done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
}

/* Opens a database at path (":memory:" too), with FTS registered. */
static struct catalog *
cat_connect(const char *path, const char *desc, int flags)
{
	struct catalog *cat = cat_new(desc);

	cat_configure();
	if (sqlite3_open_v2(path, &cat->db, flags, NULL) != SQLITE_OK) {
		diag_error("cannot open \"%s\": %s", path,
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

/* A new in-memory database with awsai's schema; NULL after reporting. */
struct catalog *
catalog_create(const char *desc)
{
	struct catalog	*cat;
	char		*err = NULL;

	if ((cat = cat_connect(":memory:", desc, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE)) == NULL)
		return NULL;
	if (sqlite3_exec(cat->db, awsai_schema, NULL, NULL, &err) !=
	    SQLITE_OK) {
		diag_error("cannot create the catalog schema: %s", err);
		sqlite3_free(err);
		catalog_free(cat);
		return NULL;
	}
	return cat;
}

/* Reads what the schema defines into st (vocab_release()). */
int
catalog_vocab(struct catalog *cat, struct vocab *st)
{
	sqlite3_stmt	*s = catalog_prep(cat, "SELECT id, new_customers, "
	    "supported FROM statuses ORDER BY ord", 3);
	const char	*id;

	memset(st, 0, sizeof(*st));
	catalog_values(cat, "kind", &st->kinds);
	catalog_values(cat, "use", &st->uses);
	catalog_values(cat, "generation", &st->generations);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if ((id = (const char *)sqlite3_column_text(s, 0)) == NULL)
			continue;
		st->v = xrealloc(st->v, (st->n + 1) * sizeof(*st->v));
		st->v[st->n].id = xstrdup(id);
		st->v[st->n].new_customers = sqlite3_column_int(s, 1) != 0;
		st->v[st->n].supported = sqlite3_column_int(s, 2) != 0;
		st->n++;
	}
	sqlite3_reset(s);
	return 0;
}

void
vocab_release(struct vocab *st)
{
	for (size_t i = 0; i < st->n; i++)
		free(st->v[i].id);
	free(st->v);
	strv_release(&st->kinds);
	strv_release(&st->uses);
	strv_release(&st->generations);
	memset(st, 0, sizeof(*st));
}

/* --------------------------------------------------- open and build */

/*
 * Loads the JSON catalog at paths into an in-memory database. Returns
 * the catalog (free with catalog_free()), or NULL with every problem
 * reported; *status says why (EXIT_DATA or EXIT_INTERNAL).
 */
static struct catalog *
load_json(const char *const *paths, size_t n, const char *desc, int *status)
{
	struct vocab	 st;
	struct load	*ld;
	struct catalog	*cat;

	*status = EXIT_INTERNAL;
	if ((cat = catalog_create(desc)) == NULL)
		return NULL;
	catalog_vocab(cat, &st);
	ld = load_paths(paths, n, &st);
	*status = EXIT_DATA;
	if (load_failed(ld) || catalog_fill(cat, ld) == -1) {
		catalog_free(cat);
		cat = NULL;
	} else
		*status = EXIT_OK;
	load_free(ld);
	vocab_release(&st);
	return cat;
}

/*
 * Validates the catalog at paths and returns EXIT_OK or EXIT_DATA (every
 * problem reported), for `awsai check`; a valid catalog's facts that
 * rest only on third-party sources are added to report (columns: id,
 * fact, note, source).
 */
int
catalog_check(const char *const *paths, size_t n, struct result *report)
{
	struct catalog	*cat;
	int		 status;

	if ((cat = load_json(paths, n, paths[0], &status)) == NULL)
		return status;
	if (catalog_fill_rows(cat, "SELECT service_id, fact, note, source FROM "
	    "third_party t JOIN services s ON s.id = t.service_id ORDER BY "
	    "s.ord, t.rowid", NULL, 0, report) < 0)
		status = EXIT_INTERNAL;
	catalog_free(cat);
	return status;
}

/*
 * Builds the catalog at paths into the database file out: written under
 * a temporary name, in one transaction, then renamed, so out is never
 * half-written; each lean image's tables alone into lean_out[i], where
 * it is not NULL; and its token index into tokidx_out, if not NULL.
 * Returns an exit status.
 */
int
catalog_build(const char *const *paths, size_t n, const char *out,
    const char *const *lean_out, const char *tokidx_out)
{
	struct catalog	*mem;
	int		 status;

	if ((mem = load_json(paths, n, paths[0], &status)) == NULL)
		return status;
	status = catalog_write(mem->db, "main", out);
	for (int i = 0; i < LEAN_N && status == EXIT_OK; i++)
		if (lean_out[i] != NULL)
			status = catalog_lean_db(mem->db, (enum lean)i,
			    lean_out[i]);
	if (status == EXIT_OK && tokidx_out != NULL)
		status = catalog_token_index_file(mem, tokidx_out);
	catalog_free(mem);
	return status;
}

/* An image in memory is read where it lies, not copied page by page
 * into SQLite's page cache. */
static void
in_place(sqlite3 *db)
{
	sqlite3_exec(db, "PRAGMA mmap_size = " CATALOG_MMAP, NULL, NULL, NULL);
}

/* Opens the embedded image read-only, in place: no copy, no file I/O. */
static struct catalog *
open_embedded(int *status)
{
	struct catalog	*cat;
	size_t		 sz;

	*status = EXIT_INTERNAL;
	sz = (size_t)(awsai_catalog_image_end - awsai_catalog_image);
	if (sz == 0) {
		diag_error("this awsai has no embedded catalog: give one with "
		    "--catalog PATH");
		return NULL;
	}
	if ((cat = cat_connect(":memory:", "embedded catalog",
	    SQLITE_OPEN_READWRITE)) == NULL)
		return NULL;
	if (sqlite3_deserialize(cat->db, "main",
	    (unsigned char *)awsai_catalog_image, (sqlite3_int64)sz,
	    (sqlite3_int64)sz, SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		diag_error("cannot open the embedded catalog: %s",
		    sqlite3_errmsg(cat->db));
		catalog_free(cat);
		return NULL;
	}
	in_place(cat->db);
	cat->embedded = 1;
	*status = EXIT_OK;
	return cat;
}

/*
 * A command (ask, list) is about to read the catalog. The embedded one
 * carries the tables it reads again, alone, in an image of their own
 * (build --ask-db, --list-db): opened here, it is where catalog_prep()
 * prepares every statement it can, so that the command parses the schema
 * of six tables, not of the whole catalog (a statement no lean image
 * open serves prepares on the whole). Another catalog, or a failure
 * here, leaves everything on the one.
 */
void
catalog_lean(struct catalog *cat, enum lean which)
{
	static const struct {
		const unsigned char	*start, *end;
	} img[LEAN_N] = {
		[LEAN_ASK] = { awsai_ask_image, awsai_ask_image_end },
		[LEAN_LIST] = { awsai_list_image, awsai_list_image_end },
	};
	size_t	 sz = (size_t)(img[which].end - img[which].start);
	sqlite3	*db = NULL;

	if (cat->lean[which] != NULL || !cat->embedded || sz == 0)
		return;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK || sqlite3_deserialize(db, "main",
	    (unsigned char *)img[which].start, (sqlite3_int64)sz,
	    (sqlite3_int64)sz, SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		sqlite3_close(db);
		return;
	}
	cat->lean[which] = db;
	in_place(cat->lean[which]);
}

/*
 * Opens a .db file made by "awsai build": read whole into memory (never
 * written back, whatever a statement does), then verified.
 */
static struct catalog *
open_db(const char *path, int *status)
{
	struct catalog	*cat;
	unsigned char	*img;
	char		*text;
	size_t		 len;

	*status = EXIT_DATA;
	if (load_read_file(path, CATALOG_MAX_DB, &text, &len) == -1)
		return NULL;
	if ((cat = cat_connect(":memory:", path, SQLITE_OPEN_READWRITE)) ==
	    NULL) {
		free(text);
		return NULL;
	}
	if ((img = sqlite3_malloc64(len > 0 ? len : 1)) == NULL)
		BUG("out of memory");
	memcpy(img, text, len);
	free(text);
	if (sqlite3_deserialize(cat->db, "main", img, (sqlite3_int64)len,
	    (sqlite3_int64)len, SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK) {
		diag_error("cannot open \"%s\": %s", path,
		    sqlite3_errmsg(cat->db));
		catalog_free(cat);
		return NULL;
	}
	in_place(cat->db);
	if (catalog_verify(cat, CATALOG_SCHEMA_VERSION) == -1) {
		catalog_free(cat);
		return NULL;
	}
	*status = EXIT_OK;
	return cat;
}

/*
 * Opens the catalog: the embedded image when path is NULL, else a .db
 * file, a JSON file or a directory of JSON files. Returns NULL (and sets
 * *status) after reporting the problem.
 */
struct catalog *
catalog_open(const char *path, int *status)
{
	size_t	n;

	if (path == NULL)
		return open_embedded(status);
	n = strlen(path);
	if (n < 3 || strcmp(path + n - 3, ".db") != 0)
		return load_json(&path, 1, path, status);
	return open_db(path, status);
}
