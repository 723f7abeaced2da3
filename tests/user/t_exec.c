/*
 * execve(): a process replaces its program. The pid stays; memory is
 * new; argv and envp are copied across. A failed exec must return to the
 * caller, unharmed, with the reason in errno.
 *
 * The program execs itself in a helper mode, --exec-check, which checks
 * what it was given and answers with its exit code.
 */
#include "check.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <sys/wait.h>

#define SELF "/bin/tests/t_exec"
#define BAD_LOW ((void *)0x1000)        /* user space, never mapped */
#define BAD_KERNEL ((void *)0xC0000000) /* the kernel's half */

static int marker = 42;                 /* in the data section */
static int zeroed;                      /* in bss */

/* What the exec'ing side passes; --exec-check compares. */
static char *check_env[] = { "SPROUT_A=1", "SPROUT_B=two words", NULL };

/* --exec-check <pid> alpha "two words" "": exit 0, or the first check
   that failed. */
static int exec_check(int argc, char **argv, char **envp)
{
	if (getpid() != atoi(argv[2]))
		return 10;
	if (argc != 6 || argv[argc] != NULL)
		return 11;
	if (strcmp(argv[3], "alpha") || strcmp(argv[4], "two words") ||
	    strcmp(argv[5], ""))
		return 12;
	if (!envp[0] || strcmp(envp[0], check_env[0]) || !envp[1] ||
	    strcmp(envp[1], check_env[1]) || envp[2])
		return 13;
	if (environ != envp || !getenv("SPROUT_B") ||
	    strcmp(getenv("SPROUT_B"), "two words"))
		return 14;
	if (marker != 42 || zeroed != 0)
		return 15;
	return 0;
}

static void exec_self_checked(void)
{
	char pid[16];
	char *argv[] = { "t_exec", "--exec-check", pid, "alpha", "two words",
			 "", NULL };

	snprintf(pid, sizeof(pid), "%d", getpid());
	marker = 7;                     /* the new image must not see these */
	zeroed = 5;
	execve(disk_path(SELF), argv, check_env);
	_exit(99);
}

static void exec_keeps_pid(void)
{
	int status = run_child(exec_self_checked);

	expect("exec keeps the pid, passes argv and envp, starts fresh memory",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (99: exec failed, 10: pid changed, 11: argc, 12: argv, "
	       "13: envp, 14: environ/getenv, 15: old data/bss)",
	       describe(status));
}

static void exec_hello(void)
{
	char *argv[] = { "hello", "from", "t_exec", NULL };
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execve(disk_path("/bin/hello"), argv, environ);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	expect("exec /bin/hello runs it to exit 0",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
}

/* Try an exec in a child, which exits with the errno exec left. */
static int exec_errno(const char *path, char *const argv[],
		      char *const envp[])
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + status;
}

static void expect_errno(const char *name, int got, int want)
{
	expect(name, got == want, "got %s%d, expected %d (%s)",
	       got >= 1000 ? "killed, status " : "errno ",
	       got >= 1000 ? got - 1000 : got, want, strerror(want));
}

static void failed_execs(void)
{
	char *argv[] = { "x", "--exit", "0", NULL };
	char *env[] = { NULL };
	char *bad_argv[] = { "x", BAD_LOW, NULL };
	char *bad_env[] = { "A=1", BAD_KERNEL, NULL };
	const char *self = disk_path(SELF);

	expect_errno("exec of a missing file fails with ENOENT",
		     exec_errno(disk_path("/bin/no-such-program"), argv, env),
		     ENOENT);
	expect_errno("exec through a missing directory fails with ENOENT",
		     exec_errno(disk_path("/no/such/dir/prog"), argv, env),
		     ENOENT);
	expect_errno("exec through a file as directory fails with ENOTDIR",
		     exec_errno(disk_path("/bin/hello/x"), argv, env), ENOTDIR);
	expect_errno("exec of a text file fails with ENOEXEC",
		     exec_errno(disk_path("/bin/tests/not-elf"), argv, env),
		     ENOEXEC);
	expect_errno("exec of a file without x permission fails with EACCES",
		     exec_errno(disk_path("/bin/tests/no-x"), argv, env), EACCES);
	expect_errno("exec of a directory fails with EACCES",
		     exec_errno(disk_path("/bin/tests"), argv, env), EACCES);
	expect_errno("exec with an unmapped path pointer fails with EFAULT",
		     exec_errno(BAD_LOW, argv, env), EFAULT);
	expect_errno("exec with a kernel path pointer fails with EFAULT",
		     exec_errno(BAD_KERNEL, argv, env), EFAULT);
	expect_errno("exec with an unmapped argv array fails with EFAULT",
		     exec_errno(self, BAD_LOW, env), EFAULT);
	expect_errno("exec with a bad string in argv fails with EFAULT",
		     exec_errno(self, bad_argv, env), EFAULT);
	expect_errno("exec with a bad string in envp fails with EFAULT",
		     exec_errno(self, argv, bad_env), EFAULT);
	expect_errno("exec with a kernel envp array fails with EFAULT",
		     exec_errno(self, argv, BAD_KERNEL), EFAULT);
	expect("the same exec with good arguments succeeds (exit 0)",
	       exec_errno(self, argv, env) == 0, "it did not");
}

/* Arguments too big for the new stack: one 256 KiB string, or 64
   strings of 128 KiB (8 MiB in all). */
static void too_big(void)
{
	size_t len = 256 * 1024;
	char *s = malloc(len);
	char *one[] = { "x", s, NULL };
	char *many[66] = { "x" };
	char *env[] = { NULL };

	if (!s) {
		expect("exec with huge argv fails with E2BIG", 0, "no memory");
		return;
	}
	memset(s, 'a', len - 1);
	s[len - 1] = '\0';
	expect_errno("exec with a 256 KiB argument fails with E2BIG",
		     exec_errno(disk_path(SELF), one, env), E2BIG);
	s[128 * 1024 - 1] = '\0';
	for (int i = 1; i < 65; i++)
		many[i] = s;
	expect_errno("exec with 8 MiB of arguments fails with E2BIG",
		     exec_errno(disk_path(SELF), many, env), E2BIG);
	free(s);
}

/*
 * Malformed executables, made from this very program: each must be
 * refused with ENOEXEC (or, for a huge bss, ENOMEM), before the point of
 * no return, and leave every page where it was.
 */
#define BAD_ELF "/tmp/t_exec_bad"
#define IMAGE_MAX (256 * 1024)

struct ehdr {                           /* the ELF32 header fields we edit */
	unsigned char ident[16];
	unsigned short type, machine;
	unsigned int version, entry, phoff, shoff, flags;
	unsigned short ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};
struct phdr {
	unsigned int type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static char *image, *bad;
static long image_size;

static struct ehdr *bad_eh(void) { return (struct ehdr *)bad; }
static struct phdr *bad_ph(int i)
{
	return (struct phdr *)(bad + bad_eh()->phoff) + i;
}

/* The index of the last PT_LOAD (the data and bss) of the image. */
static int last_load(void)
{
	int last = -1;

	for (int i = 0; i < bad_eh()->phnum; i++)
		if (bad_ph(i)->type == 1)
			last = i;
	return last;
}

static int write_bad(long size)
{
	int fd = open(BAD_ELF, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	int ok = fd >= 0 && write(fd, bad, size) == size;

	if (fd >= 0)
		close(fd);
	return ok;
}

static int load_image(void)
{
	int fd = open(disk_path(SELF), O_RDONLY);

	image = malloc(IMAGE_MAX);
	bad = malloc(IMAGE_MAX);
	if (fd < 0 || !image || !bad)
		return 0;
	image_size = read(fd, image, IMAGE_MAX);
	close(fd);
	return image_size > (long)sizeof(struct ehdr) && image_size < IMAGE_MAX;
}

/* Start from a good copy, let edit() break it, exec it in a child. */
static int exec_edited(void (*edit)(long *size))
{
	char *argv[] = { "x", "--exit", "0", NULL };
	char *env[] = { NULL };
	long size = image_size;

	memcpy(bad, image, image_size);
	if (edit)
		edit(&size);
	if (!write_bad(size))
		return -1;
	return exec_errno(BAD_ELF, argv, env);
}

static void huge_phnum(long *size) { (void)size; bad_eh()->phnum = 65535; }
static void bad_phentsize(long *size) { (void)size; bad_eh()->phentsize = 0; }
static void phoff_past_end(long *size)
{
	bad_eh()->phoff = (unsigned int)*size + 4096;
}
static void filesz_over_memsz(long *size)
{
	(void)size;
	bad_ph(last_load())->filesz = bad_ph(last_load())->memsz + 1;
}
static void into_kernel(long *size)
{
	(void)size;
	bad_ph(last_load())->vaddr = 0xC0000000;
}
static void wraps_around(long *size)
{
	(void)size;
	bad_ph(last_load())->vaddr = 0xFFFFF000;
	bad_ph(last_load())->memsz = 0x2000;
}
static void truncated(long *size)
{
	*size = bad_ph(last_load())->offset / 2;       /* mid-text */
}
static void huge_bss(long *size)
{
	(void)size;
	bad_ph(last_load())->memsz = 0xB0000000;       /* 2.75 GiB */
}
/* A second PT_LOAD for the text, in place of the first non-load entry. */
static void text_twice(long *size)
{
	int i = 0;

	(void)size;
	while (bad_ph(i)->type == 1)
		i++;
	*bad_ph(i) = *bad_ph(1);
}

static void malformed_elf(void)
{
	static const struct {
		const char *name;
		void (*edit)(long *size);
		int sprout_only;
	} cases[] = {
		{ "exec with e_phnum 65535 fails with ENOEXEC", huge_phnum, 0 },
		{ "exec with e_phentsize 0 fails with ENOEXEC", bad_phentsize, 0 },
		{ "exec with program headers past the end fails with ENOEXEC",
		  phoff_past_end, 0 },
		{ "exec with p_filesz > p_memsz fails with ENOEXEC",
		  filesz_over_memsz, 0 },
		{ "exec with a segment in the kernel's half fails with ENOEXEC",
		  into_kernel, 0 },
		{ "exec with a segment wrapping past 4 GiB fails with ENOEXEC",
		  wraps_around, 0 },
		{ "exec of a truncated file fails with ENOEXEC", truncated, 1 },
	};
	long long before;
	int r;

	if (!load_image()) {
		expect("malformed executables are refused", 0,
		       "cannot read %s", SELF);
		return;
	}
	r = exec_edited(NULL);
	expect("an unedited copy of the program runs (exit 0)", r == 0,
	       "exec gave %d", r);
	before = free_bytes();
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].sprout_only && !on_sprout()) {
			skip(cases[i].name, "Linux maps the file and faults later");
			continue;
		}
		expect_errno(cases[i].name, exec_edited(cases[i].edit), ENOEXEC);
	}
	r = exec_edited(huge_bss);
	expect("exec with a 2.75 GiB bss fails with ENOMEM (or runs)",
	       r == ENOMEM || r == 0, "got %d", r);
	r = exec_edited(text_twice);
	expect("exec with the text loaded twice (overlapping) runs (exit 0)",
	       r == 0, "got %d", r);
	expect("no page is lost to the malformed executables",
	       free_bytes() == before, "free memory went from %lld to %lld",
	       before, free_bytes());
	unlink(BAD_ELF);
	free(image);
	free(bad);
}

/* A failed exec in this very process: it returns, and all is as it was. */
static void returns_to_caller(void)
{
	char *argv[] = { "x", NULL };
	pid_t pid = getpid();
	int r, err;

	marker = 1234;
	r = execve(disk_path("/bin/tests/not-elf"), argv, environ);
	err = errno;
	expect("a failed exec returns -1 to its caller, memory intact",
	       r == -1 && err == ENOEXEC && marker == 1234 &&
	       getpid() == pid, "returned %d, errno %d", r, err);
	marker = 42;
}

int main(int argc, char **argv, char **envp)
{
	check_init(argc, argv);
	if (argc >= 3 && strcmp(argv[1], "--exec-check") == 0)
		return exec_check(argc, argv, envp);
	exec_keeps_pid();
	exec_hello();
	failed_execs();
	too_big();
	returns_to_caller();
	malformed_elf();
	return check_done();
}
