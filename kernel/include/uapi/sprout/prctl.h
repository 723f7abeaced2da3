/* prctl(2)'s options that Sprout knows (Linux's numbers, <linux/prctl.h>). */
#ifndef _SPROUT_PRCTL_H
#define _SPROUT_PRCTL_H

#define PR_SET_NAME 15          /* arg2: the new name, truncated to 15 bytes */
#define PR_GET_NAME 16          /* arg2: a 16-byte buffer for the name */

#endif
