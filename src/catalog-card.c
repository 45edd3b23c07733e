/*
 * catalog-card.c: a service's card, declared once: each field's name,
 * kind and the SQL that reads it stand side by side, and the card's
 * query is built from this table. `show` prints it, `export -o csv`
 * writes it a row per service.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

#define REL(kind) "(SELECT group_concat(target_id, char(31)) FROM relations " \
	"WHERE service_id = s.id AND kind = '" kind "')"
#define TASKS(lang) "(SELECT group_concat(text, char(31)) FROM (SELECT " \
	"text FROM tasks WHERE service_id = s.id AND lang = '" lang "' " \
	"ORDER BY ord))"

static const struct {
	struct column	 col;
	const char	*sql;
} fields[] = {
	{ { "id", CELL_STR, 0, 0, 0, 0 }, "s.id" },
	{ { "name", CELL_STR, 0, 0, 0, 0 }, "s.name" },
	{ { "aliases", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(alias, "
	    "char(31)) FROM aliases WHERE service_id = s.id)" },
	{ { "layer", CELL_STR, 0, 0, 0, 0 }, "s.layer" },
	{ { "layer_note", CELL_STR, 0, 0, 0, 0 }, "s.layer_note" },
	{ { "usecases", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(usecase_id, "
	    "char(31)) FROM (SELECT usecase_id FROM service_usecases su JOIN "
	    "usecases u ON u.id = su.usecase_id WHERE su.service_id = s.id "
	    "ORDER BY su.weight DESC, u.ord))" },
	{ { "status", CELL_STR, COL_STATUS, 0, 0, 0 }, "s.status" },
	{ { "status_date", CELL_STR, 0, 0, 0, 0 }, "s.status_date" },
	{ { "status_note", CELL_STR, 0, 0, 0, 0 }, "s.status_note" },
	{ { "successor", CELL_STR, 0, 0, 0, 0 }, "s.successor" },
	{ { "part_of", CELL_STR, 0, 0, 0, 0 }, "s.part_of" },
	{ { "summary", CELL_STR, 0, 0, 0, 0 }, "s.summary" },
	{ { "summary_ko", CELL_STR, 0, 0, 0, 0 }, "s.summary_ko" },
	{ { "description", CELL_STR, 0, 0, 0, 0 }, "s.description" },
	{ { "tasks", CELL_LIST, 0, 0, 0, 0 }, TASKS("en") },
	{ { "tasks_ko", CELL_LIST, 0, 0, 0, 0 }, TASKS("ko") },
	{ { "alternatives", CELL_LIST, 0, 0, 0, 0 }, REL("alternative") },
	{ { "complements", CELL_LIST, 0, 0, 0, 0 }, REL("complements") },
	{ { "parts", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(service_id, "
	    "char(31)) FROM relations WHERE target_id = s.id AND kind = "
	    "'part-of')" },
	{ { "specs", CELL_LIST, 0, 0, 0, 0 }, "NULL" },
	{ { "models", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(line, char(31)) "
	    "FROM (SELECT name || ': end of life ' || eol AS line FROM "
	    "service_models WHERE service_id = s.id ORDER BY ord))" },
	{ { "third_party", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(line, "
	    "char(31)) FROM (SELECT fact || ': ' || ifnull(note || ' ', '') || "
	    "'<' || source || '>' AS line FROM third_party WHERE service_id = "
	    "s.id ORDER BY rowid))" },
	{ { "cli", CELL_STR, 0, 0, 0, 0 }, "s.cli" },
	{ { "docs", CELL_STR, 0, 0, 0, 0 }, "s.docs" },
	{ { "sources", CELL_LIST, 0, 0, 0, 0 }, "(SELECT group_concat(url, char(31)) "
	    "FROM sources WHERE service_id = s.id)" },
	{ { "as_of", CELL_STR, 0, 0, 0, 0 }, "s.as_of" },
};

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define SUCCESSOR 9
#define SPECS 19

static struct column columns[NFIELDS];

/* The card's columns, in order (borrowed, for the program's life). */
const struct column *
catalog_card_columns(size_t *n)
{
	if (columns[0].name == NULL)
		for (size_t i = 0; i < NFIELDS; i++)
			columns[i] = fields[i].col;
	*n = NFIELDS;
	return columns;
}

/* The card's query, built once from the field table. */
static const char *
card_sql(int all)
{
	static char	*sql[2];
	struct strbuf	 sb = { 0 };

	if (sql[all] != NULL)
		return sql[all];
	sb_adds(&sb, "SELECT ");
	for (size_t i = 0; i < NFIELDS; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", fields[i].sql);
	sb_adds(&sb, all ? " FROM services s ORDER BY s.ord" :
	    " FROM services s WHERE s.id = ?1");
	return sql[all] = sb_detach(&sb);
}

/*
 * Appends before, a number as the card shows it (whole, or with up to 4
 * digits), then after; nothing if the column is NULL.
 */
static void
add_num(struct strbuf *sb, const char *before, sqlite3_stmt *st, int col,
    const char *after)
{
	double	v = sqlite3_column_double(st, col);

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return;
	if (v == (double)(long long)v)
		sb_addf(sb, "%s%lld%s", before, (long long)v, after);
	else
		sb_addf(sb, "%s%.4g%s", before, v, after);
}

/* An instance family's specs as card lines ("accelerator: 8 x ..."). */
static void
card_specs(struct catalog *cat, const char *id, struct strv *lines)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT family, largest, "
	    "vendor, accelerator, accelerators, accelerator_memory_gib, vcpus, "
	    "memory_gib, network_gbps, interconnect, generation, (SELECT "
	    "group_concat(use, ', ') FROM (SELECT u.use FROM instance_uses u "
	    "JOIN spec_uses su ON su.id = u.use WHERE u.service_id = ?1 "
	    "ORDER BY su.ord)) FROM instance_specs WHERE service_id = ?1", 12);
	struct strbuf	 sb = { 0 };
	const char	*t[12];

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		return;
	for (int i = 0; i < 12; i++)
		t[i] = (const char *)sqlite3_column_text(st, i);
	sb_addf(&sb, "family: %s (%s generation)", t[0] ? t[0] : "?",
	    t[10] ? t[10] : "?");
	strv_push_owned(lines, sb_detach(&sb));
	if (t[3] != NULL) {
		add_num(&sb, "accelerators: ", st, 4, " x ");
		sb_addf(&sb, "%s%s%s", t[2] ? t[2] : "", t[2] ? " " : "", t[3]);
		add_num(&sb, ", ", st, 5, " GiB each");
		strv_push_owned(lines, sb_detach(&sb));
	}
	if (t[1] != NULL) {
		sb_addf(&sb, "largest: %s", t[1]);
		add_num(&sb, ", ", st, 6, " vCPUs");
		add_num(&sb, ", ", st, 7, " GiB memory");
		strv_push_owned(lines, sb_detach(&sb));
	}
	add_num(&sb, "network: ", st, 8, " Gbps");
	if (t[9] != NULL)
		sb_addf(&sb, "%s%s", sb.len ? "; " : "interconnect: ", t[9]);
	if (sb.len > 0)
		strv_push_owned(lines, sb_detach(&sb));
	if (t[11] != NULL)
		strv_push_owned(lines, xasprintf("use: %s", t[11]));
	sqlite3_reset(st);
}

/*
 * Adds one service's card (id), or with id NULL every service's, to res,
 * whose columns are catalog_card_columns(). In the card the successor
 * reads "id (Name)". Returns the number of rows, or -1.
 */
int
catalog_card(struct catalog *cat, const char *id, struct result *res)
{
	size_t	 first = res->nrows;
	int	 n;
	char	*name;

	if (strcmp(fields[SUCCESSOR].col.name, "successor") != 0 ||
	    strcmp(fields[SPECS].col.name, "specs") != 0)
		BUG("the card's successor or specs field moved");
	n = catalog_fill_rows(cat, card_sql(id == NULL), &id, id != NULL, res);
	for (size_t r = first; id != NULL && r < res->nrows; r++) {
		struct cell *c = &res->cells[r * res->ncols + SUCCESSOR];

		if (c->s == NULL || catalog_one_text(cat, "SELECT name FROM "
		    "services WHERE id = ?1", c->s, &name) != 1)
			continue;
		if (name != NULL) {
			char *both = xasprintf("%s (%s)", c->s, name);

			free(c->s);
			c->s = both;
		}
		free(name);
	}
	for (size_t r = first; id != NULL && r < res->nrows; r++)
		card_specs(cat, id, &res->cells[r * res->ncols + SPECS].list);
	return n;
}
