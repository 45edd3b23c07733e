/*
 * test-search.c: ask's ranking on the small fixture catalog
 * (tests/data/fixture/): the right service first for plain tasks, the
 * lifecycle order for a new customer and for an existing one, filters
 * applied before successors are brought, confidence, no answer for a
 * question nothing matches, denied words counting less; the index rows
 * ask reads are FTS5's; and the token index gives every row of
 * search_tokens as it is stored.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "awsai.h"
#include "catalog.h"	/* catalog_token_take() */

static struct catalog *cat;
static struct search *srch;

static int
setup(void **state)
{
	const char	*root = getenv("AWSAI_ROOT");
	char		*path;
	int		 status;

	(void)state;
	path = xasprintf("%s/tests/data/fixture/catalog.json",
	    root != NULL ? root : ".");
	cat = catalog_open(path, &status);
	free(path);
	if (cat == NULL)
		return -1;
	srch = search_new(cat);
	return srch == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	search_free(srch);
	catalog_free(cat);
	return 0;
}

/* Runs text with q's filters; the ids in order, space-separated. */
static char *
ranked(const char *text, struct query *q, struct hits *h)
{
	struct strbuf	sb = { 0 };

	q->text = text;
	if (q->limit == 0)
		q->limit = 5;
	memset(h, 0, sizeof(*h));
	search_run(srch, q, h);
	sb_adds(&sb, "");
	for (size_t i = 0; i < h->n; i++)
		sb_addf(&sb, "%s%s", i ? " " : "", h->v[i].id);
	return sb_detach(&sb);
}

static void
expect_first(const char *text, const char *id)
{
	struct query	 q = { 0 };
	struct hits	 h;
	char		*got = ranked(text, &q, &h);

	assert_true(h.n > 0);
	assert_string_equal(h.v[0].id, id);
	free(got);
	hits_release(&h);
}

static void
test_plain(void **state)
{
	(void)state;
	expect_first("detect faces in photos", "lens");
	expect_first("transcribe a podcast recording", "scribe");
	expect_first("extract text from scanned invoices", "paper");
	expect_first("build a chatbot on an LLM", "forge");
	expect_first("train my own model", "lab");
	expect_first("회의 녹음을 텍스트로 변환", "scribe");
}

/* The words a denial reaches count for less: what is refused ("don't
 * want to train", "not a chatbot") loses to what is asked. */
static void
test_denied(void **state)
{
	(void)state;
	expect_first("we don't want to train our own model, just a chatbot",
	    "forge");
	expect_first("we dont want to train our own model, just a chatbot",
	    "forge");
	expect_first("a chatbot, without training our own model", "forge");
	expect_first("train our own model, not a chatbot", "lab");
}

/* The closed oldpaper's successor paper stands first; oldpaper follows. */
static void
test_lifecycle(void **state)
{
	struct query	 q = { 0 };
	struct hits	 h;
	char		*got;
	const char	*a, *b;

	(void)state;
	got = ranked("legacy forms reading the old way", &q, &h);
	a = strstr(got, "paper");
	b = strstr(got, "oldpaper");
	assert_non_null(b);
	assert_true(a != NULL && a < b);
	assert_string_equal(h.v[0].id, "paper");
	assert_non_null(h.v[0].via);
	free(got);
	hits_release(&h);
	/* --existing: relevance alone puts the closed one first */
	q.existing = 1;
	got = ranked("legacy forms reading the old way", &q, &h);
	assert_string_equal(h.v[0].id, "oldpaper");
	assert_null(h.v[0].via);
	free(got);
	hits_release(&h);
}

/* A retired service ranks below every active one that matches. */
static void
test_retired(void **state)
{
	struct query	 q = { 0 };
	struct hits	 h;
	char		*got = ranked("camera that runs vision models on images",
			    &q, &h);
	size_t		 i;

	(void)state;
	for (i = 0; i < h.n; i++)
		if (strcmp(h.v[i].id, "relic") == 0)
			break;
	assert_true(i < h.n);
	for (size_t k = i + 1; k < h.n; k++)
		assert_false(h.v[k].supported && h.v[k].active);
	free(got);
	hits_release(&h);
}

/* A filter removes a service before its successor could be brought. */
static void
test_filters(void **state)
{
	struct query	 q = { 0 };
	struct hits	 h;
	char		*got;

	(void)state;
	q.layer = "platform";
	got = ranked("legacy forms reading the old way", &q, &h);
	assert_null(strstr(got, "paper"));
	free(got);
	hits_release(&h);
	memset(&q, 0, sizeof(q));
	q.active = 1;
	got = ranked("legacy forms reading the old way", &q, &h);
	assert_null(strstr(got, "oldpaper"));
	assert_non_null(strstr(got, "paper"));
	free(got);
	hits_release(&h);
}

static void
test_confidence(void **state)
{
	struct query	 q = { 0 };
	struct hits	 h;
	char		*got;

	(void)state;
	got = ranked("detect faces in photos", &q, &h);
	assert_int_equal(h.v[0].conf, CONF_HIGH);
	for (size_t i = 1; i < h.n; i++)
		assert_true(h.v[i].score <= h.v[0].score);
	free(got);
	hits_release(&h);
	got = ranked("zzzz qqqq xxxx", &q, &h);
	assert_int_equal(h.n, 0);
	free(got);
	hits_release(&h);
}

/* The same question twice gives the same answer: a total order. */
static void
test_stable(void **state)
{
	struct query	 q = { 0 };
	struct hits	 h1, h2;
	char		*a, *b;

	(void)state;
	a = ranked("GPU instances for training", &q, &h1);
	b = ranked("GPU instances for training", &q, &h2);
	assert_string_equal(a, b);
	free(a);
	free(b);
	hits_release(&h1);
	hits_release(&h2);
}

struct walk {
	struct strv	 toks;		/* every token seen, in order */
	struct strmap	 seen;
};

static int
walk_tok(void *arg, const struct token *t)
{
	struct walk	*w = arg;
	char		*tok = xstrndup(t->text, t->len);

	if (strmap_get(&w->seen, tok) != NULL) {
		free(tok);
		return 0;
	}
	strv_push_owned(&w->toks, tok);
	strmap_put(&w->seen, w->toks.v[w->toks.n - 1], 1);
	return 0;
}

/*
 * The index rows ask reads for a token (stored at build time) are the
 * ones FTS5 gives, for every token of every row reached from a few seed
 * questions, English and Korean.
 */
static void
test_postings(void **state)
{
	static const char *seeds[] = { "detect faces in photos",
	    "translate text", "GPU instances for training", "얼굴 인식 챗봇" };
	struct tokenizer *tk = tokenizer_new();
	struct walk	 w = { 0 };
	size_t		 checked = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		tokenizer_run(tk, seeds[i], strlen(seeds[i]), walk_tok, &w);
	for (size_t i = 0; i < w.toks.n && i < 20000; i++) {
		const unsigned char *list;
		long long	*a, *b;
		size_t		 na, nb;
		int		 place;

		assert_int_equal(catalog_postings(cat, w.toks.v[i], &list, &na),
		    0);
		a = xmalloc((na + 1) * sizeof(*a));
		for (size_t k = 0; k < na; k++)
			catalog_posting(list, k, &a[k], &place);
		assert_int_equal(catalog_fts_postings(cat, w.toks.v[i], &b, &nb),
		    0);
		assert_int_equal(na, nb);
		for (size_t k = 0; k < na; k++) {
			char *text = catalog_doc_text(cat, a[k]);

			assert_true(a[k] == b[k]);
			assert_non_null(text);
			tokenizer_run(tk, text, strlen(text), walk_tok, &w);
			free(text);
		}
		checked += na;
		free(a);
		free(b);
	}
	assert_true(w.toks.n > 50 && checked > 100);
	strv_release(&w.toks);
	strmap_release(&w.seen);
	tokenizer_free(tk);
}

/* SQL's text of a list as the token index gives it: NULL as "-", a
 * blob in hex. */
static char *
list_text(const char *v, size_t n, int blob)
{
	struct strbuf	sb = { 0 };

	if (v == NULL)
		return xstrdup("-");
	sb_adds(&sb, "=");
	for (size_t i = 0; i < n; i++)
		if (blob)
			sb_addf(&sb, "%02X", (unsigned char)v[i]);
		else
			sb_addc(&sb, v[i]);
	return sb.buf;
}

/*
 * Every row of search_tokens, each of its four lists, is what the token
 * index hands over for it (byte for byte, none where SQL has NULL); a
 * token with no row is unknown, one with a row known.
 */
static void
test_token_index(void **state)
{
	static const enum search_rows kinds[] = { SR_KEYWORDS, SR_CUES,
	    SR_SYNONYMS, SR_POSTINGS };
	struct result	 res;
	struct column	*cols;
	int		 n;

	(void)state;
	n = catalog_sql(cat, "SELECT tok, ifnull('=' || keywords, '-'), "
	    "ifnull('=' || cues, '-'), ifnull('=' || synonyms, '-'), "
	    "CASE WHEN rows IS NULL THEN '-' ELSE '=' || hex(rows) END FROM "
	    "search_tokens", NULL, 60000, &res,
	    &cols);
	assert_true(n > 100);
	for (size_t r = 0; r < res.nrows; r++) {
		const char *tok = res.cells[r * 5].s;

		assert_true(catalog_known_token(cat, tok));
		for (int c = 0; c < 4; c++) {
			char	*v, *t;
			size_t	 len;

			assert_int_equal(catalog_token_take(cat, kinds[c], tok,
			    &v, &len), 0);
			t = list_text(v, len, c == 3);
			assert_string_equal(t, res.cells[r * 5 + 1 + c].s);
			free(t);
			free(v);
		}
	}
	catalog_sql_release(&res, cols);
	assert_false(catalog_known_token(cat, "zzqqxxnotaword"));
	assert_false(catalog_known_token(cat, ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_token_index),
		cmocka_unit_test(test_denied),
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_retired),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_confidence),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_postings),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
