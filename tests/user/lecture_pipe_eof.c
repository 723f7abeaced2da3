/*
 * The lecture's pipe with end of file: the parent writes some lines and
 * closes its write end; the child reads until read() returns 0.
 *
 * read() returns 0 only when no process has the write end open any more.
 * That is why the child closes its own copy first: otherwise it would
 * wait for ever, for a writer that is itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int fd[2];
	pid_t pid;

	if (pipe(fd) == -1) {
		perror("pipe");
		exit(1);
	}
	pid = fork();
	if (pid == -1) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {                         /* the child reads */
		char buf[8];
		ssize_t n;
		long total = 0;

		close(fd[1]);
		while ((n = read(fd[0], buf, sizeof(buf))) > 0) {
			write(STDOUT_FILENO, buf, n);   /* echo what came */
			total += n;
		}
		printf("child: end of file after %ld bytes\n", total);
		close(fd[0]);
		exit(0);
	}
	close(fd[0]);                           /* the parent writes */
	for (int i = 1; i <= 3; i++) {
		char line[32];
		int len = snprintf(line, sizeof(line), "line %d\n", i);

		write(fd[1], line, len);
	}
	close(fd[1]);           /* now the child's read() returns 0 */
	wait(NULL);
	printf("parent: done\n");
	return 0;
}
