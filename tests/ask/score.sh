#!/bin/sh
# score.sh AWSAI CASES.jsonl LABEL [MIN_TOP1 MIN_TOP3] [-v | --sealed]
#     [--save FILE] [--baseline FILE]
# Scores `awsai ask` on a set of cases ({"q","lang","expect","also_ok"}):
# prints top-1 and top-3 accuracy per language and overall, and exits 1
# when a language or the whole falls below the minimums (percent).
#   -v          lists the misses (never for a sealed set)
#   --sealed    prints figures only: no phrasing, no miss, ever
#   --save F    writes each case's top answer to F (a baseline)
#   --baseline F  says which cases this build fixed and broke against F
#                 (for a sealed set, only how many)
# A result counts for an expected name when it is that service or a part
# of it (its part_of chain reaches it), and an EC2 instance family counts
# for "Amazon EC2" and for the AWS chip it is built on. Names match
# case-insensitively, ignoring a leading "Amazon " or "AWS ".
awsai=$1 cases=$2 label=$3 min1=${4:-0} min3=${5:-0}
shift 3; [ $# -gt 0 ] && shift; [ $# -gt 0 ] && shift
mode="" save="" base=""
while [ $# -gt 0 ]; do
	case $1 in
	-v) mode=verbose ;;
	--sealed) mode=sealed ;;
	--save) save=$2; shift ;;
	--baseline) base=$2; shift ;;
	esac
	shift
done
tmp=$(mktemp -d) || exit 70
trap 'rm -rf "$tmp"' EXIT
"$awsai" list -o json >"$tmp/services" || exit 1
jq -r '.q' "$cases" | "$awsai" ask -o jsonl -n 3 - >"$tmp/results"
case $? in 0|1) ;; *) echo "score.sh: awsai failed on $cases" >&2; exit 1 ;; esac
[ -n "$base" ] && [ -f "$base" ] || base=/dev/null
jq -n -r --slurpfile c "$cases" --slurpfile r "$tmp/results" \
    --slurpfile svc "$tmp/services" --rawfile base "$base" \
    --arg lbl "$label" --argjson min1 "$min1" --argjson min3 "$min3" \
    --arg mode "$mode" --arg save "$save" '
  def norm: ascii_downcase | sub("^(amazon|aws) "; "");
  ($svc[0] | map({key: .id, value: .}) | from_entries) as $by
  | def chain($id): if $id == null or $by[$id] == null then []
      else [$by[$id].name | norm] + chain($by[$id].part_of) end;
    def counts($id): chain($id)
      + (if ($id // "") | startswith("ec2-") then ["ec2"] else [] end)
      + (if ($id // "") | startswith("ec2-trn") then ["trainium"] else [] end)
      + (if ($id // "") | startswith("ec2-inf") then ["inferentia"] else [] end);
    def hit($id; $names): [counts($id)[] | . as $n | $names | index([$n]) != null] | any;
  ($base | split("\n") | map(select(length > 0) | split("\t")
      | {key: .[0], value: .[1]}) | from_entries) as $before
  | [range(0; $c | length) as $i | $c[$i] as $k | ($r[$i].results // []) as $res
     | ($k.expect | map(norm)) as $e
     | (($k.expect + $k.also_ok) | map(norm)) as $ok
     | {lang: $k.lang, q: $k.q, expect: $k.expect,
        got: ($res | map(.name)), first: ($res[0].id // "-"),
        top1: hit($res[0].id; $e),
        top3: ([$res[:3][] | hit(.id; $e)] | any)}] as $rows
  | def pct(f): if length == 0 then 0 else ((map(select(f)) | length) * 1000 / length | round / 10) end;
    def line(name): "\($lbl) \(name): top-1 \(pct(.top1))% top-3 \(pct(.top3))% (\(length) cases)";
    def low: pct(.top1) < $min1 or pct(.top3) < $min3;
  ( ($rows | group_by(.lang)[] | line(.[0].lang)),
    ($rows | line("all")),
    (if $mode == "verbose" then ($rows[] | select(.top1 | not)
      | "  miss: \(.q)\n     expect \(.expect | join(" | ")); got \(.got | join(" | "))") else empty end),
    (if ($before | length) > 0 then
      ($rows | map(select(.q | in($before))
        | .was = (($before[.q] | split(" ")) as $w | $w[0] == "1"))) as $cmp
      | ($cmp | map(select(.top1 and (.was | not)))) as $fixed
      | ($cmp | map(select((.top1 | not) and .was))) as $broke
      | "\($lbl): against the baseline, \($fixed | length) fixed, \($broke | length) broken",
        (if $mode == "sealed" then empty else
          ($fixed[] | "  fixed: \(.q)"), ($broke[] | "  broke: \(.q) (now \(.got[0] // "nothing"))")
        end)
     else empty end),
    (if ($rows | group_by(.lang) | map(low) | any) or ($rows | low)
     then "FAIL: \($lbl) below \($min1)% top-1 / \($min3)% top-3" else empty end)),
  (if $save != "" then "SAVE\t" + ($rows | map("\(.q)\t\(if .top1 then 1 else 0 end) \(.first)") | join("\n")) else empty end)
' >"$tmp/report" || exit 1
if [ -n "$save" ]; then
	sed -n '/^SAVE\t/,$p' "$tmp/report" | sed '1s/^SAVE\t//' >"$save"
	sed -i '/^SAVE\t/,$d' "$tmp/report"
fi
cat "$tmp/report"
! grep -q '^FAIL' "$tmp/report"
