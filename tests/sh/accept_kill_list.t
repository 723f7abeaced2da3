# The builtin kill -l: the names end with the last line (no empty line
# after them), and a name gives its number, as bash's kill -l TERM.
$ kill -l | tail -1
XFSZ VTALRM PROF WINCH IO PWR SYS
$ kill -l | wc -l
4
$ kill -l TERM; kill -l SIGKILL
15
9
$ kill -l 143
TERM
$ kill -l NOPE; echo $?
sh: kill: NOPE: invalid signal specification
1
