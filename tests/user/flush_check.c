/*
 * flush_check: write a file WITHOUT fsync, then wait longer than bdflush's
 * interval (5 s) and say so. tests/guest_flush.py then kills QEMU outright
 * (no power-off sync) and reads the file back on the host with debugfs:
 * only the timer write-back can have put it on the disk.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

int main(void)
{
	char line[64];
	int fd = open("/tmp/flushed.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		printf("FAIL open /tmp/flushed.txt\n");
		return 1;
	}
	for (int i = 0; i < 100; i++) {
		int n = snprintf(line, sizeof(line), "line %d of the flush test\n", i);
		write(fd, line, n);
	}
	close(fd);
	printf("flush_check: written, not synced\n");
	sleep(8);
	printf("flush_check: waited 8 s\n");
	for (;;)
		sleep(100);     /* the test kills the machine now */
}
