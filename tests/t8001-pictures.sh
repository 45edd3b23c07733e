#!/bin/sh
# t8001: pictures and side-by-side views: stack, graph, compare, related.
# Widths are measured in display columns (Korean is two wide).
. "$(dirname "$0")/lib.sh"
F="$ROOT/tests/data/fixture/catalog.json"

# widest WIDTH FILE: every line of FILE is at most WIDTH columns
widest() {
	python3 -c '
import sys, unicodedata
w = int(sys.argv[1])
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if cols > w:
        sys.exit(1)
' "$@"
}
# exact WIDTH FILE: every box line is exactly WIDTH columns
exact() {
	python3 -c '
import sys, unicodedata
w = int(sys.argv[1])
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if line[:1] not in "┌├│└+|":
        continue
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if cols != w:
        sys.exit(1)
' "$@"
}

# ---------------------------------------------------------------- stack
for w in 20 40 80 120 200; do
	run "$AWSAI" -o table stack --width $w
	expect_status 0
	check "stack --width $w: every box line is $w columns" exact $w "$T/out"
done
run "$AWSAI" -o table stack --width 80
expect_out "┌─ AI services and applications · AI 서비스"
expect_out "├─ Generative AI platform"
expect_out "└──"
expect_out "Rekognition"
expect_out "Bedrock"
expect_out "SageMaker AI"
expect_out "* closed to new customers"
check "service above platform above infrastructure" sh -c \
    "grep -n 'AI services and\|Generative AI platform\|ML infrastructure' '$T/out' | cut -d: -f1 | sort -n -c"
check "a closed service is marked" grep -q 'Kendra\*' "$T/out"
check "a retired service is marked" grep -q 'DeepLens†' "$T/out"
check "names lose the Amazon prefix" sh -c "! grep -q 'Amazon Rekognition' '$T/out'"

COLUMNS=60 run "$AWSAI" -o table stack
check "COLUMNS sets the width" exact 60 "$T/out"
run "$AWSAI" -o table stack --usecase translation --width 60
expect_out "Translate"
expect_no_out "Rekognition"
check "empty layers are still drawn" sh -c "grep -c '^│ - ' '$T/out' | grep -qx 2"
LC_ALL=C run "$AWSAI" -o table stack --width 60
check "ASCII outside a UTF-8 locale" sh -c "grep -q '^+- AI services' '$T/out' && ! grep -q '│' '$T/out'"
check "ASCII leaves out the Korean name" sh -c "! grep -q '서비스' '$T/out'"
expect_out "! retired"
run "$AWSAI" -o table stack --ascii --width 40
check "--ascii forces ASCII" grep -q '^+-' "$T/out"
check "--ascii: every box line is 40 columns" exact 40 "$T/out"
run "$AWSAI" -o table --color=always stack --width 60
check "colour on request: a colour per layer" sh -c \
    "grep -q \"\$(printf '\\033\\[36m')\" '$T/out' && grep -q \"\$(printf '\\033\\[35m')\" '$T/out'"
run "$AWSAI" -o table stack --width 60
check "no colour when NO_COLOR is set or not a terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"
run "$AWSAI" -o json stack --usecase translation
check "stack -o json: the rows" jq -e 'length == 1 and .[0].id == "translate" and .[0].short == "Translate" and .[0].layer == "service"' "$T/out"
run "$AWSAI" stack --width 10
expect_status 2
expect_err "too narrow"
run "$AWSAI" stack --usecase nosuch
expect_status 2
expect_err "unknown use case \"nosuch\""

# ---------------------------------------------------------------- graph
run "$AWSAI" graph
expect_status 0
expect_out "digraph awsai {"
if command -v dot >/dev/null; then
	cp "$T/out" "$T/g.dot"
	run dot -Tsvg "$T/g.dot"
	expect_status 0
	expect_out "<svg"
	run "$AWSAI" graph --usecase speech --layer service
	cp "$T/out" "$T/g.dot"
	run dot -Tsvg "$T/g.dot"
	check "dot accepts a filtered graph" grep -q '<svg' "$T/out"
else
	fail "graphviz (dot) is installed: make deps"
fi
run "$AWSAI" graph -o mermaid
expect_status 0
cp "$T/out" "$T/g.mmd"
check "the Mermaid text follows the flowchart grammar" python3 "$ROOT/tests/graph/mermaid_lint.py" "$T/g.mmd"
if [ -n "${AWSAI_MMDC:-}" ]; then
	run "$AWSAI_MMDC" -i "$T/g.mmd" -o "$T/g.svg"
	check "mermaid-cli renders it (AWSAI_MMDC)" test -s "$T/g.svg"
fi
run "$AWSAI" graph --usecase fraud-detection -o json
check "graph -o json: edges with their ends" jq -e \
    'any(.[]; .relation == "successor" and .from == "fraud-detector" and .to == "sagemaker-ai") and any(.[]; .relation == "usecase" and .from_kind == "usecase") and any(.[]; .relation == "layer" and .to_kind == "layer")' "$T/out"
run "$AWSAI" graph --layer infrastructure -o json
check "part-of edges" jq -e 'any(.[]; .relation == "part-of" and .to == "sagemaker-ai")' "$T/out"
check "--layer keeps that layer's services" jq -e '[.[] | select(.relation == "layer") | .to] | unique == ["infrastructure"]' "$T/out"
run "$AWSAI" -o dot list
expect_status 2
expect_err "only \"awsai graph\" takes it"

# names that need escaping, from a catalog nobody checked for them
jq '.services[0].name = "Lens \"Pro\" #1 <beta> \\ end"' "$F" >"$T/odd.json"
run "$AWSAI" --catalog "$T/odd.json" -o mermaid graph
cp "$T/out" "$T/odd.mmd"
check "Mermaid: quotes, # and <> in a name are entity codes" grep -qF '["Lens #quot;Pro#quot; #35;1 #lt;beta#gt; \ end"]' "$T/odd.mmd"
check "Mermaid: still the grammar" python3 "$ROOT/tests/graph/mermaid_lint.py" "$T/odd.mmd"
run "$AWSAI" --catalog "$T/odd.json" -o dot graph
expect_out 'label="Lens \"Pro\" #1 <beta> \\ end"'
if command -v dot >/dev/null; then
	cp "$T/out" "$T/odd.dot"
	run dot -Tsvg "$T/odd.dot"
	expect_status 0
fi

# ---------------------------------------------------------------- compare
run "$AWSAI" compare rekognition textract -o json
expect_status 0
check "compare -o json: one object per service" jq -e \
    'length == 2 and .[0].id == "rekognition" and .[1].id == "textract" and all(.[]; has("layer") and has("usecases") and has("status") and has("successor") and has("cli") and has("specs") and has("summary") and has("tasks"))' "$T/out"
run "$AWSAI" compare ec2-p5 ec2-trn2 -o json
check "compare shows instance specs" jq -e 'all(.[]; .specs | length > 0)' "$T/out"
COLUMNS=80 run "$AWSAI" -o table compare rekognition textract polly
check "compare fits 80 columns" widest 80 "$T/out"
expect_out "REKOGNITION"
COLUMNS=40 run "$AWSAI" -o table compare 레코그니션 textract
check "compare fits 40 columns, Korean names resolved" widest 40 "$T/out"
run "$AWSAI" compare rekognition
expect_status 2
run "$AWSAI" compare rekognition nosuchthing
expect_status 1
expect_err "nosuchthing"
run "$AWSAI" vs kendra bedrock-knowledge-bases -o tsv
expect_status 0

# ---------------------------------------------------------------- related
run "$AWSAI" related kendra -o json
expect_status 0
check "related: the successor" jq -e 'any(.[]; .relation == "successor" and .id == "bedrock-knowledge-bases")' "$T/out"
run "$AWSAI" related sagemaker-ai -o json
check "related: the parts" jq -e '[.[] | select(.relation == "part")] | length > 10' "$T/out"
run "$AWSAI" related bedrock-knowledge-bases -o json
check "related: predecessors" jq -e 'any(.[]; .relation == "predecessor" and .id == "kendra")' "$T/out"
run "$AWSAI" related nosuch
expect_status 1

done_testing
