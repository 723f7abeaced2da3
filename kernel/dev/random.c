/*
 * Random numbers: getrandom(), /dev/urandom and /dev/random (major 1,
 * minors 9 and 8, as on Linux), and get_random_bytes() for the kernel.
 *
 * The generator is a stream cipher run as a counter: ChaCha20 (Daniel
 * Bernstein's) turns a 256-bit key and a 64-bit block number into 64
 * bytes that no one can tell from random, or run backwards to the key,
 * without knowing the key. So the whole secret is the key:
 *
 *     key (32 bytes) --+
 *                      +--> ChaCha20 --> block 0: 32 bytes: the NEXT key
 *     request's TSC ---+    (20 rounds)            32 bytes: this request's key
 *
 *     this request's key, block 1, 2, 3 ... --> ChaCha20 --> the caller's bytes
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
 * (cycles since power-on, different on every boot by thousands) and the
 * CMOS clock. They are mixed in at boot, the TSC again at each request,
 * and whatever a program writes to /dev/urandom is mixed in too. That is
 * a modest seed - Linux also collects interrupt timings - but from then
 * on the stream is as good as the cipher. The generator is always ready,
 * so /dev/random never blocks and GRND_NONBLOCK never says EAGAIN (since
 * Linux 5.6 its /dev/random blocks only before it is seeded).
 */
#include "dev/dev.h"
#include "fs/fs.h"
#include "sched/sched.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

#define GRND_NONBLOCK 0x0001    /* getrandom's flags, as Linux's */
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004

#define CHACHA_BLOCK 64         /* bytes made per block number */
#define KEY_WORDS    8          /* 256 bits */
#define MAX_REQUEST  0x7ffff000 /* Linux's MAX_RW_COUNT: the most one call moves */

struct chacha {
	uint32_t key[KEY_WORDS];
	uint64_t block;             /* the next block number */
};

static struct chacha pool;      /* the generator the requests draw from */

static uint32_t rotl(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

/* The quarter round: add, xor, rotate on four of the sixteen words. */
#define QUARTER(a, b, c, d) do {                         \
	a += b; d = rotl(d ^ a, 16);                     \
	c += d; b = rotl(b ^ c, 12);                     \
	a += b; d = rotl(d ^ a, 8);                      \
	c += d; b = rotl(b ^ c, 7);                      \
} while (0)

/*
 * One ChaCha20 block: the state is four constant words ("expand 32-byte
 * k"), the key, the block number and a zero nonce, in a 4x4 square. Ten
 * double rounds mix the columns, then the diagonals; adding the input
 * back at the end is what makes the function one-way.
 */
static void chacha_block(const struct chacha *c, uint64_t block,
			 uint32_t out[16])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	uint32_t *x = out;

	memcpy(&in[4], c->key, sizeof(c->key));
	in[12] = (uint32_t)block;
	in[13] = (uint32_t)(block >> 32);
	memcpy(x, in, sizeof(in));
	for (int i = 0; i < 10; i++) {
		QUARTER(x[0], x[4], x[8], x[12]);       /* columns */
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]);      /* diagonals */
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		x[i] += in[i];
}

/* The pool's next block becomes its new key; the caller gets the whole
   block (its second half is key material no one else will see). The
   kernel is not preempted and no interrupt handler draws from the pool,
   so nothing runs between the block and the new key. */
static void rekey(uint32_t out[16])
{
	chacha_block(&pool, pool.block++, out);
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

void get_random_bytes(void *buf, size_t n)
{
	struct chacha req;
	uint32_t out[16];

	take_request_key(&req);
	for (size_t done = 0; done < n; done += CHACHA_BLOCK) {
		size_t k = n - done < CHACHA_BLOCK ? n - done : CHACHA_BLOCK;

		chacha_block(&req, req.block++, out);
		memcpy((char *)buf + done, out, k);
	}
	memset(&req, 0, sizeof(req));
	memset(out, 0, sizeof(out));
}

/*
 * n random bytes to user memory, a block at a time: the count done, or
 * -EFAULT if the very first byte could not be written. A long read
 * stops early, with what it has, when a signal comes (checked every
 * page, as Linux does), and so does one that meets a bad page.
 */
static ssize_t random_to_user(char *ubuf, size_t n)
{
	struct chacha req;
	uint32_t out[16];
	size_t done = 0;

	if (n > MAX_REQUEST)
		n = MAX_REQUEST;
	take_request_key(&req);
	while (done < n) {
		size_t k = n - done < CHACHA_BLOCK ? n - done : CHACHA_BLOCK;
		size_t left;

		chacha_block(&req, req.block++, out);
		left = copy_to_user(ubuf + done, out, k);
		done += k - left;
		if (left)
			break;
		if (done % PAGE_SIZE == 0 && done < n && signal_pending(current))
			break;
	}
	memset(&req, 0, sizeof(req));
	memset(out, 0, sizeof(out));
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
