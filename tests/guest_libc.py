"""Guest tests of the C library: each tests/user/l_*.c program runs as
process 1, as guest_user.py's programs do. Results are named
`libc: <program>: <case>`."""
from harness import run_test_programs


def run(results):
    run_test_programs(results, "libc", "l_*.c")
