/*
 * orphan_check: a file unlinked while open, made durable (fsync), and
 * then the machine stops without its power-off: tests/guest_orphan.py
 * kills QEMU once this says so. The disk must then list the inode as an
 * orphan (debugfs: "First orphan inode"), and the next boot must delete
 * it ("ext2: cleaned up 1 orphan inodes") so that e2fsck finds the disk
 * clean.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	static char block[1024];
	struct stat st;
	int fd = open("/tmp/orphan_check.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		printf("FAIL open /tmp/orphan_check.txt\n");
		return 1;
	}
	memset(block, 'o', sizeof(block));
	for (int i = 0; i < 20; i++)    /* blocks for the cleanup to free */
		write(fd, block, sizeof(block));
	if (unlink("/tmp/orphan_check.txt") < 0 || fstat(fd, &st) < 0 ||
	    fsync(fd) < 0) {
		printf("FAIL unlink, fstat or fsync\n");
		return 1;
	}
	printf("orphan_check: inode %lu unlinked, open, synced\n",
	       (unsigned long)st.st_ino);
	for (;;)
		sleep(100);     /* the test stops the machine now */
}
