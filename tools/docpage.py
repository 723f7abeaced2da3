"""Generated parts of docs/ pages: a tool writes its text between two
marker lines of a page (HTML comments, which Markdown does not show), and
leaves the rest of the page as it is. Used by make bench-linux DOC=1
(tools/benchlinux/table.py) and tools/calltable.py --doc."""


def put_between(text, page, begin, end):
    """page with `text` on the lines between the begin and end markers."""
    head, found_begin, rest = page.partition(begin)
    _, found_end, tail = rest.partition(end)
    if not found_begin or not found_end:
        raise ValueError("the markers are not in the page")
    return head + begin + "\n" + text + "\n" + end + tail


def between(page, begin, end):
    """The text a tool last put between the markers, or None."""
    head, found_begin, rest = page.partition(begin)
    inside, found_end, _ = rest.partition(end)
    if not found_begin or not found_end:
        return None
    return inside.strip("\n")
