/*
 * The three levels at work: what fds share after fork() and dup(), what
 * O_APPEND guarantees two writers, and which fds survive execve().
 *
 *   f_share              run every case
 *   f_share --check ...  (used by the close-on-exec case, after execve)
 */
#include "f_test.h"
#include <sched.h>

static char self[512];          /* this program's path, for execve */

static void find_self(const char *argv0)
{
	self[0] = '\0';
	if (argv0[0] != '/' && getcwd(self, sizeof(self) - 2))
		strcat(self, "/");
	strncat(self, argv0, sizeof(self) - strlen(self) - 1);
}

static off_t file_size(int fd)
{
	struct stat st;
	return fstat(fd, &st) < 0 ? -1 : (off_t)st.st_size;
}

/* Parent and child take turns writing through one inherited fd. Each
   waits for the file to grow to its turn, then writes where the shared
   offset stands: with separate offsets the child would write over. */
#define TURNS 10
static void fork_shares_offset(void)
{
	int fd = open("fork.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	pid_t pid = fork();
	if (pid < 0) {
		fail("fork shares offset", "fork: errno %d", errno);
		return;
	}
	int me = pid == 0;          /* child: odd turns */
	for (int turn = me; turn < TURNS; turn += 2) {
		while (file_size(fd) < turn * 2)
			sched_yield();
		char rec[2] = { me ? 'C' : 'P', '0' + turn };
		write(fd, rec, 2);
	}
	if (pid == 0)
		_exit(0);
	wait_child(pid);
	char buf[64];
	slurp("fork.txt", buf, sizeof(buf));
	const char *want = "P0C1P2C3P4C5P6C7P8C9";
	if (strcmp(buf, want) == 0)
		ok("fork shares offset");
	else
		fail("fork shares offset", "file has \"%s\", want \"%s\"", buf, want);
	EXPECT("fork: offset moved for the parent too", lseek(fd, 0, SEEK_CUR) == 20);
	close(fd);
	unlink("fork.txt");
}

static void dup_shares_offset_and_flags(void)
{
	int fd = open("dup.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int fd2 = dup(fd);
	write(fd, "ab", 2);
	write(fd2, "cd", 2);
	EXPECT("dup: one offset for both fds", lseek(fd, 0, SEEK_CUR) == 4 &&
	       lseek(fd2, 0, SEEK_CUR) == 4);
	char buf[16];
	slurp("dup.txt", buf, sizeof(buf));
	EXPECT("dup: writes follow each other", strcmp(buf, "abcd") == 0);
	fcntl(fd, F_SETFL, O_APPEND);
	EXPECT("dup: status flags shared", (fcntl(fd2, F_GETFL) & O_APPEND) != 0);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	EXPECT("dup: close-on-exec is per fd", fcntl(fd2, F_GETFD) == 0 &&
	       fcntl(fd, F_GETFD) == FD_CLOEXEC);
	EXPECT("dup: lowest free fd", dup(fd) == fd2 + 1);
	close(fd2 + 1);
	lseek(fd, 0, SEEK_SET);
	write(fd2, "ef", 2);        /* O_APPEND: to the end, not to 0 */
	slurp("dup.txt", buf, sizeof(buf));
	EXPECT("F_SETFL O_APPEND: writes go to the end", strcmp(buf, "abcdef") == 0);
	fcntl(fd, F_SETFL, O_RDONLY);   /* access mode cannot change */
	EXPECT("F_SETFL keeps the access mode",
	       (fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND)) == O_RDWR);
	close(fd);
	EXPECT("dup: closing one fd leaves the other", write(fd2, "g", 1) == 1);
	close(fd2);
	unlink("dup.txt");
}

static void dup2_cases(void)
{
	int fd = open("dup2.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	EXPECT("dup2 onto itself returns it", dup2(fd, fd) == fd);
	EXPECT_ERR("dup2 to a too-large fd: EBADF", dup2(fd, 100000), EBADF);
	EXPECT_ERR("dup2 from a closed fd: EBADF", dup2(99, fd), EBADF);
	EXPECT_ERR("dup of a closed fd: EBADF", dup(99), EBADF);
	int other = open("dup2b.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	fcntl(other, F_SETFD, FD_CLOEXEC);
	EXPECT("dup2 closes the target first", dup2(fd, other) == other &&
	       fcntl(other, F_GETFD) == 0);
	write(other, "x", 1);
	struct stat st;
	stat("dup2b.txt", &st);
	EXPECT("dup2: target now names the source's file",
	       file_size(fd) == 1 && st.st_size == 0);

	/* The shell's redirection: fork, dup2(fd, 1) in the child, write. */
	ftruncate(fd, 0);
	lseek(fd, 0, SEEK_SET);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd, 1);
		close(fd);
		write(1, "to the file\n", 12);
		_exit(0);
	}
	wait_child(pid);
	char buf[64];
	slurp("dup2.txt", buf, sizeof(buf));
	EXPECT("fork + dup2(fd, 1): child's stdout went to the file",
	       strcmp(buf, "to the file\n") == 0);
	EXPECT("fork + dup2(fd, 1): parent's offset moved too",
	       lseek(fd, 0, SEEK_CUR) == 12);
	close(fd);
	close(other);
	unlink("dup2.txt");
	unlink("dup2b.txt");
}

/* Two processes, two separate open()s with O_APPEND: no shared offset,
   yet no record may be lost to an overwrite. */
#define RECS 200
static void append_writer(char tag)
{
	int fd = open("append.txt", O_WRONLY | O_APPEND);
	char rec[16];
	memset(rec, tag, 15);
	rec[15] = '\n';
	for (int i = 0; i < RECS; i++) {
		write(fd, rec, 16);
		if (i % 7 == 0)
			sched_yield();
	}
	close(fd);
}

static void append_two_processes(void)
{
	close(open("append.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644));
	pid_t pid = fork();
	if (pid == 0) {
		append_writer('C');
		_exit(0);
	}
	append_writer('P');
	wait_child(pid);
	int fd = open("append.txt", O_RDONLY);
	int count[2] = { 0, 0 }, bad = 0;
	char rec[16];
	while (read(fd, rec, 16) == 16) {
		if (rec[0] == 'P' || rec[0] == 'C')
			count[rec[0] == 'C']++;
		if (rec[15] != '\n' || rec[14] != rec[0])
			bad++;
	}
	close(fd);
	if (count[0] == RECS && count[1] == RECS && !bad)
		ok("O_APPEND from two processes keeps every record");
	else
		fail("O_APPEND from two processes keeps every record",
		     "%d parent and %d child records, %d torn", count[0], count[1], bad);
	unlink("append.txt");
}

/* After execve: each named fd must be open (o) or closed (c). */
static int check_fds(int argc, char **argv)
{
	for (int i = 2; i + 1 < argc; i += 2) {
		int fd = atoi(argv[i]);
		int want_open = argv[i + 1][0] == 'o';
		char name[64];
		snprintf(name, sizeof(name), "exec: fd %d %s", fd,
			 want_open ? "survives" : "was closed");
		if (want_open)
			EXPECT(name, fcntl(fd, F_GETFD) == 0);
		else
			EXPECT_ERR(name, fcntl(fd, F_GETFD), EBADF);
	}
	return failures;
}

static void close_on_exec(void)
{
	int keep = open("cloexec.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int flag = open("cloexec.txt", O_RDONLY | O_CLOEXEC);
	int setfd = dup(keep);
	fcntl(setfd, F_SETFD, FD_CLOEXEC);
	int dupfd = fcntl(keep, F_DUPFD_CLOEXEC, 10);
	int dup2fd = dup2(dupfd, 20);   /* dup2 clears the flag */
	EXPECT("O_CLOEXEC sets FD_CLOEXEC", fcntl(flag, F_GETFD) == FD_CLOEXEC);
	EXPECT("F_DUPFD_CLOEXEC: at least arg, flag set",
	       dupfd >= 10 && fcntl(dupfd, F_GETFD) == FD_CLOEXEC);
	char args[5][16];
	snprintf(args[0], 16, "%d", keep);
	snprintf(args[1], 16, "%d", flag);
	snprintf(args[2], 16, "%d", setfd);
	snprintf(args[3], 16, "%d", dupfd);
	snprintf(args[4], 16, "%d", dup2fd);
	char *argv[] = { self, "--check", args[0], "o", args[1], "c",
			 args[2], "c", args[3], "c", args[4], "o", NULL };
	char *envp[] = { NULL };
	pid_t pid = fork();
	if (pid == 0) {
		execve(self, argv, envp);
		fail("close-on-exec", "execve %s: errno %d", self, errno);
		_exit(99);
	}
	EXPECT("close-on-exec: exec'd program found the fds as expected",
	       wait_child(pid) == 0);
	close(keep); close(flag); close(setfd); close(dupfd); close(dup2fd);
	unlink("cloexec.txt");
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--check") == 0)
		return check_fds(argc, argv);
	find_self(argv[0]);
	const char *dir = enter_workdir("f_share");
	fork_shares_offset();
	dup_shares_offset_and_flags();
	dup2_cases();
	append_two_processes();
	close_on_exec();
	chdir("/");
	EXPECT("f_share: work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
