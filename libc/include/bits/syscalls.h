/*
 * The prototypes of the system calls a POSIX header declares, made from
 * the kernel's table <sprout/syscalls.h>. A line's libc column names the
 * header: unistd for <unistd.h>, sys_stat for <sys/stat.h>, 0 for none.
 * A header takes its own lines by naming itself, then including this file:
 *
 *	#define __SYSCALLS_unistd __SYSCALLS_HERE
 *	#include <bits/syscalls.h>
 *	#undef __SYSCALLS_unistd
 *
 * Each line becomes  __SYSCALL_PICK(__SYSCALLS_<libc>)(prototype;)  and
 * the preprocessor's "probe" idiom does the choosing: the header's own
 * name expands to "~, __SYSCALL_KEEP", which moves __SYSCALL_KEEP into
 * second place; any other name stays a single word, and second place
 * holds __SYSCALL_DROP, which swallows the prototype.
 */
#define __SYSCALLS_HERE ~, __SYSCALL_KEEP
#define __SYSCALL_KEEP(prototype) prototype
#define __SYSCALL_DROP(prototype)
#define __SYSCALL_SECOND(first, second, ...) second
#define __SYSCALL_PICK(probe) __SYSCALL_SECOND(probe, __SYSCALL_DROP, ~)

#define SYSCALL(nr, name, libc, ret, n, ...)				\
	__SYSCALL_PICK(__SYSCALLS_##libc)				\
		(ret name(SYSCALL_PARAMS(n, __VA_ARGS__));)
#include <sprout/syscalls.h>
#undef SYSCALL
