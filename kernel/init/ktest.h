#ifndef _INIT_KTEST_H
#define _INIT_KTEST_H

/* Run the kernel self-test named by "ktest=" on the command line, if any. */
void run_ktest(void);

#endif
