/* fuzz-mcp.c: one MCP message, as a line the server reads, after an
 * initialize so that tools and resources are reachable. */
#include "fuzz.h"
#include "mcp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mcp	 m;
	static struct ctx	 ctx;
	static int		 ready;
	static const char	 init[] = "{\"jsonrpc\": \"2.0\", \"id\": 0, "
	    "\"method\": \"initialize\", \"params\": {\"protocolVersion\": "
	    "\"2025-11-25\", \"capabilities\": {}, \"clientInfo\": {\"name\": "
	    "\"fuzz\", \"version\": \"0\"}}}";

	if (!ready) {
		ctx.fmt = FMT_AUTO;
		ctx.catalog = fuzz_catalog();
		if (mcp_init(&m, &ctx) == -1)
			abort();
		mcp_message(&m, init, strlen(init));
		ready = 1;
	}
	mcp_message(&m, (const char *)data, size);
	return 0;
}
