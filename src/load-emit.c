/*
 * load-emit.c: validated records -> rows of the schema's tables, each
 * with its column names, for catalog.c to insert. A column list is
 * declared once per table here; a row's values are an array of the same
 * length, so a new field cannot shift the columns after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const meta_cols[] = { "key", "value" };
static const char *const layer_cols[] = { "id", "ord", "name", "name_ko",
    "summary", "summary_ko" };
static const char *const usecase_cols[] = { "id", "ord", "name", "name_ko",
    "summary", "summary_ko" };
static const char *const keyword_cols[] = { "usecase_id", "keyword" };
static const char *const service_cols[] = { "id", "ord", "name", "layer",
    "layer_note", "summary", "summary_ko", "description", "status",
    "status_date", "status_note", "successor", "part_of", "cli", "docs",
    "as_of" };
static const char *const weight_cols[] = { "service_id", "usecase_id",
    "weight" };
static const char *const task_cols[] = { "service_id", "lang", "ord",
    "text" };
static const char *const alias_cols[] = { "alias", "service_id" };
static const char *const doc_cols[] = { "text", "svc", "kind", "lang" };
static const char *const relation_cols[] = { "service_id", "kind",
    "target_id" };
static const char *const source_cols[] = { "service_id", "url" };
static const char *const synonym_cols[] = { "grp", "term" };
static const char *const glossary_cols[] = { "id", "ord", "term", "term_ko",
    "definition", "definition_ko" };
static const char *const gname_cols[] = { "name", "glossary_id" };
static const char *const gsee_cols[] = { "glossary_id", "target_id" };
static const char *const group_cols[] = { "kind", "id", "ord", "name",
    "name_ko", "summary", "summary_ko" };
static const char *const gservice_cols[] = { "kind", "group_id", "ord",
    "service_id" };
static const char *const spec_cols[] = { "service_id", "family", "largest",
    "vendor", "accelerator", "accelerators", "accelerator_memory_gib",
    "vcpus", "memory_gib", "network_gbps", "interconnect", "generation" };
static const char *const use_cols[] = { "service_id", "use" };
static const char *const claim_cols[] = { "service_id", "fact", "source",
    "note" };
static const char *const model_cols[] = { "service_id", "ord", "name", "eol",
    "source" };
static const char *const cap_cols[] = { "id", "ord", "name", "name_ko",
    "kind" };
static const char *const cue_cols[] = { "capability_id", "lang", "cue" };
static const char *const provider_cols[] = { "capability_id", "service_id",
    "strength" };
static const char *const question_cols[] = { "id", "ord", "slot", "text",
    "text_ko" };
static const char *const answer_cols[] = { "question_id", "ord", "id",
    "label", "label_ko", "layer", "usecase", "query", "next", "lifecycle" };
static const char *const record_cols[] = { "section", "ord", "record" };

/* Where rows go: the callback and its argument. */
struct sink {
	row_fn	 fn;
	void	*arg;
};

static int
put(const struct sink *k, const char *table, const char *const *cols,
    const char *const *vals, size_t n)
{
	struct row	r = { table, cols, vals, n };

	return k->fn(k->arg, &r);
}
#define PUT(k, table, cols, vals) \
	put(k, table, cols, vals, NELEM(cols) + 0 * sizeof(char[ \
	    NELEM(cols) == NELEM(vals) ? 1 : -1]))

/* One row of table for each string of array key: (a, [b,] [ord,] s). */
static int
put_strings(const struct sink *k, const struct rec *r, const char *key,
    const char *table, const char *a, const char *b)
{
	json_t		*v = json_object_get(r->obj, key), *e;
	size_t		 i;
	char		 ord[32];

	json_array_foreach(v, i, e) {
		const char *two[2] = { a, json_string_value(e) };
		const char *four[4] = { a, b, ord, json_string_value(e) };

		snprintf(ord, sizeof(ord), "%zu", i);
		if (b == NULL ? put(k, table, strcmp(table, "tasks") == 0 ?
		    NULL : keyword_cols, two, 2) : PUT(k, table, task_cols,
		    four))
			return -1;
	}
	return 0;
}

/* A full-text row: text of kind, for service ord. */
static int
put_doc(const struct sink *k, const char *text, const char *ord,
    const char *kind)
{
	const char *vals[] = { text, ord, kind, NULL };

	if (text == NULL)
		return 0;
	vals[3] = tokenizer_is_hangul(text, strlen(text)) ? "ko" : "en";
	return PUT(k, "docs", doc_cols, vals);
}

static int
put_service_row(const struct sink *k, const struct rec *r, const char *ord)
{
	const char	*vals[] = { r->id, ord, rec_str(r, "name"),
	    rec_str(r, "layer"), rec_str(r, "layer_note"),
	    rec_str(r, "summary"), rec_str(r, "summary_ko"),
	    rec_str(r, "description"), rec_str(r, "status"),
	    rec_str(r, "status_date"), rec_str(r, "status_note"),
	    rec_str(r, "successor"), rec_str(r, "part_of"), rec_str(r, "cli"),
	    rec_str(r, "docs"), rec_str(r, "as_of") };

	return PUT(k, "services", service_cols, vals);
}

/* The service's relations: successor, part-of, alternatives, complements. */
static int
put_relations(const struct sink *k, const struct rec *r)
{
	static const char *const fields[][2] = {
		{ "successor", "successor" }, { "part_of", "part-of" },
		{ "alternatives", "alternative" },
		{ "complements", "complements" },
	};
	json_t	*v, *e;
	size_t	 j;

	for (size_t i = 0; i < NELEM(fields); i++) {
		v = json_object_get(r->obj, fields[i][0]);
		if (json_is_string(v)) {
			const char *vals[] = { r->id, fields[i][1],
			    json_string_value(v) };

			if (PUT(k, "relations", relation_cols, vals) == -1)
				return -1;
		} else if (json_is_array(v))
			json_array_foreach(v, j, e) {
				const char *vals[] = { r->id, fields[i][1],
				    json_string_value(e) };

				if (PUT(k, "relations", relation_cols,
				    vals) == -1)
					return -1;
			}
	}
	return 0;
}

/* Every text of a service that the full-text index holds. */
static int
put_docs(const struct sink *k, const struct rec *r, const char *ord)
{
	static const char *const fields[][2] = {
		{ "name", "name" }, { "summary", "summary" },
		{ "summary_ko", "summary" }, { "description", "description" },
	};
	json_t	*v, *e;
	size_t	 i;

	v = json_object_get(r->obj, "aliases");
	json_array_foreach(v, i, e)
		if (put_doc(k, json_string_value(e), ord, "alias") == -1)
			return -1;
	for (i = 0; i < NELEM(fields); i++)
		if (put_doc(k, rec_str(r, fields[i][0]), ord,
		    fields[i][1]) == -1)
			return -1;
	if (put_doc(k, r->id, ord, "alias") == -1)
		return -1;
	for (const char *const *key = (const char *const[]){ "tasks",
	    "tasks_ko", NULL }; *key != NULL; key++) {
		v = json_object_get(r->obj, *key);
		json_array_foreach(v, i, e)
			if (put_doc(k, json_string_value(e), ord, "task") == -1)
				return -1;
	}
	return 0;
}

/* The value of spec key as text, into buf when it is a number. */
static const char *
spec_text(json_t *specs, const char *key, char *buf, size_t len)
{
	json_t	*v = json_object_get(specs, key);

	if (json_is_string(v))
		return json_string_value(v);
	if (!json_is_number(v))
		return NULL;
	snprintf(buf, len, "%.17g", json_number_value(v));
	return buf;
}

/* The facts resting on third-party sources, and the models named. */
static int
put_provenance(const struct sink *k, const struct rec *r)
{
	json_t	*e;
	size_t	 i;
	char	 ord[32];

	json_array_foreach(json_object_get(r->obj, "third_party"), i, e) {
		const char *v[] = { r->id,
		    json_string_value(json_object_get(e, "fact")),
		    json_string_value(json_object_get(e, "source")),
		    json_string_value(json_object_get(e, "note")) };

		if (PUT(k, "third_party", claim_cols, v) == -1)
			return -1;
	}
	json_array_foreach(json_object_get(r->obj, "models"), i, e) {
		const char *v[] = { r->id, ord,
		    json_string_value(json_object_get(e, "name")),
		    json_string_value(json_object_get(e, "eol")),
		    json_string_value(json_object_get(e, "source")) };

		snprintf(ord, sizeof(ord), "%zu", i);
		if (PUT(k, "service_models", model_cols, v) == -1)
			return -1;
	}
	return 0;
}

/*
 * An instance family's specs and uses; its accelerator also becomes a
 * name the index holds ("H200", "NVIDIA H200"), so people find it by chip.
 */
static int
put_specs(const struct sink *k, const struct rec *r, const char *ord)
{
	json_t		*sp = json_object_get(r->obj, "specs"), *e;
	char		 nums[NELEM(spec_cols)][32], both[256];
	const char	*vals[NELEM(spec_cols)], *acc, *vendor;
	size_t		 i;

	if (!json_is_object(sp))
		return 0;
	vals[0] = r->id;
	for (i = 1; i < NELEM(spec_cols); i++)
		vals[i] = spec_text(sp, spec_cols[i], nums[i], sizeof(nums[i]));
	if (PUT(k, "instance_specs", spec_cols, vals) == -1)
		return -1;
	json_array_foreach(json_object_get(sp, "use"), i, e) {
		const char *uv[] = { r->id, json_string_value(e) };

		if (PUT(k, "instance_uses", use_cols, uv) == -1)
			return -1;
	}
	acc = spec_text(sp, "accelerator", nums[0], sizeof(nums[0]));
	vendor = spec_text(sp, "vendor", nums[1], sizeof(nums[1]));
	if (acc == NULL)
		return 0;
	snprintf(both, sizeof(both), "%s %s", vendor ? vendor : "", acc);
	return put_doc(k, acc, ord, "alias") == -1 ||
	    put_doc(k, both, ord, "alias") == -1 ? -1 : 0;
}

static int
put_service(const struct sink *k, const struct rec *r, size_t n)
{
	const char	*key;
	char		 ord[32], w[32];
	json_t		*v, *e;
	size_t		 i;

	snprintf(ord, sizeof(ord), "%zu", n);
	if (put_service_row(k, r, ord) == -1)
		return -1;
	json_object_foreach(json_object_get(r->obj, "usecases"), key, e) {
		const char *vals[] = { r->id, key, w };

		snprintf(w, sizeof(w), "%.17g", json_number_value(e));
		if (PUT(k, "service_usecases", weight_cols, vals) == -1)
			return -1;
	}
	if (put_strings(k, r, "tasks", "tasks", r->id, "en") == -1 ||
	    put_strings(k, r, "tasks_ko", "tasks", r->id, "ko") == -1)
		return -1;
	v = json_object_get(r->obj, "aliases");
	json_array_foreach(v, i, e) {
		const char *vals[] = { json_string_value(e), r->id };

		if (PUT(k, "aliases", alias_cols, vals) == -1)
			return -1;
	}
	if (put_docs(k, r, ord) == -1 || put_relations(k, r) == -1 ||
	    put_specs(k, r, ord) == -1 || put_provenance(k, r) == -1)
		return -1;
	v = json_object_get(r->obj, "sources");
	json_array_foreach(v, i, e) {
		const char *vals[] = { r->id, json_string_value(e) };

		if (PUT(k, "sources", source_cols, vals) == -1)
			return -1;
	}
	return 0;
}

/* A stage or a role, with its services. */
static int
put_group(const struct sink *k, const struct rec *r, const char *kind,
    size_t n)
{
	char		 ord[32], sord[32];
	json_t		*v, *e, *o = json_object_get(r->obj, "order");
	size_t		 i;
	const char	*vals[] = { kind, r->id, ord, rec_str(r, "name"),
	    rec_str(r, "name_ko"), rec_str(r, "summary"),
	    rec_str(r, "summary_ko") };

	snprintf(ord, sizeof(ord), "%lld", json_is_integer(o) ?
	    (long long)json_integer_value(o) : (long long)n);
	if (PUT(k, "groups", group_cols, vals) == -1)
		return -1;
	v = json_object_get(r->obj, "services");
	json_array_foreach(v, i, e) {
		const char *svals[] = { kind, r->id, sord,
		    json_string_value(e) };

		snprintf(sord, sizeof(sord), "%zu", i);
		if (PUT(k, "group_services", gservice_cols, svals) == -1)
			return -1;
	}
	return 0;
}

static int
put_glossary(const struct sink *k, const struct rec *r, size_t n)
{
	char		 ord[32];
	json_t		*e;
	size_t		 i;
	const char	*vals[] = { r->id, ord, rec_str(r, "term"),
	    rec_str(r, "term_ko"), rec_str(r, "definition"),
	    rec_str(r, "definition_ko") };
	const char	*names[] = { r->id, rec_str(r, "term"),
	    rec_str(r, "term_ko") };

	snprintf(ord, sizeof(ord), "%zu", n);
	if (PUT(k, "glossary", glossary_cols, vals) == -1)
		return -1;
	for (i = 0; i < NELEM(names); i++) {
		const char *nv[] = { names[i], r->id };

		if (PUT(k, "glossary_names", gname_cols, nv) == -1)
			return -1;
	}
	json_array_foreach(json_object_get(r->obj, "aliases"), i, e) {
		const char *nv[] = { json_string_value(e), r->id };

		if (PUT(k, "glossary_names", gname_cols, nv) == -1)
			return -1;
	}
	json_array_foreach(json_object_get(r->obj, "see"), i, e) {
		const char *sv[] = { r->id, json_string_value(e) };

		if (PUT(k, "glossary_see", gsee_cols, sv) == -1)
			return -1;
	}
	return 0;
}

/* A capability, its cues and its providers. */
static int
put_capability(const struct sink *k, const struct rec *r, size_t n)
{
	const char	*key;
	char		 ord[32], w[32];
	json_t		*e;
	size_t		 i;
	const char	*vals[] = { r->id, ord, rec_str(r, "name"),
	    rec_str(r, "name_ko"), rec_str(r, "kind") };

	snprintf(ord, sizeof(ord), "%zu", n);
	if (PUT(k, "capabilities", cap_cols, vals) == -1)
		return -1;
	for (int ko = 0; ko < 2; ko++)
		json_array_foreach(json_object_get(r->obj, ko ? "cues_ko" :
		    "cues"), i, e) {
			const char *cv[] = { r->id, ko ? "ko" : "en",
			    json_string_value(e) };

			if (PUT(k, "capability_cues", cue_cols, cv) == -1)
				return -1;
		}
	json_object_foreach(json_object_get(r->obj, "providers"), key, e) {
		const char *pv[] = { r->id, key, w };

		snprintf(w, sizeof(w), "%.17g", json_number_value(e));
		if (PUT(k, "capability_providers", provider_cols, pv) == -1)
			return -1;
	}
	return 0;
}

/* The meta, layer and use-case rows. */
static int
put_model(const struct sink *k, const struct load *ld)
{
	const struct rec *r = &ld->recs[SEC_META][0];
	const char	*version[] = { "version", rec_str(r, "version") };
	const char	*asof[] = { "as_of", rec_str(r, "as_of") };
	char		 ord[32];

	if (PUT(k, "meta", meta_cols, version) == -1 ||
	    PUT(k, "meta", meta_cols, asof) == -1)
		return -1;
	for (size_t i = 0; i < ld->nrecs[SEC_LAYERS]; i++) {
		const char *vals[] = { NULL, ord, NULL, NULL, NULL, NULL };

		r = &ld->recs[SEC_LAYERS][i];
		snprintf(ord, sizeof(ord), "%lld", (long long)
		    json_integer_value(json_object_get(r->obj, "order")));
		vals[0] = r->id;
		for (size_t c = 2; c < NELEM(vals); c++)
			vals[c] = rec_str(r, layer_cols[c]);
		if (PUT(k, "layers", layer_cols, vals) == -1)
			return -1;
	}
	for (size_t i = 0; i < ld->nrecs[SEC_USECASES]; i++) {
		const char *vals[] = { NULL, ord, NULL, NULL, NULL, NULL };

		r = &ld->recs[SEC_USECASES][i];
		snprintf(ord, sizeof(ord), "%zu", i);
		vals[0] = r->id;
		for (size_t c = 2; c < NELEM(vals); c++)
			vals[c] = rec_str(r, usecase_cols[c]);
		if (PUT(k, "usecases", usecase_cols, vals) == -1 ||
		    put_strings(k, r, "keywords", "usecase_keywords", r->id,
		    NULL) == -1 ||
		    put_strings(k, r, "name", "usecase_keywords", r->id,
		    NULL) == -1)
			return -1;
		for (const char *const *f = (const char *const[]){ "name",
		    "name_ko", NULL }; *f != NULL; f++) {
			const char *kv[] = { r->id, rec_str(r, *f) };

			if (PUT(k, "usecase_keywords", keyword_cols, kv) == -1)
				return -1;
		}
	}
	return 0;
}

/* A question of choose, and its answers. */
static int
put_question(const struct sink *k, const struct rec *r, size_t n)
{
	const char	*vals[] = { r->id, NULL, rec_str(r, "slot"),
	    rec_str(r, "text"), rec_str(r, "text_ko") };
	char		 ord[32], aord[32];
	json_t		*a;
	size_t		 i;

	snprintf(ord, sizeof(ord), "%zu", n);
	vals[1] = ord;
	if (PUT(k, "questions", question_cols, vals) == -1)
		return -1;
	json_array_foreach(json_object_get(r->obj, "answers"), i, a) {
		const char *av[NELEM(answer_cols)] = { r->id, aord };

		snprintf(aord, sizeof(aord), "%zu", i);
		for (size_t c = 2; c < NELEM(answer_cols); c++)
			av[c] = json_string_value(json_object_get(a,
			    answer_cols[c]));
		if (PUT(k, "answers", answer_cols, av) == -1)
			return -1;
	}
	return 0;
}

/*
 * Every record as written, for export to give the catalog back in its
 * source format and show -o json a service's.
 */
static int
put_records(const struct sink *k, const struct load *ld)
{
	char	 ord[32];

	for (int s = 0; s < SEC_N; s++)
		for (size_t n = 0; n < ld->nrecs[s]; n++) {
			char *json = load_dump(ld->recs[s][n].obj);
			const char *vals[] = { load_section_names[s], ord, json };
			int rc;

			snprintf(ord, sizeof(ord), "%zu", n);
			rc = PUT(k, "source_records", record_cols, vals);
			free(json);
			if (rc == -1)
				return -1;
		}
	return 0;
}

/*
 * Hands every validated record to fn as rows of the schema's tables.
 * Returns 0, or -1 as soon as fn does.
 */
int
load_insert(struct load *ld, void *arg, row_fn fn)
{
	struct sink	 k = { fn, arg };
	const struct rec *r;
	char		 ord[32];
	json_t		*e;
	size_t		 i;

	if (ld->failed)
		BUG("inserting a catalog that failed to load");
	if (put_model(&k, ld) == -1)
		return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_SERVICES]; n++)
		if (put_service(&k, &ld->recs[SEC_SERVICES][n], n) == -1)
			return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_SYNONYMS]; n++) {
		r = &ld->recs[SEC_SYNONYMS][n];
		snprintf(ord, sizeof(ord), "%zu", n);
		json_array_foreach(json_object_get(r->obj, "terms"), i, e) {
			const char *vals[] = { ord, json_string_value(e) };

			if (PUT(&k, "synonyms", synonym_cols, vals) == -1)
				return -1;
		}
	}
	for (size_t n = 0; n < ld->nrecs[SEC_GLOSSARY]; n++)
		if (put_glossary(&k, &ld->recs[SEC_GLOSSARY][n], n) == -1)
			return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_STAGES]; n++)
		if (put_group(&k, &ld->recs[SEC_STAGES][n], "stage", n) == -1)
			return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_ROLES]; n++)
		if (put_group(&k, &ld->recs[SEC_ROLES][n], "role", n) == -1)
			return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_CAPABILITIES]; n++)
		if (put_capability(&k, &ld->recs[SEC_CAPABILITIES][n],
		    n) == -1)
			return -1;
	for (size_t n = 0; n < ld->nrecs[SEC_QUESTIONS]; n++)
		if (put_question(&k, &ld->recs[SEC_QUESTIONS][n], n) == -1)
			return -1;
	return put_records(&k, ld);
}
