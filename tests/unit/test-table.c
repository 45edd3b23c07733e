/*
 * test-table.c: fitting tables to the terminal: no line wider than the
 * width at 40, 60, 80, 100 and 200 columns, with Korean and emoji
 * counted as two columns; the most dispensable column goes first; a cut
 * value ends in "…"; below the essential columns' minimum, cards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "awsai.h"

static const struct column cols[] = {
	{ "id", CELL_STR, 0, 9, 0, 0 },
	{ "name", CELL_STR, 0, 0, 8, 30 },
	{ "layer", CELL_STR, 0, 6, 5, 0 },
	{ "status", CELL_STR, COL_STATUS, 0, 6, 0 },
	{ "summary", CELL_STR, COL_SHRINK, 0, 0, 0 },
};

static void
fill(struct result *res)
{
	static const char *const rows[][5] = {
		{ "rekognition", "Amazon Rekognition", "service", "ga",
		    "얼굴·객체·텍스트를 찾는 사전 학습 이미지 분석 API 🚀 with a long English tail" },
		{ "aurora-pgvector", "Amazon Aurora PostgreSQL-Compatible "
		    "Edition with pgvector", "platform", "ga",
		    "Vector search inside PostgreSQL" },
		{ "forecast", "Amazon Forecast", "service", "closed",
		    "수요 예측 (신규 고객 가입 종료)" },
	};

	result_init(res, cols, 5);
	for (size_t r = 0; r < 3; r++) {
		struct cell *row = result_row(res);

		for (size_t c = 0; c < 5; c++)
			cell_set(&row[c], rows[r][c]);
	}
}

/* Renders res at width; the output (caller frees). */
static char *
render(const struct result *res, int width)
{
	struct outspec	 o = { .fmt = FMT_TABLE, .width = width };
	char		*buf = NULL;
	size_t		 len = 0;

	o.fp = open_memstream(&buf, &len);
	out_table(&o, res);
	fclose(o.fp);
	return buf;
}

/* The widest line of text, in display columns. */
static size_t
widest(const char *text)
{
	size_t	w = 0;

	for (const char *p = text; *p != '\0';) {
		size_t n = strcspn(p, "\n"), d = util_display_width(p, n);

		if (d > w)
			w = d;
		p += n + (p[n] == '\n');
	}
	return w;
}

static void
test_widths(void **state)
{
	static const int widths[] = { 40, 60, 80, 100, 200 };
	struct result	 res;

	(void)state;
	fill(&res);
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		char *out = render(&res, widths[i]);

		assert_true(widest(out) <= (size_t)widths[i]);
		assert_non_null(strstr(out, "NAME"));
		free(out);
	}
	result_release(&res);
}

static void
test_drop_order(void **state)
{
	struct result	 res;
	char		*out;

	(void)state;
	fill(&res);
	out = render(&res, 200);
	assert_non_null(strstr(out, "ID"));
	assert_non_null(strstr(out, "LAYER"));
	free(out);
	out = render(&res, 60);		/* the id goes first */
	assert_null(strstr(out, "ID  "));
	assert_non_null(strstr(out, "SUMMARY"));
	assert_non_null(strstr(out, "\xe2\x80\xa6"));
	free(out);
	result_release(&res);
}

static void
test_cards_when_narrow(void **state)
{
	struct result	 res;
	char		*out;

	(void)state;
	fill(&res);
	out = render(&res, 24);
	assert_true(widest(out) <= 24);
	assert_null(strstr(out, "NAME"));
	assert_non_null(strstr(out, "name"));
	assert_non_null(strstr(out, "status"));
	free(out);
	result_release(&res);
}

static void
test_unlimited(void **state)
{
	struct result	 res;
	char		*out;

	(void)state;
	fill(&res);
	out = render(&res, 0);
	assert_non_null(strstr(out, "Edition with pgvector"));
	assert_null(strstr(out, "\xe2\x80\xa6"));
	free(out);
	result_release(&res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_drop_order),
		cmocka_unit_test(test_cards_when_narrow),
		cmocka_unit_test(test_unlimited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
