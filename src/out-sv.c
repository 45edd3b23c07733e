/*
 * out-sv.c: TSV and CSV: a header line of field names, then one line a
 * row. Lists are joined with commas (then escaped like any text).
 */
#include <stdlib.h>

#include "awsai.h"

/* The text of a cell: a string as it is, anything else made in tmp. */
static const char *
cell_text(const struct cell *c, enum cell_kind kind, struct strbuf *tmp)
{
	if (kind == CELL_STR || kind == CELL_JSON)
		return c->s != NULL ? c->s : "";
	tmp->len = 0;
	sb_adds(tmp, "");
	out_cell_text(c, kind, tmp);
	return tmp->buf;
}

/* Each line is made in one buffer and written in one piece. */
int
out_sv(const struct outspec *o, const struct result *res, int sep)
{
	struct strbuf	 line = { 0 }, tmp = { 0 };
	const char	*eol = sep == ',' ? "\r\n" : "\n", *t;

	for (size_t c = 0; c < res->ncols && !res->noheader && !o->no_headers;
	    c++) {
		fputs(res->cols[c].name, o->fp);
		fputs(c + 1 < res->ncols ? (sep == ',' ? "," : "\t") : eol,
		    o->fp);
	}
	for (size_t r = 0; r < res->nrows; r++) {
		line.len = 0;
		for (size_t c = 0; c < res->ncols; c++) {
			t = cell_text(&res->cells[r * res->ncols + c],
			    res->cols[c].kind, &tmp);
			if (c > 0)
				sb_addc(&line, sep);
			if (sep == ',')
				out_escape_csv(&line, t);
			else
				out_escape_tsv(&line, t);
		}
		sb_adds(&line, eol);
		fwrite(line.buf, 1, line.len, o->fp);
	}
	sb_release(&line);
	sb_release(&tmp);
	return 0;
}
