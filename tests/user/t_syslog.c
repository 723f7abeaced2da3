/*
 * syslog(2), the kernel log that dmesg reads: its size, READ_ALL (the
 * last len bytes, the boot's messages first of all), CLEAR, READ (takes
 * what is new, and waits - until a signal - when nothing is), the
 * unread count, and the errors. Sprout only: on Linux reading the log
 * may need privilege, and other messages come and go.
 */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SYS_syslog 103
#define ACTION_READ 2
#define ACTION_READ_ALL 3
#define ACTION_READ_CLEAR 4
#define ACTION_CLEAR 5
#define ACTION_CONSOLE_OFF 6
#define ACTION_SIZE_UNREAD 9
#define ACTION_SIZE_BUFFER 10

static char log_text[16385];

static long klog(int type, char *buf, int len)
{
	return syscall(SYS_syslog, type, buf, len);
}

static void on_alarm(int sig __attribute__((unused)))
{
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (!on_sprout()) {
		skip("syslog", "Sprout's own log only");
		return check_done();
	}
	long size = klog(ACTION_SIZE_BUFFER, NULL, 0);
	expect("SIZE_BUFFER: 16384", size == 16384, "got %ld", size);

	long n = klog(ACTION_READ_ALL, log_text, sizeof(log_text) - 1);
	log_text[n > 0 ? n : 0] = '\0';
	expect("READ_ALL: the boot's messages", n > 0 && strstr(log_text, "Sprout is up"),
	       "got %ld bytes", n);
	char tail[10];
	long m = klog(ACTION_READ_ALL, tail, sizeof(tail));
	expect("READ_ALL with len 10: the last 10 bytes",
	       m == 10 && n >= 10 && !memcmp(tail, log_text + n - 10, 10), "got %ld", m);

	long unread = klog(ACTION_SIZE_UNREAD, NULL, 0);
	expect("SIZE_UNREAD: all of it at first", unread == n, "%ld, log %ld", unread, n);
	long got = klog(ACTION_READ, log_text, sizeof(log_text) - 1);
	expect("READ: takes the unread text", got == n, "got %ld", got);
	expect("SIZE_UNREAD: 0 after READ", klog(ACTION_SIZE_UNREAD, NULL, 0) == 0,
	       "got %ld", klog(ACTION_SIZE_UNREAD, NULL, 0));
	install_handler(SIGALRM, on_alarm, 0);
	alarm(1);
	got = klog(ACTION_READ, log_text, 100);
	expect("READ with nothing new: waits, EINTR on a signal",
	       got == -1 && errno == EINTR, "got %ld errno %d", got, errno);

	expect("READ_ALL, bad buffer: EFAULT",
	       klog(ACTION_READ_ALL, (char *)1, 100) == -1 && errno == EFAULT,
	       "errno %d", errno);
	expect("CLEAR: 0", klog(ACTION_CLEAR, NULL, 0) == 0, "errno %d", errno);
	expect("READ_ALL after CLEAR: nothing",
	       klog(ACTION_READ_ALL, log_text, 100) == 0, "errno %d", errno);
	expect("READ_CLEAR: 0 bytes too", klog(ACTION_READ_CLEAR, log_text, 100) == 0,
	       "errno %d", errno);

	expect("READ_ALL, len -1: EINVAL",
	       klog(ACTION_READ_ALL, log_text, -1) == -1 && errno == EINVAL, "errno %d", errno);
	expect("READ_ALL, NULL buffer: EINVAL",
	       klog(ACTION_READ_ALL, NULL, 10) == -1 && errno == EINVAL, "errno %d", errno);
	expect("an unknown action: EINVAL",
	       klog(99, NULL, 0) == -1 && errno == EINVAL, "errno %d", errno);
	expect("CONSOLE_OFF (no console levels): EINVAL",
	       klog(ACTION_CONSOLE_OFF, NULL, 0) == -1 && errno == EINVAL, "errno %d", errno);
	return check_done();
}
