/*
 * test-catalog.c: the loader's checks on small catalogs written here
 * (each problem reported at its FILE:LINE:COL), and the lookup of a
 * service by what a person types (exact, alias, unique prefix, near).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "awsai.h"

static char	*errbuf;
static size_t	 errlen;
static FILE	*errfp;

static int
setup(void **state)
{
	(void)state;
	errfp = open_memstream(&errbuf, &errlen);
	diag_set_stream(errfp);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	diag_set_stream(NULL);
	fclose(errfp);
	free(errbuf);
	return 0;
}

static const char *
messages(void)
{
	static char	last[4096];

	fclose(errfp);
	snprintf(last, sizeof(last), "%s", errbuf != NULL ? errbuf : "");
	free(errbuf);
	errbuf = NULL;
	errfp = open_memstream(&errbuf, &errlen);
	diag_set_stream(errfp);
	return last;
}

/* The fixture catalog with one service's record replaced by svc. */
static const char base[] =
    "{\"meta\": {\"version\": \"t\", \"as_of\": \"2026-01-01\"},\n"
    "\"layers\": [{\"id\": \"service\", \"order\": 1, \"name\": \"S\", "
    "\"name_ko\": \"서\", \"summary\": \"s\", \"summary_ko\": \"서\"}],\n"
    "\"usecases\": [{\"id\": \"vision\", \"name\": \"V\", \"name_ko\": "
    "\"비\", \"summary\": \"v\", \"summary_ko\": \"비\"}],\n"
    "\"services\": [%s]}\n";
static const char good[] =
    "{\"id\": \"good\", \"name\": \"Good\", \"layer\": \"service\", "
    "\"usecases\": {\"vision\": 1}, \"summary\": \"s\", \"summary_ko\": "
    "\"서\", \"description\": \"d\", \"tasks\": [\"a\", \"b\", \"c\", "
    "\"d\"], \"tasks_ko\": [\"가\", \"나\"], \"status\": \"%s\", %s"
    "\"cli\": null, \"docs\": \"https://example.com/x\", \"sources\": "
    "[\"https://example.com/y\"], \"as_of\": \"2026-01-01\"}";

/* Checks a catalog of one service (status, extra members); its status. */
static int
check_one(const char *status, const char *extra)
{
	char	 path[] = "/tmp/awsai-test-XXXXXX.json", *svc, *doc;
	int	 fd = mkstemps(path, 5), rc;
	struct result res;

	svc = xasprintf(good, status, extra);
	doc = xasprintf(base, svc);
	assert_true(fd >= 0);
	assert_true(write(fd, doc, strlen(doc)) == (ssize_t)strlen(doc));
	close(fd);
	result_init(&res, NULL, 4);
	rc = catalog_check((const char *const[]){ path }, 1, &res);
	result_release(&res);
	unlink(path);
	free(svc);
	free(doc);
	return rc;
}

static void
test_loader(void **state)
{
	(void)state;
	messages();
	assert_int_equal(check_one("ga", ""), EXIT_OK);
	assert_string_equal(messages(), "");
	assert_int_equal(check_one("gone", ""), EXIT_DATA);
	assert_non_null(strstr(messages(), ":4:212: service \"good\": unknown "
	    "status \"gone\" (expected: ga, preview, closed, retired)"));
	assert_int_equal(check_one("closed", ""), EXIT_DATA);
	assert_non_null(strstr(messages(), "status \"closed\" needs a "
	    "status_date"));
	assert_int_equal(check_one("ga", "\"successor\": \"good\", "), EXIT_DATA);
	assert_non_null(strstr(messages(), "only closed or retired services "
	    "have one"));
	assert_int_equal(check_one("ga", "\"aliases\": [\"a\\nb\"], "),
	    EXIT_DATA);
	assert_non_null(strstr(messages(), "must be one line without control "
	    "characters"));
	assert_int_equal(check_one("ga", "\"specs\": {\"family\": \"X\", "
	    "\"use\": [\"mining\"], \"generation\": \"current\"}, "), EXIT_DATA);
	assert_non_null(strstr(messages(), "specs: use holds a use"));
}

static void
test_resolve(void **state)
{
	const char	*root = getenv("AWSAI_ROOT");
	char		*path, *id;
	struct catalog	*cat;
	struct strv	 sug = { 0 };
	int		 status;

	(void)state;
	path = xasprintf("%s/tests/data/fixture/catalog.json",
	    root != NULL ? root : ".");
	assert_non_null(cat = catalog_open(path, &status));
	free(path);
	assert_string_equal(id = catalog_resolve(cat, "LENS", &sug), "lens");
	free(id);
	assert_string_equal(id = catalog_resolve(cat, "렌즈", &sug), "lens");
	free(id);
	assert_string_equal(id = catalog_resolve(cat, "fixture pa", &sug),
	    "paper");
	free(id);
	/* a prefix of a whole and its part names the whole */
	assert_string_equal(id = catalog_resolve(cat, "fixture s", &sug),
	    "scribe");
	free(id);
	assert_null(catalog_resolve(cat, "fixture l", &sug));
	assert_int_equal(sug.n, 2);	/* lab, lens */
	strv_release(&sug);
	assert_null(catalog_resolve(cat, "scrbe", &sug));
	assert_true(sug.n >= 1);
	assert_string_equal(sug.v[0], "scribe");
	strv_release(&sug);
	catalog_free(cat);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loader),
		cmocka_unit_test(test_resolve),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
