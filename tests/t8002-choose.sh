#!/bin/sh
# t8002: choose: a path through each first answer with flags, every
# format, bad answers and answers to questions never asked, the loader's
# checks of the questions, and the numbered questions on a terminal.
. "$(dirname "$0")/lib.sh"
F="$ROOT/tests/data/fixture/catalog.json"

# want -> the layer it keeps, and a service the list should hold
for path in "ready-made --domain vision --mode batch:service:rekognition" \
    "ready-made --domain speech --mode real-time:service:transcribe" \
    "ready-made --domain documents:service:textract" \
    "ready-made --domain fraud --customer new:service:sagemaker-ai" \
    "build-genai --domain chatbot:platform:bedrock" \
    "build-genai --domain rag --data saas:platform:bedrock-knowledge-bases" \
    "build-genai --domain agents:platform:bedrock-agentcore" \
    "own-model --stage train --mode distributed:infrastructure:sagemaker-hyperpod" \
    "own-model --stage deploy --mode serverless:infrastructure:sagemaker-serverless-inference" \
    "own-model --stage compute --mode inference:infrastructure:inferentia"; do
	flags=${path%%:*} rest=${path#*:} layer=${rest%%:*} want=${rest#*:}
	# shellcheck disable=SC2086
	run "$AWSAI" choose --want $flags -o json
	expect_status 0
	check "choose --want $flags: the $layer layer's services, $want among them" jq -e \
	    --arg l "$layer" --arg w "$want" \
	    'length > 0 and any(.[]; .id == $w) and all(.[]; (.layer == $l) or (.why | test("successor")))' "$T/out"
done
run "$AWSAI" choose --want ready-made --domain fraud --customer new -o json
check "a new customer gets the closed service's successor first" jq -e \
    '.[0].id == "sagemaker-ai" and (.[0].why | test("successor of Amazon Fraud Detector"))' "$T/out"
run "$AWSAI" choose --want ready-made --domain fraud --customer existing -o json
check "an existing customer gets the closed service itself first" jq -e '.[0].id == "fraud-detector"' "$T/out"
run "$AWSAI" choose --want ready-made --domain speech -n 2 -o json
check "-n limits the list" jq -e 'length == 2' "$T/out"

# every format
for f in table plain tsv csv json jsonl; do
	run "$AWSAI" -o $f choose --want build-genai --domain content
	expect_status 0
done
run "$AWSAI" -o table choose --want build-genai --domain content
expect_out "want=build-genai domain=content -> platform layer"
run "$AWSAI" -o tsv choose --want build-genai --domain content
check "tsv: the ask columns" sh -c "head -1 '$T/out' | grep -q '^rank	id	name	layer	status'"
run "$AWSAI" choose --want build --domain cont -o json
check "a unique prefix of an answer works" jq -e 'length > 0' "$T/out"

# bad answers
run "$AWSAI" choose --want nosuch
expect_status 2
expect_err "--want: \"nosuch\" does not answer \"What do you want to do?\" (answers: ready-made, build-genai, own-model)"
run "$AWSAI" choose --want ready-made --domain text --mode batch
expect_status 2
expect_err "--mode: choose does not ask that after want=ready-made domain=text"
run "$AWSAI" choose --domain vision
expect_status 2
expect_err "--domain: choose does not ask that after the first question"
run "$AWSAI" choose
expect_status 2
expect_err "choose needs answers"
run "$AWSAI" choose extra
expect_status 2

# the questions are catalog data: the loader checks them
jq '.questions[0].answers[0].next = "nowhere"' "$F" >"$T/q1.json"
run "$AWSAI" check "$T/q1.json"
expect_status 65
expect_err "next: unknown question \"nowhere\""
jq '.questions[2].answers[0].next = "want"' "$F" >"$T/q2.json"
run "$AWSAI" check "$T/q2.json"
expect_status 65
expect_err "the questions loop"
jq '.questions[1].answers[1].id = "vision"' "$F" >"$T/q3.json"
run "$AWSAI" check "$T/q3.json"
expect_status 65
expect_err "duplicate answer id \"vision\""
jq '.questions[0].answers[0].layer = "nolayer" | .questions[1].answers[0].usecase = "nouc" | .questions[3].answers[0].lifecycle = "old"' "$F" >"$T/q4.json"
run "$AWSAI" check "$T/q4.json"
expect_status 65
expect_err "layer: unknown layer \"nolayer\""
expect_err "usecase: unknown use case \"nouc\""
expect_err "lifecycle \"old\" must be \"new\" or \"existing\""
jq '.questions += [{"id": "lonely", "slot": "mode", "text": "Never?", "text_ko": "안 물어봄?", "answers": [{"id": "a", "label": "A", "label_ko": "가"}, {"id": "b", "label": "B", "label_ko": "나"}]}]' "$F" >"$T/q5.json"
run "$AWSAI" check "$T/q5.json"
expect_status 65
expect_err "never asked"
jq '.questions[0].answers = [.questions[0].answers[0]]' "$F" >"$T/q6.json"
run "$AWSAI" check "$T/q6.json"
expect_status 65
expect_err "answers: needs at least 2, has 1"
jq 'del(.questions)' "$F" >"$T/q7.json"
run "$AWSAI" --catalog "$T/q7.json" choose --want x
expect_status 65
expect_err "this catalog has no questions for choose"
run "$AWSAI" check "$T/q1.json"
check "errors point at file:line:col" grep -q "q1.json:[0-9]*:[0-9]*: " "$T/err"

# completion offers a slot's answers
run "$AWSAI" __complete choose --want ""
expect_out "build-genai"
run "$AWSAI" __complete choose --customer ""
expect_out "existing"

if command -v python3 >/dev/null 2>&1 && python3 -c 'import pexpect' 2>/dev/null; then
	adopt "pty: " python3 "$ROOT/tests/pty/choose.py" "$AWSAI"
else
	fail "python3 with pexpect is installed (make deps)"
fi
done_testing
