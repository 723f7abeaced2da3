/* personality(2): the execution domain, which on Linux can make a
   process look like another Unix's. Sprout is Linux only. */
#ifndef _SPROUT_PERSONALITY_H
#define _SPROUT_PERSONALITY_H

#define PER_LINUX        0x0000
#define PERSONALITY_ASK  0xffffffffUL   /* changes nothing: returns it */

#endif
