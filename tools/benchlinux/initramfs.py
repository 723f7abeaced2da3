"""The initramfs `make bench-linux` boots Linux with: a cpio archive in
the "newc" format, written here so that device nodes need no root.

    cpio = Cpio()
    cpio.directory("dev")
    cpio.node("dev/console", stat.S_IFCHR, 5, 1)
    cpio.file("init", data, 0o755)
    archive = cpio.finish()

Each entry is a 110-byte header of "070701" and thirteen 8-digit hex
numbers, the name (with its NUL), padding to 4 bytes, the data, padding
to 4 bytes; an entry named TRAILER!!! ends the archive. The kernel
unpacks it into its first root file system and runs /init.
"""
import lzma
import os
import stat

_FIELDS = ("ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
           "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize",
           "check")


def _pad4(data):
    return data + b"\0" * (-len(data) % 4)


class Cpio:
    """A newc archive built in memory; every entry owned by root."""

    def __init__(self):
        self.out = bytearray()
        self.ino = 0

    def _entry(self, name, mode, data=b"", nlink=1, rdev=(0, 0)):
        self.ino += 1
        name = name.encode() + b"\0"
        values = dict.fromkeys(_FIELDS, 0)
        values.update(ino=self.ino, mode=mode, nlink=nlink,
                      filesize=len(data), rdevmajor=rdev[0],
                      rdevminor=rdev[1], namesize=len(name))
        header = b"070701" + b"".join(b"%08X" % values[f] for f in _FIELDS)
        self.out += _pad4(header + name) + _pad4(data)

    def directory(self, name, perm=0o755):
        self._entry(name, stat.S_IFDIR | perm, nlink=2)

    def file(self, name, data, perm=0o644):
        self._entry(name, stat.S_IFREG | perm, data)

    def node(self, name, kind, major, minor, perm=0o600):
        """A device node: kind is stat.S_IFCHR or stat.S_IFBLK."""
        self._entry(name, kind | perm, rdev=(major, minor))

    def finish(self):
        self._entry("TRAILER!!!", 0)
        return bytes(self.out)


def modinfo(data):
    """A module's .modinfo section as {key: [values]} ("depends",
    "softdep", ...): NUL-separated key=value strings in the ELF file."""
    if data[:4] != b"\x7fELF" or data[4] != 1:
        raise ValueError("not a 32-bit ELF module")
    shoff = int.from_bytes(data[0x20:0x24], "little")
    shentsize, shnum, shstrndx = (int.from_bytes(data[o:o + 2], "little")
                                  for o in (0x2e, 0x30, 0x32))

    def section(i):
        h = data[shoff + i * shentsize:shoff + (i + 1) * shentsize]
        return [int.from_bytes(h[o:o + 4], "little") for o in (0, 16, 20)]

    names = section(shstrndx)
    for i in range(shnum):
        name_at, offset, size = section(i)
        start = names[1] + name_at
        if data[start:data.index(b"\0", start)] == b".modinfo":
            info = {}
            for item in data[offset:offset + size].split(b"\0"):
                key, _, value = item.decode(errors="replace").partition("=")
                if key:
                    info.setdefault(key, []).append(value)
            return info
    return {}


def module_files(moddir):
    """{module name: path} for every .ko (or .ko.xz) under moddir; names
    with "-" are spelt with "_", as the kernel does."""
    found = {}
    for top, _, files in os.walk(moddir):
        for f in files:
            if f.endswith((".ko", ".ko.xz")):
                found[f.split(".ko")[0].replace("-", "_")] = \
                    os.path.join(top, f)
    return found


def read_module(path):
    with open(path, "rb") as f:
        data = f.read()
    return lzma.decompress(data) if path.endswith(".xz") else data


def load_order(wanted, files):
    """The modules to load for `wanted`, each after its dependencies
    (the "depends=" of its .modinfo, and softdep's "pre:" ones that
    exist), as (name, contents) pairs."""
    order, seen = [], set()

    def visit(name):
        if name in seen or name not in files:
            return
        seen.add(name)
        data = read_module(files[name])
        info = modinfo(data)
        deps = [d.replace("-", "_") for v in info.get("depends", [])
                for d in v.split(",") if d]
        for soft in info.get("softdep", []):
            words = soft.split()
            if words[:1] == ["pre:"]:
                deps += [w.replace("-", "_") for w in words[1:]]
        for d in deps:
            visit(d)
        order.append((name, data))

    for name in wanted:
        if name not in files:
            raise SystemExit("initramfs: no module %s in the package" % name)
        visit(name)
    return order


def build(init, modules):
    """The archive: /init, /dev's nodes, /mnt for the disk,
    /modules/NAME.ko and /modules/order."""
    cpio = Cpio()
    for d in ("dev", "mnt", "proc", "modules"):
        cpio.directory(d)
    cpio.node("dev/console", stat.S_IFCHR, 5, 1)
    cpio.node("dev/null", stat.S_IFCHR, 1, 3, 0o666)
    cpio.node("dev/sda", stat.S_IFBLK, 8, 0)
    cpio.file("init", init, 0o755)
    for name, data in modules:
        cpio.file("modules/%s.ko" % name, data)
    cpio.file("modules/order",
              "".join("%s.ko\n" % name for name, _ in modules).encode())
    return cpio.finish()
