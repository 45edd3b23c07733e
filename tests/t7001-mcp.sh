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
