# Exit statuses, messages, sh -c, scripts.
$ no-such-command; echo $?
.*no-such-command: (command )?not found (re)
127
$ ./missing-script; echo $?
.*\./missing-script: No such file or directory (re)
127
$ echo 'echo never' > noexec.sh; ./noexec.sh; echo $?
.*\./noexec.sh: Permission denied (re)
126
$ sh -c 'exit 7'; echo $?
7
$ sh -c 'kill -TERM $$'; echo $?
.*Terminated.* (re)
143
$ sh -c 'kill -SEGV $$'; echo $?
.*Segmentation fault.* (re)
139
$ sh -c 'echo "$0 $1 $2"' name a b
name a b
$ sh -c 'echo $#: $@' x 1 2 3
3: 1 2 3
$ printf 'echo script args: $@\necho status $?\nexit 9\n' > s.sh; sh s.sh p q; echo $?
script args: p q
status 0
9
$ printf 'echo from stdin\n' | sh; printf 'echo dash\n' | sh -
from stdin
dash
$ printf '#!/bin/sh\necho "hash-bang $1"\n' > hb; sh hb arg
hash-bang arg
$ if command -v chmod > /dev/null; then chmod +x hb; ./hb run; else echo hash-bang run; fi
hash-bang run
$ printf 'if [ "$1" = yes ]; then\n  echo agreed\nelse\n  echo refused\nfi\nfor i in 1 2; do\n  case $i in 1) echo one;; *) echo other;; esac\ndone\nf() { echo "f $*"; }\nf a && f b || f c\n' > flow.sh; sh flow.sh yes
agreed
one
other
f a
f b
$ sh -c 'if'; echo $?
.*[Ss]yntax error.* (re)
2
$ printf 'i=0\nwhile [ $i -lt 300 ]; do true & i=$((i + 1)); done\nwait\necho started $i, waited $?\n' > many.sh; sh many.sh 2>&1
started 300, waited 0
$ sh -c 'false & p=$!; /bin/true; /bin/true; wait $p; echo $?; (exit 3) & p=$!; for i in 1 2 3 4 5 6 7 8; do true & done; wait $p; echo $?'
1
3
$ start=$LINENO; f() {
>   echo in f $((LINENO - start))
> }; f; for i in 1 2; do
>   echo loop $((LINENO - start))
> done; echo "$((LINENO - start)) $(echo $((LINENO - start)))"
in f 1
loop 3
loop 3
4 4
$ printf 'echo one\n\nno-such-command\ncd /nonexistent-dir\necho ${gone?is gone}\necho not reached\n' > errs.sh; sh errs.sh 2>&1
one
errs.sh: 3: no-such-command: not found
errs.sh: 4: cd: .*/nonexistent-dir.* (re)
errs.sh: 5: gone: is gone
$ sh -c 'true
> no-such-command' 2>&1
sh: 2: no-such-command: not found
$ printf 'echo a\nif then\n' > syntax.sh; sh syntax.sh 2>&1
a
syntax.sh: 2: .*then.* (re)
