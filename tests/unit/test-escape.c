/*
 * test-escape.c: CSV, TSV and JSON escaping round-trip on commas, quotes,
 * tabs, newlines, backslashes, Korean text and emoji; and the fast path
 * that prints a score as jansson would.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "awsai.h"

static const char *const samples[] = {
	"plain",
	"comma, here",
	"\"quoted\" and \"\"doubled\"\"",
	"tab\there",
	"new\nline and\r\ncrlf",
	"back\\slash \\t not a tab",
	"한국어 텍스트, 음성 인식",
	"emoji 🚀🔥 and 👩‍💻",
	"",
	"all: ,\"\t\n\\ 한 🚀",
};

/* An RFC 4180 reader for one field. */
static char *
csv_read(const char *s)
{
	struct strbuf	 sb = { 0 };

	if (*s != '"')
		return xstrdup(s);
	sb_adds(&sb, "");
	for (s++; *s != '\0'; s++) {
		if (*s == '"') {
			if (s[1] == '"')
				s++;
			else
				break;
		}
		sb_addc(&sb, *s);
	}
	return sb_detach(&sb);
}

static char *
tsv_read(const char *s)
{
	struct strbuf	 sb = { 0 };

	sb_adds(&sb, "");
	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			sb_addc(&sb, *s);
			continue;
		}
		s++;
		sb_addc(&sb, *s == 't' ? '\t' : *s == 'n' ? '\n' :
		    *s == 'r' ? '\r' : *s);
	}
	return sb_detach(&sb);
}

/* What escape appends for s, alone (caller frees). */
static char *
escaped(void (*escape)(struct strbuf *, const char *), const char *s)
{
	struct strbuf	sb = { 0 };

	sb_adds(&sb, "");
	escape(&sb, s);
	return sb_detach(&sb);
}

static void
test_csv_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		char *e = escaped(out_escape_csv, samples[i]), *d = csv_read(e);

		assert_string_equal(d, samples[i]);
		if (strpbrk(samples[i], ",\"\r\n") != NULL)
			assert_int_equal(e[0], '"');
		else
			assert_string_equal(e, samples[i]);
		free(e);
		free(d);
	}
}

static void
test_tsv_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		char *e = escaped(out_escape_tsv, samples[i]), *d = tsv_read(e);

		assert_null(strpbrk(e, "\t\n\r"));
		assert_string_equal(d, samples[i]);
		free(e);
		free(d);
	}
}

static void
test_json_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		char		*e = out_json_string(samples[i]);
		json_error_t	 err;
		json_t		*j = json_loads(e, JSON_DECODE_ANY, &err);

		assert_non_null(j);
		assert_string_equal(json_string_value(j), samples[i]);
		json_decref(j);
		free(e);
	}
}

static void
test_json_invalid_utf8(void **state)
{
	char		*e;
	json_t		*j;
	json_error_t	 err;

	(void)state;
	e = out_json_string("bad \xff\xfe bytes \xc0\x80");
	j = json_loads(e, JSON_DECODE_ANY, &err);
	assert_non_null(j);
	assert_string_equal(json_string_value(j),
	    "bad \xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd\xef\xbf\xbd");
	json_decref(j);
	free(e);
}

/* A score's fast path prints every thousandth below 1000 exactly as
 * jansson does, and refuses every other number. */
static void
test_json_milli(void **state)
{
	json_t	*r = json_real(0);
	char	 a[OUT_MILLI_MAX], b[64];
	static const double others[] = { 0.0005, 1.23456, 1000.5, -1000.25,
	    1e-7, 12345.678, 3.0, -2.0, 0.0 };
	size_t	 n;

	(void)state;
	for (long k = -999999; k <= 999999; k++) {
		double v = (double)k / 1000;

		if (k % 1000 == 0)
			continue;
		assert_true(out_json_milli(a, v) > 0);
		json_real_set(r, v);
		n = json_dumpb(r, b, sizeof(b) - 1, JSON_ENCODE_ANY |
		    JSON_COMPACT | JSON_REAL_PRECISION(6));
		b[n] = '\0';
		if (strcmp(a, b) != 0)
			fail_msg("%.17g: %s, jansson %s", v, a, b);
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		assert_int_equal(out_json_milli(a, others[i]), 0);
	json_decref(r);
}

/* An integer is written as jansson writes one ("%lld"), at the ends of
 * its range too. */
static void
test_format_int(void **state)
{
	static const long long some[] = { 0, 1, -1, 9, 10, -10, 99, 100,
	    123456789, -987654321, 1000000000000LL, LLONG_MAX, LLONG_MIN,
	    LLONG_MIN + 1 };
	json_t	*j = json_integer(0);
	char	 a[UTIL_INT_MAX], b[64];
	size_t	 n;

	(void)state;
	for (size_t i = 0; i < sizeof(some) / sizeof(some[0]) + 20000; i++) {
		long long v = i < sizeof(some) / sizeof(some[0]) ? some[i] :
		    (long long)i * 7919 - 70000;

		n = util_format_int(a, v);
		assert_int_equal(n, strlen(a));
		json_integer_set(j, v);
		n = json_dumpb(j, b, sizeof(b) - 1, JSON_ENCODE_ANY);
		b[n] = '\0';
		assert_string_equal(a, b);
	}
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_tsv_round_trip),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_invalid_utf8),
		cmocka_unit_test(test_json_milli),
		cmocka_unit_test(test_format_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
