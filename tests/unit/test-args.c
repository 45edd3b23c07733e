/*
 * test-args.c: command lines parsed from the option specs: values by
 * option index, global options anywhere, exact messages for a bad
 * option, a synopsis generated from the specs, lookup by alias.
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

/* What diag printed since the last call. */
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

/* A writable copy of a NULL-terminated argv (freed at exit: a test). */
static char **
argv_of(const char *const *v, int *argc)
{
	char	**out;
	int	  n = 0;

	while (v[n] != NULL)
		n++;
	out = xcalloc((size_t)n + 1, sizeof(*out));
	for (int i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	*argc = n;
	return out;
}

static void
argv_free(char **v)
{
	for (int i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* The index of option name among c's options. */
static int
opt_index(const struct cmd *c, const char *name)
{
	for (size_t i = 0; i < opt_count(c->opts); i++)
		if (strcmp(c->opts[i].longname, name) == 0)
			return (int)i;
	fail_msg("no option %s", name);
	return -1;
}

static void
test_values(void **state)
{
	const struct cmd *c = cmd_find("ask");
	static const char *const v[] = { "ask", "-n", "3", "faces", "--layer",
	    "service", "-o", "json", "photos", NULL };
	struct ctx	 ctx = { 0 };
	struct args	 a = { 0 };
	int		 argc;
	char		**argv = argv_of(v, &argc);

	(void)state;
	assert_non_null(c);
	assert_int_equal(args_parse(&ctx, c, argc, argv, &a), 0);
	assert_string_equal(a.val[opt_index(c, "limit")], "3");
	assert_string_equal(a.val[opt_index(c, "layer")], "service");
	assert_int_equal(ctx.fmt, FMT_JSON);
	assert_int_equal(a.argc, 2);
	assert_string_equal(a.argv[0], "faces");
	assert_string_equal(a.argv[1], "photos");
	argv_free(argv);
}

static void
test_bad_options(void **state)
{
	const struct cmd *c = cmd_find("list");
	static const char *const u[] = { "list", "--nosuch", NULL };
	static const char *const v[] = { "list", "--layer", NULL };
	static const char *const b[] = { "ask", "-n", "0", "x", NULL };
	struct ctx	 ctx = { 0 };
	struct args	 a = { 0 };
	int		 n1, n2, n3;
	char		**unknown = argv_of(u, &n1), **novalue = argv_of(v, &n2);
	char		**badnum = argv_of(b, &n3);

	(void)state;
	messages();
	assert_int_equal(args_parse(&ctx, c, n1, unknown, &a), -1);
	assert_string_equal(messages(), "awsai: unknown option \"--nosuch\" "
	    "for \"list\" (see \"awsai help list\")\n");
	memset(&a, 0, sizeof(a));
	assert_int_equal(args_parse(&ctx, c, n2, novalue, &a), -1);
	assert_string_equal(messages(), "awsai: option \"--layer\" needs a "
	    "value (see \"awsai help list\")\n");
	memset(&a, 0, sizeof(a));
	assert_int_equal(args_parse(&ctx, cmd_find("ask"), n3, badnum, &a), -1);
	assert_string_equal(messages(), "awsai: --limit takes a whole number "
	    "from 1 to 1000, not \"0\"\n");
	argv_free(unknown);
	argv_free(novalue);
	argv_free(badnum);
}

static void
test_synopsis(void **state)
{
	struct strbuf	sb = { 0 };

	(void)state;
	usage_synopsis(cmd_find("list"), &sb);
	assert_string_equal(sb.buf, "[-l LAYER] [-s STATUS] [-u USECASE]");
	sb_release(&sb);
	usage_synopsis(cmd_find("show"), &sb);
	assert_string_equal(sb.buf, "SERVICE...");
	sb_release(&sb);
}

static void
test_lookup(void **state)
{
	size_t	n;
	const struct cmd *const *t = cmd_table(&n);

	(void)state;
	assert_ptr_equal(cmd_find("ls"), cmd_find("list"));
	assert_ptr_equal(cmd_find("which"), cmd_find("ask"));
	assert_null(cmd_find("lis"));
	assert_null(t[n]);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(t[i]->summary);
		assert_true(opt_count(t[i]->opts) <= ARGS_MAX);
		/* no option of a command shadows a global one */
		for (size_t k = 0; k < opt_count(t[i]->opts); k++)
			for (size_t g = 0; g < GOPT_N; g++) {
				assert_string_not_equal(t[i]->opts[k].longname,
				    global_opts[g].longname);
				assert_true(t[i]->opts[k].shortname == 0 ||
				    t[i]->opts[k].shortname !=
				    global_opts[g].shortname);
			}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_synopsis),
		cmocka_unit_test(test_lookup),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
