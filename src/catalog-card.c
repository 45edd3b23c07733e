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
	{ { "id", CELL_STR, 0 }, "s.id" },
	{ { "name", CELL_STR, 0 }, "s.name" },
	{ { "aliases", CELL_LIST, 0 }, "(SELECT group_concat(alias, "
	    "char(31)) FROM aliases WHERE service_id = s.id)" },
	{ { "layer", CELL_STR, 0 }, "s.layer" },
	{ { "layer_note", CELL_STR, 0 }, "s.layer_note" },
	{ { "usecases", CELL_LIST, 0 }, "(SELECT group_concat(usecase_id, "
	    "char(31)) FROM (SELECT usecase_id FROM service_usecases su JOIN "
	    "usecases u ON u.id = su.usecase_id WHERE su.service_id = s.id "
	    "ORDER BY su.weight DESC, u.ord))" },
	{ { "status", CELL_STR, COL_STATUS }, "s.status" },
	{ { "status_date", CELL_STR, 0 }, "s.status_date" },
	{ { "status_note", CELL_STR, 0 }, "s.status_note" },
	{ { "successor", CELL_STR, 0 }, "s.successor" },
	{ { "part_of", CELL_STR, 0 }, "s.part_of" },
	{ { "summary", CELL_STR, 0 }, "s.summary" },
	{ { "summary_ko", CELL_STR, 0 }, "s.summary_ko" },
	{ { "description", CELL_STR, 0 }, "s.description" },
	{ { "tasks", CELL_LIST, 0 }, TASKS("en") },
	{ { "tasks_ko", CELL_LIST, 0 }, TASKS("ko") },
	{ { "alternatives", CELL_LIST, 0 }, REL("alternative") },
	{ { "complements", CELL_LIST, 0 }, REL("complements") },
	{ { "parts", CELL_LIST, 0 }, "(SELECT group_concat(service_id, "
	    "char(31)) FROM relations WHERE target_id = s.id AND kind = "
	    "'part-of')" },
	{ { "cli", CELL_STR, 0 }, "s.cli" },
	{ { "docs", CELL_STR, 0 }, "s.docs" },
	{ { "sources", CELL_LIST, 0 }, "(SELECT group_concat(url, char(31)) "
	    "FROM sources WHERE service_id = s.id)" },
	{ { "as_of", CELL_STR, 0 }, "s.as_of" },
};

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define SUCCESSOR 9

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
 * Adds one service's card (id), or with id NULL every service's, to res,
 * whose columns are catalog_card_columns(). In the card the successor
 * reads "id (Name)". Returns the number of rows, or -1.
 */
int
catalog_card(struct catalog *cat, const char *id, struct result *res)
{
	int	 n;
	char	*name;

	if (strcmp(fields[SUCCESSOR].col.name, "successor") != 0)
		BUG("the card's successor field moved");
	n = catalog_fill_rows(cat, card_sql(id == NULL), &id, id != NULL, res);
	for (size_t r = 0; id != NULL && r < res->nrows; r++) {
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
	return n;
}
