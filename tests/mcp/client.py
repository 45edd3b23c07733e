#!/usr/bin/env python3
# tests/mcp/client.py AWSAI: a scripted MCP client for `awsai mcp`: both
# protocol eras' handshakes, every tool and resource (results checked
# against the tools' declared output schemas, JSON Schema 2020-12), and
# each kind of bad input. Prints "ok - WHAT" / "not ok - WHAT".
import json, os, subprocess, sys
from jsonschema import Draft202012Validator
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checks import check  # noqa: E402

awsai = sys.argv[1]
MODERN = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientCapabilities": {}}


def session(lines, raw=False):
    """Runs one server over lines; returns (replies, stderr, status)."""
    data = b"".join((l if isinstance(l, bytes) else l.encode()) + b"\n"
                    for l in lines)
    p = subprocess.run([awsai, "mcp"], input=data, capture_output=True,
                       timeout=60)
    out = p.stdout.decode("utf-8")
    replies = []
    clean = True
    for line in out.splitlines():
        try:
            replies.append(json.loads(line))
        except ValueError:
            clean = False
    return replies, p.stderr.decode("utf-8", "replace"), p.returncode, clean


def req(i, method, params=None, modern=False):
    m = {"jsonrpc": "2.0", "id": i, "method": method}
    if params is not None or modern:
        params = dict(params or {})
        if modern:
            params["_meta"] = dict(MODERN)
        m["params"] = params
    return json.dumps(m)


def by_id(replies):
    return {r.get("id"): r for r in replies if "id" in r}


INIT = req(1, "initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                             "clientInfo": {"name": "t", "version": "0"}})
NOTE = json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"})

# -- the example: two lines, Textract first --------------------------
r, err, st, clean = session([INIT, req(2, "tools/call", {"name": "ask",
                            "arguments": {"task": "OCR for scanned invoices"}})])
ids = by_id(r)
check("example: both lines answered", 1 in ids and 2 in ids)
check("example: Textract first",
      ids.get(2, {}).get("result", {}).get("structuredContent", {})
      .get("results", [{}])[0].get("name") == "Amazon Textract")
check("example: exit 0 when stdin closes", st == 0)
check("example: nothing but protocol on stdout", clean)

# -- 2025-11-25 --------------------------------------------------------------
calls = {
    "ask": [{"task": "detect faces in photos"}, {"task": "회의 녹음을 텍스트로", "limit": 2},
            {"task": "forecast demand", "existing": True, "layer": "infrastructure"}],
    "show": [{"service": "rekognition"}, {"service": "Amazon Bedrock"}],
    "list": [{}, {"layer": "platform"}, {"status": "closed"}, {"usecase": "vision"}],
    "compare": [{"services": ["rekognition", "textract"]}],
    "related": [{"service": "kendra"}, {"service": "SageMaker AI"}],
    "choose": [{"want": "build-genai", "domain": "rag", "data": "s3"},
               {"want": "ready-made", "domain": "fraud", "customer": "new"}],
    "define": [{"term": "foundation model"}, {"term": "RAG"}],
}
failing = {"ask": {"task": "zzzz qqqq xxxx"}, "show": {"service": "nosuch"},
           "list": {"layer": "nosuch"}, "define": {"term": "nosuchterm"},
           "compare": {"services": ["nosuch", "rekognition"]},
           "related": {"service": "nosuch"},
           "choose": {"want": "ready-made", "mode": "batch"}}
lines = [INIT, NOTE, req(2, "ping"), req(3, "tools/list")]
n = 100
plan = []
for tool, args in calls.items():
    for a in args:
        n += 1
        plan.append((n, tool, a, False))
        lines.append(req(n, "tools/call", {"name": tool, "arguments": a}))
for tool, a in failing.items():
    n += 1
    plan.append((n, tool, a, True))
    lines.append(req(n, "tools/call", {"name": tool, "arguments": a}))
lines += [req(4, "resources/list"), req(5, "resources/templates/list"),
          req(6, "resources/read", {"uri": "awsai://catalog"}),
          req(7, "resources/read", {"uri": "awsai://service/polly"}),
          req(8, "resources/read", {"uri": "awsai://service/nosuch"})]
r, err, st, clean = session(lines)
ids = by_id(r)
init = ids.get(1, {}).get("result", {})
check("legacy: initialize answers 2025-11-25", init.get("protocolVersion") == "2025-11-25")
check("legacy: capabilities has tools and resources",
      "tools" in init.get("capabilities", {}) and "resources" in init.get("capabilities", {}))
si = init.get("serverInfo", {})
check("legacy: serverInfo has name, version and the catalog's date",
      si.get("name") == "awsai" and si.get("version") and "as of 20" in si.get("description", ""))
check("legacy: results carry no resultType", "resultType" not in init)
check("legacy: notifications get no reply", len([x for x in r if "id" not in x]) == 0)
check("legacy: ping answers {}", ids.get(2, {}).get("result") == {})
tools = ids.get(3, {}).get("result", {}).get("tools", [])
names = [t.get("name") for t in tools]
want = ["ask", "show", "list", "compare", "related", "choose", "define"]
check("tools/list: ask, show, list, compare, related, choose, define in order",
      names == want)
schemas = {}
for t in tools:
    ok = True
    for k in ("inputSchema", "outputSchema"):
        try:
            Draft202012Validator.check_schema(t[k])
        except Exception:
            ok = False
    check("tool %s: title, description and valid 2020-12 schemas" % t.get("name"),
          ok and t.get("title") and len(t.get("description", "")) > 40
          and t["inputSchema"].get("type") == "object"
          and t["outputSchema"].get("type") == "object")
    schemas[t.get("name")] = t
for i, tool, a, fails in plan:
    if tool not in schemas:
        continue
    res = ids.get(i, {}).get("result")
    if res is None:
        check("tools/call %s %s answers" % (tool, json.dumps(a, ensure_ascii=False)), False)
        continue
    text = res.get("content", [{}])[0]
    if fails:
        check("tools/call %s failing: isError with a helpful text" % tool,
              res.get("isError") is True and text.get("type") == "text" and len(text.get("text", "")) > 10)
        continue
    try:
        Draft202012Validator(schemas[tool]["inputSchema"]).validate(a)
        Draft202012Validator(schemas[tool]["outputSchema"]).validate(res.get("structuredContent"))
        valid = True
    except Exception as e:
        valid = False
        print("# %s" % e)
    check("tools/call %s %s: structuredContent matches the output schema"
          % (tool, json.dumps(a, ensure_ascii=False)),
          valid and res.get("isError") is False and text.get("type") == "text" and text.get("text"))
resl = ids.get(4, {}).get("result", {}).get("resources", [])
uris = [x.get("uri") for x in resl]
check("resources/list: awsai://catalog and the services",
      "awsai://catalog" in uris and "awsai://service/rekognition" in uris)
tmpl = ids.get(5, {}).get("result", {}).get("resourceTemplates", [])
check("resources/templates/list: awsai://service/{id}",
      len(tmpl) == 1 and tmpl[0].get("uriTemplate") == "awsai://service/{id}")
cat = ids.get(6, {}).get("result", {}).get("contents", [{}])[0]
catdoc = json.loads(cat.get("text", "{}"))
check("resources/read awsai://catalog: layers, use cases, counts, as-of",
      cat.get("mimeType") == "application/json" and len(catdoc.get("layers", [])) == 3
      and catdoc.get("usecases") and catdoc.get("services", 0) > 100 and catdoc.get("as_of"))
svc = json.loads(ids.get(7, {}).get("result", {}).get("contents", [{}])[0].get("text", "{}"))
check("resources/read awsai://service/polly: the card", svc.get("id") == "polly")
check("legacy: an unknown resource is -32002",
      ids.get(8, {}).get("error", {}).get("code") == -32002)
check("legacy: exit 0, clean stdout", st == 0 and clean)

# -- 2026-07-28 --------------------------------------------------------------
lines = [req("d", "server/discover", modern=True),
         req(2, "tools/list", modern=True),
         req(3, "tools/call", {"name": "ask", "arguments": {"task": "text to speech"}}, modern=True),
         req(4, "resources/list", modern=True),
         req(5, "resources/read", {"uri": "awsai://nosuch"}, modern=True),
         json.dumps({"jsonrpc": "2.0", "id": 6, "method": "tools/list",
                     "params": {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}}}),
         json.dumps({"jsonrpc": "2.0", "id": 7, "method": "tools/list",
                     "params": {"_meta": {"io.modelcontextprotocol/protocolVersion": "1999-01-01",
                                          "io.modelcontextprotocol/clientCapabilities": {}}}}),
         req(8, "tools/list"),
         req(9, "ping", modern=True),
         req(10, "resources/templates/list", modern=True),
         req(11, "resources/read", {"uri": "awsai://catalog"}, modern=True)]
r, err, st, clean = session(lines)
ids = by_id(r)
disc = ids.get("d", {}).get("result", {})
check("modern: server/discover: supportedVersions, capabilities, serverInfo",
      disc.get("supportedVersions") == ["2026-07-28"] and "tools" in disc.get("capabilities", {})
      and disc.get("_meta", {}).get("io.modelcontextprotocol/serverInfo", {}).get("name") == "awsai")
check("modern: discover is cacheable (ttlMs, cacheScope) and complete",
      disc.get("resultType") == "complete" and isinstance(disc.get("ttlMs"), int)
      and disc.get("cacheScope") in ("public", "private"))
tl = ids.get(2, {}).get("result", {})
check("modern: tools/list has resultType, ttlMs, cacheScope",
      tl.get("resultType") == "complete" and tl.get("ttlMs", -1) >= 0 and tl.get("cacheScope") == "public"
      and [t["name"] for t in tl.get("tools", [])][0] == "ask")
call = ids.get(3, {}).get("result", {})
check("modern: tools/call complete, Polly first",
      call.get("resultType") == "complete" and
      call.get("structuredContent", {}).get("results", [{}])[0].get("id") == "polly")
check("modern: resources/list cacheable",
      ids.get(4, {}).get("result", {}).get("ttlMs") is not None)
check("modern: an unknown resource is -32602",
      ids.get(5, {}).get("error", {}).get("code") == -32602)
check("modern: missing clientCapabilities is -32602",
      ids.get(6, {}).get("error", {}).get("code") == -32602)
e7 = ids.get(7, {}).get("error", {})
check("modern: an unsupported version is -32022 with data.supported",
      e7.get("code") == -32022 and e7.get("data", {}).get("supported") == ["2026-07-28"]
      and e7.get("data", {}).get("requested") == "1999-01-01")
check("no _meta and no initialize: -32602", ids.get(8, {}).get("error", {}).get("code") == -32602)
check("modern: ping does not exist (-32601)", ids.get(9, {}).get("error", {}).get("code") == -32601)
check("modern: templates and read are cacheable",
      ids.get(10, {}).get("result", {}).get("cacheScope") == "public"
      and ids.get(11, {}).get("result", {}).get("ttlMs") is not None)
check("modern: exit 0, clean stdout", st == 0 and clean)

# -- bad input ---------------------------------------------------------------
deep = "[" * 5000 + "]" * 5000
lines = [INIT, NOTE,
         "this is not json",
         req(2, "ping"),
         json.dumps([{"jsonrpc": "2.0", "id": 3, "method": "ping"}]),
         "42",
         json.dumps({"id": 4, "method": "ping"}),
         json.dumps({"jsonrpc": "2.0", "id": 5}),
         req(6, "no/such/method"),
         req(7, "tools/call", {"name": "ask", "arguments": {"task": "x", "limit": "ten"}}),
         req(8, "tools/call", {"name": "nosuch", "arguments": {}}),
         req(9, "tools/call", {"name": "ask", "arguments": {"question": "x"}}),
         json.dumps({"jsonrpc": "2.0", "method": "tools/list"}),
         json.dumps({"jsonrpc": "2.0", "method": "notifications/cancelled",
                     "params": {"requestId": 6, "reason": "test"}}),
         b'{"jsonrpc":"2.0","id":10,"method":"ping","params":{"x":"\xff\xfe"}}',
         '{"jsonrpc":"2.0","id":11,"method":"ping","params":{"x":"' + "a" * (10 << 20) + '"}}',
         deep,
         req(12, "resources/read", {}),
         json.dumps({"jsonrpc": "2.0", "id": None, "method": "ping"}),
         req(13, "ping")]
r, err, st, clean = session(lines)
ids = by_id(r)
noid = [x for x in r if "id" not in x]
codes = [x.get("error", {}).get("code") for x in noid]
check("invalid JSON: -32700 and the server goes on",
      -32700 in codes and ids.get(2, {}).get("result") == {})
check("a batch array: -32600", any(x.get("error", {}).get("message", "").startswith("Invalid Request: batches") for x in noid))
check("a non-object, a missing jsonrpc or method: -32600",
      codes.count(-32600) >= 3 and ids.get(4, {}).get("error", {}).get("code") == -32600
      and ids.get(5, {}).get("error", {}).get("code") == -32600)
check("unknown method: -32601", ids.get(6, {}).get("error", {}).get("code") == -32601)
check("bad params: -32602 naming the field",
      ids.get(7, {}).get("error", {}).get("code") == -32602
      and ids.get(7, {}).get("error", {}).get("data", {}).get("field") == "limit"
      and ids.get(9, {}).get("error", {}).get("data", {}).get("field") == "question"
      and ids.get(12, {}).get("error", {}).get("data", {}).get("field") == "uri")
check("unknown tool: -32602", ids.get(8, {}).get("error", {}).get("code") == -32602)
check("invalid UTF-8: an error, not a crash", 10 not in ids and -32700 in codes)
check("a 10 MB line: an error, and the server goes on",
      11 not in ids and ids.get(13, {}).get("result") == {})
check("deep nesting: an error", codes.count(-32700) >= 3)
check("id null: -32600", codes.count(-32600) >= 4)
order = [x.get("id") for x in r if x.get("id") is not None]
check("requests answered in order", order == sorted(order, key=lambda v: (str(type(v)), v)) or order == [1, 2, 4, 5, 6, 7, 8, 9, 12, 13])
check("bad input: exit 0, clean stdout, logs only on stderr", st == 0 and clean)
