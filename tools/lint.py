#!/usr/bin/env python3
"""make lint: check the kernel's layering and where declarations live.

Sprout's kernel folders form layers (docs/architecture.md draws them; this
program reads the list from there, so the two cannot disagree). A file may
include:

  - headers of its own folder;
  - the public header X/X.h of a folder X *below* its own;
  - kernel/include/ (types.h, the generated syscall.h) and the uapi
    headers <sprout/...>, which belong to no layer.

Anything else fails, with file and line: a header of a folder above
(unless the edge is in the documented list of upward edges), or a
private header of another folder. A .c file must not declare a
prototype or an extern: declarations belong in headers, where the
definition's file includes them and the compiler checks the two agree.

It ends with one line per folder: what the layering allows it, and what
it actually uses.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = os.path.join(ROOT, "kernel")
DOC = os.path.join(ROOT, "docs", "architecture.md")
BASE = "include"        # kernel/include: shared by every layer


def read_layers():
    """The layer list and the allowed upward edges, from architecture.md.

    The layers are the lines of the block between <!-- layers --> and
    <!-- /layers -->, top first, the folder name as the first word. The
    upward edges are lines "- X -> Y: why" after <!-- upward edges -->.
    """
    text = open(DOC).read()
    m = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
    if not m:
        sys.exit("lint: docs/architecture.md has no <!-- layers --> block")
    layers = [ln.split()[0] for ln in m.group(1).splitlines()
              if ln.strip() and not ln.strip().startswith("```")]
    layers.reverse()                    # bottom first
    upward = set()
    m = re.search(r"<!-- upward edges -->(.*?)<!-- /upward edges -->",
                  text, re.S)
    for a, b in re.findall(r"^- `?(\w+)`? -> `?(\w+)`?", m.group(1) if m else "",
                           re.M):
        upward.add((a, b))
    return layers, upward


def strip_comments(src):
    """Blank out comments and string/char literals, keeping line breaks."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'
                  r"'(?:\\.|[^'\\\n])*'", blank, src, flags=re.S)


def top_level_statements(src):
    """(line, text) of each statement at file scope, preprocessor lines
    and bodies (anything inside braces) left out."""
    src = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", lambda m:
                 re.sub(r"[^\n]", " ", m.group(0)), src, flags=re.M)
    depth, start, line, out = 0, 0, 1, []
    start_line = 1
    for i, ch in enumerate(src):
        if ch == "\n":
            line += 1
        if ch == "{":
            if depth == 0:
                out.append((start_line, src[start:i] + "{"))
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                start, start_line = i + 1, line
        elif ch == ";" and depth == 0:
            out.append((start_line, src[start:i + 1]))
            start, start_line = i + 1, line
        elif depth == 0 and not src[start:i].strip():
            start_line = line
    return out


def declaration_problem(stmt):
    """'prototype' or 'extern' if a file-scope statement declares one."""
    s = re.sub(r"__attribute__\s*\(\(.*?\)\)", "", stmt, flags=re.S)
    s = " ".join(s.split())
    if not s.endswith(";"):
        return None
    if re.match(r"extern\b", s):
        return "extern"
    if re.match(r"(typedef|struct|union|enum)\b", s) or "=" in s:
        return None
    if re.search(r"\b\w+\s*\([^()]*(\([^()]*\)[^()]*)*\)\s*;$", s) and \
            not re.search(r"\(\s*\*", s):
        return "prototype"
    return None


def main():
    layers, upward = read_layers()
    rank = {name: i for i, name in enumerate(layers)}
    folders = sorted(d for d in os.listdir(KERNEL)
                     if os.path.isdir(os.path.join(KERNEL, d)) and d != BASE)
    errors = []
    for d in folders:
        if d not in rank:
            errors.append("kernel/%s/: a folder that docs/architecture.md "
                          "does not place in a layer" % d)
    uses = {d: set() for d in folders}
    for d in folders:
        for name in sorted(os.listdir(os.path.join(KERNEL, d))):
            if not name.endswith((".c", ".h", ".S")):
                continue
            path = "kernel/%s/%s" % (d, name)
            src = open(os.path.join(ROOT, path)).read()
            for n, text in enumerate(src.splitlines(), 1):
                m = re.match(r'\s*#\s*include\s+"([^"]+)"', text)
                if not m:
                    continue
                inc = m.group(1)
                other = inc.split("/")[0]
                if other in (d, BASE):
                    continue
                uses[d].add(other)
                where = "%s:%d" % (path, n)
                if other not in rank:
                    errors.append('%s: includes "%s", not a kernel folder'
                                  % (where, inc))
                elif rank.get(d, -1) < rank[other] and \
                        (d, other) not in upward:
                    errors.append('%s: includes "%s": %s/ is above %s/ in '
                                  'the layering (docs/architecture.md)'
                                  % (where, inc, other, d))
                elif inc != "%s/%s.h" % (other, other):
                    errors.append('%s: includes "%s", private to %s/; use '
                                  '"%s/%s.h"' % (where, inc, other, other,
                                                 other))
            if name.endswith(".c"):
                for n, stmt in top_level_statements(strip_comments(src)):
                    kind = declaration_problem(stmt)
                    if kind:
                        errors.append("%s:%d: %s declared in a .c file; "
                                      "move it to a header"
                                      % (path, n, kind))
    for d in sorted(folders, key=lambda f: rank.get(f, -1)):
        below = [f for f in layers[:rank.get(d, 0)]]
        extra = sorted(b for (a, b) in upward if a == d)
        allowed = " ".join(below + ["+" + e for e in extra]) or "-"
        actual = " ".join(sorted(uses[d], key=lambda f: rank.get(f, -1))) \
            or "-"
        print("lint: %-7s may use: %-50s uses: %s" % (d, allowed, actual))
    for e in errors:
        print(e)
    print("lint: %s" % ("%d problem(s)" % len(errors) if errors else "ok"))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
