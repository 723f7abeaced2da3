/* The limits of the integer types on i386, and the system's own: the
   kernel's numbers (kernel/fs/fs.h's NR_OPEN, kernel/proc/proc.h's
   MAX_ARG_PAGES pages ...), as sysconf() reports them too. */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT   8
#define SCHAR_MIN  (-128)
#define SCHAR_MAX  127
#define UCHAR_MAX  255
#define CHAR_MIN   SCHAR_MIN
#define CHAR_MAX   SCHAR_MAX
#define SHRT_MIN   (-32768)
#define SHRT_MAX   32767
#define USHRT_MAX  65535
#define INT_MIN    (-INT_MAX - 1)
#define INT_MAX    2147483647
#define UINT_MAX   4294967295U
#define LONG_MIN   (-LONG_MAX - 1)
#define LONG_MAX   2147483647L
#define ULONG_MAX  4294967295UL
#define LLONG_MIN  (-LLONG_MAX - 1)
#define LLONG_MAX  9223372036854775807LL
#define ULLONG_MAX 18446744073709551615ULL
#define SSIZE_MAX  LONG_MAX
#define LONG_BIT   32
#define WORD_BIT   32
#define MB_LEN_MAX 1            /* ASCII: one byte a character */

#define PATH_MAX   4096         /* bytes in a path, with its NUL */
#define NAME_MAX   255          /* bytes in one file name */
#define PIPE_BUF   4096         /* pipe writes up to this size are atomic */
#define ARG_MAX    131072       /* execve: argv and envp together */
#define OPEN_MAX   64           /* descriptors per process: EMFILE beyond */
#define IOV_MAX    1024         /* readv/writev pieces */
#define SYMLOOP_MAX 40          /* symbolic links in one path: ELOOP beyond */
#define HOST_NAME_MAX 64        /* uname's nodename, without its NUL */
#define LOGIN_NAME_MAX 256
#define TTY_NAME_MAX 32         /* "/dev/console" and its NUL fit */
#define LINE_MAX   2048         /* a text line the utilities must take */
#define NGROUPS_MAX 65536
#define PAGESIZE   4096
#define SEM_VALUE_MAX 0x7fffffff  /* the largest count of a semaphore */

#endif
