/*
 * reboot_check: reboot(2)'s checks, then a real power-off. Before it, a
 * file is written and NOT synced: tests/guest_reboot.py then finds it on
 * the disk with debugfs, because reboot() syncs first, and sees QEMU exit
 * with status 1 (the kernel's debug-exit code 0). A second file is
 * unlinked while still open and stays open: its last close never comes,
 * so the power-off must delete it (the test finds its inode free).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/reboot.h>

static void expect_einval(const char *name, long ret)
{
	if (ret == -1 && errno == EINVAL)
		printf("ok %s\n", name);
	else
		printf("FAIL %s -- returned %ld, errno %d\n", name, ret, errno);
}

int main(void)
{
	static const char text[] = "written just before reboot()\n";
	struct stat st;
	int fd;

	expect_einval("reboot with a wrong magic number fails with EINVAL",
		      syscall(88, 0x12345678, LINUX_REBOOT_MAGIC2,
			      LINUX_REBOOT_CMD_POWER_OFF, 0));
	expect_einval("reboot with an unknown command fails with EINVAL",
		      syscall(88, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
			      0x1234, 0));
	fd = open("/tmp/before-reboot.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, text, strlen(text));
	close(fd);
	fd = open("/tmp/orphan.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < 100; i++)   /* a few blocks to give back too */
		write(fd, text, strlen(text));
	unlink("/tmp/orphan.txt");
	fstat(fd, &st);
	printf("reboot_check: orphan inode %lu\n", (unsigned long)st.st_ino);
	printf("reboot_check: powering off\n");
	reboot(RB_POWER_OFF);
	printf("FAIL reboot(RB_POWER_OFF) returned -- errno %d\n", errno);
	return 1;
}
