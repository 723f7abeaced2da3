# statfs of /proc tells of proc, a file system without blocks (not of
# the ext2 root), so df leaves it out and df -a shows it empty.
$ df | grep -c proc
0
$ df -a | grep proc
proc                   0     0         0    - /proc
# Named on the command line, it is shown like any other, as GNU df does.
$ df /proc
Filesystem     1K-blocks  Used Available Use% Mounted on
proc                   0     0         0    - /proc
