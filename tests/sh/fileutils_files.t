# Files and directories: cat mkdir rmdir rm mv cp ln stat ls.
$ umask 022
$ echo one > a; echo two > b; cat a b
one
two
$ cat -n a b
     1	one
     2	two
$ echo three | cat a - b
one
three
two
$ cat nofile; echo $?
cat: nofile: No such file or directory
1
$ cat a nofile b 2>/dev/null; echo $?
one
two
1
$ cat -z; echo $?
cat: invalid option -- 'z'
usage: cat [-n] [file ...]
1
$ mkdir d; mkdir d; echo $?
mkdir: d: File exists
1
$ mkdir -p d/e/f d/e; echo $?; ls -1 d/e
0
f
$ mkdir x/y; echo $?
mkdir: x/y: No such file or directory
1
$ mkdir -m 700 private; ls -ld private
drwx------ 2 root root +\d+ \w{3} [ 1-3]\d \d\d:\d\d private (re)
$ mkdir; echo $?
mkdir: missing operand
usage: mkdir [-p] [-m mode] dir...
1
$ rmdir d; echo $?
rmdir: d: Directory not empty
1
$ rmdir -p d/e/f; echo $?; ls -d d
0
ls: d: No such file or directory
$ rmdir a; echo $?
rmdir: a: Not a directory
1
$ mkdir -p t/u; echo x > t/u/f; rm t; echo $?
rm: t: Is a directory
1
$ rm -r t; echo $?; ls -d t
0
ls: t: No such file or directory
$ rm nofile; echo $?
rm: nofile: No such file or directory
1
$ rm -f nofile; echo $?; rm -f; echo $?
0
0
$ rm -r .; echo $?
rm: refusing to remove '.' or '..' directory: skipping '.'
1
$ echo y | rm -i a 2>/dev/null; ls -1
b
private
$ echo hi > m; mv m n; cat n; cat m
hi
cat: m: No such file or directory
$ mkdir dir; mv n b dir; ls -1 dir
b
n
$ mv nofile x; echo $?
mv: cannot move 'nofile' to 'x': No such file or directory
1
$ mv dir/b dir/n nodir; echo $?
mv: target 'nodir' is not a directory
1
$ mv dir; echo $?
mv: missing destination file operand after 'dir'
usage: mv [-fi] source dest
       mv [-fi] source... directory
1
$ cp dir/n copy; cat copy; cp copy dir; ls -1 dir
hi
b
copy
n
$ cp dir other; echo $?
cp: -r not specified; omitting directory 'dir'
1
$ cp copy copy; echo $?
cp: 'copy' and 'copy' are the same file
1
$ ln -s n dir/link; cp -r dir tree; stat -c '%A %N' tree/*
-rw-r--r-- 'tree/b'
-rw-r--r-- 'tree/copy'
lrwxrwxrwx 'tree/link' -> 'n'
-rw-r--r-- 'tree/n'
$ cat tree/link
hi
$ cp nofile x; echo $?
cp: nofile: No such file or directory
1
$ ln copy hard; ls -l copy hard | cut -c1-12
-rw-r--r-- 2
-rw-r--r-- 2
$ ln -s copy soft; cat soft; ln -s other soft; echo $?
hi
ln: failed to create symbolic link 'soft' -> 'other': File exists
1
$ ln -sf private soft; ls -l soft | sed 's/.* soft/soft/'
soft -> private
$ ln nofile x; echo $?
ln: failed to create hard link 'x' -> 'nofile': No such file or directory
1
$ mkdir links; ln -s ../copy ../tree links/; ls -1 links; cat links/copy
copy
tree
hi
$ ln; echo $?
ln: missing file operand
usage: ln [-sf] target [link_name]
       ln [-sf] target... directory
1
$ cp copy hard nodir; echo $?; cp; echo $?
cp: target 'nodir' is not a directory
1
cp: missing file operand
usage: cp [-rp] source dest
       cp [-rp] source... directory
1
$ stat -c '%n %s %a %A %h %F %u %g' copy soft private
copy 3 644 -rw-r--r-- 2 regular file 0 0
soft 7 777 lrwxrwxrwx 1 symbolic link 0 0
private \d+ 700 drwx------ 2 directory 0 0 (re)
$ stat -c '%N' soft; stat -L -c %F soft
'soft' -> 'private'
directory
$ stat copy
  File: copy
  Size: 3         	Blocks: \d+ +IO Block: \d+ +regular file (re)
Device: \d+,\d+	Inode: \d+ +Links: 2 (re)
Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
Access: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 (re)
Modify: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 (re)
Change: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 (re)
 Birth: -
$ stat nofile; echo $?
stat: nofile: No such file or directory
1
$ echo hi > q1; echo ho > q2; echo n | mv -i q1 q2; echo .; cat q2
mv: overwrite 'q2'? .
ho
$ echo y | rm -i q1; echo .; ls q1
rm: remove 'q1'? .
ls: q1: No such file or directory
