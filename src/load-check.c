/*
 * load-check.c: the catalog's rules across records: unknown layers,
 * statuses and use cases, duplicate ids, dangling references, names and
 * aliases that two services claim, size limits. Every problem is
 * reported at its FILE:LINE:COL; ids and names are looked up in hash
 * tables, so checking stays linear in the catalog's size.
 */
#include <stdlib.h>
#include <string.h>

#include "load.h"

/* ------------------------------------------------------- references */

/* The string value of key in r, or NULL. */
const char *
rec_str(const struct rec *r, const char *key)
{
	json_t	*v = json_object_get(r->obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The record with this id in a section, or NULL. */
const struct rec *
load_find(const struct load *ld, enum section sec, const char *id)
{
	long	*i = strmap_get(&ld->ids[sec], id);

	return i != NULL ? &ld->recs[sec][*i] : NULL;
}

/* The ids of a section, for suggestions (caller frees the array). */
static const char **
section_ids(const struct load *ld, enum section sec, size_t *n)
{
	const char	**ids = xcalloc(ld->nrecs[sec] + 1, sizeof(*ids));

	*n = 0;
	for (size_t i = 0; i < ld->nrecs[sec]; i++)
		if (ld->recs[sec][i].id != NULL)
			ids[(*n)++] = ld->recs[sec][i].id;
	return ids;
}

/*
 * " (did you mean ...?)" for an unknown id of section sec. Each search
 * reads every id, so only the first MAXSUGGEST get one, and none once
 * SUGGEST_IDS ids have been read for them: a catalog of a million bad
 * references is still checked in linear time.
 */
#define MAXSUGGEST	100
#define SUGGEST_IDS	2000000
static char *
suggest_id(struct load *ld, enum section sec, const char *id)
{
	struct strbuf	  sb = { 0 };
	size_t		  n;
	const char	**ids;

	sb_adds(&sb, "");
	if (ld->suggested++ >= MAXSUGGEST || ld->suggest_read >= SUGGEST_IDS)
		return sb_detach(&sb);
	ids = section_ids(ld, sec, &n);
	ld->suggest_read += n;
	util_did_you_mean(&sb, id, ids, n, 1);
	free(ids);
	return sb_detach(&sb);
}

/* Reports a reference to an id that section target does not have. */
static void
check_ref(struct load *ld, const struct rec *r, enum section sec,
    const char *key, const json_t *arr, size_t idx, enum section target,
    const char *id)
{
	char	*hint;

	if (load_find(ld, target, id) != NULL)
		return;
	hint = suggest_id(ld, target, id);
	if (arr != NULL)
		elem_error(ld, r, sec, arr, idx, "%s: unknown %s \"%s\"%s",
		    key, load_section_what[target], id, hint);
	else
		rec_error(ld, r, sec, key, 0, "%s: unknown %s \"%s\"%s", key,
		    load_section_what[target], id, hint);
	free(hint);
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

/* Indexes each section's ids, reporting the duplicates. */
static void
index_ids(struct load *ld, enum section sec)
{
	const struct rec *a, *b;
	int		 line, col;
	long		 first;

	for (size_t i = 0; i < ld->nrecs[sec]; i++) {
		b = &ld->recs[sec][i];
		if (b->id == NULL ||
		    (first = strmap_put(&ld->ids[sec], b->id, (long)i)) ==
		    (long)i)
			continue;
		a = &ld->recs[sec][first];
		pos_find(a->file, a->array, a->idx, &line, &col);
		rec_error(ld, b, sec, "id", 0, "duplicate id (first defined "
		    "at %s:%d:%d)", a->file->path, line, col);
	}
}

/* -------------------------------------------------------- services */

/* The definition of status id, or NULL. */
static const struct status_def *
find_status(const struct load *ld, const char *id)
{
	for (size_t i = 0; i < ld->vocab->n; i++)
		if (strcmp(ld->vocab->v[i].id, id) == 0)
			return &ld->vocab->v[i];
	return NULL;
}

/* The statuses, "a, b, c" or, with closed set, "a or b" of those closed. */
static char *
status_list(const struct load *ld, int closed)
{
	struct strbuf	sb = { 0 };
	size_t		n = 0, k = 0;

	for (size_t i = 0; i < ld->vocab->n; i++)
		n += !closed || !ld->vocab->v[i].new_customers;
	sb_adds(&sb, "");
	for (size_t i = 0; i < ld->vocab->n; i++) {
		if (closed && ld->vocab->v[i].new_customers)
			continue;
		sb_addf(&sb, "%s%s", k == 0 ? "" : !closed ? ", " :
		    k + 1 == n ? " or " : ", ", ld->vocab->v[i].id);
		k++;
	}
	return sb_detach(&sb);
}

static void
check_status(struct load *ld, const struct rec *r)
{
	const char	*status = rec_str(r, "status");
	const char	*succ = rec_str(r, "successor");
	const struct status_def *st;
	char		*list;

	if (status == NULL)
		return;
	if ((st = find_status(ld, status)) == NULL) {
		list = status_list(ld, 0);
		rec_error(ld, r, SEC_SERVICES, "status", 0, "unknown status "
		    "\"%s\" (expected: %s)", status, list);
		free(list);
	} else if (!st->new_customers && rec_str(r, "status_date") == NULL)
		rec_error(ld, r, SEC_SERVICES, "status", 0, "status \"%s\" "
		    "needs a status_date", status);
	else if (succ != NULL && st->new_customers) {
		list = status_list(ld, 1);
		rec_error(ld, r, SEC_SERVICES, "successor", 0, "successor "
		    "\"%s\" given but status is \"%s\" (only %s services have "
		    "one)", succ, status, list);
		free(list);
	}
	if (succ != NULL && r->id != NULL && strcmp(succ, r->id) == 0)
		rec_error(ld, r, SEC_SERVICES, "successor", 0,
		    "a service cannot be its own successor");
}

static void
check_service(struct load *ld, const struct rec *r)
{
	const char	*layer = rec_str(r, "layer"), *key;
	json_t		*uc = json_object_get(r->obj, "usecases"), *w;
	char		*hint;
	size_t		 i = 0, n;

	if (layer != NULL && load_find(ld, SEC_LAYERS, layer) == NULL) {
		const char **ids = section_ids(ld, SEC_LAYERS, &n);
		struct strbuf sb = { 0 };

		for (size_t k = 0; k < n; k++)
			sb_addf(&sb, "%s%s", k ? ", " : "", ids[k]);
		rec_error(ld, r, SEC_SERVICES, "layer", 0, "unknown layer "
		    "\"%s\" (expected: %s)", layer, sb.len ? sb.buf : "none");
		sb_release(&sb);
		free(ids);
	}
	if (json_is_object(uc))
		json_object_foreach(uc, key, w) {
			if (load_find(ld, SEC_USECASES, key) == NULL) {
				hint = suggest_id(ld, SEC_USECASES, key);
				elem_error(ld, r, SEC_SERVICES, uc, i, "usecases: "
				    "unknown use case \"%s\"%s", key, hint);
				free(hint);
			}
			i++;
		}
	check_status(ld, r);
	check_refs(ld, r, SEC_SERVICES, "successor", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "part_of", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "alternatives", SEC_SERVICES);
	check_refs(ld, r, SEC_SERVICES, "complements", SEC_SERVICES);
}

/* Checks one service's aliases against every name, id and alias. */
static void
check_alias(struct load *ld, struct strmap *names, struct strmap *aliases,
    struct strv *folded, size_t s)
{
	struct rec	*r = &ld->recs[SEC_SERVICES][s];
	json_t		*al = json_object_get(r->obj, "aliases"), *e;
	const struct rec *o;
	long		*owner, prev;
	size_t		 i;

	if (!json_is_array(al))
		return;
	json_array_foreach(al, i, e) {
		if (!json_is_string(e))
			continue;
		strv_push_owned(folded, util_fold(json_string_value(e)));
		owner = strmap_get(names, folded->v[folded->n - 1]);
		if (owner != NULL && *owner != (long)s) {
			o = &ld->recs[SEC_SERVICES][*owner];
			elem_error(ld, r, SEC_SERVICES, al, i, "aliases: \"%s\" "
			    "is the name or id of service \"%s\"",
			    json_string_value(e), o->id);
			continue;
		}
		prev = strmap_put(aliases, folded->v[folded->n - 1], (long)s);
		if (prev != (long)s)
			elem_error(ld, r, SEC_SERVICES, al, i, "aliases: \"%s\" "
			    "belongs to service \"%s\" too",
			    json_string_value(e),
			    ld->recs[SEC_SERVICES][prev].id);
	}
}

/* Names, ids and aliases of services must not collide, case folded. */
static void
check_aliases(struct load *ld)
{
	struct strmap	 names = { 0 }, aliases = { 0 };
	struct strv	 folded = { 0 };
	const char	*n;

	for (size_t s = 0; s < ld->nrecs[SEC_SERVICES]; s++) {
		struct rec *r = &ld->recs[SEC_SERVICES][s];

		if ((n = rec_str(r, "name")) != NULL) {
			strv_push_owned(&folded, util_fold(n));
			strmap_put(&names, folded.v[folded.n - 1], (long)s);
		}
		if (r->id != NULL) {
			strv_push_owned(&folded, util_fold(r->id));
			strmap_put(&names, folded.v[folded.n - 1], (long)s);
		}
	}
	for (size_t s = 0; s < ld->nrecs[SEC_SERVICES]; s++)
		check_alias(ld, &names, &aliases, &folded, s);
	strmap_release(&names);
	strmap_release(&aliases);
	strv_release(&folded);
}

/* The catalog's size limits, checked before anything is inserted. */
static void
check_limits(struct load *ld)
{
	if (ld->nrecs[SEC_SERVICES] > LOAD_MAX_SERVICES)
		diag_error("the catalog has %zu services; at most %d are "
		    "allowed", ld->nrecs[SEC_SERVICES], LOAD_MAX_SERVICES);
	else if (ld->nrecs[SEC_USECASES] > LOAD_MAX_USECASES)
		diag_error("the catalog has %zu use cases; at most %d are "
		    "allowed", ld->nrecs[SEC_USECASES], LOAD_MAX_USECASES);
	else
		return;
	ld->failed = 1;
}

static void
check_meta(struct load *ld)
{
	const struct rec *r;
	int		 line, col;

	if (ld->nrecs[SEC_META] == 0) {
		diag_error("catalog has no \"meta\" section (it needs "
		    "\"version\" and \"as_of\")");
		ld->failed = 1;
	} else if (ld->nrecs[SEC_META] > 1) {
		r = &ld->recs[SEC_META][0];
		pos_find(r->file, r->file->root, (size_t)member_index(
		    r->file->root, "meta") + POS_VALUE, &line, &col);
		rec_error(ld, &ld->recs[SEC_META][1], SEC_META, NULL, 0,
		    "\"meta\" given twice (first at %s:%d:%d)",
		    r->file->path, line, col);
	}
}

/* A capability's kind and providers must exist. */
static void
check_capability(struct load *ld, const struct rec *r)
{
	const char	*kind = rec_str(r, "kind"), *key;
	json_t		*pv = json_object_get(r->obj, "providers"), *w;
	const struct strv *kinds = &ld->vocab->kinds;
	struct strbuf	 sb = { 0 };
	size_t		 i = 0, k;
	char		*hint;

	for (k = 0; kind != NULL && k < kinds->n; k++)
		if (strcmp(kinds->v[k], kind) == 0)
			break;
	if (kind != NULL && k == kinds->n) {
		for (k = 0; k < kinds->n; k++)
			sb_addf(&sb, "%s%s", k ? ", " : "", kinds->v[k]);
		rec_error(ld, r, SEC_CAPABILITIES, "kind", 0, "unknown kind "
		    "\"%s\" (expected: %s)", kind, sb.buf);
		sb_release(&sb);
	}
	if (!json_is_object(pv))
		return;
	json_object_foreach(pv, key, w) {
		if (load_find(ld, SEC_SERVICES, key) == NULL) {
			hint = suggest_id(ld, SEC_SERVICES, key);
			elem_error(ld, r, SEC_CAPABILITIES, pv, i, "providers: "
			    "unknown service \"%s\"%s", key, hint);
			free(hint);
		}
		i++;
	}
}

/* ------------------------------------------------------- questions */

/* A question's answers: unique ids, and layers, use cases and next
 * questions that exist. */
static void
check_answers(struct load *ld, const struct rec *r)
{
	static const struct { const char *key; enum section target; } refs[] = {
		{ "layer", SEC_LAYERS }, { "usecase", SEC_USECASES },
		{ "next", SEC_QUESTIONS },
	};
	json_t		*arr = json_object_get(r->obj, "answers"), *a;
	struct strmap	 seen = { 0 };
	const char	*id, *ref;
	size_t		 i;

	json_array_foreach(arr, i, a) {
		if (!json_is_object(a))
			continue;
		id = json_string_value(json_object_get(a, "id"));
		if (id != NULL && strmap_put(&seen, id, (long)i) != (long)i)
			elem_error(ld, r, SEC_QUESTIONS, arr, i, "answers: "
			    "duplicate answer id \"%s\"", id);
		if ((ref = json_string_value(json_object_get(a,
		    "lifecycle"))) != NULL && strcmp(ref, "new") != 0 &&
		    strcmp(ref, "existing") != 0)
			elem_error(ld, r, SEC_QUESTIONS, arr, i, "answers: "
			    "lifecycle \"%s\" must be \"new\" or \"existing\"",
			    ref);
		for (size_t k = 0; k < sizeof(refs) / sizeof(refs[0]); k++)
			if ((ref = json_string_value(json_object_get(a,
			    refs[k].key))) != NULL)
				check_ref(ld, r, SEC_QUESTIONS, refs[k].key,
				    arr, i, refs[k].target, ref);
	}
	strmap_release(&seen);
}

/* The index of the question answer a leads to, or -1. */
static long
next_question(const struct load *ld, json_t *a)
{
	const char	*next = json_string_value(json_object_get(a, "next"));
	long		*to;

	if (next == NULL ||
	    (to = strmap_get(&ld->ids[SEC_QUESTIONS], next)) == NULL)
		return -1;
	return *to;
}

/* The answers of question q. */
#define ANSWERS(ld, q) json_object_get((ld)->recs[SEC_QUESTIONS][q].obj, \
	"answers")

/*
 * No answer may lead back to a question already asked (Kahn's algorithm
 * leaves a loop's questions with edges into them), and every question
 * but the first must be where some answer leads.
 */
static void
check_question_graph(struct load *ld)
{
	size_t		 n = ld->nrecs[SEC_QUESTIONS], head = 0, tail = 0;
	size_t		*indeg = xcalloc(n + 1, sizeof(size_t));
	size_t		*queue = xcalloc(n + 1, sizeof(size_t));
	json_t		*a;
	long		 to;
	size_t		 i, q;

	for (q = 0; q < n; q++)
		json_array_foreach(ANSWERS(ld, q), i, a)
			if ((to = next_question(ld, a)) >= 0)
				indeg[to]++;
	for (q = 0; q < n; q++) {
		if (indeg[q] == 0)
			queue[tail++] = q;
		if (indeg[q] == 0 && q > 0)
			rec_error(ld, &ld->recs[SEC_QUESTIONS][q],
			    SEC_QUESTIONS, NULL, 0, "never asked: no answer "
			    "leads here, and only the first question starts");
	}
	while (head < tail) {
		q = queue[head++];
		json_array_foreach(ANSWERS(ld, q), i, a)
			if ((to = next_question(ld, a)) >= 0 &&
			    --indeg[to] == 0)
				queue[tail++] = (size_t)to;
	}
	for (q = 0; q < n; q++)
		if (indeg[q] != 0) {
			rec_error(ld, &ld->recs[SEC_QUESTIONS][q],
			    SEC_QUESTIONS, "answers", 0, "an answer leads "
			    "back here: the questions loop");
			break;
		}
	free(indeg);
	free(queue);
}

/* Runs every check over everything ld holds; ld->failed tells. */
void
load_validate(struct load *ld)
{
	for (int s = 0; s < SEC_N; s++)
		for (size_t i = 0; i < ld->nrecs[s]; i++)
			load_check_fields(ld, &ld->recs[s][i],
			    (enum section)s);
	check_meta(ld);
	check_limits(ld);
	for (int s = SEC_LAYERS; s < SEC_N; s++)
		index_ids(ld, (enum section)s);
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
	for (size_t i = 0; i < ld->nrecs[SEC_CAPABILITIES]; i++)
		check_capability(ld, &ld->recs[SEC_CAPABILITIES][i]);
	for (size_t i = 0; i < ld->nrecs[SEC_QUESTIONS]; i++)
		check_answers(ld, &ld->recs[SEC_QUESTIONS][i]);
	if (!ld->failed)
		check_question_graph(ld);
}
