# exit with a stopped job (Sprout only: it types ^Z). As bash, the
# interactive shell warns once and stays; a second exit would leave,
# and the job's orphaned group would be sent SIGHUP and SIGCONT.
$ /bin/tests/shtool nap 100
^Z
[1]+  Stopped                 /bin/tests/shtool nap 100
$ exit
There are stopped jobs.
$ echo $?
1
$ jobs
[1]+  Stopped                 /bin/tests/shtool nap 100
$ kill %1
$ jobs
[1]+  Terminated              /bin/tests/shtool nap 100
