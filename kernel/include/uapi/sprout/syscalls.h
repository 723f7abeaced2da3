/*
 * THE system-call table: one line per call, with its Linux i386 number and
 * its arguments as the man page types them:
 *
 *   SYSCALL3(4, write, unistd, ssize_t, int, fd, const void *, buf, size_t, count)
 *            |  |      |       |        each argument: type, name (at most 6:
 *            |  |      |       |        ebx, ecx, edx, esi, edi, ebp); SYSCALLn has n
 *            |  |      |       what the POSIX function returns
 *            |  |      the C library header that declares write() (unistd for
 *            |  |      <unistd.h>, sys_stat for <sys/stat.h>), or 0: no wrapper
 *            |  the name: the kernel's handler is sys_write
 *            the number, in eax
 *
 * Everything else is made from these lines:
 *   - kernel/include/syscall.h: each handler's prototype,
 *         long sys_write(int fd, const void *buf, size_t count);
 *     a handler whose parameters differ does not compile;
 *   - kernel/entry/syscall.c: the dispatch table, entry nr calling
 *     sys_<name>; a missing handler does not link, and numbers not listed
 *     return -ENOSYS;
 *   - kernel/entry/strace.c: how strace prints each argument and the result,
 *     chosen by type (const char * is a string, mode_t is octal,
 *     open_flags_t is O_ names, ...);
 *   - libc/syscalls.S: __sys_<name>, the raw call (-errno on failure), and,
 *     unless the libc column is 0, the POSIX function <name> (errno and -1);
 *   - their prototypes: __sys_<name> in libc/syscall.h, <name> in the
 *     header the libc column names (libc/include/bits/syscalls.h);
 *   - docs/compat.md's list of calls, by tools/calltable.py --doc (make
 *     test fails while the page is not current).
 *
 * Adding a system call: one line here, sys_<name>() in the kernel, and
 * tools/calltable.py --doc.
 *
 * To read the table, define SYSCALL(nr, name, libc, ret, n, ...) and
 * include this file; the arguments come as type, name pairs, or as "void"
 * when there are none. The helpers below exist only while it is read.
 */
#define SYSCALL0(nr, name, libc, ret) SYSCALL(nr, name, libc, ret, 0, void)
#define SYSCALL1(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 1, __VA_ARGS__)
#define SYSCALL2(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 2, __VA_ARGS__)
#define SYSCALL3(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 3, __VA_ARGS__)
#define SYSCALL4(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 4, __VA_ARGS__)
#define SYSCALL5(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 5, __VA_ARGS__)
#define SYSCALL6(nr, name, libc, ret, ...) SYSCALL(nr, name, libc, ret, 6, __VA_ARGS__)

/* SYSCALL_MAP(n, m, none, type0, arg0, ...) is m(0, type0, arg0),
   m(1, type1, arg1), ... for the n arguments, or none when n is 0. */
#define SYSCALL_MAP(n, m, none, ...) SYSCALL_MAP##n(m, none, __VA_ARGS__)
#define SYSCALL_MAP0(m, none, v) none
#define SYSCALL_MAP1(m, none, t0, a0) m(0, t0, a0)
#define SYSCALL_MAP2(m, none, t0, a0, t1, a1) \
	SYSCALL_MAP1(m, none, t0, a0), m(1, t1, a1)
#define SYSCALL_MAP3(m, none, t0, a0, t1, a1, t2, a2) \
	SYSCALL_MAP2(m, none, t0, a0, t1, a1), m(2, t2, a2)
#define SYSCALL_MAP4(m, none, t0, a0, t1, a1, t2, a2, t3, a3) \
	SYSCALL_MAP3(m, none, t0, a0, t1, a1, t2, a2), m(3, t3, a3)
#define SYSCALL_MAP5(m, none, t0, a0, t1, a1, t2, a2, t3, a3, t4, a4) \
	SYSCALL_MAP4(m, none, t0, a0, t1, a1, t2, a2, t3, a3), m(4, t4, a4)
#define SYSCALL_MAP6(m, none, t0, a0, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	SYSCALL_MAP5(m, none, t0, a0, t1, a1, t2, a2, t3, a3, t4, a4), m(5, t5, a5)

/* A prototype's parameter list: "int fd, const void *buf, ..." or "void". */
#define SYSCALL_PARAM(i, type, arg) type arg
#define SYSCALL_PARAMS(n, ...) SYSCALL_MAP(n, SYSCALL_PARAM, void, __VA_ARGS__)

/*        nr  name           libc         returns  arguments */
SYSCALL1(  1, exit,          0,           void,    int, status)  /* libc's _exit() uses exit_group */
SYSCALL0(  2, fork,          unistd,      pid_t)
SYSCALL3(  3, read,          unistd,      ssize_t, int, fd, void *, buf, size_t, count)
SYSCALL3(  4, write,         unistd,      ssize_t, int, fd, const void *, buf, size_t, count)
SYSCALL3(  5, open,          0,           int,     const char *, path, open_flags_t, flags, mode_t, mode)  /* variadic: libc/file.c */
SYSCALL1(  6, close,         unistd,      int,     int, fd)
SYSCALL3(  7, waitpid,       sys_wait,    pid_t,   pid_t, pid, int *, wstatus, int, options)
SYSCALL2(  8, creat,         fcntl,       int,     const char *, path, mode_t, mode)
SYSCALL2(  9, link,          unistd,      int,     const char *, oldpath, const char *, newpath)
SYSCALL1( 10, unlink,        unistd,      int,     const char *, path)
SYSCALL3( 11, execve,        unistd,      int,     const char *, path, char *const *, argv, char *const *, envp)
SYSCALL1( 12, chdir,         unistd,      int,     const char *, path)
SYSCALL1( 13, time,          time,        time_t,  time_t *, tloc)
SYSCALL3( 14, mknod,         sys_stat,    int,     const char *, path, mode_t, mode, dev_t, dev)
SYSCALL2( 15, chmod,         sys_stat,    int,     const char *, path, mode_t, mode)
SYSCALL3( 16, lchown,        0,           int,     const char *, path, unsigned int, owner, unsigned int, group)  /* 16-bit ids; libc uses 198 */
SYSCALL3( 19, lseek,         unistd,      off_t,   int, fd, off_t, offset, int, whence)
SYSCALL0( 20, getpid,        unistd,      pid_t)
SYSCALL5( 21, mount,         sys_mount,   int,     const char *, source, const char *, target, const char *, filesystemtype, unsigned long, mountflags, const void *, data)
SYSCALL1( 23, setuid,        0,           int,     unsigned int, uid)  /* 16-bit ids; libc uses 213 (libc/cred.c) */
SYSCALL0( 24, getuid,        unistd,      uid_t)
SYSCALL1( 27, alarm,         unistd,      unsigned int, unsigned int, seconds)
SYSCALL0( 29, pause,         unistd,      int)
SYSCALL2( 30, utime,         utime,       int,     const char *, path, const struct utimbuf *, times)
SYSCALL2( 33, access,        unistd,      int,     const char *, path, int, mode)
SYSCALL1( 34, nice,          0,           int,     int, inc)  /* libc's nice() returns the new value */
SYSCALL0( 36, sync,          unistd,      void)
SYSCALL2( 37, kill,          signal,      int,     pid_t, pid, int, sig)
SYSCALL2( 38, rename,        stdio,       int,     const char *, oldpath, const char *, newpath)
SYSCALL2( 39, mkdir,         sys_stat,    int,     const char *, path, mode_t, mode)
SYSCALL1( 40, rmdir,         unistd,      int,     const char *, path)
SYSCALL1( 41, dup,           unistd,      int,     int, oldfd)
SYSCALL1( 42, pipe,          unistd,      int,     int *, pipefd)
SYSCALL1( 43, times,         sys_times,   clock_t, struct tms *, buf)
SYSCALL1( 45, brk,           0,           void *,  void *, addr)  /* libc's brk()/sbrk() differ */
SYSCALL1( 46, setgid,        0,           int,     unsigned int, gid)  /* 16-bit ids; libc uses 214 */
SYSCALL0( 47, getgid,        unistd,      gid_t)
SYSCALL2( 48, signal,        0,           __sighandler_t, int, sig, __sighandler_t, handler)  /* libc's signal() uses 174 */
SYSCALL0( 49, geteuid,       unistd,      uid_t)
SYSCALL0( 50, getegid,       unistd,      gid_t)
SYSCALL2( 52, umount2,       sys_mount,   int,     const char *, target, int, flags)
SYSCALL3( 54, ioctl,         0,           int,     int, fd, unsigned long, request, unsigned long, arg)  /* variadic: libc/file.c */
SYSCALL3( 55, fcntl,         0,           int,     int, fd, int, cmd, unsigned long, arg)  /* variadic: libc/file.c */
SYSCALL2( 57, setpgid,       unistd,      int,     pid_t, pid, pid_t, pgid)
SYSCALL1( 60, umask,         sys_stat,    mode_t,  mode_t, mask)
SYSCALL2( 63, dup2,          unistd,      int,     int, oldfd, int, newfd)
SYSCALL0( 64, getppid,       unistd,      pid_t)
SYSCALL0( 65, getpgrp,       unistd,      pid_t)
SYSCALL0( 66, setsid,        unistd,      pid_t)
SYSCALL3( 67, sigaction,     0,           int,     int, sig, const struct old_sigaction *, act, struct old_sigaction *, oact)  /* old: 32-bit sets; libc uses 174 */
SYSCALL2( 70, setreuid,      0,           int,     unsigned int, ruid, unsigned int, euid)  /* 16-bit ids; libc uses 203 */
SYSCALL2( 71, setregid,      0,           int,     unsigned int, rgid, unsigned int, egid)  /* 16-bit ids; libc uses 204 */
SYSCALL3( 72, sigsuspend,    0,           int,     int, unused1, int, unused2, old_sigset_t, mask)  /* old i386: the mask third; libc uses 179 */
SYSCALL1( 73, sigpending,    0,           int,     old_sigset_t *, set)  /* old; libc uses 176 */
SYSCALL2( 75, setrlimit,     sys_resource, int,    int, resource, const struct rlimit *, rlim)
SYSCALL2( 76, getrlimit,     0,           int,     int, resource, struct rlimit *, rlim)  /* old: clamps to 0x7fffffff; libc uses 191 */
SYSCALL2( 77, getrusage,     sys_resource, int,    int, who, struct rusage *, usage)
SYSCALL2( 78, gettimeofday,  sys_time,    int,     struct timeval *, tv, struct timezone *, tz)
SYSCALL2( 80, getgroups,     0,           int,     int, size, unsigned short *, list)  /* 16-bit ids; libc uses 205 */
SYSCALL2( 81, setgroups,     0,           int,     int, size, const unsigned short *, list)  /* 16-bit ids; libc uses 206 */
SYSCALL2( 83, symlink,       unistd,      int,     const char *, target, const char *, linkpath)
SYSCALL3( 85, readlink,      unistd,      ssize_t, const char *, path, char *, buf, size_t, bufsiz)
SYSCALL4( 88, reboot,        0,           int,     unsigned long, magic1, unsigned long, magic2, unsigned long, cmd, void *, arg)  /* libc: reboot(cmd) adds the magics */
SYSCALL1( 90, old_mmap,      0,           void *,  struct mmap_arg_struct *, args)  /* libc: mmap() uses 192 */
SYSCALL2( 91, munmap,        sys_mman,    int,     void *, addr, size_t, len)
SYSCALL2( 92, truncate,      unistd,      int,     const char *, path, off_t, length)
SYSCALL2( 93, ftruncate,     unistd,      int,     int, fd, off_t, length)
SYSCALL2( 94, fchmod,        sys_stat,    int,     int, fd, mode_t, mode)
SYSCALL3( 95, fchown,        0,           int,     int, fd, unsigned int, owner, unsigned int, group)  /* 16-bit ids; libc uses 207 */
SYSCALL2( 96, getpriority,   0,           int,     int, which, id_t, who)  /* 20 - nice: libc converts */
SYSCALL3( 97, setpriority,   sys_resource, int,    int, which, id_t, who, int, prio)
SYSCALL2( 99, statfs,        sys_statfs,  int,     const char *, path, struct statfs *, buf)
SYSCALL2(100, fstatfs,       sys_statfs,  int,     int, fd, struct statfs *, buf)
SYSCALL2(102, socketcall,    0,           int,     int, call, unsigned long *, args)  /* the old entry to the socket calls (net/socketcall.c) */
SYSCALL3(103, syslog,        0,           int,     int, type, char *, buf, int, len)  /* the kernel log: dmesg (proc/syslog.c) */
SYSCALL3(104, setitimer,     sys_time,    int,     int, which, const struct itimerval *, new_value, struct itimerval *, old_value)
SYSCALL2(105, getitimer,     sys_time,    int,     int, which, struct itimerval *, curr_value)
SYSCALL2(106, stat,          sys_stat,    int,     const char *, path, struct stat *, statbuf)
SYSCALL2(107, lstat,         sys_stat,    int,     const char *, path, struct stat *, statbuf)
SYSCALL2(108, fstat,         sys_stat,    int,     int, fd, struct stat *, statbuf)
SYSCALL4(114, wait4,         sys_wait,    pid_t,   pid_t, pid, int *, wstatus, int, options, struct rusage *, rusage)
SYSCALL1(116, sysinfo,       sys_sysinfo, int,     struct sysinfo *, info)
SYSCALL1(118, fsync,         unistd,      int,     int, fd)
SYSCALL0(119, sigreturn,     0,           int)     /* from a signal frame only */
SYSCALL5(120, clone,         0,           long,    unsigned long, flags, void *, stack, int *, parent_tid, struct user_desc *, tls, int *, child_tid)
SYSCALL1(122, uname,         sys_utsname, int,     struct utsname *, buf)
SYSCALL3(125, mprotect,      sys_mman,    int,     void *, addr, size_t, len, int, prot)
SYSCALL3(126, sigprocmask,   0,           int,     int, how, const old_sigset_t *, set, old_sigset_t *, oldset)  /* old; libc uses 175 */
SYSCALL1(132, getpgid,       unistd,      pid_t,   pid_t, pid)
SYSCALL1(133, fchdir,        unistd,      int,     int, fd)
SYSCALL1(136, personality,   sys_personality, int, unsigned long, persona)
SYSCALL1(138, setfsuid,      0,           int,     unsigned int, fsuid)  /* 16-bit ids */
SYSCALL1(139, setfsgid,      0,           int,     unsigned int, fsgid)  /* 16-bit ids */
SYSCALL5(140, llseek,        0,           int,     unsigned int, fd, unsigned long, offset_high, unsigned long, offset_low, loff_t *, result, unsigned int, whence)  /* Linux's _llseek */
SYSCALL5(142, _newselect,    0,           int,     int, nfds, fd_set *, readfds, fd_set *, writefds, fd_set *, exceptfds, struct timeval *, timeout)  /* libc: select() */
SYSCALL3(144, msync,         sys_mman,    int,     void *, addr, size_t, len, int, flags)
SYSCALL3(145, readv,         sys_uio,     ssize_t, int, fd, const struct iovec *, iov, int, iovcnt)
SYSCALL3(146, writev,        sys_uio,     ssize_t, int, fd, const struct iovec *, iov, int, iovcnt)
SYSCALL1(147, getsid,        unistd,      pid_t,   pid_t, pid)
SYSCALL1(148, fdatasync,     unistd,      int,     int, fd)
SYSCALL2(154, sched_setparam, sched,      int,     pid_t, pid, const struct sched_param *, param)
SYSCALL2(155, sched_getparam, sched,      int,     pid_t, pid, struct sched_param *, param)
SYSCALL3(156, sched_setscheduler, sched,  int,     pid_t, pid, int, policy, const struct sched_param *, param)
SYSCALL1(157, sched_getscheduler, sched,  int,     pid_t, pid)
SYSCALL0(158, sched_yield,   sched,       int)
SYSCALL1(159, sched_get_priority_max, sched, int,  int, policy)
SYSCALL1(160, sched_get_priority_min, sched, int,  int, policy)
SYSCALL2(161, sched_rr_get_interval, sched, int,   pid_t, pid, struct timespec *, tp)
SYSCALL2(162, nanosleep,     time,        int,     const struct timespec *, req, struct timespec *, rem)
SYSCALL5(163, mremap,        0,           void *,  void *, old_address, size_t, old_size, size_t, new_size, int, flags, void *, new_address)  /* variadic: libc/mman.c */
SYSCALL3(164, setresuid,     0,           int,     unsigned int, ruid, unsigned int, euid, unsigned int, suid)  /* 16-bit ids; libc uses 208 */
SYSCALL3(165, getresuid,     0,           int,     unsigned short *, ruid, unsigned short *, euid, unsigned short *, suid)  /* 16-bit ids; libc uses 209 */
SYSCALL3(168, poll,          poll,        int,     struct pollfd *, fds, unsigned long, nfds, int, timeout)
SYSCALL3(170, setresgid,     0,           int,     unsigned int, rgid, unsigned int, egid, unsigned int, sgid)  /* 16-bit ids; libc uses 210 */
SYSCALL3(171, getresgid,     0,           int,     unsigned short *, rgid, unsigned short *, egid, unsigned short *, sgid)  /* 16-bit ids; libc uses 211 */
SYSCALL5(172, prctl,         0,           int,     int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4, unsigned long, arg5)  /* PR_SET_NAME, PR_GET_NAME (proc/prctl.c) */
SYSCALL0(173, rt_sigreturn,  0,           int)     /* from a signal frame only */
SYSCALL4(174, rt_sigaction,  0,           int,     int, sig, const struct kernel_sigaction *, act, struct kernel_sigaction *, oact, size_t, sigsetsize)  /* libc: sigaction() */
SYSCALL4(175, rt_sigprocmask, 0,          int,     int, how, const sigset_t *, set, sigset_t *, oldset, size_t, sigsetsize)  /* libc: sigprocmask() */
SYSCALL2(176, rt_sigpending, 0,           int,     sigset_t *, set, size_t, sigsetsize)  /* libc: sigpending() */
SYSCALL2(179, rt_sigsuspend, 0,           int,     const sigset_t *, mask, size_t, sigsetsize)  /* libc: sigsuspend() */
SYSCALL5(180, pread64,       0,           ssize_t, int, fd, void *, buf, size_t, count, unsigned long, pos_lo, unsigned long, pos_hi)  /* libc: pread() */
SYSCALL5(181, pwrite64,      0,           ssize_t, int, fd, const void *, buf, size_t, count, unsigned long, pos_lo, unsigned long, pos_hi)  /* libc: pwrite() */
SYSCALL3(182, chown,         0,           int,     const char *, path, unsigned int, owner, unsigned int, group)  /* 16-bit ids; libc uses 212 */
SYSCALL2(183, getcwd,        0,           int,     char *, buf, size_t, size)  /* returns a length, not a pointer */
SYSCALL2(186, sigaltstack,   signal,      int,     const stack_t *, ss, stack_t *, old_ss)
SYSCALL4(187, sendfile,      sys_sendfile, ssize_t, int, out_fd, int, in_fd, off_t *, offset, size_t, count)
SYSCALL0(190, vfork,         0,           pid_t)  /* no libc wrapper: the child would return on the stack it shares */
SYSCALL2(191, ugetrlimit,    0,           int,     int, resource, struct rlimit *, rlim)  /* libc: getrlimit() */
SYSCALL6(192, mmap2,         0,           void *,  void *, addr, size_t, len, int, prot, int, flags, int, fd, unsigned long, pgoff)  /* libc: mmap() */
SYSCALL3(193, truncate64,    0,           int,     const char *, path, unsigned long, length_lo, unsigned long, length_hi)
SYSCALL3(194, ftruncate64,   0,           int,     int, fd, unsigned long, length_lo, unsigned long, length_hi)
SYSCALL2(195, stat64,        sys_stat,    int,     const char *, path, struct stat64 *, statbuf)
SYSCALL2(196, lstat64,       sys_stat,    int,     const char *, path, struct stat64 *, statbuf)
SYSCALL2(197, fstat64,       sys_stat,    int,     int, fd, struct stat64 *, statbuf)
SYSCALL3(198, lchown32,      0,           int,     const char *, path, uid_t, owner, gid_t, group)  /* libc: lchown() */
SYSCALL0(199, getuid32,      0,           uid_t)
SYSCALL0(200, getgid32,      0,           gid_t)
SYSCALL0(201, geteuid32,     0,           uid_t)
SYSCALL0(202, getegid32,     0,           gid_t)
SYSCALL2(203, setreuid32,    0,           int,     uid_t, ruid, uid_t, euid)  /* libc: setreuid() */
SYSCALL2(204, setregid32,    0,           int,     gid_t, rgid, gid_t, egid)  /* libc: setregid() */
SYSCALL2(205, getgroups32,   0,           int,     int, size, gid_t *, list)  /* libc: getgroups() */
SYSCALL2(206, setgroups32,   0,           int,     int, size, const gid_t *, list)  /* libc: setgroups() */
SYSCALL3(207, fchown32,      0,           int,     int, fd, uid_t, owner, gid_t, group)  /* libc: fchown() */
SYSCALL3(208, setresuid32,   0,           int,     uid_t, ruid, uid_t, euid, uid_t, suid)  /* libc: setresuid() */
SYSCALL3(209, getresuid32,   0,           int,     uid_t *, ruid, uid_t *, euid, uid_t *, suid)  /* libc: getresuid() */
SYSCALL3(210, setresgid32,   0,           int,     gid_t, rgid, gid_t, egid, gid_t, sgid)  /* libc: setresgid() */
SYSCALL3(211, getresgid32,   0,           int,     gid_t *, rgid, gid_t *, egid, gid_t *, sgid)  /* libc: getresgid() */
SYSCALL3(212, chown32,       0,           int,     const char *, path, uid_t, owner, gid_t, group)  /* libc: chown() */
SYSCALL1(213, setuid32,      0,           int,     uid_t, uid)  /* libc: setuid() */
SYSCALL1(214, setgid32,      0,           int,     gid_t, gid)  /* libc: setgid() */
SYSCALL1(215, setfsuid32,    0,           int,     uid_t, fsuid)
SYSCALL1(216, setfsgid32,    0,           int,     gid_t, fsgid)
SYSCALL3(219, madvise,       sys_mman,    int,     void *, addr, size_t, len, int, advice)
SYSCALL3(220, getdents64,    dirent,      ssize_t, int, fd, void *, dirp, size_t, count)
SYSCALL3(221, fcntl64,       0,           int,     int, fd, int, cmd, unsigned long, arg)
SYSCALL0(224, gettid,        unistd,      pid_t)
SYSCALL2(238, tkill,         0,           int,     pid_t, tid, int, sig)
SYSCALL4(239, sendfile64,    0,           ssize_t, int, out_fd, int, in_fd, loff_t *, offset, size_t, count)  /* libc: sendfile() */
SYSCALL6(240, futex,         0,           long,    uint32_t *, uaddr, int, op, uint32_t, val, const struct timespec *, timeout, uint32_t *, uaddr2, uint32_t, val3)  /* timeout: a count for REQUEUE */
SYSCALL3(241, sched_setaffinity, 0,       int,     pid_t, pid, unsigned int, len, const unsigned long *, mask)  /* libc: CPU_SET macros (libc/sched_cpu.c) */
SYSCALL3(242, sched_getaffinity, 0,       int,     pid_t, pid, unsigned int, len, unsigned long *, mask)  /* returns the mask's size; libc returns 0 */
SYSCALL1(243, set_thread_area, 0,         int,     struct user_desc *, u_info)
SYSCALL1(244, get_thread_area, 0,         int,     struct user_desc *, u_info)
SYSCALL5(250, fadvise64,     0,           int,     int, fd, unsigned long, offset_lo, unsigned long, offset_hi, size_t, len, int, advice)  /* libc: posix_fadvise() */
SYSCALL1(252, exit_group,    0,           void,    int, status)
SYSCALL1(258, set_tid_address, 0,         pid_t,   int *, tidptr)
SYSCALL2(265, clock_gettime, time,        int,     clockid_t, clockid, struct timespec *, tp)
SYSCALL2(266, clock_getres,  time,        int,     clockid_t, clockid, struct timespec *, res)
SYSCALL4(267, clock_nanosleep, 0,         int,     clockid_t, clockid, int, flags, const struct timespec *, req, struct timespec *, rem)  /* returns the error */
SYSCALL3(268, statfs64,      0,           int,     const char *, path, size_t, size, struct statfs64 *, buf)  /* libc: statvfs() */
SYSCALL3(269, fstatfs64,     0,           int,     int, fd, size_t, size, struct statfs64 *, buf)  /* libc: fstatvfs() */
SYSCALL3(270, tgkill,        signal,      int,     pid_t, tgid, pid_t, tid, int, sig)
SYSCALL2(271, utimes,        sys_time,    int,     const char *, path, const struct timeval *, times)
SYSCALL6(272, fadvise64_64,  0,           int,     int, fd, unsigned long, offset_lo, unsigned long, offset_hi, unsigned long, len_lo, unsigned long, len_hi, int, advice)
SYSCALL4(295, openat,        0,           int,     int, dirfd, const char *, path, open_flags_t, flags, mode_t, mode)  /* variadic */
SYSCALL3(296, mkdirat,       sys_stat,    int,     int, dirfd, const char *, path, mode_t, mode)
SYSCALL4(297, mknodat,       sys_stat,    int,     int, dirfd, const char *, path, mode_t, mode, dev_t, dev)
SYSCALL5(298, fchownat,      unistd,      int,     int, dirfd, const char *, path, uid_t, owner, gid_t, group, int, flags)
SYSCALL3(299, futimesat,     0,           int,     int, dirfd, const char *, path, const struct timeval *, times)
SYSCALL4(300, fstatat64,     sys_stat,    int,     int, dirfd, const char *, path, struct stat64 *, buf, int, flags)
SYSCALL3(301, unlinkat,      unistd,      int,     int, dirfd, const char *, path, int, flags)
SYSCALL4(302, renameat,      stdio,       int,     int, olddirfd, const char *, oldpath, int, newdirfd, const char *, newpath)
SYSCALL5(303, linkat,        unistd,      int,     int, olddirfd, const char *, oldpath, int, newdirfd, const char *, newpath, int, flags)
SYSCALL3(304, symlinkat,     unistd,      int,     const char *, target, int, newdirfd, const char *, linkpath)
SYSCALL4(305, readlinkat,    unistd,      ssize_t, int, dirfd, const char *, path, char *, buf, size_t, bufsiz)
SYSCALL3(306, fchmodat,      0,           int,     int, dirfd, const char *, path, mode_t, mode)  /* no flags: libc/at.c */
SYSCALL3(307, faccessat,     0,           int,     int, dirfd, const char *, path, int, mode)  /* no flags: libc uses 439 */
SYSCALL6(308, pselect6,      0,           int,     int, nfds, fd_set *, readfds, fd_set *, writefds, fd_set *, exceptfds, struct timespec *, timeout, const struct sigset_argpack *, sig)  /* libc: pselect() */
SYSCALL5(309, ppoll,         0,           int,     struct pollfd *, fds, unsigned long, nfds, struct timespec *, tmo_p, const sigset_t *, sigmask, size_t, sigsetsize)  /* libc: ppoll() */
SYSCALL2(311, set_robust_list, 0,         long,    struct robust_list_head *, head, size_t, len)
SYSCALL3(312, get_robust_list, 0,         long,    int, pid, struct robust_list_head **, head_ptr, size_t *, len_ptr)
SYSCALL3(318, getcpu,        0,           int,     unsigned int *, cpu, unsigned int *, node, void *, tcache)
SYSCALL4(320, utimensat,     sys_stat,    int,     int, dirfd, const char *, path, const struct timespec *, times, int, flags)
SYSCALL3(330, dup3,          unistd,      int,     int, oldfd, int, newfd, int, flags)
SYSCALL2(331, pipe2,         unistd,      int,     int *, pipefd, int, flags)
SYSCALL4(340, prlimit64,     0,           int,     pid_t, pid, int, resource, const struct rlimit64 *, new_limit, struct rlimit64 *, old_limit)  /* libc: prlimit() */
SYSCALL1(344, syncfs,        unistd,      int,     int, fd)
SYSCALL5(353, renameat2,     stdio,       int,     int, olddirfd, const char *, oldpath, int, newdirfd, const char *, newpath, unsigned int, flags)
SYSCALL3(355, getrandom,     sys_random,  ssize_t, void *, buf, size_t, buflen, unsigned int, flags)
SYSCALL3(359, socket,        sys_socket,  int,     int, domain, int, type, int, protocol)
SYSCALL4(360, socketpair,    sys_socket,  int,     int, domain, int, type, int, protocol, int *, sv)
SYSCALL3(361, bind,          sys_socket,  int,     int, sockfd, const struct sockaddr *, addr, socklen_t, addrlen)
SYSCALL3(362, connect,       sys_socket,  int,     int, sockfd, const struct sockaddr *, addr, socklen_t, addrlen)
SYSCALL2(363, listen,        sys_socket,  int,     int, sockfd, int, backlog)
SYSCALL4(364, accept4,       sys_socket,  int,     int, sockfd, struct sockaddr *, addr, socklen_t *, addrlen, int, flags)
SYSCALL5(365, getsockopt,    sys_socket,  int,     int, sockfd, int, level, int, optname, void *, optval, socklen_t *, optlen)
SYSCALL5(366, setsockopt,    sys_socket,  int,     int, sockfd, int, level, int, optname, const void *, optval, socklen_t, optlen)
SYSCALL3(367, getsockname,   sys_socket,  int,     int, sockfd, struct sockaddr *, addr, socklen_t *, addrlen)
SYSCALL3(368, getpeername,   sys_socket,  int,     int, sockfd, struct sockaddr *, addr, socklen_t *, addrlen)
SYSCALL6(369, sendto,        sys_socket,  ssize_t, int, sockfd, const void *, buf, size_t, len, int, flags, const struct sockaddr *, dest_addr, socklen_t, addrlen)
SYSCALL3(370, sendmsg,       sys_socket,  ssize_t, int, sockfd, const struct msghdr *, msg, int, flags)
SYSCALL6(371, recvfrom,      sys_socket,  ssize_t, int, sockfd, void *, buf, size_t, len, int, flags, struct sockaddr *, src_addr, socklen_t *, addrlen)
SYSCALL3(372, recvmsg,       sys_socket,  ssize_t, int, sockfd, struct msghdr *, msg, int, flags)
SYSCALL2(373, shutdown,      sys_socket,  int,     int, sockfd, int, how)
SYSCALL5(383, statx,         sys_stat,    int,     int, dirfd, const char *, path, int, flags, unsigned int, mask, struct statx *, buf)
SYSCALL2(403, clock_gettime64, 0,         int,     clockid_t, clockid, struct __kernel_timespec *, tp)
SYSCALL2(406, clock_getres_time64, 0,     int,     clockid_t, clockid, struct __kernel_timespec *, res)
SYSCALL4(407, clock_nanosleep_time64, 0,  int,     clockid_t, clockid, int, flags, const struct __kernel_timespec *, req, struct __kernel_timespec *, rem)
SYSCALL4(412, utimensat_time64, 0,        int,     int, dirfd, const char *, path, const struct __kernel_timespec *, times, int, flags)
SYSCALL6(413, pselect6_time64, 0,         int,     int, nfds, fd_set *, readfds, fd_set *, writefds, fd_set *, exceptfds, struct __kernel_timespec *, timeout, const struct sigset_argpack *, sig)
SYSCALL5(414, ppoll_time64,  0,           int,     struct pollfd *, fds, unsigned long, nfds, struct __kernel_timespec *, tmo_p, const sigset_t *, sigmask, size_t, sigsetsize)
SYSCALL6(422, futex_time64,  0,           long,    uint32_t *, uaddr, int, op, uint32_t, val, const struct __kernel_timespec *, timeout, uint32_t *, uaddr2, uint32_t, val3)
SYSCALL2(423, sched_rr_get_interval_time64, 0, int, pid_t, pid, struct __kernel_timespec *, tp)
SYSCALL4(439, faccessat2,    0,           int,     int, dirfd, const char *, path, int, mode, int, flags)  /* libc: faccessat() */

#undef SYSCALL0
#undef SYSCALL1
#undef SYSCALL2
#undef SYSCALL3
#undef SYSCALL4
#undef SYSCALL5
#undef SYSCALL6
#undef SYSCALL_MAP
#undef SYSCALL_MAP0
#undef SYSCALL_MAP1
#undef SYSCALL_MAP2
#undef SYSCALL_MAP3
#undef SYSCALL_MAP4
#undef SYSCALL_MAP5
#undef SYSCALL_MAP6
#undef SYSCALL_PARAM
#undef SYSCALL_PARAMS
