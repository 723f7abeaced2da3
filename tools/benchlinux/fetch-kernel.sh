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
PATH="$PATH:/usr/sbin:/sbin"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

deb() {
	ls "$DIR"/linux-image-*.deb 2>/dev/null | head -n 1
}

if [ -z "$(deb)" ]; then
	if ! dpkg --print-foreign-architectures | grep -qx i386; then
		echo "fetch-kernel: dpkg --add-architecture i386 (so apt knows i386 packages)"
		$SUDO dpkg --add-architecture i386
	fi
	# linux-image-686 is the metapackage; it depends on the kernel
	# itself, linux-image-6.1.0-N-686.
	if ! apt-cache show linux-image-686:i386 >/dev/null 2>&1; then
		echo "fetch-kernel: apt-get update (reading the i386 package lists)"
		$SUDO apt-get update -q
	fi
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
