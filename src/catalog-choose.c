/*
 * catalog-choose.c: the questions of "awsai choose", read from the
 * catalog one at a time with their answers.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* A column's text, copied, or NULL. */
static char *
col_dup(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? xstrdup(s) : NULL;
}

/*
 * Reads question id (the first question when id is NULL) into q.
 * Returns 1, 0 when there is no such question, or -1 on error.
 */
int
catalog_question(struct catalog *cat, const char *id, struct ch_question *q)
{
	sqlite3_stmt	*st;
	struct ch_answer	*a;
	int		 rc;

	memset(q, 0, sizeof(*q));
	st = catalog_prep(cat, "SELECT id, slot, text, text_ko FROM questions "
	    "WHERE ?1 IS NULL OR id = ?1 ORDER BY ord LIMIT 1", 4);
	if (id != NULL)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 :
		    catalog_db_error(cat, "cannot read the questions");
	q->id = col_dup(st, 0);
	q->slot = col_dup(st, 1);
	q->text = col_dup(st, 2);
	q->text_ko = col_dup(st, 3);
	st = catalog_prep(cat, "SELECT id, label, label_ko, layer, usecase, "
	    "query, next, lifecycle FROM answers WHERE question_id = ?1 "
	    "ORDER BY ord", 8);
	sqlite3_bind_text(st, 1, q->id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		q->answers = xrealloc(q->answers, (q->nanswers + 1) *
		    sizeof(*q->answers));
		a = &q->answers[q->nanswers++];
		a->id = col_dup(st, 0);
		a->label = col_dup(st, 1);
		a->label_ko = col_dup(st, 2);
		a->layer = col_dup(st, 3);
		a->usecase = col_dup(st, 4);
		a->query = col_dup(st, 5);
		a->next = col_dup(st, 6);
		a->lifecycle = col_dup(st, 7);
	}
	if (rc != SQLITE_DONE) {
		ch_question_release(q);
		return catalog_db_error(cat, "cannot read the answers");
	}
	return 1;
}

void
ch_question_release(struct ch_question *q)
{
	for (size_t i = 0; i < q->nanswers; i++) {
		struct ch_answer *a = &q->answers[i];

		free(a->id);
		free(a->label);
		free(a->label_ko);
		free(a->layer);
		free(a->usecase);
		free(a->query);
		free(a->next);
		free(a->lifecycle);
	}
	free(q->answers);
	free(q->id);
	free(q->slot);
	free(q->text);
	free(q->text_ko);
	memset(q, 0, sizeof(*q));
}
