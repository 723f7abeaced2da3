# Run by tests/guest_busybox.py as "init=/sbin/init /usr/share/busybox/run.sh"
# (Sprout's /bin/sh reads it): BusyBox's own ash runs the applets' script,
# with the applets first on the PATH.
export PATH=/bin/bb:/bin:/sbin
exec /bin/busybox ash /usr/share/busybox/applets.sh
