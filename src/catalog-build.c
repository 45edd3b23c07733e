/*
 * catalog-build.c: the loader's rows into the database (INSERTs that
 * name their columns), the full-text rows and their rowids, the catalog
 * file written atomically, and the checks a .db from elsewhere must pass
 * before anything reads it.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"

#define NINS 48

struct ins {
	struct catalog	*cat;
	const char	*table[NINS];
	sqlite3_stmt	*stmt[NINS];
	int		*seq;		/* rows so far per service and kind */
	size_t		 nseq;
	struct strbuf	 toks;
};

/* Inserts one row, by column name, with a statement cached per table. */
static int
ins_plain(struct ins *in, const struct row *r)
{
	struct strbuf	 sb = { 0 };
	size_t		 i;
	sqlite3_stmt	*st;

	for (i = 0; i < NINS && in->table[i] != NULL; i++)
		if (strcmp(in->table[i], r->table) == 0)
			break;
	if (i == NINS)
		BUG("too many tables");
	if (in->table[i] == NULL) {
		sb_addf(&sb, "INSERT INTO %s (", r->table);
		for (size_t k = 0; k < r->n; k++)
			sb_addf(&sb, "%s%s", k ? ", " : "", r->cols[k]);
		sb_adds(&sb, ") VALUES (");
		for (size_t k = 0; k < r->n; k++)
			sb_adds(&sb, k ? ", ?" : "?");
		sb_adds(&sb, ")");
		if (sqlite3_prepare_v2(in->cat->db, sb.buf, -1, &in->stmt[i],
		    NULL) != SQLITE_OK)
			BUG("cannot prepare \"%s\": %s", sb.buf,
			    sqlite3_errmsg(in->cat->db));
		if ((size_t)sqlite3_bind_parameter_count(in->stmt[i]) != r->n)
			BUG("\"%s\" does not take %zu values", sb.buf, r->n);
		sb_release(&sb);
		in->table[i] = r->table;
	}
	st = in->stmt[i];
	sqlite3_reset(st);
	for (size_t k = 0; k < r->n; k++)
		sqlite3_bind_text(st, (int)k + 1, r->vals[k], -1,
		    SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return diag_error("cannot add a row to \"%s\": %s", r->table,
		    sqlite3_errmsg(in->cat->db));
	return 0;
}

static int
add_tok(void *arg, const struct token *t)
{
	struct strbuf	*sb = arg;

	if (sb->len > 0)
		sb_addc(sb, ' ');
	sb_add(sb, t->text, t->len);
	return 0;
}

/* Tokenizes text into in->toks, space-separated; returns the count. */
static int
ins_tokens(struct ins *in, const char *text)
{
	int	n = 0;

	in->toks.len = 0;
	sb_adds(&in->toks, "");
	tokenizer_run(in->cat->tk, text, strlen(text), add_tok, &in->toks);
	for (const char *p = in->toks.buf; *p != '\0'; p++)
		n += *p == ' ';
	return in->toks.len > 0 ? n + 1 : 0;
}

/*
 * The tables whose last value is a phrase that ask matches by tokens:
 * the row gains its tokens (and the first one, to look it up). A cue's
 * Hangul is squeezed first, so its spacing does not matter.
 */
static const struct {
	const char	*table;
	int		 first;		/* add the first token */
	int		 squeeze;	/* join Hangul across spaces */
} tokened[] = {
	{ "usecase_keywords", 0, 0 },
	{ "synonyms", 1, 0 },
	{ "capability_cues", 1, 1 },
};

/* Inserts r with text's tokens (and the first one, if first). */
static int
ins_tokened(struct ins *in, const struct row *r, const char *text,
    int first)
{
	const char	*cols[6], *vals[6];
	char		*tok1;
	size_t		 n = r->n;
	int		 rc;

	if (ins_tokens(in, text) == 0 && first)
		return 0;	/* all stop words: nothing to match */
	memcpy(cols, r->cols, n * sizeof(*cols));
	memcpy(vals, r->vals, n * sizeof(*vals));
	cols[n] = "toks";
	vals[n++] = in->toks.buf;
	tok1 = xstrndup(in->toks.buf, strcspn(in->toks.buf, " "));
	if (first) {
		cols[n] = "first";
		vals[n++] = tok1;
	}
	rc = ins_plain(in, &(struct row){ r->table, cols, vals, n });
	free(tok1);
	return rc;
}

/* Is a token of toks (space-separated) in no token of squeezed? */
static int
lost_word(const char *toks, const char *squeezed)
{
	char	 tok[64];
	size_t	 n;

	for (const char *p = toks; *p != '\0'; p += n + (p[n] == ' ')) {
		n = strcspn(p, " ");
		if (n == 0 || n >= sizeof(tok))
			continue;
		memcpy(tok, p, n);
		tok[n] = '\0';
		if (strstr(squeezed, tok) == NULL)
			return 1;
	}
	return 0;
}

/*
 * Inserts r with the tokens of its last value; 1 if r is not tokened.
 * A squeezed phrase whose words tokenize otherwise apart gets a second
 * row of those ("벡터 저장" also as 벡터, 저장), so that words between
 * them in a question can be allowed for.
 */
static int
ins_with_tokens(struct ins *in, const struct row *r)
{
	const char	*text = r->vals[r->n - 1];
	char		*sq, *squeezed;
	size_t		 t;
	int		 rc, same, lost;

	for (t = 0; t < sizeof(tokened) / sizeof(tokened[0]); t++)
		if (strcmp(tokened[t].table, r->table) == 0)
			break;
	if (t == sizeof(tokened) / sizeof(tokened[0]))
		return 1;
	if (r->n > 4)
		BUG("row of \"%s\" too wide", r->table);
	if (!tokened[t].squeeze)
		return ins_tokened(in, r, text, tokened[t].first);
	sq = tokenizer_squeeze(text);
	ins_tokens(in, sq);
	squeezed = xstrdup(in->toks.buf);
	/* a twin that lost words to the stop list says less: not kept */
	same = ins_tokens(in, text) < 2 || strcmp(squeezed, in->toks.buf) == 0;
	/* nor is the squeezed one if it lost a word to a particle cut
	   ("자동으로 써" squeezed ends in "로써": only "자동으로" is left) */
	lost = !same && lost_word(in->toks.buf, squeezed);
	free(squeezed);
	rc = lost ? 0 : ins_tokened(in, r, sq, tokened[t].first);
	if (rc == 0 && !same)
		rc = ins_tokened(in, r, text, tokened[t].first);
	free(sq);
	return rc;
}

/*
 * A full-text row (text, service order, kind, lang): into docs under a
 * rowid that encodes where it belongs (DOC_ROWID), and into doc_rows.
 */
static int
ins_doc(struct ins *in, const struct row *r)
{
	static const char *const kinds[] = { "name", "alias", "task",
	    "summary", "description" };
	static const char *const dcols[] = { "rowid", "text" };
	static const char *const rcols[] = { "id", "svc", "kind", "lang",
	    "len", "text" };
	const char	*v[6];
	char		 rowid[32], len[16];
	long		 ord;
	int		 kind, ntok;
	size_t		 slot;

	for (kind = 0; kind < 5; kind++)
		if (strcmp(r->vals[2], kinds[kind]) == 0)
			break;
	if (kind == 5 || util_parse_int(r->vals[1], 0, LOAD_MAX_SERVICES,
	    &ord) == -1)
		BUG("bad index row \"%s\"", r->vals[0]);
	slot = (size_t)ord * 8 + (size_t)kind;
	if (slot >= in->nseq) {
		in->seq = xrealloc(in->seq, (slot + 1) * sizeof(*in->seq));
		memset(in->seq + in->nseq, 0,
		    (slot + 1 - in->nseq) * sizeof(*in->seq));
		in->nseq = slot + 1;
	}
	if (in->seq[slot] >= DOC_MAXSEQ)
		BUG("service %ld has more than %d %ss", ord, DOC_MAXSEQ,
		    kinds[kind]);
	ntok = ins_tokens(in, r->vals[0]);
	snprintf(rowid, sizeof(rowid), "%lld", DOC_ROWID(ord, kind,
	    ntok > 255 ? 255 : ntok, strcmp(r->vals[3], "ko") == 0,
	    in->seq[slot]++));
	snprintf(len, sizeof(len), "%d", ntok);
	v[0] = rowid;
	v[1] = r->vals[0];
	if (ins_plain(in, &(struct row){ "docs", dcols, v, 2 }) == -1)
		return -1;
	v[1] = r->vals[1];
	v[2] = r->vals[2];
	v[3] = r->vals[3];
	v[4] = len;
	v[5] = r->vals[0];
	return ins_plain(in, &(struct row){ "doc_rows", rcols, v, 6 });
}

/* The loader's row callback. */
static int
ins_row(void *arg, const struct row *r)
{
	struct ins	*in = arg;
	int		 rc;

	if (strcmp(r->table, "docs") == 0)
		return ins_doc(in, r);
	if ((rc = ins_with_tokens(in, r)) != 1)
		return rc;
	return ins_plain(in, r);
}

/* What ask needs of the index as a whole, and the schema version. */
static const char finish_sql[] =
    "INSERT INTO docs(docs) VALUES ('optimize');"
    /* each service's use cases, strongest first, as one list */
    "INSERT INTO service_uclists (service_id, usecases) SELECT s.id, "
    "(SELECT group_concat(usecase_id, char(31)) FROM (SELECT usecase_id "
    "FROM service_usecases su JOIN usecases u ON u.id = su.usecase_id "
    "WHERE su.service_id = s.id ORDER BY su.weight DESC, u.ord)) FROM "
    "services s;"
    /* list's order, so that list reads it instead of sorting */
    "UPDATE services SET list_ord = r.n FROM (SELECT s.id, row_number() "
    "OVER (ORDER BY l.ord, s.name COLLATE NOCASE) AS n FROM services s "
    "JOIN layers l ON l.id = s.layer) AS r WHERE r.id = services.id;"
    /* every word of a cue, so that ask leaves it uncorrected */
    "WITH RECURSIVE split(rest, tok) AS (SELECT toks || ' ', '' FROM "
    "capability_cues UNION ALL SELECT substr(rest, instr(rest, ' ') + 1), "
    "substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> '') "
    "INSERT OR IGNORE INTO cue_tokens (tok) SELECT tok FROM split WHERE "
    "tok <> '';"
    "INSERT INTO meta (key, value) SELECT 'doc_count', count(*) "
    "FROM doc_rows;"
    "INSERT INTO meta (key, value) SELECT 'doc_avglen', "
    "ifnull(avg(len), 1) FROM doc_rows;"
    "INSERT INTO meta (key, value) VALUES ('schema', '"
    CATALOG_SCHEMA_VERSION "');";

/*
 * A Korean cue that spells a product's name in Hangul ("트레이니움에서
 * 돌리", "베드록에 올려") gets a twin with the name as Korean writers also
 * type it, in Latin letters ("Trainium에서 돌리"): where a word of the cue
 * starts with an alias of a service that is one Hangul word, the
 * service's first alias that is one Latin word takes its place (the
 * longest such alias at the first word that has one). Made once every
 * row is in, so the order of the catalog's files does not matter, and in
 * time linear in the cues: a hash lookup per prefix of a word.
 */
static const char spelled_sql[] =
    "SELECT a.alias, (SELECT b.alias FROM aliases b WHERE b.service_id = "
    "a.service_id AND b.alias NOT GLOB '*[^A-Za-z]*' ORDER BY b.rowid "
    "LIMIT 1) FROM aliases a WHERE a.alias NOT GLOB '*[^가-힣]*' AND "
    "length(a.alias) >= 2";

#define HANGUL_LEN	3	/* bytes of a Hangul syllable in UTF-8 */

/* cue with its first word that starts with a key of names respelt (a new
 * string), or NULL. */
static char *
respell(const char *cue, const struct strmap *names, const struct strv *to)
{
	char	 key[256];
	long	*i;

	for (const char *w = cue; *w != '\0'; w++) {
		size_t	n = 0, len, rest;

		if (w != cue && w[-1] != ' ')
			continue;
		rest = strlen(w);
		while (n + HANGUL_LEN <= rest && n + HANGUL_LEN < sizeof(key) &&
		    tokenizer_is_hangul(w + n, HANGUL_LEN))
			n += HANGUL_LEN;
		for (len = n; len >= 2 * HANGUL_LEN; len -= HANGUL_LEN) {
			memcpy(key, w, len);
			key[len] = '\0';
			if ((i = strmap_get(names, key)) != NULL)
				return xasprintf("%.*s%s%s", (int)(w - cue), cue,
				    to->v[*i], w + len);
		}
	}
	return NULL;
}

static int
add_spelled(struct ins *in)
{
	static const char *const cols[] = { "capability_id", "lang", "cue" };
	sqlite3_stmt	*st;
	struct strmap	 names = { 0 };
	struct strv	 keys = { 0 }, to = { 0 }, twins = { 0 };
	int		 rc;

	if (sqlite3_prepare_v2(in->cat->db, spelled_sql, -1, &st, NULL) !=
	    SQLITE_OK)
		return catalog_db_error(in->cat, "cannot spell the cues");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_type(st, 1) == SQLITE_TEXT) {
			strv_push(&keys, (const char *)sqlite3_column_text(st,
			    0));
			strv_push(&to, (const char *)sqlite3_column_text(st,
			    1));
		}
	sqlite3_finalize(st);
	for (size_t k = 0; k < keys.n; k++)
		if (strmap_get(&names, keys.v[k]) == NULL)
			strmap_put(&names, keys.v[k], (long)k);
	if (rc == SQLITE_DONE && (rc = sqlite3_prepare_v2(in->cat->db, "SELECT "
	    "capability_id, cue FROM capability_cues WHERE lang = 'ko' GROUP "
	    "BY capability_id, cue ORDER BY min(rowid)", -1, &st, NULL)) ==
	    SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char *t = names.n == 0 ? NULL : respell((const char *)
			    sqlite3_column_text(st, 1), &names, &to);

			if (t == NULL)
				continue;
			strv_push(&twins, (const char *)sqlite3_column_text(st,
			    0));
			strv_push_owned(&twins, t);
		}
		sqlite3_finalize(st);
	}
	rc = rc == SQLITE_DONE ? 0 : catalog_db_error(in->cat,
	    "cannot spell the cues");
	for (size_t i = 0; rc == 0 && i + 1 < twins.n; i += 2) {
		const char *v[] = { twins.v[i], "ko", twins.v[i + 1] };

		rc = ins_with_tokens(in, &(struct row){ "capability_cues",
		    cols, v, 3 });
	}
	strmap_release(&names);
	strv_release(&keys);
	strv_release(&to);
	strv_release(&twins);
	return rc;
}

/* Inserts everything ld holds into cat, in one transaction. */
int
catalog_fill(struct catalog *cat, struct load *ld)
{
	struct ins	 in;
	char		*err = NULL;
	int		 rc;

	memset(&in, 0, sizeof(in));
	in.cat = cat;
	if (sqlite3_exec(cat->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return catalog_db_error(cat, "cannot build the catalog");
	rc = load_insert(ld, &in, ins_row);
	if (rc == 0)
		rc = add_spelled(&in);
	for (size_t i = 0; i < NINS; i++)
		sqlite3_finalize(in.stmt[i]);
	free(in.seq);
	sb_release(&in.toks);
	if (rc == 0 && sqlite3_exec(cat->db, finish_sql, NULL, NULL, &err) !=
	    SQLITE_OK) {
		diag_error("cannot finish the catalog: %s", err);
		rc = -1;
	}
	if (rc == 0)
		rc = catalog_cache_search(cat);
	sqlite3_free(err);
	err = NULL;
	if (rc == 0 && sqlite3_exec(cat->db, "COMMIT", NULL, NULL, &err) !=
	    SQLITE_OK) {
		diag_error("catalog breaks a schema constraint: %s", err);
		sqlite3_free(err);
		rc = -1;
	}
	if (rc == -1)
		sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* ------------------------------------------------------------ writing */

/* The temporary file being written, for the signal handler to remove. */
static char cleanup_path[4096];

static void
on_signal(int sig)
{
	if (cleanup_path[0] != '\0')
		unlink(cleanup_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Removes the temporary file on SIGINT, SIGTERM and SIGHUP (or not). */
static void
guard_temp(const char *tmp)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = tmp != NULL ? on_signal : SIG_DFL;
	if (tmp != NULL)
		snprintf(cleanup_path, sizeof(cleanup_path), "%s", tmp);
	else
		cleanup_path[0] = '\0';
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

/*
 * Writes the file out with fn(arg, tmp, out), which writes tmp and
 * returns an exit status: under that temporary name in the same
 * directory, then renamed, so out is never half-written and a signal
 * leaves nothing behind. out must be a regular file or absent: a device,
 * FIFO or symbolic link is refused. Returns an exit status.
 */
static int
write_replacing(const char *out, int (*fn)(void *, const char *,
    const char *), void *arg)
{
	struct stat	 st;
	char		*tmp;
	int		 status;

	if (lstat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error("refusing to replace \"%s\": not a regular file "
		    "(give a path for a new file)", out);
		return EXIT_USAGE;
	}
	if (strlen(out) + 32 >= sizeof(cleanup_path)) {
		diag_error("path too long: \"%.60s...\"", out);
		return EXIT_USAGE;
	}
	tmp = xasprintf("%s.tmp%ld", out, (long)getpid());
	guard_temp(tmp);
	unlink(tmp);
	status = fn(arg, tmp, out);
	if (status == EXIT_OK && rename(tmp, out) == -1) {
		diag_error("cannot rename \"%s\" to \"%s\": %s", tmp, out,
		    strerror(errno));
		status = EXIT_INTERNAL;
	}
	if (status != EXIT_OK)
		unlink(tmp);
	guard_temp(NULL);
	free(tmp);
	return status;
}

struct vacuum {
	sqlite3		*db;
	const char	*schema;
};

/* Writes the database of a struct vacuum to tmp. */
static int
vacuum_into(void *arg, const char *tmp, const char *out)
{
	struct vacuum	*v = arg;
	sqlite3_stmt	*vac;
	char		*sql;
	int		 rc, status = EXIT_OK;

	sql = xasprintf("VACUUM %s INTO ?1", v->schema);	/* ours: a name */
	if (sqlite3_prepare_v2(v->db, sql, -1, &vac, NULL) != SQLITE_OK)
		BUG("cannot prepare VACUUM INTO: %s", sqlite3_errmsg(v->db));
	free(sql);
	sqlite3_bind_text(vac, 1, tmp, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(vac)) != SQLITE_DONE) {
		int e = sqlite3_system_errno(v->db);

		if (e == 0 && (rc & 0xff) == SQLITE_FULL)
			e = ENOSPC;

		/* the system's reason ("No space left on device") says
		 * more than SQLite's ("database or disk is full") */
		diag_error("cannot write \"%s\": %s", out, e != 0 ?
		    strerror(e) : sqlite3_errmsg(v->db));
		status = EXIT_INTERNAL;
	}
	sqlite3_finalize(vac);
	return status;
}

/* Writes the database db (its schema schema) to the file out, as
 * write_replacing() does. Returns an exit status. */
int
catalog_write(sqlite3 *db, const char *schema, const char *out)
{
	struct vacuum	v = { db, schema };

	return write_replacing(out, vacuum_into, &v);
}

/* Writes the bytes of a strbuf to tmp. */
static int
bytes_into(void *arg, const char *tmp, const char *out)
{
	const struct strbuf *sb = arg;
	FILE		*fp;
	int		 e = 0;

	if ((fp = fopen(tmp, "wbx")) == NULL)
		e = errno;
	else {
		if (fwrite(sb->buf, 1, sb->len, fp) != sb->len)
			e = errno != 0 ? errno : EIO;
		if (fclose(fp) != 0 && e == 0)
			e = errno != 0 ? errno : EIO;
	}
	if (e == 0)
		return EXIT_OK;
	diag_error("cannot write \"%s\": %s", out, strerror(e));
	return EXIT_INTERNAL;
}

/* Writes the token index of cat (catalog-tokens.c) to the file out, for
 * the build to embed. Returns an exit status. */
int
catalog_token_index_file(struct catalog *cat, const char *out)
{
	struct strbuf	sb = { 0 };
	int		status;

	if (catalog_tokens_index(cat, &sb) == -1)
		status = EXIT_DATA;
	else
		status = write_replacing(out, bytes_into, &sb);
	sb_release(&sb);
	return status;
}

/*
 * The tables each lean image holds, which catalog_lean_db() copies, each
 * as the schema made it, with its indexes: ask's (catalog-search.c,
 * catalog-tokens.c, the counts and lists it asks for) and list's.
 */
static const char *const lean_tables[LEAN_N] = {
	[LEAN_ASK] = "'search_cache', 'doc_rows', 'layers', "
	    "'capabilities', 'instance_specs', 'meta'",
	[LEAN_LIST] = "'services', 'service_uclists', 'service_usecases', "
	    "'statuses', 'layers', 'instance_specs'",
};

/*
 * Writes the tables of db that lean image which holds, alone, to the
 * file out (as catalog_write() does), for the build to embed beside the
 * whole catalog: a command then parses the schema of those tables only.
 * Returns an exit status.
 */
int
catalog_lean_db(sqlite3 *db, enum lean which, const char *out)
{
	struct strbuf	 sb = { 0 };
	sqlite3_stmt	*st;
	const char	*sql, *name;
	char		*err = NULL, *q;
	int		 status;

	q = xasprintf("SELECT sql FROM main.sqlite_master WHERE sql IS NOT "
	    "NULL AND tbl_name IN (%s) ORDER BY type = 'index', rowid",
	    lean_tables[which]);
	/* their foreign keys name tables left out: checked in main already */
	if (sqlite3_exec(db, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' "
	    "AS ask", NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		BUG("cannot make a lean image: %s", err ? err :
		    sqlite3_errmsg(db));
	free(q);
	/* "CREATE TABLE x (" becomes "CREATE TABLE ask.x (", and rows follow */
	while (sqlite3_step(st) == SQLITE_ROW) {
		sql = (const char *)sqlite3_column_text(st, 0);
		sb.len = 0;
		sb_adds(&sb, "");
		if (strncmp(sql, "CREATE TABLE ", 13) == 0) {
			name = sql + 13;
			sb_adds(&sb, "CREATE TABLE ask.");
			sb_adds(&sb, name);
			sb_adds(&sb, "; INSERT INTO ask.");
			sb_add(&sb, name, strcspn(name, " ("));
			sb_adds(&sb, " SELECT * FROM main.");
			sb_add(&sb, name, strcspn(name, " ("));
		} else if (strncmp(sql, "CREATE INDEX ", 13) == 0 ||
		    strncmp(sql, "CREATE UNIQUE INDEX ", 20) == 0) {
			name = strstr(sql, "INDEX ") + 6;
			sb_add(&sb, sql, (size_t)(name - sql));
			sb_adds(&sb, "ask.");
			sb_adds(&sb, name);
		} else
			BUG("cannot copy \"%.40s\" to a lean image", sql);
		if (sqlite3_exec(db, sb.buf, NULL, NULL, &err) != SQLITE_OK)
			BUG("cannot make a lean image: %s", err);
	}
	sqlite3_finalize(st);
	status = catalog_write(db, "ask", out);
	sqlite3_exec(db, "DETACH ask; PRAGMA foreign_keys = ON", NULL, NULL,
	    NULL);
	sb_release(&sb);
	return status;
}

/* ---------------------------------------------------------- checking */

/* The first column of every row of sql on db, one per line (caller frees). */
static char *
column_text(sqlite3 *db, const char *sql)
{
	struct strbuf	 sb = { 0 };
	sqlite3_stmt	*st;
	const char	*s;

	sb_adds(&sb, "");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		sb_release(&sb);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 0);
		sb_addf(&sb, "%s\n", s != NULL ? s : "NULL");
	}
	sqlite3_finalize(st);
	return sb_detach(&sb);
}

/* Does every row of sql on db read as want (one value a line)? */
static int
reads_as(sqlite3 *db, const char *sql, const char *want)
{
	char	*got = column_text(db, sql);
	int	 same = got != NULL && strcmp(got, want) == 0;

	free(got);
	return same;
}

/* Why cat is not an awsai catalog of this schema version, or NULL. */
static const char *
verify_problem(struct catalog *cat, const char *version)
{
	static const char master[] = "SELECT type || ' ' || name || ' ' || "
	    "ifnull(sql, '') FROM sqlite_master ORDER BY name";
	struct catalog	*ref;
	char		*ours, *want;
	int		 same;

	want = xasprintf("%s\n", version);
	same = reads_as(cat->db, "SELECT value FROM meta WHERE key = 'schema'",
	    want);
	free(want);
	if (!same)
		return "it has no awsai schema, or another version's";
	if ((ref = catalog_create("schema")) == NULL)
		return "its schema cannot be compared";
	ours = column_text(ref->db, master);
	same = ours != NULL && reads_as(cat->db, master, ours);
	free(ours);
	catalog_free(ref);
	if (!same)
		return "its tables are not awsai's";
	if (!reads_as(cat->db, "PRAGMA integrity_check", "ok\n"))
		return "it fails SQLite's integrity check (NOT NULL, CHECK or a "
		    "damaged page)";
	if (!reads_as(cat->db, "PRAGMA foreign_key_check", ""))
		return "it has dangling references";
	/* SQLite's check does not read inside the full-text index */
	if (sqlite3_exec(cat->db, "INSERT INTO docs (docs, rank) VALUES "
	    "('integrity-check', 0)", NULL, NULL, NULL) != SQLITE_OK)
		return "its full-text index is damaged";
	return NULL;
}

/*
 * Checks that a .db given with --catalog is an awsai catalog of this
 * schema version, whole and consistent. Returns 0, or -1 after reporting.
 */
int
catalog_verify(struct catalog *cat, const char *version)
{
	const char	*why = verify_problem(cat, version);

	if (why == NULL)
		return 0;
	return diag_error("\"%s\" is not an awsai catalog: %s (build one with "
	    "\"awsai build OUT.db catalog\")", cat->desc, why);
}
