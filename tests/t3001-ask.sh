#!/bin/sh
# t3001: ask: results and their fields, filters, lifecycle, batch mode,
# and inputs that must only ever be text.
. "$(dirname "$0")/lib.sh"

run "$AWSAI" ask detect faces in photos -o json
expect_status 0
check "ask -o json has the documented fields" jq -e \
    'length >= 3 and length <= 5 and all(.[]; has("rank") and has("id") and has("name") and has("layer") and has("status") and has("score") and has("why"))' "$T/out"
check "ranks count from 1" jq -e '[.[].rank] == [range(1; length + 1)]' "$T/out"
check "scores do not increase" jq -e '[.[].score] as $s | $s == ($s | sort | reverse)' "$T/out"
check "faces in photos: Rekognition first" jq -e '.[0].id == "rekognition"' "$T/out"

run "$AWSAI" ask -n 2 -o json turn text into speech
check "-n 2 gives two" jq -e 'length == 2' "$T/out"
run "$AWSAI" ask --limit 1 -o json turn text into speech
check "--limit 1 gives one" jq -e 'length == 1' "$T/out"

run "$AWSAI" ask --layer infrastructure -o json train a model
check "--layer filters" jq -e 'length > 0 and all(.[]; .layer == "infrastructure")' "$T/out"
run "$AWSAI" ask --usecase speech -o json convert
check "--usecase filters" jq -e 'all(.[]; .id | test("transcribe|polly|lex|connect|contact|healthscribe|translate|bedrock|nova"))' "$T/out"
run "$AWSAI" ask --layer nosuch faces
expect_status 2
expect_err "unknown layer \"nosuch\""

run "$AWSAI" ask --explain -o json detect faces in photos
check "--explain adds the score parts" jq -e \
    '.[0].explain.parts | has("name") and has("task") and has("summary") and has("description") and has("usecase") and has("coverage") and has("capability") and has("lifecycle") and has("part")' "$T/out"
check "--explain names the capabilities and cues that matched" jq -e \
    '.[0].explain | (.matched | test("^(capability|task|name)$")) and .parts.capability > 0 and (.capabilities[0] | .id == "face-detection" and (.cue | length > 0) and .strength == 1)' "$T/out"
check "every result carries its confidence" jq -e \
    'all(.[]; .confidence | test("^(high|medium|low)$")) and .[0].confidence == "high"' "$T/out"
run "$AWSAI" ask -o json speech
check "text alone is medium at most (no capability, no name)" jq -e \
    'length > 0 and all(.[]; .confidence != "high")' "$T/out"
# a successor that stands in for a closed service is as sure as what
# matched the closed one: "weather" matches a task of Forecast's, text only
run "$AWSAI" ask -o json "what is the weather today"
check "a stand-in's confidence is its original's" jq -e \
    'length == 0 or all(.[]; .confidence != "high")' "$T/out"
# words of asking are no task: nothing fits, exit 1
for q in "help me please" "which service should I use?" "한 회사가 어떤 서비스를 사용해야 합니까?"; do
	run "$AWSAI" ask "$q"
	expect_status 1
	expect_err "no service fits"
done
run "$AWSAI" ask --explain -o table detect faces
expect_out "EXPLAIN"

# typos and Korean
for q in "transcibe an interview" "sagemker notebook" "recognition of faces" "textrac invoices"; do
	run "$AWSAI" ask -o json "$q"
	expect_status 0
done
run "$AWSAI" ask -o json transcibe an interview
check "a misspelt name still finds the service" jq -e '.[0].id == "transcribe"' "$T/out"
expect_err "did you mean \"transcribe\"? (searched for it instead of \"transcibe\")"
run "$AWSAI" ask -o json rekognitoin celebrities
check "a transposed name still finds the service" jq -e '.[0].id == "rekognition"' "$T/out"
run "$AWSAI" ask -o json 이미지에서 얼굴을 찾고 싶어요
check "Korean with particles: Rekognition" jq -e '.[0].id == "rekognition"' "$T/out"
run "$AWSAI" ask -o json 회의 녹음을 텍스트로 변환
check "Korean: Transcribe" jq -e '.[0].id == "transcribe"' "$T/out"
run "$AWSAI" ask -o json PDF에서 표 추출
check "mixed Korean and English: Textract" jq -e '.[0].id == "textract"' "$T/out"

# lifecycle: a closed service's successor stands where it would, and the
# closed service follows it, marked; --existing ranks by relevance alone
run "$AWSAI" ask -o json forecast product demand from sales history
check "closed service shows its status" jq -e 'any(.[]; .id == "forecast" and .status == "closed")' "$T/out"
check "the successor comes before the closed service" jq -e \
    '(map(.id) | index("forecast")) as $i | (map(.id) | index("sagemaker-canvas")) as $j | $j != null and $j < $i' "$T/out"
check "why names the successor" jq -e \
    '.[] | select(.id == "forecast") | .why | test("SageMaker Canvas")' "$T/out"
run "$AWSAI" ask --existing -o json forecast product demand from sales history
check "--existing: the closed service first, by relevance" jq -e '.[0].id == "forecast"' "$T/out"
run "$AWSAI" ask -n 3 -o json --layer platform forecast product demand from sales history
check "no successor brought for a service the filters removed" jq -e \
    'all(.[]; .layer == "platform")' "$T/out"
# a Korean cue's words with others between them: "벡터 저장" in
# "벡터를 S3에 싸게 저장", "오디오를 텍스트" across a word of four bigrams
run "$AWSAI" ask --explain -o json -n 3 임베딩 벡터를 S3에 싸게 저장하고 유사도 검색하고 싶어요
check "Korean cue with words between: vector storage" jq -e \
    '.[0].id == "s3-vectors" and any(.[0].explain.capabilities[]; .id == "vector-store")' "$T/out"
run "$AWSAI" ask --explain -o json -n 3 오디오를 타임스탬프 포함 텍스트로 바꿔야 합니다
check "Korean cue across a long word: speech to text" jq -e \
    '.[0].id == "transcribe" and any(.[0].explain.capabilities[]; .id == "speech-to-text")' "$T/out"
# a closed service with no successor goes after an active one that
# provides what it was found for more strongly (Monitron, closed, after
# SageMaker AI for predictive maintenance), still shown and marked
run "$AWSAI" ask -o json -n 5 predict pump failures from vibration and temperature sensor data
check "a closed service with no successor after an active one that does its job" jq -e \
    '.[0].id == "sagemaker-ai" and .[1].id == "monitron" and .[1].status == "closed"' "$T/out"
# an amount of accelerator memory asked for is held against the instance
# families' specs: the least that holds it first, one that holds less
# marked down (the part "spec"), per accelerator unless "in total"
run "$AWSAI" ask --explain -o json -n 5 "the model won't fit on 80 GB GPUs; we need about 140 GB of HBM per GPU for inference"
check "memory asked per GPU: a family that holds it first" jq -e \
    '(.[0].id | test("^ec2-p5e")) and all(.[]; .id != "ec2-p4de" or .explain.parts.spec < 0)' "$T/out"
run "$AWSAI" ask -o json -n 3 "GPU 메모리 48GB짜리 인스턴스로 추론하고 싶어요"
check "memory asked in Korean: 48GB, the L40S family" jq -e '.[0].id == "ec2-g6e"' "$T/out"
run "$AWSAI" ask -o json -n 3 "we need 640 GB of GPU memory in total for training"
check "memory asked in total: eight 80 GB GPUs" jq -e \
    '.[0].id == "ec2-p4de" or .[0].id == "ec2-p5"' "$T/out"
run "$AWSAI" ask --explain -o json -n 5 "we store 500 GB of scanned invoices and want the fields pulled out"
check "an amount that is no accelerator memory changes nothing" jq -e \
    'all(.[]; .explain.parts.spec == 0)' "$T/out"
# a cue's one-syllable verb stem meets the word it starts ("라벨 달" in
# "라벨을 달아야", a particle between, so not through the squeezed text),
# and another spelling of a loanword its usual one (레이블 for 라벨)
run "$AWSAI" ask --explain -o json -n 3 수만 장의 사진에 레이블을 달아야 합니다
check "a Korean verb stem and a loanword spelt another way" jq -e \
    'any(.[].explain.capabilities[]; .cue == "라벨 달")' "$T/out"
# a Korean cue that spells a product's name in Hangul also matches the
# name as typed in Latin letters ("인퍼런시아에서 돌리" as "Inferentia에서")
run "$AWSAI" ask --explain -o json -n 5 "Inferentia에서 돌리려면 뭘 써야 하나요"
check "a Korean cue with a product's name in Latin letters" jq -e \
    'any(.[].explain.capabilities[]; .id == "neuron-sdk" and .cue == "Inferentia에서 돌리")' "$T/out"
run "$AWSAI" sql --no-headers -o tsv "SELECT count(*) FROM capability_cues WHERE cue = '인터커넥트' OR cue GLOB '*인터Connect*'"
check "a Hangul name inside a longer word is not respelt" grep -qx 1 "$T/out"
# an English word the dictionary has is spelt right, not a typo of a
# catalog word ("heard" is no "hard", "stuff" no "staff"); a typo still
# is corrected
run "$AWSAI" ask -n 1 "we heard the stuff in these scanned receipts is suitable"
check "a dictionary word is not corrected" sh -c '! grep -q "did you mean" "$1"' sh "$T/err"
run "$AWSAI" ask -n 1 "transcibe our meetings automaticaly"
check "a typo still is" grep -q 'did you mean "transcribe"' "$T/err"
# "아니고" (is not) denies what comes before it: no chatbot capability
run "$AWSAI" ask --explain -o json -n 3 "LLM 챗봇은 아니고 텍스트 로그에서 개인정보를 찾아서 가리고 싶어요"
check "a Korean 아니고 denies the words before it" jq -e \
    '.[0].id == "comprehend" and all(.[].explain.capabilities[]; .id != "genai-chatbot")' "$T/out"
# a denied cue does not count: "파인튜닝 없이" asks for no fine-tuning
run "$AWSAI" ask --explain -o json -n 3 파인튜닝 없이 사내 문서로 답하는 챗봇
check "a Korean denial after a cue" jq -e \
    'all(.[]; .id != "bedrock-model-customization") and all(.[0].explain.capabilities[]; .id != "fine-tune-fm")' "$T/out"
run "$AWSAI" ask --explain -o json -n 3 answer from our docs without fine tuning the model
check "an English denial before a cue" jq -e \
    '.[0].id == "bedrock-knowledge-bases" and all(.[0].explain.capabilities[]; .id != "fine-tune-fm")' "$T/out"
# the course's rule: a ready-made application fits a question until it
# says its own developers will build it (then building blocks rank first)
run "$AWSAI" ask -o json -n 3 "employees should be able to ask questions about our internal handbook"
check "an employee assistant: the application first" jq -e '.[0].id == "quick-suite"' "$T/out"
run "$AWSAI" ask -o json -n 3 --explain "employees should be able to ask questions about our internal handbook; our developers will integrate it into our intranet app"
check "developers build it: a building block first, the application marked down" jq -e \
    '(.[0].id | startswith("bedrock")) and ([.[] | select(.id == "quick-suite") | .explain.parts.build < 0] | all)' "$T/out"
run "$AWSAI" ask -o json -n 3 "직원들이 사내 매뉴얼에 대해 물어보면 답해주는 AI 비서, 개발팀이 직접 API로 연동할 예정"
check "Korean: developers build it, a building block first" jq -e '.[0].id | startswith("bedrock")' "$T/out"

# and the other way: an application ready to use, nothing to build, is
# of the first layer; building blocks are marked down
run "$AWSAI" ask -o json -n 3 "전 직원에게 사내 문서를 기반으로 질문에 답하고 보고서 초안을 도와주는 AI 어시스턴트를 제공하려 합니다"
check "without saying ready-made: a building block may come first" jq -e '.[0].layer == "platform"' "$T/out"
run "$AWSAI" ask -o json -n 3 --explain "전 직원에게 사내 문서를 기반으로 질문에 답하고 보고서 초안을 도와주는 AI 어시스턴트를 제공하려 합니다. 직접 개발하지 않고 바로 쓸 수 있어야 합니다"
check "Korean: ready to use, nothing to build: an application first" jq -e '.[0].layer == "service"' "$T/out"
run "$AWSAI" ask -o json --all -n 10 --explain "give every employee an AI assistant that drafts reports, summarizes documents and answers questions; off the shelf, nothing to build"
check "off the shelf: every building block is marked down" jq -e \
    '[.[] | select(.layer != "service") | .explain.parts.build < 0] | length > 0 and all' "$T/out"

# Korean: a word marked as an object (을, 를) between a cue's noun and
# its verb takes the verb: "동영상에 자막 파일을 만들어야" makes subtitles,
# not a video; and "훈련하고 싶지 않습니다" denies the training
run "$AWSAI" ask -o json -n 3 "한 교육 업체가 S3에 저장된 강의 동영상에 자막 파일을 만들어야 합니다. 서버를 관리하거나 모델을 훈련하고 싶지 않습니다"
check "Korean object particle: the subtitles, not a video, are made" jq -e '.[0].id == "transcribe"' "$T/out"

# a whole over a part that does better what is asked: SageMaker AI has
# pipelines too, but Pipelines is what they are
run "$AWSAI" ask -o json -n 3 --explain "매번 수동으로 모델을 재학습하고 배포하는 게 번거로워서 자동화된 파이프라인을 만들고 싶어요"
check "a part that does the ask better comes before its whole" jq -e \
    '.[0].id == "sagemaker-pipelines" and ([.[] | select(.id == "sagemaker-ai") | .explain.parts.part < 0] | all)' "$T/out"
# a denial reaches as far in the squeezed text, whose bigrams span words
run "$AWSAI" ask -o json --all -n 20 --explain "RAG나 파인튜닝 없이 고객 프로필로 상품을 추천하는 챗봇"
check "Korean: \"RAG나 파인튜닝 없이\" denies RAG in both streams" jq -e \
    'length > 0 and ([.[] | .explain.capabilities[]?.id] | index("rag-over-documents") == null)' "$T/out"

# Korean told as done is background, not the ask: "배포했는데" (deployed,
# and then ...) counts less than what follows
run "$AWSAI" ask -o json -n 3 "한 회사가 이미 학습된 모델을 배포했는데 시간이 지나면서 데이터 분포가 바뀌어 예측 품질이 떨어지는지 감지하려고 합니다"
check "Korean past tense: the cue told as done counts less" jq -e '.[0].id == "sagemaker-model-monitor"' "$T/out"

# English told as done: a participle after "were", "was", "been" or
# "already" is background ("documents that were translated"), one after
# "must be" is asked
run "$AWSAI" ask -o json --all -n 20 --explain "documents that were translated into English need their key phrases pulled out"
mv "$T/out" "$T/done"
run "$AWSAI" ask -o json --all -n 20 --explain "documents must be translated into English and their key phrases pulled out"
check "English told as done: its cue counts less than when asked" jq -e --slurpfile d "$T/done" \
    '([.[] | select(.id == "translate") | .explain.parts.capability][0]) as $asked
     | ([$d[0][] | select(.id == "translate") | .explain.parts.capability][0] // 0) as $done
     | $asked > 0 and $done < $asked * 0.6' "$T/out"

# an adverb names nothing: "quickly" stems to "quick", the whole of the
# alias "Amazon Quick", but asks for no Quick Suite
run "$AWSAI" ask -o json --all -n 30 --explain "transcribe podcast episodes quickly"
check "an adverb in -ly is no service's name" jq -e \
    '[.[] | select(.id == "quick-suite") | .explain.parts.name] | all(. == 0)' "$T/out"

# the medium is not the ask: video from cameras is streamed, but what
# must happen is detecting people in it
run "$AWSAI" ask -o json -n 3 "detect people in a live video stream from our warehouse cameras"
check "live video: the service that detects, not the one that streams" jq -e '.[0].id | startswith("rekognition")' "$T/out"

# a name of one letter: "Amazon Q" is a question, not stop words
run "$AWSAI" ask -o json -n 3 amazon q
check "Amazon Q by its name" jq -e '.[0].id == "amazon-q"' "$T/out"
# a typo of a task word is corrected to a word of a cue, with a warning
run "$AWSAI" ask -o json -n 3 sentimnet analysis of reviews
check "a typo of a cue word: corrected" jq -e '.[0].id == "comprehend"' "$T/out"
expect_err 'did you mean "sentiment"'
# a word of four letters the catalog lacks is as likely a real word as a
# typo ("snap" is no "shap", a cue word): left alone
run "$AWSAI" ask -o json -n 3 users snap a photo of a receipt to read the total
check "a four-letter word is not corrected" sh -c '! grep -q "did you mean" "$1"' sh "$T/err"

# a chain of closed successors (CodeGuru Reviewer -> Q Developer -> Kiro):
# the active end comes first, each closed one after its own successor
run "$AWSAI" ask -o json automated code review comments on pull requests
check "a chain of successors: its active end first" jq -e '.[0].id == "kiro"' "$T/out"
check "a chain of successors: each closed one after its successor" jq -e \
    '(map(.id) | index("q-developer")) as $q | (map(.id) | index("codeguru-reviewer")) as $c | $q != null and $c != null and $q < $c' "$T/out"
run "$AWSAI" ask --active -o json forecast product demand from sales history
check "--active hides closed and retired" jq -e \
    'length > 0 and all(.[]; .status == "ga" or .status == "preview")' "$T/out"

# nothing fits
run "$AWSAI" ask qwxzv plorkth
expect_status 1
expect_err "no service fits"
run "$AWSAI" ask ""
expect_status 1

# hostile inputs are only text: exit 0 or 1, never an FTS5 error
while IFS= read -r q; do
	run "$AWSAI" ask -o json -- "$q"
	check "just text: $q" sh -c 'st=$(cat "$1"); [ "$st" = 0 ] || [ "$st" = 1 ]' sh "$T/status"
	check "no SQL error: $q" sh -c '! grep -qi "fts5\|syntax\|sqlite" "$1"' sh "$T/err"
done < "$ROOT/tests/ask/hostile.txt"
printf 'faces \001\002\033[31m in \177 photos' >"$T/ctl"
run "$AWSAI" ask -o json "$(cat "$T/ctl")"
expect_status 0
printf 'faces \377\376 in \300\200 photos \355\240\200' >"$T/bad-utf8"
run "$AWSAI" ask -o json "$(cat "$T/bad-utf8")"
expect_status 0
head -c 1048576 /dev/zero | tr '\0' 'a' >"$T/long"
printf ' detect faces\n' >>"$T/long"
RUN_STDIN="$T/long" run "$AWSAI" ask -o jsonl -
check "a 1 MB line ends with one answer" sh -c '[ "$(wc -l <"$1")" -eq 1 ]' sh "$T/out"
head -c 200000 /dev/urandom >"$T/random"
RUN_STDIN="$T/random" run "$AWSAI" ask -o jsonl -
check "random bytes: exit 0 or 1" sh -c 'st=$(cat "$1"); [ "$st" = 0 ] || [ "$st" = 1 ]' sh "$T/status"
check "random bytes: valid JSON Lines" jq -e -c . "$T/out"

# batch: one answer per input line
printf 'detect faces in photos\n\ntranslate a web page into Korean\n음성을 텍스트로 변환\n' >"$T/tasks"
RUN_STDIN="$T/tasks" run "$AWSAI" ask -o jsonl -n 3 -
expect_status 0
check "jsonl: one object per input line" sh -c '[ "$(wc -l <"$1")" -eq 4 ]' sh "$T/out"
check "jsonl objects carry the query and results" jq -e -s \
    '.[0].query == "detect faces in photos" and (.[0].results | length) == 3 and .[1].results == [] and .[2].results[0].id == "translate"' "$T/out"
RUN_STDIN="$T/tasks" run "$AWSAI" ask -o tsv -n 2 -
expect_status 0
check "TSV: line number first, header once" sh -c \
    'head -1 "$1" | grep -q "^line	rank	id	name" && [ "$(grep -c "^line" "$1")" -eq 1 ] && grep -q "^4	1	transcribe	" "$1"' sh "$T/out"
RUN_STDIN=/dev/null run "$AWSAI" ask -
expect_status 1

# the embedded catalog's ask reads its own copy of ask's tables (build
# --ask-db): every answer, and every explanation, is what the whole
# catalog gives when it is opened as a .db
db=$(dirname "$AWSAI")/catalog.db
cat "$ROOT"/tests/ask/*.jsonl | jq -r .q >"$T/q"
RUN_STDIN="$T/q" run "$AWSAI" ask -o jsonl --explain -j 1 -
cp "$T/out" "$T/embedded"
RUN_STDIN="$T/q" run "$AWSAI" --catalog "$db" ask -o jsonl --explain -j 1 -
check "ask's own tables answer as the whole catalog does" cmp "$T/out" \
    "$T/embedded"
check "the ask image holds only ask's tables and meta" sh -c '[ "$(sqlite3 "$1" \
    "SELECT count(*) FROM sqlite_master WHERE type = '"'table'"'")" -eq 6 ]' \
    sh "$(dirname "$AWSAI")/ask.db"
# the token lists come from the token index, made from search_tokens:
# the embedded one (build --token-index) is what a .db's gives
"$AWSAI" build --token-index "$T/tokens.idx" "$T/again.db" "$ROOT/catalog" \
    >/dev/null 2>&1
check "the embedded token index is the build's" cmp "$T/tokens.idx" \
    "$(dirname "$AWSAI")/tokens.idx"

done_testing
