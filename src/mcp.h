/*
 * mcp.h: what the MCP server's files share (mcp.c speaks the protocol,
 * mcp-tools.c runs the tools and resources, mcp-schema.c describes the
 * tools). Only mcp*.c include it.
 */
#ifndef AWSAI_MCP_H
#define AWSAI_MCP_H

#include <jansson.h>

#include "awsai.h"

/*
 * How the server writes JSON: compact, and reals with 15 significant
 * digits, so a score reads 73.837, not the 73.837000000000003 of a
 * double's last digits (an id a client sent is an integer or a string,
 * as JSON-RPC has it, and stays as it came).
 */
#define MCP_JSON_FLAGS	(JSON_COMPACT | JSON_REAL_PRECISION(15))

struct mcp {
	struct ctx	*ctx;		/* the command layer's context */
	const char	*legacy;	/* the version initialize chose, or NULL */
	int		 modern;	/* the request being answered is modern */
	json_t		*listen;	/* the open subscriptions/listen id */
	json_t		*tools;		/* tools/list's array */
	char		*asof;		/* the catalog's as-of date */
	int		 nservices;
};

/* mcp.c */
void	 mcp_message(struct mcp *, const char *, size_t);
void	 mcp_error(const json_t *, int, const char *, json_t *);
void	 mcp_result(struct mcp *, const json_t *, json_t *, int);
json_t	*mcp_server_info(struct mcp *);
void	 mcp_notification(struct mcp *, const char *, json_t *);
void	 mcp_listen(struct mcp *, const json_t *);

/* mcp-tools.c */
int	 mcp_init(struct mcp *, struct ctx *);
void	 mcp_free(struct mcp *);
int	 mcp_method(struct mcp *, const json_t *, const char *, json_t *);

/* mcp-schema.c */
json_t	*mcp_build_tools(struct ctx *);

#endif /* AWSAI_MCP_H */
