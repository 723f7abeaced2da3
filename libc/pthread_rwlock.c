/*
 * Read-write locks, built from a mutex and two condition variables (the
 * monitor style the course teaches): many readers or one writer. A
 * writer that waits holds back new readers, so a stream of readers
 * cannot starve it.
 */
#include <errno.h>
#include "pthread_impl.h"

#define WRITER (-1)

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr)
{
	(void)attr;
	*rw = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return rw->active ? EBUSY : 0;
}

static bool can_read(const pthread_rwlock_t *rw)
{
	return rw->active >= 0 && !rw->writers_waiting;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	pthread_mutex_lock(&rw->mutex);
	while (!can_read(rw))
		pthread_cond_wait(&rw->readers_go, &rw->mutex);
	rw->active++;
	pthread_mutex_unlock(&rw->mutex);
	return 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	int err = EBUSY;

	pthread_mutex_lock(&rw->mutex);
	if (can_read(rw)) {
		rw->active++;
		err = 0;
	}
	pthread_mutex_unlock(&rw->mutex);
	return err;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	pthread_mutex_lock(&rw->mutex);
	rw->writers_waiting++;
	while (rw->active != 0)
		pthread_cond_wait(&rw->writer_go, &rw->mutex);
	rw->writers_waiting--;
	rw->active = WRITER;
	pthread_mutex_unlock(&rw->mutex);
	return 0;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	int err = EBUSY;

	pthread_mutex_lock(&rw->mutex);
	if (rw->active == 0) {
		rw->active = WRITER;
		err = 0;
	}
	pthread_mutex_unlock(&rw->mutex);
	return err;
}

/* The last reader out, or the writer, lets a waiting writer in first,
   else every waiting reader. */
int pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	int err = 0;

	pthread_mutex_lock(&rw->mutex);
	if (rw->active == WRITER)
		rw->active = 0;
	else if (rw->active > 0)
		rw->active--;
	else
		err = EPERM;
	if (!err && rw->active == 0) {
		if (rw->writers_waiting)
			pthread_cond_signal(&rw->writer_go);
		else
			pthread_cond_broadcast(&rw->readers_go);
	}
	pthread_mutex_unlock(&rw->mutex);
	return err;
}
