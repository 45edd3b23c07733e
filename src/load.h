/*
 * load.h: what the loader's files share (load.c reads, load-scan.c finds
 * positions, load-check.c validates, load-emit.c turns records into
 * rows). Only load*.c include it; jansson stays inside the loader.
 */
#ifndef AWSAI_LOAD_H
#define AWSAI_LOAD_H

#include <jansson.h>

#include "awsai.h"

/* Where a value stands in its file: element idx of parent. */
struct pos {
	const json_t	*parent;
	size_t		 idx;		/* + POS_VALUE: a member's value */
	int		 line;
	int		 col;
};
#define POS_VALUE 1000000

struct file {
	char		*path;
	char		*text;
	size_t		 len;
	json_t		*root;
	struct pos	*pos;		/* sorted by (parent, idx) */
	size_t		 npos;
	size_t		 cappos;
};

/* One record of a section, and where it came from. */
struct rec {
	struct file	*file;
	json_t		*obj;		/* borrowed from file->root */
	json_t		*array;		/* the section array it is in */
	size_t		 idx;
	const char	*id;		/* NULL where the record has none */
};

enum section {
	SEC_META,
	SEC_LAYERS,
	SEC_USECASES,
	SEC_SERVICES,
	SEC_SYNONYMS,
	SEC_GLOSSARY,
	SEC_STAGES,
	SEC_ROLES,
	SEC_CAPABILITIES,
	SEC_QUESTIONS,
	SEC_N,
};

struct load {
	struct file	*files;
	size_t		 nfiles;
	struct rec	*recs[SEC_N];
	size_t		 nrecs[SEC_N];
	struct strmap	 ids[SEC_N];	/* id -> index in recs */
	const struct vocab *vocab;	/* what the schema allows */
	int		 failed;
	size_t		 suggested;	/* "did you mean" searches so far */
	size_t		 suggest_read;	/* and the ids they read */
};

extern const char *const load_section_names[SEC_N];
extern const char *const load_section_what[SEC_N];

/* load-scan.c */
void	 scan_positions(struct file *);
void	 pos_find(const struct file *, const json_t *, size_t, int *, int *);

/* load.c */
int	 rec_error(struct load *, const struct rec *, enum section,
	    const char *, int, const char *, ...)
	    __attribute__((format(printf, 6, 7)));
int	 elem_error(struct load *, const struct rec *, enum section,
	    const json_t *, size_t, const char *, ...)
	    __attribute__((format(printf, 6, 7)));
long	 member_index(const json_t *, const char *);
char	*load_dump(const json_t *);

/* load-fields.c */
int	 load_check_fields(struct load *, const struct rec *, enum section);

/* load-check.c */
void	 load_validate(struct load *);
const char *rec_str(const struct rec *, const char *);
const struct rec *load_find(const struct load *, enum section, const char *);

#endif /* AWSAI_LOAD_H */
