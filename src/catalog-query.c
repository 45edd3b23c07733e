/*
 * catalog-query.c: the catalog's answers to the commands: listings,
 * cards, records, the glossary, lookups of a name a person typed. Each
 * query fills a result whose columns it declares beside its SQL, and the
 * column count is checked when the statement is prepared.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Runs sql with the text parameters params (NULL binds SQL NULL) and adds
 * a row to res for every result row, column by column: CELL_LIST columns
 * come as strings joined by U+001F. Returns the number of rows, or -1.
 */
int
catalog_fill_rows(struct catalog *cat, const char *sql,
    const char *const *params, size_t nparams, struct result *res)
{
	sqlite3_stmt	*st = catalog_prep(cat, sql, (int)res->ncols);
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
				row[c].null = sqlite3_column_type(st, (int)c) ==
				    SQLITE_NULL;
				cell_setn(&row[c],
				    sqlite3_column_double(st, (int)c));
				continue;
			}
			if ((s = (const char *)sqlite3_column_text(st,
			    (int)c)) == NULL)
				continue;
			if (res->cols[c].kind != CELL_LIST) {
				cell_set(&row[c], s);
				continue;
			}
			for (p = s; *p != '\0'; p = *q ? q + 1 : q) {
				if ((q = strchr(p, '\x1f')) == NULL)
					q = p + strlen(p);
				strv_push_owned(&row[c].list,
				    xstrndup(p, (size_t)(q - p)));
			}
		}
		rows++;
	}
	if (rc != SQLITE_DONE)
		return catalog_db_error(cat, "cannot read the catalog");
	return rows;
}

/* Copies the first column of the first row of sql into *out (or NULL). */
int
catalog_one_text(struct catalog *cat, const char *sql, const char *param,
    char **out)
{
	sqlite3_stmt	*st = catalog_prep(cat, sql, -1);
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
		return catalog_db_error(cat, "cannot read the catalog");
	return 0;
}

/* Sets *out to the meta value for key (caller frees). */
int
catalog_meta(struct catalog *cat, const char *key, char **out)
{
	return catalog_one_text(cat, "SELECT value FROM meta WHERE key = ?1",
	    key, out);
}

/* The SQL of each kind of value a person can name, for the functions below. */
static const struct {
	const char	*kind;
	const char	*has;		/* one row if ?1 is such a value */
	const char	*all;		/* every value, in order */
	const char	*count;
} kinds[] = {
	{ "layer", "SELECT id FROM layers WHERE id = ?1",
	    "SELECT id FROM layers ORDER BY ord",
	    "SELECT count(*) FROM layers" },
	{ "usecase", "SELECT id FROM usecases WHERE id = ?1",
	    "SELECT id FROM usecases ORDER BY ord",
	    "SELECT count(*) FROM usecases" },
	{ "status", "SELECT id FROM statuses WHERE id = ?1 UNION ALL "
	    "SELECT 'active' WHERE ?1 = 'active'",
	    "SELECT id FROM (SELECT id FROM statuses ORDER BY ord) UNION ALL "
	    "SELECT 'active'",
	    "SELECT count(*) FROM statuses" },
	{ "name", NULL, "SELECT id FROM services UNION ALL SELECT name FROM "
	    "services UNION ALL SELECT alias FROM aliases", NULL },
	{ "services", NULL, NULL, "SELECT count(*) FROM services" },
	{ "term", NULL, "SELECT name FROM glossary_names",
	    "SELECT count(*) FROM glossary" },
	{ "glossary", NULL, NULL, "SELECT count(*) FROM glossary" },
	{ "kind", "SELECT id FROM capability_kinds WHERE id = ?1",
	    "SELECT id FROM capability_kinds ORDER BY ord",
	    "SELECT count(*) FROM capability_kinds" },
	{ "capabilities", NULL, NULL, "SELECT count(*) FROM capabilities" },
	{ "use", NULL, "SELECT id FROM spec_uses ORDER BY ord", NULL },
	{ "generation", NULL, "SELECT id FROM spec_generations ORDER BY ord",
	    NULL },
	/* the English cues, whose words typos are corrected to */
	{ "cue", NULL, "SELECT cue FROM capability_cues WHERE lang = 'en'",
	    NULL },
};

static size_t
kind_index(const char *kind, int want)
{
	for (size_t i = 0; i < NELEM(kinds); i++)
		if (strcmp(kinds[i].kind, kind) == 0 && (want != 1 ||
		    kinds[i].has) && (want != 2 || kinds[i].all) &&
		    (want != 3 || kinds[i].count))
			return i;
	BUG("no query for \"%s\"", kind);
}

/* Counts the values of kind ("services", "glossary", "layer", ...). */
int
catalog_count(struct catalog *cat, const char *kind)
{
	sqlite3_stmt	*st = catalog_prep(cat, kinds[kind_index(kind, 3)].count,
	    1);

	if (sqlite3_step(st) != SQLITE_ROW)
		return catalog_db_error(cat, "cannot read the catalog");
	return sqlite3_column_int(st, 0);
}

/* Is v a value of kind ("layer", "usecase", "status")? */
int
catalog_has(struct catalog *cat, const char *kind, const char *v)
{
	char	*out;
	int	 rc;

	rc = catalog_one_text(cat, kinds[kind_index(kind, 1)].has, v, &out);
	free(out);
	return rc == 1;
}

/* Adds every value of kind ("layer", "usecase", "status", "name", "term",
 * "cue"...). */
int
catalog_values(struct catalog *cat, const char *kind, struct strv *sv)
{
	sqlite3_stmt	*st = catalog_prep(cat, kinds[kind_index(kind, 2)].all,
	    1);
	const char	*s;
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((s = (const char *)sqlite3_column_text(st, 0)) != NULL)
			strv_push(sv, s);
	if (rc != SQLITE_DONE)
		return catalog_db_error(cat, "cannot read the catalog");
	return 0;
}

/* Adds the ids of services whose id, name or alias starts with word. */
static void
prefix_matches(struct catalog *cat, const char *word, struct strv *found)
{
	static const char prefix[] =
	    "SELECT DISTINCT s.id FROM services s LEFT JOIN aliases a "
	    "ON a.service_id = s.id WHERE substr(lower(s.id), 1, length(?1)) "
	    "= lower(?1) OR substr(lower(s.name), 1, length(?1)) = lower(?1) "
	    "OR substr(lower(s.name), 8, length(?1)) = lower(?1) "
	    "OR substr(lower(s.name), 5, length(?1)) = lower(?1) "
	    "OR substr(lower(a.alias), 1, length(?1)) = lower(?1) "
	    "ORDER BY s.id";
	sqlite3_stmt	*st = catalog_prep(cat, prefix, 1);
	const char	*s;

	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((s = (const char *)sqlite3_column_text(st, 0)) != NULL)
			strv_push(found, s);
}

/*
 * Of several services a prefix names, the one all the others are parts
 * of ("rek": Rekognition, not its features), or NULL (caller frees).
 */
static char *
whole_of(struct catalog *cat, const struct strv *found)
{
	char	*part_of;

	for (size_t i = 0; i < found->n; i++) {
		size_t k;

		for (k = 0; k < found->n; k++) {
			if (k == i)
				continue;
			if (catalog_one_text(cat, "SELECT part_of FROM services "
			    "WHERE id = ?1", found->v[k], &part_of) != 1 ||
			    part_of == NULL || strcmp(part_of, found->v[i]) != 0) {
				free(part_of);
				break;
			}
			free(part_of);
		}
		if (k == found->n)
			return xstrdup(found->v[i]);
	}
	return NULL;
}

/* Adds to suggest the ids of up to three names nearest to word. */
static void
nearest(struct catalog *cat, const char *word, struct strv *suggest)
{
	struct strv	 all = { 0 }, none = { 0 };
	const char	*best[3];

	catalog_values(cat, "name", &all);
	util_suggest(word, (const char *const *)all.v, all.n, best, 3);
	for (size_t i = 0; i < 3 && best[i] != NULL; i++) {
		char	*sid = catalog_resolve(cat, best[i], &none);
		int	 dup = 0;

		for (size_t k = 0; sid != NULL && k < suggest->n; k++)
			dup |= strcmp(suggest->v[k], sid) == 0;
		if (sid != NULL && !dup)
			strv_push(suggest, sid);
		free(sid);
	}
	strv_release(&none);
	strv_release(&all);
}

/* Is id a service's id (exactly)? */
int
catalog_has_service(struct catalog *cat, const char *id)
{
	char	*out = NULL;
	int	 rc = catalog_one_text(cat, "SELECT id FROM services WHERE id = "
	    "?1", id, &out);

	free(out);
	return rc == 1;
}

/* The id of the service whose id, name or alias is exactly word, or NULL. */
char *
catalog_lookup(struct catalog *cat, const char *word)
{
	static const char exact[] =
	    "SELECT id FROM services WHERE id = ?1 COLLATE NOCASE "
	    "OR name = ?1 UNION "
	    "SELECT service_id FROM aliases WHERE alias = ?1";
	char	*id = NULL;

	if (catalog_one_text(cat, exact, word, &id) != 1) {
		free(id);
		return NULL;
	}
	return id;
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
	struct strv	 found = { 0 };
	char		*id;

	if ((id = catalog_lookup(cat, word)) != NULL)
		return id;
	prefix_matches(cat, word, &found);
	if (found.n > 1 && strlen(word) >= 2)
		id = whole_of(cat, &found);
	if (id != NULL)
		;	/* the whole the other matches are parts of */
	else if (found.n == 1 && strlen(word) >= 2)
		id = xstrdup(found.v[0]);
	else if (found.n > 1 && strlen(word) >= 2)
		for (size_t i = 0; i < found.n && i < 3; i++)
			strv_push(suggest, found.v[i]);
	else
		nearest(cat, word, suggest);
	strv_release(&found);
	return id;
}

#define UC_LIST(sid) \
	"(SELECT usecases FROM service_uclists WHERE service_id = " sid ")"

/* Every service with its fields, in catalog order, for export -o csv. */
const struct column export_columns[] = {
	{ "id", CELL_STR, 0, 0, 0, 0 },
	{ "name", CELL_STR, 0, 0, 0, 0 },
	{ "aliases", CELL_LIST, 0, 0, 0, 0 },
	{ "layer", CELL_STR, 0, 0, 0, 0 },
	{ "usecases", CELL_LIST, 0, 0, 0, 0 },
	{ "status", CELL_STR, 0, 0, 0, 0 },
	{ "status_date", CELL_STR, 0, 0, 0, 0 },
	{ "successor", CELL_STR, 0, 0, 0, 0 },
	{ "part_of", CELL_STR, 0, 0, 0, 0 },
	{ "cli", CELL_STR, 0, 0, 0, 0 },
	{ "docs", CELL_STR, 0, 0, 0, 0 },
	{ "as_of", CELL_STR, 0, 0, 0, 0 },
	{ "summary", CELL_STR, 0, 0, 0, 0 },
	{ "summary_ko", CELL_STR, 0, 0, 0, 0 },
	{ "description", CELL_STR, 0, 0, 0, 0 },
};
const size_t export_ncolumns = NELEM(export_columns);

int
catalog_export_rows(struct catalog *cat, struct result *res)
{
	static const char sql[] =
	    "SELECT s.id, s.name, (SELECT group_concat(alias, char(31)) FROM "
	    "(SELECT alias FROM aliases WHERE service_id = s.id ORDER BY "
	    "rowid)), s.layer, " UC_LIST("s.id") ", s.status, s.status_date, "
	    "s.successor, s.part_of, s.cli, s.docs, s.as_of, s.summary, "
	    "s.summary_ko, s.description FROM services s ORDER BY s.ord";

	return catalog_fill_rows(cat, sql, NULL, 0, res);
}

/* Lists services, filtered by layer, use case and status (NULL: any). */
int
catalog_list(struct catalog *cat, const struct filter *f, struct result *res)
{
	static const char sql[] =
	    "SELECT s.id, s.name, s.layer, " UC_LIST("s.id") ", s.status, "
	    "s.successor, s.part_of, sp.accelerator, sp.accelerators, "
	    "sp.accelerator_memory_gib, s.summary FROM services s "
	    "LEFT JOIN instance_specs sp ON sp.service_id = s.id "
	    "WHERE (?1 IS NULL OR s.layer = ?1) AND (?2 IS NULL OR EXISTS "
	    "(SELECT 1 FROM service_usecases WHERE service_id = s.id AND "
	    "usecase_id = ?2)) AND (?3 IS NULL OR s.status = ?3 OR (?3 = "
	    "'active' AND (SELECT new_customers FROM statuses WHERE id = "
	    "s.status))) ORDER BY s.list_ord";
	const char	*p[] = { f->layer, f->usecase, f->status };

	return catalog_fill_rows(cat, sql, p, NELEM(p), res);
}

/*
 * The services of each layer, by layer and catalog order, for stack:
 * layer, id, name, short name (no "Amazon " or "AWS ", no " instances"),
 * status.
 */
int
catalog_stack(struct catalog *cat, const struct filter *f, struct result *res)
{
	static const char sql[] =
	    "SELECT layer, id, name, CASE WHEN b GLOB 'EC2 * instances' THEN "
	    "substr(b, 1, length(b) - 10) ELSE b END, status FROM (SELECT "
	    "s.*, l.ord AS lord, CASE WHEN s.name GLOB 'Amazon ?*' THEN "
	    "substr(s.name, 8) WHEN s.name GLOB 'AWS ?*' THEN substr(s.name, "
	    "5) ELSE s.name END AS b FROM services s JOIN layers l ON l.id = "
	    "s.layer WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM "
	    "service_usecases WHERE service_id = s.id AND usecase_id = ?1)) "
	    "ORDER BY lord, ord";
	const char	*p[] = { f->usecase };

	return catalog_fill_rows(cat, sql, p, NELEM(p), res);
}

/*
 * The edges of the graph of the services f selects (by layer and use
 * case): use case -> service, service -> layer, service -> successor,
 * part -> whole. Columns: graph_columns.
 */
int
catalog_graph(struct catalog *cat, const struct filter *f, struct result *res)
{
	static const char sql[] =
	    "WITH sel AS (SELECT * FROM services s WHERE (?1 IS NULL OR "
	    "s.layer = ?1) AND (?2 IS NULL OR EXISTS (SELECT 1 FROM "
	    "service_usecases WHERE service_id = s.id AND usecase_id = ?2))) "
	    "SELECT rel, fk, fid, fname, fst, tk, tid, tname, tst FROM ("
	    "SELECT 1 AS b, u.ord AS o1, s.ord AS o2, 'usecase' AS rel, "
	    "'usecase' AS fk, u.id AS fid, u.name AS fname, NULL AS fst, "
	    "'service' AS tk, s.id AS tid, s.name AS tname, s.status AS tst "
	    "FROM sel s JOIN service_usecases su ON su.service_id = s.id "
	    "JOIN usecases u ON u.id = su.usecase_id WHERE ?2 IS NULL OR "
	    "u.id = ?2 "
	    "UNION ALL SELECT 2, s.ord, 0, 'layer', 'service', s.id, s.name, "
	    "s.status, 'layer', l.id, l.name, NULL FROM sel s JOIN layers l "
	    "ON l.id = s.layer "
	    "UNION ALL SELECT 3, s.ord, 0, 'successor', 'service', s.id, "
	    "s.name, s.status, 'service', t.id, t.name, t.status FROM sel s "
	    "JOIN services t ON t.id = s.successor "
	    "UNION ALL SELECT 4, s.ord, 0, 'part-of', 'service', s.id, "
	    "s.name, s.status, 'service', t.id, t.name, t.status FROM sel s "
	    "JOIN services t ON t.id = s.part_of) ORDER BY b, o1, o2";
	const char	*p[] = { f->layer, f->usecase };

	return catalog_fill_rows(cat, sql, p, NELEM(p), res);
}

int
catalog_layers(struct catalog *cat, const struct filter *f,
    struct result *res)
{
	static const char sql[] =
	    "SELECT l.id, l.name, l.name_ko, (SELECT count(*) FROM services "
	    "WHERE layer = l.id), l.summary FROM layers l ORDER BY l.ord";

	(void)f;
	return catalog_fill_rows(cat, sql, NULL, 0, res);
}

int
catalog_usecases(struct catalog *cat, const struct filter *f,
    struct result *res)
{
	static const char sql[] =
	    "SELECT u.id, u.name, u.name_ko, (SELECT count(*) FROM "
	    "service_usecases WHERE usecase_id = u.id), u.summary "
	    "FROM usecases u ORDER BY u.ord";

	(void)f;
	return catalog_fill_rows(cat, sql, NULL, 0, res);
}

/* Returns the source record of service id as JSON text (caller frees). */
char *
catalog_record(struct catalog *cat, const char *id)
{
	char	*out = NULL;

	catalog_one_text(cat, "SELECT r.record FROM services s JOIN "
	    "source_records r ON r.section = 'services' AND r.ord = s.ord "
	    "WHERE s.id = ?1", id, &out);
	return out;
}

/*
 * Glossary: with f->term NULL, every entry; else the entries whose id,
 * term or alias is the term (case-insensitive), or failing that starts
 * with it.
 */
int
catalog_glossary(struct catalog *cat, const struct filter *f,
    struct result *res)
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
	const char	*p[2] = { f->term, "0" };
	int		 n;

	if ((n = catalog_fill_rows(cat, sql, p, 2, res)) != 0 ||
	    f->term == NULL)
		return n;
	p[1] = "1";
	return catalog_fill_rows(cat, sql, p, 2, res);
}

/* Stages or roles (f->kind), each with its services' names. */
int
catalog_groups(struct catalog *cat, const struct filter *f,
    struct result *res)
{
	static const char sql[] =
	    "SELECT g.id, g.name, g.name_ko, (SELECT group_concat(name, "
	    "char(31)) FROM (SELECT s.name FROM group_services gs JOIN "
	    "services s ON s.id = gs.service_id WHERE gs.kind = g.kind AND "
	    "gs.group_id = g.id ORDER BY gs.ord)), g.summary FROM groups g "
	    "WHERE g.kind = ?1 ORDER BY g.ord, g.id";

	return catalog_fill_rows(cat, sql, &f->kind, 1, res);
}

/* Each layer's id and how many services it has, in order. */
int
catalog_layer_counts(struct catalog *cat, const struct filter *f,
    struct result *res)
{
	(void)f;
	return catalog_fill_rows(cat, "SELECT l.id, (SELECT count(*) FROM "
	    "services WHERE layer = l.id) FROM layers l ORDER BY l.ord", NULL,
	    0, res);
}

/* Each status's id and how many services have it, in order. */
int
catalog_status_counts(struct catalog *cat, const struct filter *f,
    struct result *res)
{
	(void)f;
	return catalog_fill_rows(cat, "SELECT st.id, (SELECT count(*) FROM "
	    "services WHERE status = st.id) FROM statuses st ORDER BY st.ord",
	    NULL, 0, res);
}

/*
 * Adds the values a person can type for kind, each with a one-line
 * description, for completion: "layer", "usecase", "status" (id, name),
 * "service" (id, name), "name" (names and aliases, the official name),
 * "term" (glossary names, the term), "answer:SLOT" (the answers choose
 * takes for that slot, the label); with prefix, only the values that
 * start with it (ASCII letters in either case). Returns 0 or -1.
 */
int
catalog_choices(struct catalog *cat, const char *kind, const char *prefix,
    struct strv *words, struct strv *descs)
{
	/* ?1 a prefix, or NULL; the ranges on ids (lower case) and on
	 * NOCASE names read only the rows that start with it, through
	 * their indexes */
#define FROM(col, p)	" (?1 IS NULL OR (" col " >= " p " AND " col " < " p \
	    " || char(1114111)))"
	static const char *const sqls[][2] = {
		{ "layer", "SELECT id, name FROM layers ORDER BY ord" },
		{ "usecase", "SELECT id, name FROM usecases ORDER BY ord" },
		{ "status", "SELECT id, name FROM statuses ORDER BY ord" },
		{ "service", "SELECT id, name FROM services WHERE"
		    FROM("id", "lower(?1)") " ORDER BY ord" },
		{ "name", "SELECT name, name FROM services WHERE" FROM("name",
		    "?1") " UNION ALL SELECT a.alias, s.name FROM aliases a JOIN "
		    "services s ON s.id = a.service_id WHERE" FROM("a.alias",
		    "?1") },
		{ "term", "SELECT n.name, g.term FROM glossary_names n JOIN "
		    "glossary g ON g.id = n.glossary_id" },
	};
#undef FROM
	sqlite3_stmt	*st = NULL;
	const char	*w, *d;
	int		 rc;

	for (size_t i = 0; i < NELEM(sqls); i++)
		if (strcmp(sqls[i][0], kind) == 0 && (st = catalog_prep(cat,
		    sqls[i][1], 2)) != NULL && prefix != NULL &&
		    sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	if (strncmp(kind, "answer:", 7) == 0 && (st = catalog_prep(cat,
	    "SELECT a.id, min(a.label) FROM answers a JOIN questions q ON "
	    "q.id = a.question_id WHERE q.slot = ?1 GROUP BY a.id ORDER BY "
	    "min(q.ord * 1000 + a.ord)", 2)) != NULL)
		sqlite3_bind_text(st, 1, kind + 7, -1, SQLITE_TRANSIENT);
	if (st == NULL)
		BUG("no choices for \"%s\"", kind);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		w = (const char *)sqlite3_column_text(st, 0);
		d = (const char *)sqlite3_column_text(st, 1);
		if (w == NULL || (prefix != NULL && strncasecmp(w, prefix,
		    strlen(prefix)) != 0))
			continue;
		strv_push(words, w);
		strv_push(descs, d != NULL ? d : "");
	}
	return rc == SQLITE_DONE ? 0 :
	    catalog_db_error(cat, "cannot read the catalog");
}

/*
 * The services related to id, each with its relation: its successor and
 * predecessors, the whole it is part of and its parts, alternatives and
 * complements either way round. Columns: relation, id, name, layer,
 * status.
 */
int
catalog_related(struct catalog *cat, const char *id, struct result *res)
{
	static const char sql[] =
	    "WITH r(rel, ord, sid) AS ("
	    " SELECT 'successor', 1, successor FROM services WHERE id = ?1"
	    " UNION SELECT 'predecessor', 2, id FROM services"
	    "  WHERE successor = ?1"
	    " UNION SELECT 'part of', 3, part_of FROM services WHERE id = ?1"
	    " UNION SELECT 'part', 4, id FROM services WHERE part_of = ?1"
	    " UNION SELECT 'alternative', 5, target_id FROM relations"
	    "  WHERE service_id = ?1 AND kind = 'alternative'"
	    " UNION SELECT 'alternative', 5, service_id FROM relations"
	    "  WHERE target_id = ?1 AND kind = 'alternative'"
	    " UNION SELECT 'complement', 6, target_id FROM relations"
	    "  WHERE service_id = ?1 AND kind = 'complements'"
	    " UNION SELECT 'complement', 6, service_id FROM relations"
	    "  WHERE target_id = ?1 AND kind = 'complements')"
	    " SELECT r.rel, s.id, s.name, s.layer, s.status FROM r"
	    " JOIN services s ON s.id = r.sid"
	    " GROUP BY s.id HAVING min(r.ord) = r.ord"
	    " ORDER BY r.ord, s.ord";

	return catalog_fill_rows(cat, sql, &id, 1, res);
}
