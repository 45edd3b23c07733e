#!/bin/sh
# t7001: awsai mcp, the Model Context Protocol server: a scripted client
# (tests/mcp/client.py: python3 with jsonschema, from make deps) runs both
# eras' handshakes, every tool and resource against their schemas, and
# each kind of bad input. The official inspector CLI is used too when it
# is installed (AWSAI_INSPECTOR=path to its mcp-inspector, or on PATH).
. "$(dirname "$0")/lib.sh"

if python3 -c 'import jsonschema' 2>/dev/null; then
	adopt "mcp: " python3 "$ROOT/tests/mcp/client.py" "$AWSAI"
else
	fail "python3 with jsonschema is installed (make deps)"
fi

# numbers as people write them: a score is 73.837, not a double's digits
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask","arguments":{"task":"OCR for scanned invoices"}}}' \
    '{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"awsai://service/kendra"}}' \
    >"$T/mcp.in"
RUN_STDIN="$T/mcp.in" run "$AWSAI" mcp
expect_status 0
expect_out '"score":'
check "reals carry no float noise (73.837, not 73.837000000000003)" sh -c \
    '! grep -Eq "[0-9]\.[0-9]*(0000000000|9999999999)[0-9]" "$1"' sh "$T/out"

# initialize and the tools read the embedded catalog's lean images (the
# date and size from them): the same replies as the whole catalog's
cp "$T/out" "$T/embedded"
RUN_STDIN="$T/mcp.in" run "$AWSAI" --catalog "$(dirname "$AWSAI")/catalog.db" mcp
expect_status 0
check "the lean images answer initialize and tools as the whole catalog" \
    cmp "$T/out" "$T/embedded"
check "initialize tells the catalog's date and service count" \
    grep -Eq '"description":"[^"]*catalog as of [0-9]{4}-[0-9]{2}-[0-9]{2} \([1-9][0-9]* services\)' "$T/embedded"

# the server is in the command table, hidden from nothing
run "$AWSAI" help mcp
expect_out "usage: awsai mcp"

insp=${AWSAI_INSPECTOR:-$(command -v mcp-inspector 2>/dev/null)}
if [ -n "$insp" ] && [ -x "$insp" ]; then
	run "$insp" --cli "$AWSAI" mcp --method tools/list
	expect_status 0
	expect_out '"name": "ask"'
	run "$insp" --cli "$AWSAI" mcp --method tools/call --tool-name ask \
	    --tool-arg 'task=OCR for scanned invoices'
	expect_status 0
	expect_out "Amazon Textract"
else
	echo "# the MCP inspector CLI is not installed: its check is skipped"
fi
done_testing
