#!/bin/sh
# Fetch Debian's static BusyBox for i386 (package busybox-static:i386) and
# unpack it, without installing anything on this machine.
#
#   tools/busybox/fetch.sh DIR
#
# Leaves DIR/busybox-static_*.deb (the cache: nothing is fetched while one
# is there; delete it to fetch the newest) and DIR/busybox, the package's
# one static i386 binary that is every applet (docs/busybox.md); the
# package's other files (documentation, initramfs hooks) are not kept. To ask
# apt about i386 packages it adds i386 as a foreign architecture (dpkg
# --add-architecture i386) and reads the package lists (apt-get update),
# as root or with sudo; apt-get download then fetches the one file as any
# user, and dpkg-deb -x unpacks it into DIR.
set -e
DIR=$1
[ -n "$DIR" ] || { echo "usage: $0 DIR" >&2; exit 2; }
mkdir -p "$DIR"
. "$(dirname "$0")/../apt-i386.sh"

deb() {
	ls "$DIR"/busybox-static_*.deb 2>/dev/null | head -n 1
}

if [ -z "$(deb)" ]; then
	apt_i386 busybox busybox-static:i386
	echo "busybox: apt-get download busybox-static:i386 into $DIR"
	(cd "$DIR" && apt-get download -q busybox-static:i386)
fi
if [ ! -x "$DIR/busybox" ]; then
	echo "busybox: dpkg-deb -x $(basename "$(deb)"), keeping bin/busybox"
	rm -rf "$DIR/unpack"
	dpkg-deb -x "$(deb)" "$DIR/unpack"
	mv "$DIR/unpack/bin/busybox" "$DIR/busybox"
	rm -rf "$DIR/unpack"
fi
