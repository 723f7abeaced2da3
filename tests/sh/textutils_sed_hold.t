# sed: n N, the hold space (h H g G x) and y
$ printf 'one\ntwo\nthree\nfour\nfive\n' > f
$ sed n f
one
two
three
four
five
$ sed -n 'n;p' f
two
four
$ sed 'n;d' f
one
three
five
$ sed 'N;s/\n/+/' f
one+two
three+four
five
$ sed -n '$!N;s/\n/ /p' f
one two
three four
$ sed = f | sed 'N;s/\n/ /'
1 one
2 two
3 three
4 four
5 five
$ sed -n 'h;n;G;p' f
two
one
four
three
$ sed -n '1!G;h;$p' f
five
four
three
two
one
$ sed -n 'H;${x;s/\n/,/g;p}' f
,one,two,three,four,five
$ sed 'x' f
 (re)
one
two
three
four
$ sed '1h;1d;$G' f
two
three
four
five
one
$ sed '2{g;}' f
one

three
four
five
$ sed '/two/a after two' f | sed -n '2{n;p}'
after two
$ sed 'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/' f | head -2
ONE
TWO
$ echo 'a/b\c' | sed 'y,/\\,|-,'
a|b-c
$ echo hello | sed 'y/el/ip/;s/o/!/'
hipp!
$ echo x | sed 'y/ab/c/'; echo $?
sed: -e expression.*, char 7: strings for `y' command are different lengths (re)
1
$ printf 'a\nb' | sed 'N;s/\n/-/' | wc -c
3
