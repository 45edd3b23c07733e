/*
 * catalog-svcblock.c: the services as ask loads them before its first
 * question, kept at build time as one blob that is used where it lies,
 * not parsed: a fixed-size record per service (its successor and whole
 * as service orders, whether it is open to new customers and supported,
 * and where its id, layer, status and name start in a pool of
 * NUL-ended strings), so loading costs a check per record instead of a
 * split and parse of each service's text. Every value is little-endian;
 * search-data.c checks each one before it is used.
 *
 *	"SVC1" u32:n  n * { i32 successor, i32 part_of, u32 flags,
 *	                    u32 id, u32 layer, u32 status, u32 name }  pool
 */
#include <endian.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

static const char services_sql[] = "SELECT s.id, s.layer, s.status, "
    "(SELECT x.ord FROM services x WHERE x.id = s.successor), (SELECT "
    "x.ord FROM services x WHERE x.id = s.part_of), s.name, "
    "st.new_customers, st.supported FROM services s JOIN statuses st ON "
    "st.id = s.status ORDER BY s.ord";

static void
put32(struct strbuf *sb, uint32_t v)
{
	v = htole32(v);
	sb_add(sb, (const char *)&v, 4);
}

/* A column as an order, or -1 for NULL. */
static uint32_t
order(sqlite3_stmt *st, int c)
{
	return sqlite3_column_type(st, c) == SQLITE_NULL ? UINT32_MAX :
	    (uint32_t)sqlite3_column_int(st, c);
}

/* Stores the services' blob (SR_SERVICES); 0 or -1. */
int
catalog_cache_services(struct catalog *cat)
{
	sqlite3_stmt	*st = catalog_prep(cat, services_sql, 8);
	struct strbuf	 rec = { 0 }, pool = { 0 };
	uint32_t	 n = 0;
	int		 rc;

	sb_adds(&rec, "SVC1");
	put32(&rec, 0);			/* the count, set below */
	sb_adds(&pool, "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		static const int str[] = { 0, 1, 2, 5 };

		put32(&rec, order(st, 3));
		put32(&rec, order(st, 4));
		put32(&rec, (uint32_t)(sqlite3_column_int(st, 6) != 0) |
		    (uint32_t)(sqlite3_column_int(st, 7) != 0) << 1);
		for (size_t i = 0; i < 4; i++) {
			const char *v = (const char *)sqlite3_column_text(st,
			    str[i]);

			if (v == NULL)
				v = "";
			put32(&rec, (uint32_t)pool.len);
			sb_add(&pool, v, strlen(v) + 1);  /* with its NUL */
		}
		n++;
	}
	sqlite3_reset(st);
	n = htole32(n);
	memcpy(rec.buf + 4, &n, 4);
	sb_add(&rec, pool.buf, pool.len);
	rc = rc == SQLITE_DONE ? catalog_cache_put(cat, SR_SERVICES, "", &rec) :
	    -1;
	sb_release(&rec);
	sb_release(&pool);
	return rc;
}

/*
 * The services' blob, read where SQLite holds it rather than copied
 * (with ten times the services it is 125 KB): b->data and b->len stay
 * valid until catalog_blob_release(b), since b holds the statement
 * that read them, on a step of its own. Returns 0, or -1 if the blob is
 * missing or not a blob (reported).
 */
int
catalog_services(struct catalog *cat, struct catalog_blob *b)
{
	sqlite3		*db = cat->lean[LEAN_ASK] != NULL ?
	    cat->lean[LEAN_ASK] : cat->db;
	sqlite3_stmt	*st = NULL;
	int		 rc;

	memset(b, 0, sizeof(*b));
	if (sqlite3_prepare_v3(db, "SELECT data FROM search_cache WHERE "
	    "kind = ?1 AND key = ''", -1, 0, &st, NULL) != SQLITE_OK)
		BUG("cannot read search_cache: %s", sqlite3_errmsg(db));
	sqlite3_bind_int(st, 1, SR_SERVICES);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return diag_error("%s: the search data is missing (rebuild it "
		    "with \"awsai build\")", catalog_describe(cat));
	}
	if (sqlite3_column_type(st, 0) != SQLITE_BLOB) {
		sqlite3_finalize(st);
		return catalog_search_malformed(cat);
	}
	b->data = sqlite3_column_blob(st, 0);
	b->len = (size_t)sqlite3_column_bytes(st, 0);
	b->st = st;
	return 0;
}

/* Lets go of what catalog_services() lent. */
void
catalog_blob_release(struct catalog_blob *b)
{
	sqlite3_finalize(b->st);
	memset(b, 0, sizeof(*b));
}
