#!/bin/sh
# t2001: list, show, layers, usecases on the embedded catalog.
. "$(dirname "$0")/lib.sh"

run "$AWSAI" list -o json
expect_status 0
check "list -o json is a JSON array" jq -e 'type == "array"' "$T/out"
nsvc=$(jq length "$T/out")
check "at least 90 services" [ "$nsvc" -ge 90 ]
check "every row has the documented fields" jq -e \
    'all(.[]; has("id") and has("name") and has("layer") and has("usecases") and has("status") and has("summary") and (.usecases | type == "array"))' "$T/out"
run "$AWSAI" version
expect_out "$nsvc services"

run "$AWSAI" list
expect_status 0
check "piped list defaults to TSV with a header" \
    sh -c 'head -1 "$1" | grep -q "^id	name	layer	usecases	status"' sh "$T/out"
check "TSV has one line per service" [ "$(($(wc -l <"$T/out") - 1))" -eq "$nsvc" ]

for l in service platform infrastructure; do
	run "$AWSAI" list --layer "$l" -o json
	expect_status 0
	check "--layer $l lists only $l" jq -e "length > 5 and all(.[]; .layer == \"$l\")" "$T/out"
done
run "$AWSAI" list --layer platfrom
expect_status 2
expect_err "unknown layer \"platfrom\" for --layer (did you mean \"platform\"?)"

run "$AWSAI" list --layer platform -o json
check "platform has Amazon Bedrock" jq -e 'any(.[]; .name == "Amazon Bedrock")' "$T/out"
run "$AWSAI" list --layer infrastructure -o json
check "infrastructure has SageMaker AI and Trainium" \
    jq -e 'any(.[]; .name == "Amazon SageMaker AI") and any(.[]; .name == "AWS Trainium")' "$T/out"

run "$AWSAI" usecases -o json
expect_status 0
check "every use case has services" jq -e 'length >= 13 and all(.[]; .services > 0)' "$T/out"
for u in $(jq -r '.[].id' "$T/out"); do
	run "$AWSAI" list --usecase "$u" -o json
	expect_status 0
done
run "$AWSAI" list --usecase vision -o json
check "vision lists Rekognition" jq -e 'any(.[]; .id == "rekognition")' "$T/out"
run "$AWSAI" list --usecase visoin
expect_status 2
expect_err "did you mean \"vision\""

run "$AWSAI" list --status retired -o json
expect_status 0
check "--status retired lists only retired" jq -e 'length > 0 and all(.[]; .status == "retired")' "$T/out"
run "$AWSAI" list --status active -o json
check "--status active hides closed and retired" jq -e 'all(.[]; .status == "ga" or .status == "preview")' "$T/out"
run "$AWSAI" list --status gone
expect_status 2
expect_err "unknown status \"gone\""

run "$AWSAI" layers -o json
expect_status 0
check "three layers with Korean names and counts" \
    jq -e 'length == 3 and all(.[]; .name_ko != null and .services > 0)' "$T/out"
run "$AWSAI" layers -o plain
expect_out "인프라"

# show: by id, name, alias, prefix, case-insensitively
run "$AWSAI" show rekognition
expect_status 0
expect_out "Amazon Rekognition"
run "$AWSAI" show -o table rekognition
expect_status 0
expect_out "name"
expect_out "tasks"
expect_out "- "
run "$AWSAI" show "AMAZON REKOGNITION" -o json
expect_status 0
check "show by name gives the record" jq -e '.id == "rekognition"' "$T/out"
run "$AWSAI" show 레코그니션 -o json
expect_status 0
check "show by Korean alias" jq -e '.id == "rekognition"' "$T/out"
run "$AWSAI" show 번역 -o json
expect_status 0
check "show by a Korean common name" jq -e '.id == "translate"' "$T/out"
run "$AWSAI" show textr -o json
expect_status 0
check "show by unique prefix" jq -e '.id == "textract"' "$T/out"
run "$AWSAI" show rekognitoin
expect_status 1
expect_err "unknown service \"rekognitoin\" (did you mean \"rekognition\""
run "$AWSAI" show zzzzzz
expect_status 1
expect_err "unknown service \"zzzzzz\""
run "$AWSAI" show sagemaker
expect_status 0

run "$AWSAI" show rekognition -o json
check "show -o json has the source fields" jq -e \
    'has("aliases") and has("tasks") and has("tasks_ko") and has("cli") and has("docs") and has("sources") and has("as_of") and .cli == "rekognition"' "$T/out"

# closed and retired services show status, date and successor
run "$AWSAI" list -o json
for id in $(jq -r '.[] | select(.status == "closed" or .status == "retired") | .id' "$T/out"); do
	run "$AWSAI" show "$id" -o json
	check "$id has a status date" jq -e '.status_date | test("^[0-9]{4}-")' "$T/out"
done
run "$AWSAI" show forecast -o plain
expect_out "closed"
expect_out "successor"
expect_out "sagemaker-canvas"

# the embedded catalog's list reads its own copy of list's tables (build
# --list-db): every listing, filtered or not, in every format, is what
# the whole catalog gives when it is opened as a .db
db=$(dirname "$AWSAI")/catalog.db
for args in "" "-l platform" "-u vision" "-s active" "-s closed -l service"; do
	for f in tsv json; do
		run "$AWSAI" list $args -o $f
		cp "$T/out" "$T/lean"
		run "$AWSAI" --catalog "$db" list $args -o $f
		check "list $args -o $f: list's own tables as the whole catalog" \
		    cmp "$T/out" "$T/lean"
	done
done
check "the list image holds only list's tables" sh -c '[ "$(sqlite3 "$1" \
    "SELECT count(*) FROM sqlite_master WHERE type = '"'table'"'")" -eq 6 ]' \
    sh "$(dirname "$AWSAI")/list.db"

# one session that lists, asks and lists again opens both lean images:
# each command gives what it gives alone
printf 'list -o json\nask -o json detect faces in photos\nlist -s active -o tsv\n' \
    >"$T/session"
RUN_STDIN="$T/session" run "$AWSAI"
expect_status 0
{ "$AWSAI" list -o json; "$AWSAI" ask -o json detect faces in photos
  "$AWSAI" list -s active -o tsv; } >"$T/alone" 2>/dev/null
check "list, ask, list in one session: what each gives alone" \
    cmp "$T/out" "$T/alone"

done_testing
