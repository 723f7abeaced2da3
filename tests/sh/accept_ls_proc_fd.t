# ls -l reads a link while its folder is open, as GNU ls: fd 3, ls's
# own open /proc/self/fd, then still names that folder.
$ ls -l /proc/self/fd | grep ' 3 '
.* 3 -> /proc/\d+/fd (re)
$ ln -s nowhere dangling && ls -l dangling | grep -c ' dangling -> nowhere$'
1
