/*
 * hash.c: the one hash table: string keys (borrowed) to long values, open
 * addressing with linear probing, growing at half full. The loader
 * indexes ids with it, ask its terms, tokens and rows by text.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define FNV_BASIS	14695981039346656037u
#define FNV_PRIME	1099511628211u

/* FNV-1a: fast, and good enough for short keys. */
size_t
hash_str(const char *s)
{
	size_t	h = FNV_BASIS;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

/* The same of the n bytes at p: hash_mem(s, strlen(s)) == hash_str(s). */
size_t
hash_mem(const void *p, size_t n)
{
	const unsigned char	*b = p;
	size_t			 h = FNV_BASIS;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

/* Fibonacci hashing for integer keys whose low bits repeat. */
size_t
hash_u64(uint64_t v)
{
	return (size_t)((v * 0x9e3779b97f4a7c15u) >> 16);
}

/* The slot of key (hash h) in m: where it is, or the empty one where it
 * would go. */
static size_t
slot(const struct strmap *m, const char *key, size_t h)
{
	size_t	i = h & (m->cap - 1);

	while (m->keys[i] != NULL && (m->hashes[i] != h ||
	    strcmp(m->keys[i], key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of key, or NULL; valid until the next strmap_put(). */
long *
strmap_get(const struct strmap *m, const char *key)
{
	return strmap_get_hashed(m, key, hash_str(key));
}

/* The same, for a key whose hash_str() is h, kept by the caller. */
long *
strmap_get_hashed(const struct strmap *m, const char *key, size_t h)
{
	size_t	i;

	if (m->cap == 0)
		return NULL;
	i = slot(m, key, h);
	return m->keys[i] != NULL ? &m->vals[i] : NULL;
}

/*
 * Sets key (borrowed: it must outlive the map) to val, unless it is there
 * already. Returns the value now stored, which is val for a new key.
 */
long
strmap_put(struct strmap *m, const char *key, long val)
{
	size_t	i, h = hash_str(key);

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = xcalloc(m->cap, sizeof(*m->keys));
		m->vals = xcalloc(m->cap, sizeof(*m->vals));
		m->hashes = xcalloc(m->cap, sizeof(*m->hashes));
		for (size_t k = 0; k < old.cap; k++) {
			if (old.keys[k] == NULL)
				continue;
			i = slot(m, old.keys[k], old.hashes[k]);
			m->keys[i] = old.keys[k];
			m->vals[i] = old.vals[k];
			m->hashes[i] = old.hashes[k];
		}
		free(old.keys);
		free(old.vals);
		free(old.hashes);
	}
	i = slot(m, key, h);
	if (m->keys[i] != NULL)
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->hashes[i] = h;
	m->n++;
	return val;
}

void
strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof(*m));
}

/*
 * Integer keys (row ids) to long values, the same scheme. A key can be
 * any value but IDMAP_EMPTY, which marks an empty slot.
 */
static size_t
idslot(const struct idmap *m, long long key)
{
	size_t	i = hash_u64((uint64_t)key) & (m->cap - 1);

	while (m->keys[i] != IDMAP_EMPTY && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of key, or NULL; valid until the next idmap_put(). */
long *
idmap_get(const struct idmap *m, long long key)
{
	size_t	i;

	if (m->cap == 0)
		return NULL;
	i = idslot(m, key);
	return m->keys[i] != IDMAP_EMPTY ? &m->vals[i] : NULL;
}

/* Makes room for n keys in all, rehashing at most once. */
static void
idmap_reserve(struct idmap *m, size_t n)
{
	struct idmap	 old = *m;
	size_t		 i;

	if (n * 2 <= m->cap)
		return;
	for (m->cap = old.cap ? old.cap : 64; m->cap < n * 2; m->cap *= 2)
		continue;
	m->keys = xmalloc(m->cap * sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	for (size_t k = 0; k < m->cap; k++)
		m->keys[k] = IDMAP_EMPTY;
	for (size_t k = 0; k < old.cap; k++) {
		if (old.keys[k] == IDMAP_EMPTY)
			continue;
		i = idslot(m, old.keys[k]);
		m->keys[i] = old.keys[k];
		m->vals[i] = old.vals[k];
	}
	free(old.keys);
	free(old.vals);
}

/* Sets key to val unless it is there; returns the value stored. */
long
idmap_put(struct idmap *m, long long key, long val)
{
	size_t	i;

	idmap_reserve(m, m->n + 1);
	i = idslot(m, key);
	if (m->keys[i] != IDMAP_EMPTY)
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return val;
}

/* Empties m, keeping its room (for per-question tables). */
void
idmap_clear(struct idmap *m)
{
	for (size_t k = 0; k < m->cap; k++)
		m->keys[k] = IDMAP_EMPTY;
	m->n = 0;
}

void
idmap_release(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
