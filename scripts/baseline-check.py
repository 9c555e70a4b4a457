#!/usr/bin/env python3
"""A plain Python baseline for scripts/bench-batch: the basic arithmetic checks of a form with
json and decimal only (each row's 执行率, the budget score, the funding sums, 总分 and 评分等级),
over the same files pes batch reads. It prints the forms read and the mismatches found.

usage: scripts/baseline-check.py DIR...
"""
import decimal
import json
import os
import sys
from decimal import Decimal as D

CENT = D("0.01")
ROWS = ("total", "fiscal", "carryover", "other")


def num(v):
    if v is None:
        return None
    try:
        return D(str(v).replace(",", "").strip().rstrip("%"))
    except decimal.InvalidOperation:
        return None


def either(x):
    return {x.quantize(CENT, rounding=decimal.ROUND_DOWN), x.quantize(CENT, rounding=decimal.ROUND_HALF_UP)}


def grade(total):
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def check(form):
    bad = 0
    funds = form.get("funds") or {}
    for name in ROWS:
        row = funds.get(name)
        if not isinstance(row, dict):
            continue
        annual, executed, rate = num(row.get("annual")), num(row.get("executed")), num(row.get("rate"))
        if annual is None or executed is None or rate is None:
            continue
        want = {D(0)} if annual == 0 else either(executed * 100 / annual)
        bad += rate not in want
    total = funds.get("total") or {}
    weight = num(funds.get("weight")) or D(10)
    annual, executed, score = num(total.get("annual")), num(total.get("executed")), num(total.get("score"))
    if annual and executed is not None and score is not None:
        want = {weight} if executed >= annual else either(executed * weight / annual)
        bad += score not in want
    for col in ("initial", "annual", "executed"):
        parts = [num((funds.get(r) or {}).get(col)) for r in ROWS[1:]]
        t = num(total.get(col))
        if t is not None and all(p is not None for p in parts):
            bad += t != sum(parts)
    scores = [num(i.get("score")) for i in form.get("indicators") or []]
    if score is not None and all(s is not None for s in scores):
        recomputed = score + sum(scores)
        bad += num(form.get("total")) != recomputed
        bad += form.get("grade") != grade(recomputed)
    return bad


def forms_of(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for line in f:
                if line.strip():
                    try:
                        yield json.loads(line)
                    except ValueError:
                        yield None
            return
        try:
            data = json.load(f)
        except ValueError:
            yield None
            return
        yield from data if isinstance(data, list) else [data]


def main():
    forms = mismatches = broken = 0
    for top in sys.argv[1:]:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith((".json", ".jsonl")):
                    continue
                for form in forms_of(os.path.join(root, name)):
                    if not isinstance(form, dict):
                        broken += 1
                        continue
                    forms += 1
                    mismatches += check(form)
    print(f"{forms} forms, {mismatches} mismatches, {broken} unreadable")


if __name__ == "__main__":
    main()
