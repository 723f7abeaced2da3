/*
 * Process 1 begins inside the kernel, as in Linux 0.11 (whose init()
 * called setup() to mount the root, opened /dev/tty0 and exec'd the
 * shell). It mounts the root file system, opens the console as fds 0, 1
 * and 2, and becomes /sbin/init (or the program named by init= on the
 * command line, with the words after it as its arguments).
 */
#include "init/init.h"
#include "arch/arch.h"
#include "sched/sched.h"
#include "proc/proc.h"
#include "fs/fs.h"
#include "lib/lib.h"

#define MAX_INIT_ARGS 16

static const char *const init_envp[] = {
	"HOME=/", "PATH=/bin:/sbin", "TERM=vt100", NULL
};

/* Split "init=/bin/prog a b" into argv: the program and what follows. */
static int init_argv(const char *argv[], char *buf, size_t size)
{
	const char *value = cmdline_get("init");
	int argc = 0;

	strlcpy(buf, value && *value ? value : "/sbin/init", size);
	for (char *p = buf; *p && argc < MAX_INIT_ARGS; ) {
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			*p++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

static void mount_root(void)
{
	if (fs_init() < 0)
		panic("cannot mount the root file system (no IDE disk, or not ext2)");
	fs_lock();
	current->cwd = igrab(root_inode);
	fs_unlock();
}

static void exec_init(void)
{
	static char buf[CMDLINE_MAX];
	const char *argv[MAX_INIT_ARGS + 1];
	struct exec_args args;
	int err;

	init_argv(argv, buf, sizeof(buf));
	printk("init: starting %s\n", argv[0]);
	exec_args_init(&args);
	err = args.envc = exec_args_push_vector(&args, init_envp, false);
	if (err >= 0)
		err = args.argc = exec_args_push_vector(&args, argv, false);
	if (err >= 0)
		err = do_execve(argv[0], &args);
	exec_args_free(&args);
	if (err < 0)
		panic("cannot run %s: error %d", argv[0], -err);
}

void init_process(void)
{
	current->pgrp = current->session = current->pid;
	mount_root();
	current->files = files_alloc();
	if (!current->files || open_console_fds() < 0)
		panic("cannot open /dev/console for process 1");
	exec_init();
	start_user(task_pt_regs(current));      /* off to user mode */
}
