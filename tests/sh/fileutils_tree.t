# Walking trees: find, xargs, du; and od, which shows bytes.
$ umask 022
$ mkdir -p src/lib docs; echo 'int main;' > src/main.c; echo x > src/lib/util.c; echo y > src/lib/util.h; echo z > docs/README; ln -s main.c src/link.c
$ find src | sort
src
src/lib
src/lib/util.c
src/lib/util.h
src/link.c
src/main.c
$ find . -name '*.c' | sort
./src/lib/util.c
./src/link.c
./src/main.c
$ find src docs -type f | sort
docs/README
src/lib/util.c
src/lib/util.h
src/main.c
$ find src -type l; find . -maxdepth 1 -type d | sort
src/link.c
.
./docs
./src
$ find src -name '*.h' -o -name 'main*' | sort
src/lib/util.h
src/main.c
$ find src ! -type d -name 'util*' | sort
src/lib/util.c
src/lib/util.h
$ find docs -type f -exec cat {} \;
z
$ find docs -type f -exec false \; -o -print; find docs -type f -exec true \; -print
docs
docs/README
docs/README
$ find nodir; echo $?
find: nodir: No such file or directory
1
$ find . -frobnicate; echo $?
find: unknown predicate '-frobnicate'
1
$ find . -type q; echo $?
find: unknown argument to -type: q
1
$ find src -name '*.c' -type f | sort | xargs cat
x
int main;
$ echo a b c d e | xargs -n 2
a b
c d
e
$ echo 'one "two three" four\ five' | xargs -n 1
one
two three
four five
$ echo a | xargs nonexistent-command; echo $?
xargs: nonexistent-command: No such file or directory
127
$ echo a | xargs false; echo $?
123
$ xargs -r echo nothing < /dev/null; xargs echo empty < /dev/null
empty
$ xargs -n 0; echo $?
xargs: value 0 for -n option should be >= 1
1
$ du -s docs src | sed 's/^[0-9]*/N/'
N	docs
N	src
$ du src | sed 's/^[0-9]*/N/'
N	src/lib
N	src
$ du -a src/lib | sed 's/^[0-9]*/N/' | sort
N	src/lib
N	src/lib/util.c
N	src/lib/util.h
$ du nodir; echo $?
du: nodir: No such file or directory
1
$ echo hello world | od -c
0000000   h   e   l   l   o       w   o   r   l   d  \n
0000014
$ echo hello world | od
0000000 062550 066154 020157 067567 066162 005144
0000014
$ echo hello world | od -x -A d
0000000 6568 6c6c 206f 6f77 6c72 0a64
0000012
$ echo abc | od -b -A n
 141 142 143 012
$ echo 0123456789abcdef0123456789abcdef0123456789abcdef | od -c
0000000   0   1   2   3   4   5   6   7   8   9   a   b   c   d   e   f
*
0000060  \n
0000061
$ od nofile; echo $?
od: nofile: No such file or directory
0000000
1
$ od -q; echo $?
od: invalid option -- 'q'
usage: od [-A o|d|x|n] [-b | -c | -d | -o | -x | -t TYPE[z]] [-v] [file ...]
1
# Every walk (find, du, chmod -R, cp -r, rm -r) goes one directory at a
# time the same way: an operand with a trailing '/' gives paths with one.
$ find src/ -name '*.h'; du -a src/lib/ | sed 's/^[0-9]*/N/' | sort
src/lib/util.h
N	src/lib/
N	src/lib/util.c
N	src/lib/util.h
$ chmod -R go-r src/; stat -c '%a %n' src/lib src/lib/util.h
711 src/lib
600 src/lib/util.h
$ cp -r src/ copy; find copy -type f | sort; rm -r copy/; ls -d copy; echo $?
copy/lib/util.c
copy/lib/util.h
copy/main.c
ls: copy: No such file or directory
2
