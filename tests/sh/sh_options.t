# set's options (-a -v -n -f) and $IFS's field-splitting rules.
$ set -a; av=1; sh -c 'echo av=$av'; set +a; bv=2; sh -c 'echo bv=$bv'
av=1
bv=
$ set -a; case $- in *a*) echo a is on;; esac; set +a; case $- in *a*) echo still on;; esac
a is on
$ printf 'echo shown\necho twice\n' > v.sh; sh -v v.sh 2>&1 | sort
echo shown
echo twice
shown
twice
$ printf 'echo one\nset -n\necho two\n' > n.sh; sh n.sh; sh -n -c 'echo three'; echo status $?
one
status 0
$ sh -n -c 'if then' 2>/dev/null; echo status $?
status 2
$ set -- a b; (set -f; x='/*'; echo $x "$@"); set -o noglob; echo /*; set +o noglob
/* a b
/*
$ IFS=' :'; s=" a : b  c"; set -- $s; echo $# "$1|$2|$3"; s="a:b:"; set -- $s; echo $#
3 a|b|c
2
$ s=":a"; set -- $s; echo $# "<$1>"; s="a :: b"; set -- $s; echo $# "<$2>"; unset IFS
2 <>
3 <>
$ IFS=; s="a b"; set -- $s; echo $#; unset IFS; a="  x  y  "; set -- $a; echo $# "$1"
1
2 x
$ set --; echo "x$@y" $#; set -- "$@"; echo $#; set -- ""; echo $#; set -- a "b c"; for i in "pre$@post"; do echo "[$i]"; done
xy 0
0
1
[prea]
[b cpost]
$ echo 'a b  c d' | { read p q r; echo "[$r]"; }; echo 'a:b:c:d' | { IFS=: read p q r; echo "[$r]"; }
[c d]
[c:d]
$ echo 'a:b' | { IFS=: read p q r; echo "[$q][$r]"; }; echo '  lead  trail  ' | { read p; echo "[$p]"; }
[b][]
[lead  trail]
