/*
 * THE system-call table: one line per call, with its Linux i386 number.
 * Everything else is generated from this list:
 *   - the kernel's dispatch table and the names used in traces
 *     (kernel/proc/syscall.c): entry nr calls sys_<name>;
 *   - the C library's stubs (libc/syscalls.S): __sys_<name> returns the raw
 *     result (-errno on failure), and, when the last column is 1, a POSIX
 *     function <name> that sets errno and returns -1.
 *
 * Adding a system call: add one line here and write sys_<name>() in the
 * kernel. Numbers not listed return -ENOSYS.
 *
 *       nr   name            args  libc wrapper
 */
SYSCALL(  1, exit,              1, 0)   /* libc's _exit() uses exit_group */
SYSCALL(  2, fork,              0, 1)
SYSCALL(  3, read,              3, 1)
SYSCALL(  4, write,             3, 1)
SYSCALL(  5, open,              3, 0)   /* variadic: libc/ wraps it */
SYSCALL(  6, close,             1, 1)
SYSCALL(  7, waitpid,           3, 1)
SYSCALL(  8, creat,             2, 1)
SYSCALL(  9, link,              2, 1)
SYSCALL( 10, unlink,            1, 1)
SYSCALL( 11, execve,            3, 1)
SYSCALL( 12, chdir,             1, 1)
SYSCALL( 13, time,              1, 1)
SYSCALL( 14, mknod,             3, 1)
SYSCALL( 19, lseek,             3, 1)
SYSCALL( 20, getpid,            0, 1)
SYSCALL( 24, getuid,            0, 1)
SYSCALL( 33, access,            2, 1)
SYSCALL( 36, sync,              0, 1)
SYSCALL( 37, kill,              2, 1)
SYSCALL( 38, rename,            2, 1)
SYSCALL( 39, mkdir,             2, 1)
SYSCALL( 40, rmdir,             1, 1)
SYSCALL( 41, dup,               1, 1)
SYSCALL( 42, pipe,              1, 1)
SYSCALL( 45, brk,               1, 0)   /* libc's brk()/sbrk() differ */
SYSCALL( 47, getgid,            0, 1)
SYSCALL( 49, geteuid,           0, 1)
SYSCALL( 50, getegid,           0, 1)
SYSCALL( 54, ioctl,             3, 1)
SYSCALL( 55, fcntl,             3, 1)
SYSCALL( 60, umask,             1, 1)
SYSCALL( 63, dup2,              2, 1)
SYSCALL( 64, getppid,           0, 1)
SYSCALL( 78, gettimeofday,      2, 1)
SYSCALL( 88, reboot,            4, 0)   /* libc: reboot(cmd) adds the magics */
SYSCALL( 92, truncate,          2, 1)
SYSCALL( 93, ftruncate,         2, 1)
SYSCALL(106, stat,              2, 1)
SYSCALL(107, lstat,             2, 1)
SYSCALL(108, fstat,             2, 1)
SYSCALL(114, wait4,             4, 1)
SYSCALL(116, sysinfo,           1, 1)
SYSCALL(118, fsync,             1, 1)
SYSCALL(122, uname,             1, 1)
SYSCALL(133, fchdir,            1, 1)
SYSCALL(140, llseek,            5, 0)   /* Linux's _llseek */
SYSCALL(145, readv,             3, 1)
SYSCALL(146, writev,            3, 1)
SYSCALL(158, sched_yield,       0, 1)
SYSCALL(162, nanosleep,         2, 1)
SYSCALL(183, getcwd,            2, 0)   /* returns a length, not a pointer */
SYSCALL(193, truncate64,        3, 0)
SYSCALL(194, ftruncate64,       3, 0)
SYSCALL(195, stat64,            2, 1)
SYSCALL(196, lstat64,           2, 1)
SYSCALL(197, fstat64,           2, 1)
SYSCALL(199, getuid32,          0, 0)
SYSCALL(200, getgid32,          0, 0)
SYSCALL(201, geteuid32,         0, 0)
SYSCALL(202, getegid32,         0, 0)
SYSCALL(220, getdents64,        3, 1)
SYSCALL(221, fcntl64,           3, 0)
SYSCALL(252, exit_group,        1, 0)
SYSCALL(265, clock_gettime,     2, 1)
SYSCALL(331, pipe2,             2, 1)
