/*
 * The journal writes its log in long runs (kernel/fs/journal.c,
 * journal_rw): the log's blocks follow one another on the disk, so one
 * commit's copies go in a few large requests, not one or two blocks at a
 * time. We dirty many inode-table blocks in one transaction (chmod of
 * many files) and count the disk's write requests for the sync that
 * commits it (/proc/diskstats, which the crash tests read too).
 */
#include "f_test.h"
#include <stdbool.h>
#include <sys/mount.h>

#define NFILES 300              /* some 40 inode-table blocks */

/* Write requests completed since boot: field 8 of hda's line. */
static unsigned long disk_writes(void)
{
	char buf[256] = "";
	unsigned long f[8] = { 0 };
	int fd = open("/proc/diskstats", O_RDONLY);

	if (fd >= 0) {
		read(fd, buf, sizeof(buf) - 1);
		close(fd);
	}
	sscanf(buf, "%*d %*d hda %lu %lu %lu %lu %lu", &f[0], &f[1], &f[2],
	       &f[3], &f[4]);
	return f[4];
}

static void name_of(char *name, int i)
{
	snprintf(name, 16, "j%d", i);
}

int main(void)
{
	bool was_mounted = access("/proc/self", F_OK) == 0;
	char name[16];
	int made = 0;

	if (!was_mounted)
		mount("proc", "/proc", "proc", 0, NULL);
	const char *dir = enter_workdir("f_journal");
	for (int i = 0; i < NFILES; i++) {
		name_of(name, i);
		int fd = open(name, O_CREAT | O_WRONLY, 0644);
		made += fd >= 0;
		close(fd);
	}
	sync();
	unsigned long before = disk_writes();
	for (int i = 0; i < NFILES; i++) {
		name_of(name, i);
		chmod(name, 0600);
	}
	sync();
	unsigned long writes = disk_writes() - before;
	EXPECT("many files made", made == NFILES);
	EXPECT("/proc/diskstats counts write requests", before > 0);
	/* The log is a run or two, the checkpoint as few, the journal
	   superblock and the commit block three more: 7 requests in all
	   when we wrote this; 26 when the log went two blocks at a time. */
	if (writes <= 14)
		ok("a commit of ~40 blocks takes few write requests");
	else
		fail("a commit of ~40 blocks takes few write requests",
		     "%lu requests", writes);
	for (int i = 0; i < NFILES; i++) {
		name_of(name, i);
		unlink(name);
	}
	chdir("/");
	EXPECT("f_journal: work folder removed", rmdir(dir) == 0);
	if (!was_mounted)
		umount("/proc");
	return failures != 0;
}
