/*
 * catalog-tokens.c: the token index, search_tokens as ask reads it. The
 * rows of search_tokens (a token's use-case keywords, cues and synonym
 * terms it starts, the index rows that hold it) are laid out as one
 * image: a hash table of tokens, each with its four lists, found by one
 * hash and a probe or two, with no SQL statement to run. The build makes
 * it once and `make` embeds it beside the catalog, where ask reads it in
 * place; any other catalog (a .db, catalog JSON) has it made from its
 * own search_tokens the first time a token is looked up. Either way the
 * reader is the one below, and it trusts no offset it reads.
 *
 * The image, every number a little-endian uint32:
 *	"AWTX" version nslots ntoks	header
 *	svcoff svclen			where the services' blob lies
 *	slot[nslots]			an entry's offset, or 0 (empty)
 *	entries				toklen len[4] tok list0..list3
 *	services			the services' blob
 * A token goes in slot hash_str(tok) % nslots or the next free one after
 * it; nslots is a power of two, at least twice ntoks. A list's len is
 * TOKNULL where the row has none (SQL NULL). The services' blob
 * (catalog-svcblock.c; svclen 0 if the catalog has none) is here to be
 * lent where it lies: SQLite would copy it out of its overflow pages.
 */
#include <endian.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

#define TOKMAGIC	"AWTX"
#define TOKVERSION	2
#define TOKHEAD		24
#define TOKENTRY	20	/* toklen and four lens */
#define TOKNULL		0xffffffffu

/* The embedded catalog's index, linked in by build/embed.S. */
extern const unsigned char awsai_token_index[];
extern const unsigned char awsai_token_index_end[];

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

static uint32_t
get32(const unsigned char *p)
{
	uint32_t	v;

	memcpy(&v, p, 4);
	return le32toh(v);
}

static void
put32(unsigned char *p, uint32_t v)
{
	v = htole32(v);
	memcpy(p, &v, 4);
}

static void
add32(struct strbuf *sb, uint32_t v)
{
	unsigned char	b[4];

	put32(b, v);
	sb_add(sb, (const char *)b, 4);
}

struct tokent {
	uint32_t	 off;	/* in the image */
	size_t		 hash;
};

/*
 * Makes the token index of cat's search_tokens into sb (emptied first).
 * Returns 0, or -1 if a row is not as the build writes it (a list of the
 * wrong type) or the whole would not fit (reported).
 */
int
catalog_tokens_index(struct catalog *cat, struct strbuf *sb)
{
	sqlite3_stmt	*st = catalog_prep(cat, "SELECT tok, keywords, cues, "
	    "synonyms, rows FROM search_tokens", 5);
	struct strbuf	 ent = { 0 };	/* the entries */
	struct tokent	*v = NULL;
	size_t		 n = 0, cap = 0, nslots, base, svclen = 0;
	unsigned char	*img;
	char		*svc = NULL;
	int		 rc, bad = 0;

	sb_adds(&ent, "");
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char	*tok = (const char *)sqlite3_column_text(st, 0);

		if (tok == NULL || ent.len > CATALOG_MAX_DB) {
			bad = 1;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].off = (uint32_t)ent.len;
		v[n++].hash = hash_str(tok);
		add32(&ent, (uint32_t)strlen(tok));
		for (int c = 0; c < 4; c++) {
			int	type = sqlite3_column_type(st, c + 1);

			if (type == SQLITE_NULL) {
				add32(&ent, TOKNULL);
				continue;
			}
			if (type != (c == 3 ? SQLITE_BLOB : SQLITE_TEXT))
				bad = 1;
			add32(&ent, (uint32_t)sqlite3_column_bytes(st, c + 1));
		}
		sb_adds(&ent, tok);
		for (int c = 0; c < 4; c++)
			if (sqlite3_column_type(st, c + 1) != SQLITE_NULL)
				sb_add(&ent, c == 3 ? sqlite3_column_blob(st,
				    c + 1) : (const void *)sqlite3_column_text(
				    st, c + 1), (size_t)sqlite3_column_bytes(st,
				    c + 1));
	}
	sqlite3_reset(st);
	for (nslots = 64; nslots < 2 * n; nslots *= 2)
		continue;
	base = TOKHEAD + 4 * nslots;
	if (!bad && rc == SQLITE_DONE && catalog_cache_get(cat, SR_SERVICES,
	    "", SQLITE_BLOB, &svc, &svclen) == SQLITE_MISMATCH)
		bad = 1;
	if (!bad && rc != SQLITE_DONE) {
		cat->damaged = 1;
		rc = catalog_db_error(cat, "cannot read the search data");
	} else if (bad || base + ent.len + svclen > CATALOG_MAX_DB)
		rc = catalog_search_malformed(cat);
	else {
		sb->len = 0;
		sb_add(sb, TOKMAGIC, 4);
		add32(sb, TOKVERSION);
		add32(sb, (uint32_t)nslots);
		add32(sb, (uint32_t)n);
		add32(sb, svclen > 0 ? (uint32_t)(base + ent.len) : 0);
		add32(sb, (uint32_t)svclen);
		for (size_t k = 0; k < nslots; k++)
			add32(sb, 0);
		sb_add(sb, ent.buf, ent.len);
		if (svclen > 0)
			sb_add(sb, svc, svclen);
		img = (unsigned char *)sb->buf;
		for (size_t i = 0; i < n; i++) {
			size_t	k = v[i].hash & (nslots - 1);

			while (get32(img + TOKHEAD + 4 * k) != 0)
				k = (k + 1) & (nslots - 1);
			put32(img + TOKHEAD + 4 * k, (uint32_t)(v[i].off +
			    base));
		}
		rc = 0;
	}
	free(v);
	free(svc);
	sb_release(&ent);
	return rc;
}

/*
 * The index cat reads: the embedded one, or one made now. 0, or -1 if
 * there is none to read: it could not be made, or its header is not an
 * index's (reported once; every later lookup fails too).
 */
static int
tokens_attach(struct catalog *cat)
{
	size_t	sz = (size_t)(awsai_token_index_end - awsai_token_index);
	size_t	nslots;

	if (cat->tokidxbad)
		return -1;
	if (cat->tokidx != NULL)
		return 0;
	if (cat->embedded && sz > 0) {
		cat->tokidx = awsai_token_index;
		cat->tokidxlen = sz;
	} else {
		struct strbuf sb = { 0 };

		if (catalog_tokens_index(cat, &sb) == -1) {
			sb_release(&sb);
			cat->tokidxbad = 1;
			return -1;
		}
		cat->tokidx = cat->tokidxown = (unsigned char *)sb.buf;
		cat->tokidxlen = sb.len;
	}
	nslots = cat->tokidxlen >= TOKHEAD ? get32(cat->tokidx + 8) : 0;
	if (cat->tokidxlen < TOKHEAD || memcmp(cat->tokidx, TOKMAGIC, 4) != 0 ||
	    get32(cat->tokidx + 4) != TOKVERSION || nslots == 0 ||
	    (nslots & (nslots - 1)) != 0 ||
	    nslots > (cat->tokidxlen - TOKHEAD) / 4) {
		cat->tokidxbad = 1;
		return catalog_search_malformed(cat);
	}
	return 0;
}

/*
 * The services' blob where it lies in cat's index, *len bytes (borrowed
 * while cat is open; NULL if the catalog has none). Returns 0, or -1 if
 * the index is malformed (reported).
 */
int
catalog_token_services(struct catalog *cat, const unsigned char **data,
    size_t *len)
{
	size_t	off, n;

	*data = NULL;
	*len = 0;
	if (tokens_attach(cat) == -1)
		return -1;
	off = get32(cat->tokidx + 16);
	n = get32(cat->tokidx + 20);
	if (n == 0)
		return 0;
	if (off < TOKHEAD || off > cat->tokidxlen || n > cat->tokidxlen - off)
		return catalog_search_malformed(cat);
	*data = cat->tokidx + off;
	*len = n;
	return 0;
}

/* Forgets the index made for cat (the embedded one is not its own). */
void
catalog_tokens_reset(struct catalog *cat)
{
	free(cat->tokidxown);
	cat->tokidx = cat->tokidxown = NULL;
	cat->tokidxlen = 0;
	cat->tokidxbad = 0;
}

/*
 * Finds tok in cat's index: *e is its entry (its lens, then its token and
 * lists) or NULL if there is none. Returns 0, or -1 if the index is
 * malformed (reported).
 */
static int
tokens_find(struct catalog *cat, const char *tok, const unsigned char **e)
{
	const unsigned char	*img;
	size_t			 len, nslots, k, toklen = strlen(tok), off;

	*e = NULL;
	if (tokens_attach(cat) == -1)
		return -1;
	img = cat->tokidx;
	len = cat->tokidxlen;
	nslots = get32(img + 8);
	k = hash_str(tok) & (nslots - 1);
	for (size_t probe = 0; probe < nslots; probe++, k = (k + 1) &
	    (nslots - 1)) {
		if ((off = get32(img + TOKHEAD + 4 * k)) == 0)
			return 0;
		if (off > len || len - off < TOKENTRY)
			return catalog_search_malformed(cat);
		if (get32(img + off) == toklen && toklen <=
		    len - off - TOKENTRY && memcmp(img + off + TOKENTRY, tok,
		    toklen) == 0) {
			*e = img + off;
			return 0;
		}
	}
	return 0;
}

/*
 * Kind w's list for tok where it lies in the index, len bytes: borrowed
 * while cat is open (NULL if it has none). Returns 0 or -1 (malformed
 * search data, reported).
 */
int
catalog_token_list(struct catalog *cat, enum search_rows w, const char *tok,
    const unsigned char **list, size_t *len)
{
	const unsigned char	*e;
	size_t			 at, n, room;
	int			 c = catalog_token_column(w);

	*list = NULL;
	*len = 0;
	if (c < 0 || tokens_find(cat, tok, &e) == -1)
		return -1;
	if (e == NULL)
		return 0;
	room = cat->tokidxlen - (size_t)(e - cat->tokidx);
	at = TOKENTRY + get32(e);
	for (int i = 0; i < c; i++)
		if ((n = get32(e + 4 + 4 * i)) != TOKNULL)
			at += n;
	if ((n = get32(e + 4 + 4 * c)) == TOKNULL)
		return 0;
	if (at > room || n > room - at)
		return catalog_search_malformed(cat);
	*list = e + at;
	*len = n;
	return 0;
}

/* The same list, a copy ending in a NUL (caller frees; NULL if none). */
int
catalog_token_take(struct catalog *cat, enum search_rows w, const char *tok,
    char **text, size_t *len)
{
	const unsigned char	*list;

	*text = NULL;
	if (catalog_token_list(cat, w, tok, &list, len) == -1)
		return -1;
	if (list != NULL) {
		*text = xmalloc(*len + 1);
		memcpy(*text, list, *len);
		(*text)[*len] = '\0';
	}
	return 0;
}

/*
 * Is tok a word the search data knows (a token of the index, of a cue,
 * keyword or synonym)? It is if it has a row of search_tokens.
 */
int
catalog_known_token(struct catalog *cat, const char *tok)
{
	const unsigned char	*e;

	return tokens_find(cat, tok, &e) == 0 && e != NULL;
}
