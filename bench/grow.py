#!/usr/bin/env python3
"""bench/grow.py SRC DEST N: writes a catalog N times the size of SRC
into the directory DEST: every service also as N-1 copies (ids, names
and aliases suffixed "-xK"/" xK", relations kept within a copy),
capabilities providing for the copies too. The copies say what their
original says, so an answer to a question is right when it is the
original or any of its copies: the 10x run must give the same answers,
but for near ties (a copy's names hold one token more, which moves the
text statistics a little; bench/run.sh says how near each was)."""
import json, os, sys

src, dest, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dest, exist_ok=True)
for f in sorted(os.listdir(src)):
    if not f.endswith(".json"):
        continue
    d = json.load(open(os.path.join(src, f), encoding="utf-8"))
    if "services" in d:
        ids = {s["id"] for s in d["services"]}
        more = []
        for k in range(1, n):
            for s in d["services"]:
                c = json.loads(json.dumps(s))
                c["id"] = "%s-x%d" % (s["id"], k)
                c["name"] = "%s x%d" % (s["name"], k)
                c["aliases"] = ["%s x%d" % (a, k) for a in s.get("aliases", [])]
                for key in ("successor", "part_of"):
                    if key in c:
                        c[key] = "%s-x%d" % (c[key], k)
                for key in ("alternatives", "complements"):
                    if key in c:
                        c[key] = ["%s-x%d" % (v, k) for v in c[key]]
                more.append(c)
        d["services"] += more
    if "capabilities" in d:
        for c in d["capabilities"]:
            c["providers"] = dict(list(c["providers"].items()) + [
                ("%s-x%d" % (p, k), w) for k in range(1, n)
                for p, w in c["providers"].items()])
    json.dump(d, open(os.path.join(dest, f), "w", encoding="utf-8"),
              ensure_ascii=False)
