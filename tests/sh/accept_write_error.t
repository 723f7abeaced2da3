# A write that fails (stdout closed here; a full disk the same) is a
# message and status 1, for the builtins as bash says it and for the
# programs as GNU's: printf said nothing and gave 0.
$ printf 'x\n' >&-; echo $?
.*printf: write error: Bad file descriptor (re)
1
$ echo x >&-; echo $?
.*echo: write error: Bad file descriptor (re)
1
$ /bin/printf 'x\n' >&-; echo $?
.*printf: write error: Bad file descriptor (re)
1
$ /bin/echo x >&-; echo $?
.*echo: write error: Bad file descriptor (re)
1
$ echo still fine
still fine
