/*
 * Error numbers, the same as Linux i386 (asm-generic/errno-base.h and
 * errno.h), so `man 2` pages apply. System calls return -E... on failure;
 * the C library turns that into -1 and errno. All of Linux's are named
 * (1 to 133; 41 and 58 are unused), even those Sprout never returns, so
 * that programs written for Linux compile and strerror() knows them all.
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
#define EWOULDBLOCK     EAGAIN
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
#define EDEADLOCK       EDEADLK
#define ENAMETOOLONG     36
#define ENOLCK           37
#define ENOSYS           38
#define ENOTEMPTY        39
#define ELOOP            40
#define ENOMSG           42
#define EIDRM            43
#define ECHRNG           44
#define EL2NSYNC         45
#define EL3HLT           46
#define EL3RST           47
#define ELNRNG           48
#define EUNATCH          49
#define ENOCSI           50
#define EL2HLT           51
#define EBADE            52
#define EBADR            53
#define EXFULL           54
#define ENOANO           55
#define EBADRQC          56
#define EBADSLT          57
#define EBFONT           59
#define ENOSTR           60
#define ENODATA          61
#define ETIME            62
#define ENOSR            63
#define ENONET           64
#define ENOPKG           65
#define EREMOTE          66
#define ENOLINK          67
#define EADV             68
#define ESRMNT           69
#define ECOMM            70
#define EPROTO           71
#define EMULTIHOP        72
#define EDOTDOT          73
#define EBADMSG          74
#define EOVERFLOW        75
#define ENOTUNIQ         76
#define EBADFD           77
#define EREMCHG          78
#define ELIBACC          79
#define ELIBBAD          80
#define ELIBSCN          81
#define ELIBMAX          82
#define ELIBEXEC         83
#define EILSEQ           84
#define ERESTART         85
#define ESTRPIPE         86
#define EUSERS           87
#define ENOTSOCK         88
#define EDESTADDRREQ     89
#define EMSGSIZE         90
#define EPROTOTYPE       91
#define ENOPROTOOPT      92
#define EPROTONOSUPPORT  93
#define ESOCKTNOSUPPORT  94
#define EOPNOTSUPP       95
#define ENOTSUP         EOPNOTSUPP
#define EPFNOSUPPORT     96
#define EAFNOSUPPORT     97
#define EADDRINUSE       98
#define EADDRNOTAVAIL    99
#define ENETDOWN        100
#define ENETUNREACH     101
#define ENETRESET       102
#define ECONNABORTED    103
#define ECONNRESET      104
#define ENOBUFS         105
#define EISCONN         106
#define ENOTCONN        107
#define ESHUTDOWN       108
#define ETOOMANYREFS    109
#define ETIMEDOUT       110
#define ECONNREFUSED    111
#define EHOSTDOWN       112
#define EHOSTUNREACH    113
#define EALREADY        114
#define EINPROGRESS     115
#define ESTALE          116
#define EUCLEAN         117
#define ENOTNAM         118
#define ENAVAIL         119
#define EISNAM          120
#define EREMOTEIO       121
#define EDQUOT          122
#define ENOMEDIUM       123
#define EMEDIUMTYPE     124
#define ECANCELED       125
#define ENOKEY          126
#define EKEYEXPIRED     127
#define EKEYREVOKED     128
#define EKEYREJECTED    129
#define EOWNERDEAD      130
#define ENOTRECOVERABLE 131
#define ERFKILL         132
#define EHWPOISON       133
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
 * aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) and the kernel-only
 * ERESTARTSYS and ERESTARTNOHAND.
 */
#define ERRNO_LIST(E) \
	E(EPERM,          "Operation not permitted") \
	E(ENOENT,         "No such file or directory") \
	E(ESRCH,          "No such process") \
	E(EINTR,          "Interrupted system call") \
	E(EIO,            "Input/output error") \
	E(ENXIO,          "No such device or address") \
	E(E2BIG,          "Argument list too long") \
	E(ENOEXEC,        "Exec format error") \
	E(EBADF,          "Bad file descriptor") \
	E(ECHILD,         "No child processes") \
	E(EAGAIN,         "Resource temporarily unavailable") \
	E(ENOMEM,         "Cannot allocate memory") \
	E(EACCES,         "Permission denied") \
	E(EFAULT,         "Bad address") \
	E(ENOTBLK,        "Block device required") \
	E(EBUSY,          "Device or resource busy") \
	E(EEXIST,         "File exists") \
	E(EXDEV,          "Invalid cross-device link") \
	E(ENODEV,         "No such device") \
	E(ENOTDIR,        "Not a directory") \
	E(EISDIR,         "Is a directory") \
	E(EINVAL,         "Invalid argument") \
	E(ENFILE,         "Too many open files in system") \
	E(EMFILE,         "Too many open files") \
	E(ENOTTY,         "Inappropriate ioctl for device") \
	E(ETXTBSY,        "Text file busy") \
	E(EFBIG,          "File too large") \
	E(ENOSPC,         "No space left on device") \
	E(ESPIPE,         "Illegal seek") \
	E(EROFS,          "Read-only file system") \
	E(EMLINK,         "Too many links") \
	E(EPIPE,          "Broken pipe") \
	E(EDOM,           "Numerical argument out of domain") \
	E(ERANGE,         "Numerical result out of range") \
	E(EDEADLK,        "Resource deadlock avoided") \
	E(ENAMETOOLONG,   "File name too long") \
	E(ENOLCK,         "No locks available") \
	E(ENOSYS,         "Function not implemented") \
	E(ENOTEMPTY,      "Directory not empty") \
	E(ELOOP,          "Too many levels of symbolic links") \
	E(ENOMSG,         "No message of desired type") \
	E(EIDRM,          "Identifier removed") \
	E(ECHRNG,         "Channel number out of range") \
	E(EL2NSYNC,       "Level 2 not synchronized") \
	E(EL3HLT,         "Level 3 halted") \
	E(EL3RST,         "Level 3 reset") \
	E(ELNRNG,         "Link number out of range") \
	E(EUNATCH,        "Protocol driver not attached") \
	E(ENOCSI,         "No CSI structure available") \
	E(EL2HLT,         "Level 2 halted") \
	E(EBADE,          "Invalid exchange") \
	E(EBADR,          "Invalid request descriptor") \
	E(EXFULL,         "Exchange full") \
	E(ENOANO,         "No anode") \
	E(EBADRQC,        "Invalid request code") \
	E(EBADSLT,        "Invalid slot") \
	E(EBFONT,         "Bad font file format") \
	E(ENOSTR,         "Device not a stream") \
	E(ENODATA,        "No data available") \
	E(ETIME,          "Timer expired") \
	E(ENOSR,          "Out of streams resources") \
	E(ENONET,         "Machine is not on the network") \
	E(ENOPKG,         "Package not installed") \
	E(EREMOTE,        "Object is remote") \
	E(ENOLINK,        "Link has been severed") \
	E(EADV,           "Advertise error") \
	E(ESRMNT,         "Srmount error") \
	E(ECOMM,          "Communication error on send") \
	E(EPROTO,         "Protocol error") \
	E(EMULTIHOP,      "Multihop attempted") \
	E(EDOTDOT,        "RFS specific error") \
	E(EBADMSG,        "Bad message") \
	E(EOVERFLOW,      "Value too large for defined data type") \
	E(ENOTUNIQ,       "Name not unique on network") \
	E(EBADFD,         "File descriptor in bad state") \
	E(EREMCHG,        "Remote address changed") \
	E(ELIBACC,        "Can not access a needed shared library") \
	E(ELIBBAD,        "Accessing a corrupted shared library") \
	E(ELIBSCN,        ".lib section in a.out corrupted") \
	E(ELIBMAX,        "Attempting to link in too many shared libraries") \
	E(ELIBEXEC,       "Cannot exec a shared library directly") \
	E(EILSEQ,         "Invalid or incomplete multibyte or wide character") \
	E(ERESTART,       "Interrupted system call should be restarted") \
	E(ESTRPIPE,       "Streams pipe error") \
	E(EUSERS,         "Too many users") \
	E(ENOTSOCK,       "Socket operation on non-socket") \
	E(EDESTADDRREQ,   "Destination address required") \
	E(EMSGSIZE,       "Message too long") \
	E(EPROTOTYPE,     "Protocol wrong type for socket") \
	E(ENOPROTOOPT,    "Protocol not available") \
	E(EPROTONOSUPPORT, "Protocol not supported") \
	E(ESOCKTNOSUPPORT, "Socket type not supported") \
	E(EOPNOTSUPP,     "Operation not supported") \
	E(EPFNOSUPPORT,   "Protocol family not supported") \
	E(EAFNOSUPPORT,   "Address family not supported by protocol") \
	E(EADDRINUSE,     "Address already in use") \
	E(EADDRNOTAVAIL,  "Cannot assign requested address") \
	E(ENETDOWN,       "Network is down") \
	E(ENETUNREACH,    "Network is unreachable") \
	E(ENETRESET,      "Network dropped connection on reset") \
	E(ECONNABORTED,   "Software caused connection abort") \
	E(ECONNRESET,     "Connection reset by peer") \
	E(ENOBUFS,        "No buffer space available") \
	E(EISCONN,        "Transport endpoint is already connected") \
	E(ENOTCONN,       "Transport endpoint is not connected") \
	E(ESHUTDOWN,      "Cannot send after transport endpoint shutdown") \
	E(ETOOMANYREFS,   "Too many references: cannot splice") \
	E(ETIMEDOUT,      "Connection timed out") \
	E(ECONNREFUSED,   "Connection refused") \
	E(EHOSTDOWN,      "Host is down") \
	E(EHOSTUNREACH,   "No route to host") \
	E(EALREADY,       "Operation already in progress") \
	E(EINPROGRESS,    "Operation now in progress") \
	E(ESTALE,         "Stale file handle") \
	E(EUCLEAN,        "Structure needs cleaning") \
	E(ENOTNAM,        "Not a XENIX named type file") \
	E(ENAVAIL,        "No XENIX semaphores available") \
	E(EISNAM,         "Is a named type file") \
	E(EREMOTEIO,      "Remote I/O error") \
	E(EDQUOT,         "Disk quota exceeded") \
	E(ENOMEDIUM,      "No medium found") \
	E(EMEDIUMTYPE,    "Wrong medium type") \
	E(ECANCELED,      "Operation canceled") \
	E(ENOKEY,         "Required key not available") \
	E(EKEYEXPIRED,    "Key has expired") \
	E(EKEYREVOKED,    "Key has been revoked") \
	E(EKEYREJECTED,   "Key was rejected by service") \
	E(EOWNERDEAD,     "Owner died") \
	E(ENOTRECOVERABLE, "State not recoverable") \
	E(ERFKILL,        "Operation not possible due to RF-kill") \
	E(EHWPOISON,      "Memory page has hardware error")

#endif
