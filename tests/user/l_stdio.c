/*
 * stdio's FILE streams against C and POSIX, and the OS course's stdio
 * lecture: when buffered output reaches the file (fflush, exit, a full
 * buffer, a newline on a terminal only), why text printed before a fork
 * can appear twice, fopen's modes, reading and writing one FILE,
 * positions that count the buffer, getline, tmpfile and remove. Runs as
 * process 1 (tests/guest_libc.py) and, like the t_* programs, on an x86
 * Linux machine too. Nothing here prints with stdio to the test's own
 * stdout (check.c writes with write(2)), so every child starts with
 * stdout's buffering still undecided, as a fresh program would.
 */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define TMP  "/tmp/l_stdio.txt"
#define TMP2 "/tmp/l_stdio2.txt"
#define TMP3 "/tmp/l_stdio3.txt"
#define DIR  "/tmp/l_stdio.dir"

static char got[16384];                 /* what slurp() last read */

/* The whole file, read with read(2) behind stdio's back. */
static const char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY), n = 0, r;

	got[0] = 0;
	if (fd < 0)
		return "(missing)";
	while ((r = read(fd, got + n, sizeof(got) - 1 - n)) > 0)
		n += r;
	got[n] = 0;
	close(fd);
	return got;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	write(fd, text, strlen(text));
	close(fd);
}

/* Point fd 1 (or 2) at TMP, emptied; give back a copy of the old one. */
static int redirect(int fd)
{
	int saved = dup(fd), file = open(TMP, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	dup2(file, fd);
	close(file);
	return saved;
}

static void printf_no_newline(void)
{
	int saved = redirect(1), before, after;

	printf("no newline");
	before = strcmp(slurp(TMP), "") == 0;
	fflush(stdout);
	after = strcmp(slurp(TMP), "no newline") == 0;
	dup2(saved, 1);
	expect("printf with no newline reaches the file only at fflush",
	       before && after, "file holds \"%s\"", got);
}

static void stdout_file_fully_buffered(void)
{
	int saved = redirect(1), before;

	printf("a whole line\n");
	before = strcmp(slurp(TMP), "") == 0;
	dup2(saved, 1);
	expect("stdout on a file is fully buffered: a newline does not flush",
	       before, "file holds \"%s\" before fflush", got);
}                                       /* run_child's _exit drops the line */

static void stderr_unbuffered(void)
{
	int saved = redirect(2), now;

	fputs("at once", stderr);
	now = strcmp(slurp(TMP), "at once") == 0;
	dup2(saved, 2);
	expect("stderr is unbuffered", now, "file holds \"%s\"", got);
}

/* The lecture's surprise: the child gets a copy of the unflushed buffer,
   and both processes flush it at exit. */
static void printf_before_fork(void)
{
	pid_t pid;

	redirect(1);
	printf("printed once\n");
	pid = fork();
	if (pid == 0)
		exit(0);
	waitpid(pid, NULL, 0);
	exit(0);
}

static void exit_flushes_stdout(void)
{
	redirect(1);
	printf("main's text");
	exit(0);
}

static void from_atexit(void)
{
	printf(", then atexit's");
}

static void atexit_before_flush(void)
{
	redirect(1);
	atexit(from_atexit);
	printf("main's text");
	exit(0);
}

static void underscore_exit_loses(void)
{
	redirect(1);
	printf("lost");
	_exit(0);
}

/* stdin on a pipe holding "x"; stdout on TMP, in mode out; stdin in
   mode in. Does getchar() flush the prompt printed before it? */
static int prompt_flushed(int in, int out)
{
	int p[2], saved_in = dup(0), saved_out = redirect(1), flushed;

	pipe(p);
	write(p[1], "x", 1);
	close(p[1]);
	dup2(p[0], 0);
	close(p[0]);
	setvbuf(stdin, NULL, in, 0);
	setvbuf(stdout, NULL, out, 0);
	printf("prompt ");
	flushed = getchar() == 'x' && strcmp(slurp(TMP), "prompt ") == 0;
	fflush(stdout);
	dup2(saved_in, 0);
	dup2(saved_out, 1);
	return flushed;
}

static void stdin_flushes_line_buffered(void)
{
	_exit(prompt_flushed(_IONBF, _IOLBF) ? 0 : 1);
}

static void stdin_buffered_flushes_nothing(void)
{
	_exit(prompt_flushed(_IOFBF, _IOLBF) ? 1 : 0);
}

static void full_stdout_not_flushed(void)
{
	_exit(prompt_flushed(_IONBF, _IOFBF) ? 1 : 0);
}

static void reading_flushes(void)
{
	expect("reading an unbuffered stdin flushes a line buffered stdout",
	       run_child(stdin_flushes_line_buffered) == 0, "prompt not there");
	expect("reading a fully buffered stdin flushes nothing",
	       run_child(stdin_buffered_flushes_nothing) == 0, "flushed");
	expect("reading stdin leaves a fully buffered stdout alone",
	       run_child(full_stdout_not_flushed) == 0, "flushed");
}

static void exit_cases(void)
{
	run_child(printf_no_newline);
	run_child(stdout_file_fully_buffered);
	run_child(stderr_unbuffered);
	run_child(printf_before_fork);
	expect("printf before fork with stdout on a file: the text twice",
	       strcmp(slurp(TMP), "printed once\nprinted once\n") == 0,
	       "file holds \"%s\"", got);
	run_child(exit_flushes_stdout);
	expect("exit() flushes stdout", strcmp(slurp(TMP), "main's text") == 0,
	       "file holds \"%s\"", got);
	run_child(atexit_before_flush);
	expect("exit() runs atexit handlers first, then flushes",
	       strcmp(slurp(TMP), "main's text, then atexit's") == 0,
	       "file holds \"%s\"", got);
	run_child(underscore_exit_loses);
	expect("_exit() does not flush", strcmp(slurp(TMP), "") == 0,
	       "file holds \"%s\"", got);
}

static void two_files(void)
{
	FILE *w = fopen(TMP, "w"), *r = fopen(TMP, "r");
	int before, after;

	fputs("hello", w);
	before = fgetc(r) == EOF;
	clearerr(r);
	fflush(w);
	after = fgetc(r) == 'h';
	expect("a second FILE sees the first's writes only after fflush",
	       before && after, "before %d after %d", before, after);
	fclose(r);
	fputs(" world", w);
	fclose(w);
	expect("fclose flushes", strcmp(slurp(TMP), "hello world") == 0,
	       "file holds \"%s\"", got);

	w = fopen(TMP, "w");
	r = fopen(TMP2, "w");
	fputs("one", w);
	fputs("two", r);
	fflush(NULL);
	expect("fflush(NULL) flushes every FILE",
	       strcmp(slurp(TMP), "one") == 0 && strcmp(slurp(TMP2), "two") == 0,
	       "a file missed its text");
	fclose(w);
	fclose(r);
}

/* stderr starts unbuffered; setvbuf with no buffer and size 0 gives it
   one of the default size. */
static void stderr_buffered(void)
{
	if (setvbuf(stderr, NULL, _IOFBF, 0) != 0)
		_exit(1);
	fputs("waits", stderr);
	_exit(strcmp(slurp(TMP), "") == 0 && fflush(stderr) == 0 &&
	      strcmp(slurp(TMP), "waits") == 0 ? 0 : 2);
}

static void stderr_made_buffered(void)
{
	int saved = redirect(2), status = run_child(stderr_buffered);

	dup2(saved, 2);
	close(saved);
	expect("setvbuf(stderr, NULL, _IOFBF, 0): stderr buffered",
	       status == 0, "%s, file holds \"%s\"", describe(status), got);
}

static void setvbuf_modes(void)
{
	char mine[256];                 /* glibc bypasses buffers under 128 */
	FILE *f = fopen(TMP, "w");
	int ok;

	ok = setvbuf(f, NULL, _IONBF, 0) == 0;
	fputc('a', f);
	expect("setvbuf _IONBF: each byte is written at once",
	       ok && strcmp(slurp(TMP), "a") == 0, "file holds \"%s\"", got);
	fclose(f);

	f = fopen(TMP, "w");
	setvbuf(f, NULL, _IOLBF, 64);
	fputs("ab", f);
	ok = strcmp(slurp(TMP), "") == 0;
	fputs("c\nd", f);
	expect("setvbuf _IOLBF: written up to the newline, the rest waits",
	       ok && strcmp(slurp(TMP), "abc\n") == 0,
	       "file holds \"%s\"", got);
	fclose(f);

	f = fopen(TMP, "w");
	setvbuf(f, mine, _IOFBF, sizeof(mine));
	fputs("in mine\n", f);
	ok = strcmp(slurp(TMP), "") == 0 && memcmp(mine, "in mine\n", 8) == 0;
	fclose(f);
	expect("setvbuf _IOFBF with the caller's buffer: output waits there",
	       ok && strcmp(slurp(TMP), "in mine\n") == 0,
	       "file holds \"%s\"", got);

	f = fopen(TMP, "w");
	setbuf(f, NULL);
	fputs("now", f);
	expect("setbuf(f, NULL): unbuffered", strcmp(slurp(TMP), "now") == 0,
	       "file holds \"%s\"", got);
	fclose(f);
	stderr_made_buffered();
}

/* Open with mode, write w (if any), rewind, read what is there. */
static const char *through(const char *mode, const char *w)
{
	static char buf[64];
	FILE *f = fopen(TMP, mode);
	size_t n;

	if (!f)
		return "(fopen failed)";
	if (w)
		fputs(w, f);
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

static void fopen_modes(void)
{
	FILE *f;
	int err;

	unlink(TMP);
	errno = 0;
	f = fopen(TMP, "r");
	err = errno;
	expect("\"r\" on a missing file: ENOENT", !f && err == ENOENT,
	       "errno %d", err);
	errno = 0;
	f = fopen(TMP, "r+");
	err = errno;
	expect("\"r+\" on a missing file: ENOENT", !f && err == ENOENT,
	       "errno %d", err);
	write_file(TMP, "old");
	expect("\"r\": reads, does not truncate",
	       strcmp(through("r", NULL), "old") == 0, "read \"%s\"",
	       through("r", NULL));
	f = fopen(TMP, "r");
	expect("\"r\": writing fails and sets the error flag",
	       fputc('x', f) == EOF || fflush(f) == EOF, "wrote");
	expect("ferror after the failed write", ferror(f) != 0, "not set");
	clearerr(f);
	expect("clearerr forgets the error", !ferror(f) && !feof(f), "still set");
	fclose(f);
	through("w", "new");
	expect("\"w\": truncates, then writes", strcmp(slurp(TMP), "new") == 0,
	       "file holds \"%s\"", got);
	through("a", "er");
	expect("\"a\": writes at the end", strcmp(slurp(TMP), "newer") == 0,
	       "file holds \"%s\"", got);
	expect("\"r+\": no truncation, reads and writes",
	       strcmp(through("r+", "NE"), "NEwer") == 0, "read \"%s\"",
	       through("r+", NULL));
	expect("\"w+\": truncates, reads back what it wrote",
	       strcmp(through("w+", "fresh"), "fresh") == 0, "wrong");
	expect("\"a+\": reads from the start, writes at the end",
	       strcmp(through("a+", "!"), "fresh!") == 0, "wrong");
	expect("\"rb\", \"r+b\", \"wb+\": b is accepted and means nothing",
	       strcmp(through("rb", NULL), "fresh!") == 0 &&
	       strcmp(through("r+b", NULL), "fresh!") == 0 &&
	       strcmp(through("wb+", "b"), "b") == 0, "a b mode failed");
	errno = 0;
	f = fopen(TMP, "");
	err = errno;
	expect("fopen with an empty mode: EINVAL", !f && err == EINVAL,
	       "errno %d", err);
	errno = 0;
	f = fopen(TMP, "wx");
	err = errno;
	expect("\"wx\" on an existing file: EEXIST, the file untouched",
	       !f && err == EEXIST && strcmp(slurp(TMP), "b") == 0,
	       "errno %d", err);
	unlink(TMP);
	expect("\"w+x\" makes a new file",
	       strcmp(through("w+x", "new"), "new") == 0, "wrong");
	f = fopen(TMP, "re");
	expect("\"re\": the descriptor is close-on-exec",
	       f && fcntl(fileno(f), F_GETFD) == FD_CLOEXEC, "flags %d",
	       f ? fcntl(fileno(f), F_GETFD) : -1);
	fclose(f);
	expect("letters after the first that mean nothing are ignored",
	       strcmp(through("r?", NULL), "new") == 0, "wrong");
}

static void append_after_fseek(void)
{
	FILE *f;
	char c;

	write_file(TMP, "start");
	f = fopen(TMP, "a");
	fseek(f, 0, SEEK_SET);
	fputs("END", f);
	fclose(f);
	expect("\"a\": written at the end even after fseek to 0",
	       strcmp(slurp(TMP), "startEND") == 0, "file holds \"%s\"", got);
	f = fopen(TMP, "a+");
	c = fgetc(f);
	fseek(f, 1, SEEK_SET);
	fputs("!", f);
	fclose(f);
	expect("\"a+\": reads at 0, still writes at the end",
	       c == 's' && strcmp(slurp(TMP), "startEND!") == 0,
	       "read '%c', file holds \"%s\"", c, got);
}

static void update_streams(void)
{
	char buf[16] = "";
	FILE *f = fopen(TMP, "w+");

	fputs("hello", f);
	fseek(f, 0, SEEK_SET);
	fgets(buf, sizeof(buf), f);
	expect("\"w+\": fseek between writing and reading",
	       strcmp(buf, "hello") == 0, "read \"%s\"", buf);
	fseek(f, 1, SEEK_SET);
	fgetc(f);
	fseek(f, 0, SEEK_CUR);
	fputs("EL", f);
	fflush(f);
	expect("read, fseek(0, SEEK_CUR), write: lands where reading stopped",
	       strcmp(slurp(TMP), "heELo") == 0, "file holds \"%s\"", got);
	fclose(f);
}

static void fdopen_fileno_freopen(void)
{
	int fd;
	FILE *f;

	write_file(TMP, "xyz");
	fd = open(TMP, O_RDONLY);
	f = fdopen(fd, "r");
	expect("fdopen: a FILE on an open descriptor, fileno gives it back",
	       f && fileno(f) == fd && fgetc(f) == 'x', "no");
	f = freopen(TMP2, "w", f);
	if (f)
		fputs("reopened", f);
	expect("freopen: the same FILE now writes another file",
	       f && fclose(f) == 0 && strcmp(slurp(TMP2), "reopened") == 0,
	       "file holds \"%s\"", got);
}

static void freopen_stdout(void)
{
	if (!freopen(TMP, "w", stdout))
		_exit(1);
	printf("via freopen");
	exit(fileno(stdout) == 1 ? 0 : 2);
}

/* freopen(NULL, mode, f): the same open file in a new mode. */
static void freopen_null(void)
{
	FILE *f;
	int err;

	write_file(TMP, "abc");
	f = fopen(TMP, "r+");
	f = freopen(NULL, "a", f);
	if (f) {
		fseek(f, 0, SEEK_SET);
		fputs("Z", f);
	}
	expect("freopen(NULL, \"a\"): the same file, now appending",
	       f && fclose(f) == 0 && strcmp(slurp(TMP), "abcZ") == 0,
	       "file holds \"%s\"", got);
	if (!on_sprout()) {             /* glibc reopens /proc/self/fd/N */
		skip("freopen(NULL, \"w\") on a read-only file: NULL, EBADF",
		     "glibc reopens the file by name");
		return;
	}
	f = fopen(TMP, "r");
	errno = 0;
	f = freopen(NULL, "w", f);
	err = errno;
	expect("freopen(NULL, \"w\") on a read-only file: NULL, EBADF",
	       !f && err == EBADF && strcmp(slurp(TMP), "abcZ") == 0,
	       "errno %d, file holds \"%s\"", err, got);
}

static void freopen_cases(void)
{
	int status = run_child(freopen_stdout);

	expect("freopen(stdout): printf goes to the file, fileno stays 1",
	       status == 0 && strcmp(slurp(TMP), "via freopen") == 0,
	       "%s, file holds \"%s\"", describe(status), got);
	freopen_null();
}

/* Bytes of every value, zeros too, in no simple pattern; 10000 of them
   so that copies cross several buffers. */
static void make_pattern(void)
{
	FILE *f = fopen(TMP, "w");

	for (int i = 0; i < 10000; i++)
		fputc((i * 7 + i / 256) % 256, f);
	fclose(f);
}

static int same_files(const char *a, const char *b)
{
	static char other[sizeof(got)];
	int fd = open(b, O_RDONLY), n = 0, r;

	while ((r = read(fd, other + n, sizeof(other) - n)) > 0)
		n += r;
	close(fd);
	slurp(a);
	return n == 10000 && memcmp(got, other, n) == 0;
}

static void copies(void)
{
	FILE *in, *out;
	char buf[4096];
	int c;
	size_t n;

	make_pattern();
	in = fopen(TMP, "r");
	out = fopen(TMP2, "w");
	while ((c = fgetc(in)) != EOF)
		fputc(c, out);
	fclose(in);
	fclose(out);
	expect("fgetc/fputc copy: the same 10000 bytes", same_files(TMP, TMP2),
	       "copies differ");
	for (size_t chunk = 100; chunk <= 4096; chunk += 3996) {
		in = fopen(TMP, "r");
		out = fopen(TMP3, "w");
		while ((n = fread(buf, 1, chunk, in)) > 0)
			fwrite(buf, 1, n, out);
		fclose(in);
		fclose(out);
		expect(chunk == 100 ? "fread/fwrite copy in 100-byte pieces" :
		       "fread/fwrite copy in 4096-byte pieces (past the buffer)",
		       same_files(TMP, TMP3), "copies differ");
	}
}

static void positions(void)
{
	FILE *f;
	char buf[3000];
	fpos_t pos;
	int c, at;

	make_pattern();
	f = fopen(TMP, "r");
	for (int i = 0; i < 10; i++)
		fgetc(f);
	expect("ftell after 10 buffered fgetc: 10", ftell(f) == 10,
	       "%ld", ftell(f));
	fread(buf, 1, sizeof(buf), f);
	expect("ftell after fread of 3000 more: 3010", ftell(f) == 3010,
	       "%ld", ftell(f));
	fseek(f, -5, SEEK_CUR);
	c = fgetc(f);
	expect("fseek SEEK_CUR counts from where the program is",
	       ftell(f) == 3006 && c == (3005 * 7 + 3005 / 256) % 256,
	       "at %ld", ftell(f));
	ungetc(c, f);
	expect("ungetc steps ftell back", ftell(f) == 3005, "%ld", ftell(f));
	at = fgetc(f) == c;
	fgetpos(f, &pos);
	fgetc(f);
	fsetpos(f, &pos);
	expect("fgetpos/fsetpos come back to the same place",
	       at && ftell(f) == 3006, "%ld", ftell(f));
	fseek(f, 0, SEEK_END);
	expect("fseek SEEK_END 0: ftell is the size, then EOF",
	       ftell(f) == 10000 && fgetc(f) == EOF && feof(f), "%ld", ftell(f));
	rewind(f);
	expect("rewind: back to 0, end of file forgotten",
	       ftell(f) == 0 && !feof(f) && fgetc(f) == 0, "no");
	fclose(f);

	f = fopen(TMP, "w");
	fputs("abc", f);
	expect("ftell counts output still in the buffer", ftell(f) == 3,
	       "%ld", ftell(f));
	fclose(f);
}

static void ungetc_cases(void)
{
	FILE *f;

	write_file(TMP, "ab");
	f = fopen(TMP, "r");
	expect("ungetc before any read: the next fgetc returns it",
	       ungetc('z', f) == 'z' && fgetc(f) == 'z' && fgetc(f) == 'a',
	       "no");
	fgetc(f);
	expect("ungetc at end of file clears feof and is read back",
	       fgetc(f) == EOF && ungetc('q', f) == 'q' && !feof(f) &&
	       fgetc(f) == 'q' && fgetc(f) == EOF, "no");
	fclose(f);
}

static void getline_cases(void)
{
	FILE *f = fopen(TMP, "w");
	char *line = NULL;
	size_t cap = 0;
	ssize_t a, b, c, d;

	for (int i = 0; i < 1000; i++)
		fputc('x', f);
	fputs("\nshort\n", f);
	for (int i = 0; i < 300; i++)
		fputc('y', f);
	fclose(f);
	f = fopen(TMP, "r");
	a = getline(&line, &cap, f);
	b = getline(&line, &cap, f);
	expect("getline grows the buffer for a 1000-byte line",
	       a == 1001 && cap > 1001 && line[999] == 'x' && b == 6 &&
	       strcmp(line, "short\n") == 0, "lengths %zd %zd", a, b);
	c = getline(&line, &cap, f);
	d = getline(&line, &cap, f);
	expect("getline: a last line with no newline, then -1 at the end",
	       c == 300 && strlen(line) == 300 && d == -1 && feof(f),
	       "lengths %zd %zd", c, d);
	fclose(f);
	write_file(TMP, "a,bc,");
	f = fopen(TMP, "r");
	a = getdelim(&line, &cap, ',', f);
	b = getdelim(&line, &cap, ',', f);
	expect("getdelim splits at its delimiter",
	       a == 2 && b == 3 && strcmp(line, "bc,") == 0, "%zd %zd", a, b);
	fclose(f);
	free(line);
}

static void files_and_names(void)
{
	FILE *f = tmpfile();
	char buf[16] = "";
	struct stat st;
	int fd;

	if (f) {
		fputs("scratch", f);
		rewind(f);
		fgets(buf, sizeof(buf), f);
		fclose(f);
	}
	expect("tmpfile: a w+ stream to write and read back",
	       f && strcmp(buf, "scratch") == 0, "read \"%s\"", buf);
	write_file(TMP2, "x");
	mkdir(DIR, 0755);
	expect("remove: a file", remove(TMP2) == 0 && stat(TMP2, &st) < 0,
	       "still there");
	expect("remove: an empty folder", remove(DIR) == 0 && stat(DIR, &st) < 0,
	       "still there");
	errno = 0;
	expect("remove: a missing name fails with ENOENT",
	       remove(DIR) == -1 && errno == ENOENT, "errno %d", errno);
	write_file(TMP2, "moved");
	expect("rename moves a file",
	       rename(TMP2, TMP3) == 0 && strcmp(slurp(TMP3), "moved") == 0,
	       "file holds \"%s\"", got);
	fd = open(TMP, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	expect("dprintf formats straight to a descriptor",
	       dprintf(fd, "%d-%s", 42, "x") == 4 &&
	       strcmp(slurp(TMP), "42-x") == 0, "file holds \"%s\"", got);
	close(fd);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	exit_cases();
	reading_flushes();
	two_files();
	setvbuf_modes();
	fopen_modes();
	append_after_fseek();
	update_streams();
	fdopen_fileno_freopen();
	freopen_cases();
	copies();
	positions();
	ungetc_cases();
	getline_cases();
	files_and_names();
	unlink(TMP);
	unlink(TMP2);
	unlink(TMP3);
	return check_done();
}
