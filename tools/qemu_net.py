#!/usr/bin/env python3
"""QEMU's network card for Sprout, and only this one: an e1000 on QEMU's
user-mode network ("slirp") with restrict=on, so the guest reaches
nothing beyond the emulator; host ports forwarded to the guest bind
127.0.0.1 only.

  -netdev user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:HOST-:GUEST...
  -device e1000,netdev=n0,romfile=          (no boot ROM: faster boots)
  -object filter-dump,id=d0,netdev=n0,file=F.pcap    (PCAP=F.pcap)

make run NET=1 runs this script for its QEMU arguments; HOSTFWD="8080:80
udp:7777:7" picks the host ports (default: a free one for guest port 7
and one for 80); each forward is printed. tests/harness.py uses the
functions (the net= option of a test boot).
"""
import argparse
import socket
import sys


def free_port(proto="tcp"):
    """A port on 127.0.0.1 nobody uses now: bind port 0, ask, close."""
    kind = socket.SOCK_DGRAM if proto == "udp" else socket.SOCK_STREAM
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def netdev_args(forwards, pcap=None):
    """QEMU's arguments for the card; forwards maps (guest_port, proto)
    to the host port."""
    netdev = "user,id=n0,restrict=on" + "".join(
        ",hostfwd=%s:127.0.0.1:%d-:%d" % (proto, host, guest)
        for (guest, proto), host in sorted(forwards.items()))
    args = ["-netdev", netdev, "-device", "e1000,netdev=n0,romfile="]
    if pcap:
        args += ["-object", "filter-dump,id=d0,netdev=n0,file=%s" % pcap]
    return args


def parse_hostfwd(text):
    """ "8080:80 udp:7777:7" -> {(80, "tcp"): 8080, (7, "udp"): 7777}"""
    forwards = {}
    for pair in text.split():
        parts = pair.split(":")
        proto = parts.pop(0) if parts[0] in ("tcp", "udp") else "tcp"
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            sys.exit("qemu_net: %r: want HOSTPORT:GUESTPORT" % pair)
        forwards[(int(parts[1]), proto)] = int(parts[0])
    return forwards


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hostfwd", default="")
    ap.add_argument("--pcap")
    args = ap.parse_args()
    forwards = parse_hostfwd(args.hostfwd) if args.hostfwd else {
        (7, "tcp"): free_port(), (80, "tcp"): free_port()}
    for (guest, proto), host in sorted(forwards.items()):
        print("net: %s 127.0.0.1:%d on the host -> port %d in Sprout"
              % (proto, host, guest), file=sys.stderr)
    if args.pcap:
        print("net: capturing the card's frames into %s" % args.pcap,
              file=sys.stderr)
    print(" ".join(netdev_args(forwards, args.pcap)))


if __name__ == "__main__":
    main()
