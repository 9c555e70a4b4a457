#!/usr/bin/env python3
"""Writes test workbooks in the printed template layout, with merged cells as the template has them.

usage: make_xlsx.py SAMPLES_DIR OUT_DIR
  forms.xlsx   the twelve samples: forms 1-6 on sheet 自评表, 7-12 on sheet "Sheet 2"
  noform.xlsx  a workbook whose sheet holds no form
Needs python3-openpyxl (Debian). Numbers are written from their JSON text, so 9.80 stays 9.80.
"""
import decimal
import json
import pathlib
import sys

import openpyxl

ROWS = [("total", "年度资金总额："), ("fiscal", "其中：当年财政拨款"),
        ("carryover", "上年结转资金"), ("other", "其他资金")]


def write_form(ws, r, f):
    def put(row, col, value, to_row=None, to_col=None):
        cell = ws.cell(row=row, column=col, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a target such as "=100.00(%)" is text, not a formula
        if to_row or to_col:
            ws.merge_cells(start_row=row, start_column=col,
                           end_row=to_row or row, end_column=to_col or col)

    put(r, 1, "财政项目支出绩效自评表", to_col=9)
    put(r + 1, 1, f"（{f['year']}年度）", to_col=9)
    put(r + 2, 1, "项目名称", to_col=2)
    put(r + 2, 3, f["project"], to_col=9)
    put(r + 3, 1, "主管部门", to_col=2)
    put(r + 3, 3, f["department"], to_col=4)
    put(r + 3, 5, "实施单位", to_col=6)
    put(r + 3, 7, f["implementer"], to_col=9)
    put(r + 4, 1, f"项目资金（{f['unit']}）", to_row=r + 8, to_col=2)
    for i, head in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分"]):
        put(r + 4, 4 + i, head)
    for k, (key, label) in enumerate(ROWS):
        row = f["funds"][key]
        put(r + 5 + k, 3, label)
        for i, field in enumerate(["initial", "annual", "executed"]):
            put(r + 5 + k, 4 + i, row[field])
        put(r + 5 + k, 7, f["funds"]["weight"] if key == "total" else "-")
        put(r + 5 + k, 8, row["rate"])
        put(r + 5 + k, 9, row["score"] if key == "total" else "-")
    put(r + 9, 1, "年度总体目标", to_row=r + 10, to_col=2)
    put(r + 9, 3, "预期目标", to_col=5)
    put(r + 9, 6, "实际完成情况", to_col=9)
    put(r + 10, 3, f["goals"]["expected"], to_col=5)
    put(r + 10, 6, f["goals"]["achieved"], to_col=9)
    heads = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    for i, head in enumerate(heads):
        put(r + 11, 1 + i, head)
    put(r + 11, 8, "偏差原因分析及改进措施", to_col=9)
    first = r + 12
    inds = f["indicators"]
    # Level 1 and level 2 are merged down over their runs of rows, as in the template.
    for col, keyf in ((1, lambda x: x["level1"]), (2, lambda x: (x["level1"], x["level2"]))):
        start = 0
        for i in range(1, len(inds) + 1):
            if i == len(inds) or keyf(inds[i]) != keyf(inds[start]):
                value = inds[start]["level1" if col == 1 else "level2"]
                put(first + start, col, value, to_row=first + i - 1 if i - 1 > start else None)
                start = i
    for i, x in enumerate(inds):
        row = first + i
        for c, key in ((3, "name"), (4, "target"), (5, "actual"), (6, "weight"), (7, "score")):
            put(row, c, x[key])
        put(row, 8, x["reason"] or None, to_col=9)
    end = first + len(inds)
    put(end, 1, "总分", to_col=5)
    put(end, 6, sum((x["weight"] for x in inds), f["funds"]["weight"]))
    put(end, 7, f["total"])
    put(end + 1, 1, "评分等级", to_col=2)
    put(end + 1, 3, f["grade"], to_col=9)
    return end + 3


def main():
    samples, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    forms = [json.loads((samples / f"form{n:02d}.json").read_text(encoding="utf-8"),
                        parse_float=decimal.Decimal) for n in range(1, 13)]
    book = openpyxl.Workbook()
    first = book.active
    first.title = "自评表"
    second = book.create_sheet("Sheet 2")
    for sheet, part in ((first, forms[:6]), (second, forms[6:])):
        r = 1
        for f in part:
            r = write_form(sheet, r, f)
    book.save(out / "forms.xlsx")

    empty = openpyxl.Workbook()
    empty.active["A1"] = "这是一份说明，没有自评表"
    empty.active["B2"] = 42
    empty.save(out / "noform.xlsx")


if __name__ == "__main__":
    main()
