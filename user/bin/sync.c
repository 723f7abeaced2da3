/*
 * sync: write everything the kernel holds in memory for the disks (its
 * dirty buffers) to them now, rather than when it gets round to it.
 *
 *   sync [FILE...]       with FILEs, only those, with fsync(2)
 */
#include <err.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		sync();
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0 || fsync(fd) < 0) {
			warn("%s", argv[i]);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
