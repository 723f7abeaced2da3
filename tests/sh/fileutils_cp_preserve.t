# cp -p keeps the mode (not less the umask) and the access and modify times
$ umask 077; echo hi > f; chmod 754 f; touch -r /etc/passwd f
$ cp f plain; before=$(stat -c '%X %Y' f); cp -p f kept
$ stat -c '%a %n' f plain kept
754 f
700 plain
754 kept
$ [ "$(stat -c '%X %Y' kept)" = "$before" ] && echo same times
same times
$ [ "$(stat -c %Y kept)" = "$(stat -c %Y /etc/passwd)" ] && echo an old time
an old time
$ [ "$(stat -c %Y plain)" = "$(stat -c %Y f)" ] || echo a new time
a new time
$ mkdir -m 751 d; echo x > d/g; ln -s g d/l; touch -r /etc/passwd d/g d
$ before=$(stat -c '%X %Y' d d/g); cp -rp d e; stat -c '%a %n' e e/g
751 e
600 e/g
$ [ "$(stat -c '%X %Y' e e/g)" = "$before" ] && echo same times
same times
$ readlink e/l
g
$ cp -p nope x; echo $?
cp: .*nope.*: No such file or directory (re)
1
$ umask 022
