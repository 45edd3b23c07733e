/*
 * load-fields.c: each section's field table, and the checks of one record
 * against it: known keys, types, counts, and the rules of slugs, names,
 * dates and URLs.
 */
#include <stdlib.h>
#include <string.h>

#include "load.h"

enum ftype {
	T_STR,		/* non-empty string */
	T_NAME,		/* non-empty, one line, no control characters */
	T_SLUG,		/* id */
	T_DATE,
	T_URL,
	T_INT,
	T_STRS,		/* array of non-empty strings */
	T_NAMES,	/* array of names */
	T_SLUGS,
	T_URLS,
	T_WEIGHTS,	/* object slug -> number in (0, 1] */
	T_PROVIDERS,	/* the same, for service ids */
	T_STR_NULL,	/* string or null */
	T_SPECS,	/* an instance family's specs (spec_fields) */
	T_CLAIMS,	/* array of {fact, source, note} */
	T_MODELS,	/* array of {name, eol, source} */
	T_ANSWERS,	/* array of a question's answers */
};

struct field {
	const char	*key;
	enum ftype	 type;
	int		 required;
	size_t		 min;		/* for arrays: fewest elements */
};

static const struct field meta_fields[] = {
	{ "version", T_NAME, 1, 0 },
	{ "as_of", T_DATE, 1, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field layer_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 1, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "name_ko", T_NAME, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field usecase_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "name_ko", T_NAME, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "keywords", T_STRS, 0, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field service_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "aliases", T_NAMES, 0, 0 },
	{ "layer", T_NAME, 1, 0 },
	{ "layer_note", T_STR, 0, 0 },
	{ "usecases", T_WEIGHTS, 1, 1 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "description", T_STR, 1, 0 },
	{ "tasks", T_STRS, 1, 4 },
	{ "tasks_ko", T_STRS, 1, 2 },
	{ "status", T_NAME, 1, 0 },
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
	{ "specs", T_SPECS, 0, 0 },
	{ "models", T_MODELS, 0, 0 },
	{ "third_party", T_CLAIMS, 0, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field synonym_fields[] = {
	{ "terms", T_STRS, 1, 2 },
	{ NULL, 0, 0, 0 },
};
static const struct field glossary_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "term", T_NAME, 1, 0 },
	{ "term_ko", T_NAME, 1, 0 },
	{ "aliases", T_NAMES, 0, 0 },
	{ "definition", T_STR, 1, 0 },
	{ "definition_ko", T_STR, 1, 0 },
	{ "see", T_SLUGS, 0, 0 },
	{ NULL, 0, 0, 0 },
};
static const struct field stage_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 1, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "name_ko", T_NAME, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "services", T_SLUGS, 1, 1 },
	{ NULL, 0, 0, 0 },
};
static const struct field role_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "order", T_INT, 0, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "name_ko", T_NAME, 1, 0 },
	{ "summary", T_STR, 1, 0 },
	{ "summary_ko", T_STR, 1, 0 },
	{ "services", T_SLUGS, 1, 1 },
	{ NULL, 0, 0, 0 },
};

static const struct field capability_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "name", T_NAME, 1, 0 },
	{ "name_ko", T_NAME, 1, 0 },
	{ "kind", T_NAME, 1, 0 },
	{ "cues", T_STRS, 1, 1 },
	{ "cues_ko", T_STRS, 1, 1 },
	{ "providers", T_PROVIDERS, 1, 0 },
	{ NULL, 0, 0, 0 },
};

static const struct field question_fields[] = {
	{ "id", T_SLUG, 1, 0 },
	{ "slot", T_SLUG, 1, 0 },
	{ "text", T_NAME, 1, 0 },
	{ "text_ko", T_NAME, 1, 0 },
	{ "answers", T_ANSWERS, 1, 2 },
	{ NULL, 0, 0, 0 },
};

static const struct field *const section_fields[SEC_N] = {
	meta_fields, layer_fields, usecase_fields, service_fields,
	synonym_fields, glossary_fields, stage_fields, role_fields,
	capability_fields, question_fields,
};

/* ------------------------------------------------------------ fields */

static const char *
type_name(enum ftype t)
{
	switch (t) {
	case T_STR:
	case T_NAME:
	case T_SLUG:
	case T_DATE:
	case T_URL:
		return "a string";
	case T_STR_NULL:
		return "a string or null";
	case T_INT:
		return "an integer";
	case T_STRS:
	case T_NAMES:
	case T_SLUGS:
	case T_URLS:
		return "an array of strings";
	case T_WEIGHTS:
		return "an object of use case ids to weights";
	case T_PROVIDERS:
		return "an object of service ids to strengths";
	case T_SPECS:
		return "an object of instance specs";
	case T_CLAIMS:
		return "an array of {fact, source, note} objects";
	case T_MODELS:
		return "an array of {name, eol, source} objects";
	case T_ANSWERS:
		return "an array of {id, label, label_ko, ...} objects";
	}
	return "?";
}

/* What is wrong with string s as a t, or NULL. */
static const char *
scalar_problem(enum ftype t, const char *s)
{
	size_t	n = strlen(s);

	if (n == 0 || strspn(s, " \t\r\n") == n)
		return "must not be empty";
	if (n > LOAD_MAX_TEXT)
		return "is too long (at most " LOAD_MAX_TEXT_S " bytes)";
	if (t == T_SLUG && !util_is_slug(s))
		return "must be a lowercase slug like \"sagemaker-ai\"";
	if (t == T_DATE && !util_is_date(s))
		return "must be a date YYYY-MM-DD";
	if (t == T_URL && (strncmp(s, "https://", 8) != 0 || n < 12 ||
	    strpbrk(s, " \t\r\n") != NULL))
		return "must be an https:// URL";
	if ((t == T_NAME || t == T_SLUG || t == T_URL) && n > LOAD_MAX_NAME)
		return "is too long for a name (at most " LOAD_MAX_NAME_S
		    " bytes)";
	for (const char *p = s; t == T_NAME && *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "must be one line without control characters";
	return NULL;
}

/* Checks one string scalar (element idx of arr, if arr) against t. */
static int
check_scalar(struct load *ld, const struct rec *r, enum section sec,
    const char *key, const json_t *arr, size_t idx, enum ftype t,
    const char *s)
{
	const char	*what = scalar_problem(t, s);
	char		*shown;
	int		 rc;

	if (what == NULL)
		return 0;
	shown = xstrndup(s, strlen(s) > 60 ? 60 : strlen(s));
	if (arr != NULL)
		rc = elem_error(ld, r, sec, arr, idx, "%s: \"%s\" %s", key,
		    shown, what);
	else
		rc = rec_error(ld, r, sec, key, 0, "%s: \"%s\" %s", key, shown,
		    what);
	free(shown);
	return rc;
}

/* Reports keys that the section's table does not know. */
static int
check_keys(struct load *ld, const struct rec *r, enum section sec)
{
	const struct field *fd;
	const char	*key, *names[32];
	struct strbuf	 sb = { 0 };
	json_t		*v;
	size_t		 n = 0;
	int		 bad = 0;

	for (fd = section_fields[sec]; fd->key != NULL; fd++)
		names[n++] = fd->key;
	json_object_foreach(r->obj, key, v) {
		for (fd = section_fields[sec]; fd->key != NULL; fd++)
			if (strcmp(fd->key, key) == 0)
				break;
		if (fd->key != NULL)
			continue;
		sb.len = 0;
		sb_adds(&sb, "");
		util_did_you_mean(&sb, key, names, n, 1);
		rec_error(ld, r, sec, key, 1, "unknown key \"%s\"%s", key,
		    sb.buf);
		bad = 1;
	}
	sb_release(&sb);
	return bad;
}

/* Checks the length of array field fd; returns 1 if it is bad. */
static int
check_count(struct load *ld, const struct rec *r, enum section sec,
    const struct field *fd, json_t *v)
{
	if (json_array_size(v) < fd->min)
		return rec_error(ld, r, sec, fd->key, 0, "%s: needs at least "
		    "%zu, has %zu", fd->key, fd->min, json_array_size(v)) == -1;
	if (json_array_size(v) > LOAD_MAX_LIST)
		return rec_error(ld, r, sec, fd->key, 0, "%s: has %zu, at most "
		    "%d are allowed", fd->key, json_array_size(v),
		    LOAD_MAX_LIST) == -1;
	return 0;
}

/* Checks the elements of array field fd; returns 1 if one is bad. */
static int
check_array(struct load *ld, const struct rec *r, enum section sec,
    const struct field *fd, json_t *v)
{
	enum ftype	 et;
	json_t		*e;
	size_t		 i;
	int		 bad = 0;

	et = fd->type == T_SLUGS ? T_SLUG : fd->type == T_URLS ? T_URL :
	    fd->type == T_NAMES ? T_NAME : T_STR;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			bad |= elem_error(ld, r, sec, v, i, "%s: element %zu "
			    "must be a string", fd->key, i + 1) == -1;
		else
			bad |= check_scalar(ld, r, sec, fd->key, v, i, et,
			    json_string_value(e)) == -1;
	}
	return bad | check_count(ld, r, sec, fd, v);
}

/* Checks a use-case weight object; returns 1 if it is bad. */
static int
check_weights(struct load *ld, const struct rec *r, enum section sec,
    const struct field *fd, json_t *v)
{
	const char	*key;
	json_t		*e;
	size_t		 i = 0;
	int		 bad = 0;

	json_object_foreach(v, key, e) {
		double w = json_number_value(e);

		if (!json_is_number(e) || !(w > 0 && w <= 1))
			bad |= elem_error(ld, r, sec, v, i + POS_VALUE,
			    "%s: %s of \"%s\" must be a number in (0, 1]",
			    fd->key, fd->type == T_PROVIDERS ? "strength" :
			    "weight", key) == -1;
		i++;
	}
	if (json_object_size(v) < fd->min)
		bad |= rec_error(ld, r, sec, fd->key, 0, "%s: needs at least "
		    "%zu", fd->key, fd->min) == -1;
	return bad;
}

/* The keys of an instance family's specs, and what each holds. */
enum spec_kind { S_NAME, S_TEXT, S_NUM, S_INT, S_USES, S_GEN };
static const struct {
	const char	*key;
	enum spec_kind	 kind;
	int		 required;	/* and never null */
} spec_fields[] = {
	{ "family", S_NAME, 1 },
	{ "largest", S_NAME, 0 },
	{ "vendor", S_NAME, 0 },
	{ "accelerator", S_NAME, 0 },
	{ "accelerators", S_NUM, 0 },
	{ "accelerator_memory_gib", S_NUM, 0 },
	{ "vcpus", S_INT, 0 },
	{ "memory_gib", S_NUM, 0 },
	{ "network_gbps", S_NUM, 0 },
	{ "interconnect", S_TEXT, 0 },
	{ "use", S_USES, 1 },
	{ "generation", S_GEN, 1 },
};
#define NSPEC (sizeof(spec_fields) / sizeof(spec_fields[0]))

/* Is s one of the values in v? */
static int
in_strv(const struct strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

/* What is wrong with the value e of spec key k, or NULL. */
static const char *
spec_problem(const struct load *ld, size_t k, json_t *e)
{
	const struct vocab *vc = ld->vocab;
	json_t		*u;
	size_t		 i;

	if (json_is_null(e))
		return spec_fields[k].required ? "must not be null" : NULL;
	switch (spec_fields[k].kind) {
	case S_NAME:
	case S_TEXT:
		if (!json_is_string(e))
			return "must be a string";
		return scalar_problem(spec_fields[k].kind == S_NAME ? T_NAME :
		    T_STR, json_string_value(e));
	case S_NUM:
		return json_is_number(e) && json_number_value(e) >= 0 ? NULL :
		    "must be a number, at least 0";
	case S_INT:
		return json_is_integer(e) && json_integer_value(e) > 0 ? NULL :
		    "must be a whole number above 0";
	case S_GEN:
		return json_is_string(e) && in_strv(&vc->generations,
		    json_string_value(e)) ? NULL : "must be \"current\" or "
		    "\"previous\"";
	case S_USES:
		if (!json_is_array(e) || json_array_size(e) == 0)
			return "must be an array of one or more uses";
		json_array_foreach(e, i, u)
			if (!json_is_string(u) || !in_strv(&vc->uses,
			    json_string_value(u)))
				return "holds a use that is not training, "
				    "inference, graphics, hpc or fpga";
		return NULL;
	}
	return NULL;
}

/* Checks an instance family's specs; returns 1 if they are bad. */
static int
check_specs(struct load *ld, const struct rec *r, enum section sec,
    json_t *v)
{
	const char	*key, *what;
	json_t		*e;
	size_t		 i = 0, k;
	int		 bad = 0;

	json_object_foreach(v, key, e) {
		for (k = 0; k < NSPEC; k++)
			if (strcmp(spec_fields[k].key, key) == 0)
				break;
		if (k == NSPEC)
			bad |= elem_error(ld, r, sec, v, i, "specs: unknown key "
			    "\"%s\"", key) == -1;
		else if ((what = spec_problem(ld, k, e)) != NULL)
			bad |= elem_error(ld, r, sec, v, i + POS_VALUE,
			    "specs: %s %s", key, what) == -1;
		i++;
	}
	for (k = 0; k < NSPEC; k++)
		if (spec_fields[k].required &&
		    json_object_get(v, spec_fields[k].key) == NULL)
			bad |= rec_error(ld, r, sec, "specs", 0, "specs: missing "
			    "required key \"%s\"", spec_fields[k].key) == -1;
	return bad;
}

/* The members of the objects of a T_CLAIMS or T_MODELS array. */
static const struct {
	enum ftype	 array;
	const char	*key;
	enum ftype	 type;
	int		 required;
} members[] = {
	{ T_CLAIMS, "fact", T_NAME, 1 },
	{ T_CLAIMS, "source", T_URL, 1 },
	{ T_CLAIMS, "note", T_STR, 0 },
	{ T_MODELS, "name", T_NAME, 1 },
	{ T_MODELS, "eol", T_DATE, 1 },
	{ T_MODELS, "source", T_URL, 1 },
	{ T_ANSWERS, "id", T_SLUG, 1 },
	{ T_ANSWERS, "label", T_NAME, 1 },
	{ T_ANSWERS, "label_ko", T_NAME, 1 },
	{ T_ANSWERS, "layer", T_SLUG, 0 },
	{ T_ANSWERS, "usecase", T_SLUG, 0 },
	{ T_ANSWERS, "query", T_STR, 0 },
	{ T_ANSWERS, "next", T_SLUG, 0 },
	{ T_ANSWERS, "lifecycle", T_SLUG, 0 },
};
#define NMEMBERS (sizeof(members) / sizeof(members[0]))

/* Is key a field of a service record? */
static int
is_service_key(const char *key)
{
	for (const struct field *fd = service_fields; fd->key != NULL; fd++)
		if (strcmp(fd->key, key) == 0)
			return 1;
	return 0;
}

/* Checks element i of an array of small objects; returns 1 if bad. */
static int
check_member_object(struct load *ld, const struct rec *r, enum section sec,
    const struct field *fd, json_t *arr, size_t i)
{
	json_t		*o = json_array_get(arr, i), *e;
	const char	*key, *what;
	size_t		 m, k = 0;
	int		 bad = 0;

	if (!json_is_object(o))
		return elem_error(ld, r, sec, arr, i, "%s: element %zu must be "
		    "an object", fd->key, i + 1) == -1;
	json_object_foreach(o, key, e) {
		for (m = 0; m < NMEMBERS; m++)
			if (members[m].array == fd->type &&
			    strcmp(members[m].key, key) == 0)
				break;
		what = m == NMEMBERS ? "is not a known key" :
		    !json_is_string(e) ? "must be a string" :
		    scalar_problem(members[m].type, json_string_value(e));
		if (what == NULL && strcmp(key, "fact") == 0 &&
		    !is_service_key(json_string_value(e)))
			what = "names no field of a service";
		if (what != NULL)
			bad |= elem_error(ld, r, sec, o, k + (m == NMEMBERS ?
			    0 : POS_VALUE), "%s: %s %s", fd->key, key,
			    what) == -1;
		k++;
	}
	for (m = 0; m < NMEMBERS; m++)
		if (members[m].array == fd->type && members[m].required &&
		    json_object_get(o, members[m].key) == NULL)
			bad |= elem_error(ld, r, sec, arr, i, "%s: element %zu "
			    "needs \"%s\"", fd->key, i + 1,
			    members[m].key) == -1;
	return bad;
}

/* Checks one field's value; returns 1 if it is bad. */
static int
check_value(struct load *ld, const struct rec *r, enum section sec,
    const struct field *fd, json_t *v)
{
	switch (fd->type) {
	case T_STR_NULL:
		if (json_is_null(v))
			return 0;
		/* FALLTHROUGH */
	case T_STR:
	case T_NAME:
	case T_SLUG:
	case T_DATE:
	case T_URL:
		if (!json_is_string(v))
			break;
		return check_scalar(ld, r, sec, fd->key, NULL, 0,
		    fd->type == T_STR_NULL ? T_NAME : fd->type,
		    json_string_value(v)) == -1;
	case T_INT:
		if (!json_is_integer(v))
			break;
		return 0;
	case T_STRS:
	case T_NAMES:
	case T_SLUGS:
	case T_URLS:
		if (!json_is_array(v))
			break;
		return check_array(ld, r, sec, fd, v);
	case T_WEIGHTS:
	case T_PROVIDERS:
		if (!json_is_object(v))
			break;
		return check_weights(ld, r, sec, fd, v);
	case T_SPECS:
		if (!json_is_object(v))
			break;
		return check_specs(ld, r, sec, v);
	case T_CLAIMS:
	case T_MODELS:
	case T_ANSWERS:
		if (!json_is_array(v))
			break;
		{
			int bad = 0;

			for (size_t i = 0; i < json_array_size(v); i++)
				bad |= check_member_object(ld, r, sec, fd, v,
				    i);
			return bad | check_count(ld, r, sec, fd, v);
		}
	}
	rec_error(ld, r, sec, fd->key, 0, "%s must be %s", fd->key,
	    type_name(fd->type));
	return 1;
}

/* Checks a record against its section's field table; 0 or -1. */
int
load_check_fields(struct load *ld, const struct rec *r, enum section sec)
{
	const struct field *fd;
	json_t		*v;
	int		 bad = check_keys(ld, r, sec);

	for (fd = section_fields[sec]; fd->key != NULL; fd++) {
		if ((v = json_object_get(r->obj, fd->key)) != NULL)
			bad |= check_value(ld, r, sec, fd, v);
		else if (fd->required)
			bad |= rec_error(ld, r, sec, NULL, 0,
			    "missing required key \"%s\"", fd->key) == -1;
	}
	return bad ? -1 : 0;
}

