/*
 * procfs/: the /proc file system. Its files hold no data: each read
 * makes text from the kernel's tables at that moment (the task table,
 * the fd tables, the page counts, the mount table), so `cat
 * /proc/1/status` or `ls /proc` show what the kernel knows, in Linux's
 * formats. docs/procfs.md has the files and the pictures.
 *
 * It sits above proc/ and below entry/: it reads tasks (sched/), open
 * files and inodes (fs/), memory (mm/), the terminal (dev/) and the last
 * pid (proc/). fs/ knows it only as a registered file system type.
 */
#ifndef _PROCFS_PROCFS_H
#define _PROCFS_PROCFS_H

/* Boot: make "proc" a file system type mount(2) knows. */
void proc_fs_init(void);

#endif
