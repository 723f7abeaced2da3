# ls: sorted names, -a -A -d -F -i -l -R, links, errors. Without -l the
$ umask 022
# names go one per line when the output is not a terminal: "| cat".
$ mkdir d; echo hello > f; echo x > .hidden; ln -s f l; mkdir d/sub; echo y > d/sub/z
$ ls | cat
d
f
l
$ ls -a | cat
.
..
.hidden
d
f
l
$ ls -A | cat
.hidden
d
f
l
$ ls -1F
d/
f
l@
$ ls -l f l
-rw-r--r-- 1 root root 6 \w{3} [ 1-3]\d \d\d:\d\d f (re)
lrwxrwxrwx 1 root root 1 \w{3} [ 1-3]\d \d\d:\d\d l -> f (re)
$ ls -l | sed 1d | cut -c1-11
drwxr-xr-x 
-rw-r--r-- 
lrwxrwxrwx 
$ ls -l | sed -n 1p
total \d+ (re)
$ ls -ld d
drwxr-xr-x 3 root root +\d+ \w{3} [ 1-3]\d \d\d:\d\d d (re)
$ ls -R d | cat
d:
sub

d/sub:
z
$ ls f d | cat
f

d:
sub
$ ls -i f
 *\d+ f (re)
$ ls nofile; echo $?
ls: nofile: No such file or directory
2
$ ls -z; echo $?
ls: invalid option -- 'z'
usage: ls [-1aAdFhilR] [file ...]
2
$ ls -d d f | cat
d
f
