/*
 * futex(2): the kernel's half of every user-space lock.
 *
 * A lock in user memory is one 32-bit word that threads change with
 * atomic instructions: taking a free lock or letting go of one nobody
 * waits for never enters the kernel. Only a thread that must WAIT asks
 * the kernel: "put me to sleep on this word, but only if it still holds
 * the value I saw" (otherwise the holder let go meanwhile, and sleeping
 * would miss it: EAGAIN, look again). The holder that lets go of a lock
 * with waiters calls WAKE on the same word. The kernel keeps no lock
 * state at all: just who sleeps on which word.
 *
 * Which word: its key. Threads of one process share an address space,
 * so a private futex (FUTEX_PRIVATE_FLAG) is named by (mm, virtual
 * address). A shared one may sit at different addresses in different
 * processes (a MAP_SHARED page), so it is named by what they have in
 * common: the physical page and the offset in it. The page is made
 * present and writable first, so a copy-on-write page is copied before
 * we name it, and the name is the page this process keeps.
 *
 * The sleepers hang in a small hash table, chained by key; each entry
 * (struct futex_q) lives on its sleeper's kernel stack:
 *
 *   futex_hash[hash(key)] -> [q: task A, key, bitset] -> [q: task B ...]
 *
 * WAKE unlinks up to nr matching entries, oldest first, and wakes their
 * tasks (an entry whose task is NULL has been woken); REQUEUE wakes some and
 * moves the rest to another word's chain without waking them (a
 * condition variable's broadcast hands its waiters to the mutex, so they
 * do not all rush at it). One CPU and no preemption in the kernel make
 * "read the word, then sleep" atomic against every waker: nothing else
 * runs between the two unless we sleep, and reading the word does not
 * sleep once the page is present.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/futex.h>
#include <sprout/time.h>

struct futex_key {
	const void *space;      /* the mm of a private futex; NULL: physical */
	uint32_t addr;          /* the address in that space */
};

struct futex_q {
	struct futex_q *next;
	struct task_struct *task;       /* the sleeper; NULL once woken */
	struct futex_key key;
	uint32_t bitset;                /* WAKE_BITSET wakes it if they meet */
};

#define FUTEX_HASH_SIZE 64              /* chains; a power of two */
static struct futex_q *futex_hash[FUTEX_HASH_SIZE];

static struct futex_q **chain_of(const struct futex_key *key)
{
	uint32_t h = (key->addr >> 2) ^ ((uint32_t)key->space >> 6);

	return &futex_hash[(h ^ (h >> 6)) & (FUTEX_HASH_SIZE - 1)];
}

static bool same_key(const struct futex_key *a, const struct futex_key *b)
{
	return a->space == b->space && a->addr == b->addr;
}

/* Name the word at uaddr: 0, -EINVAL (not aligned) or -EFAULT. */
static int get_futex_key(uint32_t uaddr, bool private, struct futex_key *key)
{
	pte_t *pte;

	if (uaddr & 3)
		return -EINVAL;
	if (!access_ok((void *)uaddr, 4))
		return -EFAULT;
	if (private) {
		*key = (struct futex_key){ current->mm, uaddr };
		return 0;
	}
	/* Writable if it can be (a private page gets its own copy now),
	   else present: a read-only file page is the same page for all. */
	if (fault_in_writeable((void *)uaddr, 4) &&
	    fault_in_readable((void *)uaddr, 4))
		return -EFAULT;
	pte = find_pte(current->mm->pgdir, uaddr);
	*key = (struct futex_key){ NULL, PTE_ADDR(*pte) | (uaddr & 0xfff) };
	return 0;
}

/* At the tail: the longest sleeper is the first woken. */
static void queue_q(struct futex_q *q)
{
	struct futex_q **pp = chain_of(&q->key);

	while (*pp)
		pp = &(*pp)->next;
	q->next = NULL;
	*pp = q;
}

static void unqueue_q(struct futex_q *q)
{
	struct futex_q **pp = chain_of(&q->key);

	while (*pp != q)
		pp = &(*pp)->next;
	*pp = q->next;
}

/* Take q off its chain and make its task run again. */
static void wake_q(struct futex_q *q)
{
	struct task_struct *t = q->task;

	unqueue_q(q);
	q->task = NULL;         /* the sleeper sees it was woken, not timed out */
	wake_up_process(t);
}

/* Move up to nr sleepers on key to key2's chain, in their order,
   without waking them: the number moved. */
static int requeue(const struct futex_key *key, const struct futex_key *key2,
		   int nr)
{
	struct futex_q *moving = NULL, **tail = &moving, **pp, *q;
	int moved = 0;

	for (pp = chain_of(key); *pp && moved < nr;) {
		q = *pp;
		if (!same_key(&q->key, key)) {
			pp = &q->next;
			continue;
		}
		*pp = q->next;          /* off this chain, onto ours */
		*tail = q;
		tail = &q->next;
		moved++;
	}
	*tail = NULL;
	while ((q = moving)) {
		moving = q->next;
		q->key = *key2;
		queue_q(q);
	}
	return moved;
}

/*
 * Wake up to nr sleepers on key whose bitset meets `bitset`; then, for
 * REQUEUE, move up to nr_requeue more to key2. The number woken plus
 * moved.
 */
static int wake_and_requeue(const struct futex_key *key, uint32_t bitset,
			    int nr, const struct futex_key *key2, int nr_requeue)
{
	int woken = 0;
	struct futex_q *q, *next;

	for (q = *chain_of(key); q && woken < nr; q = next) {
		next = q->next;
		if (same_key(&q->key, key) && (q->bitset & bitset))
			woken++, wake_q(q);
	}
	return woken + (key2 ? requeue(key, key2, nr_requeue) : 0);
}

/* For exit's CLONE_CHILD_CLEARTID: wake pthread_join's waiters on the
   word the kernel just cleared (glibc waits there as a shared futex). */
int futex_wake(uint32_t uaddr, int nr)
{
	struct futex_key key;
	int err = get_futex_key(uaddr, false, &key);

	return err ? err : wake_and_requeue(&key, FUTEX_BITSET_MATCH_ANY, nr,
					    NULL, 0);
}

/*
 * Sleep on q until a WAKE (0), the deadline on the monotonic clock (0:
 * none; -ETIMEDOUT) or a signal. A wait without a deadline is restarted
 * after a handler with SA_RESTART, as Linux does; one with a deadline
 * ends with EINTR (the restarted call would start its timeout afresh).
 */
static int futex_sleep(struct futex_q *q, uint64_t deadline)
{
	uint32_t ticks;
	int err = 0;

	queue_q(q);
	while (q->task) {
		if (signal_pending(current)) {
			err = deadline ? -EINTR : -ERESTARTSYS;
			break;
		}
		if (!deadline) {
			current->state = TASK_INTERRUPTIBLE;
			schedule();
		} else if ((ticks = ticks_until(deadline))) {
			schedule_timeout(ticks);
		} else {
			err = -ETIMEDOUT;
			break;
		}
	}
	if (q->task)            /* not woken: still on its chain */
		unqueue_q(q);
	return q->task ? err : 0;
}

/* Read the word at uaddr (a key was made for it, so it is there). */
static int get_word(uint32_t uaddr, uint32_t *val)
{
	return copy_from_user(val, (void *)uaddr, 4) ? -EFAULT : 0;
}

static int futex_wait(uint32_t uaddr, bool private, uint32_t val,
		      uint64_t deadline, uint32_t bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	uint32_t now;
	int err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &q.key);
	if (!err)
		err = get_word(uaddr, &now);
	if (err)
		return err;
	if (now != val)
		return -EAGAIN;         /* it changed: the caller looks again */
	return futex_sleep(&q, deadline);
}

static int futex_requeue(uint32_t uaddr, bool private, int nr_wake,
			 int nr_requeue, uint32_t uaddr2, const uint32_t *cmp)
{
	struct futex_key key, key2;
	uint32_t now;
	int err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &key);
	if (!err)
		err = get_futex_key(uaddr2, private, &key2);
	if (!err && cmp)
		err = get_word(uaddr, &now);
	if (err)
		return err;
	if (cmp && now != *cmp)
		return -EAGAIN;
	return wake_and_requeue(&key, FUTEX_BITSET_MATCH_ANY, nr_wake, &key2,
				nr_requeue);
}

/* FUTEX_WAKE_OP's comparison of the old value at uaddr2. */
static bool op_compare(int cmp, int32_t old, int32_t arg)
{
	switch (cmp) {
	case FUTEX_OP_CMP_EQ: return old == arg;
	case FUTEX_OP_CMP_NE: return old != arg;
	case FUTEX_OP_CMP_LT: return old < arg;
	case FUTEX_OP_CMP_LE: return old <= arg;
	case FUTEX_OP_CMP_GT: return old > arg;
	default:              return old >= arg;    /* FUTEX_OP_CMP_GE */
	}
}

/* FUTEX_WAKE_OP's change to the value at uaddr2; -ENOSYS: no such op. */
static int op_apply(int op, uint32_t old, uint32_t arg, uint32_t *new)
{
	switch (op) {
	case FUTEX_OP_SET:  *new = arg; return 0;
	case FUTEX_OP_ADD:  *new = old + arg; return 0;
	case FUTEX_OP_OR:   *new = old | arg; return 0;
	case FUTEX_OP_ANDN: *new = old & ~arg; return 0;
	case FUTEX_OP_XOR:  *new = old ^ arg; return 0;
	default:            return -ENOSYS;
	}
}

/*
 * WAKE_OP: change the word at uaddr2 as val3 says (atomically: nothing
 * else runs meanwhile), wake up to nr at uaddr, and, if the old value at
 * uaddr2 passes val3's comparison, up to nr2 there too.
 */
static int futex_wake_op(uint32_t uaddr, bool private, int nr, int nr2,
			 uint32_t uaddr2, uint32_t val3)
{
	int op = (val3 >> 28) & 0xf, cmp = (val3 >> 24) & 0xf;
	uint32_t arg = (uint32_t)((int32_t)(val3 << 8) >> 20);  /* signed */
	int32_t cmparg = (int32_t)(val3 << 20) >> 20;
	struct futex_key key, key2;
	uint32_t old, new;
	int err, woken;

	if (op & FUTEX_OP_OPARG_SHIFT) {
		op &= ~FUTEX_OP_OPARG_SHIFT;
		arg = 1u << (arg & 31);
	}
	if (cmp > FUTEX_OP_CMP_GE)
		return -ENOSYS;
	err = get_futex_key(uaddr, private, &key);
	if (!err)
		err = get_futex_key(uaddr2, private, &key2);
	/* Present and writable first: then the read and the write below
	   cannot sleep, and so nothing runs between them. */
	if (!err && fault_in_writeable((void *)uaddr2, 4))
		err = -EFAULT;
	if (!err)
		err = get_word(uaddr2, &old);
	if (!err)
		err = op_apply(op, old, arg, &new);
	if (err)
		return err;
	if (copy_to_user((void *)uaddr2, &new, 4))
		return -EFAULT;
	woken = wake_and_requeue(&key, FUTEX_BITSET_MATCH_ANY, nr, NULL, 0);
	if (op_compare(cmp, (int32_t)old, cmparg))
		woken += wake_and_requeue(&key2, FUTEX_BITSET_MATCH_ANY, nr2,
					  NULL, 0);
	return woken;
}

#define FOREVER_SEC (1LL << 33)        /* 272 years: 2^63 ns is 292 */

/*
 * The deadline on the monotonic clock for a wait's timeout (0: none).
 * FUTEX_WAIT's timeout is relative; WAIT_BITSET's is a time on the clock
 * op names (CLOCK_MONOTONIC, or CLOCK_REALTIME with the flag), which a
 * later change of the wall clock does not follow here.
 */
static int get_deadline(const void *utime, bool time64, int cmd, bool realtime,
			uint64_t *deadline)
{
	struct __kernel_timespec ts;
	uint64_t ns, now = monotonic_ns(), base = 0;

	*deadline = 0;
	if (!utime)
		return 0;
	if (get_user_timespec(utime, time64, &ts))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if (ts.tv_sec >= FOREVER_SEC)
		return 0;               /* too far to count in ns: no deadline */
	ns = (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	if (cmd == FUTEX_WAIT_BITSET)
		base = realtime ? realtime_ns() : now;
	*deadline = now + (ns > base ? ns - base : 0);
	return 0;
}

/*
 * One handler for futex and futex_time64: they differ only in the
 * layout of the timeout. For the requeue and wake-op calls the timeout
 * argument is not a pointer but a second count (Linux's val2).
 */
static long do_futex(uint32_t uaddr, int op, uint32_t val, const void *utime,
		     uint32_t uaddr2, uint32_t val3, bool time64)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG;
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	int val2 = (int)(uint32_t)utime;
	uint64_t deadline;
	int err;

	if (realtime && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAIT_BITSET:
		err = get_deadline(utime, time64, cmd, realtime, &deadline);
		return err ? err : futex_wait(uaddr, private, val, deadline, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAKE_BITSET: {
		struct futex_key key;

		if (!val3)
			return -EINVAL;
		err = get_futex_key(uaddr, private, &key);
		return err ? err : wake_and_requeue(&key, val3, (int)val, NULL, 0);
	}
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, private, (int)val, val2, uaddr2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, private, (int)val, val2, uaddr2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, private, (int)val, val2, uaddr2, val3);
	default:
		return -ENOSYS;         /* the priority-inheritance ops too */
	}
}

long sys_futex(uint32_t *uaddr, int op, uint32_t val,
	       const struct timespec *timeout, uint32_t *uaddr2, uint32_t val3)
{
	return do_futex((uint32_t)uaddr, op, val, timeout, (uint32_t)uaddr2,
			val3, false);
}

long sys_futex_time64(uint32_t *uaddr, int op, uint32_t val,
		      const struct __kernel_timespec *timeout, uint32_t *uaddr2,
		      uint32_t val3)
{
	return do_futex((uint32_t)uaddr, op, val, timeout, (uint32_t)uaddr2,
			val3, true);
}
