/*
 * Thread-specific data: a key is an index into every thread's
 * specific[] array (struct pthread). A deleted key's index may be given
 * out again; each key has a sequence number, odd while the key exists,
 * that a thread's value carries: a value left over from a deleted key
 * has the old number, and reads as NULL.
 */
#include <errno.h>
#include "pthread_impl.h"

static struct {
	unsigned int seq;               /* odd: in use */
	void (*destructor)(void *);
} keys[PTHREAD_KEYS_MAX];
static volatile int keys_lock;

static bool key_valid(pthread_key_t key)
{
	return key < PTHREAD_KEYS_MAX && (keys[key].seq & 1);
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int err = EAGAIN;

	__lock(&keys_lock);
	for (pthread_key_t k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (keys[k].seq & 1)
			continue;
		keys[k].seq++;
		keys[k].destructor = destructor;
		*key = k;
		err = 0;
		break;
	}
	__unlock(&keys_lock);
	return err;
}

int pthread_key_delete(pthread_key_t key)
{
	int err = EINVAL;

	__lock(&keys_lock);
	if (key_valid(key)) {
		keys[key].seq++;
		err = 0;
	}
	__unlock(&keys_lock);
	return err;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct pthread *self = __pthread_self();

	if (!key_valid(key) || self->specific[key].seq != keys[key].seq)
		return NULL;
	return self->specific[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *self = __pthread_self();

	if (!key_valid(key))
		return EINVAL;
	self->specific[key].seq = keys[key].seq;
	self->specific[key].value = (void *)value;
	return 0;
}

/* At pthread_exit: each non-NULL value of a live key with a destructor
   is set to NULL and passed to the destructor; a destructor may set
   values again, so up to PTHREAD_DESTRUCTOR_ITERATIONS rounds. */
void __pthread_key_exit(struct pthread *self)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		bool called = false;

		for (pthread_key_t k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *value = pthread_getspecific(k);

			if (!value || !keys[k].destructor)
				continue;
			self->specific[k].value = NULL;
			keys[k].destructor(value);
			called = true;
		}
		if (!called)
			return;
	}
}
