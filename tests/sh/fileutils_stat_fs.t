# stat -f: the file system a file is on (statfs)
$ echo hi > f
$ stat -f -c '%T %t %l' f
ext2/ext3 ef53 255
$ stat -f -c '%s %S' / | { read s S; [ "$s" = "$S" ] && echo block sizes agree; }
block sizes agree
$ stat -f -c '%b %f %a %c %d' / | { read b f a c d; [ $b -ge $f ] && [ $f -ge $a ] && [ $c -ge $d ] && [ $d -gt 0 ] && echo counts in order; }
counts in order
$ stat -f -c '%T' /proc
proc
$ stat -f .
  File: "."
    ID: [0-9a-f]+ +Namelen: 255     Type: ext2/ext3 (re)
Block size: \d+ +Fundamental block size: \d+ (re)
Blocks: Total: \d+ +Free: \d+ +Available: \d+ (re)
Inodes: Total: \d+ +Free: \d+ (re)
$ stat -f nope; echo $?
stat: .*nope.*: No such file or directory (re)
1
