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
 * The services' blob where it lies in the token index (catalog-tokens.c):
 * with ten times the services it is 125 KB, which SQLite would copy out
 * of its overflow pages: *data, *len bytes, borrowed while cat is open.
 * Returns 0, or -1 if the blob is missing (reported).
 */
int
catalog_services(struct catalog *cat, const char **data, size_t *len)
{
	const unsigned char *blob;

	if (catalog_token_services(cat, &blob, len) == -1)
		return -1;
	if ((*data = (const char *)blob) == NULL)
		return diag_error("%s: the search data is missing (rebuild it "
		    "with \"awsai build\")", catalog_describe(cat));
	return 0;
}
