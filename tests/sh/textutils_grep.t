# grep: lines that match a regular expression (libc's <regex.h>)
$ printf 'root:x:0:0\nbob:x:1000:1000\nRoot is here\nalice\n' > passwd
$ grep root passwd
root:x:0:0
$ grep -i root passwd
root:x:0:0
Root is here
$ grep -n o passwd
1:root:x:0:0
2:bob:x:1000:1000
3:Root is here
$ grep -c o passwd
3
$ grep -v o passwd
alice
$ grep '^[a-z]*:x:[0-9]\{4\}' passwd
bob:x:1000:1000
$ grep -E '^(bob|alice)' passwd
bob:x:1000:1000
alice
$ grep -E 'o{2}|x:0+:' passwd
root:x:0:0
Root is here
$ grep -F 'x:1' passwd
bob:x:1000:1000
$ grep -e alice -e bob passwd
bob:x:1000:1000
alice
$ grep '\(o\)\1' passwd
root:x:0:0
Root is here
$ grep '\([a-z]\)\1' passwd
root:x:0:0
Root is here
$ grep '[[:upper:]]' passwd
Root is here
$ grep -x alice passwd
alice
$ grep -x ali passwd; echo $?
1
$ grep -o '[0-9][0-9]*' passwd
0
0
1000
1000
$ grep -on 'b.b' passwd
2:bob
$ printf 'cat\nscatter\ncats cat_x\nthe cat.\n' > words
$ grep -w cat words
cat
the cat.
$ grep -ow 'cats*' words
cat
cats
cat
# the exit status: 0 found, 1 none, 2 trouble
$ grep -q bob passwd; echo $?
0
$ grep nobody passwd; echo $?
1
$ grep bob nope; echo $?
grep: nope: No such file or directory
2
$ grep -s bob nope; echo $?
2
$ grep 'a\(' passwd; echo $?
grep: a\\\(: Unmatched .* (re)
2
$ grep -z bob passwd; echo $?
grep: invalid option -- 'z'
usage: grep [-chHilnoqrsvwxEF] [-e pattern]... [pattern] [file...]
2
# several files: each line says where it is from
$ printf 'bob\n' > other
$ grep bob passwd other
passwd:bob:x:1000:1000
other:bob
$ grep -c bob passwd other
passwd:1
other:1
$ grep -l alice passwd other
passwd
$ grep -h bob passwd other
bob:x:1000:1000
bob
$ grep -H alice passwd
passwd:alice
$ mkdir d; printf 'deep bob\n' > d/f
$ grep -r bob d
d/f:deep bob
$ cd d; grep -r bob; cd ..; grep -r bob d/
f:deep bob
d/f:deep bob
# from a pipe
$ printf 'one\ntwo\nthree\n' | grep -n t
2:two
3:three
