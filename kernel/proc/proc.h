/*
 * Creating and ending processes: fork.c, exit.c, exec.c; sessions and
 * process groups: pgrp.c.
 */
#ifndef _PROC_PROCESS_H
#define _PROC_PROCESS_H

#include "include/types.h"

struct task_struct;
struct pt_regs;
struct inode;
struct rusage;

pid_t kernel_thread(void (*fn)(void));
/* tls.c: set_thread_area's work, for clone's CLONE_SETTLS too */
struct user_desc;
struct tls_state;
int set_tls_entry(struct tls_state *tls, struct user_desc *u_info,
		  bool can_pick);
/* futex.c: wake up to nr waiters on current's futex word at uaddr (as
   a shared futex): how many woke, or -EFAULT/-EINVAL. exit's
   CLONE_CHILD_CLEARTID wake, which pthread_join waits for. */
int futex_wake(uint32_t uaddr, int nr);
extern pid_t last_pid;          /* fork.c: the pid given out last */
void do_exit(int status) __attribute__((noreturn));
void do_group_exit(int status) __attribute__((noreturn));   /* all threads */
/* exit.c, for fork and exec: let go of what a task points at (memory,
   fd table, cwd); of its slot (and signal actions) once it is reaped; of
   its memory, as exit and exec do (CLEARTID, vfork's parent). */
void release_resources(struct task_struct *t);
void release_task(struct task_struct *t);
void mm_release(struct task_struct *t);
/* de_thread.c: exec from a thread ends the others first and takes the
   leader's pid; then no table is shared with another process. 0 or
   -EAGAIN (the group is ending anyway), -ENOMEM. */
int de_thread(void);
/* pgrp.c: parent no longer is t's parent; SIGHUP and SIGCONT to t's
   group if that left it orphaned with a stopped member. */
void kill_orphaned_pgrp(struct task_struct *t, struct task_struct *parent);

/* rlimit.c: resource limits (docs/limits.md). rlimit_init gives task 0
   the defaults every task inherits; set_stack_limit copies t's
   RLIMIT_STACK into its mm (exec, setrlimit); the checks of fork
   (NPROC), brk and exec (DATA, AS), and the return to user mode (CPU). */
struct mm_struct;
void rlimit_init(void);
void set_stack_limit(struct task_struct *t);
bool fork_over_nproc(void);
bool mm_within_rlimits(const struct mm_struct *mm);
void check_cpu_rlimit(void);
/* oom_kill.c: the OOM killer, hooked into mm/ at boot; a process's
   badness, in pages: what killing it would give back. */
void oom_init(void);
uint32_t oom_badness(struct task_struct *t);

/* resource.c: CPU time in ticks as getrusage and wait4 report it. */
struct rusage ticks_to_rusage(uint32_t utime, uint32_t stime);

/*
 * exec_args.c: the new program's argv and envp strings, copied straight
 * into the pages that will be the top of its stack (Linux's bprm idea).
 * page[0] is the highest page, ending at USER_TOP; sp is the user address
 * of the lowest byte written so far.
 */
#define MAX_ARG_PAGES 32        /* 128 KiB for argv + envp: E2BIG beyond */
struct exec_args {
	struct page *page[MAX_ARG_PAGES];
	uint32_t sp;
	int argc, envc;
};
void exec_args_init(struct exec_args *a);
void exec_args_free(struct exec_args *a);
/* Push the strings of a NULL-terminated vector (user or kernel memory);
   returns how many, or -E2BIG/-EFAULT/-ENOMEM. */
int exec_args_push_vector(struct exec_args *a, const char *const *vec,
			  bool from_user);
int exec_args_write(struct exec_args *a, uint32_t va, const void *src,
		    size_t n);
size_t exec_args_strlen(struct exec_args *a, uint32_t va);
/* The front of argv, for #! scripts: drop argv[0]; push a kernel string
   as the new argv[0] (0 or -E2BIG/-ENOMEM). */
void exec_args_drop_first(struct exec_args *a);
int exec_args_push_first(struct exec_args *a, const char *s);
int do_execve(const char *path, struct exec_args *args);

/* binfmt_script.c: if the file starts "#!interp [arg]", rewrite argv to
   interp, [arg], file, argv[1]... and put interp's path in interp (of
   BINPRM_BUF_SIZE bytes): the file exec must load next. -ENOEXEC if the
   file is not a script. */
#define BINPRM_BUF_SIZE 128     /* how much of the #! line is read */
int load_script(struct inode *ino, const char *file, char *interp,
		struct exec_args *a);

#endif
