/*
 * The lecture's first pipe: a parent sends its child a message.
 *
 * pipe() comes before fork(), so that both processes have both ends;
 * then each closes the end it does not use. The child's read() waits
 * until the parent has written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int fd[2];              /* fd[0]: the read end, fd[1]: the write end */
	char buf[100];
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
		close(fd[1]);
		ssize_t n = read(fd[0], buf, sizeof(buf));
		printf("child: read %d bytes: \"%s\"\n", (int)n, buf);
		close(fd[0]);
		exit(0);
	}
	/* the parent writes */
	const char *msg = "Hello from your parent!";

	close(fd[0]);
	write(fd[1], msg, strlen(msg) + 1);     /* with its '\0' */
	close(fd[1]);
	wait(NULL);
	printf("parent: my child has finished\n");
	return 0;
}
