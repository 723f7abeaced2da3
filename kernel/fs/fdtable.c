/*
 * The per-process fd table (see fdtable.h for the picture).
 *
 * Each process has its own files_struct, or shares it with its threads
 * (clone with CLONE_FILES; count says how many tasks use it). One CPU
 * and a kernel that is never preempted make the functions here need no
 * lock: a task changes the table only while it runs.
 *
 * fd_lookup() hands out a struct file without taking a reference when
 * the table is the caller's alone: nobody else can close the fd while
 * the call runs. In a shared table another thread can, while this call
 * sleeps (in a read on a pipe, say); so there the file is held, one
 * reference per file per call, until the system call returns
 * (files_release_held, from entry/syscall.c), and close only drops the
 * table's reference. Linux takes the same reference in each call
 * (fget/fput).
 */
#include "fs/fdtable.h"
#include "fs/file.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include <sprout/errno.h>

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(struct files_struct));

	if (files)
		files->count = 1;
	return files;
}

/* fork(): the child gets a copy of the table, pointing at the same open
   files - so each file gains one reference per fd copied. */
struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *new = files_alloc();
	if (!new)
		return NULL;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (old->fd[fd])
			new->fd[fd] = get_file(old->fd[fd]);
	new->close_on_exec = old->close_on_exec;
	return new;
}

static void close_slot(struct files_struct *files, int fd)
{
	struct file *f = files->fd[fd];
	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1ULL << fd);
	fput(f);
}

/* execve(): fds marked FD_CLOEXEC do not survive into the new program. */
void files_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd] && (files->close_on_exec & (1ULL << fd)))
			close_slot(files, fd);
}

void files_get(struct files_struct *files)
{
	files->count++;
}

/* exit(): the last task using the table closes everything, then frees
   it. */
void files_put(struct files_struct *files)
{
	if (--files->count > 0)
		return;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			close_slot(files, fd);
	kfree(files);
}

/* Hold f until the call returns (see the top). A call that looks up
   more than NR_HELD files (poll) holds the first ones only. */
static void hold_file(struct file *f)
{
	struct task_struct *me = current;

	for (int i = 0; i < me->nr_held; i++)
		if (me->held[i] == f)
			return;
	if (me->nr_held < NR_HELD)
		me->held[me->nr_held++] = get_file(f);
}

void files_release_held(void)
{
	while (current->nr_held > 0)
		fput(current->held[--current->nr_held]);
}

struct file *fd_lookup(unsigned int fd)
{
	struct file *f;

	if (fd >= NR_OPEN || !current->files)
		return NULL;
	f = current->files->fd[fd];
	if (f && current->files->count > 1)
		hold_file(f);
	return f;
}

/* RLIMIT_NOFILE: one more than the highest fd the process may have.
   setrlimit keeps it at most NR_OPEN, the table's size. */
unsigned int fd_limit(void)
{
	return rlimit(RLIMIT_NOFILE);
}

/* POSIX: open() and dup() return the lowest-numbered free fd; none left
   below RLIMIT_NOFILE is EMFILE. */
int get_unused_fd(unsigned int from)
{
	for (unsigned int fd = from; fd < fd_limit(); fd++)
		if (!current->files->fd[fd])
			return fd;
	return -EMFILE;
}

void fd_install(unsigned int fd, struct file *f, bool cloexec)
{
	current->files->fd[fd] = f;
	set_close_on_exec(fd, cloexec);
}

int fd_close(unsigned int fd)
{
	if (!fd_lookup(fd))
		return -EBADF;
	close_slot(current->files, fd);
	return 0;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	if (on)
		current->files->close_on_exec |= 1ULL << fd;
	else
		current->files->close_on_exec &= ~(1ULL << fd);
}

bool get_close_on_exec(unsigned int fd)
{
	return current->files->close_on_exec & (1ULL << fd);
}
