/*
 * /proc: mount and umount2, and what its files say about processes,
 * open files, memory and mounts, in Linux's formats. On Sprout the
 * program mounts /proc itself (it runs as process 1); on Linux, where
 * /proc is mounted already, the mount cases are skipped and the rest
 * checks that the formats copied from Linux are Linux's.
 */
#include "check.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define BAD_PTR ((const char *)1)

static char text[8192];

/* The whole of a /proc file in text (NUL-ended): its length, or -1. */
static int slurp(const char *path)
{
	int fd = open(path, O_RDONLY), n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = '\0';
	return n < 0 ? -1 : len;
}

static int slurp_pid(pid_t pid, const char *file)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
	return slurp(path);
}

/* The state letter in /proc/PID/stat, or 0 if it cannot be read. */
static char stat_state(pid_t pid)
{
	char *p;

	if (slurp_pid(pid, "stat") < 0 || !(p = strrchr(text, ')')))
		return 0;
	return p[2];
}

/* Wait (at most 5 s) for the process to reach a state. */
static int wait_state(pid_t pid, char state)
{
	for (int i = 0; i < 500; i++) {
		if (stat_state(pid) == state)
			return 1;
		sleep_ms(10);
	}
	return 0;
}

static int errno_of(int r)
{
	return r < 0 ? errno : 0;
}

static void mount_errors(void)
{
	int fd;

	expect("mount of an unknown type is ENODEV",
	       errno_of(mount("x", "/proc", "nosuchfs", 0, NULL)) == ENODEV,
	       "errno %d", errno);
	expect("mount with a bad fstype pointer is EFAULT",
	       errno_of(mount("proc", "/proc", BAD_PTR, 0, NULL)) == EFAULT,
	       "errno %d", errno);
	expect("mount with a bad target pointer is EFAULT",
	       errno_of(mount("proc", BAD_PTR, "proc", 0, NULL)) == EFAULT,
	       "errno %d", errno);
	expect("mount on a missing directory is ENOENT",
	       errno_of(mount("proc", "/nosuch", "proc", 0, NULL)) == ENOENT,
	       "errno %d", errno);
	expect("the target is looked up before the type (ENOENT, not ENODEV)",
	       errno_of(mount("x", "/nosuch", "nosuchfs", 0, NULL)) == ENOENT,
	       "errno %d", errno);
	expect("MS_BIND (not supported) is EINVAL",
	       errno_of(mount("/tmp", "/proc", "proc", MS_BIND, NULL)) ==
	       EINVAL, "errno %d", errno);
	expect("mount on a file is ENOTDIR",
	       errno_of(mount("proc", "/bin/tests/t_procfs", "proc", 0,
			      NULL)) == ENOTDIR, "errno %d", errno);
	expect("mount(\"proc\", \"/proc\", \"proc\") works",
	       mount("proc", "/proc", "proc", 0, NULL) == 0, "errno %d", errno);
	expect("mounting it again is EBUSY",
	       errno_of(mount("proc", "/proc", "proc", 0, NULL)) == EBUSY,
	       "errno %d", errno);
	expect("umount2 of a directory that is no mount point is EINVAL",
	       errno_of(umount2("/tmp", 0)) == EINVAL, "errno %d", errno);
	expect("umount2 with unknown flags is EINVAL",
	       errno_of(umount2("/proc", 0x100)) == EINVAL, "errno %d", errno);
	expect("umount2 of / is EBUSY", errno_of(umount2("/", 0)) == EBUSY,
	       "errno %d", errno);
	fd = open("/proc/uptime", O_RDONLY);
	expect("umount2 while a file under it is open is EBUSY",
	       fd >= 0 && errno_of(umount2("/proc", 0)) == EBUSY,
	       "fd %d, errno %d", fd, errno);
	close(fd);
	chdir("/proc/self");
	expect("umount2 while it is the current directory is EBUSY",
	       errno_of(umount2("/proc", 0)) == EBUSY, "errno %d", errno);
	chdir("/");
	expect("umount2 once nothing uses it works, and /proc is empty again",
	       umount2("/proc", 0) == 0 && access("/proc/self", F_OK) < 0,
	       "errno %d", errno);
	expect("umount (no flags) of a mount point that went is EINVAL",
	       errno_of(umount("/proc")) == EINVAL, "errno %d", errno);
	expect("mount with a NULL source works too",
	       mount(NULL, "/proc", "proc", 0, NULL) == 0, "errno %d", errno);
	umount("/proc");
	mount("proc", "/proc", "proc", 0, NULL);
}

static void mounts_file(void)
{
	int n = slurp("/proc/mounts");

	expect("/proc/mounts lists proc on /proc",
	       n > 0 && strstr(text, "proc /proc proc rw"), "got \"%s\"", text);
	if (on_sprout())
		expect("/proc/mounts lists the disk on / first",
		       strncmp(text, "/dev/hda / ext2 rw 0 0\n", 23) == 0,
		       "got \"%s\"", text);
}

static void stat_modes(void)
{
	struct stat root, proc, self, up, st1, st2;
	int ok = stat("/", &root) == 0 && stat("/proc", &proc) == 0 &&
		 lstat("/proc/self", &self) == 0 &&
		 stat("/proc/uptime", &up) == 0;

	expect("stat of /proc: a directory 0555 on a device of its own",
	       ok && proc.st_mode == (S_IFDIR | 0555) &&
	       proc.st_dev != root.st_dev,
	       "mode %o, dev %lx vs %lx", (unsigned)proc.st_mode,
	       (unsigned long)proc.st_dev, (unsigned long)root.st_dev);
	expect("lstat of /proc/self: a link 0777",
	       ok && self.st_mode == (S_IFLNK | 0777), "mode %o",
	       (unsigned)self.st_mode);
	expect("stat of /proc/uptime: a file 0444",
	       ok && up.st_mode == (S_IFREG | 0444), "mode %o",
	       (unsigned)up.st_mode);
	ok = stat("/proc/self/stat", &st1) == 0 &&
	     stat("/proc/self/status", &st2) == 0;
	expect("st_ino differs between /proc files",
	       ok && st1.st_ino != st2.st_ino && st1.st_ino != up.st_ino &&
	       st1.st_ino != proc.st_ino && self.st_ino != up.st_ino,
	       "%lu %lu %lu %lu", (unsigned long)st1.st_ino,
	       (unsigned long)st2.st_ino, (unsigned long)up.st_ino,
	       (unsigned long)proc.st_ino);
	stat("/proc/1/stat", &st2);
	expect("and between two processes' stat files",
	       getpid() == 1 || st1.st_ino != st2.st_ino, "both %lu",
	       (unsigned long)st1.st_ino);
}

static void self_and_stat(void)
{
	char link[32], want[32], comm[32], state;
	int pid, ppid, pgrp, sid, n = readlink("/proc/self", link, 31);

	link[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "%d", (int)getpid());
	expect("readlink(/proc/self) is our pid", !strcmp(link, want),
	       "\"%s\", pid %s", link, want);
	n = slurp("/proc/self/stat");
	n = n > 0 ? sscanf(text, "%d (%31[^)]) %c %d %d %d", &pid, comm,
			   &state, &ppid, &pgrp, &sid) : 0;
	expect("/proc/self/stat: pid (comm) state ppid pgrp session",
	       n == 6 && pid == getpid() && !strcmp(comm, "t_procfs") &&
	       state == 'R' && ppid == getppid() && pgrp == getpgrp() &&
	       sid == getsid(0), "\"%s\"", text);
	n = 0;
	for (char *p = text; *p; p++)
		n += *p == ' ';
	expect("it has Linux's 52 fields", n == 51, "%d spaces", n);
	slurp("/proc/self/status");
	snprintf(want, sizeof(want), "\nPid:\t%d\n", (int)getpid());
	expect("/proc/self/status: Name, State, Pid",
	       !strncmp(text, "Name:\tt_procfs\n", 15) &&
	       strstr(text, "\nState:\tR (running)\n") && strstr(text, want),
	       "\"%s\"", text);
}

/* The child states a parent sees, down to the reaped child's ENOENT. */
static void child_states(void)
{
	pid_t pid = fork();
	char path[64];
	int status;

	if (pid == 0) {
		pause();
		_exit(0);
	}
	expect("a child in pause() is 'S'", wait_state(pid, 'S'), "state %c",
	       stat_state(pid));
	kill(pid, SIGSTOP);
	expect("a stopped child is 'T'", wait_state(pid, 'T'), "state %c",
	       stat_state(pid));
	slurp_pid(pid, "status");
	expect("and its status says \"T (stopped)\"",
	       strstr(text, "State:\tT (stopped)\n") != NULL, "\"%s\"", text);
	kill(pid, SIGKILL);
	expect("a killed child not yet waited for is 'Z'", wait_state(pid, 'Z'),
	       "state %c", stat_state(pid));
	waitpid(pid, &status, 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	expect("a reaped child's stat is ENOENT",
	       errno_of(open(path, O_RDONLY)) == ENOENT, "errno %d", errno);
}

/* A file opened before its process went: reading it is ESRCH. */
static void opened_before_exit(void)
{
	pid_t pid = fork();
	char path[64], c;
	int fd, status;

	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	expect("reading a reaped process's file opened before is ESRCH",
	       fd >= 0 && errno_of(read(fd, &c, 1)) == ESRCH, "fd %d, errno %d",
	       fd, errno);
	close(fd);
}

/* Read every file and link of process dir (a name in /proc). Links are
   only read: opening fd/0 would open a terminal and wait for it. */
static void read_all_of(const char *dir)
{
	static const char *const texts[] = { "stat", "status", "cmdline" };
	static const char *const links[] = { "cwd", "fd/0", "fd/1" };
	char path[300], buf[256];

	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "/proc/%s/%s", dir, texts[i]);
		slurp(path);
		snprintf(path, sizeof(path), "/proc/%s/%s", dir, links[i]);
		readlink(path, buf, sizeof(buf));
	}
}

/* All of /proc, read while processes come and go: never a crash. */
static void churn(void)
{
	int rounds = 0, status;

	for (int i = 0; i < 20; i++) {
		pid_t pid = fork();
		DIR *d;
		struct dirent *e;

		if (pid == 0)
			_exit(0);
		d = opendir("/proc");
		while (d && (e = readdir(d)))
			read_all_of(e->d_name);
		if (d)
			closedir(d);
		rounds += waitpid(pid, &status, 0) == pid;
	}
	expect("reading all of /proc while 20 children come and go",
	       rounds == 20, "%d children reaped", rounds);
}

static const char *const child_args[] = {
	"t_procfs", "--pause", "two words", "", "last", NULL,
};

/* Another process's argv, read through its page tables. */
static void cmdline(const char *self)
{
	pid_t pid = fork();
	char want[64];
	int n, len = 0, wstatus;

	if (pid == 0) {
		execv(self, (char *const *)child_args);
		_exit(127);
	}
	for (int i = 0; child_args[i]; i++) {
		strcpy(want + len, child_args[i]);
		len += strlen(child_args[i]) + 1;
	}
	wait_state(pid, 'S');
	n = slurp_pid(pid, "cmdline");
	expect("a child's cmdline is its argv, NUL-separated",
	       n == len && !memcmp(text, want, len), "%d bytes, want %d", n, len);
	kill(pid, SIGKILL);
	waitpid(pid, &wstatus, 0);
	n = slurp("/proc/self/cmdline");
	expect("our own cmdline ends in a NUL", n > 0 && text[n - 1] == '\0',
	       "%d bytes", n);
}

/* Which of fds 0-63 /proc/self/fd lists, as a bit set (readdir reads
   it with getdents64). */
static unsigned long long listed_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	unsigned long long set = 0;
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && atoi(e->d_name) < 64)
			set |= 1ULL << atoi(e->d_name);
	if (d)
		closedir(d);
	return set;
}

static int link_is(const char *path, const char *want)
{
	char buf[256];
	int n = readlink(path, buf, sizeof(buf) - 1);

	buf[n > 0 ? n : 0] = '\0';
	if (strcmp(buf, want))
		printf("# %s -> \"%s\", want \"%s\"\n", path, buf, want);
	return !strcmp(buf, want);
}

static void fd_links(void)
{
	int fd = open("/tmp/procfs_f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int p[2], dfd, again;
	unsigned long long set, want = 0;
	char path[64], name[64];
	struct stat st;

	pipe(p);
	for (int i = 0; i < 64; i++)
		if (fcntl(i, F_GETFD) >= 0)
			want |= 1ULL << i;
	dfd = open("/", O_RDONLY);      /* the lowest free fd: opendir's */
	close(dfd);
	set = listed_fds();
	expect("/proc/self/fd lists the open fds (and opendir's own)",
	       set == (want | 1ULL << dfd), "%llx, want %llx", set,
	       want | 1ULL << dfd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	expect("readlink of a file's fd gives its path",
	       link_is(path, "/tmp/procfs_f"), "see above");
	fstat(p[0], &st);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	snprintf(name, sizeof(name), "pipe:[%lu]", (unsigned long)st.st_ino);
	expect("readlink of a pipe's fd gives pipe:[ino]", link_is(path, name),
	       "see above");
	if (on_sprout())
		expect("fd 0 of process 1 is /dev/console",
		       link_is("/proc/self/fd/0", "/dev/console"), "see above");
	chdir("/tmp");
	again = open("procfs_f", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", again);
	expect("a file opened by a relative name has an absolute path",
	       link_is(path, "/tmp/procfs_f"), "see above");
	expect("/proc/self/cwd is the current directory",
	       link_is("/proc/self/cwd", "/tmp"), "see above");
	chdir("/");
	unlink("/tmp/procfs_f");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	expect("an unlinked file's path ends in \" (deleted)\"",
	       link_is(path, "/tmp/procfs_f (deleted)"), "see above");
	dfd = open("/tmp", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", dfd);
	expect("a directory's fd gives the directory's path",
	       link_is(path, "/tmp"), "see above");
	close(dfd);
	close(again);
	close(fd);
	close(p[0]);
	close(p[1]);
}

/* A link's mode, as lstat gives it, for one of our fds. */
static unsigned fd_mode(int fd)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return lstat(path, &st) == 0 ? (unsigned)st.st_mode : 0;
}

/* Linux shows an fd's access mode in its link's permissions. */
static void fd_modes(void)
{
	int r = open("/proc/self/stat", O_RDONLY);
	int w = open("/tmp/procfs_m", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int rw = open("/tmp/procfs_m", O_RDWR);
	struct stat st;
	int ok = stat("/proc/self/fd", &st) == 0;

	expect("an O_RDONLY fd's link is lr-x------",
	       fd_mode(r) == (S_IFLNK | 0500), "mode %o", fd_mode(r));
	expect("an O_WRONLY fd's link is l-wx------",
	       fd_mode(w) == (S_IFLNK | 0300), "mode %o", fd_mode(w));
	expect("an O_RDWR fd's link is lrwx------",
	       fd_mode(rw) == (S_IFLNK | 0700), "mode %o", fd_mode(rw));
	expect("/proc/self/fd is dr-x------",
	       ok && st.st_mode == (S_IFDIR | 0500), "mode %o",
	       (unsigned)st.st_mode);
	close(r);
	close(w);
	close(rw);
	unlink("/tmp/procfs_m");
}

/* /proc/PID/exe: the program exec loaded, by its absolute path, kept
   across fork; none for a kernel thread (pid 2 on Sprout and Linux). */
static void exe_link(const char *want)
{
	char dir[256], path[64], *slash;
	pid_t pid;
	int wstatus;

	expect("readlink(/proc/self/exe) is our program's absolute path",
	       link_is("/proc/self/exe", want), "see above");
	strcpy(dir, want);
	if ((slash = strrchr(dir, '/')))
		*slash = '\0';
	if ((pid = fork()) == 0) {
		chdir(dir);
		execl("./t_procfs", "t_procfs", "--pause", (char *)NULL);
		_exit(127);
	}
	wait_state(pid, 'S');
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	expect("a program exec'd by a relative name has an absolute exe",
	       link_is(path, want), "see above");
	kill(pid, SIGKILL);
	waitpid(pid, &wstatus, 0);
	if ((pid = fork()) == 0) {
		pause();
		_exit(0);
	}
	wait_state(pid, 'S');
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	expect("a forked child has its parent's exe", link_is(path, want),
	       "see above");
	kill(pid, SIGKILL);
	waitpid(pid, &wstatus, 0);
	if (on_sprout() || geteuid() == 0)
		expect("a kernel thread has no exe: ENOENT",
		       errno_of(readlink("/proc/2/exe", path, sizeof(path))) ==
		       ENOENT, "errno %d", errno);
	else
		skip("a kernel thread has no exe: ENOENT", "not root");
}

/* statfs's f_type names the file system: proc's, and for a pipe or a
   socket the kernel's internal pipefs and sockfs (Linux's magic numbers). */
static void fs_types(void)
{
	struct statfs s;
	int p[2], sv[2], r;

	r = statfs("/proc", &s);
	expect("statfs(/proc) is PROC_SUPER_MAGIC 0x9fa0",
	       r == 0 && s.f_type == 0x9fa0, "type %lx",
	       (unsigned long)s.f_type);
	pipe(p);
	r = fstatfs(p[0], &s);
	expect("fstatfs of a pipe is PIPEFS_MAGIC 0x50495045",
	       r == 0 && s.f_type == 0x50495045, "type %lx",
	       (unsigned long)s.f_type);
	close(p[0]);
	close(p[1]);
	r = socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0 ? fstatfs(sv[0], &s)
							 : -1;
	expect("fstatfs of a socket is SOCKFS_MAGIC 0x534f434b",
	       r == 0 && s.f_type == 0x534F434B, "type %lx",
	       (unsigned long)s.f_type);
	close(sv[0]);
	close(sv[1]);
}

/* getcwd in /proc, and ".." back out of it onto the disk. */
static void cwd_in_proc(void)
{
	char buf[64], want[64];

	snprintf(want, sizeof(want), "/proc/%d/fd", (int)getpid());
	expect("getcwd in /proc/self/fd gives /proc/PID/fd",
	       chdir("/proc/self/fd") == 0 && getcwd(buf, sizeof(buf)) &&
	       !strcmp(buf, want), "\"%s\"", buf);
	expect("\"..\" twice leads to /proc",
	       chdir("../..") == 0 && getcwd(buf, sizeof(buf)) &&
	       !strcmp(buf, "/proc"), "\"%s\"", buf);
	expect("and once more out of /proc to /",
	       chdir("..") == 0 && getcwd(buf, sizeof(buf)) &&
	       !strcmp(buf, "/"), "\"%s\"", buf);
}

static int listed(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= !strcmp(e->d_name, name);
	if (d)
		closedir(d);
	return found;
}

static void listing(void)
{
	char pid[16];

	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	expect("ls /proc shows self, meminfo, 1 and our pid",
	       listed("/proc", "self") && listed("/proc", "meminfo") &&
	       listed("/proc", "1") && listed("/proc", pid), "missing");
	expect("ls /proc/self shows stat, status, cmdline, fd, exe",
	       listed("/proc/self", "stat") && listed("/proc/self", "status") &&
	       listed("/proc/self", "cmdline") && listed("/proc/self", "fd") &&
	       listed("/proc/self", "exe"),
	       "missing");
}

static long meminfo(const char *field)
{
	char *p;

	slurp("/proc/meminfo");
	p = strstr(text, field);
	return p ? atol(p + strlen(field)) : -1;
}

static void memory(void)
{
	long before = meminfo("MemFree:"), after;
	char *big = malloc(4 << 20);

	expect("meminfo has MemTotal, MemFree, MemAvailable, Buffers, Cached",
	       !strncmp(text, "MemTotal:", 9) && strstr(text, "\nMemFree:") &&
	       strstr(text, "\nMemAvailable:") && strstr(text, "\nBuffers:") &&
	       strstr(text, "\nCached:"), "\"%s\"", text);
	for (int i = 0; big && i < 4 << 20; i += 4096)
		big[i] = 1;
	after = meminfo("MemFree:");
	if (on_sprout())
		expect("MemFree falls by 4 MiB once 4 MiB are touched",
		       before - after >= 4000, "%ld kB -> %ld kB", before, after);
	free(big);
}

static void uptime(void)
{
	double up1 = 0, up2 = 0, idle = -1;

	slurp("/proc/uptime");
	sscanf(text, "%lf %lf", &up1, &idle);
	sleep_ms(200);
	slurp("/proc/uptime");
	sscanf(text, "%lf", &up2);
	expect("uptime grows", up1 > 0 && idle >= 0 && up2 > up1,
	       "%f then %f (idle %f)", up1, up2, idle);
	slurp("/proc/loadavg");
	double l1, l5, l15;
	int running, all, last;
	expect("loadavg: three averages, running/all, last pid",
	       sscanf(text, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &running,
		      &all, &last) == 6 && running >= 1 && all >= running,
	       "\"%s\"", text);
}

/* The seventh number of schedstat's cpu0 line: ns the CPU ran tasks
   other than the idle task. -1 if the line is not there. */
static long long schedstat_busy(void)
{
	long long busy = -1;
	char *cpu0;

	slurp("/proc/schedstat");
	if ((cpu0 = strstr(text, "\ncpu0 ")))
		sscanf(cpu0, " cpu0 %*s %*s %*s %*s %*s %*s %lld", &busy);
	return busy;
}

static long long monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Sprout's busy time is the time since boot less the time halted: it
   grows while we work, and across a sleep by less than the clock. */
static void schedstat(void)
{
	const char *version = on_sprout() ? "version 15\n" : "version ";
	long long busy1 = schedstat_busy(), t1 = monotonic();

	expect("schedstat: \"version N\" (Sprout: 15), then a cpu0 line",
	       !strncmp(text, version, strlen(version)) && busy1 >= 0,
	       "\"%s\"", text);
	if (!on_sprout())
		return;
	for (int i = 0; i < 1000; i++)
		getppid();
	long long busy2 = schedstat_busy();
	sleep_ms(200);
	long long busy3 = schedstat_busy(), t3 = monotonic();
	expect("schedstat: busy time grows, by less than the clock over a sleep",
	       busy1 <= t1 && busy2 > busy1 && busy3 - busy1 < t3 - t1,
	       "%lld %lld %lld ns busy over %lld ns", busy1, busy2, busy3,
	       t3 - t1);
}

/* The writes completed (the 8th field) on /proc/diskstats' line for
   disk (Linux lists more disks). -1 if there is no such line. */
static long long disk_writes(const char *disk)
{
	char name[32];
	long long writes;

	slurp("/proc/diskstats");
	for (char *line = text; line; line = strchr(line + 1, '\n'))
		if (sscanf(line, " %*d %*d %31s %*s %*s %*s %*s %lld", name,
			   &writes) == 2 && !strcmp(name, disk))
			return writes;
	return -1;
}

/* Every write request the disk completes counts (the crash tests'
   crashafter=N counts the same ones): an fsync'd file adds some. */
static void diskstats(void)
{
	long long before, after;
	int fd;

	if (!on_sprout()) {
		skip("diskstats", "not on Sprout: which disk is unknown here");
		return;
	}
	before = disk_writes("hda");
	fd = open("/tmp/diskstats-test", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, text, 4096);
	fsync(fd);
	close(fd);
	unlink("/tmp/diskstats-test");
	after = disk_writes("hda");
	expect("diskstats: hda's writes completed grow with an fsync'd file",
	       before >= 0 && after > before, "%lld then %lld writes", before,
	       after);
}

/* One byte at a time gives the same text as one read; lseek works. */
static void partial_reads(void)
{
	int len = slurp("/proc/mounts"), fd = open("/proc/mounts", O_RDONLY);
	char one[8192], c;
	int n = 0;

	while (n < (int)sizeof(one) && read(fd, &c, 1) == 1)
		one[n++] = c;
	expect("reading a byte at a time gives the whole text",
	       n == len && !memcmp(one, text, n), "%d bytes, want %d", n, len);
	expect("lseek to 5 and read gives the text from byte 5",
	       lseek(fd, 5, SEEK_SET) == 5 && read(fd, one, 10) == 10 &&
	       !memcmp(one, text + 5, 10), "errno %d", errno);
	expect("lseek from the end is EINVAL",
	       lseek(fd, 0, SEEK_END) < 0 && errno == EINVAL, "errno %d", errno);
	close(fd);
}

static void writes_refused(void)
{
	int fd = open("/proc/self/stat", O_RDONLY), wfd;

	expect("write on a read-only /proc fd is EBADF",
	       errno_of(write(fd, "x", 1)) == EBADF, "errno %d", errno);
	close(fd);
	wfd = open("/proc/self/stat", O_WRONLY);
	expect("write to /proc/self/stat fails (EACCES, or EINVAL for root)",
	       (wfd < 0 && errno == EACCES) ||
	       (wfd >= 0 && errno_of(write(wfd, "x", 1)) == EINVAL),
	       "fd %d, errno %d", wfd, errno);
	close(wfd);
	expect("creating a file in /proc is ENOENT",
	       errno_of(open("/proc/newfile", O_CREAT | O_WRONLY, 0644)) ==
	       ENOENT, "errno %d", errno);
	expect("mkdir in /proc is ENOENT",
	       errno_of(mkdir("/proc/newdir", 0755)) == ENOENT, "errno %d",
	       errno);
	expect("unlink of /proc/uptime is EPERM",
	       errno_of(unlink("/proc/uptime")) == EPERM, "errno %d", errno);
	expect("rmdir of the mount point /proc is EBUSY",
	       errno_of(rmdir("/proc")) == EBUSY, "errno %d", errno);
}

int main(int argc, char **argv)
{
	char program[256];

	check_init(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "--pause")) {
		pause();
		return 0;
	}
	if (!realpath(argv[0], program))     /* before any chdir */
		strcpy(program, "?");
	if (on_sprout())
		mount_errors();
	else
		skip("mount and umount2", "not on Sprout: /proc is in use here");
	mounts_file();
	stat_modes();
	self_and_stat();
	child_states();
	opened_before_exit();
	churn();
	cmdline(argv[0]);
	fd_links();
	fd_modes();
	exe_link(program);
	fs_types();
	cwd_in_proc();
	listing();
	memory();
	uptime();
	schedstat();
	diskstats();
	partial_reads();
	writes_refused();
	return check_done();
}
