#!/bin/sh
# Add the device files to an ext2 image made by mke2fs, without root:
# debugfs writes the inodes directly. A device file holds no data, only
# its kind (c: character device) and number (major, minor); the kernel's
# kernel/fs/char_dev.c finds the driver by the major.
#
#   tools/mkdevs.sh build/disk.img
set -e
img=$1
[ -f "$img" ] || { echo "usage: $0 disk.img" >&2; exit 1; }
PATH=$PATH:/sbin:/usr/sbin

#      name     major minor mode
devs="console  5     1     0600
      tty      5     0     0666
      null     1     3     0666
      zero     1     5     0666
      random   1     8     0666
      urandom  1     9     0666"

# debugfs's mknod wants a name in the current directory: cd first.
echo "$devs" | {
	echo "cd /dev"
	while read -r name major minor mode; do
		echo "mknod $name c $major $minor"
		echo "set_inode_field $name mode 02$mode"   # 020000: S_IFCHR
	done
} | debugfs -w -f - "$img" >/dev/null 2>&1
# debugfs does not fail on a bad command: check that every node is there.
for name in $(echo "$devs" | awk '{print $1}'); do
	debugfs -R "stat /dev/$name" "$img" 2>/dev/null | grep -q "character special" ||
		{ echo "$0: /dev/$name was not made in $img" >&2; exit 1; }
done
