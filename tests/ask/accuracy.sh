#!/bin/sh
# accuracy.sh AWSAI [--save]: `make accuracy`. Scores ask on every set:
# our own tuning half (tests/ask/tune.jsonl), the sealed half (figures
# only, never a miss), the older own sets, and the shared development
# sets when ../shared is there. Against the baseline saved by --save
# (build/accuracy/), it says which cases a change fixed and broke.
awsai=$1 save=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/build/accuracy
mkdir -p "$dir"
score() {	# NAME FILE [--sealed]
	name=$1 file=$2 mode=${3:-}
	[ -f "$file" ] || { echo "$name: no $file, skipped"; return; }
	if [ -n "$save" ]; then
		sh "$root/tests/ask/score.sh" "$awsai" "$file" "$name" 0 0 $mode \
		    --save "$dir/$name.base"
	else
		sh "$root/tests/ask/score.sh" "$awsai" "$file" "$name" 0 0 $mode \
		    --baseline "$dir/$name.base"
	fi
}
score tune "$root/tests/ask/tune.jsonl"
score sealed "$root/tests/ask/sealed.jsonl" --sealed
score own-tasks "$root/tests/ask/cases.jsonl"
score own-exam "$root/tests/ask/exam.jsonl"
score shared-dev "$root/../shared/eval/ask-dev.jsonl"
score shared-users "$root/../shared/eval/ask-dev-users.jsonl"
