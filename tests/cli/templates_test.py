"""Template profiles end to end: each real form's printed table (tests/fixtures/real-forms/
NN-*.layout.txt) converts to its hand transcription (NN-*.json) field for field, white space
aside; `pes template list/show`; a user's profile for a made-up province in pes.toml and with
--template FILE; --template NAME forces a profile; a form no profile fits gets one finding.

The same forms as Word documents and web pages (DOCX_HTML_DIR/real/, made by
tests/fixtures/make_docx_html.py) read the same.

usage: templates_test.py PES SOURCE_DIR [DOCX_HTML_DIR]"""
import decimal
import json
import os
import subprocess
import sys
import tempfile
import unittest

PES = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "pes"
SOURCE = sys.argv[2] if len(sys.argv) > 2 else "."
REAL = os.path.join(SOURCE, "tests", "fixtures", "real-forms")
DOCX_HTML = sys.argv[3] if len(sys.argv) > 3 else None

# What the transcriptions cannot hold (pes/1 had no place for it when they were made), listed
# so that nothing else may differ.
NOT_TRANSCRIBED = {}


def run(*args, cwd=None):
    return subprocess.run([PES, *args], capture_output=True, text=True, cwd=cwd)


def num(value):
    """A number as pes/1 may write it (10, "10", "86%"), for comparing."""
    if isinstance(value, (int, decimal.Decimal)):
        return decimal.Decimal(value).normalize()
    if isinstance(value, str):
        try:
            return decimal.Decimal(value.rstrip("%").replace(",", "")).normalize()
        except decimal.InvalidOperation:
            return value
    return value


NUMBERS = {"weight", "initial", "annual", "executed", "rate", "score", "total"}


def squeeze(value, key=None):
    if key in NUMBERS and not isinstance(value, dict):
        return num(value)
    if isinstance(value, str):
        return "".join(value.split()).replace("\u3000", "")
    if isinstance(value, list):
        return [squeeze(v) for v in value]
    if isinstance(value, dict):
        return {k: squeeze(v, k) for k, v in value.items()}
    return value


def differences(got, want, path=""):
    out = []
    if isinstance(want, dict) and isinstance(got, dict):
        for k in sorted(set(want) | set(got)):
            p = f"{path}/{k}"
            if p in NOT_TRANSCRIBED:
                continue
            if k not in got:
                out.append(f"{p}: missing, transcribed {want[k]!r}")
            elif k not in want:
                out.append(f"{p}: read {got[k]!r}, not transcribed")
            else:
                out += differences(got[k], want[k], p)
    elif isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            out.append(f"{path}: {len(got)} items read, {len(want)} transcribed")
        for i, (g, w) in enumerate(zip(got, want)):
            out += differences(g, w, f"{path}/{i}")
    elif got != want:
        out.append(f"{path}: read {got!r}, transcribed {want!r}")
    return out


def convert(path, *flags, cwd=None):
    r = run("convert", path, "-", "--to", "json", *flags, cwd=cwd)
    got = json.loads(r.stdout, parse_float=decimal.Decimal) if r.returncode == 0 and r.stdout else None
    return r, (squeeze(got) if got is not None else None)


class RealForms(unittest.TestCase):
    def test_each_layout_converts_to_its_transcription(self):
        names = sorted(n[: -len(".layout.txt")] for n in os.listdir(REAL) if n.endswith(".layout.txt"))
        self.assertEqual(len(names), 5)
        for name in names:
            with self.subTest(form=name):
                r, got = convert(os.path.join(REAL, name + ".layout.txt"))
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(os.path.join(REAL, name + ".json"), encoding="utf-8") as f:
                    want = json.load(f)
                want.pop("_notes")
                self.assertEqual(differences(got, squeeze(want)), [])

    def test_each_as_document_and_web_page_converts_to_its_transcription(self):
        if DOCX_HTML is None:
            self.skipTest("no DOCX_HTML_DIR given")
        seen = 0
        for name in sorted(os.listdir(REAL)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(REAL, name), encoding="utf-8") as f:
                want = json.load(f)
            want.pop("_notes")
            for ext in (".docx", ".html"):
                path = os.path.join(DOCX_HTML, "real", name[: -len(".json")] + ext)
                with self.subTest(form=path):
                    r, got = convert(path)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual(differences(got, squeeze(want)), [])
                    seen += 1
        self.assertEqual(seen, 10)

    def test_check_finds_the_same_on_the_layout_as_on_the_transcription(self):
        def findings(path):
            r = run("check", path, "--format", "json")
            report = json.loads(r.stdout)
            return sorted((f["rule"], f.get("pointer", ""), f["message"])
                          for file in report["files"] for form in file["forms"]
                          for f in form["findings"] if f["rule"] != "layout-repair")
        for name in sorted(os.listdir(REAL)):
            if name.endswith(".json"):
                with self.subTest(form=name):
                    want = findings(os.path.join(REAL, name))
                    self.assertTrue(want)
                    layout = os.path.join(REAL, name[: -len(".json")] + ".layout.txt")
                    self.assertEqual(findings(layout), want)

    def test_the_comparison_sees_a_difference(self):
        with open(os.path.join(REAL, "03-yunnan-lincang-yongde-2022.json"), encoding="utf-8") as f:
            want = json.load(f)
        got = json.loads(json.dumps(want))
        got["indicators"][2]["score"] = "10"
        del got["grade"]
        self.assertEqual(len(differences(got, want)), 2)

    def test_notices_name_what_was_left_out(self):
        r, _ = convert(os.path.join(REAL, "05-hebei-langfang-2019.layout.txt"))
        self.assertIn("placeholder row “指标2”: left out", r.stderr)
        r, _ = convert(os.path.join(REAL, "03-yunnan-lincang-yongde-2022.layout.txt"))
        self.assertIn("row “其他需要说明事项” is not part of the form's data", r.stderr)
        r, _ = convert(os.path.join(REAL, "04-sichuan-meishan-qingshen-2023.layout.txt"))
        self.assertIn("“2.项目实施内容及过程概述” stands left of the goals' columns: left out", r.stderr)


def readme_profile():
    """The worked example of README's templates section: the profile after “Its profile”."""
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        text = f.read()
    at = text.index("Its profile (`xanadu.toml`)")
    begin = text.index("```toml\n", at) + len("```toml\n")
    return text[begin:text.index("```", begin)]


PROVINCE = readme_profile()

FORM = "\n".join("\t".join(row) for row in [
    ["仙乡省项目绩效自评报表(2024年度)"],
    ["项目名称", "云上水利"],
    ["主管部门", "仙乡省水利厅", "实施单位", "云上县水务局"],
    ["资金情况(万元)", "", "预算金额", "支出金额", "满分", "支出进度", "实得分"],
    ["", "合计资金", "100", "90", "10", "90%", "9"],
    ["", "省级资金", "100", "90", "", "", ""],
    ["目标", "计划", "完成"],
    ["", "修渠十里", "修渠九里"],
    ["大类", "小类", "指标名称", "满分", "计划值", "完成值", "实得分", "情况说明"],
    ["产出指标", "数量指标", "渠长", "90", "10里", "9里", "81", "0"],
    ["自评得分", "", "", "", "", "", "90", "优"],
]) + "\n"


class UserProfiles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = self.dir.name
        with open(os.path.join(self.path, "xanadu.toml"), "w", encoding="utf-8") as f:
            f.write(PROVINCE)
        with open(os.path.join(self.path, "form.txt"), "w", encoding="utf-8") as f:
            f.write(FORM)

    def tearDown(self):
        self.dir.cleanup()

    def check_read(self, got):
        self.assertEqual(got["year"], 2024)
        self.assertEqual(got["project"], "云上水利")
        self.assertEqual(got["funds"]["total"], squeeze({"annual": "100", "executed": "90",
                                                         "rate": "90%", "score": "9"}))
        self.assertEqual(got["funds"]["weight"], 10)
        self.assertEqual(got["goals"], {"expected": "修渠十里", "achieved": "修渠九里"})
        ind = got["indicators"][0]
        self.assertEqual((ind["name"], ind["weight"], ind["target"], ind["actual"], ind["score"],
                          ind["reason"]), ("渠长", 90, "10里", "9里", 81, "0"))
        self.assertEqual((got["total"], got["grade"]), (90, "优"))

    def test_a_profile_named_in_pes_toml_is_picked_up(self):
        # Without the profile, only the header's labels are known: no funds, no indicators.
        without, got = convert("form.txt", cwd=self.path)
        self.assertEqual(without.returncode, 0, without.stderr)
        self.assertEqual((got.get("funds", {}), got.get("indicators", [])), ({}, []))
        with open(os.path.join(self.path, "pes.toml"), "w", encoding="utf-8") as f:
            f.write('templates = ["xanadu.toml"]\n')
        r, got = convert("form.txt", cwd=self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_read(got)
        listed = run("template", "list", cwd=self.path)
        self.assertIn("xanadu-2024", listed.stdout)

    def test_a_profile_given_with_template_file(self):
        r, got = convert("form.txt", "--template", "xanadu.toml", cwd=self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_read(got)
        checked = run("check", "form.txt", "--template", "xanadu.toml", cwd=self.path)
        self.assertNotIn("parse-error", checked.stdout)

    def test_a_bad_profile_is_refused_with_its_line(self):
        with open(os.path.join(self.path, "bad.toml"), "w", encoding="utf-8") as f:
            header = PROVINCE.index("\n", PROVINCE.index("[funds.columns]")) + 1
            f.write(PROVINCE[:header] + 'budget = ["预算"]\n' + PROVINCE[header:])
        r, _ = convert("form.txt", "--template", "bad.toml", cwd=self.path)
        self.assertEqual(r.returncode, 2)
        line = PROVINCE[: PROVINCE.index("[funds.columns]")].count("\n") + 2
        self.assertIn(f"bad.toml:{line}:1: [funds.columns] has no column “budget”", r.stderr)


class Detection(unittest.TestCase):
    def test_template_list_and_show(self):
        r = run("template", "list")
        self.assertEqual(r.returncode, 0, r.stderr)
        names = [line.split()[0] for line in r.stdout.splitlines()]
        self.assertEqual(names, ["national", "shanghai-2023", "sichuan-2023", "xianjie"])
        shown = run("template", "show", "sichuan-2023")
        self.assertEqual(shown.returncode, 0)
        self.assertIn('labels = ["财政专户管理资金"]', shown.stdout)
        self.assertEqual(run("template", "show", "nowhere").returncode, 2)

    def test_the_report_names_the_template_used(self):
        names = {"01": "national", "03": "national", "04": "sichuan-2023", "05": "national",
                 "12": "national"}
        for name in sorted(os.listdir(REAL)):
            if not name.endswith(".layout.txt"):
                continue
            path = os.path.join(REAL, name)
            r = run("check", "--format", "json", "--exit-zero", path)
            self.assertEqual(r.returncode, 0, r.stderr)
            forms = json.loads(r.stdout)["files"][0]["forms"]
            self.assertEqual([f["template"] for f in forms], [names[name[:2]]], name)
            r = run("check", "--lang", "en", "--exit-zero", path)
            self.assertIn(" · template " + names[name[:2]], r.stdout.splitlines()[0])
        # Plain pes/1 that names no template: none.
        r = run("check", "--format", "json", os.path.join(SOURCE, "samples", "form01.json"))
        self.assertIsNone(json.loads(r.stdout)["files"][0]["forms"][0]["template"])

    def test_forcing_a_template(self):
        path = os.path.join(REAL, "04-sichuan-meishan-qingshen-2023.layout.txt")
        r, got = convert(path)
        self.assertEqual(got["funds"]["total"]["annual"], num("251.89"))
        self.assertEqual(got["template"], "sichuan-2023")
        # Read as the national template, 调整后预算数 is no column it knows.
        r, got = convert(path, "--template", "national")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("annual", got.get("funds", {}).get("total", {}))
        r = run("convert", path, "-", "--template", "nowhere")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no template named “nowhere”", r.stderr)

    def test_a_form_no_profile_fits_gets_one_finding(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "odd.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("某某情况表\n单位\t甲\n年度资金总额\t1\t2\t3\n总分\t90\n")
            r = run("check", path)
            self.assertEqual(r.returncode, 1)
            lines = [l for l in r.stdout.splitlines() if "parse-error" in l]
            self.assertEqual(len(lines), 1, r.stdout)
            self.assertIn("no template fits this form: the closest is", lines[0])
            self.assertEqual(lines[0].count("得分"), 1)  # each missing label named once

    def test_second_header_row_and_grade_in_the_total_row(self):
        r, got = convert(os.path.join(REAL, "03-yunnan-lincang-yongde-2022.layout.txt"))
        self.assertEqual(got["indicators"][0]["target"], "≧735人次")
        self.assertEqual((got["total"], got["grade"]), (96, "优"))

    def test_repeated_header_and_sub_rows_are_notices(self):
        head = ["一级指标", "二级指标", "三级指标", "年初 指标值", "年度 指标值", "实际 完成值", "分值",
                "得分", "偏差原因分析及改进措施"]
        form = "\n".join("\t".join(r) for r in [
            ["项目支出绩效自评表"], ["(2021年度)"],
            ["项目名称", "乙"],
            ["项目资金 (万元)", "", "年初 预算数", "全年 预算数", "全年 执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "", "10", "9", "10", "", "9"],
            head[:3] + head[4:],
            ["产出指标", "数量指标", "道路", "2公里", "2公里", "50", "50", ""],
            ["", "", "其中:村道", "1公里", "1公里", "", "", ""],
            head[:3] + head[4:],
            ["效益指标", "社会效益指标", "通行", "好", "好", "40", "36", "0"],
        ]) + "\n"
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "p.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(form)
            r, got = convert(path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([i["name"] for i in got["indicators"]], ["道路", "通行"])
        self.assertEqual(got["indicators"][1]["reason"], "0")
        self.assertIn("unscored sub-row “其中:村道”: left out", r.stderr)
        self.assertIn("the indicator table's header repeated (a page break): skipped", r.stderr)
        # a blank 年初预算数 and a blank 执行率 stay blank: nothing shifts into them
        self.assertEqual(got["funds"]["total"], squeeze({"annual": "10", "executed": "9",
                                                         "score": "9"}))
        self.assertEqual(got["funds"]["weight"], 10)

    def test_xianjie_weight_before_target(self):
        form = "\n".join("\t".join(r) for r in [
            ["2023年度衔接资金项目绩效目标自评表"],
            ["项目名称", "产业路"],
            ["项目资金(万元)", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "50", "50", "10", "100%", "10"],
            ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
             "未完成原因及拟采取的改进措施"],
            ["产出指标", "数量指标", "道路长度", "40", "2公里", "", "40", ""],
            ["总分", "", "", "", "", "", "90"],
            ["评分等级", "优"],
        ]) + "\n"
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(form)
            r, got = convert(path)
            self.assertEqual(r.returncode, 0, r.stderr)
        ind = got["indicators"][0]
        self.assertEqual((ind["weight"], ind["target"], ind["score"]), (40, "2公里", 40))
        self.assertNotIn("actual", ind)  # a blank 全年实际值 stays blank, nothing shifts into it
        self.assertEqual(got["funds"]["total"], squeeze({"annual": "50", "executed": "50",
                                                         "rate": "100%", "score": "10"}))
        self.assertEqual((got["year"], got["total"], got["grade"]), (2023, 90, "优"))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
