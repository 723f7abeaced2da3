# Sourced by the scripts that fetch Debian's i386 packages as test
# material (tools/busybox/fetch.sh, tools/benchlinux/fetch-kernel.sh),
# which download a package and unpack it, never install it.
#
#   apt_i386 NAME PKG   make apt know PKG (an i386 package): add i386 as a
#                       foreign architecture and read the package lists,
#                       each only if needed (as root, or with sudo);
#                       NAME starts the messages
PATH="$PATH:/usr/sbin:/sbin"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

apt_i386() {
	if ! dpkg --print-foreign-architectures | grep -qx i386; then
		echo "$1: dpkg --add-architecture i386 (so apt knows i386 packages)"
		$SUDO dpkg --add-architecture i386
	fi
	if ! apt-cache show "$2" >/dev/null 2>&1; then
		echo "$1: apt-get update (reading the i386 package lists)"
		$SUDO apt-get update -q
	fi
}
