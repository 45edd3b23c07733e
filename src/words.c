/*
 * words.c: a line of the shell or of a script split into words as a
 * POSIX shell does: spaces separate, '...' keeps everything, "..." keeps
 * everything but \" and \\, a backslash outside quotes escapes the next
 * character. A "#" starting a word starts a comment. Commands on one
 * line (for -c) are separated by ";" outside quotes.
 */
#include <string.h>

#include "awsai.h"

/*
 * Splits line into words (added to out). Returns 0, or -1 with *err set
 * to what is wrong (an unterminated quote); out then holds the words
 * read so far, the last one unfinished, for completion. With cmds set, a
 * ";" outside quotes ends a command: the words of each are added to out
 * followed by a NULL-free separator word ";".
 */
int
words_split(const char *line, struct strv *out, const char **err, int cmds)
{
	struct strbuf	 w = { 0 };
	const char	*p = line;
	int		 inword = 0, rc = 0;
	char		 q = 0;

	*err = NULL;
	for (; *p != '\0'; p++) {
		if (q == '\'') {
			if (*p == '\'')
				q = 0;
			else
				sb_addc(&w, *p);
			continue;
		}
		if (q == '"') {
			if (*p == '"')
				q = 0;
			else if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				sb_addc(&w, *++p);
			else
				sb_addc(&w, *p);
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    (cmds && *p == ';')) {
			if (inword)
				strv_push(out, w.buf);
			if (cmds && *p == ';')
				strv_push(out, ";");
			w.len = 0;
			inword = 0;
			continue;
		}
		if (*p == '#' && !inword)
			break;
		if (w.len == 0)
			sb_adds(&w, "");
		inword = 1;
		if (*p == '\'' || *p == '"')
			q = *p;
		else if (*p == '\\' && p[1] != '\0')
			sb_addc(&w, *++p);
		else if (*p != '\\')
			sb_addc(&w, *p);
	}
	if (q != 0) {
		*err = q == '\'' ? "unterminated quote (')" :
		    "unterminated quote (\")";
		rc = -1;
	}
	if (inword || q != 0) {
		sb_adds(&w, "");
		strv_push(out, w.buf);
	}
	sb_release(&w);
	return rc;
}

/*
 * Quotes s for a shell line if it needs it (caller frees): completions of
 * names with spaces come back quoted.
 */
char *
words_quote(const char *s)
{
	struct strbuf	sb = { 0 };

	if (*s != '\0' && strpbrk(s, " \t'\"\\#;") == NULL)
		return xstrdup(s);
	sb_addc(&sb, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			sb_adds(&sb, "'\\''");
		else
			sb_addc(&sb, *s);
	}
	sb_addc(&sb, '\'');
	return sb_detach(&sb);
}
