/*
 * Bad pointers: every system call that takes a pointer must check it and
 * fail with EFAULT, never crash the kernel or the caller. We pass an
 * unmapped user address (0x1000), the kernel's half (0xC0000000), and
 * buffers that start in good memory and run into bad.
 */
#include "check.h"
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <time.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>

#define NBAD 2
static void *const bad[NBAD] = { (void *)0x1000, (void *)0xC0000000 };
static const char *const bad_name[NBAD] = { "0x1000", "0xC0000000" };

static const char *case_name(const char *call, const char *ptr)
{
	static char name[128];

	snprintf(name, sizeof(name), "%s with pointer %s fails with EFAULT",
		 call, ptr);
	return name;
}

/* Expect r == -1 and errno EFAULT for a call with a bad pointer. */
static void efault(const char *call, const char *ptr, long r)
{
	expect(case_name(call, ptr), r == -1 && errno == EFAULT,
	       "returned %ld, errno %d", r, errno);
}

/* The same for a call whose structure glibc converts (check.h). */
#define EFAULT_CONVERTED(call, ptr, r) do { \
	if (!libc_converts(case_name(call, ptr))) \
		efault(call, ptr, r); \
} while (0)

/* The last bytes of the heap's last page: a struct put there runs off
   the end into unmapped memory. */
static void *heap_edge(int bytes_left)
{
	char *end = sbrk(0);
	unsigned long pad = -(unsigned long)end & 4095;

	if (pad < (unsigned long)bytes_left)
		pad += 4096;
	sbrk(pad);
	return end + pad - bytes_left;
}

static void bad_pointers(void)
{
	for (int i = 0; i < NBAD; i++) {
		const char *p = bad_name[i];

		efault("write", p, write(1, bad[i], 16));
		EFAULT_CONVERTED("nanosleep", p, nanosleep(bad[i], NULL));
		EFAULT_CONVERTED("clock_gettime", p,
				 clock_gettime(CLOCK_MONOTONIC, bad[i]));
		EFAULT_CONVERTED("gettimeofday", p, gettimeofday(bad[i], NULL));
		efault("uname", p, uname(bad[i]));
		efault("sysinfo", p, sysinfo(bad[i]));
		EFAULT_CONVERTED("time", p, time(bad[i]));
		efault("execve path", p, execve(bad[i], NULL, NULL));
	}
	EFAULT_CONVERTED("clock_gettime", "NULL",
			 clock_gettime(CLOCK_REALTIME, NULL));
}

static void straddling(void)
{
	void *edge = heap_edge(8);

	efault("uname", "8 bytes before unmapped memory", uname(edge));
	efault("sysinfo", "8 bytes before unmapped memory", sysinfo(edge));
	EFAULT_CONVERTED("clock_gettime", "straddling 0xC0000000",
			 clock_gettime(CLOCK_MONOTONIC, (void *)(0xC0000000 - 4)));
}

static void bad_wait_status(void)
{
	for (int i = 0; i < NBAD; i++) {
		pid_t pid = fork(), r;

		if (pid == 0)
			_exit(0);
		sleep_ms(20);
		efault("waitpid status", bad_name[i], waitpid(pid, bad[i], 0));
		/* Linux reaps the child anyway; a kernel that checks first
		   leaves it for us. Either is fine, but it must be gone now. */
		r = waitpid(pid, NULL, 0);
		expect(i ? "then the child is waited for or gone (kernel)"
			 : "then the child is waited for or gone (0x1000)",
		       r == pid || (r == -1 && errno == ECHILD),
		       "returned %d, errno %d", r, errno);
	}
}

static void bad_exec_vectors(void)
{
	const char *hello = disk_path("/bin/hello");
	char *good[] = { "x", NULL };
	char *bad_str[] = { "x", bad[1], NULL };

	efault("execve argv", "0x1000", execve(hello, bad[0], good));
	efault("execve argv", "0xC0000000", execve(hello, bad[1], good));
	efault("execve argv[1]", "0xC0000000", execve(hello, bad_str, good));
	efault("execve envp", "0x1000", execve(hello, good, bad[0]));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	bad_pointers();
	straddling();
	bad_wait_status();
	bad_exec_vectors();
	expect("the caller survives all of it", getpid() > 0, "?");
	return check_done();
}
