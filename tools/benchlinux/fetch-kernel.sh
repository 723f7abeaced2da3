#!/bin/sh
# Fetch Debian's i386 Linux kernel package for `make bench-linux` and
# unpack it, without installing anything on this machine.
#
#   tools/benchlinux/fetch-kernel.sh DIR
#
# Leaves DIR/linux-image-*.deb (the cache: nothing is fetched while one
# is there; delete it to fetch the newest) and DIR/root/, the package's
# files (boot/vmlinuz-*, lib/modules/*/). To ask apt about i386 packages
# it adds i386 as a foreign architecture (dpkg --add-architecture i386)
# and reads the package lists (apt-get update), as root or with sudo;
# apt-get download then fetches the one file as any user.
set -e
DIR=$1
[ -n "$DIR" ] || { echo "usage: $0 DIR" >&2; exit 2; }
mkdir -p "$DIR"
. "$(dirname "$0")/../apt-i386.sh"

deb() {
	ls "$DIR"/linux-image-*.deb 2>/dev/null | head -n 1
}

if [ -z "$(deb)" ]; then
	# linux-image-686 is the metapackage; it depends on the kernel
	# itself, linux-image-6.1.0-N-686.
	apt_i386 fetch-kernel linux-image-686:i386
	PKG=$(apt-cache depends linux-image-686:i386 |
		awk '/Depends: linux-image-/ { print $2; exit }')
	[ -n "$PKG" ] || { echo "fetch-kernel: no linux-image-686:i386 in apt" >&2; exit 1; }
	echo "fetch-kernel: apt-get download $PKG into $DIR"
	(cd "$DIR" && apt-get download -q "$PKG")
fi
if [ ! -d "$DIR/root/boot" ]; then
	echo "fetch-kernel: dpkg-deb -x $(basename "$(deb)") $DIR/root"
	rm -rf "$DIR/root"
	dpkg-deb -x "$(deb)" "$DIR/root"
fi
