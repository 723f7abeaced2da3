/*
 * reboot [-f], poweroff [-f]: one program under two names (/sbin/poweroff
 * is this file too; argv[0] says which).
 *
 * Without -f they ask init, as BusyBox's do: SIGTERM to process 1 means
 * reboot, SIGUSR2 power off. init then stops every process cleanly
 * (SIGTERM, a moment, SIGKILL), syncs the disk and calls reboot(2).
 * With -f they sync and call reboot(2) at once.
 */
#include <err.h>
#include <signal.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	int off = !strcmp(name, "poweroff");
	int force = argc == 2 && !strcmp(argv[1], "-f");

	if (argc > 2 || (argc == 2 && !force))
		errx(2, "usage: %s [-f]", name);
	if (force) {
		sync();
		reboot(off ? RB_POWER_OFF : RB_AUTOBOOT);
		err(1, "reboot");
	}
	if (kill(1, off ? SIGUSR2 : SIGTERM) < 0)
		err(1, "cannot signal init");
	return 0;
}
