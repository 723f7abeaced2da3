# diff: normal and unified formats, status 0 same / 1 different / 2 trouble
$ printf 'a\nb\nc\n' > one
$ printf 'a\nB\nc\n' > two
$ diff one two; echo $?
2c2
< b
---
> B
1
$ diff one one; echo $?
0
$ printf 'a\nb\nc\nd\n' > more
$ diff one more
3a4
> d
$ diff more one
4d3
< d
$ printf 'x\na\nc\n' > three
$ diff one three
0a1
> x
2d2
< b
$ diff -u one two
--- one\t.* (re)
\+\+\+ two\t.* (re)
@@ -1,3 +1,3 @@
 a
-b
+B
 c
$ printf 'a\nb\nc' > nonl
$ diff one nonl
3c3
< c
---
> c
\ No newline at end of file
$ diff one nope; echo $?
diff: nope: No such file or directory
2
$ diff one; echo $?
usage: diff [-u] file1 file2
2
