/*
 * load.c: catalog JSON -> validated records -> rows for catalog.c.
 * Every problem is reported as FILE:LINE:COL and loading goes on, so one
 * run shows them all. jansson is used here and in out-json.c only.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "awsai.h"

/* Where a value stands in its file: member idx of parent. */
struct pos {
	const json_t	*parent;
	size_t		 idx;
	int		 line;
	int		 col;
};

struct file {
	char		*path;
	char		*text;
	size_t		 len;
	json_t		*root;
	struct pos	*pos;
	size_t		 npos;
	size_t		 cappos;
};

/* One record of a section, and where it came from. */
struct rec {
	struct file	*file;
	json_t		*obj;		/* borrowed from file->root */
	json_t		*array;		/* the section array it is in */
	size_t		 idx;
	const char	*id;		/* NULL where the record has none */
};

enum section {
	SEC_META,
	SEC_LAYERS,
	SEC_USECASES,
	SEC_SERVICES,
	SEC_SYNONYMS,
	SEC_GLOSSARY,
	SEC_STAGES,
	SEC_ROLES,
	SEC_N,
};

static const char *const section_names[SEC_N] = {
	"meta", "layers", "usecases", "services", "synonyms", "glossary",
	"stages", "roles",
};

/* What one section's record is called in messages. */
static const char *const section_what[SEC_N] = {
	"meta", "layer", "use case", "service", "synonym group",
	"glossary entry", "stage", "role",
};

struct load {
	struct file	*files;
	size_t		 nfiles;
	struct rec	*recs[SEC_N];
	size_t		 nrecs[SEC_N];
	int		 failed;
};

enum ftype {
	T_STR,		/* non-empty string */
	T_SLUG,		/* id */
	T_DATE,
	T_URL,
	T_INT,
	T_STRS,		/* array of non-empty strings */
	T_SLUGS,
	T_URLS,
	T_WEIGHTS,	/* object slug -> number in (0, 1] */
	T_STR_NULL,	/* string or null */
};

struct field {
	const char	*key;
	enum ftype	 type;
	int		 required;
	size_t		 min;		/* for arrays: fewest elements */
};

static const struct field meta_fields[] = {
	{ "version", T_STR, 1, 0 },
	{ "as_of", T_DATE, 1, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field layer_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 1, 0 },
	{ "name", T_STR, 1, 0 },
	{ "name_ko", T_STR, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field usecase_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "name", T_STR, 1, 0 },
	{ "name_ko", T_STR, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "keywords", T_STRS, 0, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field service_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "name", T_STR, 1, 0 },
	{ "aliases", T_STRS, 0, 0 },
	{ "layer", T_STR, 1, 0 },
	{ "layer_note", T_STR, 0, 0 },
	{ "usecases", T_WEIGHTS, 1, 1 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "description", T_STR, 1, 0 },
	{ "tasks", T_STRS, 1, 4 },
	{ "tasks_ko", T_STRS, 1, 2 },
	{ "status", T_STR, 1, 0 },
	{ "status_date", T_DATE, 0, 0 },
	{ "status_note", T_STR, 0, 0 },
	{ "successor", T_SLUG, 0, 0 },
	{ "part_of", T_SLUG, 0, 0 },
	{ "alternatives", T_SLUGS, 0, 0 },
	{ "complements", T_SLUGS, 0, 0 },
	{ "cli", T_STR_NULL, 1, 0 },
	{ "docs", T_URL, 1, 0 },
	{ "sources", T_URLS, 1, 1 },
	{ "as_of", T_DATE, 1, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field synonym_fields[] = {
	{ "terms", T_STRS, 1, 2 },
	{ NULL, 0, 0, 0 },
};
static const struct field glossary_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "term", T_STR, 1, 0 },
	{ "term_ko", T_STR, 1, 0 },
	{ "aliases", T_STRS, 0, 0 },
	{ "definition", T_STR, 1, 0 },
	{ "definition_ko", T_STR, 1, 0 },
	{ "see", T_SLUGS, 0, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field stage_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 1, 0 },
	{ "name", T_STR, 1, 0 },
	{ "name_ko", T_STR, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "services", T_SLUGS, 1, 1 },
	{ NULL, 0, 0, 0 },
};
static const struct field role_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 0, 0 },
	{ "name", T_STR, 1, 0 },
	{ "name_ko", T_STR, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "services", T_SLUGS, 1, 1 },
	{ NULL, 0, 0, 0 },
};

static const struct field *const section_fields[SEC_N] = {
	meta_fields, layer_fields, usecase_fields, service_fields,
	synonym_fields, glossary_fields, stage_fields, role_fields,
};

static const char *const statuses[] = { "ga", "preview", "closed", "retired" };

/* ---------------------------------------------------------- positions */

struct scan {
	struct file	*f;
	size_t		 i;
	int		 line;
	int		 col;
};

static void
scan_adv(struct scan *sc)
{
	unsigned char c = (unsigned char)sc->f->text[sc->i++];

	if (c == '\n') {
		sc->line++;
		sc->col = 1;
	} else if ((c & 0xc0) != 0x80)
		sc->col++;
}

static void
scan_ws(struct scan *sc)
{
	while (sc->i < sc->f->len && strchr(" \t\r\n",
	    sc->f->text[sc->i]) != NULL && sc->f->text[sc->i] != '\0')
		scan_adv(sc);
}

static void
scan_string(struct scan *sc)
{
	scan_adv(sc);	/* the opening quote */
	while (sc->i < sc->f->len && sc->f->text[sc->i] != '"') {
		if (sc->f->text[sc->i] == '\\')
			scan_adv(sc);
		if (sc->i < sc->f->len)
			scan_adv(sc);
	}
	if (sc->i < sc->f->len)
		scan_adv(sc);
}

static void
pos_add(struct file *f, const json_t *parent, size_t idx, int line, int col)
{
	if (f->npos == f->cappos) {
		f->cappos = f->cappos ? f->cappos * 2 : 256;
		f->pos = xrealloc(f->pos, f->cappos * sizeof(*f->pos));
	}
	f->pos[f->npos].parent = parent;
	f->pos[f->npos].idx = idx;
	f->pos[f->npos].line = line;
	f->pos[f->npos].col = col;
	f->npos++;
}

/*
 * Walks the text of a value that jansson has already parsed, recording
 * where each member and element starts. jansson keeps object members in
 * file order, so the n-th member in the text is the n-th in the object.
 */
static void
scan_value(struct scan *sc, const json_t *v)
{
	size_t	 n = 0;
	void	*it;

	scan_ws(sc);
	if (sc->i >= sc->f->len)
		return;
	switch (sc->f->text[sc->i]) {
	case '{':
		scan_adv(sc);
		it = json_object_iter((json_t *)v);
		for (;;) {
			scan_ws(sc);
			if (sc->i >= sc->f->len || sc->f->text[sc->i] == '}')
				break;
			if (sc->f->text[sc->i] == ',') {
				scan_adv(sc);
				continue;
			}
			pos_add(sc->f, v, n, sc->line, sc->col);
			scan_string(sc);
			scan_ws(sc);
			if (sc->i < sc->f->len)
				scan_adv(sc);	/* the colon */
			scan_ws(sc);
			pos_add(sc->f, v, n + 1000000, sc->line, sc->col);
			scan_value(sc, it != NULL ?
			    json_object_iter_value(it) : NULL);
			if (it != NULL)
				it = json_object_iter_next((json_t *)v, it);
			n++;
		}
		if (sc->i < sc->f->len)
			scan_adv(sc);
		break;
	case '[':
		scan_adv(sc);
		for (;;) {
			scan_ws(sc);
			if (sc->i >= sc->f->len || sc->f->text[sc->i] == ']')
				break;
			if (sc->f->text[sc->i] == ',') {
				scan_adv(sc);
				continue;
			}
			pos_add(sc->f, v, n, sc->line, sc->col);
			scan_value(sc, v != NULL ? json_array_get(v, n) : NULL);
			n++;
		}
		if (sc->i < sc->f->len)
			scan_adv(sc);
		break;
	case '"':
		scan_string(sc);
		break;
	default:
		while (sc->i < sc->f->len &&
		    strchr(",]} \t\r\n", sc->f->text[sc->i]) == NULL)
			scan_adv(sc);
		break;
	}
}

/* Looks up the position of element idx (+1000000: a member's value). */
static void
pos_find(const struct file *f, const json_t *parent, size_t idx, int *line,
    int *col)
{
	for (size_t i = 0; i < f->npos; i++) {
		if (f->pos[i].parent == parent && f->pos[i].idx == idx) {
			*line = f->pos[i].line;
			*col = f->pos[i].col;
			return;
		}
	}
	*line = 1;
	*col = 1;
}

/* The member index of key in obj, or -1. */
static long
member_index(const json_t *obj, const char *key)
{
	long	 n = 0;
	void	*it;

	for (it = json_object_iter((json_t *)obj); it != NULL;
	    it = json_object_iter_next((json_t *)obj, it), n++)
		if (strcmp(json_object_iter_key(it), key) == 0)
			return n;
	return -1;
}

/*
 * Reports a problem with a record of section sec, at the value of key
 * (the key itself if keypos, the record where key is NULL or absent).
 */
static int
rec_error(struct load *ld, const struct rec *r, enum section sec,
    const char *key, int keypos, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static int
rec_error(struct load *ld, const struct rec *r, enum section sec,
    const char *key, int keypos, const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;
	long		 m = key != NULL ? member_index(r->obj, key) : -1;
	int		 line, col;

	if (m >= 0)
		pos_find(r->file, r->obj, (size_t)m + (keypos ? 0 : 1000000),
		    &line, &col);
	else if (r->array != NULL)
		pos_find(r->file, r->array, r->idx, &line, &col);
	else
		pos_find(r->file, r->file->root,
		    (size_t)member_index(r->file->root,
		    section_names[sec]) + 1000000, &line, &col);
	if (r->id != NULL)
		sb_addf(&sb, "%s \"%s\": ", section_what[sec], r->id);
	else if (sec != SEC_META)
		sb_addf(&sb, "%s %zu: ", section_what[sec], r->idx + 1);
	va_start(ap, fmt);
	{
		char	buf[1024];

		vsnprintf(buf, sizeof(buf), fmt, ap);
		sb_adds(&sb, buf);
	}
	va_end(ap);
	diag_at(r->file->path, line, col, "%s", sb.buf);
	sb_release(&sb);
	ld->failed = 1;
	return -1;
}

/* Reports a problem at element idx of array arr inside record r's key. */
static int
elem_error(struct load *ld, const struct rec *r, enum section sec,
    const json_t *arr, size_t idx, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static int
elem_error(struct load *ld, const struct rec *r, enum section sec,
    const json_t *arr, size_t idx, const char *fmt, ...)
{
	va_list	ap;
	char	buf[1024];
	int	line, col;

	pos_find(r->file, arr, idx, &line, &col);
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (r->id != NULL)
		diag_at(r->file->path, line, col, "%s \"%s\": %s",
		    section_what[sec], r->id, buf);
	else
		diag_at(r->file->path, line, col, "%s %zu: %s",
		    section_what[sec], r->idx + 1, buf);
	ld->failed = 1;
	return -1;
}

/* ------------------------------------------------------------ reading */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds path (a .json file, or a directory of them) to names. */
static int
collect(const char *path, struct strv *names)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*de;
	struct strv	 found = { 0 };
	size_t		 n;

	if (stat(path, &st) == -1)
		return diag_error("cannot read \"%s\": %s", path,
		    strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		strv_push(names, path);
		return 0;
	}
	if ((d = opendir(path)) == NULL)
		return diag_error("cannot read \"%s\": %s", path,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n > 5 && strcmp(de->d_name + n - 5, ".json") == 0 &&
		    de->d_name[0] != '.')
			strv_push_owned(&found, xasprintf("%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/",
			    de->d_name));
	}
	closedir(d);
	if (found.n == 0) {
		strv_release(&found);
		return diag_error("no .json files in \"%s\"", path);
	}
	qsort(found.v, found.n, sizeof(*found.v), cmp_str);
	for (size_t i = 0; i < found.n; i++)
		strv_push(names, found.v[i]);
	strv_release(&found);
	return 0;
}

static int
read_file(struct file *f)
{
	FILE	*fp;
	struct strbuf sb = { 0 };
	char	 buf[65536];
	size_t	 n;

	if ((fp = fopen(f->path, "rb")) == NULL)
		return diag_error("cannot read \"%s\": %s", f->path,
		    strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_add(&sb, buf, n);
	if (ferror(fp)) {
		fclose(fp);
		sb_release(&sb);
		return diag_error("cannot read \"%s\": %s", f->path,
		    strerror(errno));
	}
	fclose(fp);
	f->len = sb.len;
	f->text = sb_detach(&sb);
	return 0;
}

/* Adds every record of one section value to ld. */
static void
add_section(struct load *ld, struct file *f, enum section sec, json_t *v)
{
	struct rec	*r;
	size_t		 n;
	json_t		*id;
	struct rec	 tmp = { f, v, NULL, 0, NULL };
	int		 line, col;

	if (sec == SEC_META) {
		if (!json_is_object(v)) {
			rec_error(ld, &tmp, sec, NULL, 0,
			    "must be an object");
			return;
		}
		n = 1;
	} else if (!json_is_array(v)) {
		pos_find(f, f->root, (size_t)member_index(f->root,
		    section_names[sec]) + 1000000, &line, &col);
		diag_at(f->path, line, col,
		    "section \"%s\" must be an array of objects",
		    section_names[sec]);
		ld->failed = 1;
		return;
	} else
		n = json_array_size(v);
	ld->recs[sec] = xrealloc(ld->recs[sec],
	    (ld->nrecs[sec] + n) * sizeof(struct rec));
	for (size_t i = 0; i < n; i++) {
		r = &ld->recs[sec][ld->nrecs[sec]];
		r->file = f;
		r->obj = sec == SEC_META ? v : json_array_get(v, i);
		r->array = sec == SEC_META ? NULL : v;
		r->idx = i;
		r->id = NULL;
		if (!json_is_object(r->obj)) {
			pos_find(f, v, i, &line, &col);
			diag_at(f->path, line, col,
			    "%s %zu: must be an object", section_what[sec],
			    i + 1);
			ld->failed = 1;
			continue;
		}
		id = json_object_get(r->obj, "id");
		if (json_is_string(id))
			r->id = json_string_value(id);
		ld->nrecs[sec]++;
	}
}

static int
load_file(struct load *ld, struct file *f)
{
	json_error_t	 err;
	struct scan	 sc;
	const char	*key;
	json_t		*v;
	int		 s, line, col;

	if (read_file(f) == -1) {
		ld->failed = 1;
		return -1;
	}
	f->root = json_loadb(f->text, f->len, JSON_REJECT_DUPLICATES, &err);
	if (f->root == NULL) {
		ld->failed = 1;
		return diag_at(f->path, err.line < 1 ? 1 : err.line,
		    err.column < 1 ? 1 : err.column, "%s", err.text);
	}
	sc.f = f;
	sc.i = 0;
	sc.line = 1;
	sc.col = 1;
	scan_value(&sc, f->root);
	if (!json_is_object(f->root)) {
		ld->failed = 1;
		return diag_at(f->path, 1, 1,
		    "a catalog file must be a JSON object of sections "
		    "(meta, layers, usecases, services, synonyms, glossary, "
		    "stages, roles)");
	}
	json_object_foreach(f->root, key, v) {
		for (s = 0; s < SEC_N; s++)
			if (strcmp(key, section_names[s]) == 0)
				break;
		if (s == SEC_N) {
			const char *best[1];

			pos_find(f, f->root, (size_t)member_index(f->root,
			    key), &line, &col);
			util_suggest(key, section_names, SEC_N, best, 1);
			if (best[0] != NULL)
				diag_at(f->path, line, col,
				    "unknown section \"%s\" (did you mean "
				    "\"%s\"?)", key, best[0]);
			else
				diag_at(f->path, line, col,
				    "unknown section \"%s\" (expected: meta, "
				    "layers, usecases, services, synonyms, "
				    "glossary, stages, roles)", key);
			ld->failed = 1;
			continue;
		}
		add_section(ld, f, (enum section)s, v);
	}
	return 0;
}

/* ---------------------------------------------------------- validation */

static const char *
type_name(enum ftype t)
{
	switch (t) {
	case T_STR:
	case T_SLUG:
	case T_DATE:
	case T_URL:
		return "a string";
	case T_STR_NULL:
		return "a string or null";
	case T_INT:
		return "an integer";
	case T_STRS:
	case T_SLUGS:
	case T_URLS:
		return "an array of strings";
	case T_WEIGHTS:
		return "an object of use case ids to weights";
	}
	return "?";
}

/* Checks one string scalar against the rules of its type. */
static int
check_scalar(struct load *ld, const struct rec *r, enum section sec,
    const char *key, const json_t *arr, size_t idx, enum ftype t,
    const char *s)
{
	const char *what = NULL;

	if (*s == '\0' || strspn(s, " \t\r\n") == strlen(s))
		what = "must not be empty";
	else if (t == T_SLUG && !util_is_slug(s))
		what = "must be a lowercase slug like \"sagemaker-ai\"";
	else if (t == T_DATE && !util_is_date(s))
		what = "must be a date YYYY-MM-DD";
	else if (t == T_URL && (strncmp(s, "https://", 8) != 0 ||
	    strlen(s) < 12 || strpbrk(s, " \t\n") != NULL))
		what = "must be an https:// URL";
	if (what == NULL)
		return 0;
	if (arr != NULL)
		return elem_error(ld, r, sec, arr, idx, "%s: \"%s\" %s", key,
		    s, what);
	return rec_error(ld, r, sec, key, 0, "%s: \"%s\" %s", key, s, what);
}

static int
check_fields(struct load *ld, const struct rec *r, enum section sec)
{
	const struct field *fields = section_fields[sec], *fd;
	const char	*key, *names[32], *best[1];
	json_t		*v, *e;
	size_t		 nnames = 0, i;
	enum ftype	 et;
	int		 bad = 0;

	for (fd = fields; fd->key != NULL; fd++)
		names[nnames++] = fd->key;
	json_object_foreach(r->obj, key, v) {
		for (fd = fields; fd->key != NULL; fd++)
			if (strcmp(fd->key, key) == 0)
				break;
		if (fd->key == NULL) {
			util_suggest(key, names, nnames, best, 1);
			if (best[0] != NULL)
				rec_error(ld, r, sec, key, 1,
				    "unknown key \"%s\" (did you mean "
				    "\"%s\"?)", key, best[0]);
			else
				rec_error(ld, r, sec, key, 1,
				    "unknown key \"%s\"", key);
			bad = 1;
		}
	}
	for (fd = fields; fd->key != NULL; fd++) {
		v = json_object_get(r->obj, fd->key);
		if (v == NULL) {
			if (fd->required) {
				rec_error(ld, r, sec, NULL, 0,
				    "missing required key \"%s\"", fd->key);
				bad = 1;
			}
			continue;
		}
		switch (fd->type) {
		case T_STR_NULL:
			if (json_is_null(v))
				continue;
			/* FALLTHROUGH */
		case T_STR:
		case T_SLUG:
		case T_DATE:
		case T_URL:
			if (!json_is_string(v))
				goto wrong;
			if (check_scalar(ld, r, sec, fd->key, NULL, 0,
			    fd->type, json_string_value(v)) == -1)
				bad = 1;
			continue;
		case T_INT:
			if (!json_is_integer(v))
				goto wrong;
			continue;
		case T_STRS:
		case T_SLUGS:
		case T_URLS:
			if (!json_is_array(v))
				goto wrong;
			et = fd->type == T_SLUGS ? T_SLUG :
			    fd->type == T_URLS ? T_URL : T_STR;
			json_array_foreach(v, i, e) {
				if (!json_is_string(e)) {
					elem_error(ld, r, sec, v, i,
					    "%s: element %zu must be a string",
					    fd->key, i + 1);
					bad = 1;
				} else if (check_scalar(ld, r, sec, fd->key, v,
				    i, et, json_string_value(e)) == -1)
					bad = 1;
			}
			break;
		case T_WEIGHTS:
			if (!json_is_object(v))
				goto wrong;
			i = 0;
			json_object_foreach(v, key, e) {
				double w = json_number_value(e);

				if (!json_is_number(e) || w <= 0 || w > 1) {
					elem_error(ld, r, sec, v, i + 1000000,
					    "%s: weight of \"%s\" must be a "
					    "number in (0, 1]", fd->key, key);
					bad = 1;
				}
				i++;
			}
			if (json_object_size(v) < fd->min) {
				rec_error(ld, r, sec, fd->key, 0,
				    "%s: needs at least %zu", fd->key, fd->min);
				bad = 1;
			}
			continue;
		}
		if (json_array_size(v) < fd->min) {
			rec_error(ld, r, sec, fd->key, 0,
			    "%s: needs at least %zu, has %zu", fd->key,
			    fd->min, json_array_size(v));
			bad = 1;
		}
		continue;
wrong:
		rec_error(ld, r, sec, fd->key, 0, "%s must be %s", fd->key,
		    type_name(fd->type));
		bad = 1;
	}
	return bad ? -1 : 0;
}

static const char *
str(const struct rec *r, const char *key)
{
	json_t	*v = json_object_get(r->obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Finds the record with this id in a section, or NULL. */
static const struct rec *
find_id(const struct load *ld, enum section sec, const char *id)
{
	for (size_t i = 0; i < ld->nrecs[sec]; i++)
		if (ld->recs[sec][i].id != NULL &&
		    strcmp(ld->recs[sec][i].id, id) == 0)
			return &ld->recs[sec][i];
	return NULL;
}

/* Reports a reference to an id that section target does not have. */
static void
check_ref(struct load *ld, const struct rec *r, enum section sec,
    const char *key, const json_t *arr, size_t idx, enum section target,
    const char *id)
{
	const char	**ids, *best[1];
	size_t		  n = 0;

	if (find_id(ld, target, id) != NULL)
		return;
	ids = xcalloc(ld->nrecs[target] + 1, sizeof(*ids));
	for (size_t i = 0; i < ld->nrecs[target]; i++)
		if (ld->recs[target][i].id != NULL)
			ids[n++] = ld->recs[target][i].id;
	util_suggest(id, ids, n, best, 1);
	free(ids);
	if (arr != NULL)
		elem_error(ld, r, sec, arr, idx, "%s: unknown %s \"%s\"%s%s%s",
		    key, section_what[target], id,
		    best[0] ? " (did you mean \"" : "", best[0] ? best[0] : "",
		    best[0] ? "\"?)" : "");
	else
		rec_error(ld, r, sec, key, 0, "%s: unknown %s \"%s\"%s%s%s",
		    key, section_what[target], id,
		    best[0] ? " (did you mean \"" : "", best[0] ? best[0] : "",
		    best[0] ? "\"?)" : "");
}

static void
check_refs(struct load *ld, const struct rec *r, enum section sec,
    const char *key, enum section target)
{
	json_t	*v = json_object_get(r->obj, key), *e;
	size_t	 i;

	if (json_is_string(v))
		check_ref(ld, r, sec, key, NULL, 0, target,
		    json_string_value(v));
	else if (json_is_array(v))
		json_array_foreach(v, i, e)
			if (json_is_string(e))
				check_ref(ld, r, sec, key, v, i, target,
				    json_string_value(e));
}

static void
check_duplicates(struct load *ld, enum section sec)
{
	const struct rec *a, *b;
	int		 line, col;

	for (size_t i = 0; i < ld->nrecs[sec]; i++) {
		b = &ld->recs[sec][i];
		if (b->id == NULL)
			continue;
		for (size_t j = 0; j < i; j++) {
			a = &ld->recs[sec][j];
			if (a->id == NULL || strcmp(a->id, b->id) != 0)
				continue;
			pos_find(a->file, a->array, a->idx, &line, &col);
			rec_error(ld, b, sec, "id", 0,
			    "duplicate id (first defined at %s:%d:%d)",
			    a->file->path, line, col);
			break;
		}
	}
}

/* The layer ids the catalog defines, for messages. */
static char *
expected_ids(const struct load *ld, enum section sec)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < ld->nrecs[sec]; i++)
		if (ld->recs[sec][i].id != NULL)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "",
			    ld->recs[sec][i].id);
	return sb_detach(&sb);
}

/* Names, ids and aliases of services must not collide, case folded. */
static void
check_aliases(struct load *ld)
{
	struct rec	*r, *o;
	json_t		*al, *e, *oal, *oe;
	size_t		 i, j;
	char		*fa;

	for (size_t s = 0; s < ld->nrecs[SEC_SERVICES]; s++) {
		r = &ld->recs[SEC_SERVICES][s];
		al = json_object_get(r->obj, "aliases");
		if (!json_is_array(al))
			continue;
		json_array_foreach(al, i, e) {
			if (!json_is_string(e))
				continue;
			fa = util_fold(json_string_value(e));
			for (size_t t = 0; t < ld->nrecs[SEC_SERVICES]; t++) {
				const char *n, *id;
				char *fn, *fi;
				int clash;

				o = &ld->recs[SEC_SERVICES][t];
				n = str(o, "name");
				id = o->id;
				fn = util_fold(n ? n : "");
				fi = util_fold(id ? id : "");
				clash = t != s && (strcmp(fa, fn) == 0 ||
				    strcmp(fa, fi) == 0);
				free(fn);
				free(fi);
				if (clash) {
					elem_error(ld, r, SEC_SERVICES, al, i,
					    "aliases: \"%s\" is the name or id "
					    "of service \"%s\"",
					    json_string_value(e), o->id);
					break;
				}
				if (t >= s)
					continue;
				oal = json_object_get(o->obj, "aliases");
				if (!json_is_array(oal))
					continue;
				json_array_foreach(oal, j, oe) {
					char *fo;

					if (!json_is_string(oe))
						continue;
					fo = util_fold(json_string_value(oe));
					clash = strcmp(fo, fa) == 0;
					free(fo);
					if (clash) {
						elem_error(ld, r, SEC_SERVICES,
						    al, i, "aliases: \"%s\" "
						    "belongs to service \"%s\" "
						    "too", json_string_value(e),
						    o->id);
						break;
					}
				}
			}
			free(fa);
		}
	}
}

static void
check_service(struct load *ld, const struct rec *r)
{
	const char	*layer = str(r, "layer"), *status = str(r, "status");
	const char	*key, *succ = str(r, "successor");
	json_t		*uc = json_object_get(r->obj, "usecases"), *w;
	char		*exp;
	size_t		 i = 0;
	int		 ok = 0;

	if (layer != NULL && find_id(ld, SEC_LAYERS, layer) == NULL) {
		exp = expected_ids(ld, SEC_LAYERS);
		rec_error(ld, r, SEC_SERVICES, "layer", 0,
		    "unknown layer \"%s\" (expected: %s)", layer, exp);
		free(exp);
	}
	if (json_is_object(uc)) {
		json_object_foreach(uc, key, w) {
			if (find_id(ld, SEC_USECASES, key) == NULL) {
				const char **ids, *best[1];
				size_t n = 0;

				ids = xcalloc(ld->nrecs[SEC_USECASES] + 1,
				    sizeof(*ids));
				for (size_t k = 0; k < ld->nrecs[SEC_USECASES];
				    k++)
					if (ld->recs[SEC_USECASES][k].id)
						ids[n++] =
						    ld->recs[SEC_USECASES][k].id;
				util_suggest(key, ids, n, best, 1);
				free(ids);
				elem_error(ld, r, SEC_SERVICES, uc, i,
				    "usecases: unknown use case \"%s\"%s%s%s",
				    key, best[0] ? " (did you mean \"" : "",
				    best[0] ? best[0] : "",
				    best[0] ? "\"?)" : "");
			}
			i++;
		}
	}
	if (status != NULL) {
		for (size_t k = 0; k < 4; k++)
			if (strcmp(status, statuses[k]) == 0)
				ok = 1;
		if (!ok)
			rec_error(ld, r, SEC_SERVICES, "status", 0,
			    "unknown status \"%s\" (expected: ga, preview, "
			    "closed, retired)", status);
		else if ((strcmp(status, "closed") == 0 ||
		    strcmp(status, "retired") == 0) &&
		    str(r, "status_date") == NULL)
			rec_error(ld, r, SEC_SERVICES, "status", 0,
			    "status \"%s\" needs a status_date", status);
		else if (succ != NULL && (strcmp(status, "ga") == 0 ||
		    strcmp(status, "preview") == 0))
			rec_error(ld, r, SEC_SERVICES, "successor", 0,
			    "successor \"%s\" given but status is \"%s\" "
			    "(only closed or retired services have one)",
			    succ, status);
	}
	if (succ != NULL && r->id != NULL && strcmp(succ, r->id) == 0)
		rec_error(ld, r, SEC_SERVICES, "successor", 0,
		    "a service cannot be its own successor");
	check_refs(ld, r, SEC_SERVICES, "successor", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "part_of", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "alternatives", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "complements", SEC_SERVICES);
}

static void
validate(struct load *ld)
{
	const struct rec *r;
	int		 line, col;

	for (int s = 0; s < SEC_N; s++)
		for (size_t i = 0; i < ld->nrecs[s]; i++)
			check_fields(ld, &ld->recs[s][i], (enum section)s);
	if (ld->nrecs[SEC_META] == 0) {
		diag_error("catalog has no \"meta\" section (it needs "
		    "\"version\" and \"as_of\")");
		ld->failed = 1;
	} else if (ld->nrecs[SEC_META] > 1) {
		r = &ld->recs[SEC_META][0];
		pos_find(r->file, r->file->root, (size_t)member_index(
		    r->file->root, "meta") + 1000000, &line, &col);
		rec_error(ld, &ld->recs[SEC_META][1], SEC_META, NULL, 0,
		    "\"meta\" given twice (first at %s:%d:%d)",
		    r->file->path, line, col);
	}
	for (int s = SEC_LAYERS; s < SEC_N; s++)
		check_duplicates(ld, (enum section)s);
	for (size_t i = 0; i < ld->nrecs[SEC_SERVICES]; i++)
		check_service(ld, &ld->recs[SEC_SERVICES][i]);
	check_aliases(ld);
	for (size_t i = 0; i < ld->nrecs[SEC_GLOSSARY]; i++)
		check_refs(ld, &ld->recs[SEC_GLOSSARY][i], SEC_GLOSSARY, "see",
		    SEC_GLOSSARY);
	for (int s = SEC_STAGES; s <= SEC_ROLES; s++)
		for (size_t i = 0; i < ld->nrecs[s]; i++)
			check_refs(ld, &ld->recs[s][i], (enum section)s,
			    "services", SEC_SERVICES);
}

/*
 * Reads and validates every catalog file named by paths (files or
 * directories). Returns the load (free with load_free()) even when it
 * failed: load_failed() tells, and every problem has been reported.
 */
struct load *
load_paths(const char *const *paths, size_t npaths)
{
	struct load	*ld;
	struct strv	 names = { 0 };

	ld = xcalloc(1, sizeof(*ld));
	for (size_t i = 0; i < npaths; i++)
		if (collect(paths[i], &names) == -1)
			ld->failed = 1;
	ld->files = xcalloc(names.n + 1, sizeof(*ld->files));
	for (size_t i = 0; i < names.n; i++) {
		ld->files[i].path = xstrdup(names.v[i]);
		ld->nfiles++;
		load_file(ld, &ld->files[i]);
	}
	strv_release(&names);
	validate(ld);
	return ld;
}

int
load_failed(const struct load *ld)
{
	return ld->failed;
}

void
load_free(struct load *ld)
{
	if (ld == NULL)
		return;
	for (size_t i = 0; i < ld->nfiles; i++) {
		free(ld->files[i].path);
		free(ld->files[i].text);
		free(ld->files[i].pos);
		json_decref(ld->files[i].root);
	}
	free(ld->files);
	for (int s = 0; s < SEC_N; s++)
		free(ld->recs[s]);
	free(ld);
}

/* ------------------------------------------------------------- output */

typedef int (*row_fn)(void *, const char *, const char *const *, size_t);

/* Emits one row for each string of array key (with extra leading values). */
static int
emit_strings(void *arg, row_fn fn, const char *table, const struct rec *r,
    const char *key, const char *a, const char *b)
{
	json_t	*v = json_object_get(r->obj, key), *e;
	size_t	 i;
	char	 ord[32];
	const char *vals[4];

	json_array_foreach(v, i, e) {
		snprintf(ord, sizeof(ord), "%zu", i);
		vals[0] = a;
		vals[1] = b;
		vals[2] = ord;
		vals[3] = json_string_value(e);
		if (b == NULL) {
			vals[1] = json_string_value(e);
			if (fn(arg, table, vals, 2) == -1)
				return -1;
		} else if (fn(arg, table, vals, 4) == -1)
			return -1;
	}
	return 0;
}

static int
emit_doc(void *arg, row_fn fn, const char *text, const char *ord,
    const char *kind)
{
	const char *vals[4] = { text, ord, kind, NULL };

	if (text == NULL)
		return 0;
	vals[3] = tokenizer_is_hangul(text, strlen(text)) ? "ko" : "en";
	return fn(arg, "docs", vals, 4);
}

static int
emit_service(void *arg, row_fn fn, const struct rec *r, size_t ord)
{
	static const char *const docfields[][2] = {
		{ "name", "name" }, { "summary", "summary" },
		{ "summary_ko", "summary" }, { "description", "description" },
	};
	static const char *const relfields[][2] = {
		{ "successor", "successor" }, { "part_of", "part-of" },
		{ "alternatives", "alternative" },
		{ "complements", "complements" },
	};
	const char	*vals[18], *key;
	char		*record, ordbuf[32], wbuf[32];
	json_t		*v, *e;
	size_t		 i;
	int		 rc;

	snprintf(ordbuf, sizeof(ordbuf), "%zu", ord);
	record = json_dumps(r->obj, JSON_COMPACT);
	vals[0] = r->id;
	vals[1] = ordbuf;
	vals[2] = str(r, "name");
	vals[3] = str(r, "layer");
	vals[4] = str(r, "layer_note");
	vals[5] = str(r, "summary");
	vals[6] = str(r, "summary_ko");
	vals[7] = str(r, "description");
	vals[8] = str(r, "status");
	vals[9] = str(r, "status_date");
	vals[10] = str(r, "status_note");
	vals[11] = str(r, "successor");
	vals[12] = str(r, "part_of");
	vals[13] = str(r, "cli");
	vals[14] = str(r, "docs");
	vals[15] = str(r, "as_of");
	vals[16] = record;
	rc = fn(arg, "services", vals, 17);
	free(record);
	if (rc == -1)
		return -1;
	v = json_object_get(r->obj, "usecases");
	json_object_foreach(v, key, e) {
		snprintf(wbuf, sizeof(wbuf), "%.17g", json_number_value(e));
		vals[0] = r->id;
		vals[1] = key;
		vals[2] = wbuf;
		if (fn(arg, "service_usecases", vals, 3) == -1)
			return -1;
	}
	if (emit_strings(arg, fn, "tasks", r, "tasks", r->id, "en") == -1 ||
	    emit_strings(arg, fn, "tasks", r, "tasks_ko", r->id, "ko") == -1)
		return -1;
	v = json_object_get(r->obj, "aliases");
	json_array_foreach(v, i, e) {
		vals[0] = json_string_value(e);
		vals[1] = r->id;
		if (fn(arg, "aliases", vals, 2) == -1 ||
		    emit_doc(arg, fn, json_string_value(e), ordbuf,
		    "alias") == -1)
			return -1;
	}
	for (i = 0; i < 4; i++) {
		const char *t = str(r, docfields[i][0]);

		if (emit_doc(arg, fn, t, ordbuf, docfields[i][1]) == -1)
			return -1;
	}
	if (emit_doc(arg, fn, r->id, ordbuf, "alias") == -1)
		return -1;
	for (const char *k = "tasks"; k != NULL;
	    k = strcmp(k, "tasks") == 0 ? "tasks_ko" : NULL) {
		v = json_object_get(r->obj, k);
		json_array_foreach(v, i, e)
			if (emit_doc(arg, fn, json_string_value(e), ordbuf,
			    "task") == -1)
				return -1;
	}
	for (i = 0; i < 4; i++) {
		v = json_object_get(r->obj, relfields[i][0]);
		if (json_is_string(v)) {
			vals[0] = r->id;
			vals[1] = relfields[i][1];
			vals[2] = json_string_value(v);
			if (fn(arg, "relations", vals, 3) == -1)
				return -1;
		} else if (json_is_array(v)) {
			size_t j;

			json_array_foreach(v, j, e) {
				vals[0] = r->id;
				vals[1] = relfields[i][1];
				vals[2] = json_string_value(e);
				if (fn(arg, "relations", vals, 3) == -1)
					return -1;
			}
		}
	}
	v = json_object_get(r->obj, "sources");
	json_array_foreach(v, i, e) {
		vals[0] = r->id;
		vals[1] = json_string_value(e);
		if (fn(arg, "sources", vals, 2) == -1)
			return -1;
	}
	return 0;
}

static int
emit_group(void *arg, row_fn fn, const struct rec *r, const char *kind,
    size_t ord)
{
	const char	*vals[7];
	char		 ordbuf[32], sord[32];
	json_t		*v, *e, *o = json_object_get(r->obj, "order");
	size_t		 i;

	snprintf(ordbuf, sizeof(ordbuf), "%lld", json_is_integer(o) ?
	    (long long)json_integer_value(o) : (long long)ord);
	vals[0] = kind;
	vals[1] = r->id;
	vals[2] = ordbuf;
	vals[3] = str(r, "name");
	vals[4] = str(r, "name_ko");
	vals[5] = str(r, "summary");
	vals[6] = str(r, "summary_ko");
	if (fn(arg, "groups", vals, 7) == -1)
		return -1;
	v = json_object_get(r->obj, "services");
	json_array_foreach(v, i, e) {
		snprintf(sord, sizeof(sord), "%zu", i);
		vals[0] = kind;
		vals[1] = r->id;
		vals[2] = sord;
		vals[3] = json_string_value(e);
		if (fn(arg, "group_services", vals, 4) == -1)
			return -1;
	}
	return 0;
}

/*
 * Hands every validated record to fn as rows of the schema's tables:
 * fn(arg, table, values, nvalues), values in column order, NULL for SQL
 * NULL. Returns 0, or -1 as soon as fn does.
 */
int
load_insert(struct load *ld, void *arg, row_fn fn)
{
	const struct rec *r;
	const char	*vals[8];
	char		 ord[32];
	json_t		*v, *e;
	size_t		 i;

	if (ld->failed)
		BUG("inserting a catalog that failed to load");
	r = &ld->recs[SEC_META][0];
	vals[0] = "version";
	vals[1] = str(r, "version");
	if (fn(arg, "meta", vals, 2) == -1)
		return -1;
	vals[0] = "as_of";
	vals[1] = str(r, "as_of");
	if (fn(arg, "meta", vals, 2) == -1)
		return -1;
	for (size_t k = 0; k < ld->nrecs[SEC_LAYERS]; k++) {
		r = &ld->recs[SEC_LAYERS][k];
		snprintf(ord, sizeof(ord), "%lld", (long long)
		    json_integer_value(json_object_get(r->obj, "order")));
		vals[0] = r->id;
		vals[1] = ord;
		vals[2] = str(r, "name");
		vals[3] = str(r, "name_ko");
		vals[4] = str(r, "summary");
		vals[5] = str(r, "summary_ko");
		if (fn(arg, "layers", vals, 6) == -1)
			return -1;
	}
	for (size_t k = 0; k < ld->nrecs[SEC_USECASES]; k++) {
		r = &ld->recs[SEC_USECASES][k];
		snprintf(ord, sizeof(ord), "%zu", k);
		vals[0] = r->id;
		vals[1] = ord;
		vals[2] = str(r, "name");
		vals[3] = str(r, "name_ko");
		vals[4] = str(r, "summary");
		vals[5] = str(r, "summary_ko");
		if (fn(arg, "usecases", vals, 6) == -1 ||
		    emit_strings(arg, fn, "usecase_keywords", r, "keywords",
		    r->id, NULL) == -1)
			return -1;
		for (const char *const *k2 = (const char *const[]){ "name",
		    "name_ko", NULL }; *k2 != NULL; k2++) {
			vals[0] = r->id;
			vals[1] = str(r, *k2);
			if (fn(arg, "usecase_keywords", vals, 2) == -1)
				return -1;
		}
	}
	for (size_t k = 0; k < ld->nrecs[SEC_SERVICES]; k++)
		if (emit_service(arg, fn, &ld->recs[SEC_SERVICES][k], k) == -1)
			return -1;
	for (size_t k = 0; k < ld->nrecs[SEC_SYNONYMS]; k++) {
		r = &ld->recs[SEC_SYNONYMS][k];
		snprintf(ord, sizeof(ord), "%zu", k);
		v = json_object_get(r->obj, "terms");
		json_array_foreach(v, i, e) {
			vals[0] = ord;
			vals[1] = json_string_value(e);
			if (fn(arg, "synonyms", vals, 2) == -1)
				return -1;
		}
	}
	for (size_t k = 0; k < ld->nrecs[SEC_GLOSSARY]; k++) {
		r = &ld->recs[SEC_GLOSSARY][k];
		snprintf(ord, sizeof(ord), "%zu", k);
		vals[0] = r->id;
		vals[1] = ord;
		vals[2] = str(r, "term");
		vals[3] = str(r, "term_ko");
		vals[4] = str(r, "definition");
		vals[5] = str(r, "definition_ko");
		if (fn(arg, "glossary", vals, 6) == -1)
			return -1;
		for (const char *const *k2 = (const char *const[]){ "id",
		    "term", "term_ko", NULL }; *k2 != NULL; k2++) {
			vals[0] = str(r, *k2);
			vals[1] = r->id;
			if (fn(arg, "glossary_names", vals, 2) == -1)
				return -1;
		}
		v = json_object_get(r->obj, "aliases");
		json_array_foreach(v, i, e) {
			vals[0] = json_string_value(e);
			vals[1] = r->id;
			if (fn(arg, "glossary_names", vals, 2) == -1)
				return -1;
		}
		v = json_object_get(r->obj, "see");
		json_array_foreach(v, i, e) {
			vals[0] = r->id;
			vals[1] = json_string_value(e);
			if (fn(arg, "glossary_see", vals, 2) == -1)
				return -1;
		}
	}
	for (size_t k = 0; k < ld->nrecs[SEC_STAGES]; k++)
		if (emit_group(arg, fn, &ld->recs[SEC_STAGES][k], "stage",
		    k) == -1)
			return -1;
	for (size_t k = 0; k < ld->nrecs[SEC_ROLES]; k++)
		if (emit_group(arg, fn, &ld->recs[SEC_ROLES][k], "role",
		    k) == -1)
			return -1;
	return 0;
}
