/*
 * Random numbers: getrandom(), /dev/urandom and /dev/random (major 1,
 * minors 9 and 8, as on Linux), and get_random_bytes() for the kernel.
 *
 * The generator is a stream cipher run as a counter: ChaCha20 (Daniel
 * Bernstein's, dev/chacha20.c) turns a 256-bit key and a 64-bit block
 * number into 64 bytes that no one can tell from random, or run
 * backwards to the key, without knowing the key. So the whole secret is
 * the key:
 *
 *     pool key ---------+
 *                       +--> ChaCha20, block n --> 32 bytes: the pool's NEXT key
 *     request's TSC ----+    (20 rounds)           32 bytes: this request's key
 *
 *     this request's key, block 0, 1, 2 ... --> ChaCha20 --> the caller's bytes
 *
 * Each request first takes a block from the shared generator and keeps
 * half as the generator's new key ("fast key erasure": whoever later
 * reads the kernel's memory cannot recompute bytes already handed out),
 * half as its own private key. Its bytes then come from that private
 * key, so a request that sleeps on a page fault while copying shares
 * nothing with the next one.
 *
 * Where does the first key come from? A PC without a hardware generator
 * has only clocks that an observer cannot read to the cycle: the TSC
 * (cycles since power-on) and the CMOS clock. They are mixed in at boot,
 * the TSC again at each request, and whatever a program writes to
 * /dev/urandom is mixed in too. That is a modest seed - Linux also
 * collects interrupt timings, and under QEMU's -icount (make bench) the
 * TSC counts the same on every boot, leaving only the date - but from
 * then on the stream is as good as the cipher. The generator is always ready,
 * so /dev/random never blocks and GRND_NONBLOCK never says EAGAIN (since
 * Linux 5.6 its /dev/random blocks only before it is seeded).
 */
#include "dev/dev.h"
#include "dev/chacha20.h"
#include "fs/fs.h"
#include "sched/sched.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/random.h>

#define CHACHA_BLOCK CHACHA20_BLOCK
#define KEY_WORDS    CHACHA20_KEY_WORDS
#define MAX_REQUEST  0x7ffff000 /* Linux's MAX_RW_COUNT: the most one call moves */

struct chacha {
	uint32_t key[KEY_WORDS];
	uint64_t block;             /* the next block number */
};

static struct chacha pool;      /* the generator the requests draw from */

/* The pool's next block becomes its new key; the caller gets the whole
   block (its second half is key material no one else will see). The
   kernel is not preempted and no interrupt handler draws from the pool,
   so nothing runs between the block and the new key. */
static void rekey(uint32_t out[16])
{
	chacha20_block(pool.key, pool.block++, out);
	memcpy(pool.key, out, sizeof(pool.key));
}

/* Fold n words into the pool's key, then rekey: every bit put in now
   affects every later byte. */
static void mix_words(const uint32_t *w, size_t n)
{
	uint32_t out[16];

	for (size_t i = 0; i < n; i++)
		pool.key[i % KEY_WORDS] ^= w[i];
	rekey(out);
	memset(out, 0, sizeof(out));
}

/* A private generator for one request: the TSC now is mixed in, and the
   half of the pool's block that is not its new key is the request's. */
static void take_request_key(struct chacha *req)
{
	uint64_t tsc = rdtsc();
	uint32_t out[16];

	pool.key[0] ^= (uint32_t)tsc;
	pool.key[1] ^= (uint32_t)(tsc >> 32);
	rekey(out);
	memcpy(req->key, &out[KEY_WORDS], sizeof(req->key));
	req->block = 0;
	memset(out, 0, sizeof(out));
}

void random_init(void)
{
	uint64_t seed[3] = { rdtsc(), realtime_ns(), read_rtc() };

	mix_words((const uint32_t *)seed, 6);
	memset(seed, 0, sizeof(seed));
}

/* Where the bytes go: a copy that returns how many it could NOT move
   (copy_to_user's convention; a kernel buffer takes them all). */
typedef unsigned long (*copy_out_t)(void *dst, const void *src,
				    unsigned long n);

static unsigned long copy_to_kernel(void *dst, const void *src,
				    unsigned long n)
{
	memcpy(dst, src, n);
	return 0;
}

/*
 * n bytes from a fresh request key, a block at a time: the count moved.
 * A copy that meets a bad page ends it there; so does a signal, checked
 * every page (as Linux does) when the caller is a process that could
 * be asking for a gigabyte.
 */
static size_t generate(char *dst, size_t n, copy_out_t copy, bool user)
{
	struct chacha req;
	uint32_t out[16];
	size_t done = 0, left = 0;

	take_request_key(&req);
	while (done < n && !left) {
		size_t k = n - done < CHACHA_BLOCK ? n - done : CHACHA_BLOCK;

		chacha20_block(req.key, req.block++, out);
		left = copy(dst + done, out, k);
		done += k - left;
		if (user && done % PAGE_SIZE == 0 && signal_pending(current))
			break;
	}
	memset(&req, 0, sizeof(req));
	memset(out, 0, sizeof(out));
	return done;
}

void get_random_bytes(void *buf, size_t n)
{
	generate(buf, n, copy_to_kernel, false);
}

/* To user memory: -EFAULT if not even the first byte could be written. */
static ssize_t random_to_user(char *ubuf, size_t n)
{
	size_t done;

	if (n > MAX_REQUEST)
		n = MAX_REQUEST;
	done = generate(ubuf, n, copy_to_user, true);
	return done == 0 && n ? -EFAULT : (ssize_t)done;
}

long sys_getrandom(void *ubuf, size_t n, unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	return random_to_user(ubuf, n);
}

static ssize_t urandom_read(struct file *f, char *ubuf, size_t n)
{
	return random_to_user(ubuf, n);
}

/* Written bytes are mixed into the key (Linux does the same and, like
   it, counts them as no entropy: anyone may write). */
static ssize_t urandom_write(struct file *f, const char *ubuf, size_t n)
{
	uint32_t words[16];
	size_t done = 0;

	while (done < n) {
		size_t k = n - done < sizeof(words) ? n - done : sizeof(words);

		memset(words, 0, sizeof(words));
		if (copy_from_user(words, ubuf + done, k))
			return done ? (ssize_t)done : -EFAULT;
		mix_words(words, 16);
		done += k;
	}
	return done;
}

const struct file_operations random_fops = {
	.read = urandom_read,
	.write = urandom_write,
	.lseek = mem_lseek,         /* no position, as /dev/zero */
};
