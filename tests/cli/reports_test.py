#!/usr/bin/env python3
"""End-to-end tests of the reports people read: the results workbook (read back with openpyxl
and opened by LibreOffice), the SQLite database (queried), and the annotated workbook.

usage: reports_test.py PES SOURCE_DIR XLSX_DIR [unittest arguments]
Needs Debian's python3 with openpyxl, and soffice (libreoffice-calc-nogui).
"""
import decimal
import glob
import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office import soffice_csv  # noqa: E402

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
XLSX = os.path.abspath(sys.argv.pop(1))
SAMPLES = sorted(glob.glob(os.path.join(SRC, "samples", "form*.json")))
D = decimal.Decimal


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=D)


def pes(*args, cwd=None, preexec_fn=None):
    env = dict(os.environ, NO_COLOR="1", LANG="C")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([PES, *args], cwd=cwd or SRC, env=env, capture_output=True, text=True,
                          preexec_fn=preexec_fn)


def small_files():
    """In the child: no file may grow past 8 KiB (a write past it fails with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def json_report(*args):
    r = pes("check", "--format", "json", "--lang", "en", *args)
    return json.loads(r.stdout)


def all_findings(report):
    out = []
    for f in report["files"]:
        out += f["findings"]
        for form in f.get("forms", []):
            out += form["findings"]
    return out




class Tmp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_reports_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def planted(self):
        """Sample 1 with a wrong rate and total (errors), in 元 (amounts × 10000)."""
        form = load(SAMPLES[0])
        form["funds"]["total"]["rate"] = D("97.00")
        form["total"] = D("90.00")
        form["project"] = "<b>&“标题”</b>"
        yuan = load(SAMPLES[1])
        yuan["unit"] = "元"
        for row in yuan["funds"].values():
            if isinstance(row, dict):
                for k in ("initial", "annual", "executed"):
                    row[k] = (D(str(row[k])) * 10000).quantize(D("0.01"))
        yuan["department"] = "上海市普陀区财政局"
        path = self.path("planted.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps([form, yuan], ensure_ascii=False, default=str))
        return path


class Workbook(Tmp):
    def make(self, lang="zh"):
        out = self.path("results.xlsx")
        r = pes("check", "--lang", lang, "--output", "xlsx:" + out, *SAMPLES, self.planted())
        self.assertEqual(r.returncode, 1, r.stderr)
        return out

    def test_sheets_headers_formats_and_links(self):
        wb = openpyxl.load_workbook(self.make())
        self.assertEqual(wb.sheetnames, ["表单", "问题", "汇总"])
        forms, problems, summary = wb["表单"], wb["问题"], wb["汇总"]
        header = [c.value for c in forms[1]]
        self.assertEqual(header[:8], ["文件", "序号", "位置", "格式", "年度", "主管部门", "项目名称", "实施单位"])
        self.assertIn("全年预算数（万元）", header)
        for ws in wb:
            self.assertEqual(ws.freeze_panes, "A2")
            self.assertEqual(ws.auto_filter.ref, "A1:%s%d" % (openpyxl.utils.get_column_letter(ws.max_column), ws.max_row))
        self.assertEqual(forms.max_row, 1 + 12 + 2)
        col = {h: i + 1 for i, h in enumerate(header)}
        rows = {forms.cell(r, col["项目名称"]).value: r for r in range(2, forms.max_row + 1)}
        bad = rows["<b>&“标题”</b>"]
        # Amounts in 万元 with 千分位; rates as percent; the wrong reported rate and total in red.
        self.assertEqual(forms.cell(bad, col["全年预算数（万元）"]).number_format, "#,##0.00")
        self.assertEqual(forms.cell(bad, col["填报执行率"]).number_format, "0.00%")
        self.assertAlmostEqual(forms.cell(bad, col["填报执行率"]).value, 0.97)
        self.assertAlmostEqual(forms.cell(bad, col["执行率"]).value, 0.9848)
        for name in ("填报执行率", "填报总分", "错误"):
            self.assertEqual(forms.cell(bad, col[name]).fill.fgColor.rgb, "FFFFC7CE", name)
        self.assertEqual(forms.cell(bad, col["执行率"]).fill.fill_type, None)
        self.assertEqual(forms.cell(bad, col["错误"]).value, 2)
        # The form in 元 is shown in 万元, exactly.
        yuan = [r for r in range(2, forms.max_row + 1) if forms.cell(r, col["主管部门"]).value == "上海市普陀区财政局"]
        self.assertEqual(len(yuan), 1)
        self.assertEqual(forms.cell(yuan[0], col["全年预算数（万元）"]).value, 20)
        # Every finding links to its form's row.
        pheader = [c.value for c in problems[1]]
        self.assertEqual(pheader, ["文件", "序号", "项目名称", "位置", "字段", "规则", "级别", "填报值", "应为", "说明"])
        self.assertEqual(problems.max_row, 1 + 6 + 3)  # the samples', 2 planted, sample 2's again
        for r in range(2, problems.max_row + 1):
            link = problems.cell(r, 2).hyperlink
            self.assertIsNotNone(link)
            target = int(link.location.split("!A")[1])
            self.assertEqual(link.location.split("!")[0], "'表单'")
            self.assertEqual(forms.cell(target, 1).value, problems.cell(r, 1).value)
            self.assertEqual(forms.cell(target, 2).value, problems.cell(r, 2).value)
            self.assertEqual(forms.cell(target, col["项目名称"]).value, problems.cell(r, 3).value)
        rules = {problems.cell(r, 6).value: r for r in range(2, problems.max_row + 1)}
        self.assertEqual(problems.cell(rules["rate-mismatch"], 7).value, "错误")
        self.assertEqual(problems.cell(rules["rate-mismatch"], 7).fill.fgColor.rgb, "FFFFC7CE")
        self.assertEqual(problems.cell(rules["deduction-without-reason"], 7).fill.fgColor.rgb, "FFFFEB9C")
        # Columns fit Chinese text: the project column is wider than its longest name counted
        # with Chinese characters as 2.
        longest = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(forms.cell(r, col["项目名称"]).value))
                      for r in range(2, forms.max_row + 1))
        letter = openpyxl.utils.get_column_letter(col["项目名称"])
        self.assertGreaterEqual(forms.column_dimensions[letter].width, longest)

    def test_summary_sums_exactly_by_year_and_department(self):
        wb = openpyxl.load_workbook(self.make())
        ws = wb["汇总"]
        self.assertEqual([c.value for c in ws[1]][:6], ["年度", "主管部门", "自评表数", "Σ 全年预算数（万元）",
                                                        "Σ 全年执行数（万元）", "执行率"])
        got = {(ws.cell(r, 1).value, ws.cell(r, 2).value): [ws.cell(r, c).value for c in range(3, 14)]
               for r in range(2, ws.max_row + 1)}
        annual = executed = D(0)
        for path in SAMPLES:
            f = load(path)
            annual += D(str(f["funds"]["total"]["annual"]))
            executed += D(str(f["funds"]["total"]["executed"]))
        a0 = D(str(load(SAMPLES[0])["funds"]["total"]["annual"]))
        e0 = D(str(load(SAMPLES[0])["funds"]["total"]["executed"]))
        kjw = got[(2023, "上海市普陀区科学技术委员会")]
        self.assertEqual(kjw[0], 13)
        self.assertEqual(D(repr(kjw[1])), annual + a0)
        self.assertEqual(D(repr(kjw[2])), executed + e0)
        rate = ((executed + e0) / (annual + a0)).quantize(D("0.0001"), decimal.ROUND_HALF_UP)
        self.assertEqual(D(repr(kjw[3])).quantize(D("0.0001")), rate)
        self.assertEqual(ws.cell(2, 6).number_format, "0.00%")
        self.assertEqual(kjw[4:9], [13, 0, 0, 0, 0])  # 优 良 中 差 无法评级: the planted form is 优 still
        self.assertEqual(kjw[9], 1)  # forms with errors
        self.assertEqual(got[(2023, "上海市普陀区财政局")][:3], [1, 20, 20])
        self.assertEqual(got[(None, "合计")][0], 14)

    def test_english_headers(self):
        wb = openpyxl.load_workbook(self.make("en"))
        self.assertEqual(wb.sheetnames, ["Forms", "Findings", "Summary"])
        self.assertEqual(wb["Forms"]["A1"].value, "File")
        self.assertEqual(wb["Findings"].cell(2, 2).hyperlink.location.split("!")[0], "'Forms'")

    def test_libreoffice_opens_it(self):
        out = self.make()
        rows = soffice_csv(out, self.dir)
        wb = openpyxl.load_workbook(out)
        forms = wb["表单"]
        self.assertEqual(len(rows), forms.max_row)
        self.assertEqual(rows[0][:7], [c.value for c in forms[1]][:7])
        self.assertEqual(rows[1][6], forms.cell(2, 7).value)

    def test_past_excels_65530_links_a_sheet_links_are_formulas(self):
        form = load(SAMPLES[0])
        form["indicators"] = form["indicators"][:1]  # 4 errors a form, with the wrong rate
        form["funds"]["total"]["rate"] = 97
        path = self.path("many.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(17000):
                form["project"] = "项目%d" % i
                f.write(json.dumps(form, ensure_ascii=False, default=str) + "\n")
        out = self.path("many.xlsx")
        r = pes("check", "--lang", "en", "--output", "xlsx:" + out, path)
        self.assertEqual(r.returncode, 1, r.stderr)
        wb = openpyxl.load_workbook(out)
        forms, ws = wb["Forms"], wb["Findings"]
        self.assertEqual(ws.max_row, 1 + 4 * 17000)
        last_link = ws.cell(1 + 65530, 2)
        target = int(last_link.hyperlink.location.split("!A")[1])
        self.assertEqual(forms.cell(target, 7).value, ws.cell(1 + 65530, 3).value)
        first_formula = ws.cell(1 + 65531, 2)
        self.assertIsNone(first_formula.hyperlink)
        target = int(first_formula.value.split("!A")[1].split('"')[0])
        self.assertEqual(first_formula.value, "=HYPERLINK(\"#'Forms'!A%d\",%d)" % (target, target - 1))
        self.assertEqual(forms.cell(target, 7).value, ws.cell(1 + 65531, 3).value)

    def test_batch_out_xlsx_and_a_path_that_needs_a_file(self):
        out = self.path("year.xlsx")
        r = pes("batch", "--no-progress", "-j", "2", "--out", out, os.path.join(SRC, "tests", "fixtures", "batch", "mixed"))
        self.assertIn(r.returncode, (0, 1), r.stderr)
        wb = openpyxl.load_workbook(out)
        summary = [line for line in r.stdout.splitlines() if "forms" in line][0]
        forms = int(summary.rsplit(",", 1)[1].split()[0])
        self.assertEqual(wb.worksheets[0].max_row, 1 + forms)
        self.assertEqual(os.listdir(self.dir), ["year.xlsx"])
        r = pes("check", "--output", "xlsx", SAMPLES[0])
        self.assertEqual(r.returncode, 2)
        self.assertIn("xlsx needs a file", r.stderr)


class WriteFailure(Tmp):
    def test_a_file_that_cannot_be_written_is_named_as_given(self):
        for kind, name, en, zh in (("xlsx", "out.xlsx", "cannot write the workbook", "无法写入工作簿"),
                                   ("sqlite", "out.db", "cannot write the database", "无法写入数据库")):
            with self.subTest(kind=kind):
                for lang, says in (("en", f"pes: {name}: {en}: "), ("zh", f"pes：{name}：{zh}：")):
                    r = pes("batch", "--no-progress", "--lang", lang, "--output", f"{kind}:{name}",
                            os.path.join(SRC, "samples"), cwd=self.dir, preexec_fn=small_files)
                    self.assertEqual(r.returncode, 2, r.stderr)
                    self.assertIn(says, r.stderr)
                    self.assertNotIn("pes-", r.stderr.split(says)[1])  # not the temporary file
                    self.assertEqual(os.listdir(self.dir), [])  # neither it nor a temporary file


class Database(Tmp):
    def test_row_counts_equal_what_was_reported(self):
        db_path = self.path("year.sqlite")
        planted = self.planted()
        r = pes("check", "--lang", "en", "--output", "sqlite:" + db_path, *SAMPLES, planted)
        self.assertEqual(r.returncode, 1, r.stderr)
        report = json_report(*SAMPLES, planted)
        db = sqlite3.connect(db_path)
        one = lambda q: db.execute(q).fetchone()[0]
        self.assertEqual(one("SELECT COUNT(*) FROM forms"), report["summary"]["forms"])
        self.assertEqual(one("SELECT COUNT(*) FROM findings"), len(all_findings(report)))
        self.assertEqual(one("SELECT COUNT(*) FROM findings WHERE severity = 'error'"), report["summary"]["errors"])
        self.assertEqual(one("SELECT COUNT(*) FROM files"), len(SAMPLES) + 1)
        indicators = sum(len(load(p)["indicators"]) for p in SAMPLES)
        indicators += sum(len(f["indicators"]) for f in load(planted))
        self.assertEqual(one("SELECT COUNT(*) FROM indicators"), indicators)
        self.assertEqual(one("SELECT COUNT(*) FROM funds_rows"), 4 * report["summary"]["forms"])
        # A finding with its rule, severity, place, reported and expected values.
        row = db.execute("SELECT f.rule, f.severity, f.location, f.field, f.reported, f.expected, m.project "
                         "FROM findings f JOIN forms m ON m.id = f.form_id WHERE f.rule = 'rate-mismatch'").fetchone()
        self.assertEqual(row[0:2], ("rate-mismatch", "error"))
        self.assertEqual(row[3], "/0/funds/total/rate")
        self.assertEqual(row[4:7], ("97.00", "98.48", "<b>&“标题”</b>"))
        # The views: exact sums in 分, and the rate rounded half-up.
        v = db.execute("SELECT forms, annual_fen, executed_fen, annual_wan, rate, excellent, forms_with_errors "
                       "FROM summary_by_year_department WHERE department = '上海市普陀区财政局'").fetchone()
        self.assertEqual(v, (1, 20000000, 20000000, 20.0, 100.0, 1, 0))
        total = db.execute("SELECT SUM(forms), SUM(forms_with_errors) FROM summary_by_year_department").fetchone()
        self.assertEqual(total, (14, 1))
        self.assertEqual(db.execute("SELECT * FROM grade_distribution").fetchall(), [("优", 14)])
        by_rule = dict(db.execute("SELECT rule, findings FROM findings_by_rule").fetchall())
        self.assertEqual(by_rule["rate-mismatch"], 1)
        self.assertEqual(by_rule["target-met-deducted"], 6)
        self.assertEqual(os.listdir(self.dir), ["planted.json", "year.sqlite"])  # no temporary file

    def test_batch_is_the_same_for_any_jobs(self):
        mixed = os.path.join(SRC, "tests", "fixtures", "batch", "mixed")
        dumps = []
        for jobs in ("1", "2"):
            path = self.path("j%s.sqlite" % jobs)
            r = pes("batch", "--no-progress", "-j", jobs, "--out", path, mixed)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            db = sqlite3.connect(path)
            dumps.append(list(db.iterdump()))
            forms = int([l for l in r.stdout.splitlines() if "forms" in l][0].rsplit(",", 1)[1].split()[0])
            self.assertEqual(db.execute("SELECT COUNT(*) FROM forms").fetchone()[0], forms)
            numbers = db.execute("SELECT file, number FROM forms ORDER BY id").fetchall()
            self.assertEqual(len(set(numbers)), len(numbers))  # JSON Lines blocks numbered on
        self.assertEqual(dumps[0], dumps[1])

    def test_a_file_checked_in_parts_is_one_row_of_files(self):
        with open(SAMPLES[0], encoding="utf-8") as f:
            line = json.dumps(json.load(f), ensure_ascii=False)
        big = self.path("big.jsonl")
        with open(big, "w", encoding="utf-8") as f:
            f.write((line + "\n") * 800)  # about 3 MB: several parts of whole lines
        db_path = self.path("big.sqlite")
        r = pes("check", "--output", "sqlite:" + db_path, big)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        db = sqlite3.connect(db_path)
        self.assertEqual(db.execute("SELECT path, forms FROM files").fetchall(), [(big, 800)])
        self.assertEqual(db.execute("SELECT COUNT(DISTINCT file_id), COUNT(*) FROM forms").fetchone(),
                         (1, 800))

    def test_an_existing_database_is_replaced_whole(self):
        path = self.path("old.sqlite")
        with open(path, "w") as f:
            f.write("not a database")
        r = pes("check", "--output", "sqlite:" + path, SAMPLES[0])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sqlite3.connect(path).execute("SELECT COUNT(*) FROM forms").fetchone()[0], 1)


class Annotate(Tmp):
    def make_workbook(self):
        """The samples' workbook with two wrong figures, a formula, a styled cell, a comment and a
        sheet of notes."""
        wb = openpyxl.load_workbook(os.path.join(XLSX, "forms.xlsx"))
        ws = wb["自评表"]
        hits = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value == 98.48 and c.column == 8 and "rate" not in hits:
                    hits["rate"] = c
                if c.value == 99.84 and "total" not in hits:
                    hits["total"] = c
        hits["rate"].value = 97
        hits["total"].value = 90
        ws["K3"] = "=SUM(1,2)"
        ws["K4"] = "备注"
        ws["K4"].font = openpyxl.styles.Font(bold=True, color="FF0000FF")
        ws["K4"].comment = openpyxl.comments.Comment("a filer's own note", "filer")
        notes = wb.create_sheet("备注")
        notes["A1"] = "=自评表!D9*2"
        notes["B2"] = "不要改动"
        path = self.path("自评表.xlsx")
        wb.save(path)
        return path, hits

    def test_comments_on_exactly_the_cells_with_findings(self):
        src, hits = self.make_workbook()
        before = hashlib.sha256(open(src, "rb").read()).hexdigest()
        out = self.path("marked.xlsx")
        r = pes("check", "--lang", "zh", src, "--annotate", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(hashlib.sha256(open(src, "rb").read()).hexdigest(), before)  # input untouched
        findings = all_findings(json_report(src))
        expected = {}
        for f in findings:
            sheet, cell = f["pointer"].rsplit("!", 1)
            expected.setdefault((sheet.strip("'"), cell), []).append(f)
        self.assertIn(("自评表", hits["rate"].coordinate), expected)
        a = openpyxl.load_workbook(src)
        b = openpyxl.load_workbook(out)
        self.assertEqual(a.sheetnames, b.sheetnames)
        commented = {}
        for ws in b:
            wa = a[ws.title]
            for row in ws.iter_rows():
                for c in row:
                    old = wa[c.coordinate]
                    self.assertEqual(c.value, old.value, (ws.title, c.coordinate))  # values and formulas
                    self.assertEqual(c.number_format, old.number_format)
                    self.assertEqual(c.font.b, old.font.b)
                    if c.comment and c.comment.author != "filer":
                        commented[(ws.title, c.coordinate)] = c
                    elif (ws.title, c.coordinate) not in expected:
                        self.assertEqual(c.fill.fgColor.rgb, old.fill.fgColor.rgb, (ws.title, c.coordinate))
        self.assertEqual(set(commented), set(expected))
        fills = {"error": "FFFF7C80", "warning": "FFFFC000", "notice": "FFBDD7EE"}
        for key, cell in commented.items():
            worst = max(expected[key], key=lambda f: ["notice", "warning", "error"].index(f["severity"]))
            self.assertEqual(cell.fill.fgColor.rgb, fills[worst["severity"]], key)
            for f in expected[key]:
                self.assertIn(f["rule"], cell.comment.text)
        rate = commented[("自评表", hits["rate"].coordinate)]
        self.assertIn("应为 98.48", rate.comment.text)
        self.assertIn("rate-mismatch", rate.comment.text)
        self.assertEqual(b["自评表"]["K4"].comment.text, "a filer's own note")
        self.assertTrue(b["自评表"]["K4"].font.b)
        self.assertEqual(b["备注"]["A1"].value, "=自评表!D9*2")
        # Parts that hold no marked cell are byte for byte the same.
        with zipfile.ZipFile(src) as za, zipfile.ZipFile(out) as zb:
            changed = {n for n in za.namelist() if za.read(n) != zb.read(n)}
            self.assertLessEqual(changed, {"[Content_Types].xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                                           "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet1.xml.rels",
                                           "xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml"})
            self.assertEqual(za.read("xl/worksheets/sheet3.xml"), zb.read("xl/worksheets/sheet3.xml"))
        rows = soffice_csv(out, self.dir)  # LibreOffice opens it
        self.assertTrue(any("服务经济工作经费" in cell for row in rows for cell in row) or len(rows) > 100)

    def test_the_input_is_never_written(self):
        src, _ = self.make_workbook()
        before = open(src, "rb").read()
        r = pes("check", src, "--annotate", src)
        self.assertEqual(r.returncode, 2)
        self.assertIn("never writes over its input", r.stderr)  # the guard of every output
        link = self.path("link.xlsx")
        os.symlink(src, link)
        r = pes("check", src, "--annotate", link)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(open(src, "rb").read(), before)
        r = pes("check", SAMPLES[0], "--annotate", self.path("x.xlsx"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("one .xlsx workbook", r.stderr)
        self.assertFalse(os.path.exists(self.path("x.xlsx")))

    def test_a_clean_workbook_is_copied_as_it_is(self):
        src = os.path.join(XLSX, "forms.xlsx")
        out = self.path("same.xlsx")
        r = pes("check", src, "--ignore", "ALL", "--annotate", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(open(out, "rb").read(), open(src, "rb").read())


if __name__ == "__main__":
    unittest.main()
