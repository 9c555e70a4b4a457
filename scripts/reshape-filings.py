#!/usr/bin/env python3
"""Writes the forms of scripts/gen-filings.py's output in another input shape, for
scripts/bench-batch to time every reader on the same forms.

  --to jsonl    OUT/forms.jsonl: every form on one line of one JSON Lines file
  --to array    OUT/forms.json: one JSON array of every form, pretty-printed as the files are
  --to csv      OUT/<file>.csv: one CSV per input file (pes's columns, one row per indicator)

Each number keeps the digits it was written with (9.80 stays 9.80). Files and lines that are not
well-formed are left out, so the shapes hold the readable forms; OUT/manifest.tsv lists the
planted mistakes of IN/manifest.tsv under their new file and form number.

In CSV a new form starts where 项目名称, 年度 or 实施单位 changes, so two neighbours that agree
on all three would read as one form: such a form waits until a form that differs has been
written (at its file's end, it goes to the first place where it differs from both neighbours).

usage: scripts/reshape-filings.py IN OUT --to jsonl|array|csv
"""
import argparse
import csv
import json
import os
import sys
from decimal import Decimal

ROWS = (("fiscal", "当年财政拨款"), ("carryover", "上年结转资金"), ("other", "其他资金"))
AMOUNTS = (("initial", "年初预算数"), ("annual", "全年预算数"), ("executed", "全年执行数"),
           ("rate", "执行率"))


def encode(v, indent, level=0):
    """JSON with each Decimal written as its own text."""
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (dict, list)) and v:
        items = ([json.dumps(k, ensure_ascii=False) + (": " if indent else ":") + encode(x, indent, level + 1)
                  for k, x in v.items()] if isinstance(v, dict) else [encode(x, indent, level + 1) for x in v])
        o, c = "{}" if isinstance(v, dict) else "[]"
        if not indent:
            return o + ",".join(items) + c
        pad = " " * (indent * (level + 1))
        return o + "\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * level) + c
    return json.dumps(v, ensure_ascii=False)


def read_forms(path):
    """The well-formed forms of one file, each with its number there."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".jsonl"):
        for k, line in enumerate(text.splitlines()):
            try:
                yield k, json.loads(line, parse_float=Decimal)
            except ValueError:
                pass
        return
    try:
        forms = json.loads(text, parse_float=Decimal)
    except ValueError:
        return
    yield from enumerate(forms)


def cell(v):
    return "" if v is None else str(v)


def csv_rows(form):
    funds = form.get("funds", {})
    total = funds.get("total", {})
    goals = form.get("goals", {})
    ident = [cell(form.get(k)) for k in ("project", "year", "department", "implementer", "unit")]
    head = [cell(funds.get("weight"))] + [cell(total.get(k)) for k, _ in AMOUNTS] + [cell(total.get("score"))]
    for row, _ in ROWS:
        head += [cell(funds.get(row, {}).get(k)) for k, _ in AMOUNTS]
    head += [cell(goals.get("expected")), cell(goals.get("achieved"))]
    tail = [cell(form.get("total")), cell(form.get("grade"))]
    for i, ind in enumerate(form.get("indicators", [])):
        cells = [cell(ind.get(k)) for k in ("level1", "level2", "name", "target", "actual", "weight", "score",
                                            "reason")]
        yield ident + (head if i == 0 else [""] * len(head)) + cells + (tail if i == 0 else ["", ""])


def csv_header():
    head = ["项目名称", "年度", "主管部门", "实施单位", "金额单位", "预算执行分值"]
    head += [zh for _, zh in AMOUNTS] + ["预算执行得分"]
    for _, row in ROWS:
        head += [row + zh for _, zh in AMOUNTS]
    return head + ["预期目标", "实际完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                   "分值", "得分", "偏差原因分析及改进措施", "总分", "评分等级"]


def csv_order(forms):
    """The forms (k, form) in an order where no two neighbours share project, year and implementer."""
    def key(f):
        return (f[1].get("project"), str(f[1].get("year")), f[1].get("implementer"))
    out, waiting = [], []
    for f in forms:
        waiting.append(f)
        while True:  # the first waiting form that differs from the last one placed
            i = next((i for i, w in enumerate(waiting) if not out or key(out[-1]) != key(w)), None)
            if i is None:
                break
            out.append(waiting.pop(i))
    for f in waiting:  # at the end, the same as the last one: anywhere it differs from both neighbours
        at = next((at for at in range(len(out) + 1)
                   if (at == 0 or key(out[at - 1]) != key(f)) and (at == len(out) or key(out[at]) != key(f))), None)
        if at is None:
            sys.exit(f"reshape-filings: cannot separate the forms of {key(f)} in CSV")
        out.insert(at, f)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--to", choices=("jsonl", "array", "csv"), required=True)
    args = ap.parse_args()

    files = []
    for root, dirs, names in os.walk(args.src):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".json", ".jsonl"))]
    with open(os.path.join(args.src, "manifest.tsv"), encoding="utf-8") as f:
        planted = [(r["file"], r["form"], r["rule"]) for r in csv.DictReader(f, delimiter="\t")]
    os.makedirs(args.out, exist_ok=True)
    where = {}  # (file, form) in IN -> (file, form) in OUT
    count = 0
    single = None
    if args.to != "csv":
        single = open(os.path.join(args.out, "forms.jsonl" if args.to == "jsonl" else "forms.json"), "w",
                      encoding="utf-8", newline="\n")
        if args.to == "array":
            single.write("[")
    for path in files:
        rel = os.path.relpath(path, args.src)
        forms = list(read_forms(path))
        if args.to == "csv":
            out_rel = os.path.splitext(rel)[0] + ".csv"
            os.makedirs(os.path.dirname(os.path.join(args.out, out_rel)), exist_ok=True)
            with open(os.path.join(args.out, out_rel), "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f, lineterminator="\r\n")
                w.writerow(csv_header())
                for n, (k, form) in enumerate(csv_order(forms)):
                    w.writerows(csv_rows(form))
                    where[(rel, str(k))] = (out_rel, str(n))
            continue
        for k, form in forms:
            if args.to == "jsonl":
                single.write(encode(form, None) + "\n")
            else:
                single.write(("\n  " if count == 0 else ",\n  ") + encode(form, 2, 1))
            where[(rel, str(k))] = (os.path.basename(single.name), str(count))
            count += 1
    if single:
        if args.to == "array":
            single.write("\n]\n")
        single.close()
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tform\trule\n")
        for file, form, rule in planted:
            if (file, form) in where:
                f.write("\t".join(where[(file, form)] + (rule,)) + "\n")


if __name__ == "__main__":
    main()
