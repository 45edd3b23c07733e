#!/bin/sh
# t8003: sql and schema read the catalog and nothing else: every kind of
# statement that could change something is refused (exit 2), against the
# embedded image, a JSON catalog held in memory and a .db on disk; a
# runaway query stops. export gives the catalog back so that it checks
# and lists the same.
. "$(dirname "$0")/lib.sh"
F="$ROOT/tests/data/fixture/catalog.json"

run "$AWSAI" sql "SELECT id, name FROM services WHERE layer = 'platform' ORDER BY ord LIMIT 2"
expect_status 0
check "sql tsv: a header and the rows" sh -c "head -1 '$T/out' | grep -qx 'id	name' && test \$(wc -l <'$T/out') -eq 3"
run "$AWSAI" -o json sql "SELECT count(*) AS n, 'x' AS s, NULL AS z, 1.5 AS f, x'00ff' AS b"
check "sql json: numbers, text, null, blobs as X'hex'" jq -e \
    '.[0] == {"n": (.[0].n), "s": "x", "z": null, "f": 1.5, "b": "X'"'"'00FF'"'"'"} and (.[0].n == 1)' "$T/out"
run "$AWSAI" -o json sql "SELECT 1 AS a, 2 AS a, 3"
check "duplicate column names are made unique" jq -e '.[0] | keys == ["3", "a", "a_2"]' "$T/out"
for f in table plain tsv csv json jsonl; do
	run "$AWSAI" -o $f sql "SELECT id, status FROM services LIMIT 3"
	expect_status 0
done
run "$AWSAI" sql "SELECT id FROM services WHERE id = 'nosuch'"
expect_status 1
expect_out "id"
run "$AWSAI" sql --fields name "SELECT id, name FROM services LIMIT 1"
check "--fields picks columns of a query" sh -c "head -1 '$T/out' | grep -qx name"
run "$AWSAI" sql SELECT count\(\*\) FROM usecases
check "the words of the statement may come unquoted" sh -c "tail -1 '$T/out' | grep -qx '[0-9]*'"

# every kind of statement that is not a read, on three kinds of catalog
"$AWSAI" build "$T/fixture.db" "$F" >/dev/null 2>&1
cp "$T/fixture.db" "$T/before.db"
for cat in "" "--catalog $F" "--catalog $T/fixture.db"; do
	label=${cat:-embedded}
	for q in "INSERT INTO meta VALUES ('k', 'v')" \
	    "UPDATE services SET name = 'x'" \
	    "DELETE FROM services" \
	    "REPLACE INTO meta VALUES ('version', 'x')" \
	    "CREATE TABLE t (x)" \
	    "CREATE TEMP TABLE t (x)" \
	    "CREATE INDEX i ON meta (value)" \
	    "CREATE VIEW v AS SELECT 1" \
	    "CREATE TRIGGER tr AFTER INSERT ON meta BEGIN SELECT 1; END" \
	    "DROP TABLE services" \
	    "DROP VIEW IF EXISTS v" \
	    "ALTER TABLE meta RENAME TO m" \
	    "ALTER TABLE meta ADD COLUMN c" \
	    "ATTACH DATABASE '$T/other.db' AS other" \
	    "DETACH DATABASE main" \
	    "BEGIN" "COMMIT" "ROLLBACK" "SAVEPOINT s" "RELEASE s" \
	    "PRAGMA user_version = 7" \
	    "PRAGMA writable_schema = ON" \
	    "PRAGMA journal_mode = WAL" \
	    "PRAGMA foreign_keys = OFF" \
	    "VACUUM" "VACUUM INTO '$T/copy.db'" "REINDEX" "ANALYZE" \
	    "SELECT load_extension('/lib/x86_64-linux-gnu/libm.so.6')" \
	    "INSERT INTO docs (docs) VALUES ('rebuild')" \
	    "WITH x AS (SELECT 1) DELETE FROM meta"; do
		# shellcheck disable=SC2086
		run "$AWSAI" $cat sql "$q"
		expect_status 2
		check "refused with a reason ($label): $q" grep -q 'refused\|only statements that read\|not authorized\|may not be modified' "$T/err"
	done
done
check "the .db on disk is unchanged" cmp "$T/fixture.db" "$T/before.db"
check "nothing was attached or written" sh -c "test ! -e '$T/other.db' && test ! -e '$T/copy.db'"
run "$AWSAI" sql "DELETE FROM services"
expect_err "DELETE on services is refused: the catalog is read-only"
run "$AWSAI" sql "PRAGMA user_version = 7"
expect_err "PRAGMA user_version = 7 is refused: only pragmas that read are allowed"
run "$AWSAI" sql "SELECT load_extension('x')"
expect_err "load_extension() is refused"
run "$AWSAI" sql "ATTACH DATABASE '/tmp/x.db' AS x"
expect_err "ATTACH is refused"

# reading pragmas and table-valued functions are reads
run "$AWSAI" sql "PRAGMA table_info(services)"
expect_status 0
run "$AWSAI" sql "SELECT name FROM pragma_table_info('meta')"
expect_status 0
expect_out "value"
run "$AWSAI" sql "PRAGMA user_version"
expect_status 0

# one statement, well formed
run "$AWSAI" sql "SELECT 1; SELECT 2"
expect_status 2
expect_err "one statement at a time"
run "$AWSAI" sql "SELECT 1; DELETE FROM meta"
expect_status 2
run "$AWSAI" sql "SELECT 1;"
expect_status 0
run "$AWSAI" sql "SELEC 1"
expect_status 2
expect_err "syntax error"
run "$AWSAI" sql " "
expect_status 2
expect_err "no statement to run"

# a runaway query is stopped, with a message, well before a minute
start=$(date +%s)
run "$AWSAI" sql --timeout 1 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
end=$(date +%s)
expect_status 2
expect_err "ran longer than 1 s and was stopped"
check "stopped within a few seconds" test $((end - start)) -lt 10
run "$AWSAI" sql "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
expect_status 2
expect_err "more than 200000 rows"
run "$AWSAI" sql --timeout 2 "WITH RECURSIVE c(x, s) AS (SELECT 1, 'x' UNION ALL SELECT x + 1, s || s FROM c WHERE x < 40) SELECT length(s) FROM c ORDER BY 1 DESC LIMIT 1"
expect_status 2
check "a value past the length bound is refused, not built" grep -q 'too big\|more memory\|longer than' "$T/err"

# schema
run "$AWSAI" -o table schema
expect_status 0
expect_out "CREATE TABLE services ("
expect_out "CREATE TABLE questions ("
run "$AWSAI" -o table schema services
expect_out "CREATE TABLE services ("
expect_no_out "CREATE TABLE meta"
run "$AWSAI" -o json schema meta
check "schema -o json: type, name, table, sql" jq -e '.[0] | .type == "table" and .name == "meta" and .table == "meta" and (.sql | test("CREATE TABLE meta"))' "$T/out"
run "$AWSAI" schema nosuch
expect_status 1
expect_err "no table \"nosuch\""

# export: the catalog back in its source format
run "$AWSAI" export
expect_status 0
cp "$T/out" "$T/x.json"
check "export is JSON with every section" jq -e \
    'has("meta") and has("layers") and has("usecases") and has("services") and has("capabilities") and has("questions") and has("glossary") and has("synonyms")' "$T/x.json"
run "$AWSAI" check "$T/x.json"
expect_status 0
expect_out "catalog ok"
for c in list "list --status closed" usecases layers concepts "ask detect faces in photos" "ask 회의 녹음을 텍스트로" "show kendra" "choose --want build-genai --domain rag --data s3" graph version; do
	# shellcheck disable=SC2086
	"$AWSAI" $c >"$T/a" 2>&1
	# shellcheck disable=SC2086
	"$AWSAI" --catalog "$T/x.json" $c 2>&1 | sed "s|($T/x.json)|(embedded catalog)|" >"$T/b"
	check "the exported catalog gives the same: $c" cmp "$T/a" "$T/b"
done
run "$AWSAI" --catalog "$F" export
cp "$T/out" "$T/f.json"
check "a fixture round-trips exactly" sh -c "jq -S . '$F' >'$T/f1' && jq -S . '$T/f.json' >'$T/f2' && cmp '$T/f1' '$T/f2'"
run "$AWSAI" -o csv export
expect_status 0
check "export -o csv: a header and a row per service" sh -c \
    "head -1 '$T/out' | grep -q '^id,name,aliases,layer,usecases,status' && test \$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))' '$T/out') -eq \$((\$('$AWSAI' sql 'SELECT count(*) FROM services' | tail -1) + 1))"
run "$AWSAI" -o tsv export
expect_status 2
expect_err "export writes -o json"
done_testing
