/*
 * test-stem.c: stem.c, which calls Snowball's English stemmer directly,
 * gives the stem libstemmer's own sb_stemmer_stem() gives, for a list of
 * hard words and for every word of the catalog's text (AWSAI_ROOT).
 */
#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libstemmer.h>

#include "awsai.h"

static struct stemmer	 *ours;
static struct sb_stemmer *theirs;
static size_t		  nchecked;

static void
same(const char *w, size_t len)
{
	const char	*a;
	const sb_symbol	*b;
	size_t		 alen;
	int		 blen;

	a = stemmer_stem(ours, w, len, &alen);
	b = sb_stemmer_stem(theirs, (const sb_symbol *)w, (int)len);
	assert_non_null(b);
	blen = sb_stemmer_length(theirs);
	if (alen != (size_t)blen || memcmp(a, b, alen) != 0)
		fail_msg("\"%.*s\": ours \"%.*s\", libstemmer's \"%.*s\"",
		    (int)len, w, (int)alen, a, blen, (const char *)b);
	nchecked++;
}

static void
test_words(void **state)
{
	static const char *const words[] = {
		"running", "generalization", "faces", "detected", "photos",
		"caresses", "ponies", "ties", "sky", "news", "skies",
		"dying", "lying", "generously", "communism", "arsenal",
		"knightly", "inferentia", "trainium", "sagemaker", "ocr",
		"é", "naïve", "ability", "abilities", "hopefully",
		"transcription", "translated", "summarizing", "forecasts",
		"recommendations", "anomalies", "chatbots", "a", "",
	};

	(void)state;
	/* twice: the second time the stems come from the memo */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			same(words[i], strlen(words[i]));
	/* a word's prefix is a word of its own */
	same("running", 3);
	same("runs", 3);
}

/* The memo's hash of a word's bytes is hash_str()'s of the word. */
static void
test_hash(void **state)
{
	static const char *const words[] = { "", "a", "face", "얼굴 인식",
	    "transcription", "\xff\xfe" };

	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		assert_true(hash_mem(words[i], strlen(words[i])) ==
		    hash_str(words[i]));
	assert_true(hash_mem("face", 3) == hash_str("fac"));
}

/*
 * More distinct words than the memo holds, each asked again later: the
 * memo empties itself when full and answers the same afterwards.
 */
static void
test_memo(void **state)
{
	char	w[32];

	(void)state;
	for (int pass = 0; pass < 3; pass++)
		for (int i = 0; i < 10000; i++) {
			snprintf(w, sizeof(w), "%cing%dings", 'a' + i % 26, i);
			same(w, strlen(w));
		}
}

/* Every run of letters (ASCII, lowercased) in the catalog's files. */
static void
test_catalog(void **state)
{
	const char	*root = getenv("AWSAI_ROOT");
	char		 path[4096], w[64];
	struct dirent	*e;
	DIR		*d;
	FILE		*fp;
	size_t		 n = 0, before = nchecked;
	int		 c;

	(void)state;
	if (root == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/catalog", root);
	assert_non_null(d = opendir(path));
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".json") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/catalog/%s", root, e->d_name);
		assert_non_null(fp = fopen(path, "r"));
		while ((c = getc(fp)) != EOF) {
			if (isalpha(c) && n < sizeof(w)) {
				w[n++] = (char)tolower(c);
				continue;
			}
			if (n > 0 && n < sizeof(w))
				same(w, n);
			n = 0;
		}
		fclose(fp);
	}
	closedir(d);
	assert_true(nchecked - before > 10000);
}

static int
setup(void **state)
{
	(void)state;
	ours = stemmer_new();
	theirs = sb_stemmer_new("english", "UTF_8");
	return theirs == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	stemmer_free(ours);
	sb_stemmer_delete(theirs);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_memo),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_catalog),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
