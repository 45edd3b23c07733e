/*
 * test-text.c: the tokenizer (English stems, Korean bigrams and
 * particles, hostile bytes) and the text helpers in util.c.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "awsai.h"

static int
collect(void *arg, const struct token *t)
{
	struct strbuf	*sb = arg;

	if (sb->len > 0)
		sb_addc(sb, ' ');
	sb_add(sb, t->text, t->len);
	return 0;
}

/* The tokens of s, space-separated (caller frees). */
static char *
toks(const char *s)
{
	struct tokenizer *tk = tokenizer_new();
	struct strbuf	 sb = { 0 };

	sb_adds(&sb, "");
	tokenizer_run(tk, s, strlen(s), collect, &sb);
	tokenizer_free(tk);
	return sb_detach(&sb);
}

static void
expect_toks(const char *in, const char *want)
{
	char	*got = toks(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_english(void **state)
{
	(void)state;
	expect_toks("Detecting the faces in PHOTOS", "detect face photo");
	expect_toks("transcriptions", "transcript");
	expect_toks("EC2 P5en g6e s3", "ec2 p5en g6e s3");
	expect_toks("model's", "model");
	/* a contraction's ending is no part of the word */
	expect_toks("have it OCR'd", "ocr");
	expect_toks("AI's answers", "ai answer");
	/* a negation is "not", which denies what follows, however typed;
	   "can't" and "couldn't" are "cant": "couldn't get GPUs" wants them */
	expect_toks("it doesn't translate", "not translat");
	expect_toks("we don\u2019t want GPUs", "not gpus");
	expect_toks("I dont want to WON'T", "not not");
	expect_toks("isnt arent wasnt", "not not not");
	expect_toks("can't", "cant");
	expect_toks("we couldn't get GPUs, couldnt", "cant gpus cant");
	expect_toks("donut tint", "donut tint");
	expect_toks("O'Reilly", "oreilli");
	expect_toks("fine-tune", "fine tune");
	expect_toks("", "");
	expect_toks("the a an of", "");
	/* a lone letter is no word, but for a name: "Amazon Q" */
	expect_toks("Amazon Q Developer", "q develop");
	expect_toks("Q&A", "");
}

static void
test_korean(void **state)
{
	(void)state;
	/* particles cut, runs split into bigrams */
	expect_toks("얼굴을", "얼굴");
	expect_toks("이미지에서 얼굴을 찾고 싶어요", "이미 미지 얼굴 찾고");
	expect_toks("번역", "번역");
	expect_toks("책", "책");
	/* mixed Korean and English: a lone particle is no token */
	expect_toks("PDF에서 표 추출", "pdf 표 추출");
	expect_toks("RAG나 LLM으로", "rag llm");
	/* the 이 of an adverb is no particle: "없이" denies what is before */
	expect_toks("모델학습없이", "모델 델학 학습 습없 없이");
	expect_toks("데이터센터가 데이터센터이", "데이 이터 터센 센터 데이 이터 "
	    "터센 센터");
	/* a word of one syllable that means nothing alone is no token; one
	   that does mean something stays */
	expect_toks("정확도 좋은 거", "정확");
	expect_toks("할 수 있는 칩", "할 칩");
}

/* The tokens of s, each as "text@start-end" (caller frees). */
static int
collect_at(void *arg, const struct token *t)
{
	struct strbuf	*sb = arg;

	if (sb->len > 0)
		sb_addc(sb, ' ');
	sb_add(sb, t->text, t->len);
	sb_addf(sb, "@%zu-%zu", t->start, t->end);
	return 0;
}

static void
expect_at(const char *in, const char *want)
{
	struct tokenizer *tk = tokenizer_new();
	struct strbuf	 sb = { 0 };
	char		*got;

	sb_adds(&sb, "");
	tokenizer_run(tk, in, strlen(in), collect_at, &sb);
	tokenizer_free(tk);
	got = sb_detach(&sb);
	assert_string_equal(got, want);
	free(got);
}

static void
test_spelling(void **state)
{
	(void)state;
	/* a loanword's other spellings meet the usual one */
	expect_toks("레이블링", "라벨 벨링");
	expect_toks("라벨링", "라벨 벨링");
	expect_toks("데이타 레이블을", "데이 이터 라벨");
	expect_toks("컨택센터", "콘택 택트 트센 센터");
	expect_toks("콘택트 센터", "콘택 택트 센터");
	expect_toks("채팅봇", "챗봇");
	expect_toks("워크플로우로", "워크 크플 플로");
	/* whose tokens still stand for the bytes as written: 레이블 is
	   bytes 0-9, 링 9-12 */
	expect_at("레이블링", "라벨@0-9 벨링@0-12");
	expect_at("새 레이블", "새@0-3 라벨@4-13");
	expect_at("라벨링", "라벨@0-6 벨링@3-9");
	expect_toks("콜센타", "콜센 센터");
}

static void
test_hostile(void **state)
{
	char	*got;

	(void)state;
	got = toks("\"AND\" (OR) NOT* ^near: \xff\xfe \x01\x02 -x");
	assert_string_equal(got, "not near");	/* a lone letter is no token */
	free(got);
	got = toks("\xed\xa0\x80 surrogate \xc0\x80 overlong");
	assert_string_equal(got, "surrog overlong");
	free(got);
}

static void
test_util(void **state)
{
	long		 v;
	const char	*cands[] = { "show", "list", "layers", "usecases" };
	const char	*best[3];

	(void)state;
	assert_int_equal(util_edit_distance("transcibe", "transcribe", 2), 1);
	assert_int_equal(util_edit_distance("rekognitoin", "rekognition", 2),
	    1);
	assert_true(util_edit_distance("abc", "xyzxyz", 2) > 2);
	assert_true(util_is_slug("sagemaker-ai"));
	assert_false(util_is_slug("SageMaker"));
	assert_false(util_is_slug("a--b"));
	assert_false(util_is_slug("-a"));
	assert_true(util_is_date("2026-02-28"));
	assert_false(util_is_date("2026-13-01"));
	assert_false(util_is_date("2026-1-1"));
	assert_int_equal(util_parse_int("42", 1, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(util_parse_int("4x", 1, 100, &v), -1);
	assert_int_equal(util_parse_int("0", 1, 100, &v), -1);
	assert_int_equal(util_parse_int("", 1, 100, &v), -1);
	/* strtol's whole-string answers: a sign, no space, no overflow */
	assert_int_equal(util_parse_int("+7", 1, 100, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(util_parse_int(" 7", 1, 100, &v), -1);
	assert_int_equal(util_parse_int("7 ", 1, 100, &v), -1);
	assert_int_equal(util_parse_int("-", LONG_MIN, LONG_MAX, &v), -1);
	assert_int_equal(util_parse_int("--7", LONG_MIN, LONG_MAX, &v), -1);
	assert_int_equal(util_parse_int("9223372036854775807", LONG_MIN,
	    LONG_MAX, &v), 0);
	assert_true(v == LONG_MAX);
	assert_int_equal(util_parse_int("9223372036854775808", LONG_MIN,
	    LONG_MAX, &v), -1);
	assert_int_equal(util_parse_int("-9223372036854775808", LONG_MIN,
	    LONG_MAX, &v), 0);
	assert_true(v == LONG_MIN);
	assert_int_equal(util_parse_int("-9223372036854775809", LONG_MIN,
	    LONG_MAX, &v), -1);
	assert_int_equal(util_parse_int("0x1", 0, 100, &v), -1);
	assert_int_equal(util_display_width("한국", strlen("한국")), 4);
	assert_int_equal(util_display_width("abc", 3), 3);
	util_suggest("shwo", cands, 4, best, 3);
	assert_string_equal(best[0], "show");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_spelling),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_util),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
