/*
 * The lecture's concurrent servers with threads (CS162 lecture 5,
 * "Concurrent Server without Protection" and "Thread Pools"), in one
 * program: a server thread accepts connections on an AF_UNIX socket and
 *   1. spawns a thread per connection, or
 *   2. puts each connection on a queue that a bounded pool of worker
 *      threads takes them from (allocThreads, worker, master).
 * The main thread is the clients: three connections open at once, each
 * request sent before any echo is read, so the server must serve them
 * concurrently. Built with `tools/kcc -pthread`; prints the same on
 * Linux. (/bin/echo-server -v 4 and -v 5 are the full servers.)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#define CLIENTS 3
#define POOL 3
#define QUEUE 8

static void serve_client(int con)
{
	char req[256];
	ssize_t n;

	while ((n = read(con, req, sizeof(req))) > 0)
		write(con, req, n);                     /* echo */
	close(con);
}

/* 1: a thread for each connection */
static void *connection_thread(void *arg)
{
	serve_client((int)(long)arg);
	return NULL;
}

/* 2: the pool's queue; sleepOn/wakeUp are a condition variable */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int con[QUEUE], head, count;
} queue = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0 }, 0, 0 };

static void *worker(void *arg)
{
	(void)arg;
	while (1) {
		pthread_mutex_lock(&queue.lock);
		while (queue.count == 0)
			pthread_cond_wait(&queue.wake, &queue.lock);   /* sleepOn */
		int con = queue.con[queue.head];
		queue.head = (queue.head + 1) % QUEUE;
		queue.count--;
		pthread_mutex_unlock(&queue.lock);
		serve_client(con);
	}
	return NULL;
}

static void allocThreads(void *(*fn)(void *), int n)
{
	pthread_t t;

	for (int i = 0; i < n; i++)
		pthread_create(&t, NULL, fn, NULL);
}

struct server {
	int sock;
	int pool;               /* 0: a thread per connection */
};

static void *master(void *arg)
{
	struct server *s = arg;
	pthread_t t;

	if (s->pool)
		allocThreads(worker, POOL);
	while (1) {
		int con = accept(s->sock, NULL, NULL);
		if (con < 0)
			return NULL;
		if (!s->pool) {
			pthread_create(&t, NULL, connection_thread, (void *)(long)con);
			pthread_detach(t);
			continue;
		}
		pthread_mutex_lock(&queue.lock);
		queue.con[(queue.head + queue.count++) % QUEUE] = con;
		pthread_cond_signal(&queue.wake);               /* wakeUp */
		pthread_mutex_unlock(&queue.lock);
	}
}

static void run(const char *title, int pool)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	struct server s = { socket(AF_UNIX, SOCK_STREAM, 0), pool };
	int fd[CLIENTS];
	pthread_t server;

	snprintf(a.sun_path, sizeof(a.sun_path), "/tmp/lecture-%d.sock", pool);
	unlink(a.sun_path);
	if (bind(s.sock, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(s.sock, 8) < 0) {
		perror("bind/listen");
		exit(1);
	}
	pthread_create(&server, NULL, master, &s);
	printf("%s\n", title);
	for (int i = 0; i < CLIENTS; i++) {
		char req[32];

		fd[i] = socket(AF_UNIX, SOCK_STREAM, 0);
		if (connect(fd[i], (struct sockaddr *)&a, sizeof(a)) < 0) {
			perror("connect");
			exit(1);
		}
		snprintf(req, sizeof(req), "request %d", i + 1);
		write(fd[i], req, strlen(req));
	}
	for (int i = CLIENTS - 1; i >= 0; i--) {        /* the last first */
		char echo[32] = "";

		read(fd[i], echo, sizeof(echo) - 1);
		printf("  client %d got \"%s\"\n", i + 1, echo);
		close(fd[i]);
	}
	unlink(a.sun_path);
}

int main(void)
{
	run("a thread per connection:", 0);
	run("a pool of worker threads:", 1);
	return 0;       /* exit() ends the server threads too */
}
