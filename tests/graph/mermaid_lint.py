#!/usr/bin/env python3
"""tests/graph/mermaid_lint.py FILE: checks that awsai's Mermaid output
follows the flowchart grammar it uses: a "flowchart LR" header, node
declarations ID<shape>"label"<shape>, edges ID ARROW ID, ids of
[A-Za-z0-9_] that are no keyword, labels quoted with no raw quote inside,
every edge's ends declared. Exits 1 naming the first bad line."""
import re
import sys

KEYWORDS = {"end", "graph", "flowchart", "subgraph", "style", "classDef",
            "class", "click", "linkStyle", "direction"}
ID = r"[A-Za-z][A-Za-z0-9_]*"
LABEL = r'"[^"]*"'
SHAPES = [(r"\(\[", r"\]\)"), (r"\[\[", r"\]\]"), (r"\[", r"\]")]
ARROWS = [r"-->", r"-\. [a-z ]+ \.->", r"-- [a-z ]+ -->"]

def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "flowchart LR":
        return fail(1, lines[0] if lines else "", "no flowchart LR header")
    declared = set()
    decl = re.compile(r"^    (%s)(?:%s)$" % (ID, "|".join(
        o + LABEL + c for o, c in SHAPES)))
    edge = re.compile(r"^    (%s) (?:%s) (%s)$" % (ID, "|".join(ARROWS), ID))
    for n, line in enumerate(lines[1:], 2):
        m = decl.match(line)
        if m:
            if m.group(1) in KEYWORDS:
                return fail(n, line, "an id is a keyword")
            if m.group(1) in declared:
                return fail(n, line, "declared twice")
            declared.add(m.group(1))
            continue
        m = edge.match(line)
        if m:
            for end in m.groups():
                if end not in declared:
                    return fail(n, line, "edge end %s undeclared" % end)
            continue
        return fail(n, line, "neither a node nor an edge")
    return 0

def fail(n, line, why):
    print("%s:%d: %s: %s" % (sys.argv[1], n, why, line))
    return 1

sys.exit(main(sys.argv[1]))
