/*
 * mcp.c: `awsai mcp`, a Model Context Protocol server over stdio:
 * JSON-RPC 2.0, one message a line, nothing but protocol on standard
 * output, messages on standard error, exit 0 when standard input ends.
 * Requests are answered in order. Both protocol eras in one process
 * (docs/MCP.md cites the specification):
 *   2025-11-25: initialize selects it for the process; ping.
 *   2026-07-28: stateless; every request carries its protocol version and
 *   the client's capabilities in params._meta; server/discover; results
 *   carry resultType, list results ttlMs and cacheScope.
 * The tools and resources are mcp-tools.c's; they run awsai's commands.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "awsai.h"
#include "mcp.h"

#define MAXMSG (4 << 20)	/* bytes in one message */

static const char *const legacy_versions[] = { "2025-11-25", "2025-06-18",
    "2025-03-26", "2024-11-05", NULL };
#define MODERN "2026-07-28"

static const char META_PV[] = "io.modelcontextprotocol/protocolVersion";
static const char META_CC[] = "io.modelcontextprotocol/clientCapabilities";
static const char META_SI[] = "io.modelcontextprotocol/serverInfo";

/* Writes one message and a newline (MCP_JSON_FLAGS: no newline inside). */
static void
send_msg(json_t *msg)
{
	char	*text = json_dumps(msg, MCP_JSON_FLAGS);

	json_decref(msg);
	if (text == NULL)
		BUG("cannot encode an MCP message");
	fputs(text, stdout);
	fputc('\n', stdout);
	fflush(stdout);
	free(text);
}

/* An error response; id NULL leaves "id" out (it could not be read). */
void
mcp_error(const json_t *id, int code, const char *message, json_t *data)
{
	json_t	*msg = json_object(), *err = json_object();

	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	if (id != NULL)
		json_object_set(msg, "id", (json_t *)id);
	json_object_set_new(err, "code", json_integer(code));
	json_object_set_new(err, "message", json_string(message));
	if (data != NULL)
		json_object_set_new(err, "data", data);
	json_object_set_new(msg, "error", err);
	send_msg(msg);
}

/* The server's identity, with the catalog's date and size. */
json_t *
mcp_server_info(struct mcp *m)
{
	char	*desc = xasprintf("Which AWS AI service fits a task, offline; "
	    "catalog as of %s (%d services)", m->asof, m->nservices);
	json_t	*si = json_pack("{s:s, s:s, s:s, s:s}", "name", "awsai",
	    "title", "awsai: AWS AI services", "version", AWSAI_VERSION,
	    "description", desc);

	free(desc);
	return si;
}

/*
 * A result response: in the modern era it gains resultType, the server's
 * identity in _meta and, with cache set, ttlMs and cacheScope.
 */
void
mcp_result(struct mcp *m, const json_t *id, json_t *res, int cache)
{
	json_t	*msg = json_object(), *meta;

	if (m->modern) {
		json_object_set_new(res, "resultType", json_string("complete"));
		if ((meta = json_object_get(res, "_meta")) == NULL) {
			meta = json_object();
			json_object_set_new(res, "_meta", meta);
		}
		json_object_set_new(meta, META_SI, mcp_server_info(m));
		if (cache) {
			json_object_set_new(res, "ttlMs", json_integer(3600000));
			json_object_set_new(res, "cacheScope",
			    json_string("public"));
		}
	}
	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	json_object_set(msg, "id", (json_t *)id);
	json_object_set_new(msg, "result", res);
	send_msg(msg);
}

static json_t *
capabilities(void)
{
	return json_pack("{s:{}, s:{}}", "tools", "resources");
}

static const char instructions[] = "Ask which AWS AI/ML service fits a "
    "task (English or Korean) with the ask tool; show a service's card, "
    "list services by layer, use case or status, compare services, and "
    "define ML terms. Answers come from a local, dated catalog: closed "
    "services are marked and their successors named.";

static void
do_initialize(struct mcp *m, const json_t *id, json_t *params)
{
	const char	*want = json_string_value(json_object_get(params,
			    "protocolVersion"));
	const char	*use = legacy_versions[0];

	if (want == NULL || !json_is_object(json_object_get(params,
	    "capabilities"))) {
		mcp_error(id, -32602, "initialize needs params.protocolVersion "
		    "(a string) and params.capabilities (an object)", NULL);
		return;
	}
	for (const char *const *v = legacy_versions; *v != NULL; v++)
		if (strcmp(*v, want) == 0)
			use = *v;
	m->legacy = use;
	m->modern = 0;
	mcp_result(m, id, json_pack("{s:s, s:o, s:o, s:s}", "protocolVersion",
	    use, "capabilities", capabilities(), "serverInfo",
	    mcp_server_info(m), "instructions", instructions), 0);
}

static void
do_discover(struct mcp *m, const json_t *id)
{
	mcp_result(m, id, json_pack("{s:[s], s:o, s:s}", "supportedVersions",
	    MODERN, "capabilities", capabilities(), "instructions",
	    instructions), 1);
}

/*
 * Picks the era of a request: modern when its _meta names a protocol
 * version (checked), else legacy once initialize has run. Returns 0, or
 * -1 after answering with the error.
 */
static int
era(struct mcp *m, const json_t *id, json_t *params, const char *method)
{
	json_t		*meta = json_object_get(params, "_meta");
	const char	*pv = json_string_value(json_object_get(meta, META_PV));

	m->modern = 0;
	if (pv != NULL) {
		m->modern = 1;
		if (strcmp(pv, MODERN) != 0) {
			mcp_error(id, -32022, "Unsupported protocol version",
			    json_pack("{s:[s], s:s}", "supported", MODERN,
			    "requested", pv));
			return -1;
		}
		if (!json_is_object(json_object_get(meta, META_CC))) {
			mcp_error(id, -32602, "params._meta needs "
			    "\"io.modelcontextprotocol/clientCapabilities\" "
			    "(an object)", NULL);
			return -1;
		}
		return 0;
	}
	if (m->legacy != NULL || strcmp(method, "ping") == 0)
		return 0;
	mcp_error(id, -32602, "params._meta needs "
	    "\"io.modelcontextprotocol/protocolVersion\" (or send initialize "
	    "first)", NULL);
	return -1;
}

/* Answers one request (it has an id) of either era. */
static void
request(struct mcp *m, const json_t *id, const char *method, json_t *params)
{
	if (strcmp(method, "initialize") == 0) {
		do_initialize(m, id, params);
		return;
	}
	if (era(m, id, params, method) == -1)
		return;
	if (!m->modern && strcmp(method, "ping") == 0)
		mcp_result(m, id, json_object(), 0);
	else if (m->modern && strcmp(method, "server/discover") == 0)
		do_discover(m, id);
	else if (m->modern && strcmp(method, "subscriptions/listen") == 0)
		mcp_listen(m, id);
	else if (mcp_method(m, id, method, params) == 0)
		;	/* a tool or resource method, answered */
	else
		mcp_error(id, -32601, "Method not found", json_pack("{s:s}",
		    "method", method));
}

/* Is id a valid request id: a string or an integer? */
static int
valid_id(const json_t *id)
{
	return json_is_string(id) || json_is_integer(id);
}

/* Handles one line: parses, checks the envelope, dispatches. */
void
mcp_message(struct mcp *m, const char *line, size_t len)
{
	json_error_t	 err;
	json_t		*msg, *id, *params;
	const char	*method;

	msg = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY,
	    &err);
	if (msg == NULL) {
		mcp_error(NULL, -32700, "Parse error: the line is not one JSON "
		    "value in UTF-8", json_pack("{s:s, s:i}", "reason",
		    err.text, "column", err.column));
		return;
	}
	id = json_object_get(msg, "id");
	method = json_string_value(json_object_get(msg, "method"));
	params = json_object_get(msg, "params");
	if (!json_is_object(msg) || (json_object_get(msg, "result") == NULL &&
	    json_object_get(msg, "error") == NULL && method == NULL) ||
	    !json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(json_string_value(json_object_get(msg, "jsonrpc")),
	    "2.0") != 0 || (id != NULL && !valid_id(id))) {
		mcp_error(valid_id(id) ? id : NULL, -32600, json_is_array(msg) ?
		    "Invalid Request: batches are not part of MCP" :
		    "Invalid Request: a JSON-RPC 2.0 object with \"jsonrpc\": "
		    "\"2.0\", a \"method\" and a string or integer \"id\"",
		    NULL);
	} else if (method == NULL)
		;	/* a response: awsai sends no requests to answer */
	else if (id == NULL)
		mcp_notification(m, method, params);
	else if (params != NULL && !json_is_object(params))
		mcp_error(id, -32602, "params must be an object", NULL);
	else {
		json_t *p = params != NULL ? json_incref(params) :
		    json_object();

		request(m, id, method, p);
		json_decref(p);
	}
	json_decref(msg);
}

/* Notifications get no answer; a cancel ends a listen. */
void
mcp_notification(struct mcp *m, const char *method, json_t *params)
{
	json_t	*rid = json_object_get(params, "requestId");

	if (strcmp(method, "notifications/cancelled") == 0 && rid != NULL &&
	    m->listen != NULL && json_equal(rid, m->listen)) {
		json_decref(m->listen);
		m->listen = NULL;
	}
}

/* subscriptions/listen: nothing here changes, so nothing is sent but the
 * acknowledgement; the request stays open until cancelled. */
void
mcp_listen(struct mcp *m, const json_t *id)
{
	json_t	*note;

	json_decref(m->listen);
	m->listen = json_incref((json_t *)id);
	note = json_pack("{s:s, s:s, s:{s:{s:O}, s:{}}}", "jsonrpc", "2.0",
	    "method", "notifications/subscriptions/acknowledged", "params",
	    "_meta", "io.modelcontextprotocol/subscriptionId", id,
	    "notifications");
	send_msg(note);
}

/* The server: reads messages until standard input ends. */
int
mcp_serve(struct ctx *ctx)
{
	struct mcp	 m;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len;

	if (mcp_init(&m, ctx) == -1)
		return EXIT_DATA;
	errno = 0;
	while ((len = util_getline(&line, &cap, stdin, MAXMSG)) != -1) {
		if (len == -2) {
			mcp_error(NULL, -32600, "Invalid Request: a message of "
			    "more than 4 MiB", NULL);
			if (util_skipline(stdin) == -1)
				break;
			continue;
		}
		if (len > 0 && strspn(line, " \t\r") != (size_t)len)
			mcp_message(&m, line, (size_t)len);
	}
	free(line);
	mcp_free(&m);
	if (ferror(stdin)) {
		diag_error("mcp: cannot read standard input: %s",
		    strerror(errno != 0 ? errno : EIO));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
