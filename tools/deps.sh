#!/bin/sh
# Install the Debian packages Sprout needs to build, run, debug and test.
# make runs this by itself when a tool is missing; you may also run it.
#
#   tools/deps.sh          install the packages (apt-get; sudo if not root)
#   tools/deps.sh --check  print the tools that are missing, nothing if none
#
# Packages (Debian 12):
#   gcc-i686-linux-gnu binutils-i686-linux-gnu  cross compiler for 32-bit x86
#   libc6-dev-i386-cross                        glibc for it: the static Linux
#                                               programs of docs/compat.md
#   qemu-system-x86                             the emulator that runs Sprout
#   grub-pc-bin grub-common xorriso mtools      grub-mkrescue makes the ISO
#   e2fsprogs                                   mke2fs -d, e2fsck, debugfs
#   gdb python3                                 debugging; the test runner
#   gcc libc6-dev make                          host unit tests (tests/host)
# Not installed but fetched into build/ when make needs them, with apt-get
# download and dpkg-deb -x: Debian's i386 busybox-static (make test, make
# image BUSYBOX=1: tools/busybox/fetch.sh) and linux-image-686 (make
# bench-linux: tools/benchlinux/fetch-kernel.sh).
PKGS="qemu-system-x86 gcc-i686-linux-gnu binutils-i686-linux-gnu libc6-dev-i386-cross grub-pc-bin grub-common xorriso mtools e2fsprogs gdb python3 gcc libc6-dev make"
PATH="$PATH:/usr/sbin:/sbin"

missing() {
	for tool in qemu-system-i386 grub-mkrescue xorriso mformat mke2fs e2fsck debugfs gdb python3 cc; do
		command -v "$tool" >/dev/null 2>&1 || printf '%s ' "$tool"
	done
	command -v i686-elf-gcc >/dev/null 2>&1 ||
		command -v i686-linux-gnu-gcc >/dev/null 2>&1 || printf 'i686-linux-gnu-gcc '
	# i686-linux-gnu-gcc -static links against Debian's cross glibc.
	[ -f /usr/i686-linux-gnu/lib/libc.a ] || printf 'libc6-dev-i386-cross '
	# grub-mkrescue needs the BIOS modules from grub-pc-bin.
	[ -d /usr/lib/grub/i386-pc ] || printf 'grub-pc-bin '
}

if [ "$1" = "--check" ]; then
	missing
	exit 0
fi

set -e
echo "tools/deps.sh: installing the Debian packages Sprout needs:"
echo "  $PKGS"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# --no-install-recommends keeps grub-pc, which would take over this
# machine's own boot loader, from coming in.
$SUDO apt-get install -y -q --no-install-recommends $PKGS
echo "tools/deps.sh: done."
