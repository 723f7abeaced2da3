# Builtins: folders, variables, options, read, type, umask, exec, ., eval, trap.
$ start=$(pwd); cd /; pwd; cd "$start"; test "$(pwd)" = "$start" && echo back
/
back
$ cd /tmp; cd - > /dev/null; test "$(pwd)" = "$start" && echo back again; cd -
back again
/tmp
$ cd "$start"; echo "$OLDPWD"
/tmp
$ cd /nonexistent-dir
.*cd: .*/nonexistent-dir.* (re)
$ export GREETING=hi; sh -c 'echo "child sees $GREETING"'
child sees hi
$ LOCAL=only; sh -c 'echo "child sees [$LOCAL]"'
child sees []
$ ONCE=temp sh -c 'echo "$ONCE"'; echo "[$ONCE]"
temp
[]
$ A=1; A=2 true; echo "A=$A"; A=3 command true; echo "A=$A"; f() { echo "in f A=$A"; }; A=4 f; echo "A=$A"
A=1
A=1
in f A=4
A=1
$ x=1; unset x; echo "[${x-unset}]"
[unset]
$ set -- a b c d; shift; echo "$@"; shift 2; echo "$@" $#
b c d
d 1
$ printf 'alpha beta gamma\n' | { read -r a rest; echo "$a|$rest"; }
alpha|beta gamma
$ printf 'x\\ty\n' | { read -r raw; echo "$raw"; }
x\ty
$ printf 'a,b,c\n' | { IFS=, read -r p q r; echo "$q"; }
b
$ printf 'partial' | { read -r p; echo "status $? [$p]"; }
status 1 [partial]
$ type echo cd | { read -r a; read -r b; echo "$a"; echo "$b"; }
echo is a shell builtin
cd is a shell builtin
$ myfn() { :; }; type myfn | { read -r a b c d; echo "$a $b $c $d"; }
myfn is a function
$ command -v echo; command -v sh; command -v no-such-thing; echo $?
echo
.*/sh (re)
1
$ umask 027; umask; umask 022; umask
0027
0022
$ umask -S; umask 057; umask -S; umask 0; umask -S; umask 777; umask -S; umask 022
u=rwx,g=rx,o=rx
u=rwx,g=w,o=
u=rwx,g=rwx,o=rwx
u=,g=,o=
$ times
\d+m\d+\.\d+s \d+m\d+\.\d+s (re)
\d+m\d+\.\d+s \d+m\d+\.\d+s (re)
$ alias ll='ls -l'; type ll; command -v ll; command -V ll; unalias ll
ll is aliased to `ls -l'
alias ll='ls -l'
ll is aliased to `ls -l'
$ (PATH=/nowhere; command -p ls / > /dev/null && echo found with -p; command -pv sh; command -v sh; echo $?)
found with -p
/bin/sh
1
$ command -V echo; command -V nosuch 2> /dev/null; echo $?; command -x 2> /dev/null; echo $?
echo is a shell builtin
1
2
$ (exec sh -c 'echo replaced'; echo not reached)
replaced
$ echo 'sourced=yes; echo in sourced file' > lib.sh; . ./lib.sh; echo $sourced
in sourced file
yes
$ cmd='echo evaluated $((1 + 1))'; eval "$cmd"; eval 'e=1; echo "e=$e"'
evaluated 2
e=1
$ sh -c 'trap "echo bye" EXIT; echo working'
working
bye
$ sh -c 'trap "echo got USR1" USR1; kill -USR1 $$; echo after'
got USR1
after
$ (set -e; false; echo not printed); echo status $?
status 1
$ sh -c 'set -u; echo $nothere; echo not reached'; echo $?
.*nothere.* (re)
[12] (re)
$ sh -c 'set -x; echo traced' 2>&1
+ echo traced
traced
$ echo -n no-newline; echo; echo -e 'tab\there'; echo -- -n
no-newline
tab	here
-- -n
$ printf '%s=%d %5s|%-5s|%03d %x %o %c %%\n' n 42 r l 7 255 8 xyz
n=42     r|l    |007 ff 10 x %
$ printf '%s\n' one two three; printf 'no args: [%s] [%d]\n'
one
two
three
no args: [] [0]
$ printf '%b|%s\n' 'a\tb' 'a\tb'
a	b|a\tb
$ test 1 -eq 1 && [ abc = abc ] && [ -n x ] && [ -z "" ] && [ ! -f /nope ] && echo tests pass
tests pass
$ [ 2 -gt 1 -a 3 -lt 1 ]; echo $?; [ 2 -gt 1 -o 3 -lt 1 ]; echo $?; [ \( a = a \) ]; echo $?
1
0
0
$ echo x > file; [ -f file ] && [ -s file ] && [ -d . ] && [ -e file ] && [ ! -d file ] && echo files ok
files ok
$ [ x -eq 1 ]; echo $?
.*integer expression expected.* (re)
2
$ /bin/test 3 -ge 3 && /bin/[ a != b ] && /bin/echo external echo && /bin/printf '%s\n' external-printf
external echo
external-printf
$ kill -l | { read -r first; echo "$first"; } | { read -r a b c rest; echo "$a $b $c"; }
HUP INT QUIT
$ type if; command -v while
if is a shell keyword
while
$ (readonly fixed=1; fixed=2; echo not reached); echo "status $?"
.*fixed: readonly.* (re)
status 1
$ readonly fixed=1; readonly -p | while read -r l; do case $l in *fixed*) echo "$l";; esac; done
readonly fixed=.1. (re)
$ opts() { OPTIND=1; while getopts ab:c o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND - 1)); echo "rest: $*"; }
$ opts -a -b value -ca -bX file -- more
a 
b value
c 
a 
b X
rest: file -- more
$ opts -x 2>&1 | { read -r l; case $l in *"illegal option -- x"*) echo complained;; esac; }
complained
$ kill -0 $$ && echo alive; kill -l 143; kill -l 9; test "$PPID" -gt 0 && echo has a parent
alive
TERM
KILL
has a parent
$ false | true; echo $?; set -o pipefail; false | true; echo $?; set +o pipefail
0
1
$ set -o | while read -r name state; do case $name in errexit|pipefail) echo "$name $state";; esac; done
errexit off
pipefail off
$ if command -v ln > /dev/null && command -v mkdir > /dev/null; then mkdir -p real/sub; ln -s real link; cd link/sub; case $(pwd) in */link/sub) echo logical;; *) echo physical;; esac; cd ../..; else echo logical; fi
logical
$ cd /; cd "$start"; test "$PWD" = "$start" && echo PWD follows cd
PWD follows cd
$ alias ll='echo long:' say='echo said'
$ ll a b; alias ll
long: a b
ll='echo long:'
$ alias e=echo first='e one' self='self'
$ first two; self 2>/dev/null; echo $?
one two
127
$ unalias ll say e first self; alias
$ ll 2>/dev/null; echo $?
127
