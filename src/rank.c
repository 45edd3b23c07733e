/*
 * rank.c: every weight and limit of ask's ranking, in one named set.
 * The defaults are below; for experiments, AWSAI_RANK="name=value,..."
 * overrides any of them at run time (docs/ARCHITECTURE.md lists them),
 * and `make accuracy` measures the effect.
 */
#include <stdlib.h>
#include <string.h>

#include "awsai.h"

#define P(name, value, what) { #name, offsetof(struct rank_params, name), \
	value, what }

static const struct {
	const char	*name;
	size_t		 off;
	double		 value;
	const char	*what;
} table[] = {
	P(w_name, 1.5, "a service's name or alias matched"),
	P(w_task, 1.6, "its best matching task"),
	P(w_summary, 1.0, "its summary"),
	P(w_desc, 0.5, "its description"),
	P(w_moretask, 0.25, "share of further matching tasks"),
	P(w_usecase, 6.0, "a use case the question names, times its weight"),
	P(w_expansion, 0.6, "a synonym's tokens, against the question's own"),
	P(w_typo, 0.85, "a word corrected to a service-name word"),
	P(w_cover, 1.0, "how much the share of the question left out costs"),
	P(w_exact, 2.0, "the question is exactly a service's name"),
	P(w_namectx, 0.4, "a name mentioned among other words"),
	P(w_family, 0.3, "lift of a part of a service the question names"),
	P(w_part, 0.85, "a part that adds nothing to its whole"),
	P(w_whole, 0.85, "a whole whose part does better what is asked"),
	P(bm25_k1, 1.2, "BM25 k1"),
	P(bm25_b, 0.5, "BM25 b"),
	P(w_cap, 1.0, "a capability's score, times its provider's strength"),
	P(cue_base, 12.0, "score of a matched cue"),
	P(cue_len, 0.2, "more per further word of a cue"),
	P(cue_more, 0.15, "share of further cues of the same capability"),
	P(cap_more, 0.3, "share of a service's further capabilities"),
	P(cue_gap, 2, "words allowed between a cue's words"),
	P(cue_gap_words, 2, "in Korean, whole words allowed between"),
	P(w_text_cap, 0.6, "text score where a capability matched"),
	P(cue_idf, 0.25, "power of a cue's words' rarity against the question's"),
	P(cue_within, 0.5, "share of a capability whose words are within "
	    "a stronger one's"),
	P(cue_done, 0.4, "share of a cue told as done (\"배포했는데\", \"were "
	    "transcribed\")"),
	P(w_denied, 0.3, "a word the question denies (\"without GPUs\", \"don't "
	    "want to manage servers\") in the text score"),
	P(k_purpose, 1.0, "weight of purpose-built capabilities"),
	P(k_generative, 1.0, "weight of generative capabilities"),
	P(k_own, 1.0, "weight of own-model capabilities"),
	P(k_infra, 1.0, "weight of infrastructure capabilities"),
	P(k_app, 1.0, "weight of application capabilities"),
	P(k_build, 1.0, "weight of building-it-yourself capabilities"),
	P(w_build_app, 0.5, "a ready-made application's share when the "
	    "question says its own developers build it"),
	P(w_ready_block, 0.5, "a building block's share when the question "
	    "wants an application ready to use"),
	P(w_closed, 0.7, "a closed service with a successor, for a new customer"),
	P(w_lift, 1.0, "a successor takes this share of what it replaces"),
	P(w_spec_short, 0.3, "the share an instance family keeps whose "
	    "accelerators hold less memory than asked"),
	P(cutoff, 0.05, "results below this share of the top are dropped"),
	P(conf_high, 0.8, "share of the top for high confidence"),
	P(conf_medium, 0.45, "share of the top for medium confidence"),
	P(min_evidence, 0.15, "least share of the question for any answer"),
	P(min_weight, 6.0, "or least weight of the words it matched"),
};

#define NPARAMS (sizeof(table) / sizeof(table[0]))

static struct rank_params params;
static int loaded;

/* Applies "name=value,..." to p; reports what it cannot use. */
static void
apply(struct rank_params *p, const char *spec)
{
	char	*copy = xstrdup(spec), *item, *save = NULL, *eq, *end;
	double	 v;
	size_t	 i;

	for (item = strtok_r(copy, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		if ((eq = strchr(item, '=')) == NULL) {
			diag_warn("AWSAI_RANK: \"%s\" is not name=value", item);
			continue;
		}
		*eq++ = '\0';
		for (i = 0; i < NPARAMS; i++)
			if (strcmp(table[i].name, item) == 0)
				break;
		v = strtod(eq, &end);
		if (i == NPARAMS || *end != '\0' || end == eq)
			diag_warn("AWSAI_RANK: no parameter \"%s\" or bad value "
			    "\"%s\"", item, eq);
		else
			*(double *)((char *)p + table[i].off) = v;
	}
	free(copy);
}

/* The ranking parameters: defaults, then AWSAI_RANK (borrowed). */
const struct rank_params *
rank_params(void)
{
	const char	*spec;

	if (loaded)
		return &params;
	for (size_t i = 0; i < NPARAMS; i++)
		*(double *)((char *)&params + table[i].off) = table[i].value;
	if ((spec = getenv("AWSAI_RANK")) != NULL && *spec != '\0')
		apply(&params, spec);
	loaded = 1;
	return &params;
}

/* Prints every parameter, its value and what it weighs, to fp. */
void
rank_params_print(FILE *fp)
{
	const struct rank_params *p = rank_params();

	for (size_t i = 0; i < NPARAMS; i++)
		fprintf(fp, "%-14s %8.3f  %s\n", table[i].name,
		    *(const double *)((const char *)p + table[i].off),
		    table[i].what);
}
