/*
 * catalog.h: what the catalog files share (catalog.c opens and builds,
 * catalog-query.c answers the commands' queries, catalog-search.c feeds
 * ask). Only catalog*.c include it, and only they include sqlite3.h.
 */
#ifndef AWSAI_CATALOG_H
#define AWSAI_CATALOG_H

#include <sqlite3.h>

#include "awsai.h"

#define NSTMT 48

/* Bumped whenever schema/ changes, or what its rows mean (14: the ids of
 * search_tokens are no longer hashes of the tokens, which an older awsai
 * looked them up by), so an old .db is refused clearly. */
#define CATALOG_SCHEMA_VERSION "15"
#define CATALOG_MAX_DB (256u << 20)	/* bytes of a .db given to --catalog */
#define CATALOG_MMAP "268435456"	/* PRAGMA mmap_size: all of an image */

struct catalog {
	sqlite3		*db;
	sqlite3		*lean[LEAN_N];	/* lean images opened (catalog_lean()) */
	int		 embedded;	/* db is the embedded image */
	char		*desc;		/* where it came from, for messages */
	const char	*sql[NSTMT];	/* prepared statements, by SQL text */
	sqlite3_stmt	*stmt[NSTMT];
	struct tokenizer *tk;		/* for the FTS5 tokenizer */
	const unsigned char *tokidx;	/* the token index (catalog-tokens.c) */
	size_t		 tokidxlen;
	unsigned char	*tokidxown;	/* the same, made for this catalog */
	int		 tokidxbad;	/* it could not be made, or its header
					   is not an index's (reported) */
	int		 damaged;	/* ask's data was found malformed */
};

void	 catalog_tokens_reset(struct catalog *);
int	 catalog_token_column(enum search_rows);
int	 catalog_tokens_index(struct catalog *, struct strbuf *);
int	 catalog_token_list(struct catalog *, enum search_rows, const char *,
	    const unsigned char **, size_t *);
int	 catalog_token_take(struct catalog *, enum search_rows, const char *,
	    char **, size_t *);
int	 catalog_token_services(struct catalog *, const unsigned char **,
	    size_t *);

int	 catalog_db_error(struct catalog *, const char *);
int	 catalog_cache_search(struct catalog *);
int	 catalog_cache_put(struct catalog *, int, const char *,
	    const struct strbuf *);
int	 catalog_cache_services(struct catalog *);
int	 catalog_cache_get(struct catalog *, int, const char *, int, char **,
	    size_t *);
sqlite3_stmt *catalog_prep(struct catalog *, const char *, int);
int	 catalog_fill_rows(struct catalog *, const char *,
	    const char *const *, size_t, struct result *);
int	 catalog_one_text(struct catalog *, const char *, const char *,
	    char **);
struct catalog *catalog_create(const char *);
int	 catalog_fill(struct catalog *, struct load *);
int	 catalog_write(sqlite3 *, const char *, const char *);
int	 catalog_token_index_file(struct catalog *, const char *);
int	 catalog_lean_db(sqlite3 *, enum lean, const char *);
int	 catalog_verify(struct catalog *, const char *);

#endif /* AWSAI_CATALOG_H */
