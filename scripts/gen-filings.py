#!/usr/bin/env python3
"""Makes synthetic 财政项目支出绩效自评表 filings for testing and benchmarking pes batch.

Deterministic for a seed: the same arguments give byte-identical files. Forms are built on the
shapes of the twelve seed forms (samples/*.json): their indicators, targets, reasons and goals,
with new departments, projects and amounts, computed exactly (decimal) under truncation or
half-up rounding. A known share of forms gets one planted mistake; some files are truncated
(not well-formed) and some JSON Lines get a broken line. Every planted mistake is listed in
OUT/manifest.tsv (file, form, rule), the files relative to OUT.

usage: scripts/gen-filings.py OUT [--forms 100000] [--files 5000] [--seed 1]
                              [--mistakes 0.08] [--jsonl 0.3] [--broken-files 0.002]
"""
import argparse
import decimal
import json
import os
import random
import sys
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples")
CENT = D("0.01")
decimal.getcontext().prec = 60

DISTRICTS = ["普陀", "静安", "徐汇", "长宁", "黄浦", "虹口", "杨浦", "闵行", "宝山", "嘉定",
             "浦东新", "金山", "松江", "青浦", "奉贤", "崇明"]
BUREAUS = ["科学技术委员会", "教育局", "卫生健康委员会", "民政局", "财政局", "生态环境局",
           "文化和旅游局", "商务委员会", "司法局", "体育局", "市场监督管理局", "住房保障和房屋管理局"]
PROJECT_PREFIX = ["", "2023年度", "区级", "专项", "常态化", "续建"]
UNITS_WEIGHTS = [("万元", 0.95), ("元", 0.05)]
GRADES = [(D(90), "优"), (D(80), "良"), (D(60), "中"), (D(0), "差")]

# One planted mistake: (name, rules it makes fire). Each is chosen so that exactly these rules
# fire and nothing else changes.
MISTAKES = [
    "rate-mismatch", "budget-score-mismatch", "funding-sum-mismatch", "total-mismatch",
    "grade-mismatch", "weights-sum", "score-out-of-range", "deduction-without-reason",
    "unknown-category", "invalid-field", "over-execution",
]


def money(x):
    return x.quantize(CENT)


def rounded(x, rule):
    return x.quantize(CENT, rounding=decimal.ROUND_DOWN if rule == "truncate" else decimal.ROUND_HALF_UP)


def grade_of(total):
    for low, name in GRADES:
        if total >= low:
            return name
    return "差"


class Num:
    """A number written with exactly two decimals, as the seed forms print them."""

    def __init__(self, value):
        self.value = D(value)


def encode(obj, indent, level=0):
    """JSON with numbers of Num written as their two-decimal text (json.dumps would lose 9.80)."""
    if isinstance(obj, Num):
        return f"{obj.value:.2f}"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [json.dumps(k, ensure_ascii=False) + ": " * (indent is not None) + ":" * (indent is None)
                 + encode(v, indent, level + 1) for k, v in obj.items()]
        return wrap("{", "}", items, indent, level)
    if isinstance(obj, list):
        if not obj:
            return "[]"
        return wrap("[", "]", [encode(v, indent, level + 1) for v in obj], indent, level)
    return json.dumps(obj, ensure_ascii=False)


def wrap(open_, close, items, indent, level):
    if indent is None:
        return open_ + ",".join(items) + close
    pad = " " * (indent * (level + 1))
    return open_ + "\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * level) + close


def load_samples():
    forms = []
    for name in sorted(os.listdir(SAMPLES)):
        if name.endswith(".json"):
            with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
                forms.append(json.load(f))
    return forms


def split_weights(rng, n, total=90):
    """n positive whole weights summing to total."""
    cuts = sorted(rng.sample(range(1, total), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    return [D(p) for p in parts]


def make_form(rng, samples, department, year):
    tpl = rng.choice(samples)
    rule = "truncate" if rng.random() < 0.8 else "half-up"
    unit = "万元" if rng.random() < UNITS_WEIGHTS[0][1] else "元"
    scale = D(1) if unit == "万元" else D(10000)

    fiscal_annual = money(D(rng.randint(500, 500000)) / 100 * scale)
    carry_annual = money(D(rng.randint(0, 20000)) / 100 * scale) if rng.random() < 0.3 else D(0)
    other_annual = money(D(rng.randint(0, 5000)) / 100 * scale) if rng.random() < 0.1 else D(0)

    def row(annual):
        initial = money(annual * D(rng.randint(60, 110)) / 100)
        if annual == 0:
            executed = D(0)
        else:
            share = D(1) if rng.random() < 0.35 else D(rng.randint(7000, 9999)) / 10000
            if rng.random() < 0.05:
                share = D(rng.randint(3000, 7000)) / 10000
            executed = money(annual * share)
        rate = D(0) if annual == 0 else rounded(executed * 100 / annual, rule)
        return {"initial": initial, "annual": annual, "executed": executed, "rate": rate}

    fiscal, carry, other = row(fiscal_annual), row(carry_annual), row(other_annual)
    total = {k: fiscal[k] + carry[k] + other[k] for k in ("initial", "annual", "executed")}
    total["rate"] = rounded(total["executed"] * 100 / total["annual"], rule)
    weight = D(10)
    if total["executed"] >= total["annual"]:
        score = weight
    else:
        score = rounded(total["executed"] * weight / total["annual"], rule)
    total["score"] = score

    pool = tpl["indicators"]
    n = min(len(pool), rng.randint(4, 9))
    chosen = sorted(rng.sample(range(len(pool)), n))
    weights = split_weights(rng, n)
    indicators = []
    hard_year = rng.random() < 0.12  # a year with larger deductions: grades below 优
    for w, i in zip(weights, chosen):
        src = pool[i]
        score_i = w
        reason = ""
        if rng.random() < (0.6 if hard_year else 0.12) and w >= 2:
            cut = D(rng.randint(1, int(w) * (60 if hard_year else 30))) / 100
            score_i = money(w - cut)
            reason = src.get("reason") or "受客观因素影响，部分工作未按计划完成，下一年度将加强过程管理。"
        indicators.append({
            "level1": src["level1"], "level2": src["level2"], "name": src["name"],
            "target": src.get("target", ""), "actual": src.get("actual", ""),
            "weight": w, "score": score_i, "reason": reason,
        })
    form_total = money(score + sum(ind["score"] for ind in indicators))
    project = rng.choice(PROJECT_PREFIX) + tpl["project"]
    return {
        "_rule": rule,  # how the filer rounds (not written)
        "year": year,
        "project": project,
        "department": department,
        "implementer": department if rng.random() < 0.7 else department + "所属事业单位",
        "unit": unit,
        "funds": {"weight": weight, "total": total, "fiscal": fiscal, "carryover": carry, "other": other},
        "goals": dict(tpl.get("goals", {"expected": "", "achieved": ""})),
        "indicators": indicators,
        "total": form_total,
        "grade": grade_of(form_total),
    }


def plant(rng, form, kind):
    """Puts one mistake of the given kind into a form; returns the rules it makes fire."""
    funds = form["funds"]
    inds = form["indicators"]
    if kind == "budget-score-mismatch" and form["_rule"] != "truncate":
        # A wrong score in a half-up form can leave pes unable to tell the filer's rounding
        # (when the rate reads the same both ways), and then 总分 mismatches too.
        kind = "rate-mismatch"
    if kind == "rate-mismatch":
        # At least 0.05 off, so it is neither the truncated nor the half-up rate.
        funds["fiscal"]["rate"] += D(rng.choice([5, 10, 37, 100, 250])) / 100
    elif kind == "budget-score-mismatch":
        funds["total"]["score"] += D("-0.50") if funds["total"]["score"] >= 1 else D("0.50")
    elif kind == "funding-sum-mismatch":
        funds["total"]["initial"] += D(rng.randint(1, 999)) / 100
    elif kind == "total-mismatch":
        form["total"] += D(rng.choice([1, -1, 2])) / 10
        form["total"] = money(form["total"])
        # The reported grade stays the grade of the right total.
    elif kind == "grade-mismatch":
        right = form["grade"]
        form["grade"] = rng.choice([g for _, g in GRADES if g != right])
    elif kind == "weights-sum":
        ind = rng.choice(inds)
        ind["weight"] += 2
        ind["reason"] = ind["reason"] or "权重调整后得分未变。"
    elif kind == "score-out-of-range":
        ind = rng.choice(inds)
        ind["score"] = ind["weight"] + 1
        form["total"] = money(form["funds"]["total"]["score"] + sum(i["score"] for i in inds))
        form["grade"] = grade_of(form["total"])
    elif kind == "deduction-without-reason":
        full = [i for i in inds if i["score"] == i["weight"]]
        ind = rng.choice(full or inds)
        ind["score"] = ind["weight"] - 1 if ind["score"] == ind["weight"] else ind["score"]
        ind["reason"] = ""
        form["total"] = money(form["funds"]["total"]["score"] + sum(i["score"] for i in inds))
        form["grade"] = grade_of(form["total"])
    elif kind == "unknown-category":
        rng.choice(inds)["level2"] = rng.choice(["其他指标", "效果指标", "管理指标"])
    elif kind == "invalid-field":
        # Years no reader takes ("2023年" is no mistake: it is read as 2023).
        form["year"] = rng.choice(["二〇二三", "2O23", "23"])
    elif kind == "over-execution":
        rule = form["_rule"]
        fiscal = funds["fiscal"]
        # Over-spend the fiscal row (and so the total row) with every figure recomputed.
        extra = fiscal["annual"] - fiscal["executed"] + (money(fiscal["annual"] * D(rng.randint(1, 500)) / 10000) or CENT)
        fiscal["executed"] += extra
        funds["total"]["executed"] += extra
        fiscal["rate"] = rounded(fiscal["executed"] * 100 / fiscal["annual"], rule)
        funds["total"]["rate"] = rounded(funds["total"]["executed"] * 100 / funds["total"]["annual"], rule)
        t = funds["total"]
        t["score"] = funds["weight"] if t["executed"] >= t["annual"] else rounded(
            t["executed"] * funds["weight"] / t["annual"], rule)
        form["total"] = money(t["score"] + sum(i["score"] for i in inds))
        form["grade"] = grade_of(form["total"])
    return [kind]


def settle_actuals(form):
    """Makes each deducted indicator's 实际完成值 agree with its score, as a careful filer's
    would: a deduction means the target was not fully met, so the actual is the completion
    whose band (达成 80–100%, 部分达成 50–80%, 未达成 under 50% of the weight) holds the score.
    Otherwise the indicator rules (target-met-deducted, qualitative-band) would rightly note
    deductions from targets that were met, and the clean forms would not be clean."""
    for ind in form["indicators"]:
        w, s = ind["weight"], ind["score"]
        if s >= w or s < 0:
            continue
        share = s / w
        ind["actual"] = "达成指标" if share >= D("0.8") else "部分达成" if share >= D("0.5") else "未达成"


def to_json_ready(form):
    def conv(x):
        if isinstance(x, D):
            return Num(x)
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        if isinstance(x, list):
            return [conv(v) for v in x]
        return x
    return conv({k: v for k, v in form.items() if not k.startswith("_")})


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--forms", type=int, default=100000)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mistakes", type=float, default=0.08, help="share of forms with a planted mistake")
    ap.add_argument("--jsonl", type=float, default=0.3, help="share of files written as JSON Lines")
    ap.add_argument("--broken-files", type=float, default=0.002, help="share of files cut short")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    samples = load_samples()
    departments = [f"上海市{d}区{b}" for d in DISTRICTS for b in BUREAUS]
    rng.shuffle(departments)
    departments = departments[:48]
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    per_file = [args.forms // args.files + (1 if i < args.forms % args.files else 0) for i in range(args.files)]
    for fi, count in enumerate(per_file):
        department = departments[fi % len(departments)]
        year = 2023 if rng.random() < 0.7 else 2024
        jsonl = rng.random() < args.jsonl
        sub = f"d{fi % len(departments):02d}"
        rel = f"{sub}/{year}-{fi:05d}.{'jsonl' if jsonl else 'json'}"
        forms = []
        for k in range(count):
            form = make_form(rng, samples, department, year)
            if rng.random() < args.mistakes:
                kind = rng.choice(MISTAKES)
                for rule in plant(rng, form, kind):
                    manifest.append((rel, str(k), rule))
            settle_actuals(form)
            forms.append(to_json_ready(form))
        broken = rng.random() < args.broken_files
        if jsonl:
            lines = [encode(f, None) for f in forms]
            if broken and lines:
                # One line cut short: that line is a parse error, the others are read.
                k = rng.randrange(len(lines))
                lines[k] = lines[k][: len(lines[k]) // 2]
                manifest[:] = [m for m in manifest if not (m[0] == rel and m[1] == str(k))]
                manifest.append((rel, str(k), "parse-error"))
            text = "\n".join(lines) + "\n"
        else:
            text = encode(forms, 2) + "\n"
            if broken:
                # The whole file cut short: one parse error, no forms.
                text = text[: len(text) // 2]
                manifest[:] = [m for m in manifest if m[0] != rel]
                manifest.append((rel, "", "parse-error"))
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
        with open(os.path.join(args.out, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tform\trule\n")
        for m in manifest:
            f.write("\t".join(m) + "\n")
    print(f"{args.forms} forms in {args.files} files, {len(manifest)} planted mistakes -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
