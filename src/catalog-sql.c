/*
 * catalog-sql.c: one read-only SQL statement over the catalog, for
 * "awsai sql" and "awsai schema". An authorizer lets a statement read
 * and call functions and nothing else: writes, ATTACH, transactions,
 * pragmas that change anything and load_extension() are refused when
 * the statement is prepared, whatever file the catalog came from. A
 * progress handler stops a statement that runs past its time, and the
 * rows kept are bounded.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "catalog.h"

#define MAXROWS		200000		/* rows one statement may return */
#define MAXLENGTH	(16 << 20)	/* bytes of one value */
#define HEAPLIMIT	(512LL << 20)	/* SQLite's memory while it runs */

/* What the authorizer and the progress handler share. */
struct guard {
	char		 refused[320];	/* why the statement was refused */
	struct timespec	 deadline;
	long		 timeout_ms;
	int		 vague;	/* refused names the schema table only */
	int		 timed_out;
	int		 interrupted;
};

/* Pragmas that only read: with an argument (a table or index name). */
static const char *const read_pragmas_arg[] = {
	"table_info", "table_xinfo", "index_list", "index_info",
	"index_xinfo", "foreign_key_list", "foreign_key_check",
	"integrity_check", "quick_check", NULL,
};
/* ...and without one. */
static const char *const read_pragmas[] = {
	"application_id", "collation_list", "compile_options",
	"data_version", "database_list", "encoding", "foreign_keys",
	"freelist_count", "function_list", "module_list", "page_count",
	"page_size", "pragma_list", "schema_version", "table_list",
	"user_version", NULL,
};

static int
in_list(const char *const *list, const char *s)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcasecmp(*list, s) == 0)
			return 1;
	return 0;
}

/* What a refused action is, in words. */
static const char *
action_name(int action)
{
	switch (action) {
	case SQLITE_INSERT:
		return "INSERT";
	case SQLITE_UPDATE:
		return "UPDATE";
	case SQLITE_DELETE:
		return "DELETE";
	case SQLITE_ATTACH:
		return "ATTACH";
	case SQLITE_DETACH:
		return "DETACH";
	case SQLITE_TRANSACTION:
		return "a transaction";
	case SQLITE_SAVEPOINT:
		return "SAVEPOINT";
	case SQLITE_ALTER_TABLE:
		return "ALTER TABLE";
	case SQLITE_REINDEX:
		return "REINDEX";
	case SQLITE_ANALYZE:
		return "ANALYZE";
	case SQLITE_DROP_INDEX: case SQLITE_DROP_TABLE:
	case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_TABLE:
	case SQLITE_DROP_TEMP_TRIGGER: case SQLITE_DROP_TEMP_VIEW:
	case SQLITE_DROP_TRIGGER: case SQLITE_DROP_VIEW:
	case SQLITE_DROP_VTABLE:
		return "DROP";
	default:
		return "CREATE";
	}
}

/* The table or index a refused action is on, or NULL. */
static const char *
action_object(int action, const char *a3, const char *a4)
{
	switch (action) {
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
	case SQLITE_TRANSACTION:
	case SQLITE_SAVEPOINT:
		return NULL;
	case SQLITE_ALTER_TABLE:
		return a4;
	default:
		return a3;
	}
}

/* Is table the schema table (a CREATE or DROP writes it first)? */
static int
schema_table(const char *table)
{
	return table != NULL && (strcmp(table, "sqlite_master") == 0 ||
	    strcmp(table, "sqlite_temp_master") == 0 ||
	    strcmp(table, "sqlite_schema") == 0);
}

/*
 * Notes why the statement is refused: the first reason, except that
 * the DROP or CREATE that follows a write to the schema table says it
 * better.
 */
static int
refuse(struct guard *g, const char *what, const char *why, int vague)
{
	if (g->refused[0] == '\0' || (g->vague && !vague)) {
		snprintf(g->refused, sizeof(g->refused), "%s is refused: %s",
		    what, why);
		g->vague = vague;
	}
	return SQLITE_DENY;
}

static int
authorize(void *arg, int action, const char *a3, const char *a4,
    const char *db, const char *trigger)
{
	struct guard	*g = arg;
	const char	*on;
	char		 what[120];

	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_UPDATE:
		/* a table-valued pragma function asks this while only
		 * reading; a real write fails sqlite3_stmt_readonly() */
		if (schema_table(a3))
			return SQLITE_OK;
		break;
	case SQLITE_FUNCTION:
		if (a4 == NULL || strcasecmp(a4, "load_extension") != 0)
			return SQLITE_OK;
		return refuse(g, "load_extension()", "extensions cannot be "
		    "loaded", 0);
	case SQLITE_PRAGMA:
		if ((a4 == NULL && (in_list(read_pragmas, a3) ||
		    in_list(read_pragmas_arg, a3))) ||
		    (a4 != NULL && in_list(read_pragmas_arg, a3)))
			return SQLITE_OK;
		snprintf(what, sizeof(what), "PRAGMA %s%s%s", a3, a4 != NULL ?
		    " = " : "", a4 != NULL ? a4 : "");
		return refuse(g, what, "only pragmas that read are allowed", 0);
	default:
		break;
	}
	if (schema_table(a3))
		return refuse(g, "changing the schema", "the catalog is "
		    "read-only", 1);
	on = action_object(action, a3, a4);
	snprintf(what, sizeof(what), "%s%s%s", action_name(action),
	    on != NULL ? " on " : "", on != NULL ? on : "");
	return refuse(g, what, "the catalog is read-only", 0);
}

/* Stops the statement when its time is up or Ctrl-C came. */
static int
progress(void *arg)
{
	struct guard	*g = arg;
	struct timespec	 now;

	if (cmd_interrupted())
		return g->interrupted = 1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > g->deadline.tv_sec || (now.tv_sec ==
	    g->deadline.tv_sec && now.tv_nsec > g->deadline.tv_nsec))
		return g->timed_out = 1;
	return 0;
}

/* Is the rest of the text after a statement empty (blanks, comments)? */
static int
only_one(sqlite3 *db, const char *tail)
{
	sqlite3_stmt	*st = NULL;
	const char	*next;

	while (tail != NULL && *tail != '\0') {
		if (sqlite3_prepare_v2(db, tail, -1, &st, &next) != SQLITE_OK)
			return 0;
		if (st != NULL) {
			sqlite3_finalize(st);
			return 0;
		}
		if (next == tail)
			break;
		tail = next;
	}
	return 1;
}

/* The columns of st, named uniquely (a JSON object needs that). */
static struct column *
sql_columns(sqlite3_stmt *st, size_t *n)
{
	struct column	*cols;
	struct strmap	 seen = { 0 };
	struct strv	 names = { 0 };

	*n = (size_t)sqlite3_column_count(st);
	cols = xcalloc(*n + 1, sizeof(*cols));
	for (size_t i = 0; i < *n; i++) {
		const char *base = sqlite3_column_name(st, (int)i);
		char *name = base != NULL && *base != '\0' ? xstrdup(base) :
		    xasprintf("column%zu", i + 1);

		for (int k = 2; strmap_get(&seen, name) != NULL; k++) {
			free(name);
			name = xasprintf("%s_%d", base, k);
		}
		strv_push_owned(&names, name);
		strmap_put(&seen, name, 1);
		cols[i].name = name;
		cols[i].kind = CELL_NUM;
		cols[i].flags = COL_NULLABLE;
	}
	strmap_release(&seen);
	free(names.v);		/* the names live on in cols */
	return cols;
}

/* One value into a cell: its text (blobs as X'hex') and its number. */
static void
fill_cell(sqlite3_stmt *st, int i, struct cell *c, struct column *col)
{
	int		 type = sqlite3_column_type(st, i);
	struct strbuf	 sb = { 0 };

	c->null = type == SQLITE_NULL;
	if (type == SQLITE_BLOB) {
		const unsigned char *b = sqlite3_column_blob(st, i);
		int n = sqlite3_column_bytes(st, i);

		sb_adds(&sb, "X'");
		for (int k = 0; k < n; k++)
			sb_addf(&sb, "%02X", b[k]);
		sb_adds(&sb, "'");
		c->s = sb_detach(&sb);
	} else if (type != SQLITE_NULL)
		cell_set(c, (const char *)sqlite3_column_text(st, i));
	c->n = sqlite3_column_double(st, i);
	if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
		col->kind = CELL_STR;
		col->flags = 0;
	}
}

/* Reports why st stopped; the negated exit status. */
static int
sql_failed(struct catalog *cat, const struct guard *g, int rc)
{
	if (g->interrupted)
		return -EXIT_INTERRUPTED;
	if (g->timed_out)
		diag_error("the query ran longer than %.3g s and was stopped "
		    "(a runaway recursive query?); narrow it, add LIMIT, or "
		    "raise --timeout", (double)g->timeout_ms / 1000);
	else if (rc == SQLITE_NOMEM)
		diag_error("the query needs more memory than awsai allows; "
		    "narrow it or add LIMIT");
	else
		diag_error("sql: %s", sqlite3_errmsg(cat->db));
	return -EXIT_USAGE;
}

/* Steps st into res; the rows, or the negated exit status. */
static int
sql_rows(struct catalog *cat, struct guard *g, sqlite3_stmt *st,
    struct result *res, struct column *cols)
{
	int	 rc, rows = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cell *row;

		if (rows == MAXROWS) {
			diag_error("the query returns more than %d rows; add "
			    "LIMIT", MAXROWS);
			return -EXIT_USAGE;
		}
		row = result_row(res);
		for (size_t i = 0; i < res->ncols; i++)
			fill_cell(st, (int)i, &row[i], &cols[i]);
		rows++;
	}
	return rc == SQLITE_DONE ? rows : sql_failed(cat, g, rc);
}

/*
 * Runs the one statement sql (param bound to ?1 if it has one) over
 * the catalog into res, whose columns
 * (*cols, freed with catalog_sql_release()) the statement names; a
 * column of numbers only is numeric. Returns the rows, or the negated
 * exit status after reporting: -EXIT_USAGE for a refused or bad
 * statement or one stopped after timeout_ms, -EXIT_INTERRUPTED.
 */
int
catalog_sql(struct catalog *cat, const char *sql, const char *param,
    long timeout_ms, struct result *res, struct column **cols)
{
	struct guard	 g;
	sqlite3_stmt	*st = NULL;
	const char	*tail, *why;
	sqlite3_int64	 heap = sqlite3_hard_heap_limit64(-1);
	int		 len = sqlite3_limit(cat->db, SQLITE_LIMIT_LENGTH, -1);
	size_t		 n = 0;
	int		 rc;

	memset(&g, 0, sizeof(g));
	g.timeout_ms = timeout_ms;
	clock_gettime(CLOCK_MONOTONIC, &g.deadline);
	g.deadline.tv_sec += timeout_ms / 1000;
	g.deadline.tv_nsec += (timeout_ms % 1000) * 1000000L;
	if (g.deadline.tv_nsec >= 1000000000L) {
		g.deadline.tv_sec++;
		g.deadline.tv_nsec -= 1000000000L;
	}
	*cols = NULL;
	sqlite3_set_authorizer(cat->db, authorize, &g);
	rc = sqlite3_prepare_v2(cat->db, sql, -1, &st, &tail);
	sqlite3_set_authorizer(cat->db, NULL, NULL);
	if (rc != SQLITE_OK || st == NULL) {
		sqlite3_finalize(st);
		if (g.refused[0] != '\0')
			diag_error("%s", g.refused);
		else
			diag_error("sql: %s", rc == SQLITE_OK ? "no statement "
			    "to run" : sqlite3_errmsg(cat->db));
		return -EXIT_USAGE;
	}
	if ((why = !sqlite3_stmt_readonly(st) ? "only statements that read "
	    "are allowed" : !only_one(cat->db, tail) ? "one statement at a "
	    "time" : NULL) != NULL) {
		sqlite3_finalize(st);
		diag_error("sql: %s", why);
		return -EXIT_USAGE;
	}
	if (param != NULL && sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	*cols = sql_columns(st, &n);
	result_init(res, *cols, n);
	sqlite3_limit(cat->db, SQLITE_LIMIT_LENGTH, MAXLENGTH);
	sqlite3_hard_heap_limit64(HEAPLIMIT);
	sqlite3_progress_handler(cat->db, 1000, progress, &g);
	rc = sql_rows(cat, &g, st, res, *cols);
	sqlite3_progress_handler(cat->db, 0, NULL, NULL);
	sqlite3_hard_heap_limit64(heap);
	sqlite3_limit(cat->db, SQLITE_LIMIT_LENGTH, len);
	sqlite3_finalize(st);
	return rc;
}

/* Releases res and the columns catalog_sql() made for it (cols may be
 * NULL: the statement never ran). */
void
catalog_sql_release(struct result *res, struct column *cols)
{
	if (cols == NULL)
		return;
	result_release(res);
	for (size_t i = 0; i < res->ncols; i++)
		free((char *)cols[i].name);
	free(cols);
}
