/*
 * search-spec.c: an amount of accelerator memory the question asks for
 * ("140 GB of HBM per GPU", "GPU 메모리 48GB"), held against the instance
 * families' specs. A family whose accelerators hold it keeps its score,
 * the least that does all of it and a larger one the square root of the
 * least's memory over its own (it costs more); one that holds less keeps
 * w_spec_short of it: the explain object's part "spec". Nothing else is
 * touched: a question with no such amount, or a service with no such
 * spec, scores as before.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

#define MEM_FIT		0.9	/* of the amount asked: specs round */

/* Does text hold one of words (lowercased ASCII or Hangul)? */
static int
holds(const char *text, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strstr(text, *words) != NULL)
			return 1;
	return 0;
}

static const char *const gpu_words[] = { "gpu", "accelerator", "가속기",
    "vram", "hbm", NULL };
static const char *const mem_words[] = { "memory", "vram", "hbm", "메모리",
    NULL };
static const char *const per_words[] = { "per gpu", "each gpu", "a gpu",
    "one gpu", "single gpu", "per accelerator", "gpu당", "gpu 하나",
    "gpu 1개", "단일 gpu", NULL };
static const char *const total_words[] = { "total", "combined",
    "aggregate", "altogether", "across", "합계", "총 ", NULL };

/* Does s hold a number and then a unit of memory (cheaply: a digit,
 * more digits, dots or spaces, then g, t, 기 or 테)? */
static int
has_amount(const char *s)
{
	for (const char *p = s; *p != '\0'; p++) {
		const char *u = p;

		if (!isdigit((unsigned char)*p))
			continue;
		while (isdigit((unsigned char)*u) || *u == '.' || *u == ' ')
			u++;
		if (strchr("gGtT", *u) != NULL && *u != '\0')
			return 1;
		if (strncmp(u, "기", 3) == 0 || strncmp(u, "테", 3) == 0)
			return 1;
		p = u - 1;
	}
	return 0;
}

/* The largest amount of memory in sentence s (lowercased), in GB, or 0:
 * "won't fit on 80 GB GPUs, we need 140 GB" asks for 140. */
static double
amount(const char *s)
{
	double	 most = 0;

	for (const char *p = s; *p != '\0'; p++) {
		char	*u;
		double	 v, scale = 0;

		if (!isdigit((unsigned char)*p) || (p > s &&
		    (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
			continue;
		v = strtod(p, &u);
		while (*u == ' ')
			u++;
		if (strncmp(u, "gib", 3) == 0)
			scale = 1, u += 3;
		else if (strncmp(u, "gb", 2) == 0)
			scale = 1, u += 2;
		else if (strncmp(u, "기가", 6) == 0)
			scale = 1, u += 6;
		else if (strncmp(u, "tib", 3) == 0)
			scale = 1024, u += 3;
		else if (strncmp(u, "tb", 2) == 0)
			scale = 1024, u += 2;
		else if (strncmp(u, "테라", 6) == 0)
			scale = 1024, u += 6;
		/* "25 gbps" is no size */
		if (scale > 0 && !isalpha((unsigned char)*u) && v * scale > most)
			most = v * scale;
	}
	return most;
}

/*
 * The amount of memory, in GB, a sentence of s asks for ("140 GB",
 * "48GB", "1.5 TB", "80기가"), or 0: a number and a unit in a sentence
 * that speaks of accelerators and of memory. *per says whether it is of
 * each accelerator (else of the whole instance).
 */
static double
asked_memory(const char *s, int *per)
{
	char	*low, *p, *sent, *end;
	double	 gb = 0;

	if (!has_amount(s))
		return 0;	/* most questions: no copy */
	low = xstrdup(s);
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (sent = low; gb == 0 && *sent != '\0'; sent = end) {
		char	 save;

		/* a sentence ends at . ! ? or a line's end, not at "1.5" */
		for (end = sent; *end != '\0' && !(strchr("!?\n", *end) !=
		    NULL || (*end == '.' && !(end > sent &&
		    isdigit((unsigned char)end[-1]) &&
		    isdigit((unsigned char)end[1])))); end++)
			;
		save = *end;
		*end = '\0';
		if (holds(sent, gpu_words) && holds(sent, mem_words))
			gb = amount(sent);
		if (gb > 0)
			*per = holds(sent, per_words) ? 1 :
			    holds(sent, total_words) ? 0 : gb <= 300;
		*end = save;
		if (*end != '\0')
			end++;
	}
	free(low);
	return gb < 4 || gb > 100000 ? 0 : gb;
}

static void
add_memory(void *arg, const char *id, double n, double gib)
{
	struct search	*s = arg;

	for (size_t i = 0; i < s->nsvc; i++)
		if (strcmp(s->svc[i].id, id) == 0) {
			s->accn[i] = n;
			s->accmem[i] = gib;
			return;
		}
}

/*
 * Reads what memory the question asks for (text as typed) into s->q:
 * memask, memper and memmin, the least memory of a family that holds it
 * (0 if none does or nothing is asked).
 */
void
spec_read(struct search *s, const char *text)
{
	struct question	*qn = &s->q;

	qn->memask = asked_memory(text, &qn->memper);
	qn->memmin = 0;
	if (qn->memask == 0)
		return;
	if (s->accmem == NULL) {
		s->accmem = xcalloc(s->nsvc + 1, sizeof(*s->accmem));
		s->accn = xcalloc(s->nsvc + 1, sizeof(*s->accn));
		(void)catalog_accelerator_memory(s->cat, add_memory, s);
	}
	for (size_t i = 0; i < s->nsvc; i++) {
		double	have = qn->memper ? s->accmem[i] :
			    s->accmem[i] * s->accn[i];

		if (have > 0 && have >= qn->memask * MEM_FIT &&
		    (qn->memmin == 0 || have < qn->memmin))
			qn->memmin = have;
	}
}

/* The share of its score service i keeps for the memory the question
 * asks for: 1 if it asks none or i has no such spec. */
double
spec_fit(const struct search *s, int i)
{
	const struct question *qn = &s->q;
	double	have;

	if (qn->memask == 0 || qn->memmin == 0 || s->accmem == NULL ||
	    s->accmem[i] == 0)
		return 1;
	have = qn->memper ? s->accmem[i] : s->accmem[i] * s->accn[i];
	if (have < qn->memask * MEM_FIT)
		return s->p->w_spec_short;
	return sqrt(qn->memmin / have);	/* the least that holds it: 1 */
}
