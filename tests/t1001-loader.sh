#!/bin/sh
# t1001: the loader and the catalog lint: every broken catalog under
# tests/bad/ is rejected with exit 65 and its message at FILE:LINE:COL
# (tests/bad/expected.tsv); the real catalog passes; builds are atomic.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

run "$AWSAI" check catalog
expect_status 0
expect_out "catalog ok"
expect_no_err

tab=$(printf '\t')
while IFS="$tab" read -r name message; do
	run "$AWSAI" check tests/bad/base.json "tests/bad/$name.json"
	expect_status 65
	expect_err "awsai: $message"
done < tests/bad/expected.tsv

# every problem in a file is reported, not just the first
cat tests/bad/unknown-layer.json >"$T/two.json"
run "$AWSAI" check tests/bad/base.json tests/bad/unknown-layer.json tests/bad/http-docs.json
expect_status 65
expect_err "unknown layer"
expect_err "must be an https:// URL"

# --catalog uses the same loader
run "$AWSAI" --catalog tests/bad/syntax-error.json list
expect_status 65
expect_err "tests/bad/syntax-error.json:3:18:"

run "$AWSAI" --catalog "$T/nosuch.json" list
expect_status 65
expect_err "cannot read"

run "$AWSAI" check "$T/empty-dir-that-does-not-exist"
expect_status 65

mkdir "$T/emptydir"
run "$AWSAI" check "$T/emptydir"
expect_status 65
expect_err "no .json files"

# build: a bad catalog leaves no output and no temporary file behind
run "$AWSAI" build "$T/out.db" tests/bad/base.json tests/bad/few-tasks.json
expect_status 65
check "no half-written database" [ ! -e "$T/out.db" ]
check "no temporary file" sh -c '! ls "$1"/out.db.tmp* 2>/dev/null' sh "$T"

run "$AWSAI" build "$T/out.db" tests/bad/base.json
expect_status 0
check "database written" [ -s "$T/out.db" ]
run "$AWSAI" --catalog "$T/out.db" list -o json
expect_status 0
check "a built .db works as --catalog" jq -e 'length == 1 and .[0].id == "good"' "$T/out"

run "$AWSAI" --catalog tests/bad/base.json show good -o json
expect_status 0
check "a JSON file works as --catalog" jq -e '.id == "good"' "$T/out"

printf 'not a database' >"$T/junk.db"
run "$AWSAI" --catalog "$T/junk.db" list
expect_status 65
expect_err "is not an awsai catalog"

# the new fields: specs, models and third-party claims, as people see them
run "$AWSAI" check catalog
expect_out "facts resting only on third-party sources"
check "each third-party fact names the service, the field and a source" sh -c \
    "grep -q '^  [a-z0-9-]*: [a-z_]*: .* <https://' '$T/out'"
run "$AWSAI" check -o json catalog
check "check -o json: the third-party facts as rows" jq -e \
    'length > 0 and all(.[]; has("id") and has("fact") and has("note") and has("source"))' "$T/out"
run "$AWSAI" show ec2-p5e -o json
check "an instance family carries its specs" jq -e \
    '.specs | .family == "P5e" and .accelerators == 8 and (.accelerator | test("H200")) and (.use | index("training"))' "$T/out"
run "$AWSAI" show nova -o json
check "a model generation carries its end of life" jq -e \
    'any(.models[]; .name == "Nova Premier v1" and .eol == "2026-09-14")' "$T/out"
run "$AWSAI" list --layer infrastructure -o json
check "list carries the accelerator fields" jq -e \
    'any(.[]; .id == "ec2-p5e" and .accelerators == 8 and .accelerator_memory_gib > 0)' "$T/out"
run "$AWSAI" version
expect_out "by layer: service"
expect_out "by status: ga"

# a cue of several words that its stop words leave one word matches far
# more than it says ("q business" was "busi", any business question)
run "$AWSAI" sql -o tsv "SELECT cue FROM capability_cues WHERE lang = 'en' AND instr(toks, ' ') = 0 AND instr(cue, ' ') > 0 AND cue NOT IN ('dall e', 'u trn2x64')"
check "no cue of several words is one word once its stop words go" \
    sh -c '[ "$(grep -vc "^cue$" "$1")" -eq 0 ]' sh "$T/out"
# a Korean cue squeezed is not kept when a particle cut took a word:
# "자동으로 써" squeezed is "자동으로써", whose "로써" is cut
run "$AWSAI" sql -o tsv "SELECT toks FROM capability_cues WHERE cue = '자동으로 써'"
check "a squeezed cue that lost a word is not kept" \
    sh -c 'grep -qx "자동 써" "$1" && ! grep -qx "자동 동으" "$1"' sh "$T/out"
done_testing
