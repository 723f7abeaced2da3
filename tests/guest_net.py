"""TCP/IP seen from the host: Sprout's servers reached through QEMU's
user network (docs/net.md).

Two boots with an e1000 card on `-netdev user,restrict=on`: the guest
reaches nothing beyond the emulator, and each forward listens on a free
port of the host's 127.0.0.1 only (the harness's net= option). The host
side is Python's standard library and connects to 127.0.0.1 only.

The first boot starts, from its shell, the lecture's echo server
(TCP port 7), `echo-server -u` (UDP port 7) and httpd serving /bin (port
80); the host then
  - talks to the echo server through the forward,
  - runs 20 connections at once, each echoing 1 MiB, with checksums,
  - fetches /bin/sh from httpd and compares it byte for byte with the
    file the disk image was made from, and asks for a missing file,
  - sends a datagram through a UDP forward to `echo-server -u`, which
    shows it (its answer never reaches the host: QEMU's restrict=on
    drops every UDP datagram the guest sends, but for DHCP),
  - connects to a port nobody listens at (the guest answers RST, QEMU
    closes the host's connection) and resets a connection (the guest's
    end goes away),
  - compares the guest's free memory and its /proc/net tables after the
    runs with before them (after a first round has warmed the caches).
The second boot drops 10 % and reorders 5 % of the card's frames
(netfault=, seeded, so every run is the same) while the host fetches a
4 MiB file from httpd: Sprout's retransmission, fast retransmit and
timers do the recovering. The other way, QEMU's own TCP is the sender,
and its recovery takes a second or more per loss (minutes for 4 MiB):
256 KiB go that way, for Sprout's out-of-order queue and duplicate ACKs.

Each check has a generous time limit; none measures speed.
"""
import hashlib
import os
import random
import re
import socket
import threading
import time

from harness import BUILD, Timeout, guest_session, require
from guest_shell import PS1, Session

CONNECTIONS = 20
MIB = 1 << 20
LOSSY = "netfault=drop:10,reorder:5,seed:12"
UPLOAD_KIB = 256


def run_in(s, command, timeout=60):
    """Type a one-line command at the guest's shell; its output, without
    \r, once the prompt is back (within timeout seconds)."""
    start = s.type_line(command).end()
    s.g.deadline = time.monotonic() + timeout
    end = s.g.expect(re.escape(PS1))
    return s.g.output[start:end.start()].replace("\r", "")


def start_servers(s):
    run_in(s, "cd /tmp")
    for server, port, proto in [("echo-server 7", 7, "t"),
                                ("echo-server -u 7", 7, "u"),
                                ("httpd -p 80 /bin", 80, "t")]:
        out = "udp.out" if proto == "u" else "/dev/null"
        run_in(s, "(%s > %s < /dev/null &)" % (server, out))
        run_in(s, "until netstat -%sln | grep -q ':%d '; do :; done"
               % (proto, port))


def connect(port, timeout=60):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.settimeout(timeout)
    return sock


def echo(sock, data, timeout=120):
    """data through the echo server on a connected socket; what came
    back."""
    got = []

    def send():
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        got.append(chunk)
    sender.join(timeout)
    sock.close()
    return b"".join(got)


def echo_small(port):
    data = b"hello from the host\n"
    got = echo(connect(port), data)
    require(got == data, "sent %r, got %r" % (data, got))


def open_echo(port):
    """A connection the echo server has answered on. QEMU listens for
    each forward with a backlog of 1: connections opened all at once
    would overflow it on the host, so each is opened, and used once,
    before the next."""
    sock = connect(port)
    sock.sendall(b"!")
    require(sock.recv(1) == b"!", "no echo of the first byte")
    return sock


def echo_many(port, size):
    """CONNECTIONS echoes at once, each of size bytes of its own."""
    errors = []
    socks = [open_echo(port) for i in range(CONNECTIONS)]

    def one(i):
        data = random.Random(i).randbytes(size)
        try:
            got = echo(socks[i], data)
            if hashlib.sha256(got).digest() != hashlib.sha256(data).digest():
                errors.append("connection %d: %d bytes back, checksum differs"
                              % (i, len(got)))
        except OSError as e:
            errors.append("connection %d: %s" % (i, e))
    threads = [threading.Thread(target=one, args=(i,), daemon=True)
               for i in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    require(not errors, "; ".join(errors[:3]))


def http_get(port, path):
    """(status line, headers dict, body) of GET path over HTTP/1.0."""
    sock = connect(port)
    sock.sendall(b"GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" % path.encode())
    answer = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
    sock.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return lines[0], headers, body


def httpd_file(port):
    # The disk's copy, which goes there without debug sections.
    with open(os.path.join(BUILD, "root", "bin", "sh"), "rb") as f:
        want = f.read()
    status, headers, body = http_get(port, "/sh")
    require(status == "HTTP/1.0 200 OK", status)
    require(headers.get("Content-Length") == str(len(want)),
            "Content-Length %s, file %d" % (headers.get("Content-Length"),
                                            len(want)))
    require(body == want, "%d bytes, not the file's %d (or they differ)"
            % (len(body), len(want)))
    status, _, _ = http_get(port, "/no-such-file")
    require(status == "HTTP/1.0 404 Not Found", status)


def udp_in(s, port):
    """A datagram through the forward reaches the guest's UDP server."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.sendto(b"a datagram from the host\n", ("127.0.0.1", port))
    sock.close()
    run_in(s, "until grep -q 'from the host' udp.out; do sleep 1; done")


def refused(port):
    """Nobody listens at the guest's port: its RST makes QEMU close the
    connection it had accepted for the guest."""
    sock = connect(port, timeout=30)
    try:
        sock.sendall(b"anyone there?\n")
        got = sock.recv(100)
    except (ConnectionResetError, BrokenPipeError):
        got = b""
    finally:
        sock.close()
    require(got == b"", "got %r from a port nobody listens at" % got)


def reset(s, port):
    """A connection the host resets (SO_LINGER 0: close sends RST): the
    guest's end, and the echo server's child, go away."""
    sock = connect(port)
    sock.sendall(b"x")
    require(sock.recv(1) == b"x", "no echo before the reset")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                    b"\x01\x00\x00\x00\x00\x00\x00\x00")
    sock.close()
    only_listeners(s)


def only_listeners(s):
    """Wait until the guest's /proc/net/tcp has listening sockets only
    (TIME_WAIT lasts 2 s in Sprout)."""
    run_in(s, "while grep -v ' 0A ' /proc/net/tcp | grep -q ':'; do "
           "sleep 1; done", timeout=60)


def snapshot(s):
    """What must come back after the runs: free memory (with the page
    cache, which grows as files are read) and the socket tables."""
    only_listeners(s)
    out = run_in(s, "cat /proc/meminfo /proc/net/tcp /proc/net/udp "
                 "/proc/net/sockstat")
    free = sum(int(n) for n in
               re.findall(r"^(?:MemFree|Cached):\s+(\d+) kB", out, re.M))
    tables = re.sub(r"^\s*\d+: ", "", "\n".join(
        line for line in out.splitlines() if ":" in line and
        "kB" not in line), flags=re.M)
    return free, tables


def first_boot(results):
    with guest_session("net", timeout=300, cmdline="",
                       net=[(7, "tcp"), (80, "tcp"), (9, "tcp"),
                            (7, "udp")]) as g:
        ports = g.ports
        s = Session(g)
        try:
            s.expect(r"\$ ")
            s.set_prompts()
            start_servers(s)
        except Timeout as e:
            results.record("hostnet: the guest starts its servers", False,
                           str(e))
            return
        tcp7, http, tcp9, udp7 = (ports[(7, "tcp")], ports[(80, "tcp")],
                                  ports[(9, "tcp")], ports[(7, "udp")])
        results.check("hostnet: host -> guest echo server through the forward",
                      lambda: echo_small(tcp7))
        # a first round warms what stays allocated (caches, ARP entry)
        results.step("hostnet: a first round of echoes and a page",
                     lambda: (echo_many(tcp7, 64 << 10), httpd_file(http)))
        before = snapshot(s)
        results.check("hostnet: %d connections at once, 1 MiB each, checksums"
                      % CONNECTIONS, lambda: echo_many(tcp7, MIB))
        results.check("hostnet: httpd's /bin/sh fetched from the host is "
                      "byte-exact; a missing file is 404",
                      lambda: httpd_file(http))
        results.check("hostnet: a datagram through a UDP forward reaches "
                      "the guest's UDP server", lambda: udp_in(s, udp7))
        results.check("hostnet: a port nobody listens at: the connection is "
                      "closed", lambda: refused(tcp9))
        results.check("hostnet: the host resets a connection: the guest's end "
                      "goes away", lambda: reset(s, tcp7))

        def no_leak():
            after = snapshot(s)
            require(after[1] == before[1], "socket tables before:\n%s\n"
                    "after:\n%s" % (before[1], after[1]))
            require(after[0] == before[0], "free memory %d kB before, %d kB "
                    "after" % (before[0], after[0]))
        results.check("hostnet: after the runs, memory and sockets are as "
                      "before", no_leak)


def lossy_boot(results):
    """The file is `seq 1 700000` cut at 4 MiB, made in the guest: the
    host knows what it must get without sending it first."""
    with guest_session("net-lossy", timeout=300, cmdline=LOSSY,
                       net=[(80, "tcp"), (9, "tcp")]) as g:
        s = Session(g)

        def transfer():
            s.expect(r"\$ ")
            s.set_prompts()
            run_in(s, "cd /tmp; seq 1 700000 | head -c %d > big; "
                   "(httpd -p 80 > /dev/null < /dev/null &)" % (4 * MIB),
                   timeout=120)
            run_in(s, "until netstat -tln | grep -q ':80 '; do :; done")
            want = "".join("%d\n" % i for i in range(1, 700001)).encode()
            status, _, body = http_get(g.ports[(80, "tcp")], "/big")
            require(status == "HTTP/1.0 200 OK", status)
            require(body == want[:4 * MIB], "%d bytes, not the file's %d (or "
                    "they differ)" % (len(body), 4 * MIB))
            faults = run_in(s, "cat /proc/net/netfault")
            m = re.search(r"eth0 dropped (\d+) duplicated \d+ reordered (\d+)",
                          faults)
            require(m and int(m.group(1)) > 0 and int(m.group(2)) > 0,
                    "no frames dropped and reordered: %r" % faults)
        results.check("hostnet: 10%% loss and 5%% reordering (%s): 4 MiB "
                      "from httpd reach the host byte-exact" % LOSSY,
                      transfer)

        def upload():
            """The other way QEMU's own TCP is the sender, which waits
            a second or more for each loss it cannot fast-retransmit:
            256 KiB take about 20 s, so the run is kept this small."""
            size = UPLOAD_KIB << 10
            run_in(s, "seq 1 50000 | head -c %d > want; "
                   "((nc -l -p 9 > got < /dev/null; touch got.done) &)"
                   % size)
            run_in(s, "until netstat -tln | grep -q ':9 '; do :; done")
            data = "".join("%d\n" % i for i in range(1, 50001)).encode()
            sock = connect(g.ports[(9, "tcp")], timeout=240)
            sock.sendall(data[:size])
            sock.shutdown(socket.SHUT_WR)
            sock.recv(1)                # the guest's end of file
            sock.close()
            out = run_in(s, "until [ -f got.done ]; do sleep 1; done; "
                         "diff got want > /dev/null && echo same",
                         timeout=240)
            require(out.strip().endswith("same"), out.strip())
        results.check("hostnet: 10%% loss, the other way: %d KiB from the "
                      "host reach the guest byte-exact" % UPLOAD_KIB, upload)


def picked(results, prefix):
    """As run_test_programs: boot if -k could match a name here."""
    return results.wanted(prefix) or results.pattern.startswith(prefix)


def run(results):
    if picked(results, "hostnet: "):
        first_boot(results)
    if picked(results, "hostnet: 10%"):
        lossy_boot(results)
