/*
 * batch.c: a batch of tasks, one a line of standard input, answered in
 * input order. The answering is the caller's (a batch_fn); this file
 * reads the lines and, when there are CPUs to spare and neither end is a
 * terminal, spreads them over worker processes.
 *
 * The workers are forked once the first chunk of CHUNK_LINES lines is
 * full (a short batch is answered in this process). Chunk i goes to
 * worker i % n, and a worker holds at most two: the one it answers and
 * the next, waiting in its pipe, so it never idles while this process
 * collects another's. Chunks are collected oldest first, so the answers
 * come out in order. Neither side can block the other for good: a chunk
 * goes to a worker only once all its older ones but one are collected,
 * so its pipe holds at most that one besides, which the worker reads
 * whole before it answers; and a chunk larger than the pipe goes only to
 * a worker holding none, which reads it as it is written. A worker
 * answers into memory and sends the bytes back whole, with the flags
 * its lines returned; a TSV or CSV header a later chunk printed again is
 * cut. The workers share nothing with this process but the pipes; the
 * open catalog and the search state are their copies of this process's,
 * made by fork(), and each fills its own caches (answering the first
 * chunk here first, to fork them warm, was measured slower).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awsai.h"

#define CHUNK_LINES	64
#define CHUNK_BYTES	(256 << 10)	/* a chunk is sent once this full */
#define MAXJOBS		8
#define MAXTASK		(4 << 20)	/* bytes in one task */

/* What a chunk's bytes are preceded by, in each direction. */
struct task_head {
	uint64_t	lineno;		/* of the chunk's first line, less 1 */
	uint64_t	len;		/* bytes of NUL-ended lines */
};
struct answer_head {
	int32_t		status;		/* EXIT_OK or EXIT_DATA */
	int32_t		flags;		/* the lines' flags, or'd */
	uint64_t	hdrlen;		/* bytes of header the body starts with */
	uint64_t	len;		/* bytes of answers */
};

struct worker {
	pid_t	 pid;
	int	 to, from;		/* its tasks, its answers */
	size_t	 room;			/* bytes its task pipe holds */
};

struct batch {
	FILE		*out;
	batch_fn	 fn;
	void		*arg;
	int		 first;		/* no header printed yet */
	int		 flags;
	struct strbuf	 chunk;		/* lines being gathered, NUL-ended */
	size_t		 nlines;
	size_t		 lineno;	/* lines read */
	uint64_t	 chunk_start;	/* line number before the chunk's */
	struct worker	 w[MAXJOBS];
	size_t		 nw;
	size_t		 sent;		/* chunks sent */
	size_t		 done;		/* chunks collected */
};

static int
write_all(int fd, const void *buf, size_t n)
{
	const char	*p = buf;
	ssize_t		 k;

	while (n > 0) {
		if ((k = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Reads exactly n bytes; -1 at an early end or an error. */
static int
read_all(int fd, void *buf, size_t n)
{
	char	*p = buf;
	ssize_t	 k;

	while (n > 0) {
		if ((k = read(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Answers the NUL-ended lines of buf (len bytes) on fp. Returns the
 * status: EXIT_OK, or EXIT_DATA when fn found the search data damaged. */
static int
answer(struct batch *b, const char *buf, size_t len, uint64_t lineno,
    FILE *fp, int *first)
{
	int	r;

	for (const char *p = buf; p < buf + len; p += strlen(p) + 1) {
		if ((r = b->fn(b->arg, p, (size_t)++lineno, fp, first)) < 0)
			return EXIT_DATA;
		b->flags |= r;
	}
	return EXIT_OK;
}

#define WORKER_HEAP	(8 << 20)

/*
 * Maps in at once the heap a worker grows into as it fills its caches
 * (some 7 MB over 10,000 lines): allocated, mapped in and freed again,
 * it stays (batch_run() keeps what is freed) for the caches to take
 * without a page fault each.
 */
static void
warm_heap(void)
{
	void	*p = malloc(WORKER_HEAP);

	if (p != NULL)
		mem_populate(p, WORKER_HEAP);
	free(p);
}

/*
 * A worker's life: chunks in, answers out, until its input ends. The
 * answers go into one stream in memory, rewound for each chunk: a new
 * one a chunk would grow from nothing every time, and on a virtual
 * machine the fresh pages cost more than the answering.
 */
static void __attribute__((noreturn))
worker_main(struct batch *b, int in, int out)
{
	struct task_head	th;
	struct answer_head	ah;
	char			*buf = NULL, *body = NULL;
	const char		*nl;
	size_t			 cap = 0, blen = 0;
	FILE			*fp;
	int			 first;

	signal(SIGINT, SIG_IGN);	/* this process's parent stops it */
	warm_heap();
	if ((fp = open_memstream(&body, &blen)) == NULL)
		_exit(EXIT_INTERNAL);
	while (read_all(in, &th, sizeof(th)) == 0) {
		if (th.len > cap)
			buf = xrealloc(buf, cap = th.len);
		if (read_all(in, buf, th.len) == -1)
			break;
		if (fseeko(fp, 0, SEEK_SET) != 0)
			_exit(EXIT_INTERNAL);
		first = 1;
		b->flags = 0;
		ah.status = answer(b, buf, th.len, th.lineno, fp, &first);
		if (fflush(fp) != 0)	/* body and blen: this chunk's */
			_exit(EXIT_INTERNAL);
		ah.flags = b->flags;
		ah.hdrlen = 0;
		if (b->flags & BATCH_HEADER)	/* its first line */
			ah.hdrlen = (nl = memchr(body, '\n', blen)) != NULL ?
			    (uint64_t)(nl - body) + 1 : blen;
		ah.len = blen;
		if (write_all(out, &ah, sizeof(ah)) == -1 ||
		    write_all(out, body, blen) == -1)
			_exit(EXIT_INTERNAL);
	}
	_exit(EXIT_OK);		/* nothing of this process's stdio is flushed */
}

/* The bytes the pipe fd writes into holds unread. */
static size_t
pipe_room(int fd)
{
#ifdef F_GETPIPE_SZ
	int	n = fcntl(fd, F_GETPIPE_SZ);

	if (n > 0)
		return (size_t)n;
#else
	(void)fd;
#endif
	return PIPE_BUF;
}

/* Forks up to jobs workers; returns how many there are (0: none). */
static size_t
spawn(struct batch *b, int jobs)
{
	int	to[2], from[2];
	pid_t	pid;

	fflush(b->out);		/* a child must not inherit unwritten bytes */
	while (b->nw < (size_t)jobs) {
		if (pipe(to) == -1)
			break;
		if (pipe(from) == -1) {
			close(to[0]);
			close(to[1]);
			break;
		}
		if ((pid = fork()) == -1) {
			close(to[0]), close(to[1]), close(from[0]);
			close(from[1]);
			break;
		}
		if (pid == 0) {
			for (size_t i = 0; i < b->nw; i++)
				close(b->w[i].to), close(b->w[i].from);
			close(to[1]);
			close(from[0]);
			worker_main(b, to[0], from[1]);
		}
		close(to[0]);
		close(from[1]);
		b->w[b->nw++] = (struct worker){ pid, to[1], from[0],
		    pipe_room(to[1]) };
	}
	return b->nw;
}

static int
worker_gone(void)
{
	diag_error("a batch worker ended before answering (try -j 1)");
	return EXIT_INTERNAL;
}

/* Collects the oldest chunk out (worker done % nw's) and writes it.
 * Returns its status, or EXIT_INTERNAL if the worker is gone. */
static int
collect(struct batch *b)
{
	struct worker		*w = &b->w[b->done % b->nw];
	struct answer_head	 ah;
	char			*body;
	size_t			 skip = 0;

	if (read_all(w->from, &ah, sizeof(ah)) == -1 || ah.len > SIZE_MAX ||
	    ah.hdrlen > ah.len)
		return worker_gone();
	body = xmalloc(ah.len + 1);
	if (read_all(w->from, body, ah.len) == -1) {
		free(body);
		return worker_gone();
	}
	if (ah.hdrlen > 0 && !b->first)
		skip = ah.hdrlen;
	if (ah.hdrlen > 0)
		b->first = 0;
	fwrite(body + skip, 1, ah.len - skip, b->out);
	free(body);
	b->flags |= ah.flags;
	b->done++;
	return ah.status;
}

/* Starts a new chunk after the lines read so far. */
static void
chunk_clear(struct batch *b)
{
	b->chunk.len = 0;
	b->nlines = 0;
	b->chunk_start = b->lineno;
}

/*
 * Sends the chunk gathered to the next worker, collecting first, oldest
 * first, until that worker holds at most one chunk, or none if this one
 * does not fit its pipe whole. Returns a status.
 */
static int
send_chunk(struct batch *b)
{
	struct worker		*w = &b->w[b->sent % b->nw];
	struct task_head	 th = { b->chunk_start, b->chunk.len };
	size_t			 held = sizeof(th) + b->chunk.len > w->room ?
				     0 : 1;
	int			 st;

	/* chunks out are sent..done-1 and this worker's are every nw-th,
	 * so it holds at most held while fewer than (held + 1) * nw are */
	while (b->sent - b->done >= (held + 1) * b->nw)
		if ((st = collect(b)) != EXIT_OK)
			return st;
	if (write_all(w->to, &th, sizeof(th)) == -1 ||
	    write_all(w->to, b->chunk.buf, b->chunk.len) == -1)
		return worker_gone();
	b->sent++;
	chunk_clear(b);
	return EXIT_OK;
}

/* The chunk gathered, answered here. */
static int
answer_here(struct batch *b)
{
	int	st = answer(b, b->chunk.buf, b->chunk.len, b->chunk_start,
		    b->out, &b->first);

	chunk_clear(b);
	return st;
}

/* Ends the workers: their input closed, and killed if status says the
 * batch stopped early. */
static void
reap(struct batch *b, int status)
{
	for (size_t i = 0; i < b->nw; i++) {
		close(b->w[i].to);
		close(b->w[i].from);
		if (status != EXIT_OK)
			kill(b->w[i].pid, SIGTERM);
	}
	for (size_t i = 0; i < b->nw; i++)
		while (waitpid(b->w[i].pid, NULL, 0) == -1 && errno == EINTR)
			;
	b->nw = 0;
}

/* Adds one line read to the chunk, and sends or answers the chunk once
 * it is full (in one process, at once). Returns a status. */
static int
take_line(struct batch *b, const char *line, size_t len, int jobs)
{
	const char	*nul = memchr(line, '\0', len);
	size_t		 n = len;

	if (nul != NULL) {		/* a NUL ends no task: a space */
		sb_add(&b->chunk, line, (size_t)(nul - line));
		sb_addc(&b->chunk, ' ');
		n = strlen(nul + 1);
		line = nul + 1;
	}
	sb_add(&b->chunk, line, n);
	b->chunk.len++;			/* keeps sb_add's NUL */
	b->nlines++;
	if (jobs > 1 && b->nlines < CHUNK_LINES && b->chunk.len < CHUNK_BYTES)
		return EXIT_OK;
	if (jobs > 1 && (b->nw > 0 || spawn(b, jobs) > 0))
		return send_chunk(b);
	return answer_here(b);
}

/* Collects every chunk still out, in order. */
static int
drain(struct batch *b)
{
	int	st = EXIT_OK;

	while (st == EXIT_OK && b->done < b->sent)
		st = collect(b);
	return st;
}

/*
 * Answers every line of in on out with fn, in up to jobs processes (0:
 * one a CPU). fn(arg, line, lineno, fp, first) prints line's answers on
 * fp and returns BATCH_ANY if the line found something, BATCH_HEADER if
 * it printed a header line first (which it may do only while *first, and
 * then clears it), BATCH_NOTE for the caller's own use; or -1 if the
 * search data is damaged. *flags gets every line's flags, or'd. Returns
 * EXIT_OK, EXIT_DATA, EXIT_INTERRUPTED, EXIT_USAGE (a line too long, a
 * read error) or EXIT_INTERNAL (a worker lost), after reporting.
 */
int
batch_run(FILE *in, FILE *out, int jobs, batch_fn fn, void *arg,
    int *flags)
{
	struct batch	 b = { .out = out, .fn = fn, .arg = arg, .first = 1 };
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len = -1;
	int		 st = EXIT_OK, err;

	if (jobs <= 0)
		jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs > MAXJOBS)
		jobs = MAXJOBS;
	if (jobs < 1)
		jobs = 1;
	if (isatty(fileno(in)) || isatty(fileno(out)))
		jobs = 1;	/* a person typing sees each answer at once */
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	/* what a question frees, the next one takes again: kept, not given
	   back to the system to be faulted in afresh (the peak is the same) */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
	sb_adds(&b.chunk, "");
	errno = 0;
	while (st == EXIT_OK && !cmd_interrupted() && !ferror(out) &&
	    (len = util_getline(&line, &cap, in, MAXTASK)) >= 0) {
		b.lineno++;
		st = take_line(&b, line, (size_t)len, jobs);
	}
	err = errno;
	free(line);
	if (st == EXIT_OK && !ferror(out) && b.nw > 0 && b.nlines > 0)
		st = send_chunk(&b);
	if (st == EXIT_OK && !ferror(out))
		st = drain(&b);
	if (st == EXIT_OK && !ferror(out) && b.nlines > 0)
		st = answer_here(&b);
	reap(&b, st != EXIT_OK || ferror(out) ? -1 : EXIT_OK);
	sb_release(&b.chunk);
	*flags = b.flags;
	if (st != EXIT_OK)
		return st;
	if (cmd_interrupted()) {
		clearerr(in);
		return EXIT_INTERRUPTED;
	}
	if (len == -2) {
		diag_error("standard input: line %zu is longer than %d MiB",
		    b.lineno + 1, MAXTASK >> 20);
		return EXIT_USAGE;
	}
	if (ferror(in)) {
		diag_error("cannot read the tasks from standard input: %s",
		    strerror(err != 0 ? err : EIO));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
