/*
 * reboot_check: reboot(2)'s checks, then a real power-off. Before it, a
 * file is written and NOT synced: tests/guest_reboot.py then finds it on
 * the disk with debugfs, because reboot() syncs first, and sees QEMU exit
 * with status 1 (the kernel's debug-exit code 0).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
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
	printf("reboot_check: powering off\n");
	reboot(RB_POWER_OFF);
	printf("FAIL reboot(RB_POWER_OFF) returned -- errno %d\n", errno);
	return 1;
}
