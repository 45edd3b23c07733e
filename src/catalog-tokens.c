/*
 * catalog-tokens.c: a token's row of search_tokens, the four lists the
 * build kept for it (use-case keywords, cues and synonym terms it starts,
 * the index rows that hold it), read once for all four and each list
 * handed over when asked; at most TOKROWS rows are kept.
 */
#include <stdint.h>
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

/*
 * The id of tok's row of search_tokens, where its probe starts: a 62-bit
 * FNV-1a of its bytes (never 0). A token is found by its id, one descent
 * of the table, not through an index of the tokens and then the table;
 * the build gives a token whose id is taken the next free one
 * (catalog_tokens_key()), so a lookup goes on while the rows it meets
 * hold other tokens, at most TOKPROBE of them.
 */
static long long
token_key(const char *tok)
{
	uint64_t	h = 14695981039346656037ULL;

	for (const unsigned char *p = (const unsigned char *)tok; *p != '\0';
	    p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	h &= ((uint64_t)1 << 62) - 1;
	return h == 0 ? 1 : (long long)h;
}

/* Reads tok's row of search_tokens into r; 0, or -1 if malformed. */
static int
token_read(struct catalog *cat, const char *tok, struct tokrow *r)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT tok, keywords, cues, "
	    "synonyms, rows FROM search_tokens WHERE id = ?1", 5);
	long long	 key = token_key(tok);
	const char	*t;
	int		 rc, bad = 0, probe;

	for (int c = 0; c < 4; c++) {
		free(r->v[c]);
		r->v[c] = NULL;
		r->len[c] = 0;
		r->have[c] = 1;
	}
	r->read = 1;
	r->found = 0;
	for (probe = 0; probe < TOKPROBE; probe++, key++) {
		sqlite3_bind_int64(st, 1, key);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		if ((t = (const char *)sqlite3_column_text(st, 0)) != NULL &&
		    strcmp(t, tok) == 0) {
			r->found = 1;
			break;
		}
		sqlite3_reset(st);
	}
	if (r->found)
		for (int c = 0; c < 4; c++) {
			int	 type = sqlite3_column_type(st, c + 1);
			size_t	 n;

			if (type == SQLITE_NULL)
				continue;
			if (type != (c == 3 ? SQLITE_BLOB : SQLITE_TEXT)) {
				bad = 1;
				continue;
			}
			n = (size_t)sqlite3_column_bytes(st, c + 1);
			r->v[c] = xmalloc(n + 1);
			if (n > 0)
				memcpy(r->v[c], c == 3 ? sqlite3_column_blob(st,
				    c + 1) : (const void *)sqlite3_column_text(st,
				    c + 1), n);
			r->v[c][n] = '\0';
			r->len[c] = n;
		}
	sqlite3_reset(st);
	if (probe == TOKPROBE)
		bad = 1;	/* a build keeps chains shorter */
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

struct keyed {
	long long	 old;
	char		*tok;
};

/*
 * Gives every row of search_tokens its id from token_key(), the next
 * free one where that is taken, in the tokens' byte order (so a build is
 * the same every time); at build time, after every row is in. Returns 0
 * or -1 (the caller reports).
 */
int
catalog_tokens_key(struct catalog *cat)
{
	sqlite3_stmt	*sel = NULL, *upd = NULL;
	struct keyed	*v = NULL;
	struct idmap	 used = { 0 };
	size_t		 n = 0, cap = 0;
	int		 rc = -1;

	/* out of the way of every key: ids made by the inserts are > 0 */
	if (sqlite3_exec(cat->db, "UPDATE search_tokens SET id = -id", NULL,
	    NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(cat->db, "SELECT id, tok FROM search_tokens "
	    "ORDER BY tok", -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(cat->db, "UPDATE search_tokens SET id = ?2 "
	    "WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(sel) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].old = sqlite3_column_int64(sel, 0);
		v[n++].tok = xstrdup((const char *)sqlite3_column_text(sel, 1));
	}
	for (size_t i = 0; i < n; i++) {
		long long	key = token_key(v[i].tok);
		int		probe = 0;

		while (idmap_get(&used, key) != NULL) {
			if (++probe == TOKPROBE)
				goto out;
			key++;
		}
		idmap_put(&used, key, 1);
		sqlite3_bind_int64(upd, 1, v[i].old);
		sqlite3_bind_int64(upd, 2, key);
		if (sqlite3_step(upd) != SQLITE_DONE)
			goto out;
		sqlite3_reset(upd);
	}
	rc = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	for (size_t i = 0; i < n; i++)
		free(v[i].tok);
	free(v);
	idmap_release(&used);
	return rc;
}
