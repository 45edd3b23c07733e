/*
 * complete.c: what can come next on a command line, as a pure function
 * of the line and the cursor (R3, R4): commands and aliases from the
 * command table, options from the command's specs, option values by
 * their kind (layers, use cases, statuses from the catalog; formats,
 * colour modes), service names and glossary terms where the command
 * takes them, multi-word names a word at a time. The REPL's readline
 * completer and `awsai __complete` (for bash, zsh and fish) both call
 * complete_line(), so the shell and the REPL never disagree.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "awsai.h"

static const char *const formats[] = { "table", "plain", "tsv", "csv",
    "json", "jsonl", NULL };
static const char *const colors[] = { "auto", "always", "never", NULL };
static const char *const shells[] = { "bash", "zsh", "fish", NULL };

void
completion_release(struct completion *c)
{
	strv_release(&c->words);
	strv_release(&c->descs);
	free(c->prefix);
	memset(c, 0, sizeof(*c));
}

/* Does s start with prefix, ignoring case? */
static int
starts(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Adds word (with desc) if it starts with cur and is not there yet, case
 * aside: the first spelling added wins, so ids come before names.
 */
static void
add(struct completion *c, const char *cur, const char *word,
    const char *desc)
{
	if (!starts(word, cur))
		return;
	for (size_t i = 0; i < c->words.n; i++)
		if (strcasecmp(c->words.v[i], word) == 0)
			return;
	strv_push(&c->words, word);
	strv_push(&c->descs, desc != NULL ? desc : "");
}

static void
add_list(struct completion *c, const char *cur, const char *const *v,
    const char *desc)
{
	for (; *v != NULL; v++)
		add(c, cur, *v, desc);
}

/* The commands and aliases (the REPL's own ones only in the REPL). */
static void
add_commands(struct completion *c, const char *cur, int repl)
{
	const struct cmd *const *t = cmd_table(NULL);

	for (; *t != NULL; t++) {
		if (((*t)->flags & CMD_HIDDEN) ||
		    (!repl && ((*t)->flags & CMD_REPL_ONLY)))
			continue;
		add(c, cur, (*t)->name, (*t)->summary);
		for (const char *const *a = (*t)->aliases; a && *a; a++)
			add(c, cur, *a, (*t)->summary);
	}
}

/* The long and short names of opts, for a word starting with "-". */
static void
add_options(struct completion *c, const char *cur, const struct opt *opts)
{
	char	buf[64];

	for (size_t i = 0; i < opt_count(opts); i++) {
		snprintf(buf, sizeof(buf), "--%s", opts[i].longname);
		add(c, cur, buf, opts[i].help);
		if (opts[i].shortname && strlen(cur) <= 2) {
			snprintf(buf, sizeof(buf), "-%c", opts[i].shortname);
			add(c, cur, buf, opts[i].help);
		}
	}
}

/* Values from the catalog for kind ("layer", "usecase", ...). */
static void
add_choices(struct completion *c, struct catalog *cat, const char *kind,
    const char *cur, const char *lead)
{
	struct strv	w = { 0 }, d = { 0 };

	if (cat == NULL || catalog_choices(cat, kind, NULL, &w, &d) == -1)
		return;
	for (size_t i = 0; i < w.n; i++) {
		char *word = xasprintf("%s%s", lead, w.v[i]);

		add(c, cur, word, d.v[i]);
		free(word);
	}
	strv_release(&w);
	strv_release(&d);
}

/* The word that comes after done[0..k) in name, if they match it. */
static char *
next_word(const char *name, char *const *done, size_t k)
{
	struct strv	 parts = { 0 };
	const char	*err;
	char		*out = NULL;

	words_split(name, &parts, &err, 0);
	if (parts.n > k) {
		size_t i;

		for (i = 0; i < k; i++)
			if (strcasecmp(parts.v[i], done[i]) != 0)
				break;
		if (i == k)
			out = xstrdup(parts.v[k]);
	}
	strv_release(&parts);
	return out;
}

/*
 * Names of kind ("name" or "term") a word at a time: the operand words
 * already typed (done, k of them) may be the start of a multi-word name.
 * The most words that still match win.
 */
static void
add_names(struct completion *c, struct catalog *cat, const char *kind,
    char *const *done, size_t k, const char *cur)
{
	struct strv	w = { 0 }, d = { 0 };
	const char	*pre;
	int		lower = 1;

	for (const char *p = cur; *p != '\0'; p++)
		lower &= !isupper((unsigned char)*p);
	if (cat == NULL)
		return;
	/* the first word only: just the names that start with it */
	pre = k == 0 ? cur : NULL;
	if (strcmp(kind, "name") == 0)
		catalog_choices(cat, "service", pre, &w, &d);
	if (catalog_choices(cat, kind, pre, &w, &d) == -1)
		goto out;
	for (size_t from = 0; from <= k && c->words.n == 0; from++)
		for (size_t i = 0; i < w.n; i++) {
			char *nw = next_word(w.v[i], done + from, k - from);

			/* typed in lower case, offered in lower case: the
			 * shells' common prefix is case-sensitive */
			for (char *p = nw; nw != NULL && lower && *p; p++)
				*p = (char)tolower((unsigned char)*p);
			if (nw != NULL)
				add(c, cur, nw, d.v[i]);
			free(nw);
		}
out:
	strv_release(&w);
	strv_release(&d);
}

/* The spec of option word (a long or short name) among opts, or NULL. */
static const struct opt *
find_opt(const struct opt *opts, const char *word)
{
	for (size_t i = 0; i < opt_count(opts); i++) {
		if (strncmp(word, "--", 2) == 0 &&
		    strcmp(word + 2, opts[i].longname) == 0)
			return &opts[i];
		if (word[0] == '-' && word[1] == opts[i].shortname &&
		    word[1] != '\0' && word[2] == '\0')
			return &opts[i];
	}
	return NULL;
}

/* Values of option o, each prefixed with lead. */
static void
add_values(struct completion *c, struct catalog *cat, const struct opt *o,
    const char *cur, const char *lead)
{
	enum val_kind	 val = o->val;
	const char *const *list = val == VAL_FORMAT ? formats :
	    val == VAL_COLOR ? colors : val == VAL_SHELL ? shells : NULL;

	for (; list != NULL && *list != NULL; list++) {
		char *word = xasprintf("%s%s", lead, *list);

		add(c, cur, word, NULL);
		free(word);
	}
	if (val == VAL_LAYER)
		add_choices(c, cat, "layer", cur, lead);
	else if (val == VAL_USECASE)
		add_choices(c, cat, "usecase", cur, lead);
	else if (val == VAL_ANSWER) {
		char *kind = xasprintf("answer:%s", o->longname);

		add_choices(c, cat, kind, cur, lead);
		free(kind);
	}
	else if (val == VAL_STATUS) {
		add_choices(c, cat, "status", cur, lead);
		{
			char *word = xasprintf("%sactive", lead);

			add(c, cur, word, "open to new customers");
			free(word);
		}
	}
}

/* Where the word under the cursor starts: after the last unquoted space. */
static size_t
word_start(const char *line, size_t cursor)
{
	size_t	start = 0;
	char	q = 0;

	for (size_t i = 0; i < cursor; i++) {
		if (q != 0) {
			if (line[i] == q)
				q = 0;
			else if (q == '"' && line[i] == '\\' && i + 1 < cursor)
				i++;
		} else if (line[i] == '\'' || line[i] == '"')
			q = line[i];
		else if (line[i] == '\\' && i + 1 < cursor)
			i++;
		else if (line[i] == ' ' || line[i] == '\t')
			start = i + 1;
	}
	return start;
}

/*
 * Fills c with what can replace the word that ends at cursor in line
 * (repl: the shell's own commands too, and a unique prefix names a
 * command). c->start is where that word begins. The catalog (or NULL)
 * gives names and values.
 */
void
complete_line(struct catalog *cat, const char *line, size_t cursor, int repl,
    struct completion *c)
{
	struct strv	 words = { 0 };
	char		*head = xstrndup(line, cursor);
	const char	*err, *cur;
	size_t		 n;

	memset(c, 0, sizeof(*c));
	c->start = word_start(line, cursor);
	words_split(head, &words, &err, 0);
	n = words.n;
	cur = c->start < cursor ? words.v[--n] : "";
	c->prefix = xstrdup(cur);
	complete_words(cat, words.v, n, cur, repl, c);
	strv_release(&words);
	free(head);
}

/* cmd's operands: done[0..n) is what follows the command name. */
static void
add_operands(struct completion *c, struct catalog *cat, const struct cmd *cmd,
    char *const *done, size_t n, const char *cur, int repl)
{
	const struct opt *o;
	char		**ops = xcalloc(n + 1, sizeof(*ops));
	size_t		 k = 0;

	/* the operands typed so far, options and their values left out */
	for (size_t j = 0; j < n; j++) {
		if (done[j][0] != '-') {
			ops[k++] = done[j];
			continue;
		}
		if (((o = find_opt(cmd->opts, done[j])) != NULL ||
		    (o = find_opt(global_opts, done[j])) != NULL) &&
		    o->val != VAL_NONE && o->val != VAL_COLOR)
			j++;
	}
	switch (cmd->operand) {
	case VAL_SERVICE:
	case VAL_TERM:
		add_names(c, cat, cmd->operand == VAL_SERVICE ? "name" : "term",
		    ops, k, cur);
		break;
	case VAL_COMMAND:
		if (k == 0)
			add_commands(c, cur, repl);
		break;
	case VAL_SHELL:
		if (k == 0)
			add_list(c, cur, shells, NULL);
		break;
	default:
		break;
	}
	free(ops);
}

/*
 * The same, for a line already in words: done[0..n) before the word
 * being completed, cur (`awsai __complete` gets them from the shell).
 */
void
complete_words(struct catalog *cat, char *const *done, size_t n,
    const char *cur, int repl, struct completion *c)
{
	const struct cmd *cmd = NULL;
	const struct opt *o;
	size_t		 i = 0;
	const char	*eq;

	/* global options first, with their values */
	while (i < n && done[i][0] == '-') {
		o = find_opt(global_opts, done[i]);
		i += o != NULL && o->val != VAL_NONE && o->val != VAL_COLOR &&
		    strchr(done[i], '=') == NULL ? 2 : 1;
	}
	if (i >= n) {
		if (i > n)	/* the value of the last global option */
			add_values(c, cat, find_opt(global_opts,
			    done[n - 1]), cur, "");
		else if (cur[0] == '-')
			add_options(c, cur, global_opts);
		else
			add_commands(c, cur, repl);
		goto out;
	}
	if ((cmd = cmd_find(done[i])) == NULL && repl)
		cmd = cmd_find_prefix(done[i], NULL);
	if (cmd == NULL)
		goto out;
	if (n > i + 1 && (((o = find_opt(cmd->opts, done[n - 1])) != NULL) ||
	    (o = find_opt(global_opts, done[n - 1])) != NULL) &&
	    o->val != VAL_NONE && o->val != VAL_COLOR) {
		add_values(c, cat, o, cur, "");
		goto out;
	}
	if (strncmp(cur, "--", 2) == 0 && (eq = strchr(cur, '=')) != NULL) {
		char *name = xstrndup(cur, (size_t)(eq - cur));

		if ((o = find_opt(cmd->opts, name)) != NULL ||
		    (o = find_opt(global_opts, name)) != NULL) {
			char *lead = xstrndup(cur, (size_t)(eq - cur + 1));

			add_values(c, cat, o, cur, lead);
			free(lead);
		}
		free(name);
		goto out;
	}
	if (cur[0] == '-') {
		add_options(c, cur, cmd->opts);
		add_options(c, cur, global_opts);
		goto out;
	}
	add_operands(c, cat, cmd, done + i + 1, n - i - 1, cur, repl);
out:
	strv_sort2(&c->words, &c->descs);
}
