/*
 * tokenize.c: the one tokenizer, used to build the full-text index and to
 * read questions. English words are lowercased, stop words dropped and
 * the rest stemmed (Snowball); Hangul and other CJK runs are indexed as
 * overlapping bigrams, the approach of Lucene's CJK analyzer, after a
 * trailing particle is cut off, so "얼굴을" and "얼굴" meet on "얼굴".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "awsai.h"

struct tokenizer {
	struct stemmer	  *stemmer;
	struct strbuf	   word;	/* the current word, folded */
	char		   out[64];	/* the emitted token */
	int		   amazon;	/* the word before was "amazon" */
};

/* Sorted bytewise: is_stop() searches them with bsearch(). */
static const char *const stop_en[] = {
	"a", "about", "also", "am", "amazon", "an", "and", "any", "are", "as",
	"at", "aws", "be", "been", "but", "by", "can", "compani", "companies",
	"company", "could", "did", "do", "does", "firm", "firms", "for",
	"from", "get", "had", "has", "have", "how", "i", "if", "in", "into",
	"is", "it", "its", "just", "let", "lets", "me", "my", "need", "of",
	"on", "or", "organization", "organizations", "our", "really",
	"should", "so", "some", "team", "teams", "that", "the", "their",
	"them", "then", "these", "they", "this", "those", "to", "up", "us",
	"use", "using", "very", "want", "was", "we", "were", "what", "when",
	"which", "will", "with", "would", "you", "your",
};

/* Negations in n't, as typed without the apostrophe or with it (the
 * tokenizer drops it: "don't" is "dont"), read as "not" (sorted); "cant"
 * and "couldnt" are "cant" ("couldn't get GPUs" wants them). */
static const char *const neg_en[] = {
	"aint", "arent", "darent", "didnt", "doesnt", "dont", "hadnt",
	"hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "oughtnt",
	"shant", "shouldnt", "wasnt", "werent", "wont", "wouldnt",
};

/* Bigrams of Korean endings and particles that carry no meaning (sorted). */
static const char *const stop_ko[] = {
	"같은", "까요", "나요", "니다", "되는", "라는", "려고", "세요",
	"습니", "싶습", "싶어", "어요", "에게", "에서", "위한", "위해",
	"으로", "있나", "있는", "좋은", "주세", "하게", "하고", "하기", "하는",
	"하려", "하면", "하여", "할까", "합니", "해서", "해요",
};

/* Words of one syllable that carry no meaning alone (sorted). */
static const char *const stop_ko1[] = {
	"거", "것", "꼭", "더", "등", "때", "뭐", "및", "수", "잘", "좀",
};

/* One-syllable particles cut from the end of a run of 3 or more. */
static const char *const particle1[] = {
	"을", "를", "이", "가", "은", "는", "에", "의", "로", "와", "과",
	"도", "만", "나", "랑", "요",
};

/* Adverbs in 이 whose 이 is no particle to cut: "학습없이" keeps its
 * "없이", which denies what comes before it. */
static const char *const adverb_i[] = { "같이", "많이", "없이" };

/* Two-syllable particles cut from the end of a run of 3 or more. */
static const char *const particle2[] = {
	"에서", "으로", "에게", "까지", "부터", "처럼", "보다", "에는",
	"하고", "이나", "로서", "로써",
};

/*
 * Korean spellings of one loanword, each made the first way people write
 * it most, so "레이블링" meets "라벨링" (in the index, a cue and a question
 * alike); the longer of two that start alike comes first.
 */
static const struct {
	const char	*from, *to;
} spelling[] = {
	{ "레이블", "라벨" }, { "레이벨", "라벨" },
	{ "컨텐츠", "콘텐츠" }, { "애노테이션", "어노테이션" },
	{ "메세지", "메시지" }, { "데이타", "데이터" },
	{ "어플리케이션", "애플리케이션" }, { "컨택트", "콘택트" },
	{ "컨택", "콘택트" }, { "컨텍트", "콘택트" }, { "컨텍", "콘택트" },
	{ "채팅봇", "챗봇" }, { "에이젼트", "에이전트" },
	{ "써머리", "서머리" }, { "레포트", "리포트" },
	{ "비지니스", "비즈니스" }, { "알고리듬", "알고리즘" },
	{ "워크플로우", "워크플로" }, { "센타", "센터" },
	{ "인퍼렌시아", "인퍼런시아" },
};

static int	is_stop(const char *, const char *const *, size_t);
static int	is_cjk(uint32_t);
static int	is_stop_run(const char *, size_t, size_t,
		    const char *const *, size_t);
static int	emit_word(struct tokenizer *, size_t, size_t, token_fn,
		    void *);
static int	emit_run(struct tokenizer *, const char *, const size_t *,
		    size_t, token_fn, void *);

/* Returns a new tokenizer; free it with tokenizer_free(). */
struct tokenizer *
tokenizer_new(void)
{
	struct tokenizer *tk;

	tk = xcalloc(1, sizeof(*tk));
	tk->stemmer = stemmer_new();
	return tk;
}

void
tokenizer_free(struct tokenizer *tk)
{
	if (tk == NULL)
		return;
	stemmer_free(tk->stemmer);
	sb_release(&tk->word);
	free(tk);
}

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is w in list, sorted bytewise? */
static int
is_stop(const char *w, const char *const *list, size_t n)
{
	return bsearch(&w, list, n, sizeof(*list), cmp_word) != NULL;
}

static int
is_cjk(uint32_t c)
{
	return (c >= 0xac00 && c <= 0xd7a3) ||	/* Hangul syllables */
	    (c >= 0x3040 && c <= 0x30ff) ||	/* kana */
	    (c >= 0x4e00 && c <= 0x9fff);	/* CJK ideographs */
}

/* Is s[start..end) one of the strings in list? */
static int
is_stop_run(const char *s, size_t start, size_t end,
    const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (strlen(list[i]) == end - start &&
		    memcmp(s + start, list[i], end - start) == 0)
			return 1;
	return 0;
}

static int
is_hangul(uint32_t c)
{
	return c >= 0xac00 && c <= 0xd7a3;
}

/*
 * Returns s with the spaces between two Hangul syllables removed (caller
 * frees): Korean is written with and without spaces alike ("음성 인식",
 * "음성인식"), and a cue matched on squeezed text ignores the difference.
 */
char *
tokenizer_squeeze(const char *s)
{
	struct strbuf	 sb = { 0 };
	size_t		 n = strlen(s), i = 0, j, prev;
	uint32_t	 c, last = 0, next;

	sb_adds(&sb, "");
	while (i < n) {
		prev = i;
		util_utf8_next(s, n, &i, &c);
		if (c == ' ' && is_hangul(last)) {
			for (j = i; j < n && s[j] == ' '; j++)
				;
			if (j < n) {
				size_t k = j;

				util_utf8_next(s, n, &k, &next);
				if (is_hangul(next)) {
					i = j;
					continue;
				}
			}
		}
		sb_add(&sb, s + prev, i - prev);
		last = c;
	}
	return sb_detach(&sb);
}

/* Does s (n bytes) contain a Hangul syllable? */
int
tokenizer_is_hangul(const char *s, size_t n)
{
	size_t	 i = 0;
	uint32_t c;

	while (i < n) {
		util_utf8_next(s, n, &i, &c);
		if (is_hangul(c))
			return 1;
	}
	return 0;
}

/* Emits the folded word in tk->word, unless it is a stop word. */
static int
emit_word(struct tokenizer *tk, size_t start, size_t end, token_fn fn,
    void *arg)
{
	struct token	 t;
	const char	*w = tk->word.buf;
	size_t		 len = tk->word.len;
	int		 digits = 0, amazon = tk->amazon;

	tk->amazon = len == 6 && memcmp(w, "amazon", 6) == 0;
	if (len == 0 || len >= sizeof(tk->out))
		return 0;
	if (is_stop(w, stop_en, sizeof(stop_en) / sizeof(stop_en[0])))
		return 0;
	if (len > 3 && w[len - 1] == 't' &&
	    is_stop(w, neg_en, sizeof(neg_en) / sizeof(neg_en[0]))) {
		w = "not";
		len = 3;
	} else if (len == 7 && memcmp(w, "couldnt", 7) == 0) {
		w = "cant";
		len = 4;
	}
	/* a lone letter ("8 x 80 GB", "a/b") says nothing, but for a name
	   ("Amazon Q"); a digit may */
	if (len == 1 && w[0] >= 'a' && w[0] <= 'z' && !amazon)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (w[i] >= '0' && w[i] <= '9')
			digits = 1;
	if (!digits && len > 3) {
		w = stemmer_stem(tk->stemmer, w, len, &len);
	}
	memcpy(tk->out, w, len);
	tk->out[len] = '\0';
	/* "wants", "using": a stop word once stemmed is one too */
	if (is_stop(tk->out, stop_en, sizeof(stop_en) / sizeof(stop_en[0])))
		return 0;
	t.text = tk->out;
	t.len = len;
	t.start = start;
	t.end = end;
	return fn(arg, &t);
}

/*
 * Emits a run of CJK syllables as bigrams (a lone syllable as itself).
 * offs[i] is the byte offset in s of syllable i, offs[n] the end of the
 * run; syllable i stands for bytes [from[i], to[i]) of the text tokenized
 * (offs[i] and offs[i + 1] unless a spelling was made the usual one).
 */
static int
emit_syllables(struct tokenizer *tk, const char *s, const size_t *offs,
    const size_t *from, const size_t *to, size_t n, token_fn fn, void *arg)
{
	struct token	 t;
	size_t		 len;
	int		 rc;

	if (n >= 3) {
		for (size_t i = 0; i < sizeof(particle2) / sizeof(*particle2);
		    i++) {
			len = offs[n] - offs[n - 2];
			if (strlen(particle2[i]) == len &&
			    memcmp(s + offs[n - 2], particle2[i], len) == 0) {
				n -= 2;
				break;
			}
		}
	}
	if (n >= 3 && !is_stop_run(s, offs[n - 2], offs[n], adverb_i,
	    sizeof(adverb_i) / sizeof(*adverb_i))) {
		for (size_t i = 0; i < sizeof(particle1) / sizeof(*particle1);
		    i++) {
			len = offs[n] - offs[n - 1];
			if (strlen(particle1[i]) == len &&
			    memcmp(s + offs[n - 1], particle1[i], len) == 0) {
				n -= 1;
				break;
			}
		}
	}
	/* a particle standing alone, as after an English word ("RAG나",
	 * "Lex로"), is no word at all */
	if (n == 1 && (is_stop_run(s, offs[0], offs[1], particle1,
	    sizeof(particle1) / sizeof(*particle1)) || is_stop_run(s, offs[0],
	    offs[1], stop_ko1, sizeof(stop_ko1) / sizeof(*stop_ko1))))
		return 0;
	if (n == 2 && is_stop_run(s, offs[0], offs[2], particle2,
	    sizeof(particle2) / sizeof(*particle2)))
		return 0;
	for (size_t i = 0; i + 1 < n || (n == 1 && i == 0); i++) {
		size_t	last = n == 1 ? i : i + 1;

		len = offs[last + 1] - offs[i];
		memcpy(tk->out, s + offs[i], len);
		tk->out[len] = '\0';
		if (n > 1 && is_stop(tk->out, stop_ko,
		    sizeof(stop_ko) / sizeof(stop_ko[0])))
			continue;
		t.start = from[i];
		t.end = to[last];
		t.text = tk->out;
		t.len = len;
		if ((rc = fn(arg, &t)) != 0)
			return rc;
	}
	return 0;
}

/* A bit of a three-byte character's 64: which spelling[] may start. */
static uint64_t
syllable_bit(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint64_t)1 << ((u[1] ^ u[2] * 3u) & 63);
}

/* The spelling[] entry that starts at syllable i of s's run, or -1. */
static int
spelling_at(const char *s, const size_t *offs, size_t n, size_t i)
{
	static uint64_t	starts;		/* of the spellings' first syllables */

	if (starts == 0)
		for (size_t k = 0; k < sizeof(spelling) / sizeof(*spelling);
		    k++)
			starts |= syllable_bit(spelling[k].from);
	if (offs[i + 1] - offs[i] != 3 || (starts & syllable_bit(s +
	    offs[i])) == 0)
		return -1;
	for (size_t k = 0; k < sizeof(spelling) / sizeof(*spelling); k++) {
		size_t	len;

		/* Hangul syllables are three bytes each */
		if (memcmp(s + offs[i], spelling[k].from, 3) != 0)
			continue;
		len = strlen(spelling[k].from);
		if (i + len / 3 <= n && offs[i + len / 3] - offs[i] == len &&
		    memcmp(s + offs[i], spelling[k].from, len) == 0)
			return (int)k;
	}
	return -1;
}

/*
 * Emits a run of CJK syllables (offs as above, at most RUNMAX) with each
 * spelling[] found made the usual one; its syllables stand for the
 * bytes the spelling did.
 */
#define RUNMAX	64
static int
emit_run(struct tokenizer *tk, const char *s, const size_t *offs, size_t n,
    token_fn fn, void *arg)
{
	char	 buf[RUNMAX * 2 * 4];	/* a spelling grows by half, at most */
	size_t	 boffs[RUNMAX * 2 + 1], from[RUNMAX * 2], to[RUNMAX * 2];
	size_t	 m = 0, len = 0, i = 0;
	int	 k;

	while (i < n && spelling_at(s, offs, n, i) < 0)
		i++;
	if (i == n)	/* the text as it is */
		return emit_syllables(tk, s, offs, offs, offs + 1, n, fn, arg);
	i = 0;
	while (i < n) {
		size_t	step = 1;
		const char *t;

		if ((k = spelling_at(s, offs, n, i)) >= 0) {
			step = strlen(spelling[k].from) / 3;
			for (t = spelling[k].to; *t != '\0'; t += 3) {
				boffs[m] = len;
				memcpy(buf + len, t, 3);
				len += 3;
				from[m] = offs[i];
				to[m++] = offs[i + step];
			}
		} else {
			boffs[m] = len;
			memcpy(buf + len, s + offs[i], offs[i + 1] - offs[i]);
			len += offs[i + 1] - offs[i];
			from[m] = offs[i];
			to[m++] = offs[i + 1];
		}
		i += step;
	}
	boffs[m] = len;
	return emit_syllables(tk, buf, boffs, from, to, m, fn, arg);
}

/*
 * The length of an English contraction's ending at s[i] (just after an
 * apostrophe: 's 'd 'll 're 've 'm 't, as a whole word), or 0.
 */
static size_t
contraction(const char *s, size_t n, size_t i)
{
	static const char *const ends[] = { "s", "d", "ll", "re", "ve", "m",
	    "t" };
	size_t	len = 0;

	while (i + len < n && ((s[i + len] >= 'a' && s[i + len] <= 'z') ||
	    (s[i + len] >= 'A' && s[i + len] <= 'Z')))
		len++;
	if (i + len < n && s[i + len] >= '0' && s[i + len] <= '9')
		return 0;
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (strlen(ends[k]) == len && strncasecmp(s + i, ends[k],
		    len) == 0)
			return len;
	return 0;
}

/*
 * Splits s (n bytes, any bytes at all) into tokens and calls fn for each
 * with arg. Invalid UTF-8 and control characters separate tokens.
 * Returns 0, or the first non-zero value fn returned.
 */
int
tokenizer_run(struct tokenizer *tk, const char *s, size_t n, token_fn fn,
    void *arg)
{
	size_t		 i = 0, prev, wstart = 0, nrun = 0;
	size_t		 offs[RUNMAX + 1];
	uint32_t	 c;
	int		 rc = 0;

	tk->word.len = 0;
	tk->amazon = 0;
	while (i <= n) {
		prev = i;
		if (i < n)
			util_utf8_next(s, n, &i, &c);
		else {
			c = 0;
			i++;
		}
		if (c < 0x80 && ((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
			if (nrun > 0 && (rc = emit_run(tk, s, offs, nrun, fn,
			    arg)) != 0)
				return rc;
			nrun = 0;
			if (tk->word.len == 0)
				wstart = prev;
			sb_addc(&tk->word, c >= 'A' && c <= 'Z' ?
			    (int)(c - 'A' + 'a') : (int)c);
			continue;
		}
		if ((c == '\'' || c == 0x2019) && tk->word.len > 0) {
			size_t	k = contraction(s, n, i);

			if (k == 0)
				continue;	/* o'reilly -> oreilly */
			/* OCR'd -> ocr, AI's -> ai; don't -> dont, which
			   emit_word() reads as the negation */
			if ((s[i] == 't' || s[i] == 'T') && tk->word.len > 1 &&
			    tk->word.buf[tk->word.len - 1] == 'n')
				sb_addc(&tk->word, 't');
			tk->word.buf[tk->word.len] = '\0';
			rc = s[i] != 't' || tk->word.len > 2 ? emit_word(tk,
			    wstart, prev, fn, arg) : 0;
			tk->word.len = 0;
			if (rc != 0)
				return rc;
			i += k;
			continue;
		}
		if (tk->word.len > 0) {
			rc = emit_word(tk, wstart, prev, fn, arg);
			tk->word.len = 0;
			if (rc != 0)
				return rc;
		}
		if (is_cjk(c) && i <= n) {
			if (nrun == RUNMAX) {
				if ((rc = emit_run(tk, s, offs, nrun, fn,
				    arg)) != 0)
					return rc;
				nrun = 0;
			}
			offs[nrun++] = prev;
			offs[nrun] = i;
			continue;
		}
		if (nrun > 0) {
			if ((rc = emit_run(tk, s, offs, nrun, fn, arg)) != 0)
				return rc;
			nrun = 0;
		}
	}
	return 0;
}
