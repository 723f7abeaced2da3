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
$ echo-server -v 6 -U s2; echo $?
usage: echo-server [-v 1-5] -U path
       echo-server [-v 1-5] port
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
# v4 a thread per connection, v5 a pool of worker threads.
$ (echo-server -v 4 -U v4 > /dev/null < /dev/null & echo $! > v4.pid)
$ until nc -U v4 < /dev/null 2> /dev/null; do :; done; echo fourth | echo-client -U v4; echo fifth | nc -U v4
fourth
fifth
$ (echo-server -v 5 -U v5 > /dev/null < /dev/null & echo $! > v5.pid)
$ until nc -U v5 < /dev/null 2> /dev/null; do :; done; echo sixth | echo-client -U v5
sixth
$ kill $(cat v1.pid) $(cat v2.pid) $(cat v4.pid) $(cat v5.pid); rm v1 v2 v4 v5 got plain
