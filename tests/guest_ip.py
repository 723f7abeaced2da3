"""Guest tests of IPv4 with the card: QEMU's e1000 on its restricted user
network (restrict=on: nothing leaves the emulator). DHCP from QEMU's
server, ARP and ping of the gateway (tests/user/n_gateway.c), the ip=
option, the static fallback when DHCP gets no answer (netfault=
drops every frame), and IP fragments (sent by the host through a UDP
forward) put back together.

Results are named `ip: ...`; the guest-internal tests over 127.0.0.1
(t_inet, t_udp, t_ping) are in the proc group."""
import socket
import time

from harness import guest_session, require

ETH0 = r"net: eth0 52:54:00:12:34:56 "


def send_fragmented(port):
    """Datagrams larger than the card's MTU (QEMU fragments them on their
    way in), then a small one, to the guest's UDP port 7."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for data in (b"x" * 3000, b"y" * 6000, b"done"):
            s.sendto(data, ("127.0.0.1", port))
            time.sleep(0.2)             # keeps their order; no check


def gateway(results):
    """n_gateway's cases; the boot line says DHCP gave the address."""
    prefix = "ip: n_gateway: "
    with guest_session("ip-gateway", timeout=90, net=[(7, "udp")],
                       cmdline="init=/bin/tests/n_gateway") as g:
        try:
            g.expect(r"udp 7 ready")
            send_fragmented(g.ports[(7, "udp")])
            status, why = g.wait(), ""
        except Exception as e:          # a Timeout: reported below
            status, why = None, str(e)
    results.parse_lines(g.output, prefix)

    def dhcp_line():
        require(ETH0 + "10.0.2.15/24 via 10.0.2.2 (dhcp)" in g.output,
                "no DHCP boot line for eth0")

    def powered_off():
        require(status == 1, why or "QEMU exit status %s" % status)
        require("init exited with status 0" in g.output,
                "process 1's exit with status 0 was not reported")
    results.check("ip: DHCP gives 10.0.2.15/24 via 10.0.2.2", dhcp_line)
    results.check(prefix + "exits 0 and powers off", powered_off)


def boot_line(cmdline, line):
    with guest_session("ip-option", timeout=60, net=True,
                       cmdline=cmdline + " init=/bin/true") as g:
        g.expect(line)


def run(results):
    gateway(results)
    results.check(
        "ip: ip=10.0.2.15/24:10.0.2.2 sets the address without DHCP",
        lambda: boot_line(
            "ip=10.0.2.15/24:10.0.2.2",
            ETH0 + r"10\.0\.2\.15/24 via 10\.0\.2\.2 \(static\)"))
    results.check(
        "ip: no DHCP answer (every frame dropped): the static fallback",
        lambda: boot_line(
            "ip=bad netfault=drop:100,seed:1",
            r"net: ip=bad: not understood, using DHCP[\s\S]*" + ETH0 +
            r"10\.0\.2\.15/24 via 10\.0\.2\.2 "
            r"\(static: no DHCP answer\)[\s\S]*init: starting"))
