# Lists, conditionals, loops, case and functions.
$ true && echo and-yes; false && echo and-no; false || echo or-yes; true || echo or-no
and-yes
or-yes
$ ! false; echo $?; ! true; echo $?
0
1
$ if false; then echo one; elif true; then echo two; else echo three; fi
two
$ if [ 3 -lt 2 ]
> then
>   echo less
> else
>   echo not less
> fi
not less
$ i=0; while [ $i -lt 3 ]; do echo "while $i"; i=$((i + 1)); done
while 0
while 1
while 2
$ i=3; until [ $i -eq 0 ]; do printf '%s ' $i; i=$((i - 1)); done; echo
3 2 1 
$ for x in a b c d e; do
>   case $x in
>   b) continue;;
>   d) break;;
>   esac
>   echo $x
> done
a
c
$ for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done
1a
2a
$ for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done
1a
$ for f in x.c y.h README; do
> case "$f" in
> *.c|*.h) echo "$f: C source" ;;
> [A-Z]*) echo "$f: capitalised" ;;
> *) echo "$f: other" ;;
> esac
> done
x.c: C source
y.h: C source
README: capitalised
$ case "a*b" in 'a*b') echo quoted pattern;; esac; case axb in 'a*b') echo no;; a*b) echo glob;; esac
quoted pattern
glob
$ greet() { echo "hello, $1 ($#)"; }; greet world extra
hello, world (2)
$ add() {
>   return $(($1 + $2))
> }
$ add 2 3; echo $?
5
$ outer() { local v=inner; echo "in: $v"; }; v=outer; outer; echo "out: $v"
in: inner
out: outer
$ count() { n=0; for a; do n=$((n + 1)); done; echo $n; }; count a b c
3
$ first() { for a in 1 2 3; do [ $a = 2 ] && return 7; done; echo never; }; first; echo $?
7
$ (exit 4); echo $?; (cd /; pwd); pwd | { read -r d; test "$d" != / && echo unchanged; }
4
/
unchanged
$ { echo grouped; false; }; echo $?
grouped
1
$ t=0; for i in 1 2 3 4; do t=$((t + i)); done; echo total $t
total 10
$ set -e; f() { false; echo "set -e is off in a condition"; }; f || echo never; set +e
set -e is off in a condition
$ fib() { if [ $1 -lt 2 ]; then echo $1; else echo $(( $(fib $(($1 - 1))) + $(fib $(($1 - 2))) )); fi; }; fib 8
21
$ case nomatch in a) echo a;; esac; echo "no match: $?"
no match: 0
$ x=outer; g() { local x; x=inner; h; }; h() { echo "h sees $x"; }; g; echo $x
h sees inner
outer
$ set -- p1 p2; for i do echo "for without in: $i"; done
for without in: p1
for without in: p2
