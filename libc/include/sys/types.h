/* The basic POSIX types, sized as Linux i386 has them. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int            pid_t;
typedef int            ssize_t;
typedef long           off_t;
typedef long long      off64_t;
typedef long long      loff_t;
typedef unsigned int   mode_t;
typedef unsigned int   uid_t;
typedef unsigned int   gid_t;
typedef unsigned int   id_t;            /* a pid, uid or gid */
typedef unsigned long  dev_t;
typedef unsigned long  ino_t;
typedef unsigned int   nlink_t;
typedef long           time_t;
typedef long           suseconds_t;
typedef long           clock_t;
typedef int            clockid_t;
typedef unsigned int   useconds_t;
typedef long           blksize_t;
typedef long           blkcnt_t;
typedef int            key_t;

#endif
