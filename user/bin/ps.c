/*
 * ps: the processes, as the kernel describes them under /proc: one
 * folder per process, named by its pid, whose "stat" file holds its
 * state on one line and "cmdline" its arguments.
 *
 *   ps [-e | -A] [-T | -L] [-o COLUMN[,COLUMN]...]
 *
 *     PID  PPID  PGID STAT     TIME CMD
 *       1     0     1 Ss   00:00:00 /sbin/init
 *
 * -T and -L show threads: a row per thread (from /proc/PID/task/), with
 * its id in a SPID (-T) or LWP column (-L, with NLWP: the process's
 * number of threads), as procps does; STAT's l marks a process of
 * several threads.
 *
 * Without -e, only the processes on ps's own terminal. STAT is the
 * state (R running, S sleeping, D in uninterruptible wait, T stopped, Z
 * zombie: exited, not yet waited for), then s for a session leader and
 * + for a process in its terminal's foreground group (procps's letters;
 * also < and N for raised and lowered priority). TIME is the CPU time
 * used, user and system.
 *
 * -o picks the columns, by procps's names: pid ppid pgid stat time, comm
 * (the name in stat, COMMAND) and args (the command line, COMMAND), spid
 * lwp tid (the thread's id, under three headers) and nlwp; the default
 * is pid,ppid,pgid,stat,time,cmd (cmd: args headed CMD). As
 * procps does, a column of text that is not the last is cut to its
 * width, and the last is not padded.
 */
#include <dirent.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CLOCK_TICKS 100         /* /proc's times are in 1/100 s (USER_HZ) */

struct proc {
	int pid, tid, ppid, pgrp, session, tty, tpgid, nice, threads;
	char state;
	unsigned long ticks;    /* utime + stime */
	char comm[64];
};

/* The columns -o can name: procps's headers, widths and alignment. */
enum { PID, PPID, PGID, STAT, TIME, COMM, ARGS, TID, NLWP, NVALUES };

struct column {
	const char *name, *header;
	int width, right;
	int value;              /* which of a process's texts it shows */
};

static const struct column columns[] = {
	{ "pid", "PID", 5, 1, PID }, { "ppid", "PPID", 5, 1, PPID },
	{ "pgid", "PGID", 5, 1, PGID }, { "stat", "STAT", 4, 0, STAT },
	{ "time", "TIME", 8, 1, TIME }, { "comm", "COMMAND", 15, 0, COMM },
	{ "args", "COMMAND", 27, 0, ARGS }, { "cmd", "CMD", 27, 0, ARGS },
	{ "spid", "SPID", 5, 1, TID }, { "lwp", "LWP", 5, 1, TID },
	{ "tid", "TID", 5, 1, TID }, { "nlwp", "NLWP", 4, 1, NLWP },
};
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))
#define MAX_SHOWN 16

static const struct column *shown[MAX_SHOWN];  /* the columns, in order */
static int nshown;

static void usage(void)
{
	fprintf(stderr, "usage: ps [-e] [-T | -L] [-o column[,column]...]\n");
	exit(1);
}

/* -o's list ("pid,stat,args") onto the end of shown[]. */
static void add_columns(char *list)
{
	for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
		size_t i = 0;

		while (i < NCOLUMNS && strcmp(columns[i].name, name) != 0)
			i++;
		if (i == NCOLUMNS)
			errx(1, "unknown user-defined format specifier \"%s\"", name);
		if (nshown == MAX_SHOWN)
			errx(1, "too many columns");
		shown[nshown++] = &columns[i];
	}
}

/* One row: texts[i] in shown[i]'s column, one space between. */
static void print_row(const char *texts[])
{
	for (int i = 0; i < nshown; i++) {
		const struct column *c = shown[i];

		if (i)
			putchar(' ');
		if (c->right)
			printf("%*s", c->width, texts[i]);
		else if (i == nshown - 1)
			fputs(texts[i], stdout);
		else
			printf("%-*.*s", c->width, c->width, texts[i]);
	}
	putchar('\n');
}

/* /proc/PID/stat: "PID (COMM) STATE PPID PGRP SESSION TTY TPGID ...".
   COMM may hold spaces and parentheses: it ends at the last ')'. pid may
   be "PID/task/TID": a thread's, whose first number is its tid. */
static int read_stat(const char *pid, struct proc *p)
{
	char path[64], line[1024], *lparen, *rparen;
	unsigned long utime, stime;
	long nice;
	FILE *f;
	int n;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;             /* it exited meanwhile */
	n = fgets(line, sizeof(line), f) != NULL;
	fclose(f);
	lparen = strchr(line, '(');
	rparen = strrchr(line, ')');
	if (!n || !lparen || !rparen || rparen < lparen)
		return -1;
	p->pid = p->tid = atoi(line);
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(rparen - lparen - 1), lparen + 1);
	/* fields 3-19: state ppid pgrp session tty_nr tpgid flags minflt
	   cminflt majflt cmajflt utime stime cutime cstime priority nice,
	   and 20 num_threads */
	n = sscanf(rparen + 2, "%c %d %d %d %d %d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %ld %d",
		   &p->state, &p->ppid, &p->pgrp, &p->session, &p->tty, &p->tpgid,
		   &utime, &stime, &nice, &p->threads);
	if (n != 10)
		return -1;
	p->ticks = utime + stime;
	p->nice = (int)nice;
	return 0;
}

/* /proc/PID/cmdline: the arguments, each ending in a NUL; shown with
   spaces between. Empty for a zombie (its memory is gone). */
static void read_cmdline(const char *pid, char *buf, size_t size)
{
	char path[64];
	ssize_t n = 0;
	int fd;

	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		n = read(fd, buf, size - 1);
		close(fd);
	}
	if (n < 0)
		n = 0;
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	buf[n] = '\0';
}

static void format_stat(const struct proc *p, char out[8])
{
	int n = 0;

	out[n++] = p->state;
	if (p->nice < 0)
		out[n++] = '<';
	else if (p->nice > 0)
		out[n++] = 'N';
	if (p->pid == p->session)
		out[n++] = 's';
	if (p->threads > 1)
		out[n++] = 'l';
	if (p->tty && p->pgrp == p->tpgid)
		out[n++] = '+';
	out[n] = '\0';
}

/* [DD-]HH:MM:SS */
static void format_time(unsigned long ticks, char out[32])
{
	unsigned long s = ticks / CLOCK_TICKS;

	if (s >= 86400)
		snprintf(out, 32, "%lu-%02lu:%02lu:%02lu", s / 86400, s / 3600 % 24,
			 s / 60 % 60, s % 60);
	else
		snprintf(out, 32, "%02lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
}

static void print_process(const char *pid, const struct proc *p)
{
	char numbers[5][16], stat[8], time[32], cmd[4096], named[96];
	const char *values[NVALUES], *texts[MAX_SHOWN];

	snprintf(numbers[0], sizeof(numbers[0]), "%d", p->pid);
	snprintf(numbers[1], sizeof(numbers[1]), "%d", p->ppid);
	snprintf(numbers[2], sizeof(numbers[2]), "%d", p->pgrp);
	snprintf(numbers[3], sizeof(numbers[3]), "%d", p->tid);
	snprintf(numbers[4], sizeof(numbers[4]), "%d", p->threads);
	format_stat(p, stat);
	format_time(p->ticks, time);
	read_cmdline(pid, cmd, sizeof(cmd));
	snprintf(named, sizeof(named), "[%s]%s", p->comm, p->state == 'Z' ? " <defunct>" : "");
	values[PID] = numbers[0];
	values[PPID] = numbers[1];
	values[PGID] = numbers[2];
	values[STAT] = stat;
	values[TIME] = time;
	values[COMM] = p->comm;
	values[ARGS] = cmd[0] ? cmd : named;    /* without memory: [comm] */
	values[TID] = numbers[3];
	values[NLWP] = numbers[4];
	for (int i = 0; i < nshown; i++)
		texts[i] = values[shown[i]->value];
	print_row(texts);
}

static int by_number(const void *a, const void *b)
{
	return atoi(*(char *const *)a) - atoi(*(char *const *)b);
}

/* The names in dir that are numbers (pids, tids), smallest first;
   *count of them. NULL if dir cannot be read. */
static char **list_numbers(const char *path, int *count)
{
	char **names = NULL;
	struct dirent *d;
	DIR *dir = opendir(path);

	*count = 0;
	if (!dir)
		return NULL;
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		names = realloc(names, (*count + 1) * sizeof(char *));
		if (!names || !(names[(*count)++] = strdup(d->d_name)))
			err(1, "out of memory");
	}
	closedir(dir);
	qsort(names, *count, sizeof(char *), by_number);
	return names;
}

/* -T, -L: a row per thread of process pid (p), each with its own state,
   time and name; the process's pid and command line. */
static void print_threads(const char *pid, const struct proc *p)
{
	char path[64];
	int count;
	char **tids;
	struct proc t;

	snprintf(path, sizeof(path), "/proc/%s/task", pid);
	tids = list_numbers(path, &count);
	for (int i = 0; i < count; i++) {
		snprintf(path, sizeof(path), "%s/task/%s", pid, tids[i]);
		if (read_stat(path, &t) == 0) {
			t.pid = p->pid;
			print_process(pid, &t);
		}
		free(tids[i]);
	}
	free(tids);
}

int main(int argc, char **argv)
{
	int everyone = 0, threads = 0, count = 0, c;
	struct proc self, p;
	char **pids;
	const char *headers[MAX_SHOWN];
	char standard[] = "pid,ppid,pgid,stat,time,cmd";
	char with_spid[] = "pid,spid,ppid,pgid,stat,time,cmd";
	char with_lwp[] = "pid,lwp,nlwp,ppid,pgid,stat,time,cmd";

	while ((c = getopt(argc, argv, "eAo:TL")) != -1) {
		if (c == 'o')
			add_columns(optarg);
		else if (c == 'e' || c == 'A')
			everyone = 1;
		else if (c == 'T' || c == 'L')
			threads = c;
		else
			usage();
	}
	if (optind < argc)
		usage();
	if (!nshown)
		add_columns(threads == 'T' ? with_spid :
			    threads == 'L' ? with_lwp : standard);
	if (read_stat("self", &self) < 0)
		err(1, "/proc/self/stat");
	if (!(pids = list_numbers("/proc", &count)))
		err(1, "/proc");
	for (int i = 0; i < nshown; i++)
		headers[i] = shown[i]->header;
	print_row(headers);
	for (int i = 0; i < count; i++) {
		if (read_stat(pids[i], &p) < 0 || (!everyone && p.tty != self.tty))
			continue;
		if (threads)
			print_threads(pids[i], &p);
		else
			print_process(pids[i], &p);
	}
	return 0;
}
