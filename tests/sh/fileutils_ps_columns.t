# ps -o: the columns by procps's names and headers
$ ps -o pid,ppid,stat,comm,args | sed -n 1p
  PID  PPID STAT COMMAND         COMMAND
$ sh -c 'sleep 123 & ps -e -o pid,ppid,stat,comm,args | sed -n "/ sleep 123$/p"; kill $!'
 *\d+ +\d+ S\+? +sleep           sleep 123 (re)
$ sh -c 'sleep 124 & ps -e -o args,comm,pid | sed -n "/^sleep 124/p"; kill $!'
sleep 124                   sleep           +\d+ (re)
$ ps -o comm -o pid | sed -n 1p
COMMAND           PID
$ ps -o bogus 2>&1 | sed -n 1p; ps -o bogus 2>/dev/null; echo $?
.*unknown user-defined format specifier "bogus" (re)
1
