#!/usr/bin/env python3
"""Read a capture of Sprout's card (make run NET=1 PCAP=file.pcap) one
line per frame, as tcpdump -n would, without tcpdump: Python's standard
library only.

  tools/pcap.py file.pcap            every frame
  tools/pcap.py file.pcap 7          frames to or from port 7 only

A pcap file is a 24-byte header, then per frame a 16-byte record header
(seconds, microseconds, captured length, length) and the frame: here an
Ethernet header, then ARP or IPv4 with ICMP, UDP or TCP inside.
"""
import struct
import sys

TCP_FLAGS = "FSRPAU"            # bit 0 FIN, 1 SYN, 2 RST, 3 PSH, 4 ACK, 5 URG


def ip_text(raw):
    return ".".join(str(b) for b in raw)


def tcp_line(src, dst, seg):
    sport, dport, seq, ack, off, flags, win = struct.unpack("!HHIIBBH",
                                                            seg[:16])
    names = "".join(TCP_FLAGS[i] for i in range(6) if flags & (1 << i))
    data = len(seg) - (off >> 4) * 4
    opts = seg[20:(off >> 4) * 4]
    mss = ""
    if len(opts) >= 4 and opts[0] == 2:        # kind 2: maximum segment size
        mss = " mss %d" % struct.unpack("!H", opts[2:4])[0]
    return ("%s:%d > %s:%d [%s] seq %d ack %d win %d%s len %d"
            % (src, sport, dst, dport, names, seq, ack, win, mss, data),
            (sport, dport))


def frame_line(frame):
    """(text, ports) for one Ethernet frame."""
    ethertype = struct.unpack("!H", frame[12:14])[0]
    if ethertype == 0x0806:
        op = struct.unpack("!H", frame[20:22])[0]
        sender, target = ip_text(frame[28:32]), ip_text(frame[38:42])
        return ("ARP who-has %s tell %s" % (target, sender) if op == 1 else
                "ARP %s is-at %s" % (sender, frame[22:28].hex(":"))), ()
    if ethertype != 0x0800:
        return "ethertype %#06x" % ethertype, ()
    ip = frame[14:]
    ihl = (ip[0] & 15) * 4
    total, proto, ttl = struct.unpack("!H", ip[2:4])[0], ip[9], ip[8]
    src, dst, body = ip_text(ip[12:16]), ip_text(ip[16:20]), ip[ihl:total]
    if proto == 6:
        return tcp_line(src, dst, body)
    if proto == 17:
        sport, dport = struct.unpack("!HH", body[:4])
        return ("%s:%d > %s:%d UDP len %d" % (src, sport, dst, dport,
                                              len(body) - 8), (sport, dport))
    if proto == 1:
        return ("%s > %s ICMP type %d code %d ttl %d"
                % (src, dst, body[0], body[1], ttl)), ()
    return "%s > %s protocol %d" % (src, dst, proto), ()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: tools/pcap.py file.pcap [port]")
    port = int(sys.argv[2]) if len(sys.argv) == 3 else None
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    if data[:4] != b"\xd4\xc3\xb2\xa1":
        sys.exit("%s: not a little-endian pcap file" % sys.argv[1])
    pos, start = 24, None
    while pos + 16 <= len(data):
        sec, usec, caplen, _ = struct.unpack("<IIII", data[pos:pos + 16])
        frame = data[pos + 16:pos + 16 + caplen]
        pos += 16 + caplen
        t = sec + usec / 1e6
        start = t if start is None else start
        text, ports = frame_line(frame)
        if port is None or port in ports:
            print("%10.6f %s" % (t - start, text))


if __name__ == "__main__":
    main()
