"""Guest tests of the network card: QEMU's e1000 on its restricted user
network (harness net=True), with tests/user/n_nic.c as process 1.

  card    the PCI list at boot and in /proc/bus/pci/devices, lspci,
          ifconfig (MAC from the EEPROM, UP RUNNING, the DHCP address),
          the interface ioctls, ARP and ping of the gateway 10.0.2.2
          (QEMU's slirp answers both), counters moving
  dup     netfault=dup:100: the fault injector's duplicates, counted
  none    a bad netfault= option is refused at boot, and faults stay
          off; without a card there is no eth0 and no 8086:100e
  link    the link taken down and up through QEMU's QMP (set_link):
          STATUS.LU, so IFF_RUNNING, off and on again

Results are named `nic: ...`; `tests/run.py -k nic` runs them.
"""
import json
import os
import re
import socket
import tempfile

from harness import Timeout, guest_session, require, run_test_program


def boot_lines(g, patterns):
    """What the kernel must have printed at boot: a line matching each
    regular expression."""
    def check():
        for pattern in patterns:
            require(re.search(pattern, g.output), "no %r at boot" % pattern)
    return check


def qmp_set_link(path, up):
    """The netdev's link up or down, through QEMU's machine protocol."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(10)
        s.connect(path)
        f = s.makefile("rw")
        f.readline()                    # the greeting
        for cmd in ({"execute": "qmp_capabilities"},
                    {"execute": "set_link",
                     "arguments": {"name": "n0", "up": up}}):
            f.write(json.dumps(cmd) + "\n")
            f.flush()
            reply = {}
            while not ("return" in reply or "error" in reply):
                reply = json.loads(f.readline())   # events come between
            require("return" in reply, "QMP: %s" % reply)


def link_state(results):
    prefix = "nic: link: "
    with tempfile.TemporaryDirectory() as tmp:
        qmp = os.path.join(tmp, "qmp")
        with guest_session("nic-link", timeout=60, net=True,
                           cmdline="init=/bin/tests/n_nic link",
                           extra=["-qmp", "unix:%s,server=on,wait=off"
                                  % qmp]) as g:
            try:
                for up in (False, True):
                    g.expect(r"link: waiting for %s" % ("up" if up else
                                                         "down"))
                    qmp_set_link(qmp, up)
                status = g.wait()
            except Timeout as e:
                status = str(e)
    results.parse_lines(g.output, prefix)
    results.check(prefix + "exits 0 and powers off",
                  lambda: require(status == 1, "QEMU: %s" % status))


def run(results):
    g = run_test_program(results, "nic", "n_nic", "nic: card: ", 120,
                         args="card", net=True)
    results.check("nic: card: the PCI list at boot names the e1000",
                  boot_lines(g, [r"pci 00:03\.0 8086:100e class 020000"]))
    g = run_test_program(results, "nic", "n_nic", "nic: dup: ", 120,
                         options="netfault=dup:100,seed:9 "
                         "ip=10.0.2.15/24:10.0.2.2", args="dup", net=True)
    results.check("nic: dup: netfault= accepted at boot",
                  boot_lines(g, [r"net: netfault drop 0% dup 100% "
                                 r"reorder 0% seed 9"]))
    link_state(results)
    g = run_test_program(results, "nic", "n_nic", "nic: none: ", 60,
                         options="netfault=drop:60,dup:50", args="none")
    results.check("nic: none: a bad netfault= is refused at boot",
                  boot_lines(g, [r"netfault=drop:60,dup:50\b.*not "
                                 r"understood"]))
