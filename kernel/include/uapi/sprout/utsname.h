/* uname(2): struct new_utsname, as Linux (syscall 122). */
#ifndef _SPROUT_UTSNAME_H
#define _SPROUT_UTSNAME_H

#define UTSNAME_LEN 65

struct utsname {
	char sysname[UTSNAME_LEN];
	char nodename[UTSNAME_LEN];
	char release[UTSNAME_LEN];
	char version[UTSNAME_LEN];
	char machine[UTSNAME_LEN];
	char domainname[UTSNAME_LEN];
};

#endif
