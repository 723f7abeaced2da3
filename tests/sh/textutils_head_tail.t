# head and tail
$ printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > n
$ head -n 3 n
1
2
3
$ head -2 n
1
2
$ head -c 5 n
1
2
3
$ head n | wc -l
10
$ printf 'a\nb\n' > ab
$ head -n 1 n ab
==> n <==
1

==> ab <==
a
$ tail -n 2 n
11
12
$ tail -3 n
10
11
12
$ tail -n +11 n
11
12
$ tail -c 3 n
12
$ tail n | head -n 1
3
$ printf 'x\ny' | tail -n 1; echo
y
$ tail -n 1 ab n
==> ab <==
b

==> n <==
12
$ head -n x n; echo $?
head: invalid number of lines: 'x'
1
$ tail nope; echo $?
tail: nope: No such file or directory
1
$ head -q n; echo $?
head: invalid option -- 'q'
usage: head [-n [-]lines | -c bytes] [file...]
1
# head -n -N: all but the last N lines
$ seq 5 | head -n -2
1
2
3
$ seq 3 | head -n -3; seq 3 | head -n -7; echo end
end
$ seq 3 | head -n -0
1
2
3
$ printf 'a\nb\nc' | head -n -1
a
b
$ seq 4 > four; echo x | head -n -3 four -
==> four <==
1

==> standard input <==
$ head -n -x four; echo $?
head: invalid number of lines: '-x'
1
