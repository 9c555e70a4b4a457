#!/usr/bin/env python3
"""The Chinese label of each form field is written once in the sources: in the field table
(src/core/fields.cc). Every other string literal under src/ and include/ that names a field
writes its token (‹row.annual›, expanded by with_labels()) or asks the table
(field_label_zh). Comments may name labels: they explain, they are not shown.

Two-character labels that are also ordinary words (年度, 分值, 得分, 总分) and the containers'
names (自评表, 绩效指标, 项目资金, 资金行, 年度总体目标) are not checked: a sentence uses
them as words. Readers that match what forms print (aliases, template words) keep their own
spellings only as the field table's aliases or in templates/*.toml.

usage: labels_once_test.py SOURCE_DIR
"""
import os
import re
import sys

ROOT = sys.argv[1]
TABLE = os.path.join(ROOT, "src", "core", "fields.cc")
WORDS = {"年度", "分值", "得分", "总分", "自评表", "绩效指标", "项目资金", "资金行", "年度总体目标",
         "模板"}
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def labels():
    with open(TABLE, encoding="utf-8") as f:
        text = f.read()
    found = set(re.findall(r'\.zh = "([^"]+)"', text))
    found |= set(re.findall(r'container\([^"]*"[^"]*", "([^"]+)"', text))
    found |= set(re.findall(r'FundsRowInfo\{FundsRowId::\w+, "\w+", "([^"]+)"', text))
    return sorted(found - WORDS, key=len, reverse=True)


def code_lines(text):
    """Each line with its // comment removed (a // inside a string literal kept)."""
    for number, line in enumerate(text.splitlines(), 1):
        out, in_string, i = [], False, 0
        while i < len(line):
            c = line[i]
            if in_string:
                out.append(c)
                if c == "\\" and i + 1 < len(line):
                    out.append(line[i + 1])
                    i += 1
                elif c == '"':
                    in_string = False
            elif c == '"':
                in_string = True
                out.append(c)
            elif line.startswith("//", i):
                break
            else:
                out.append(c)
            i += 1
        yield number, "".join(out)


def main():
    names = labels()
    if len(names) < 20:
        print(f"FAIL: read only {len(names)} labels from {TABLE}")
        return 1
    bad = []
    for top in ("src", "include"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for n in files:
                path = os.path.join(dirpath, n)
                if not n.endswith((".h", ".cc")) or path == TABLE:
                    continue
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for number, line in code_lines(text):
                    for literal in LITERAL.findall(line):
                        for label in names:
                            if label in literal:
                                rel = os.path.relpath(path, ROOT)
                                bad.append(f"{rel}:{number}: “{label}” in \"{literal}\"")
                                break
    for b in bad:
        print(b)
    if bad:
        print(f"FAIL: {len(bad)} string literals spell a field's label; write its ‹token› "
              "(with_labels, lformat) or use field_label_zh()")
        return 1
    print(f"ok: {len(names)} labels, each written only in the field table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
