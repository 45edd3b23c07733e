/*
 * test-words.c: what search-words.c says of a question's words: told as
 * done (English participles, Korean past tense), words of asking, adverbs
 * that name nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "search.h"

/* Is the word at the first occurrence of word in text told as done? */
static int
done_at(const char *text, const char *word)
{
	const char	*p = strstr(text, word);

	assert_non_null(p);
	return search_told_done(text, (size_t)(p - text),
	    (size_t)(p - text) + strlen(word));
}

static void
test_english_done(void **state)
{
	(void)state;
	assert_true(done_at("calls that were transcribed to text",
	    "transcribed"));
	assert_true(done_at("reviews already translated", "translated"));
	assert_true(done_at("it was automatically transcribed", "transcribed"));
	assert_true(done_at("a model that has been built", "built"));
	assert_true(done_at("the already-scanned forms", "scanned"));
	/* asked, not done */
	assert_false(done_at("calls must be transcribed", "transcribed"));
	assert_false(done_at("we want transcribed calls", "transcribed"));
	assert_false(done_at("it was about translation", "translation"));
	assert_false(done_at("were looking to translate", "looking"));
	/* no word before it at all */
	assert_false(done_at("transcribed calls", "transcribed"));
}

static void
test_korean_done(void **state)
{
	/* 배포했는데: "배포" goes on in the past tense; 있는 is not past */
	const char	*v[] = { "배포", "포했", "했는", "는데", "모델", "델이",
			    "이있", "있는" };
	int		 word[] = { 0, 0, 0, 0, 1, 1, 1, 1 };
	struct strv	 toks = { (char **)v, 8, 8 };
	unsigned char	 done[8];

	(void)state;
	search_korean_done(&toks, word, done);
	assert_true(done[0]);
	assert_false(done[3]);
	assert_false(done[4]);
	assert_false(done[5]);
	/* without word boundaries (the squeezed text) any bigram after */
	word[4] = 0;
	search_korean_done(&toks, NULL, done);
	assert_true(done[0]);
}

static void
test_korean_in_use(void **state)
{
	/* 챗봇을 운영 중인데 ... 막아야: what runs already is background;
	 * 챗봇을 만들고 싶은데: what is to be built is not */
	const char	*v[] = { "챗봇", "운영", "중인", "인데", "막아", "아야" };
	int		 word[] = { 0, 1, 2, 2, 3, 3 };
	struct strv	 toks = { (char **)v, 6, 6 };
	const char	*w[] = { "챗봇", "만들", "는데" };
	int		 word2[] = { 0, 1, 1 };
	struct strv	 toks2 = { (char **)w, 3, 3 };
	unsigned char	 done[6];

	(void)state;
	search_korean_done(&toks, word, done);
	assert_true(done[0]);
	assert_false(done[1]);
	assert_false(done[4]);
	search_korean_done(&toks2, word2, done);
	assert_false(done[0]);
	/* 운영 in a word two on is not this word's verb */
	word[1] = 2;
	search_korean_done(&toks, word, done);
	assert_false(done[0]);
}

static void
test_setting_word(void **state)
{
	const char	*t = "이미지를 생성하는 솔루션에서 주석 오류 최소화";
	const char	*u = "이미지를 생성하는 모델을 만들고 싶어요";

	(void)state;
	/* a verb in 는 before a word in 에서 qualifies the setting */
	assert_true(search_setting_word(t, strlen("이미지를 생성")));
	assert_false(search_setting_word(t, strlen("이미지")));
	assert_false(search_setting_word(t, strlen("이미지를 생성하는 솔루")));
	/* before anything else it may be the ask itself */
	assert_false(search_setting_word(u, strlen("이미지를 생성")));
	assert_false(search_setting_word("생성하는", strlen("생성")));
}

static void
test_fillers_adverbs(void **state)
{
	(void)state;
	assert_true(search_filler("servic"));
	assert_true(search_filler("어떤"));
	assert_true(search_filler("hello"));
	assert_true(search_filler("안녕"));
	assert_false(search_filler("transcrib"));
	assert_false(search_filler(""));
	assert_true(search_adverb("quickly", "quick"));
	assert_false(search_adverb("family", "famili"));
	assert_false(search_adverb("daily", "daili"));
	assert_false(search_adverb("quick", "quick"));
}

static void
test_object_word(void **state)
{
	const char	*t = "동영상에 자막 파일을 만들어야 책을 읽다";

	(void)state;
	/* from the end of a token to its word's end */
	assert_false(search_object_word(t, strlen("동영")));
	assert_false(search_object_word(t, strlen("동영상에 자막")));
	assert_true(search_object_word(t, strlen("동영상에 자막 파일")));
	assert_false(search_object_word(t, strlen("동영상에 자막 파일을 만들")));
	assert_true(search_object_word(t, strlen("동영상에 자막 파일을 만들어야 책")));
	assert_false(search_object_word("abc", 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english_done),
		cmocka_unit_test(test_korean_done),
		cmocka_unit_test(test_korean_in_use),
		cmocka_unit_test(test_setting_word),
		cmocka_unit_test(test_fillers_adverbs),
		cmocka_unit_test(test_object_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
