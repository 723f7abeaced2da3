# chmod, touch and df: chmod(2), utimensat(2) and statfs(2).
$ umask 022
$ echo x > f; chmod 600 f; stat -c %A f
-rw-------
$ chmod u+x,go+r f; stat -c %a f; chmod a=r f; stat -c %a f; chmod +x f; stat -c %a f
744
444
555
$ chmod -w f; chmod u+w f; chmod go-rwx f; stat -c %a f
700
$ chmod 4755 f; stat -c %A f; chmod g+s,o+t f; stat -c %A f
-rwsr-xr-x
-rwsr-sr-t
$ mkdir -p d/e; echo y > d/e/g; chmod -R a-x,u+X d; stat -c '%a %n' d d/e d/e/g
744 d
744 d/e
644 d/e/g
$ chmod 999 f; echo $?
chmod: invalid mode: '999'
1
$ chmod u+q f; echo $?
chmod: invalid mode: 'u+q'
1
$ chmod 644 nofile; echo $?
chmod: nofile: No such file or directory
1
$ chmod 644; echo $?
chmod: missing operand
usage: chmod [-R] mode file...
1
$ touch new; stat -c '%s %F' new
0 regular empty file
$ touch -c absent; echo $?; ls absent
0
ls: absent: No such file or directory
$ touch -r / f; test "$(stat -c %Y f)" = "$(stat -c %Y /)" && echo same time
same time
$ touch f; test "$(stat -c %Y f)" -gt "$(stat -c %Y /)" && echo newer
newer
$ touch no/such; echo $?
touch: no/such: No such file or directory
1
$ touch; echo $?
touch: missing file operand
usage: touch [-c] [-a | -m] [-r reference] file...
1
$ df / | sed -n 1p
Filesystem     1K-blocks +Used Available Use% Mounted on (re)
$ df / | sed 1d
\S+ +\d+ +\d+ +\d+ +\d+% / (re)
$ df -h / | sed -n 1p
Filesystem +Size +Used +Avail +Use% Mounted on (re)
$ df nofile; echo $?
df: nofile: No such file or directory
Filesystem     1K-blocks +Used Available Use% Mounted on (re)
1
