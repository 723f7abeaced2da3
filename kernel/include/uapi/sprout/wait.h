/*
 * The wait status word, encoded as Linux does:
 *   exited normally:   (code << 8)         low 7 bits 0
 *   killed by signal:  sig | 0x80 if core  low 7 bits = sig
 *   stopped:           (sig << 8) | 0x7f
 */
#ifndef _SPROUT_WAIT_H
#define _SPROUT_WAIT_H

#define WNOHANG    1
#define WUNTRACED  2
#define WCONTINUED 8
/* Which children wait4 sees: by default those whose exit signal is
   SIGCHLD; __WCLONE only the others ("clone" children), __WALL both. */
#define __WNOTHREAD 0x20000000  /* only my own children (Sprout: all are
				   the process's, so the same) */
#define __WALL      0x40000000
#define __WCLONE    0x80000000

#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)  (((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WCOREDUMP(s)    ((s) & 0x80)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
