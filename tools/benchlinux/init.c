/*
 * The /init of `make bench-linux`'s initramfs: Linux runs it as process
 * 1. It is built with tools/kcc against Sprout's libc, which works on
 * Linux because Sprout speaks Linux's i386 system-call ABI.
 *
 *   /init [/bin/PROGRAM] [bench arguments]    (the kernel command line
 *                                             after "--")
 *
 * It does by hand what a distribution's initramfs does with udev and
 * modprobe: load the modules listed in /modules/order (the driver for
 * QEMU's PIIX IDE disk, the SCSI disk layer, ext4, which mounts ext3 and ext2),
 * wait for /dev/sda, mount it, bring up lo for the TCP figures, and run
 * /bin/bench from the disk - Sprout's binary on Sprout's image - or the
 * program named first (/bin/glibc/bench, the glibc build) with the
 * arguments. Then it unmounts the disk (writing everything back)
 * and powers the machine off, which makes QEMU exit.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/wait.h>

/* Linux i386's numbers for calls Sprout's libc has no wrapper for. */
#define NR_chroot 61
#define NR_finit_module 350

/* Load each module named in /modules/order, one per line, dependencies
   first (tools/benchlinux/initramfs.py wrote it so). */
static void load_modules(void)
{
	char name[128], path[160];
	FILE *order = fopen("/modules/order", "r");

	if (!order)
		err(1, "/modules/order");
	while (fgets(name, sizeof(name), order)) {
		name[strcspn(name, "\n")] = '\0';
		snprintf(path, sizeof(path), "/modules/%s", name);
		int fd = open(path, O_RDONLY);
		if (fd < 0 || syscall(NR_finit_module, fd, "", 0) < 0)
			warn("%s", name);
		close(fd);
	}
	fclose(order);
}

/* The SCSI layer finds the disk in the background after ata_piix
   loads: open /dev/sda until it answers (10 s at most). */
static void wait_for_disk(void)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 1000; i++) {
		int fd = open("/dev/sda", O_RDONLY);
		if (fd >= 0) {
			close(fd);
			return;
		}
		nanosleep(&tick, NULL);
	}
	errx(1, "no /dev/sda: did ata_piix and sd_mod load?");
}

/* Linux starts with the loopback interface down; Sprout's is up. */
static void loopback_up(void)
{
	struct ifreq ifr = { 0 };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	strcpy(ifr.ifr_name, "lo");
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		warn("lo");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		warn("lo up");
	close(s);
}

/* /bin/bench, or the program argv[1] names, in the disk's root, as
   Sprout runs it; its status. */
static int run_bench(char **argv)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (syscall(NR_chroot, "/mnt") < 0 || chdir("/") < 0)
			err(1, "chroot /mnt");
		if (argv[1] && argv[1][0] == '/')
			argv++;         /* the program's path: its argv[0] */
		else
			argv[0] = "/bin/bench";
		execv(argv[0], argv);
		err(127, "%s", argv[0]);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		err(1, "fork");
	return status;
}

int main(int argc, char **argv)
{
	struct timespec up;
	/* The bench's own arguments: after its path, if one is given. */
	char **args = argv + 1 + (argc > 1 && argv[1][0] == '/');

	/* Sprout's bench prints the same line when it is process 1. */
	clock_gettime(CLOCK_MONOTONIC, &up);
	if (!*args || !strcmp(*args, "default"))
		printf("bench: %-28s %lld.%03ld us\n", "boot to process 1",
		       (long long)up.tv_sec * 1000000 + up.tv_nsec / 1000,
		       up.tv_nsec % 1000);
	fflush(stdout);
	load_modules();
	wait_for_disk();
	/* ext3 (the default image, journaled like Sprout's: ordered
	   mode); a `make image FS=ext2` disk mounts as ext2. */
	if (mount("/dev/sda", "/mnt", "ext3", 0, NULL) < 0 &&
	    mount("/dev/sda", "/mnt", "ext2", 0, NULL) < 0)
		err(1, "mount /dev/sda");
	if (mount("proc", "/mnt/proc", "proc", 0, NULL) < 0)
		warn("mount /mnt/proc");
	loopback_up();
	if (run_bench(argv) != 0)
		warnx("/bin/bench failed");
	umount("/mnt/proc");
	if (umount("/mnt") < 0)
		warn("umount /mnt");
	sync();
	reboot(RB_POWER_OFF);
	err(1, "reboot");
}
