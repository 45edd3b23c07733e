#!/bin/sh
# score.sh AWSAI CASES.jsonl LABEL [MIN_TOP1 MIN_TOP3] [-v]
# Scores `awsai ask` on a set of cases ({"q","lang","expect","also_ok"}):
# prints top-1 and top-3 accuracy per language and overall; exits 1 when
# the overall figures fall below the minimums (percent). With -v, lists
# the misses. A name matches case-insensitively, ignoring a leading
# "Amazon " or "AWS ".
awsai=$1 cases=$2 label=$3 min1=${4:-0} min3=${5:-0} verbose=$6
out=$(mktemp) || exit 70
trap 'rm -f "$out" "$out.report"' EXIT
jq -r '.q' "$cases" | "$awsai" ask -o jsonl -n 3 - > "$out"
case $? in 0|1) ;; *) echo "score.sh: awsai failed on $cases" >&2; exit 1 ;; esac
jq -n -r --slurpfile c "$cases" --slurpfile r "$out" \
    --arg lbl "$label" --argjson min1 "$min1" --argjson min3 "$min3" \
    --arg verbose "$verbose" '
  def norm: ascii_downcase | sub("^(amazon|aws) "; "");
  [range(0; $c | length) as $i | $c[$i] as $k | ($r[$i].results // []) as $res
   | ($k.expect | map(norm)) as $e
   | (($k.expect + $k.also_ok) | map(norm)) as $ok
   | ($res | map(.name | norm)) as $got
   | {lang: $k.lang, q: $k.q, expect: $k.expect, got: $got,
      top1: (($got[0] // "") as $g | $e | index([$g]) != null),
      top3: ([$got[:3][] | . as $g | $e | index([$g]) != null] | any)}]
  as $rows
  | def pct(f): if length == 0 then 0 else ((map(select(f)) | length) * 1000 / length | round / 10) end;
  def line(name): "\($lbl) \(name): top-1 \(pct(.top1))% top-3 \(pct(.top3))% (\(length) cases)";
  ( ($rows | group_by(.lang)[] | line(.[0].lang)),
    ($rows | line("all")),
    (if $verbose == "-v" then ($rows[] | select(.top1 | not)
      | "  miss: \(.q)\n     expect \(.expect | join(" | ")); got \(.got | join(" | "))") else empty end),
    (if ($rows | pct(.top1)) < $min1 or ($rows | pct(.top3)) < $min3
     then "FAIL: \($lbl) below \($min1)% top-1 / \($min3)% top-3" else empty end))
' >"$out.report" || exit 1
cat "$out.report"
! grep -q '^FAIL' "$out.report"
