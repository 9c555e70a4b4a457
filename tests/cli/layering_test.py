#!/usr/bin/env python3
"""The stages keep to their layers: no file under src/read includes (even through other headers)
the engine, the rules or a reporter; no reporter includes a reader; no writer includes a
reporter; and no header includes itself through others (no include cycle).

usage: layering_test.py SOURCE_DIR
"""
import os
import re
import sys

ROOT = sys.argv[1]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def resolve(name, here):
    for base in (os.path.dirname(here), os.path.join(ROOT, "include"), os.path.join(ROOT, "src")):
        path = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(path):
            return path
    return None


def sources():
    for top in ("src", "include"):
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            for n in names:
                if n.endswith((".h", ".cc")):
                    yield os.path.join(dirpath, n)


def main():
    direct = {}
    for path in sources():
        with open(path, encoding="utf-8") as f:
            names = INCLUDE.findall(f.read())
        direct[path] = [p for p in (resolve(n, path) for n in names) if p]

    def closure(path, seen=None):
        seen = set() if seen is None else seen
        for dep in direct.get(path, []):
            if dep not in seen:
                seen.add(dep)
                closure(dep, seen)
        return seen

    def rel(p):
        return os.path.relpath(p, ROOT)

    engine = {"include/pes/recompute.h", "include/pes/rules.h", "include/pes/checker.h"}
    forbidden = {
        "src/read/": lambda d: d in engine or d.startswith(("include/pes/report", "src/report/",
                                                            "src/rules/", "src/score/")),
        "src/report/": lambda d: d.startswith("src/read/") or d in {
            "include/pes/readers.h", "include/pes/json_reader.h", "include/pes/csv_reader.h",
            "include/pes/xlsx_grid.h"},
        "src/write/": lambda d: d.startswith("src/report/") or d == "include/pes/report.h",
    }
    failures = 0
    for path in sorted(direct):
        r = rel(path)
        for folder, bad in forbidden.items():
            if not r.startswith(folder):
                continue
            for dep in sorted(closure(path)):
                if bad(rel(dep)):
                    print(f"FAIL {r} includes {rel(dep)}")
                    failures += 1
    for path in sorted(direct):
        if path.endswith(".h") and path in closure(path):
            print(f"FAIL include cycle through {rel(path)}")
            failures += 1
    print(f"{len(direct)} files checked, {failures} layering problems")
    sys.exit(1 if failures else 0)


main()
