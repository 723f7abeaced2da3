# wc: lines, words and bytes, in GNU's columns
$ printf 'one two\nthree\n' > a
$ printf 'x\n' > b
$ wc a
 2  3 14 a
$ wc -l a
2 a
$ wc -w < a
3
$ wc < a
 2  3 14
$ printf 'a b c\n' | wc
      1       3       6
$ printf 'a b c\n' | wc -c
6
$ wc a b
 2  3 14 a
 1  1  2 b
 3  4 16 total
$ wc -lc a b
 2 14 a
 1  2 b
 3 16 total
$ wc nope; echo $?
wc: nope: No such file or directory
1
$ wc -x a; echo $?
wc: invalid option -- 'x'
usage: wc [-lwc] [file...]
1
