/*
 * out-sv.c: TSV and CSV: a header line of field names, then one line a
 * row. Lists are joined with commas (then escaped like any text).
 */
#include <stdlib.h>

#include "awsai.h"

int
out_sv(const struct outspec *o, const struct result *res, int sep)
{
	struct strbuf	 sb = { 0 };
	char		*e;

	for (size_t c = 0; c < res->ncols && !res->noheader && !o->no_headers;
	    c++) {
		fputs(res->cols[c].name, o->fp);
		fputs(c + 1 < res->ncols ? (sep == ',' ? "," : "\t") :
		    sep == ',' ? "\r\n" : "\n", o->fp);
	}
	for (size_t r = 0; r < res->nrows; r++) {
		for (size_t c = 0; c < res->ncols; c++) {
			sb.len = 0;
			sb_adds(&sb, "");
			out_cell_text(&res->cells[r * res->ncols + c],
			    res->cols[c].kind, &sb);
			e = sep == ',' ? out_escape_csv(sb.buf) :
			    out_escape_tsv(sb.buf);
			if (c > 0)
				fputc(sep, o->fp);
			fputs(e, o->fp);
			free(e);
		}
		fputs(sep == ',' ? "\r\n" : "\n", o->fp);
	}
	sb_release(&sb);
	return 0;
}
