# Words, quoting, variables and the special parameters.
$ echo hello   world
hello world
$ echo 'single  $HOME' "double  quoted" back\ slash
single  $HOME double  quoted back slash
$ echo "a \"quote\" and \$dollar and \\backslash"
a "quote" and $dollar and \backslash
$ x=42; echo $x ${x} "${x}x" '$x'
42 42 42x $x
$ echo "$unset_var" | { read -r l; echo "[$l]"; }
[]
$ true; echo $?; false; echo $?
0
1
$ set -- one "two three" four; echo $# "$1" "$2"
3 one two three
$ for a in "$@"; do echo "<$a>"; done
<one>
<two three>
<four>
$ for a in $*; do echo "<$a>"; done
<one>
<two>
<three>
<four>
$ echo "$*"
one two three four
$ echo $0 | { read -r z; case $z in *sh) echo shell;; *) echo "$z";; esac; }
shell
$ test "$$" -gt 0 && echo pid ok
pid ok
$ echo a\
> b
ab
$ echo 'line one
> line two'
line one
line two
$ echo "it's" 'say "hi"' "" ''x
it's say "hi"  x
$ # a comment alone
$ echo not # a comment
not
$ echo $'tab\there' $'it\'s' $'\x41\102' "$'in double quotes'"
tab	here it's AB $'in double quotes'
