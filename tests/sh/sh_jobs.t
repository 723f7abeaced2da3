# Job control at the terminal (Sprout only: it types ^C and ^Z).
# nap N is a stand-in for sleep N (tests/user/shtool.c).
$ /bin/tests/shtool nap 100 &
\[1\] \d+ (re)
$ jobs
[1]+  Running                 /bin/tests/shtool nap 100 &
$ echo $! | { read -r p; test "$p" -gt 1 && echo last pid set; }
last pid set
$ kill %1; wait %1; echo $?
143
$ jobs
$ /bin/tests/shtool nap 100
^C
$ echo $?
130
$ while true; do /bin/tests/shtool nap 100; done
^C
$ echo after the loop
after the loop
$ read line
^C
$ echo $?
130
$ while true; do :; done
^C
$ echo $?
130
$ /bin/tests/shtool nap 100
^Z
[1]+  Stopped                 /bin/tests/shtool nap 100
$ echo $?
148
$ jobs
[1]+  Stopped                 /bin/tests/shtool nap 100
$ bg %1
[1]+ /bin/tests/shtool nap 100 &
$ jobs
[1]+  Running                 /bin/tests/shtool nap 100 &
$ fg %1
/bin/tests/shtool nap 100
^C
$ jobs
$ /bin/tests/shtool nap 100 | /bin/tests/shtool nap 100
^Z
[1]+  Stopped                 /bin/tests/shtool nap 100 | /bin/tests/shtool nap 100
$ kill %1; wait %1; echo $?
143
$ jobs
$ /bin/tests/shtool mkfifo go; read x < go &
\[1\] \d+ (re)
$ echo > go; /bin/tests/shtool nap 2
[1]+  Done                    read x < go
$ /bin/tests/shtool nap 100 &
\[1\] \d+ (re)
$ /bin/tests/shtool nap 100 &
\[2\] \d+ (re)
$ jobs
[1]-  Running                 /bin/tests/shtool nap 100 &
[2]+  Running                 /bin/tests/shtool nap 100 &
$ kill %2 %1; wait; echo waited
waited
$ sh -c 'kill -SEGV $$'; echo $?
Segmentation fault
139
