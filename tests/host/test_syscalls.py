#!/usr/bin/env python3
"""Checks of the system-call table, kernel/include/uapi/sprout/syscalls.h,
made with the cross compiler. Run by build/host/test_syscalls, which
tests/host/host.mk writes with the build's flags in the environment; it
prints `ok <case>` or `FAIL <case> -- <why>` like the other host tests.

  - every kernel file defining a handler includes include/syscall.h, so
    the compiler compares each handler with its table line;
  - a handler whose parameters differ from its line does not compile;
  - a table line with no handler does not link;
  - every C library wrapper (the table's, and the hand-written ones in
    libc/*.c) is declared in the header POSIX names for it, and the libc
    headers leave none of the table's macros behind.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLE = "kernel/include/uapi/sprout/syscalls.h"
ENV = os.environ

# Where POSIX (or glibc, for Linux's own calls) declares each wrapper.
POSIX_HEADER = {}
for header, names in {
    "unistd.h": "fork read write close link unlink execve chdir lseek getpid "
                "getuid access sync rmdir dup getgid geteuid getegid dup2 "
                "getppid truncate ftruncate fsync fchdir _exit brk sbrk "
                "getcwd lseek64 truncate64 ftruncate64 syscall setpgid getpgid "
                "getpgrp setsid getsid tcgetpgrp tcsetpgrp pipe pipe2 alarm "
                "pause symlink readlink pread pwrite chown lchown fchown "
                "sysconf nice gettid dup3 faccessat fchownat fdatasync linkat "
                "readlinkat symlinkat syncfs unlinkat "
                "setuid setgid seteuid setegid setreuid setregid setresuid "
                "setresgid getresuid getresgid getgroups getentropy",
    "fcntl.h": "open creat fcntl openat posix_fadvise",
    "stdio.h": "rename renameat renameat2",
    "time.h": "time nanosleep clock_gettime clock_getres clock",
    "sched.h": "sched_yield sched_getscheduler sched_setscheduler "
               "sched_getparam sched_setparam sched_get_priority_max "
               "sched_get_priority_min sched_rr_get_interval "
               "sched_getaffinity sched_setaffinity getcpu sched_getcpu",
    "sys/random.h": "getrandom",
    "sys/personality.h": "personality",
    "grp.h": "setgroups",
    "signal.h": "kill tgkill sigaltstack sigaction sigprocmask sigpending "
                "sigsuspend",
    "dirent.h": "getdents64",
    "sys/stat.h": "mknod mkdir umask stat lstat fstat stat64 lstat64 fstat64 "
                  "mkfifo chmod fchmod utimensat futimens fstatat fstatat64 "
                  "fchmodat mkdirat mknodat statx mkfifoat",
    "sys/sendfile.h": "sendfile",
    "sys/wait.h": "waitpid wait4",
    "sys/time.h": "gettimeofday setitimer getitimer utimes",
    "sys/times.h": "times",
    "sys/resource.h": "getrusage getpriority setpriority getrlimit setrlimit "
                      "prlimit",
    "sys/statfs.h": "statfs fstatfs",
    "sys/statvfs.h": "statvfs fstatvfs",
    "utime.h": "utime",
    "sys/ioctl.h": "ioctl",
    "sys/sysinfo.h": "sysinfo",
    "sys/utsname.h": "uname",
    "sys/mman.h": "mprotect mmap munmap mremap msync madvise",
    "pthread.h": "pthread_create pthread_join pthread_exit pthread_kill "
                 "pthread_sigmask pthread_cond_broadcast",
    "semaphore.h": "sem_post sem_timedwait",
    "sys/uio.h": "readv writev",
    "sys/reboot.h": "reboot",
    "sys/mount.h": "mount umount2 umount",
    "poll.h": "poll ppoll",
    "sys/select.h": "select pselect",
    "sys/socket.h": "socket socketpair bind connect listen accept accept4 "
                    "getsockopt setsockopt getsockname getpeername send "
                    "sendto sendmsg recv recvfrom recvmsg shutdown",
}.items():
    for name in names.split():
        POSIX_HEADER[name] = header

failed = False


def report(case, why):
    global failed
    if why:
        failed = True
        print("FAIL %s -- %s" % (case, why))
    else:
        print("ok %s" % case)


def run(cmd, stdin=None):
    """Run cmd from the top folder; (succeeded, everything it printed)."""
    p = subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True,
                       text=True, env=dict(ENV, LC_ALL="C"))
    return p.returncode == 0, p.stdout + p.stderr


def table_lines():
    """(name, libc column) of every line, read by the preprocessor."""
    ok, out = run([ENV["CC"], "-E", "-P", "-Ikernel/include/uapi", "-x", "c",
                   "-"], "#define SYSCALL(nr, name, libc, ...) @name libc\n"
                   "#include <sprout/syscalls.h>\n")
    if not ok:
        raise SystemExit("FAIL syscalls: the table preprocesses -- " + out)
    return re.findall(r"@(\w+) (\w+)", out)


def kernel_cc(src, out, extra=()):
    return run([ENV["CC"]] + list(extra) + ENV["KCFLAGS"].split() +
               ["-c", src, "-o", out])


def handler_files_include_prototypes():
    missing = []
    for path in sorted(glob.glob(os.path.join(ROOT, "kernel/*/*.c"))):
        text = open(path).read()
        if (re.search(r"^long sys_\w+\(", text, re.M) and
                '#include "include/syscall.h"' not in text):
            missing.append(os.path.relpath(path, ROOT))
    return "no include/syscall.h in " + ", ".join(missing) if missing else ""


def mismatched_handler_fails(tmp):
    src = os.path.join(tmp, "handler.c")
    obj = os.path.join(tmp, "handler.o")
    for params, want_ok in (("int fd", True), ("int fd, int extra", False)):
        with open(src, "w") as f:
            f.write('#include "include/syscall.h"\n'
                    "long sys_close(%s) { return fd; }\n" % params)
        ok, out = kernel_cc(src, obj)
        if ok != want_ok:
            return "sys_close(%s): %s" % (params, out.strip() or "compiled")
        if not ok and "conflicting types for 'sys_close'" not in out:
            return "unexpected error: " + out
    return ""


def missing_handler_fails(tmp):
    """Link the kernel with entry/syscall.c built from the real table, then
    from one with an extra line: the first links, the second must not."""
    uapi = os.path.join(tmp, "uapi", "sprout")
    os.makedirs(uapi)
    lines = open(os.path.join(ROOT, TABLE)).read().split("\n")
    last = max(i for i, l in enumerate(lines) if l.startswith("SYSCALL"))
    bogus = "SYSCALL0(299, no_such_call, 0, int)"
    objs = [o for o in ENV["KOBJS"].split()
            if not o.endswith("/entry/syscall.o")]
    ksyms = os.path.join(ENV["B"], "ksyms0.o")
    for extra, want_ok in (([], True), ([bogus], False)):
        with open(os.path.join(uapi, "syscalls.h"), "w") as f:
            f.write("\n".join(lines[:last + 1] + extra + lines[last + 1:]))
        obj = os.path.join(tmp, "syscall.o")
        ok, out = kernel_cc("kernel/entry/syscall.c", obj,
                            ["-I" + os.path.dirname(uapi)])
        if not ok:
            return "kernel/entry/syscall.c did not compile: " + out
        ok, out = run([ENV["LD"]] + ENV["KLDFLAGS"].split() +
                      ["-o", os.path.join(tmp, "kernel.elf")] + objs +
                      [obj, ksyms, ENV["LIBGCC"]])
        if ok != want_ok:
            return "table%s: %s" % (" + " + bogus if extra else "",
                                    out.strip() or "linked")
        if not ok and "undefined reference to `sys_no_such_call'" not in out:
            return "unexpected link error: " + out
    return ""


def hand_written_wrappers():
    """Functions in libc/*.c that make a system call through __sys_*:
    the public ones (a static function, or a name of the C library's own,
    __futex_wait or __libc_start_main, is nobody's API)."""
    names = set()
    for path in glob.glob(os.path.join(ROOT, "libc/*.c")):
        text = open(path).read()
        for m in re.finditer(r"^\w[^;{}]*?\b(\w+)\([^;{}]*\)\n\{(.*?)^\}",
                             text, re.M | re.S):
            public = not (m.group(0).startswith("static") or
                          m.group(1).startswith("__"))
            if public and "__sys_" in m.group(2):
                names.add(m.group(1))
    return names


def wrappers_in_posix_headers(tmp):
    wrappers = {name for name, libc in table_lines() if libc != "0"}
    wrappers |= hand_written_wrappers() | {"syscall"}
    unknown = sorted(wrappers - set(POSIX_HEADER))
    if unknown:
        return "the test knows no header for " + ", ".join(unknown)
    src = os.path.join(tmp, "header.c")
    problems = []
    for header in sorted(set(POSIX_HEADER[w] for w in wrappers)):
        names = sorted(w for w in wrappers if POSIX_HEADER[w] == header)
        with open(src, "w") as f:
            f.write("#include <%s>\n" % header)
            f.write("#if defined(SYSCALL) || defined(SYSCALL0) || "
                    "defined(SYSCALL_MAP) || defined(SYSCALL_PARAMS)\n"
                    "#error the table's macros outlive the header\n#endif\n")
            f.write("void *wrappers[] = {\n%s};\n" %
                    "".join("\t(void *)%s,\n" % n for n in names))
        ok, out = run([ENV["CC"]] + ENV["LIBC_CFLAGS"].split() +
                      ["-fsyntax-only", src])
        if not ok:
            problems.append("<%s>: %s" % (header, " ".join(
                re.findall(r"error: (.*)", out)) or out))
    return "; ".join(problems)


def main():
    report("syscalls: every file defining a handler includes "
           "include/syscall.h", handler_files_include_prototypes())
    with tempfile.TemporaryDirectory(prefix="sprout-syscalls-") as tmp:
        report("syscalls: a handler whose parameters differ from its table "
               "line does not compile", mismatched_handler_fails(tmp))
    with tempfile.TemporaryDirectory(prefix="sprout-syscalls-") as tmp:
        report("syscalls: a table line with no handler does not link",
               missing_handler_fails(tmp))
    with tempfile.TemporaryDirectory(prefix="sprout-syscalls-") as tmp:
        report("syscalls: every libc wrapper is declared in its POSIX header",
               wrappers_in_posix_headers(tmp))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
