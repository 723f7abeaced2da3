/*
 * Error numbers, the same as Linux i386 (asm-generic/errno-base.h and
 * errno.h), so `man 2` pages apply. System calls return -E... on failure;
 * the C library turns that into -1 and errno.
 */
#ifndef _SPROUT_ERRNO_H
#define _SPROUT_ERRNO_H

#define EPERM             1
#define ENOENT            2
#define ESRCH             3
#define EINTR             4
#define EIO               5
#define ENXIO             6
#define E2BIG             7
#define ENOEXEC           8
#define EBADF             9
#define ECHILD           10
#define EAGAIN           11
#define ENOMEM           12
#define EACCES           13
#define EFAULT           14
#define ENOTBLK          15
#define EBUSY            16
#define EEXIST           17
#define EXDEV            18
#define ENODEV           19
#define ENOTDIR          20
#define EISDIR           21
#define EINVAL           22
#define ENFILE           23
#define EMFILE           24
#define ENOTTY           25
#define ETXTBSY          26
#define EFBIG            27
#define ENOSPC           28
#define ESPIPE           29
#define EROFS            30
#define EMLINK           31
#define EPIPE            32
#define EDOM             33
#define ERANGE           34
#define EDEADLK          35
#define ENAMETOOLONG     36
#define ENOLCK           37
#define ENOSYS           38
#define ENOTEMPTY        39
#define ELOOP            40
#define EWOULDBLOCK     EAGAIN
#define EOVERFLOW        75
#define ENOTSOCK         88
#define EOPNOTSUPP       95
#define ETIMEDOUT       110
/* Kernel only: a blocking call cut short by a signal returns one of
   these, and the way back to user mode (signal/deliver.c) turns it into
   EINTR or a restart of the call. They never reach a program. */
#define ERESTARTSYS     512     /* restart unless a handler without
				   SA_RESTART runs */
#define ERESTARTNOHAND  514     /* restart only if no handler runs */

/*
 * Each error's name and message, as glibc words it: the one list that
 * strerror() in the C library and strace in the kernel print from.
 * ERRNO_LIST(E) calls E(name, message) for every error above but the
 * alias EWOULDBLOCK and the ERESTART codes, which no program ever sees.
 */
#define ERRNO_LIST(E) \
	E(EPERM,         "Operation not permitted") \
	E(ENOENT,        "No such file or directory") \
	E(ESRCH,         "No such process") \
	E(EINTR,         "Interrupted system call") \
	E(EIO,           "Input/output error") \
	E(ENXIO,         "No such device or address") \
	E(E2BIG,         "Argument list too long") \
	E(ENOEXEC,       "Exec format error") \
	E(EBADF,         "Bad file descriptor") \
	E(ECHILD,        "No child processes") \
	E(EAGAIN,        "Resource temporarily unavailable") \
	E(ENOMEM,        "Cannot allocate memory") \
	E(EACCES,        "Permission denied") \
	E(EFAULT,        "Bad address") \
	E(ENOTBLK,       "Block device required") \
	E(EBUSY,         "Device or resource busy") \
	E(EEXIST,        "File exists") \
	E(EXDEV,         "Invalid cross-device link") \
	E(ENODEV,        "No such device") \
	E(ENOTDIR,       "Not a directory") \
	E(EISDIR,        "Is a directory") \
	E(EINVAL,        "Invalid argument") \
	E(ENFILE,        "Too many open files in system") \
	E(EMFILE,        "Too many open files") \
	E(ENOTTY,        "Inappropriate ioctl for device") \
	E(ETXTBSY,       "Text file busy") \
	E(EFBIG,         "File too large") \
	E(ENOSPC,        "No space left on device") \
	E(ESPIPE,        "Illegal seek") \
	E(EROFS,         "Read-only file system") \
	E(EMLINK,        "Too many links") \
	E(EPIPE,         "Broken pipe") \
	E(EDOM,          "Numerical argument out of domain") \
	E(ERANGE,        "Numerical result out of range") \
	E(EDEADLK,       "Resource deadlock avoided") \
	E(ENAMETOOLONG,  "File name too long") \
	E(ENOLCK,        "No locks available") \
	E(ENOSYS,        "Function not implemented") \
	E(ENOTEMPTY,     "Directory not empty") \
	E(ELOOP,         "Too many levels of symbolic links") \
	E(EOVERFLOW,     "Value too large for defined data type") \
	E(ENOTSOCK,      "Socket operation on non-socket") \
	E(EOPNOTSUPP,    "Operation not supported") \
	E(ETIMEDOUT,     "Connection timed out")

#endif
