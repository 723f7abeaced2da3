# sed: the stream editor
$ printf 'hello world\nfoo bar\nhello again\n' > f
$ sed 's/hello/bye/' f
bye world
foo bar
bye again
$ sed 's/o/0/g' f
hell0 w0rld
f00 bar
hell0 again
$ sed 's/o/0/2' f
hello w0rld
fo0 bar
hello again
$ sed 's/\([a-z]*\) \([a-z]*\)/\2 \1/' f
world hello
bar foo
again hello
$ sed -E 's/(o+)/[\1]/g' f
hell[o] w[o]rld
f[oo] bar
hell[o] again
$ sed 's/[aeiou]/<&>/' f
h<e>llo world
f<o>o bar
h<e>llo again
$ sed -n '/foo/p' f
foo bar
$ sed -n '$p' f
hello again
$ sed 2d f
hello world
hello again
$ sed '1,2d' f
hello again
$ sed '/foo/,$d' f
hello world
$ sed '2!d' f
foo bar
$ sed -n '/hello/=' f
1
3
$ sed 2q f
hello world
foo bar
$ sed -e 's/hello/HI/' -e 's/HI/yo/; s/o/0/' f
y0 world
f0o bar
y0 again
$ sed '2a after two' f
hello world
foo bar
after two
hello again
$ sed '1i first' f
first
hello world
foo bar
hello again
$ sed '/foo/c changed' f
hello world
changed
hello again
$ sed -n '/hello/{s/hello/X/;p}' f
X world
X again
$ sed 's|o|/|g' f
hell/ w/rld
f// bar
hell/ again
$ sed 's/x*/-/g' f | head -n 1
-h-e-l-l-o- -w-o-r-l-d-
$ printf 'no newline' | sed 's/no/a/'; echo
a newline
$ printf 'last' | sed '$a after'
last
after
$ sed -i 's/bar/BAR/' f; sed -n 2p f
foo BAR
# errors: status 1 for a bad script, 2 for a missing file
$ sed 's/a/b' f; echo $?
sed: -e expression, char 5: unterminated `s' command
1
$ sed 'k' f; echo $?
sed: -e expression, char 1: unknown command: `k'
1
$ sed 's/\(a\)/\2/' f; echo $?
sed: -e expression, char 11: invalid reference on `s' command's RHS
1
$ sed p nope; echo $?
sed: can't read nope: No such file or directory
2
$ sed; echo $?
usage: sed [-nEi] [-e script]... [script] [file...]
1
