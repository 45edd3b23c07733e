/*
 * catalog-tokens.c: a token's row of search_tokens, the four lists the
 * build kept for it (use-case keywords, cues and synonym terms it starts,
 * the index rows that hold it), read once for all four and each list
 * handed over when asked; at most TOKROWS rows are kept.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* The column of search_tokens that holds kind w, or -1. */
int
catalog_token_column(enum search_rows w)
{
	switch (w) {
	case SR_KEYWORDS:
		return 0;
	case SR_CUES:
		return 1;
	case SR_SYNONYMS:
		return 2;
	case SR_POSTINGS:
		return 3;
	default:
		return -1;
	}
}

/* Forgets the token rows read (and not yet taken). */
void
catalog_tokens_reset(struct catalog *cat)
{
	for (size_t i = 0; i < cat->ntok; i++) {
		free(cat->tokrows[i].key);
		for (int c = 0; c < 4; c++)
			free(cat->tokrows[i].v[c]);
	}
	cat->ntok = 0;
	strmap_release(&cat->tokmap);
}

/* Reads tok's row of search_tokens into r; 0, or -1 if malformed. */
static int
token_read(struct catalog *cat, const char *tok, struct tokrow *r)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT keywords, cues, "
	    "synonyms, rows FROM search_tokens WHERE tok = ?1", 4);
	int		 rc, bad = 0;

	for (int c = 0; c < 4; c++) {
		free(r->v[c]);
		r->v[c] = NULL;
		r->len[c] = 0;
		r->have[c] = 1;
	}
	sqlite3_bind_text(st, 1, tok, -1, SQLITE_STATIC);
	r->read = 1;
	if ((r->found = (rc = sqlite3_step(st)) == SQLITE_ROW))
		for (int c = 0; c < 4; c++) {
			int	 type = sqlite3_column_type(st, c);
			size_t	 n;

			if (type == SQLITE_NULL)
				continue;
			if (type != (c == 3 ? SQLITE_BLOB : SQLITE_TEXT)) {
				bad = 1;
				continue;
			}
			n = (size_t)sqlite3_column_bytes(st, c);
			r->v[c] = xmalloc(n + 1);
			if (n > 0)
				memcpy(r->v[c], c == 3 ? sqlite3_column_blob(st,
				    c) : (const void *)sqlite3_column_text(st, c),
				    n);
			r->v[c][n] = '\0';
			r->len[c] = n;
		}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		cat->damaged = 1;
		return catalog_db_error(cat, "cannot read the search data");
	}
	return bad ? catalog_search_malformed(cat) : 0;
}

/* tok's entry among the token rows, made (unread) if new. */
static struct tokrow *
token_entry(struct catalog *cat, const char *tok)
{
	long		*i = strmap_get(&cat->tokmap, tok);
	struct tokrow	*r;

	if (i != NULL)
		return &cat->tokrows[*i];
	if (cat->ntok >= TOKROWS)
		catalog_tokens_reset(cat);	/* bounded */
	if (cat->ntok == cat->captok) {
		cat->captok = cat->captok ? cat->captok * 2 : 64;
		cat->tokrows = xrealloc(cat->tokrows, cat->captok *
		    sizeof(*cat->tokrows));
	}
	r = &cat->tokrows[cat->ntok];
	memset(r, 0, sizeof(*r));
	r->key = xstrdup(tok);
	strmap_put(&cat->tokmap, r->key, (long)cat->ntok++);
	return r;
}

/*
 * Kind w's list for tok (caller frees; NULL if it has none): each of a
 * token's lists is asked for once, so its row is read once for all four
 * and each list handed over when asked. Returns 0 or -1.
 */
int
catalog_token_take(struct catalog *cat, enum search_rows w, const char *tok,
    char **text, size_t *len)
{
	struct tokrow	*r = token_entry(cat, tok);
	int		 c = catalog_token_column(w);

	*text = NULL;
	*len = 0;
	if (!r->have[c] && token_read(cat, tok, r) == -1)
		return -1;
	*text = r->v[c];
	*len = r->len[c];
	r->v[c] = NULL;
	r->have[c] = 0;
	return 0;
}

/*
 * Is tok a word the search data knows (a token of the index, of a cue,
 * keyword or synonym)? It is if it has a row of search_tokens, which the
 * question read for its lists anyway.
 */
int
catalog_known_token(struct catalog *cat, const char *tok)
{
	struct tokrow	*r = token_entry(cat, tok);

	if (!r->read && token_read(cat, tok, r) == -1)
		return 0;
	return r->found;
}
