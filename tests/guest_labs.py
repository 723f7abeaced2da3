"""The labs' self-check (docs/labs/README.md). For every reference
solution labs/solutions/NAME.patch:

  - the lab's grader, run on this tree's build (which has no solution),
    must score less than full marks: the lab is not done already;
  - on a copy of the tree with the patch applied, `make grade LAB=NAME`
    must build and give full marks: the lab can be done, and its grader
    knows a right answer.

The copy is the tracked files plus the build folder (without the tests'
disk and logs), times kept, in a temporary folder: make then rebuilds
only what the patch changes. It is removed afterwards. A student's tree
from make handout has no labs/solutions/, and no solution to check.

Before those: labs/gradelib.py itself, with a small grader of its own,
and make handout (both also run in a student's tree).
"""
import glob
import os
import re
import shutil
import subprocess
import tempfile

from harness import BUILD, ROOT, require
from guest_kcc import tool_env

SOLUTIONS = os.path.join(ROOT, "labs", "solutions")
# Not needed by a build, and the largest: the tests' own disk and logs.
NOT_COPIED = ("test-disk.img", "test-logs")


# A grader of gradelib's features, as labs/NAME/grade.py would use them.
DEMO = r"""
import sys
sys.path.insert(0, %(labs)r)
from gradelib import Fail, check_lines, krun, run, test

LINE = "echo ok one; cat /etc/demo"


@test(3, "passes")
def passes():
    status, out = krun(LINE, files={"/etc/demo": %(file)r}, cmdline="strace")
    check_lines(out, "one")
    assert status == 0 and "demo file" in out, out
    if 'write(1, "ok one\\n", 7) = 7' not in out:
        raise Fail("no strace line: " + out)


@test(2, "fails")
def fails():
    check_lines(krun("echo 'FAIL two -- the why'")[1], "two")


@test(4, "one boot")
def one_boot():
    assert krun(LINE, files={"/etc/demo": %(file)r}, cmdline="strace") is \
        krun(LINE, files={"/etc/demo": %(file)r}, cmdline="strace")


@test(1, "a grader's bug")
def bug():
    1 / 0


run()
"""
DEMO_OUTPUT = """\
demo: passes: OK (3/3)
demo: fails: FAIL (0/2) -- the why
demo: one boot: OK (4/4)
demo: a grader's bug: FAIL (0/1) -- ZeroDivisionError: division by zero
Score: 7/10
"""
FULL_MARKS = r"""
import sys
sys.path.insert(0, %(labs)r)
from gradelib import run, test


@test(5, "nothing to fail")
def nothing():
    pass


run()
"""


def grade_demo(source, output, status):
    """Run a grader in a folder demo/: its output and exit status."""
    with tempfile.TemporaryDirectory(prefix="sprout-gradelib-") as tmp:
        os.mkdir(os.path.join(tmp, "demo"))
        data = os.path.join(tmp, "demo.txt")
        with open(data, "w") as f:
            f.write("demo file\n")
        grader = os.path.join(tmp, "demo", "grade.py")
        with open(grader, "w") as f:
            f.write(source % {"labs": os.path.join(ROOT, "labs"),
                              "file": data})
        out = subprocess.run(["python3", grader], env=tool_env(),
                             capture_output=True, text=True, timeout=300)
    require(out.stdout == output and out.returncode == status,
            "exit %d, wanted %d; output:\n%s\nwanted:\n%s%s"
            % (out.returncode, status, out.stdout, output, out.stderr))


def git(cwd, *args):
    return subprocess.run(["git"] + list(args), cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def handout():
    """make handout: HEAD's files but labs/solutions/, one commit."""
    with tempfile.TemporaryDirectory(prefix="sprout-handout-") as tmp:
        out_dir = os.path.join(tmp, "handout")
        made = subprocess.run(["make", "-s", "handout", "OUT=" + out_dir],
                              cwd=ROOT, env=tool_env(), capture_output=True,
                              text=True, timeout=120)
        require(made.returncode == 0, "make handout: exit %d:\n%s" % (
            made.returncode, (made.stdout + made.stderr)[-1500:]))

        want = [f for f in git(ROOT, "ls-tree", "-r", "--name-only",
                               "HEAD").splitlines()
                if not f.startswith("labs/solutions/")]
        got = git(out_dir, "ls-tree", "-r", "--name-only", "HEAD")
        require(got.splitlines() == want, "the hand-out's files differ: %s"
                % sorted(set(want) ^ set(got.splitlines()))[:10])
        log = git(out_dir, "log", "--format=%s")
        require(log == "Sprout lab handout\n", "its history: %r" % log)
        require(git(out_dir, "status", "--porcelain") == "",
                "files left out of its commit")


def score(output):
    """(points, total) from the grader's last line "Score: N/M"."""
    m = re.search(r"^Score: (\d+)/(\d+)\s*\Z", output, re.M)
    require(m, "no Score line at the end of the grader's output:\n"
            + output[-1500:])
    return int(m.group(1)), int(m.group(2))


def base_scores_less(lab):
    out = subprocess.run(["python3", os.path.join("labs", lab, "grade.py")],
                         cwd=ROOT, env=tool_env(), capture_output=True,
                         text=True, timeout=600)
    points, total = score(out.stdout)
    require(points < total, "the base tree scores %d/%d" % (points, total))


def copy_tree(dst):
    """The tracked files (as they are now, edits included) and the build
    folder, at the same relative places; returns that place of build."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = os.path.join(ROOT, name)
        if os.path.lexists(src):    # a tracked file deleted in the tree
            os.makedirs(os.path.dirname(os.path.join(dst, name)),
                        exist_ok=True)
            shutil.copy2(src, os.path.join(dst, name), follow_symlinks=False)
    build = os.path.relpath(BUILD, ROOT)
    if build.startswith(".."):      # B outside the tree: the default place
        build = "build"
    shutil.copytree(BUILD, os.path.join(dst, build), symlinks=True,
                    ignore=lambda d, names: [n for n in names
                                             if n in NOT_COPIED])
    return build


def solution_scores_full(lab, patch):
    with tempfile.TemporaryDirectory(prefix="sprout-lab-%s-" % lab) as tmp:
        build = copy_tree(tmp)
        applied = subprocess.run(["git", "apply", patch], cwd=tmp,
                                 capture_output=True, text=True)
        require(applied.returncode == 0, "the patch does not apply "
                "(regenerate it, see docs/labs/README.md):\n"
                + applied.stderr[-1500:])
        env = dict(tool_env(), B=build)
        out = subprocess.run(["make", "-j2", "grade", "LAB=" + lab,
                              "B=" + build],
                             cwd=tmp, env=env, capture_output=True,
                             text=True, timeout=1200)
        require("Score:" in out.stdout, "make grade failed:\n"
                + (out.stdout + out.stderr)[-2000:])
        points, total = score(out.stdout)
        require(points == total, "the solution scores %d/%d:\n%s"
                % (points, total, out.stdout[-2000:]))


def run(results):
    results.check("gradelib: a line per check, the score last; krun with "
                  "files and kernel words, one boot per line",
                  lambda: grade_demo(DEMO, DEMO_OUTPUT, 1))
    results.check("gradelib: full marks exit 0",
                  lambda: grade_demo(FULL_MARKS, "demo: nothing to fail: "
                                     "OK (5/5)\nScore: 5/5\n", 0))
    results.check("handout: make handout OUT=dir is a repository of one "
                  "commit, HEAD's files without labs/solutions/", handout)
    for patch in sorted(glob.glob(os.path.join(SOLUTIONS, "*.patch"))):
        lab = os.path.basename(patch)[:-len(".patch")]
        results.check("lab %s: base scores less" % lab,
                      lambda: base_scores_less(lab))
        results.check("lab %s: solution scores full" % lab,
                      lambda: solution_scores_full(lab, patch))
