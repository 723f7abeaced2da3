/*
 * prctl(2)'s task name: PR_GET_NAME gives the name exec set (the
 * program's file name), PR_SET_NAME changes it, cut to 15 bytes; ps's
 * /proc/PID/stat shows it; a child of fork keeps it. Bad pointers are
 * EFAULT, an unknown option EINVAL.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define SYS_prctl 172
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define BAD_PTR 1UL

static long prctl2(int option, unsigned long arg)
{
	return syscall(SYS_prctl, option, arg, 0, 0, 0);
}

static const char *get_name(void)
{
	static char name[16];

	memset(name, 'x', sizeof(name));
	return prctl2(PR_GET_NAME, (unsigned long)name) == 0 ? name : "(error)";
}

/* The name between the parentheses of /proc/self/stat. */
static const char *stat_name(void)
{
	static char buf[256];
	int fd = open("/proc/self/stat", O_RDONLY), n;
	char *open_p, *close_p;

	if (fd < 0)
		return "(no /proc/self/stat)";
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	open_p = strchr(buf, '(');
	close_p = strrchr(buf, ')');
	if (!open_p || !close_p)
		return "(no name)";
	*close_p = '\0';
	return open_p + 1;
}

static void child_keeps_name(void)
{
	_exit(strcmp(get_name(), "renamed") == 0 ? 0 : 1);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);

	char exec_name[16];
	const char *base = strrchr(argv[0], '/');

	snprintf(exec_name, sizeof(exec_name), "%s", base ? base + 1 : argv[0]);
	expect("PR_GET_NAME: the program's file name (15 bytes)",
	       !strcmp(get_name(), exec_name), "got \"%s\", not \"%s\"",
	       get_name(), exec_name);
	expect("PR_SET_NAME: 0", prctl2(PR_SET_NAME, (unsigned long)"renamed") == 0,
	       "errno %d", errno);
	expect("PR_GET_NAME: the new name", !strcmp(get_name(), "renamed"),
	       "got \"%s\"", get_name());
	expect("/proc/self/stat shows the new name", !strcmp(stat_name(), "renamed"),
	       "got \"%s\"", stat_name());
	int status = run_child(child_keeps_name);
	expect("a child of fork keeps the name", status == 0, "%s", describe(status));

	prctl2(PR_SET_NAME, (unsigned long)"a-name-of-twenty-chars");
	expect("a long name is cut to 15 bytes", !strcmp(get_name(), "a-name-of-twent"),
	       "got \"%s\"", get_name());
	expect("PR_SET_NAME, bad pointer: EFAULT",
	       prctl2(PR_SET_NAME, BAD_PTR) == -1 && errno == EFAULT, "errno %d", errno);
	expect("PR_GET_NAME, bad pointer: EFAULT",
	       prctl2(PR_GET_NAME, BAD_PTR) == -1 && errno == EFAULT, "errno %d", errno);
	expect("an unknown option: EINVAL",
	       prctl2(-1, 0) == -1 && errno == EINVAL, "errno %d", errno);
	return check_done();
}
