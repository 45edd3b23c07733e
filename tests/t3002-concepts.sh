#!/bin/sh
# t3002: the course material: define, concepts, stages, roles.
. "$(dirname "$0")/lib.sh"

run "$AWSAI" define foundation model -o json
expect_status 0
check "define gives both languages" jq -e \
    '.id == "foundation-model" and (.term_ko | length) > 0 and (.definition_ko | length) > 0' "$T/out"
run "$AWSAI" define 파운데이션 모델 -o json
expect_status 0
check "Korean term in, same entry out" jq -e '.id == "foundation-model"' "$T/out"
run "$AWSAI" define LLM -o json
expect_status 0
check "abbreviation finds its entry" jq -e '.term | test("language model"; "i")' "$T/out"
run "$AWSAI" define rag -o plain
expect_status 0
expect_out "definition_ko"
run "$AWSAI" define "generative AI or classic ML?" -o json
expect_status 0
check "the rule of thumb is in the glossary" jq -e '.definition | test("Bedrock")' "$T/out"
run "$AWSAI" define machin lerning
expect_status 1
expect_err "no glossary entry for \"machin lerning\" (did you mean"
run "$AWSAI" define zzqq
expect_status 1
expect_err "no glossary entry"

run "$AWSAI" concepts -o json
expect_status 0
check "the glossary has the course terms" jq -e '
    [.[].id] as $ids | length >= 12 and
    all(("machine-learning", "deep-learning", "generative-ai",
        "foundation-model", "supervised-learning",
        "unsupervised-learning", "reinforcement-learning",
        "responsible-ai"); . as $i | $ids | index($i) != null)' "$T/out"

run "$AWSAI" stages -o json
expect_status 0
check "five lifecycle stages, each with services" jq -e \
    'length == 5 and all(.[]; (.services | length) > 0)' "$T/out"
run "$AWSAI" stages -o plain
expect_out "Amazon SageMaker"

run "$AWSAI" roles -o json
expect_status 0
check "the four ML roles are there" jq -e '
    [.[].name | ascii_downcase] as $n | length >= 4 and
    ($n | any(test("data engineer"))) and ($n | any(test("data scientist"))) and
    ($n | any(test("mlops"))) and ($n | any(test("ml engineer")))' "$T/out"

done_testing
