# pwd -P and cd -P give the physical path, through the symbolic link,
# as POSIX's cd and pwd do; -L (the default) keeps the path as typed.
$ mkdir real && ln -s real link && cd link
$ pwd
.*/link (re)
$ pwd -P
.*/real (re)
$ pwd -L
.*/link (re)
$ cd -P ../link && pwd
.*/real (re)
$ cd -L ../link && pwd
.*/link (re)
$ pwd -x; echo $?
.*pwd: -x: invalid option (re)
.*usage: pwd \[-LP\] (re)
2
