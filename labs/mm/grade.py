#!/usr/bin/env python3
"""The mm lab's grader: System V shared memory (docs/labs/04-mm.md).

One boot runs the two test programs; each check below passes when all
of its cases printed "ok <case>".
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gradelib import test, run, krun, check_lines  # noqa: E402


def output():
    status, out = krun("/labs/shm_test; /labs/shm_fork")
    return out


def check(*cases):
    out = output()
    for case in cases:
        check_lines(out, case)


@test(5, "shmget makes a segment of the size asked for")
def t_shmget():
    check("shmget IPC_PRIVATE", "IPC_STAT size and mode")


@test(10, "shmat maps whole zeroed pages, shared by every attach")
def t_shmat():
    check("shmat at a kernel-chosen address", "two attaches share the pages")


@test(10, "shmat at a given address (SHM_RND, EINVAL)")
def t_shmat_given():
    check("shmat at a given address", "/proc/self/maps shows the attach",
          "shmat on an attached range is EINVAL",
          "shmat of an unaligned address is EINVAL",
          "SHM_RND rounds the address down")


@test(10, "shmdt")
def t_shmdt():
    check("shmdt detaches", "shmdt of an address not attached is EINVAL")


@test(5, "SHM_RDONLY")
def t_rdonly():
    check("SHM_RDONLY attaches read-only")


@test(10, "keys: IPC_CREAT, IPC_EXCL, EEXIST, ENOENT")
def t_keys():
    check("a key names one segment",
          "IPC_CREAT|IPC_EXCL on a key in use is EEXIST",
          "a size past the segment's is EINVAL", "a key never made is ENOENT")


@test(5, "bad arguments: EINVAL, EFAULT")
def t_bad():
    check("shmget of size 0 is EINVAL", "a bad id is EINVAL",
          "an unknown shmctl command is EINVAL",
          "IPC_STAT to a bad pointer is EFAULT")


@test(10, "IPC_RMID destroys after the last detach")
def t_rmid():
    check("IPC_RMID waits for the last detach", "a removed segment's key is free",
          "the last detach destroys it",
          "IPC_RMID of an unattached segment destroys it")


@test(5, "destroyed segments give their memory back")
def t_leak():
    check("destroyed segments give their memory back")


@test(15, "fork shares segments and counts the child's attaches")
def t_fork():
    check("a forked child shares the segment", "ordinary memory stays private",
          "fork counts the child's attach")


@test(10, "exit and exec detach")
def t_exit_exec():
    check("exit detaches", "exec detaches",
          "the last process's exit destroys a removed segment")


@test(5, "another program finds a segment by its key")
def t_by_key():
    check("another program finds it by key")


run()
