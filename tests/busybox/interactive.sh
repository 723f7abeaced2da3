# Run by tests/guest_busybox.py as "init=/sbin/init
# /usr/share/busybox/interactive.sh": BusyBox's ash, interactive, on the
# console (init made it this session's controlling terminal), for the
# test to type at: line editing, history, ^C, ^Z, bg, fg, vi, top, less.
export PATH=/bin/bb:/bin:/sbin
export PS1='@@bb@@ '
cd /tmp
exec /bin/busybox ash -i
