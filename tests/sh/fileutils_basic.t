# The small utilities: true false pwd basename dirname seq sleep env
# uname date kill whoami id yes tee clear sync. pwd, kill, true and false
# are shell builtins too: "env NAME" runs the program from /bin instead.
# (Background jobs are started in "sh -c": an interactive shell would
# report them.)
$ env true; echo $?
0
$ env false; echo $?
1
$ mkdir -p a/b && cd a/b && env pwd | sed 's|.*/||'; cd ../..
b
$ env pwd -x; echo $?
pwd: invalid option -- 'x'
usage: pwd [-L|-P]
1
$ basename /usr/lib/; basename a/b.c .c; basename /; basename b.c b.c
lib
b
/
b.c
$ basename; echo $?
basename: missing operand
usage: basename PATH [SUFFIX]
1
$ dirname /usr/lib; dirname lib; dirname /; dirname a//b//; dirname /a
/usr
.
/
a
/
$ dirname; echo $?
dirname: missing operand
usage: dirname PATH...
1
$ seq 3; seq 2 4; seq 1 3 10; seq 5 1
1
2
3
2
3
4
1
4
7
10
$ seq -s , 5; seq -w 8 10; seq 1 0.5 2; seq -1 1
1,2,3,4,5
08
09
10
1.0
1.5
2.0
-1
0
1
$ seq 1 0 5; echo $?
seq: invalid Zero increment value: '0'
1
$ seq x; echo $?
seq: invalid floating point argument: 'x'
usage: seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST
1
$ sleep 0.1; echo $?; sleep 0; echo $?
0
0
$ sleep x; echo $?
sleep: invalid time interval 'x'
usage: sleep NUMBER[smhd]...
1
$ sleep; echo $?
sleep: missing operand
usage: sleep NUMBER[smhd]...
1
$ env -i A=1 B=two env
A=1
B=two
$ env -i A=1 env -u A env; echo $?
0
$ env -i X=y sh -c 'echo $X'
y
$ env nonexistent-command; echo $?
env: nonexistent-command: No such file or directory
127
$ env -z; echo $?
env: invalid option -- 'z'
usage: env [-i] [-u name] [name=value]... [command [arg]...]
125
$ uname; uname -s -r | wc -w
[A-Za-z]+ (re)
2
$ uname -z; echo $?
uname: invalid option -- 'z'
usage: uname [-asnrvm]
1
$ date -u -d @0; date -u -d @1234567890 +%Y-%m-%d.%H:%M:%S
Thu Jan  1 00:00:00 UTC 1970
2009-02-13.23:31:30
$ date
\w{3} \w{3} [ 1-3]\d \d\d:\d\d:\d\d UTC \d{4} (re)
$ date -d yesterday; echo $?
date: invalid date 'yesterday'
1
$ env kill -l 15; env kill -l TERM; env kill -l 137
TERM
15
KILL
$ env kill -l
HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT
CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS
$ sh -c 'sleep 10 & env kill $!; wait $!; echo $?' 2>/dev/null
143
$ sh -c 'sleep 10 & env kill -s TERM $!; wait $!; env kill -l $?' 2>/dev/null
TERM
$ sh -c 'sleep 10 & env kill -15 $!; wait $!; echo $?' 2>/dev/null
143
$ env kill -s NOPE 1; echo $?
kill: unknown signal 'NOPE'
1
$ env kill 99999; echo $?
kill: (99999): No such process
1
$ env kill; echo $?
usage: kill [-s signal | -signal] pid...
       kill -l [signal]
1
$ whoami; id; id -u; id -un; id -g
root
uid=0(root) gid=0(root) groups=0(root)
0
root
0
$ whoami x; echo $?
whoami: extra operand 'x'
usage: whoami
1
$ yes | sed 3q; yes a b | sed 2q
y
y
y
a b
a b
$ echo hello | tee out1 out2; cat out1 out2
hello
hello
hello
$ echo more | tee -a out1 > /dev/null; cat out1
hello
more
$ echo x | tee no/such/file > /dev/null; echo $?
tee: no/such/file: No such file or directory
1
$ clear | od -c
0000000 033   [   H 033   [   2   J 033   [   3   J
0000013
$ sync; echo $?; sync out1; echo $?
0
0
$ sync nofile; echo $?
sync: nofile: No such file or directory
1
