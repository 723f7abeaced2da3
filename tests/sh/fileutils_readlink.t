# readlink: the text in a symbolic link; -f the canonical path
$ echo hi > f; mkdir d; ln -s f l; ln -s d/../l l2; ln -s nowhere dangling
$ readlink l; readlink l2; readlink dangling
f
d/../l
nowhere
$ readlink f; echo $?
1
$ readlink nope; echo $?
1
$ readlink -n l; echo '|'
f|
$ readlink -n l l2
readlink: ignoring --no-newline with multiple arguments
f
d/../l
$ here=$(pwd -P)
$ [ "$(readlink -f l2)" = "$here/f" ] && echo same
same
$ [ "$(readlink -f d/./..//d/)" = "$here/d" ] && echo same
same
$ [ "$(readlink -f d/new)" = "$here/d/new" ] && echo same
same
$ readlink -f /; readlink -f /.
/
/
$ readlink -f no/such/thing; echo $?
1
$ readlink; echo $?
readlink: missing operand
\S.* (re)
1
$ ln -s loop loop; readlink -f loop; echo $?
1
$ [ "$(readlink -f d/../dangling)" = "$here/nowhere" ] && echo same
same
