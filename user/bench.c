/*
 * bench: lmbench-style micro-benchmarks, one line per figure. `make bench`
 * boots the kernel with QEMU's -icount shift=0 (one guest instruction =
 * 1 ns of guest time), so the figures do not depend on the host's load.
 *
 *   bench [what ...]     what: syscall fork exec switch pipe unix
 *                        tcp signal fswrite fsread open, or default
 *                        (the figures bench with no arguments gives:
 *                        all but the file ones)
 *
 * The file figures take two boots, so that the read is cold: the first
 * runs "default fswrite" (16 MiB in 4 KiB writes, then fsync), the
 * second "fsread open" (read it back cold, then warm; open+close).
 *
 * The same binary runs on Linux (tools/benchlinux): it uses nothing
 * Sprout has that Linux lacks. Disk figures come twice: over elapsed
 * time, and over "busy" time, elapsed less the time the CPU sat halted
 * waiting for the disk. Under -icount's sleep=on a halted guest's clock
 * follows the host's, so only the busy figure repeats from run to run.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/mount.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Nanoseconds the CPU has run anything but the idle task since boot:
   /proc/schedstat's line "cpu0 ..." has it seventh (Linux's
   rq_cpu_time). Linux adds a task's time to it when the task is switched
   out, so a short sleep first makes sure ours is in. -1 if unknown. */
static long long busy_ns(void)
{
	struct timespec nap = { 0, 1000000 };
	char line[256];
	long long busy = -1;
	FILE *f;

	nanosleep(&nap, NULL);
	if (!(f = fopen("/proc/schedstat", "r")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "cpu0 ", 5))
			sscanf(line, "%*s %*s %*s %*s %*s %*s %*s %lld", &busy);
	fclose(f);
	return busy;
}

static void report(const char *what, long long total_ns, int n,
		   const char *unit)
{
	long long each = total_ns / n;

	if (!strcmp(unit, "us"))
		printf("bench: %-28s %lld.%03lld us\n", what, each / 1000,
		       each % 1000);
	else
		printf("bench: %-28s %lld ns\n", what, each);
}

static void bench_syscall(void)
{
	const int n = 100000;
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		getpid();
	report("null system call (getpid)", now_ns() - t, n, "ns");
}

static void bench_fork(void)
{
	const int n = 200;
	long long t = now_ns();

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	report("fork+exit+wait", now_ns() - t, n, "us");
}

static void bench_exec(void)
{
	const int n = 100;
	char *argv[] = { "/bin/true", NULL };
	long long t = now_ns();

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execve(argv[0], argv, NULL);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
	report("fork+execve+wait", now_ns() - t, n, "us");
}

/* Two processes take turns with sched_yield: each yield is a switch. */
static void bench_switch(void)
{
	const int n = 20000;
	long long t;
	pid_t pid = fork();

	if (pid == 0) {
		for (int i = 0; i < n; i++)
			sched_yield();
		_exit(0);
	}
	t = now_ns();
	for (int i = 0; i < n; i++)
		sched_yield();
	waitpid(pid, NULL, 0);
	report("context switch (sched_yield)", now_ns() - t, 2 * n, "ns");
}

/* One signal to ourselves and back: kill, the frame, the handler,
   sigreturn. */
static volatile int caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught++;
}

static void bench_signal(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	const int n = 20000;
	pid_t me = getpid();
	long long t;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	t = now_ns();
	for (int i = 0; i < n; i++)
		kill(me, SIGUSR1);
	t = now_ns() - t;
	if (caught != n)
		printf("bench: signal: %d of %d delivered\n", caught, n);
	report("signal delivery (kill+handler)", t, n, "us");
}

#define FILE_SIZE (16 << 20)
#define CHUNK 4096
static const char bench_file[] = "/tmp/bench.dat";
static char chunk[CHUNK];

static void report_rate(const char *what, long long ns)
{
	long long kb_per_s = (long long)FILE_SIZE * 1000000LL / 1024 / (ns / 1000);

	printf("bench: %-28s %lld.%01lld MB/s\n", what, kb_per_s / 1000,
	       kb_per_s % 1000 / 100);
}

/* A disk figure: over the elapsed time, then over the busy time
   (busy_ns() before and after the timed part). */
static void report_disk(const char *what, long long ns, long long busy)
{
	char busy_what[40];

	report_rate(what, ns);
	snprintf(busy_what, sizeof(busy_what), "%s busy", what);
	if (busy > 0)
		report_rate(busy_what, busy);
}

/* A two-way channel between a parent and its child: the descriptor each
   reads and writes. Two pipes make one with four descriptors, a socket
   pair with two (each end both reads and writes). */
struct channel {
	int parent_rd, parent_wr, child_rd, child_wr;
};

static void close_end(int rd, int wr)
{
	close(rd);
	if (wr != rd)
		close(wr);
}

/* One byte to the child and one back: each round trip is two wake-ups
   and two context switches. */
static void round_trip(const char *what, struct channel ch)
{
	const int n = 20000;
	char c = 'x';
	long long t;
	pid_t pid = fork();

	if (pid == 0) {
		close_end(ch.parent_rd, ch.parent_wr);  /* or no end of file */
		while (read(ch.child_rd, &c, 1) == 1)
			write(ch.child_wr, &c, 1);
		_exit(0);
	}
	close_end(ch.child_rd, ch.child_wr);
	t = now_ns();
	for (int i = 0; i < n; i++) {
		write(ch.parent_wr, &c, 1);
		read(ch.parent_rd, &c, 1);
	}
	t = now_ns() - t;
	close_end(ch.parent_rd, ch.parent_wr);  /* the child reads end of file */
	waitpid(pid, NULL, 0);
	report(what, t, n, "us");
}

/* 16 MiB in 64 KiB writes on wr to a child that reads rd until end of
   file. */
#define PIPE_CHUNK (64 << 10)
static char pipe_chunk[PIPE_CHUNK];

static void bandwidth(const char *what, int rd, int wr)
{
	long long t;
	pid_t pid = fork();

	if (pid == 0) {
		close(wr);
		while (read(rd, pipe_chunk, PIPE_CHUNK) > 0)
			;
		_exit(0);
	}
	close(rd);
	t = now_ns();
	for (int done = 0; done < FILE_SIZE; done += PIPE_CHUNK)
		write(wr, pipe_chunk, PIPE_CHUNK);
	close(wr);
	waitpid(pid, NULL, 0);          /* the child has read it all */
	report_rate(what, now_ns() - t);
}

static void bench_pipe(void)
{
	int to_child[2], to_parent[2], p[2];

	pipe(to_child);
	pipe(to_parent);
	round_trip("pipe round trip (1 byte)", (struct channel){
		to_parent[0], to_child[1], to_child[0], to_parent[1] });
	pipe(p);
	bandwidth("pipe 16 MiB (64 KiB writes)", p[0], p[1]);
}

/* The same over AF_UNIX stream sockets: a connected pair, as
   socketpair() makes it (the data path of bind/listen/accept/connect). */
static void bench_unix(void)
{
	int sv[2];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	round_trip("AF_UNIX round trip (1 byte)", (struct channel){
		sv[0], sv[0], sv[1], sv[1] });
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	bandwidth("AF_UNIX 16 MiB (64K writes)", sv[1], sv[0]);
}

/* A TCP connection over the loopback interface (127.0.0.1), both ends
   in this process: sv[0] the client's, sv[1] the one accept() gave. The
   listener takes an ephemeral port; TCP_NODELAY sends each 1-byte write
   at once instead of waiting for more (Nagle's algorithm). */
static void tcp_pair(int sv[2])
{
	struct sockaddr_in addr = { .sin_family = AF_INET };
	socklen_t len = sizeof(addr);
	int one = 1, listener = socket(AF_INET, SOCK_STREAM, 0);

	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(listener, (struct sockaddr *)&addr, sizeof(addr));
	listen(listener, 1);
	getsockname(listener, (struct sockaddr *)&addr, &len);
	sv[0] = socket(AF_INET, SOCK_STREAM, 0);
	connect(sv[0], (struct sockaddr *)&addr, sizeof(addr));
	sv[1] = accept(listener, NULL, NULL);
	close(listener);
	for (int i = 0; i < 2; i++)
		setsockopt(sv[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

/* The same over TCP/IP on lo: every byte through TCP, IP, the loopback
   device and netd (docs/net.md), where AF_UNIX copies it straight over. */
static void bench_tcp(void)
{
	int sv[2];

	tcp_pair(sv);
	round_trip("TCP lo round trip (1 byte)", (struct channel){
		sv[0], sv[0], sv[1], sv[1] });
	tcp_pair(sv);
	bandwidth("TCP lo 16 MiB (64K writes)", sv[1], sv[0]);
}

static void bench_fswrite(void)
{
	int fd = open(bench_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long long busy = busy_ns(), t = now_ns();

	memset(chunk, 'x', sizeof(chunk));
	for (int done = 0; done < FILE_SIZE; done += CHUNK)
		if (write(fd, chunk, CHUNK) != CHUNK) {
			printf("bench: write failed\n");
			return;
		}
	fsync(fd);
	t = now_ns() - t;
	report_disk("write 16 MiB (4 KiB, fsync)", t, busy_ns() - busy);
	close(fd);
}

/* The time to read the whole file, -1 if it is not all there; *busy
   gets the busy part of it. */
static long long read_all(long long *busy)
{
	int fd = open(bench_file, O_RDONLY);
	long long t, total = 0;
	ssize_t n;

	*busy = busy_ns();
	t = now_ns();
	while ((n = read(fd, chunk, CHUNK)) > 0)
		total += n;
	t = now_ns() - t;
	*busy = busy_ns() - *busy;
	close(fd);
	return total == FILE_SIZE ? t : -1;
}

/* Cold, then warm: each figure is printed before the next read, so
   that tools/kprof, which splits its profile at each line, sees them
   apart. */
static void bench_fsread(void)
{
	long long busy, cold = read_all(&busy), warm;

	if (cold < 0)
		goto failed;
	report_disk("read 16 MiB cold", cold, busy);
	if ((warm = read_all(&busy)) < 0)
		goto failed;
	report_rate("read 16 MiB warm", warm);
	return;
failed:
	printf("bench: read failed (run fswrite first)\n");
}

static void bench_open(void)
{
	const int n = 2000;
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		close(open("/bin/bench", O_RDONLY));
	report("open+close", now_ns() - t, n, "ns");
}

static const struct {
	const char *name;
	void (*run)(void);
	bool by_default;
} benches[] = {
	{ "syscall", bench_syscall, true },
	{ "fork", bench_fork, true },
	{ "exec", bench_exec, true },
	{ "switch", bench_switch, true },
	{ "pipe", bench_pipe, true },
	{ "unix", bench_unix, true },
	{ "tcp", bench_tcp, true },
	{ "signal", bench_signal, true },
	{ "fswrite", bench_fswrite, false },
	{ "fsread", bench_fsread, false },
	{ "open", bench_open, false },
};

/* Whether the command line names `what`. */
static bool asked(int argc, char **argv, const char *what)
{
	for (int a = 1; a < argc; a++)
		if (!strcmp(argv[a], what))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	bool defaults = argc < 2 || asked(argc, argv, "default");

	/* As process 1 (Sprout's `make bench`) it comes first: nothing has
	   mounted /proc, and the clock says how long the kernel took to
	   start it (on Linux the benchmark's init says that). */
	if (getpid() == 1) {
		if (defaults)
			report("boot to process 1", now_ns(), 1, "us");
		mount("proc", "/proc", "proc", 0, NULL);
	}
	for (size_t i = 0; i < sizeof(benches) / sizeof(benches[0]); i++)
		if ((defaults && benches[i].by_default) ||
		    asked(argc, argv, benches[i].name))
			benches[i].run();
	printf("bench: done\n");
	return 0;
}
