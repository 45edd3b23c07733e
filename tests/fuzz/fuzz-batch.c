/*
 * fuzz-batch.c: "awsai ask -j 1 -" on any standard input (lines of any
 * length, NUL bytes, invalid UTF-8), through the command dispatcher.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char a0[] = "awsai", a1[] = "-o", a2[] = "jsonl", a3[] = "ask",
	    a4[] = "-n", a5[] = "2", a6[] = "-j", a7[] = "1", a8[] = "-";
	/* one process: a fork would take the fuzzer's state with it */
	static char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, NULL };
	struct ctx	 ctx;
	const char	*path;

	fuzz_quiet();
	path = fuzz_file(data, size, ".txt");
	if (freopen(path, "rb", stdin) == NULL)
		abort();
	memset(&ctx, 0, sizeof(ctx));
	ctx.fmt = FMT_AUTO;
	ctx.color = COLOR_NEVER;
	ctx.catalog = fuzz_catalog();
	ctx.no_pager = 1;
	cmd_main(&ctx, 9, argv);
	clearerr(stdin);
	return 0;
}
