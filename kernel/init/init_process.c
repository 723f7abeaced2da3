/*
 * Process 1 begins inside the kernel, as in Linux 0.11 (whose init()
 * called setup() to mount the root, opened /dev/tty0 and exec'd the
 * shell). It mounts the root file system, opens the console as fds 0, 1
 * and 2 (as the leader of session 1, it gets the console as its
 * controlling terminal, docs/jobs.md), and becomes /sbin/init (or the
 * program named by init= on the command line), with the words after
 * init=PATH, or else after "--", as its arguments. With a network card it
 * first waits for the card's address (DHCP), so the program starts with
 * the network set up.
 */
#include "init/init.h"
#include "arch/arch.h"
#include "sched/sched.h"
#include "proc/proc.h"
#include "fs/fs.h"
#include "net/net.h"
#include "lib/lib.h"

#define MAX_INIT_ARGS 16

static const char *const init_envp[] = {
	"HOME=/", "PATH=/bin:/sbin", "TERM=vt100", NULL
};

/* The next space-separated word at *pos, ended in place with a NUL, or
   NULL at the end of the line. */
static char *next_word(char **pos)
{
	char *p = *pos, *word;

	while (*p == ' ')
		p++;
	if (!*p)
		return NULL;
	word = p;
	while (*p && *p != ' ')
		p++;
	if (*p)
		*p++ = '\0';
	*pos = p;
	return word;
}

/*
 * Process 1's argv: the program named by "init=PATH" (else /sbin/init),
 * then the words after init=PATH, or else those after "--". As in Linux,
 * a "--" after init=PATH only marks where the arguments start: the first
 * one is dropped, so "init=/bin/prog -- a" and "init=/bin/prog a" agree.
 */
static int init_argv(const char *argv[], char *buf, size_t size)
{
	const char *init = cmdline_get("init");
	const char *rest = init ? init : cmdline_get("--");
	bool separated = !init;         /* "--" already passed */
	char *pos = buf, *word;
	int argc = 0;

	strlcpy(buf, rest ? rest : "", size);
	if (!init || *init == ' ' || *init == '\0')
		argv[argc++] = "/sbin/init";
	while (argc < MAX_INIT_ARGS && (word = next_word(&pos))) {
		if (argc > 0 && !separated && !strcmp(word, "--")) {
			separated = true;
			continue;
		}
		argv[argc++] = word;
	}
	argv[argc] = NULL;
	return argc;
}

static void mount_root(void)
{
	if (fs_init() < 0)
		panic("cannot mount the root file system (no IDE disk, or not ext2)");
	fs_lock();
	current->fs->cwd = igrab(root_inode);
	fs_unlock();
	current->fs->umask = 022;   /* as Linux's first task: new files 0644 */
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
	net_wait_config();
	current->files = files_alloc();
	if (!current->files || open_console_fds() < 0)
		panic("cannot open /dev/console for process 1");
	exec_init();
	start_user(task_pt_regs(current));      /* off to user mode */
}
