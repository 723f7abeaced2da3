# TCP and UDP inside one Sprout over the loopback interface, 127.0.0.1
# (docs/net.md): the lecture's echo server and client, nc, httpd and
# wget, netstat, ping. Servers run in a subshell's background with their
# pids kept, as in sockets.t; a TCP server is ready when an empty
# session with it succeeds.
$ (echo-server 12000 > served < /dev/null & echo $! > server.pid)
$ until nc 127.0.0.1 12000 < /dev/null 2> /dev/null; do :; done
$ echo hi | nc 127.0.0.1 12000
hi
$ printf 'one\ntwo\n' | echo-client localhost 12000
one
two
$ cat served
hi
one
two
$ netstat -tln
Active Internet connections (only servers)
Proto Recv-Q Send-Q Local Address           Foreign Address         State
tcp        0      0 0.0.0.0:12000           0.0.0.0:*               LISTEN
$ netstat -tl
Active Internet connections (only servers)
Proto Recv-Q Send-Q Local Address           Foreign Address         State
tcp        0      0 *:12000                 *:*                     LISTEN
# A port in use; once the server is gone, nobody answers.
$ echo-server 12000; echo $?
echo-server: 12000: Address already in use
1
$ kill $(cat server.pid); while nc 127.0.0.1 12000 < /dev/null 2> /dev/null; do :; done
$ nc 127.0.0.1 12000; echo $?
nc: 127.0.0.1 port 12000: Connection refused
1
# nc on both ends, TCP: the listener prints what the client sends.
$ (nc -l -p 12002 > got < /dev/null & echo $! > nc.pid)
$ until netstat -tln | grep -q :12002; do :; done
$ echo 'over tcp' | nc 127.0.0.1 12002
$ while kill -0 $(cat nc.pid) 2> /dev/null; do :; done; cat got
over tcp
# UDP: the echo server answers each datagram; nc -w waits for it.
$ (echo-server -u 12001 > /dev/null < /dev/null & echo $! > udp.pid)
$ until netstat -uln | grep -q :12001; do :; done
$ echo dgram | nc -u -w 2 127.0.0.1 12001
dgram
$ netstat -uln
Active Internet connections (only servers)
Proto Recv-Q Send-Q Local Address           Foreign Address         State
udp        0      0 0.0.0.0:12001           0.0.0.0:*
$ kill $(cat udp.pid)
# httpd and wget: a page, a larger file byte for byte, errors.
$ mkdir www www/sub; echo '<p>hello</p>' > www/index.html; seq 1 20000 > www/big.txt
$ (httpd -p 12080 www > log < /dev/null & echo $! > httpd.pid)
$ until nc 127.0.0.1 12080 < /dev/null > /dev/null 2>&1; do :; done
$ wget -q http://127.0.0.1:12080/; cat index.html
<p>hello</p>
$ wget -O copy.txt http://localhost:12080/big.txt; diff www/big.txt copy.txt && echo same
'copy.txt' saved [108894]
same
$ cksum www/big.txt copy.txt
3231941463 108894 www/big.txt
3231941463 108894 copy.txt
$ wget http://127.0.0.1:12080/nope; echo $?
wget: http://127.0.0.1:12080/nope: 404 Not Found
8
$ wget -O - http://127.0.0.1:12080/sub/; echo $?
wget: http://127.0.0.1:12080/sub/: 404 Not Found
8
$ printf 'GET /../served HTTP/1.0\r\n\r\n' | nc 127.0.0.1 12080 | tr -d '\r'
HTTP/1.0 403 Forbidden
Server: sprout-httpd
Content-Type: text/html
Content-Length: 23
Connection: close

<h1>403 Forbidden</h1>
$ printf 'HEAD /big.txt HTTP/1.0\r\n\r\n' | nc 127.0.0.1 12080 | tr -d '\r'
HTTP/1.0 200 OK
Server: sprout-httpd
Content-Type: text/plain
Content-Length: 108894
Connection: close

$ printf 'nonsense\r\n\r\n' | nc 127.0.0.1 12080 | head -1 | tr -d '\r'
HTTP/1.0 400 Bad Request
# kill only sends SIGTERM: wait until httpd has exited (a zombie or gone,
# its listening socket closed) before asking for a refused connection.
$ kill $(cat httpd.pid); while [ -e /proc/$(cat httpd.pid) ] && ! grep -q ') Z ' /proc/$(cat httpd.pid)/stat 2>/dev/null; do sleep 0.1; done
$ grep -v '"- -"' log
127.0.0.1 "GET /" 200
127.0.0.1 "GET /big.txt" 200
127.0.0.1 "GET /nope" 404
127.0.0.1 "GET /sub/" 404
127.0.0.1 "GET /../served" 403
127.0.0.1 "HEAD /big.txt" 200
127.0.0.1 "nonsense -" 400
$ wget http://127.0.0.1:12080/; echo $?
wget: 127.0.0.1 port 12080: Connection refused
1
$ wget ftp://x/; echo $?
wget: ftp://x/: not an http://host[:port]/path URL
1
# ping: the kernel answers ICMP echo requests to its own address.
$ ping -c 2 -i 0.2 127.0.0.1
PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 time=\d+\.\d{3} ms (re)
64 bytes from 127.0.0.1: icmp_seq=2 time=\d+\.\d{3} ms (re)

--- 127.0.0.1 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time \d+ms (re)
rtt min/avg/max/mdev = \d+\.\d{3}/\d+\.\d{3}/\d+\.\d{3}/\d+\.\d{3} ms (re)
$ ping nosuchhost; echo $?
ping: nosuchhost: Name or service not known
2
