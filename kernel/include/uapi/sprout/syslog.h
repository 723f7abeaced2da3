/* syslog(2)'s actions (Linux's numbers): the kernel log, as dmesg reads it. */
#ifndef _SPROUT_SYSLOG_H
#define _SPROUT_SYSLOG_H

#define SYSLOG_ACTION_CLOSE         0
#define SYSLOG_ACTION_OPEN          1
#define SYSLOG_ACTION_READ          2   /* wait for new text, take it */
#define SYSLOG_ACTION_READ_ALL      3   /* the last len bytes, taking none */
#define SYSLOG_ACTION_READ_CLEAR    4
#define SYSLOG_ACTION_CLEAR         5
#define SYSLOG_ACTION_CONSOLE_OFF   6
#define SYSLOG_ACTION_CONSOLE_ON    7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD   9
#define SYSLOG_ACTION_SIZE_BUFFER   10

#endif
