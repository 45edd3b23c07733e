#!/bin/sh
# t9001: what an attacker or a broken pipeline hands awsai: output paths
# that are not files, a full disk, endless and blocking inputs, huge bad
# catalogs, crafted .db files, unreadable standard input, signals during
# a build, escape bytes. Each gets a message naming what is wrong, the
# documented status, and nothing half-written.
. "$(dirname "$0")/lib.sh"
F="$ROOT/tests/data/fixture/catalog.json"

# in_time SECS CMD...: CMD, killed if it runs past SECS (it must never
# block); its status, or 124 after saying it blocked
in_time() {
	secs=$1; shift
	timeout -s KILL "$secs" "$@"
	st=$?
	[ $st -eq 137 ] && { echo "in_time: blocked for $secs s" >&2; return 124; }
	return $st
}

# ------------------------------------------------ build's output path
mkfifo "$T/fifo.db"
run in_time 10 "$AWSAI" build "$T/fifo.db" "$F"
expect_status 2
expect_err "fifo.db"
check "a FIFO output is left a FIFO" test -p "$T/fifo.db"
if mknod "$T/null.db" c 1 3 2>/dev/null; then
	run "$AWSAI" build "$T/null.db" "$F"
	expect_status 2
	expect_err "not a regular file"
	check "a device output is left a device" test -c "$T/null.db"
else
	echo "# mknod needs root: the device case is skipped"
fi
echo keep >"$T/target"
ln -s "$T/target" "$T/link.db"
run "$AWSAI" build "$T/link.db" "$F"
expect_status 2
expect_err "link.db"
check "a symlink output and its target are untouched" sh -c \
    "test -L '$T/link.db' && test \"\$(cat '$T/target')\" = keep"
mkdir "$T/dir.db"
run "$AWSAI" build "$T/dir.db" "$F"
expect_status 2
# ask's own image (--ask-db) is held to the same
run in_time 10 "$AWSAI" build --ask-db "$T/fifo.db" "$T/whole.db" "$F"
expect_status 2
expect_err "fifo.db"
check "a FIFO for ask's image is left a FIFO" test -p "$T/fifo.db"
run "$AWSAI" build --ask-db "$T/ask.db" "$T/whole.db" "$F"
expect_status 0
check "ask's image is a catalog of its own tables only, refused as a \
catalog" sh -c "! '$AWSAI' --catalog '$T/ask.db' list >/dev/null 2>&1"
run "$AWSAI" build "$T/ok.db" "$F"
expect_status 0
check "a regular output is written" test -s "$T/ok.db"
check "no temporary file is left" sh -c "! ls -a '$T' | grep -q 'ok.db.*tmp\|\.tmp'"

# a full disk: a tiny tmpfs as root, else a file-size limit
mkdir "$T/small"
if mount -t tmpfs -o size=256k tmpfs "$T/small" 2>/dev/null; then
	RUN_IO_ERROR=1 run "$AWSAI" build "$T/small/x.db" "$F"
	umount "$T/small"
	expect_status 70
	expect_err "No space left on device"
	check "the full-disk message does not say \"not an error\"" sh -c "! grep -qi 'not an error' '$T/err'"
else
	RUN_IO_ERROR=1 run sh -c "ulimit -f 64; exec \"\$0\" build \"\$1\" \"\$2\"" "$AWSAI" "$T/small/x.db" "$F"
	expect_status 70
	check "the size-limit message names the file" grep -q 'x.db' "$T/err"
fi
check "a failed build leaves nothing behind" sh -c "! ls -A '$T/small' | grep -q ."

# SIGTERM during a build: the temporary file goes
big="$T/bigcat"
mkdir "$big"
cp "$ROOT"/catalog/*.json "$big/"
for i in 1 2 3; do
	jq --arg i "$i" '.capabilities |= map(.id += $i | .cues += [range(300) | "cue \(.) of \($i)"])' \
	    "$big/70-capabilities.json" >"$big/7$i-more.json"
done
"$AWSAI" build "$T/sig.db" "$big" >/dev/null 2>"$T/sigerr" &
pid=$!
sleep 0.3
kill -TERM $pid 2>/dev/null
{ wait $pid; } 2>/dev/null
st=$?
check "SIGTERM ends build with 143 or a finished build (0)" sh -c "[ $st -eq 143 ] || [ $st -eq 0 ]"
check "no temporary file after SIGTERM" sh -c "! ls -A '$T' | grep -q 'sig.db.\+'"

# ------------------------------------------------ endless and blocking input
run in_time 20 "$AWSAI" check /dev/zero
expect_status 65
expect_err "/dev/zero"
run in_time 20 "$AWSAI" --catalog /dev/zero list
expect_status 65
mkfifo "$T/cat.json"
run in_time 10 "$AWSAI" check "$T/cat.json"
expect_status 65
expect_err "not a regular file"
mkdir "$T/catdir"
cp "$F" "$T/catdir/a.json"
mkfifo "$T/catdir/b.json"
run in_time 10 "$AWSAI" check "$T/catdir"
expect_status 65
expect_err "b.json"
run in_time 10 "$AWSAI" --catalog "$T/catdir" list
expect_status 65
head -c 70000000 /dev/zero | tr '\0' ' ' >"$T/huge.json"
run "$AWSAI" check "$T/huge.json"
expect_status 65
expect_err "larger than 64 MiB"
check "an unreadable file is the one message" sh -c "test \$(wc -l <'$T/err') -eq 1"

# ------------------------------------------------ a catalog with 200,000 bad entries
# linear, not quadratic: ten times the entries take about ten times as
# long (a quadratic check would take a hundred), whatever the machine or
# the build (a sanitizer build is several times slower)
for k in 20000 200000; do	# (n is lib.sh's count)
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["glossary"] = [{"id": "g%d" % i, "term": "T%d" % i, "term_ko": "t", "definition": "d",
    "definition_ko": "d", "see": ["nowhere"]} for i in range(int(sys.argv[3]))]
json.dump(d, open(sys.argv[2], "w"), indent=1)' "$F" "$T/bad$k.json" $k
done
start=$(date +%s%N)
run in_time 120 "$AWSAI" check "$T/bad20000.json"
small=$(( ($(date +%s%N) - start) / 1000000 ))
expect_status 65
start=$(date +%s%N)
run in_time 300 "$AWSAI" check "$T/bad200000.json"
big=$(( ($(date +%s%N) - start) / 1000000 ))
expect_status 65
check "200,000 bad entries are checked in linear time ($big ms, against $small ms for 20,000)" \
    test "$big" -lt $((small * 30 + 1000))
check "each bad entry is reported with its position" sh -c \
    "test \$(grep -c 'bad200000.json:[0-9]*:[0-9]*: ' '$T/err') -ge 200000"

# ------------------------------------------------ unreadable standard input
run sh -c 'exec "$0" ask - < /' "$AWSAI"
expect_status 2
expect_err "standard input"
run sh -c 'exec "$0" ask - <&-' "$AWSAI"
expect_status 2
expect_err "standard input"
run sh -c 'exec "$0" < /' "$AWSAI"
check "the shell on an unreadable stdin: an error, not silence" sh -c "[ \$(cat '$T/status') -ne 0 ] && test -s '$T/err'"

# ------------------------------------------------ catalogs that are not what they say
mkdir "$T/x.db"
run "$AWSAI" --catalog "$T/x.db" list
expect_status 65
expect_err "x.db"
printf 'not sqlite' >"$T/junk.db"
run "$AWSAI" --catalog "$T/junk.db" list
expect_status 65
expect_err "junk.db"
sqlite3 "$T/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);" 2>/dev/null
run "$AWSAI" --catalog "$T/foreign.db" list
expect_status 65
expect_err "is not an awsai catalog"
cp "$T/ok.db" "$T/meta-only.db"
sqlite3 "$T/meta-only.db" "PRAGMA foreign_keys=OFF; DELETE FROM services;" 2>/dev/null
run "$AWSAI" --catalog "$T/meta-only.db" list
check "a .db emptied behind awsai's back: 65 with a reason, or an empty list" sh -c "[ \$(cat '$T/status') -eq 65 ] || [ \$(cat '$T/status') -eq 1 ]"
cp "$T/ok.db" "$T/null-alias.db"
sqlite3 "$T/null-alias.db" "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'alias		TEXT PRIMARY KEY COLLATE NOCASE NOT NULL', 'alias TEXT') WHERE name = 'aliases';" 2>/dev/null
sqlite3 "$T/null-alias.db" "INSERT INTO aliases VALUES (NULL, 'lens');" 2>/dev/null
run "$AWSAI" --catalog "$T/null-alias.db" show lens
expect_status 65
expect_err "is not an awsai catalog"
# ask reads a token's lists when a question first needs them: a
# malformed one found then is a data error too, not an answer (a stored
# row's place beyond the index, or two rows in one place, too; a list of
# the wrong type stops the token index being made at all); and the
# services' blob read before: cut short, a text, a name outside it, a
# successor that is no service
for sql in "search_tokens SET cues = 'x' WHERE tok = 'face'" \
    "search_tokens SET rows = 'text, no blob' WHERE tok = 'face'" \
    "search_tokens SET cues = x'00ff' WHERE tok = 'face'" \
    "search_tokens SET rows = x'0102' WHERE tok = 'face'" \
    "search_tokens SET keywords = 'x' WHERE tok = 'face'" \
    "search_tokens SET synonyms = 'x' WHERE tok = 'face'" \
    "search_tokens SET rows = x'0100000000000080' WHERE tok = 'face'" \
    "search_tokens SET rows = x'01000000000000000200000000000000' WHERE tok = 'face'" \
    "search_cache SET data = x'5356433105000000' WHERE kind = 1" \
    "search_cache SET data = 'SVC1' WHERE kind = 1" \
    "search_cache SET data = x'53564331010000000000000000000000000000000000000000000000e803000000000000000000000000' WHERE kind = 1" \
    "search_cache SET data = x'5356433101000000050000000000000003000000000000000000000000000000000000000000000000' WHERE kind = 1"; do
	cp "$T/ok.db" "$T/lists.db"
	sqlite3 "$T/lists.db" "UPDATE $sql" 2>/dev/null
	run "$AWSAI" --catalog "$T/lists.db" ask detect face
	expect_status 65
	expect_err "malformed"
	run sh -c 'echo "detect face" | exec "$0" --catalog "$1" ask -o jsonl -' "$AWSAI" "$T/lists.db"
	expect_status 65
done
# a token index that cannot be made is reported once, not at every
# token the question looks up
cp "$T/ok.db" "$T/lists.db"
sqlite3 "$T/lists.db" "UPDATE search_tokens SET rows = 'text' WHERE tok = 'face'" 2>/dev/null
run "$AWSAI" --catalog "$T/lists.db" ask detect faces in photos with a camera
expect_status 65
check "a token index that cannot be made: one message" \
    sh -c '[ "$(grep -c malformed "$1")" -eq 1 ]' sh "$T/err"
cp "$T/ok.db" "$T/count.db"
sqlite3 "$T/count.db" "UPDATE meta SET value = '99999999999999999999' WHERE key = 'doc_count'; UPDATE meta SET value = '-5' WHERE key = 'doc_avglen';" 2>/dev/null
run "$AWSAI" --catalog "$T/count.db" ask detect faces
check "overflowing counts in a crafted .db: no crash, 0, 1 or 65" sh -c "case \$(cat '$T/status') in 0|1|65) exit 0;; esac; exit 1"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["services"][0]
d["services"] += [dict(s, id="more-%d" % i, name="More %d" % i, aliases=[]) for i in range(2049)]
json.dump(d, open(sys.argv[2], "w"))' "$F" "$T/big.json"
run "$AWSAI" --catalog "$T/big.json" ask detect faces in photos
expect_status 0
run "$AWSAI" --catalog "$T/big.json" list -o json
check "2,049 more services all load" jq -e 'length == 2058' "$T/out"
jq '.services[0].name = "Fixture\nLens"' "$F" >"$T/nl.json"
run "$AWSAI" check "$T/nl.json"
expect_status 65
expect_err "one line without control characters"

# ------------------------------------------------ escape bytes never reach the terminal raw
run "$AWSAI" show "$(printf 'evil\033[2Jname\007')"
expect_status 1
check "ESC and BEL in a name are escaped in the message" sh -c \
    "! grep -q \"\$(printf '\\033')\" '$T/err' && ! grep -q \"\$(printf '\\007')\" '$T/err' && grep -q 'evil' '$T/err'"
run "$AWSAI" ask "$(printf 'faces \033]0;title\007 photos')"
check "ESC in a task does not come back raw" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out' '$T/err'"

# ------------------------------------------------ output that cannot be written
RUN_IO_ERROR=1 run sh -c '"$0" list >/dev/full' "$AWSAI"
expect_status 70
expect_err "cannot write output"
# EPIPE: a reader that closes after one byte of output larger than a
# pipe buffer (the export is a megabyte): awsai ends quietly, status 0
run sh -c '{ "$0" export; echo $? >"$1"; } | head -c 1 >/dev/null' "$AWSAI" "$T/epipe"
check "a reader that goes away after one byte: awsai exits 0" sh -c "test \"\$(cat '$T/epipe')\" = 0"
check "a reader that goes away: no message" sh -c "! test -s '$T/err'"
run sh -c '{ "$0" list -o json; echo $? >"$1"; } | head -c 1 >/dev/null' "$AWSAI" "$T/epipe"
check "the same for list" sh -c "test \"\$(cat '$T/epipe')\" = 0 && ! test -s '$T/err'"
done_testing
