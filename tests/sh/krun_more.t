# more: a file that fits on the screen is shown whole, with no prompt;
# standard input when no file is named; names between colons when
# there are several; through a pipe (not a terminal) it copies as cat.
$ printf 'one\ntwo\n' > f
$ more f
one
two
$ printf 'from\na pipe\n' | more
from
a pipe
$ more f - f < f
::::::::::::::
f
::::::::::::::
one
two
::::::::::::::
-
::::::::::::::
one
two
::::::::::::::
f
::::::::::::::
one
two
$ more f | cat
one
two
$ more nothing-here; echo $?
more: nothing-here: No such file or directory
1
$ more -x f; echo $?
usage: more [FILE...]
1
$ mkdir d; more d; echo $?
more: d: Is a directory
1
