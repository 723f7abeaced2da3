# cut and tr
$ printf 'root:x:0:0:/root\nbob:x:1000:1000:/home/bob\n' > pw
$ cut -d: -f1 pw
root
bob
$ cut -d: -f1,3 pw
root:0
bob:1000
$ cut -d: -f 3- pw
0:0:/root
1000:1000:/home/bob
$ cut -c 1-3 pw
roo
bob
$ cut -c -2,5 pw
ro:
box
$ printf 'a\tb\nno tab\n' | cut -f 2
b
no tab
$ printf 'a\tb\nno tab\n' | cut -s -f 2
b
$ cut pw; echo $?
cut: you must specify a list of bytes, characters, or fields
usage: cut -c list [file...]
       cut -f list [-d delim] [-s] [file...]
1
$ cut -c 0 pw; echo $?
cut: fields and positions are numbered from 1
1
$ cut -d ab -f 1 pw; echo $?
cut: the delimiter must be a single character
1
$ printf 'Hello World\n' | tr a-z A-Z
HELLO WORLD
$ printf 'Hello World\n' | tr '[:upper:]' '[:lower:]'
hello world
$ printf 'a \tb 7\n' | tr -d '[:blank:][:digit:]'; printf 'x' | tr '[:nope:]' y; echo $?
ab
tr: invalid character class
1
$ printf 'a\tb c\n' | grep -c 'a[[:blank:]]b[[:space:]]c'
1
$ printf 'Hello World\n' | tr -d lo
He Wrd
$ printf 'aaabbbccc\n' | tr -s ab
abccc
$ printf 'a  b   c\n' | tr -s ' ' '_'
a_b_c
$ printf 'a1b2c3\n' | tr -cd '0-9\n'
123
$ printf 'one two\n' | tr ' ' '\n'
one
two
$ printf 'abc\n' | tr abc x
xxx
$ tr a; echo $?
tr: missing operand
usage: tr [-cds] set1 [set2]
1
$ tr z-a x; echo $?
tr: range-endpoints of 'z-a' are in reverse collating sequence order
1
