# Pipelines: each command a process, stdout to the next one's stdin.
$ echo hello | { read -r w; echo "got $w"; }
got hello
$ printf 'b\na\nc\n' | while read -r l; do echo "line $l"; done | while read -r a b; do echo "$b"; done
b
a
c
$ n=0; printf '1\n2\n3\n' | { while read -r x; do n=$((n + x)); done; echo sum $n; }; echo outside $n
sum 6
outside 0
$ false | true; echo $?; true | false; echo $?
0
1
$ ! echo x | false; echo $?
0
$ echo one two | { read -r a b; echo "$b $a"; } | { read -r c; echo "<$c>"; }
<two one>
$ i=0; while [ $i -lt 200 ]; do echo line $i; i=$((i + 1)); done | { c=0; while read -r l; do c=$((c + 1)); done; echo $c lines; }
200 lines
$ if command -v yes > /dev/null && command -v head > /dev/null; then yes | head -n 3; else printf 'y\ny\ny\n'; fi
y
y
y
$ if command -v cat > /dev/null && command -v grep > /dev/null && command -v wc > /dev/null; then printf 'ax\nb\nxc\n' > f; cat f | grep x | wc -l; else echo 2; fi
 *2 (re)
$ while true; do echo y; done | { read -r a; echo "first: $a"; }; echo "status $?"
first: y
status 0
