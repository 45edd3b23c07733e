/*
 * load.c: catalog JSON files -> parsed records, by section. Reading is
 * careful with what a stranger may hand over: only regular files, of a
 * bounded size, are read. Validation is load-check.c's job, positions
 * load-scan.c's, rows load-emit.c's. Every problem is reported as
 * FILE:LINE:COL and loading goes on, so one run shows them all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"

const char *const load_section_names[SEC_N] = {
	"meta", "layers", "usecases", "services", "synonyms", "glossary",
	"stages", "roles", "capabilities", "questions",
};

/* The name of section i, in catalog order, or NULL past the last. */
const char *
load_section(size_t i)
{
	return i < SEC_N ? load_section_names[i] : NULL;
}

/* What one section's record is called in messages. */
const char *const load_section_what[SEC_N] = {
	"meta", "layer", "use case", "service", "synonym group",
	"glossary entry", "stage", "role", "capability", "question",
};

/*
 * A record as compact JSON text (caller frees). Numbers get 15 digits:
 * what a person wrote as 0.9 comes back as 0.9, not 0.90000000000000002.
 */
char *
load_dump(const json_t *obj)
{
	return json_dumps(obj, JSON_COMPACT | JSON_REAL_PRECISION(15));
}

/* The member index of key in obj, or -1. */
long
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

/* "service \"x\": " or "service 3: " before a message about r. */
static void
rec_prefix(struct strbuf *sb, const struct rec *r, enum section sec)
{
	if (r->id != NULL)
		sb_addf(sb, "%s \"%s\": ", load_section_what[sec], r->id);
	else if (sec != SEC_META)
		sb_addf(sb, "%s %zu: ", load_section_what[sec], r->idx + 1);
}

/*
 * Reports a problem with a record of section sec, at the value of key
 * (the key itself if keypos, the record where key is NULL or absent).
 */
int
rec_error(struct load *ld, const struct rec *r, enum section sec,
    const char *key, int keypos, const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;
	long		 m = key != NULL ? member_index(r->obj, key) : -1;
	int		 line, col;

	if (m >= 0)
		pos_find(r->file, r->obj, (size_t)m + (keypos ? 0 : POS_VALUE),
		    &line, &col);
	else if (r->array != NULL)
		pos_find(r->file, r->array, r->idx, &line, &col);
	else
		pos_find(r->file, r->file->root, (size_t)member_index(
		    r->file->root, load_section_names[sec]) + POS_VALUE, &line,
		    &col);
	rec_prefix(&sb, r, sec);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_at(r->file->path, line, col, "%s", sb.buf);
	sb_release(&sb);
	ld->failed = 1;
	return -1;
}

/* Reports a problem at element idx of array (or object) arr in r. */
int
elem_error(struct load *ld, const struct rec *r, enum section sec,
    const json_t *arr, size_t idx, const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;
	int		 line, col;

	pos_find(r->file, arr, idx, &line, &col);
	rec_prefix(&sb, r, sec);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_at(r->file->path, line, col, "%s", sb.buf);
	sb_release(&sb);
	ld->failed = 1;
	return -1;
}


static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the .json files of directory path to names, sorted. */
static int
collect_dir(const char *path, struct strv *names)
{
	DIR		*d;
	struct dirent	*de;
	struct strv	 found = { 0 };
	size_t		 n;

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

/* Adds path (a .json file, or a directory of them) to names. */
static int
collect(const char *path, struct strv *names)
{
	struct stat	st;

	if (stat(path, &st) == -1)
		return diag_error("cannot read \"%s\": %s", path,
		    strerror(errno));
	if (S_ISDIR(st.st_mode))
		return collect_dir(path, names);
	strv_push(names, path);
	return 0;
}

/*
 * Reads all of path into a new buffer (*text, *len; caller frees),
 * refusing what is not a regular file (a FIFO, a device: never blocks)
 * or is larger than max bytes. Returns 0, or -1 after reporting.
 */
int
load_read_file(const char *path, size_t max, char **text, size_t *len)
{
	struct strbuf	 sb = { 0 };
	struct stat	 st;
	char		 buf[65536];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return diag_error("cannot read \"%s\": %s", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return diag_error("cannot read \"%s\": not a regular file",
		    path);
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return diag_error("cannot read \"%s\": larger than %zu MiB",
		    path, max >> 20);
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 && sb.len <= max)
		sb_add(&sb, buf, (size_t)n);
	close(fd);
	if (n == -1 || sb.len > max) {
		sb_release(&sb);
		return diag_error("cannot read \"%s\": %s", path, n == -1 ?
		    strerror(errno) : "it grew while being read");
	}
	*len = sb.len;
	*text = sb_detach(&sb);
	return 0;
}

/* Reports a problem at the value (or key) of top-level member key of f. */
static void
root_error(struct load *ld, struct file *f, const char *key, int value,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
root_error(struct load *ld, struct file *f, const char *key, int value,
    const char *fmt, ...)
{
	struct strbuf	 sb = { 0 };
	va_list		 ap;
	int		 line, col;

	pos_find(f, f->root, (size_t)member_index(f->root, key) +
	    (value ? POS_VALUE : 0), &line, &col);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_at(f->path, line, col, "%s", sb.buf);
	sb_release(&sb);
	ld->failed = 1;
}

/* Adds every record of one section value to ld. */
static void
add_section(struct load *ld, struct file *f, enum section sec, json_t *v)
{
	struct rec	*r;
	size_t		 n = 1;
	json_t		*id;
	int		 line, col;

	if (sec == SEC_META && !json_is_object(v)) {
		root_error(ld, f, "meta", 1, "%s must be an object", "meta");
		return;
	}
	if (sec != SEC_META && !json_is_array(v)) {
		root_error(ld, f, load_section_names[sec], 1,
		    "section \"%s\" must be an array of objects",
		    load_section_names[sec]);
		return;
	}
	if (sec != SEC_META)
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
			diag_at(f->path, line, col, "%s %zu: must be an object",
			    load_section_what[sec], i + 1);
			ld->failed = 1;
			continue;
		}
		id = json_object_get(r->obj, "id");
		if (json_is_string(id))
			r->id = json_string_value(id);
		ld->nrecs[sec]++;
	}
}

/* Appends the section names to sb: "meta, layers, ...". */
static void
section_list(struct strbuf *sb)
{
	for (int s = 0; s < SEC_N; s++)
		sb_addf(sb, "%s%s", s ? ", " : "", load_section_names[s]);
}

/* Reports a top-level key that is no section. */
static void
unknown_section(struct load *ld, struct file *f, const char *key)
{
	struct strbuf	 sb = { 0 };

	sb_adds(&sb, "");
	util_did_you_mean(&sb, key, load_section_names, SEC_N, 1);
	if (sb.len == 0) {
		sb_adds(&sb, " (expected: ");
		section_list(&sb);
		sb_adds(&sb, ")");
	}
	root_error(ld, f, key, 0, "unknown section \"%s\"%s", key, sb.buf);
	sb_release(&sb);
}

static int
load_file(struct load *ld, struct file *f)
{
	json_error_t	 err;
	const char	*key;
	json_t		*v;
	int		 s;

	if (load_read_file(f->path, LOAD_MAX_FILE, &f->text, &f->len) == -1) {
		ld->failed = 1;
		return -1;
	}
	f->root = json_loadb(f->text, f->len, JSON_REJECT_DUPLICATES, &err);
	if (f->root == NULL) {
		ld->failed = 1;
		return diag_at(f->path, err.line < 1 ? 1 : err.line,
		    err.column < 1 ? 1 : err.column, "%s", err.text);
	}
	scan_positions(f);
	if (!json_is_object(f->root)) {
		struct strbuf sb = { 0 };

		section_list(&sb);
		ld->failed = 1;
		diag_at(f->path, 1, 1, "a catalog file must be a JSON object of "
		    "sections (%s)", sb.buf);
		sb_release(&sb);
		return -1;
	}
	json_object_foreach(f->root, key, v) {
		for (s = 0; s < SEC_N; s++)
			if (strcmp(key, load_section_names[s]) == 0)
				break;
		if (s == SEC_N)
			unknown_section(ld, f, key);
		else
			add_section(ld, f, (enum section)s, v);
	}
	return 0;
}

/*
 * Reads and validates every catalog file named by paths (files or
 * directories), against what the schema defines. Returns the load (free with load_free()) even when it
 * failed: load_failed() tells, and every problem has been reported.
 */
struct load *
load_paths(const char *const *paths, size_t npaths,
    const struct vocab *vocab)
{
	struct load	*ld;
	struct strv	 names = { 0 };

	ld = xcalloc(1, sizeof(*ld));
	ld->vocab = vocab;
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
	/* a file that could not be read or parsed hides what the others
	 * refer to: its error is the one to fix first */
	if (!ld->failed)
		load_validate(ld);
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
	for (int s = 0; s < SEC_N; s++) {
		free(ld->recs[s]);
		strmap_release(&ld->ids[s]);
	}
	free(ld);
}
