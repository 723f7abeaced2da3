# AF_UNIX sockets from the shell: /bin/echo-server, /bin/echo-client and
# nc (docs/sockets.md). The server runs in a subshell's background, so no
# job message shows; its pid is kept to stop it. Its stdin is /dev/null,
# so that it never reads what is typed at the terminal. The socket file
# appears at bind(), a moment before listen(): we know the server is
# ready when an empty session with it succeeds.
$ (echo-server -U s > served < /dev/null & echo $! > server.pid)
$ until nc -U s < /dev/null 2> /dev/null; do :; done; ls -l s | cut -c1
s
$ echo hi | nc -U s
hi
$ printf 'one\ntwo\n' | echo-client -U s
one
two
$ cat served
hi
one
two
# A name in use, a file nobody listens at, a missing one, a bad flag.
$ echo-server -U s; echo $?
echo-server: s: Address already in use
1
$ touch plain; nc -U plain; echo $?
nc: plain: Connection refused
1
$ nc -U nope; echo $?
nc: nope: No such file or directory
1
$ echo-client -U nope; echo $?
echo-client: nope: No such file or directory
1
$ echo-server -v 4 -U s2; echo $?
usage: echo-server [-v 1|2|3] -U path
       echo-server [-v 1|2|3] port
       echo-server -u port
2
# Once the server is gone its socket file stays, and nobody answers.
$ kill $(cat server.pid); while nc -U s < /dev/null 2> /dev/null; do :; done
$ nc -U s < /dev/null; echo $?
nc: s: Connection refused
1
$ rm s; test -e s || echo removed
removed
# nc -l takes one connection, then removes its socket file.
$ (nc -lU l > got < /dev/null &)
$ until echo hello there | nc -U l 2> /dev/null; do :; done
$ while test -S l; do :; done; cat got
hello there
# The versions of the lecture: v1 serial, v2 forked and waited for.
$ (echo-server -v 1 -U v1 > /dev/null < /dev/null & echo $! > v1.pid)
$ until nc -U v1 < /dev/null 2> /dev/null; do :; done; echo first | echo-client -U v1; echo second | nc -U v1
first
second
$ (echo-server -v 2 -U v2 > /dev/null < /dev/null & echo $! > v2.pid)
$ until nc -U v2 < /dev/null 2> /dev/null; do :; done; echo third | echo-client -U v2
third
$ kill $(cat v1.pid) $(cat v2.pid); rm v1 v2 got plain
