/* getrandom(2)'s flags, as Linux's <linux/random.h>. Sprout's generator
   is seeded before process 1 runs, so none of them ever makes a
   difference to what comes back (docs/random.md). */
#ifndef _SPROUT_RANDOM_H
#define _SPROUT_RANDOM_H

#define GRND_NONBLOCK 0x0001    /* do not wait for the seed (none waits) */
#define GRND_RANDOM   0x0002    /* /dev/random's pool: the same one here */
#define GRND_INSECURE 0x0004    /* do not care about the seed */

#endif
