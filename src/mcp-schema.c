/*
 * mcp-schema.c: the MCP server's tools as tools/list describes them:
 * names, descriptions, input and output JSON Schemas, annotations. The
 * layer, use-case and status values in the schemas come from the
 * catalog, so a catalog with other layers gets other enums.
 */
#include <stdlib.h>
#include <string.h>

#include "mcp.h"

#define SCHEMA "https://json-schema.org/draft/2020-12/schema"

/* The fields of a service that list and compare both give. */
#define SERVICE_FIELDS \
"    \"id\": {\"type\": \"string\"}, \"name\": {\"type\": \"string\"}," \
"    \"layer\": {\"type\": \"string\"}," \
"    \"usecases\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}," \
"    \"status\": {\"type\": \"string\", \"enum\": \"%S\"}," \
"    \"successor\": {\"type\": [\"string\", \"null\"]},"

/* The properties of one of ask's results (ask and choose give them). */
#define ASK_RESULT \
"    \"rank\": {\"type\": \"integer\"}, \"id\": {\"type\": \"string\"}," \
"    \"name\": {\"type\": \"string\"}, \"layer\": {\"type\": \"string\"}," \
"    \"status\": {\"type\": \"string\", \"enum\": \"%S\"}," \
"    \"successor\": {\"type\": [\"string\", \"null\"]}," \
"    \"score\": {\"type\": \"number\"}," \
"    \"confidence\": {\"type\": \"string\"," \
"     \"enum\": [\"high\", \"medium\", \"low\"]}," \
"    \"why\": {\"type\": \"string\"}}," \
"   \"required\": [\"rank\", \"id\", \"name\", \"layer\", \"status\"," \
"    \"successor\", \"score\", \"confidence\", \"why\"]}}},"

/* The output of ask and choose: their ranked results. */
#define ASK_OUTPUT \
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\"," \
"  \"properties\": {\"results\": {\"type\": \"array\", \"items\": {" \
"   \"type\": \"object\", \"properties\": {" \
ASK_RESULT \
"  \"required\": [\"results\"]},"

/* compare's entry in tools/list (between list and define). */
static const char mcp_compare_tool[] =
"{\"name\": \"compare\", \"title\": \"Compare AWS AI services\","
" \"description\": \"Two to five AWS AI/ML services side by side: layer, "
"use cases, lifecycle status and date, successor, AWS CLI namespace, "
"instance specs for EC2 families, summary and first tasks. Use it to "
"choose between candidates ask returned.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"services\": {\"type\": \"array\", \"minItems\": 2,"
"   \"maxItems\": 5, \"items\": {\"type\": \"string\", \"minLength\": 1},"
"   \"description\": \"ids, names or aliases\"}},"
"  \"required\": [\"services\"], \"additionalProperties\": false},"
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"services\": {\"type\": \"array\", \"items\": {"
"   \"type\": \"object\", \"properties\": {"
SERVICE_FIELDS
"    \"cli\": {\"type\": [\"string\", \"null\"]},"
"    \"specs\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
"    \"summary\": {\"type\": \"string\"},"
"    \"tasks\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}},"
"   \"required\": [\"id\", \"name\", \"layer\", \"status\", \"summary\"]}}},"
"  \"required\": [\"services\"]},"
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},";

/* The tools, in tools/list's order. "%L", "%U", "%S" become the
 * catalog's layers, use cases and statuses, "%{slot}" the answers of a
 * question of choose. */
static const char tools_json[] = "["
"{\"name\": \"ask\", \"title\": \"Which AWS AI service fits a task\","
" \"description\": \"Rank AWS AI and machine-learning services for a task "
"described in plain words, English or Korean (\\\"OCR for scanned "
"invoices\\\", \\\"회의 녹음을 텍스트로\\\"). Returns the best services "
"first with their layer (service: ready-made AI; platform: generative AI "
"on foundation models; infrastructure: build and run your own models), "
"lifecycle status, the successor of a closed service, a confidence and "
"why each fits. Services closed to new customers rank after their "
"successors unless existing is true.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"task\": {\"type\": \"string\", \"minLength\": 1,"
"   \"description\": \"what must be done, in words\"},"
"   \"layer\": {\"type\": \"string\", \"enum\": \"%L\","
"    \"description\": \"only services of this layer\"},"
"   \"usecase\": {\"type\": \"string\", \"enum\": \"%U\","
"    \"description\": \"only services for this use case\"},"
"   \"limit\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 20,"
"    \"default\": 5, \"description\": \"how many services\"},"
"   \"existing\": {\"type\": \"boolean\", \"default\": false,"
"    \"description\": \"rank by relevance alone, as an existing customer "
"would: closed services keep their place\"}},"
"  \"required\": [\"task\"], \"additionalProperties\": false},"
ASK_OUTPUT
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},"
"{\"name\": \"show\", \"title\": \"An AWS AI service's card\","
" \"description\": \"The catalog record of one AWS AI/ML service, by id, "
"name or alias (\\\"rekognition\\\", \\\"Amazon Bedrock\\\"): layer, use "
"cases, summary in English and Korean, description, typical tasks, "
"lifecycle status and date, successor, related services, AWS CLI "
"namespace, documentation, sources, instance specs for EC2 families.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"service\": {\"type\": \"string\", \"minLength\": 1,"
"   \"description\": \"id, name or alias\"}},"
"  \"required\": [\"service\"], \"additionalProperties\": false},"
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"id\": {\"type\": \"string\"},"
"   \"name\": {\"type\": \"string\"}, \"layer\": {\"type\": \"string\"},"
"   \"status\": {\"type\": \"string\", \"enum\": \"%S\"},"
"   \"summary\": {\"type\": \"string\"},"
"   \"docs\": {\"type\": \"string\"}},"
"  \"required\": [\"id\", \"name\", \"layer\", \"status\", \"summary\","
"   \"docs\"]},"
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},"
"{\"name\": \"list\", \"title\": \"List AWS AI services\","
" \"description\": \"List the catalog's AWS AI/ML services, optionally "
"only one layer, use case or status (active: open to new customers).\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"layer\": {\"type\": \"string\", \"enum\": \"%L\"},"
"   \"usecase\": {\"type\": \"string\", \"enum\": \"%U\"},"
"   \"status\": {\"type\": \"string\", \"enum\": \"%A\"}},"
"  \"additionalProperties\": false},"
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"services\": {\"type\": \"array\", \"items\": {"
"   \"type\": \"object\", \"properties\": {"
SERVICE_FIELDS
"    \"summary\": {\"type\": \"string\"}},"
"   \"required\": [\"id\", \"name\", \"layer\", \"usecases\", \"status\","
"    \"successor\", \"summary\"]}}},"
"  \"required\": [\"services\"]},"
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},"
"%C"
"{\"name\": \"related\", \"title\": \"Services related to one\","
" \"description\": \"A service's successor (what AWS points new "
"customers to when it closes), predecessors, the whole it is part of and "
"its parts, alternatives and complements, each with the relation.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"service\": {\"type\": \"string\", \"minLength\": 1,"
"   \"description\": \"id, name or alias\"}},"
"  \"required\": [\"service\"], \"additionalProperties\": false},"
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"related\": {\"type\": \"array\", \"items\": {"
"   \"type\": \"object\", \"properties\": {"
"    \"relation\": {\"type\": \"string\"}, \"id\": {\"type\": \"string\"},"
"    \"name\": {\"type\": \"string\"}, \"layer\": {\"type\": \"string\"},"
"    \"status\": {\"type\": \"string\", \"enum\": \"%S\"}},"
"   \"required\": [\"relation\", \"id\", \"name\", \"layer\", \"status\"]}}},"
"  \"required\": [\"related\"]},"
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},"
"{\"name\": \"choose\", \"title\": \"Choose by a few answers\","
" \"description\": \"The guided decision of awsai choose: what you want "
"to do (a ready-made AI capability, a generative-AI app on foundation "
"models, or your own model), what the task is about and a follow-up, "
"answered by answer id; gives the layer's best services with why. "
"Answer only what the earlier answers lead to.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"want\": {\"type\": \"string\", \"enum\": \"%{want}\"},"
"   \"domain\": {\"type\": \"string\", \"enum\": \"%{domain}\"},"
"   \"stage\": {\"type\": \"string\", \"enum\": \"%{stage}\"},"
"   \"mode\": {\"type\": \"string\", \"enum\": \"%{mode}\"},"
"   \"data\": {\"type\": \"string\", \"enum\": \"%{data}\"},"
"   \"customer\": {\"type\": \"string\", \"enum\": \"%{customer}\"}},"
"  \"required\": [\"want\"], \"additionalProperties\": false},"
ASK_OUTPUT
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}},"
"{\"name\": \"define\", \"title\": \"Define an AI/ML term\","
" \"description\": \"A glossary entry for an AI or machine-learning "
"concept, in English and Korean (\\\"foundation model\\\", \\\"RAG\\\", "
"\\\"파인튜닝\\\"); a prefix finds the terms it starts.\","
" \"inputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"term\": {\"type\": \"string\", \"minLength\": 1}},"
"  \"required\": [\"term\"], \"additionalProperties\": false},"
" \"outputSchema\": {\"$schema\": \"" SCHEMA "\", \"type\": \"object\","
"  \"properties\": {\"entries\": {\"type\": \"array\", \"items\": {"
"   \"type\": \"object\", \"properties\": {"
"    \"id\": {\"type\": \"string\"}, \"term\": {\"type\": \"string\"},"
"    \"term_ko\": {\"type\": \"string\"},"
"    \"definition\": {\"type\": \"string\"},"
"    \"definition_ko\": {\"type\": \"string\"}},"
"   \"required\": [\"id\", \"term\", \"term_ko\", \"definition\","
"    \"definition_ko\"]}}},"
"  \"required\": [\"entries\"]},"
" \"annotations\": {\"readOnlyHint\": true, \"openWorldHint\": false}}"
"]";

/* A JSON array of the values of kind ("layer", "usecase", "status"). */
static char *
enum_of(struct ctx *ctx, const char *kind, int active)
{
	struct strv	 v = { 0 };
	json_t		*a = json_array();
	char		*text;

	catalog_values(ctx->catalog, kind, &v);
	for (size_t i = 0; i < v.n; i++)
		if (active || strcmp(v.v[i], "active") != 0)
			json_array_append_new(a, json_string(v.v[i]));
	strv_release(&v);
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return text;
}

/* A JSON array of the answer ids choose takes for slot. */
static char *
answers_of(struct ctx *ctx, const char *slot, size_t n)
{
	struct strv	 w = { 0 }, d = { 0 };
	json_t		*a = json_array();
	char		*kind = xasprintf("answer:%.*s", (int)n, slot), *text;

	catalog_choices(ctx->catalog, kind, NULL, &w, &d);
	for (size_t i = 0; i < w.n; i++)
		json_array_append_new(a, json_string(w.v[i]));
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	strv_release(&w);
	strv_release(&d);
	free(kind);
	return text;
}

/*
 * Appends text to sb with its placeholders filled in from enums (layer,
 * usecase, status, every status) and, for "%{slot}", the answers of
 * choose's slot; "%C" appends mcp_compare_tool the same way.
 */
static void
fill(struct ctx *ctx, struct strbuf *sb, const char *text,
    char *const enums[4])
{
	const char	*end;
	size_t		 n;

	for (const char *p = text; *p != '\0'; p++) {
		/* the run up to a quote or a percent sign, as it is */
		if ((n = strcspn(p, "\"%")) > 0) {
			sb_add(sb, p, n);
			p += n - 1;
		} else if (p[0] == '"' && p[1] == '%' && p[2] != '\0' &&
		    p[3] == '"') {
			sb_adds(sb, enums[p[2] == 'L' ? 0 : p[2] == 'U' ? 1 :
			    p[2] == 'S' ? 2 : 3]);
			p += 3;
		} else if (p[0] == '"' && p[1] == '%' && p[2] == '{' &&
		    (end = strstr(p, "}\"")) != NULL) {
			char *a = answers_of(ctx, p + 3, (size_t)(end - p - 3));

			sb_adds(sb, a);
			free(a);
			p = end + 1;
		} else if (p[0] == '%' && p[1] == 'C') {
			fill(ctx, sb, mcp_compare_tool, enums);
			p++;
		} else
			sb_addc(sb, *p);
	}
}

/* tools_json with its placeholders filled in: tools/list's array. */
json_t *
mcp_build_tools(struct ctx *ctx)
{
	struct strbuf	 sb = { 0 };
	char		*enums[4] = { enum_of(ctx, "layer", 0), enum_of(ctx,
			    "usecase", 0), enum_of(ctx, "status", 0),
			    enum_of(ctx, "status", 1) };
	json_error_t	 err;
	json_t		*tools;

	fill(ctx, &sb, tools_json, enums);
	if ((tools = json_loads(sb.buf, 0, &err)) == NULL)
		BUG("the MCP tools do not parse: %s at %d", err.text,
		    err.column);
	for (int i = 0; i < 4; i++)
		free(enums[i]);
	sb_release(&sb);
	return tools;
}

