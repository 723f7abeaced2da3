# ps, free and uptime read /proc. (Background jobs are started in
# "sh -c": an interactive shell would report them.)
$ ps | sed -n 1p
  PID  PPID  PGID STAT     TIME CMD
$ ps -e | sed -n '/ ps -e$/p'
 *\d+ +\d+ +\d+ R\S* +00:00:\d\d ps -e (re)
$ sh -c 'sleep 123 & ps -e | sed -n "/ sleep 123$/p"; kill $!'
 *\d+ +\d+ +\d+ S\+? +00:00:00 sleep 123 (re)
$ ps -e | sed -n 2p
 +1 +0 +\d+ \S+ +\d\d:\d\d:\d\d \S.* (re)
$ ps -x; echo $?
ps: invalid option -- 'x'
usage: ps [-e] [-T | -L] [-o column[,column]...]
1
$ free
               total        used        free      shared  buff/cache   available
Mem: +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ (re)
Swap: +\d+ +\d+ +\d+ (re)
$ free -k; echo $?
usage: free
1
$ uptime
 \d\d:\d\d:\d\d up +(\d+ days?, +)?(\d+ min|\d+:\d\d), +0 user, +load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d (re)
