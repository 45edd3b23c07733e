/*
 * catalog-export.c: the catalog back in its source format, one JSON
 * document with every section: the records as they were written (kept
 * at build time in source_records), in catalog
 * order, so that a catalog built from the export is the same catalog.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* Appends section's records to doc; 0, or -1 after reporting. */
static int
add_section(struct catalog *cat, json_t *doc, const char *section)
{
	sqlite3_stmt	*st;
	json_t		*arr = json_array(), *rec;
	json_error_t	 err;
	int		 rc, meta = strcmp(section, "meta") == 0;

	st = catalog_prep(cat, "SELECT record FROM source_records "
	    "WHERE section = ?1 ORDER BY ord", 1);
	sqlite3_bind_text(st, 1, section, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);

		if (text == NULL || (rec = json_loads(text, 0, &err)) == NULL) {
			json_decref(arr);
			sqlite3_reset(st);
			return diag_error("%s: a %s record is not JSON: the "
			    "catalog is damaged", catalog_describe(cat),
			    section);
		}
		json_array_append_new(arr, rec);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		return catalog_db_error(cat, "cannot read the catalog");
	}
	if (json_array_size(arr) > 0)
		json_object_set(doc, section, meta ? json_array_get(arr, 0) :
		    arr);
	json_decref(arr);
	return 0;
}

/*
 * Writes the whole catalog to fp as one JSON document in the source
 * format of catalog/. Returns 0, or -1 after reporting.
 */
int
catalog_export_json(struct catalog *cat, FILE *fp)
{
	json_t	*doc = json_object();
	int	 rc = 0;

	for (size_t i = 0; rc == 0 && load_section(i) != NULL; i++)
		rc = add_section(cat, doc, load_section(i));
	if (rc == 0 && json_dumpf(doc, fp, JSON_INDENT(2) |
	    JSON_REAL_PRECISION(15)) == 0)
		fputc('\n', fp);
	json_decref(doc);
	return rc;
}
