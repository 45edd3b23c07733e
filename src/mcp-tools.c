/*
 * mcp-tools.c: the MCP server's tools and resources. Each tool call runs
 * the awsai command it stands for through the one dispatcher, with JSON
 * output captured, so ranking and formatting exist once: ask, show,
 * list, compare, related, choose and define. A command that finds
 * nothing or is given a bad value is a tool result with isError and its
 * message, not a protocol error; arguments of the wrong type are -32602.
 * Resources:
 * awsai://catalog (layers, use cases, counts, as-of date) and
 * awsai://service/{id} (a service's card), with a template for the
 * latter. Layer, use-case and status values in the schemas come from
 * the catalog.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mcp.h"

int
mcp_init(struct mcp *m, struct ctx *ctx)
{
	int	status;

	memset(m, 0, sizeof(*m));
	m->ctx = ctx;
	ctx->mode = MODE_MCP;
	ctx->no_pager = 1;
	if (ctx->catalog == NULL &&
	    (ctx->catalog = catalog_open(ctx->catalog_path, &status)) == NULL)
		return -1;
	/* the images its tools read first, where what it asks here is too */
	catalog_lean(ctx->catalog, LEAN_ASK);
	catalog_lean(ctx->catalog, LEAN_LIST);
	catalog_meta(ctx->catalog, "as_of", &m->asof);
	if (m->asof == NULL)
		m->asof = xstrdup("?");
	m->nservices = catalog_count(ctx->catalog, "services");
	return 0;
}

void
mcp_free(struct mcp *m)
{
	json_decref(m->tools);
	json_decref(m->listen);
	free(m->asof);
}

/* What running one awsai command printed, and its status. */
struct run {
	char	*out;
	size_t	 outlen;
	char	*err;
	size_t	 errlen;
	int	 status;
	json_t	*doc;		/* -o json's document, handed over */
};

/* Runs awsai -o json WORDS... through the dispatcher, output captured. */
static void
run_command(struct mcp *m, const struct strv *words, struct run *r)
{
	char		**argv = xcalloc(words->n + 4, sizeof(*argv));
	struct outspec	 saved = m->ctx->out;
	FILE		*out, *err;

	memset(r, 0, sizeof(*r));
	argv[0] = (char *)"awsai";
	argv[1] = (char *)"-o";
	argv[2] = (char *)"json";
	memcpy(argv + 3, words->v, words->n * sizeof(*argv));
	out = open_memstream(&r->out, &r->outlen);
	err = open_memstream(&r->err, &r->errlen);
	m->ctx->capture = out;
	m->ctx->capture_json = &r->doc;
	m->ctx->fmt = FMT_AUTO;
	m->ctx->fields = NULL;
	diag_set_stream(err);
	r->status = cmd_dispatch(m->ctx, (int)words->n + 3, argv);
	diag_set_stream(NULL);
	m->ctx->capture = NULL;
	m->ctx->capture_json = NULL;
	m->ctx->out = saved;	/* the server's own output is stdout */
	fclose(out);
	fclose(err);
	free(argv);
}

/* The JSON the command gave (caller owns it), or NULL if it failed: the
 * document itself when it made one, else its output parsed. */
static json_t *
run_doc(struct run *r)
{
	json_t	*j = r->doc;

	r->doc = NULL;
	if (r->status != EXIT_OK) {
		json_decref(j);
		return NULL;
	}
	return j != NULL ? j : json_loadb(r->out, r->outlen, 0, NULL);
}

/* What a failed command said, for the model: its messages, one a line. */
static char *
messages(const struct run *r)
{
	struct strbuf	sb = { 0 };

	sb_adds(&sb, "");
	for (const char *p = r->err; p != NULL && *p != '\0';) {
		size_t n = strcspn(p, "\n");

		if (strncmp(p, "awsai: ", 7) == 0)
			sb_add(&sb, p + 7, n - 7);
		else
			sb_add(&sb, p, n);
		sb_addc(&sb, '\n');
		p += n + (p[n] == '\n');
	}
	while (sb.len > 0 && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = '\0';
	if (sb.len == 0)
		sb_addf(&sb, "the command failed (exit status %d)", r->status);
	return sb_detach(&sb);
}

/* A tool result: content text, structured content, isError. */
static json_t *
tool_result(char *text, json_t *structured, int error)
{
	json_t	*res = json_pack("{s:[{s:s, s:s}], s:b}", "content", "type",
	    "text", "text", text, "isError", error);

	if (structured != NULL)
		json_object_set_new(res, "structuredContent", structured);
	free(text);
	return res;
}

/* --------------------------------------------------------- the tools */

/*
 * Adds "--opt value" for a string argument key of args; the value must
 * be a string. Returns 0, or -1 naming key in *bad.
 */
static int
add_string(json_t *args, const char *key, const char *opt, struct strv *w,
    const char **bad)
{
	json_t	*v = json_object_get(args, key);

	if (v == NULL)
		return 0;
	if (!json_is_string(v) || json_string_length(v) == 0) {
		*bad = key;
		return -1;
	}
	if (opt != NULL)
		strv_push(w, opt);
	strv_push(w, json_string_value(v));
	return 0;
}

/* Adds the value of key, which must be there and a string. */
static int
required_string(json_t *args, const char *key, struct strv *w,
    const char **bad)
{
	if (json_object_get(args, key) == NULL) {
		*bad = key;
		return -1;
	}
	return add_string(args, key, NULL, w, bad);
}

/* Checks that args has no key outside the NULL-terminated keys. */
static int
known_keys(json_t *args, const char *const *keys, const char **bad)
{
	const char	*key;
	json_t		*v;

	json_object_foreach(args, key, v) {
		const char *const *k;

		for (k = keys; *k != NULL; k++)
			if (strcmp(*k, key) == 0)
				break;
		if (*k == NULL) {
			*bad = key;
			return -1;
		}
	}
	return 0;
}

static int
ask_args(json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "task", "layer", "usecase",
	    "limit", "existing", NULL };
	json_t	*limit = json_object_get(args, "limit");
	json_t	*ex = json_object_get(args, "existing");
	char	 n[16];

	strv_push(w, "ask");
	if (known_keys(args, keys, bad) == -1 ||
	    add_string(args, "layer", "--layer", w, bad) == -1 ||
	    add_string(args, "usecase", "--usecase", w, bad) == -1)
		return -1;
	if (limit != NULL && (!json_is_integer(limit) ||
	    json_integer_value(limit) < 1 || json_integer_value(limit) > 20)) {
		*bad = "limit";
		return -1;
	}
	snprintf(n, sizeof(n), "%d", limit != NULL ?
	    (int)json_integer_value(limit) : 5);
	strv_push(w, "-n");
	strv_push(w, n);
	if (ex != NULL && !json_is_boolean(ex)) {
		*bad = "existing";
		return -1;
	}
	if (json_is_true(ex))
		strv_push(w, "--existing");
	strv_push(w, "--");
	return required_string(args, "task", w, bad);
}

/* The arguments of a command of one service: {"service": NAME}. */
static int
service_args(const char *cmd, json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "service", NULL };

	strv_push(w, cmd);
	strv_push(w, "--");
	if (known_keys(args, keys, bad) == -1)
		return -1;
	return required_string(args, "service", w, bad);
}

static int
show_args(json_t *args, struct strv *w, const char **bad)
{
	return service_args("show", args, w, bad);
}

static int
list_args(json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "layer", "usecase", "status",
	    NULL };

	strv_push(w, "list");
	if (known_keys(args, keys, bad) == -1)
		return -1;
	return add_string(args, "layer", "--layer", w, bad) == -1 ||
	    add_string(args, "usecase", "--usecase", w, bad) == -1 ||
	    add_string(args, "status", "--status", w, bad) == -1 ? -1 : 0;
}

static int
compare_args(json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "services", NULL };
	json_t	*v = json_object_get(args, "services"), *e;
	size_t	 i;

	strv_push(w, "compare");
	strv_push(w, "--");
	if (known_keys(args, keys, bad) == -1)
		return -1;
	*bad = "services";
	if (!json_is_array(v) || json_array_size(v) < 2 ||
	    json_array_size(v) > 5)
		return -1;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e) || json_string_length(e) == 0)
			return -1;
		strv_push(w, json_string_value(e));
	}
	*bad = NULL;
	return 0;
}

static int
define_args(json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "term", NULL };

	strv_push(w, "define");
	strv_push(w, "--");
	if (known_keys(args, keys, bad) == -1)
		return -1;
	return required_string(args, "term", w, bad);
}

/* "name (layer, status)" of a service object. */
static void
add_brief(struct strbuf *sb, json_t *s)
{
	sb_addf(sb, "%s (%s, %s)", json_string_value(json_object_get(s,
	    "name")), json_string_value(json_object_get(s, "layer")),
	    json_string_value(json_object_get(s, "status")));
}

static char *
ask_text(json_t *sc)
{
	struct strbuf	 sb = { 0 };
	json_t		*r;
	size_t		 i;

	json_array_foreach(json_object_get(sc, "results"), i, r) {
		sb_addf(&sb, "%s%zu. ", i ? "\n" : "", i + 1);
		add_brief(&sb, r);
		sb_addf(&sb, ", %s confidence: %s",
		    json_string_value(json_object_get(r, "confidence")),
		    json_string_value(json_object_get(r, "why")));
	}
	return sb_detach(&sb);
}

static char *
show_text(json_t *sc)
{
	struct strbuf	 sb = { 0 };
	const char	*succ = json_string_value(json_object_get(sc,
			    "successor"));

	add_brief(&sb, sc);
	sb_addf(&sb, ": %s", json_string_value(json_object_get(sc,
	    "summary")));
	if (succ != NULL)
		sb_addf(&sb, ". Successor: %s", succ);
	sb_addf(&sb, ". Docs: %s", json_string_value(json_object_get(sc,
	    "docs")));
	return sb_detach(&sb);
}

static char *
list_text(json_t *sc)
{
	struct strbuf	 sb = { 0 };
	json_t		*s, *a = json_object_get(sc, "services");
	size_t		 i;

	sb_addf(&sb, "%zu services:", json_array_size(a));
	json_array_foreach(a, i, s) {
		sb_adds(&sb, "\n- ");
		add_brief(&sb, s);
	}
	return sb_detach(&sb);
}

static char *
define_text(json_t *sc)
{
	struct strbuf	 sb = { 0 };
	json_t		*e;
	size_t		 i;

	json_array_foreach(json_object_get(sc, "entries"), i, e)
		sb_addf(&sb, "%s%s (%s): %s", i ? "\n" : "",
		    json_string_value(json_object_get(e, "term")),
		    json_string_value(json_object_get(e, "term_ko")),
		    json_string_value(json_object_get(e, "definition")));
	return sb_detach(&sb);
}

/* Each tool: its arguments as a command, and what its output means. */
static int
related_args(json_t *args, struct strv *w, const char **bad)
{
	return service_args("related", args, w, bad);
}

/* choose's answers as its options; the slots are its option names. */
static int
choose_args(json_t *args, struct strv *w, const char **bad)
{
	static const char *const keys[] = { "want", "domain", "stage", "mode",
	    "data", "customer", NULL };

	strv_push(w, "choose");
	if (known_keys(args, keys, bad) == -1)
		return -1;
	if (json_object_get(args, "want") == NULL) {
		*bad = "want";
		return -1;
	}
	for (const char *const *k = keys; *k != NULL; k++) {
		char *opt = xasprintf("--%s", *k);
		int rc = add_string(args, *k, opt, w, bad);

		free(opt);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static char *
related_text(json_t *sc)
{
	struct strbuf	 sb = { 0 };
	json_t		*r;
	size_t		 i;

	json_array_foreach(json_object_get(sc, "related"), i, r) {
		sb_addf(&sb, "%s%s: ", i ? "\n" : "",
		    json_string_value(json_object_get(r, "relation")));
		add_brief(&sb, r);
	}
	return sb_detach(&sb);
}

static const struct tool {
	const char	*name;
	int		(*args)(json_t *, struct strv *, const char **);
	const char	*wrap;		/* the key its array goes under, or NULL */
	char		*(*text)(json_t *);
} tools[] = {
	{ "ask", ask_args, "results", ask_text },
	{ "show", show_args, NULL, show_text },
	{ "list", list_args, "services", list_text },
	{ "compare", compare_args, "services", list_text },
	{ "related", related_args, "related", related_text },
	{ "choose", choose_args, "results", ask_text },
	{ "define", define_args, "entries", define_text },
};

/* tools/call: runs the tool's command; the result or a tool error. */
static void
call_tool(struct mcp *m, const json_t *id, json_t *params)
{
	const char	*name = json_string_value(json_object_get(params,
			    "name")), *bad = NULL;
	json_t		*args = json_object_get(params, "arguments"), *out;
	struct strv	 w = { 0 };
	struct run	 r;
	size_t		 t;
	int		 rc;

	for (t = 0; name != NULL && t < sizeof(tools) / sizeof(tools[0]); t++)
		if (strcmp(tools[t].name, name) == 0)
			break;
	if (name == NULL || t == sizeof(tools) / sizeof(tools[0])) {
		mcp_error(id, -32602, name == NULL ? "params.name must be a "
		    "tool's name" : "Unknown tool", json_pack("{s:s?}", "name",
		    name));
		return;
	}
	if (args != NULL && !json_is_object(args)) {
		mcp_error(id, -32602, "params.arguments must be an object",
		    NULL);
		return;
	}
	args = args != NULL ? json_incref(args) : json_object();
	rc = tools[t].args(args, &w, &bad);
	json_decref(args);
	if (rc == -1) {
		char *msg = xasprintf("params.arguments.%s is missing, of the "
		    "wrong type or not one %s takes", bad, name);

		mcp_error(id, -32602, msg, json_pack("{s:s}", "field", bad));
		free(msg);
		strv_release(&w);
		return;
	}
	run_command(m, &w, &r);
	out = run_doc(&r);
	if (out != NULL && json_is_array(out) && tools[t].wrap == NULL)
		out = json_pack("{s:o}", "items", out);
	else if (out != NULL && tools[t].wrap != NULL)
		out = json_pack("{s:o}", tools[t].wrap, json_is_array(out) ? out :
		    json_pack("[o]", out));
	if (out != NULL)
		mcp_result(m, id, tool_result(tools[t].text(out), out, 0), 0);
	else
		mcp_result(m, id, tool_result(messages(&r), NULL, 1), 0);
	free(r.out);
	free(r.err);
	strv_release(&w);
}

/* ------------------------------------------------------ the resources */

static const char catalog_uri[] = "awsai://catalog";
static const char service_prefix[] = "awsai://service/";

/* The JSON a command prints, parsed; NULL if it failed. */
static json_t *
command_json(struct mcp *m, const char *const *words)
{
	struct strv	 w = { 0 };
	struct run	 r;
	json_t		*j;

	for (; *words != NULL; words++)
		strv_push(&w, *words);
	run_command(m, &w, &r);
	j = run_doc(&r);
	free(r.out);
	free(r.err);
	strv_release(&w);
	return j;
}

/* awsai://catalog: the layers and use cases with their counts, and more. */
static json_t *
catalog_doc(struct mcp *m)
{
	json_t	*doc = json_pack("{s:s, s:i, s:i, s:i}", "as_of", m->asof,
	    "services", m->nservices, "capabilities",
	    catalog_count(m->ctx->catalog, "capabilities"), "glossary_terms",
	    catalog_count(m->ctx->catalog, "glossary"));

	json_object_set_new(doc, "layers", command_json(m,
	    (const char *const[]){ "layers", NULL }));
	json_object_set_new(doc, "usecases", command_json(m,
	    (const char *const[]){ "usecases", NULL }));
	return doc;
}

static void
list_resources(struct mcp *m, const json_t *id)
{
	json_t	*res = json_array(), *svcs, *s;
	size_t	 i;

	json_array_append_new(res, json_pack("{s:s, s:s, s:s, s:s, s:s}",
	    "uri", catalog_uri, "name", "catalog", "title", "The awsai catalog",
	    "description", "Layers, use cases, counts and the as-of date",
	    "mimeType", "application/json"));
	svcs = command_json(m, (const char *const[]){ "list", NULL });
	json_array_foreach(svcs, i, s) {
		char *uri = xasprintf("%s%s", service_prefix,
		    json_string_value(json_object_get(s, "id")));

		json_array_append_new(res, json_pack("{s:s, s:O, s:O, s:O, "
		    "s:s}", "uri", uri, "name", json_object_get(s, "id"),
		    "title", json_object_get(s, "name"), "description",
		    json_object_get(s, "summary"), "mimeType",
		    "application/json"));
		free(uri);
	}
	json_decref(svcs);
	mcp_result(m, id, json_pack("{s:o}", "resources", res), 1);
}

static void
read_resource(struct mcp *m, const json_t *id, json_t *params)
{
	const char	*uri = json_string_value(json_object_get(params, "uri"));
	json_t		*doc = NULL;
	char		*text;

	if (uri == NULL) {
		mcp_error(id, -32602, "params.uri must be a string",
		    json_pack("{s:s}", "field", "uri"));
		return;
	}
	if (strcmp(uri, catalog_uri) == 0)
		doc = catalog_doc(m);
	else if (strncmp(uri, service_prefix, sizeof(service_prefix) - 1) ==
	    0 && uri[sizeof(service_prefix) - 1] != '\0' &&
	    catalog_has_service(m->ctx->catalog, uri +
	    sizeof(service_prefix) - 1))
		doc = command_json(m, (const char *const[]){ "show", "--",
		    uri + sizeof(service_prefix) - 1, NULL });
	if (doc == NULL) {
		mcp_error(id, m->modern ? -32602 : -32002, "Resource not found",
		    json_pack("{s:s}", "uri", uri));
		return;
	}
	text = json_dumps(doc, MCP_JSON_FLAGS);
	json_decref(doc);
	mcp_result(m, id, json_pack("{s:[{s:s, s:s, s:s}]}", "contents", "uri",
	    uri, "mimeType", "application/json", "text", text), 1);
	free(text);
}

/*
 * Answers a tool or resource method; returns -1 if method is none of
 * them (the caller says "Method not found").
 */
int
mcp_method(struct mcp *m, const json_t *id, const char *method,
    json_t *params)
{
	if (json_object_get(params, "cursor") != NULL &&
	    strstr(method, "/list") != NULL) {
		mcp_error(id, -32602, "params.cursor: awsai never pages, so no "
		    "cursor is valid", json_pack("{s:s}", "field", "cursor"));
		return 0;
	}
	if (strcmp(method, "tools/list") == 0) {
		/* made on the first tools/list: a session that only calls
		   tools never pays for the schemas */
		if (m->tools == NULL)
			m->tools = mcp_build_tools(m->ctx);
		mcp_result(m, id, json_pack("{s:O}", "tools", m->tools), 1);
	}
	else if (strcmp(method, "tools/call") == 0)
		call_tool(m, id, params);
	else if (strcmp(method, "resources/list") == 0)
		list_resources(m, id);
	else if (strcmp(method, "resources/templates/list") == 0)
		mcp_result(m, id, json_pack("{s:[{s:s, s:s, s:s, s:s, s:s}]}",
		    "resourceTemplates", "uriTemplate", "awsai://service/{id}",
		    "name", "service", "title", "An AWS AI service's card",
		    "description", "The catalog record of one service, by id",
		    "mimeType", "application/json"), 1);
	else if (strcmp(method, "resources/read") == 0)
		read_resource(m, id, params);
	else
		return -1;
	return 0;
}
