#!/usr/bin/env python3
"""The Python baseline of scripts/bench-batch: what a short script does with json and Decimal
alone. It reads each .json and .jsonl file under DIR with json.load, and checks each form's
执行率 (every funding row), budget score, funding sums, 总分 and 评分等级.
usage: scripts/baseline-check.py DIR...   prints: forms, mismatches, unreadable"""
import json, os, sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal as D

def either(x):  # the filer may truncate or round half-up to 2 decimals
    return {x.quantize(D("0.01"), ROUND_DOWN), x.quantize(D("0.01"), ROUND_HALF_UP)}

def check(form):
    funds = form["funds"]
    t, parts, w = funds["total"], [funds[r] for r in ("fiscal", "carryover", "other")], funds["weight"]
    bad = sum(r["rate"] not in ({D(0)} if not r["annual"] else either(r["executed"] * 100 / r["annual"]))
              for r in [t] + parts)
    bad += t["score"] not in ({w} if t["executed"] >= t["annual"] else either(t["executed"] * w / t["annual"]))
    bad += sum(t[c] != sum(r[c] for r in parts) for c in ("initial", "annual", "executed"))
    total = t["score"] + sum(i["score"] for i in form["indicators"])
    grade = "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
    return bad + (form["total"] != total) + (form["grade"] != grade)

def forms_of(path):
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()] if path.endswith(".jsonl") else [f.read()]
    for text in lines:
        try:
            data = json.loads(text, parse_float=D)
        except ValueError:
            data = [None]
        yield from data if isinstance(data, list) else [data]

forms = mismatches = unreadable = 0
for top in sys.argv[1:]:
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(n for n in files if n.endswith((".json", ".jsonl"))):
            for form in forms_of(os.path.join(root, name)):
                try:
                    mismatches, forms = mismatches + check(form), forms + 1
                except (KeyError, TypeError, ArithmeticError):
                    unreadable += 1
print(f"{forms} forms, {mismatches} mismatches, {unreadable} unreadable")
