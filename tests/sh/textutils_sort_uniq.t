# sort and uniq
$ printf 'b\na\nb\n' | sort | uniq -c
      1 a
      2 b
$ printf 'pear\napple\nfig\napple\n' > fruit
$ sort fruit
apple
apple
fig
pear
$ sort -r fruit
pear
fig
apple
apple
$ sort -u fruit
apple
fig
pear
$ printf '10\n9\n100\n-1\n' | sort -n
-1
9
10
100
$ printf '10\n9\n100\n' | sort
10
100
9
$ printf 'b\nA\na\nB\n' | sort
A
B
a
b
$ printf 'b\nA\na\nB\n' | sort -f
A
a
B
b
$ printf 'x 3\ny 1\nz 2\n' | sort -k 2
y 1
z 2
x 3
$ printf 'alice:30\nbob:4\ncarol:100\n' | sort -t: -k2,2n
bob:4
alice:30
carol:100
$ printf 'alice:30\nbob:4\ncarol:100\n' | sort -t: -k2nr
carol:100
alice:30
bob:4
# stable: lines with equal keys keep their order... then the last resort
$ printf 'b 1\na 1\nc 0\n' | sort -k2,2
c 0
a 1
b 1
$ printf 'x   3\ny 1\nz  2\n' > spaced
$ sort -k2 spaced
x   3
z  2
y 1
$ sort -b -k2 spaced
y 1
z  2
x   3
$ sort -r -o spaced spaced; sort spaced | head -n 1
x   3
$ sort nope; echo $?
sort: nope: No such file or directory
2
$ sort -k 0 fruit; echo $?
sort: invalid key '0'
2
$ printf 'a\na\nb\nc\nc\nc\n' > runs
$ uniq runs
a
b
c
$ uniq -d runs
a
c
$ uniq -u runs
b
$ uniq -c runs
      2 a
      1 b
      3 c
$ printf 'a\nA\nb\n' | uniq -i
a
b
$ uniq nope; echo $?
uniq: nope: No such file or directory
1
# sort -c: is it sorted already?
$ printf 'a\nb\nb\nc\n' | sort -c; echo $?
0
$ printf 'a\nc\nb\n' | sort -c; echo $?
sort: -:3: disorder: b
1
$ printf 'a\nb\nb\n' > s; sort -cu s; echo $?
sort: s:3: disorder: b
1
$ printf '9\n10\n' | sort -c; echo $?
sort: -:2: disorder: 10
1
$ printf '9\n10\n' | sort -cn; printf '10\n9\n' | sort -cnr; echo $?
0
$ printf 'x 2\ny 1\n' | sort -c -k 2; echo $?
sort: -:2: disorder: y 1
1
$ sort -c s s 2>&1 | head -1; true
sort: extra operand .s. not allowed with -c (re)
# uniq -f N skips fields, -s N characters
$ printf 'a x\nb x\nc y\n' | uniq -f 1
a x
c y
$ printf '1  apple\n2  apple\n3 pear\n' | uniq -c -f 1
      2 1  apple
      1 3 pear
$ printf 'xab\nyab\nzac\n' | uniq -s 1
xab
zac
$ printf 'f a1\ng a1\nh a2\n' | uniq -f 1 -s 1 -d
f a1
$ printf 'f A1\ng a1\n' | uniq -i -f 1
f A1
$ uniq -f x; echo $?
uniq: x: invalid number of fields to skip
1
