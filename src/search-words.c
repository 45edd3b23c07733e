/*
 * search-words.c: what a question's words say beyond their text. A word
 * told as done ("calls that were transcribed", "모델을 배포했는데") is
 * background, not the ask; words of asking ("help", "어떤 서비스") are
 * no evidence of a task; an adverb in -ly names no service. The lists
 * are the languages' own, not the catalog's.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "search.h"

/*
 * The English word text[start, end) told as done: a participle ("-ed",
 * "-en" or one of irregular) after "was", "were", "been" or "already",
 * an "-ly" adverb between them or not ("calls that were automatically
 * transcribed"). Then a cue that spans it is background, not the ask.
 */
static const char *const aux_done[] = { "already", "been", "was", "were",
    NULL };
static const char *const irregular[] = { "built", "done", "kept", "made",
    "put", "read", "run", "sent", "set", "told", NULL };

/* The word before text[at] (letters only, lowercased) into w. */
static size_t
word_before(const char *text, size_t at, char *w, size_t cap)
{
	size_t	end = at, start, n;

	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '-'))
		end--;
	for (start = end; start > 0 && isalpha((unsigned char)text[start - 1]);
	    start--)
		;
	w[0] = '\0';
	if (start == end || end - start >= cap)
		return start;
	for (n = 0; start + n < end; n++)
		w[n] = (char)tolower((unsigned char)text[start + n]);
	w[n] = '\0';
	return start;
}

/* Is w one of list's words (a NULL-ended list)? */
int
search_listed(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (w[0] == (*list)[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

int
search_told_done(const char *text, size_t start, size_t end)
{
	char	w[32];
	size_t	n = end - start, at;
	int	e = n > 3 && tolower((unsigned char)text[end - 2]) == 'e';

	/* most words end otherwise: no copy for them */
	if (n >= sizeof(w) || (n > 5 && !e))
		return 0;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)text[start + i]);
	w[n] = '\0';
	if (!(n > 3 && (strcmp(w + n - 2, "ed") == 0 ||
	    strcmp(w + n - 2, "en") == 0)) && !search_listed(w, irregular))
		return 0;
	at = word_before(text, start, w, sizeof(w));
	if ((n = strlen(w)) > 4 && strcmp(w + n - 2, "ly") == 0 &&
	    !search_listed(w, aux_done))
		word_before(text, at, w, sizeof(w));
	return search_listed(w, aux_done);
}

/*
 * Is the Hangul syllable at s done (past tense: its last consonant is
 * ㅆ, as in 했, 었, 봤, 시켰, but not 있 "there is" or 겠 "will"), or 던
 * (was doing)?
 */
static int
past_syllable(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t	cp;

	/* a Hangul syllable is three bytes, 1110xxxx 10xxxxxx 10xxxxxx */
	if ((u[0] & 0xf0) != 0xe0 || (u[1] & 0xc0) != 0x80 ||
	    (u[2] & 0xc0) != 0x80)
		return 0;
	cp = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
	if (cp < 0xac00 || cp > 0xd7a3)
		return 0;
	if (cp == 0xb358)		/* 던 */
		return 1;
	return (cp - 0xac00) % 28 == 20 && cp != 0xc788 && cp != 0xaca0;
}

/*
 * Is token k of toks a verb of using told as going on, the background of
 * a question ("챗봇을 운영 중인데", "사용중인데", "쓰고 있는데"): a
 * verb of using, then 중 (in its bigram or the next) or the ending 는데?
 */
static const char *const using_verbs[] = { "운영", "사용", "이용", "쓰고",
    NULL };

static int
in_use(const struct strv *toks, size_t k, size_t n)
{
	const char *t;

	if (k + 1 >= n || !search_listed(toks->v[k], using_verbs))
		return 0;
	t = toks->v[k + 1];
	return strlen(t) == 6 && (strncmp(t, "중", 3) == 0 ||
	    strcmp(t + 3, "중") == 0 || strcmp(t, "는데") == 0);
}

/*
 * Marks in done the Korean tokens told as done or as what was going on
 * ("모델을 배포했는데 ...", "노트북으로 실험하던 모델"): one of the two
 * bigrams after a token, in its word (word NULL: any), ends in a past
 * syllable; or the word after it is a verb of using, going on (in_use):
 * what the question already runs is not what it asks for.
 */
void
search_korean_done(const struct strv *toks, const int *word, unsigned char *done)
{
	size_t	n = toks->n < MAXCUETOKS ? toks->n : MAXCUETOKS;

	for (size_t i = 0; i < n; i++) {
		done[i] = in_use(toks, i + 1, n) && (word == NULL ||
		    word[i + 1] == word[i] + 1);
		if (done[i])
			continue;
		for (size_t k = i + 1; k < n && k <= i + 2; k++) {
			const char *t = toks->v[k];

			if ((word != NULL && word[k] != word[i]) ||
			    strlen(t) != 6)
				break;
			if (past_syllable(t + 3)) {
				done[i] = 1;
				break;
			}
		}
	}
}

/*
 * Words of asking, not of a task (stemmed English, Korean bigrams): a
 * question that matched only these ("which service should I use?", "help
 * me please", "어떤 서비스를 써야 하나요") matched nothing. They still
 * score; only the evidence for any answer leaves them out.
 */
static const char *const fillers[] = { "advic", "anyth", "best", "choos",
    "hello", "help", "hey", "hi", "idea", "option", "pick", "pleas",
    "recommend", "servic", "someth", "suggest", "thank", "there", "tool",
    "가장", "니까", "도와", "루션", "무엇", "안녕",
    "비스", "사용", "서비", "선택", "솔루", "어떤", "와주", "용해", "적합",
    "추천", "합한", "해야", "회사", NULL };

int
search_filler(const char *tok)
{
	return search_listed(tok, fillers);
}

/* Is raw, stemmed to tok, an adverb in -ly ("quickly" to "quick")? Then
 * it is no service's name, whatever one-word name its stem is. */
int
search_adverb(const char *raw, const char *tok)
{
	size_t	n = strlen(raw), t = strlen(tok);

	return n > 4 && strcmp(raw + n - 2, "ly") == 0 && t > 1 &&
	    strcmp(tok + t - 2, "li") != 0 && strcmp(tok + t - 2, "ly") != 0;
}

/* The end of the Korean word that goes on from text[at]. */
static size_t
word_end(const char *text, size_t at)
{
	while (text[at] != '\0' && text[at] != ' ' &&
	    ((unsigned char)text[at] >= 0x80 || isalnum((unsigned char)text[at])))
		at++;
	return at;
}

/*
 * Is the Korean word that goes on from text[at] a verb that qualifies the
 * place the question is set in, "이미지를 생성하는 솔루션에서 ...
 * 최소화": it ends in 는 and the word after it in 에서? What such a
 * clause says the place does is the setting, not the ask.
 */
int
search_setting_word(const char *text, size_t at)
{
	size_t	end = word_end(text, at), next;

	if (end < at + 3 || memcmp(text + end - 3, "\xeb\x8a\x94", 3) != 0)
		return 0;					/* 는 */
	while (text[end] == ' ')
		end++;
	next = word_end(text, end);
	return next >= end + 9 &&
	    memcmp(text + next - 6, "\xec\x97\x90\xec\x84\x9c", 6) == 0;
}							/* 에서 */

/*
 * Does the Korean word that goes on from text[at] end in an object
 * particle (을, 를: "자막 파일을 만들")? Then a verb after it takes that
 * word, not a noun before it: "동영상에 자막 파일을 만들어야" makes no
 * video.
 */
int
search_object_word(const char *text, size_t at)
{
	size_t	end = word_end(text, at);

	if (end < at + 3)
		return 0;
	return memcmp(text + end - 3, "\xec\x9d\x84", 3) == 0 ||	/* 을 */
	    memcmp(text + end - 3, "\xeb\xa5\xbc", 3) == 0;		/* 를 */
}
