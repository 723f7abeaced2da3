/*
 * Included first into each file of the malloc test: the host's headers
 * are read before libc/malloc.c's functions are renamed our_*, and
 * sbrk() becomes the test's fake_sbrk(), a break inside an array, and
 * the heap's lock (libc/lock.h, for threads) does nothing: one thread.
 */
#include <stdlib.h>
#include <stdint.h>
#include <unistd.h>
#define malloc our_malloc
#define free our_free
#define calloc our_calloc
#define realloc our_realloc
#define sbrk fake_sbrk
void *our_malloc(size_t size);
void our_free(void *p);
void *our_calloc(size_t n, size_t size);
void *our_realloc(void *p, size_t size);
void *fake_sbrk(intptr_t increment);
#define __lock host_lock
#define __unlock host_unlock
static inline void host_lock(volatile int *l) { (void)l; }
static inline void host_unlock(volatile int *l) { (void)l; }
