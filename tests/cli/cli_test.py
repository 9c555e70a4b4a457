#!/usr/bin/env python3
"""End-to-end tests of pes check's CI outputs, pes.toml and every selection flag.

usage: cli_test.py PES SOURCE_DIR [unittest arguments]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))


def sample(n):
    return os.path.join(SRC, "samples", "form%02d.json" % n)


class Run:
    def __init__(self, args, cwd=None, env=None):
        e = dict(os.environ, NO_COLOR="1", LANG="C")
        e.pop("GITHUB_STEP_SUMMARY", None)
        e.update(env or {})
        p = subprocess.run([PES] + args, cwd=cwd or SRC, env=e, capture_output=True, text=True)
        self.code, self.out, self.err = p.returncode, p.stdout, p.stderr


class Tmp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_cli_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, rel, text):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def copy(self, n, rel):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copy(sample(n), path)
        return path


class Outputs(Tmp):
    def test_github_and_sarif_from_one_run(self):
        r = Run(["check", "--output", "github", "--output", "sarif:" + os.path.join(self.dir, "pes.sarif"),
                 "samples/form01.json", "samples/form11.json"])
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out, "::warning file=samples/form11.json,line=168,col=17,"
                                "title=pes (deduction-without-reason)::“服务市场主体，营造良好的营商环境” "
                                "lost 1.00 points (8.00 → 7.00) with no 偏差原因分析及改进措施\n")
        sarif = json.load(open(os.path.join(self.dir, "pes.sarif"), encoding="utf-8"))
        self.assertEqual(sarif["version"], "2.1.0")
        [res] = sarif["runs"][0]["results"]
        self.assertEqual(res["ruleId"], "deduction-without-reason")
        self.assertEqual(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                         "samples/form11.json")
        self.assertEqual(os.listdir(self.dir), ["pes.sarif"])  # no temporary file left

    def test_sarif_is_stable_across_runs(self):
        a = Run(["check", "--format", "sarif", "--rounding", "half-up", "samples/form01.json"])
        b = Run(["check", "--output", "sarif", "--rounding", "half-up", "samples/form01.json"])
        self.assertEqual(a.code, 1)
        self.assertEqual(a.out, b.out)

    def test_output_file_that_cannot_be_written_is_exit_2(self):
        r = Run(["check", "--output", "json:" + os.path.join(self.dir, "no", "x.json"), "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("no/x.json", r.err)
        r = Run(["check", "--output", "xml", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("“xml” is not one of text, json, sarif", r.err)

    def test_the_same_report_twice_to_one_place_is_refused(self):
        r = Run(["check", "--output", "json", "--output", "json", "samples/form01.json"])
        self.assertEqual((r.code, r.out), (2, ""))
        self.assertIn("json report is asked for twice to standard output", r.err)
        a = os.path.join(self.dir, "a.sarif")
        r = Run(["check", "--output", "sarif:" + a, "--output", "sarif:" + self.dir + "/./a.sarif",
                 "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertFalse(os.path.exists(a))
        # Two different reports, or one report to two places, are fine.
        r = Run(["check", "--output", "json:" + a, "--output", "sarif:" + a + ".2", "--output", "sarif",
                 "samples/form01.json"])
        self.assertEqual(r.code, 0, r.err)

    def test_junit_parses_with_a_real_xml_parser(self):
        path = os.path.join(self.dir, "junit.xml")
        r = Run(["check", "--fail-on", "warning", "--output", "junit:" + path, "--output", "text", "samples/form01.json",
                 "samples/form11.json", "tests/golden/truncated.json", "tests/golden/array.json"])
        self.assertEqual(r.code, 1)
        self.assertIn("1 warning", r.out)
        root = ET.parse(path).getroot()
        self.assertEqual(root.tag, "testsuites")
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites],
                         ["samples/form01.json", "samples/form11.json", "tests/golden/truncated.json",
                          "tests/golden/array.json"])
        clean, warned, broken, array = suites
        self.assertEqual(len(clean.findall("testcase")), 1)
        self.assertIsNone(clean.find("testcase/failure"))
        self.assertEqual(warned.find("testcase/failure").get("type"), "deduction-without-reason")
        self.assertEqual(broken.get("errors"), "1")
        self.assertEqual(broken.find("testcase/error").get("type"), "parse-error")
        self.assertGreater(int(array.get("failures")), 0)
        total = sum(int(s.get("tests")) for s in suites)
        self.assertEqual(int(root.get("tests")), total)
        xmllint = shutil.which("xmllint")
        if xmllint:
            self.assertEqual(subprocess.run([xmllint, "--noout", path]).returncode, 0)

    def test_github_step_summary(self):
        md = os.path.join(self.dir, "summary.md")
        r = Run(["check", "--output", "github", "samples/form11.json", "tests/golden/broken.json"],
                env={"GITHUB_STEP_SUMMARY": md})
        self.assertEqual(r.code, 1)
        text = open(md, encoding="utf-8").read()
        self.assertIn("| file | line | column | severity | rule | message |", text)
        self.assertIn("| samples/form11.json | 168 | 17 | warning | `deduction-without-reason` |", text)
        self.assertIn("| tests/golden/broken.json |", text)
        Run(["check", "--output", "text", "samples/form11.json"], env={"GITHUB_STEP_SUMMARY": md})
        self.assertEqual(open(md, encoding="utf-8").read(), text)  # only the github format writes it

    def test_what_a_walk_cannot_reach_is_in_every_report_for_machines(self):
        # A path that does not exist, and (where permissions apply) a folder that cannot be
        # listed: each is an unreadable input in its place, in SARIF, JUnit and JSON alike.
        folder = self.dir
        self.copy(1, "a.json")
        locked = os.path.join(folder, "locked")
        self.copy(2, "locked/b.json")
        os.chmod(locked, 0)
        os.chmod(folder, 0o755)
        prefix = []
        if os.geteuid() == 0:  # root lists any folder: drop to nobody so that permissions apply
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            if shutil.which("setpriv") is None:
                prefix = None
        missing = os.path.join(folder, "missing.json")
        cases = [([missing], 1)] + ([([folder], 1), ([folder, missing], 2)] if prefix is not None else [])
        try:
            for paths, unreadable in cases:
                with self.subTest(paths=paths):
                    def run(*fmt):
                        p = subprocess.run((prefix or []) + [PES, "check", "--lang", "en", *fmt, *paths],
                                           capture_output=True, text=True,
                                           env=dict(os.environ, NO_COLOR="1"))
                        self.assertEqual(p.returncode, 2, p.stderr)
                        self.assertIn("cannot open", p.stderr)
                        return p.stdout
                    sarif = json.loads(run("--format", "sarif"))
                    invocation = sarif["runs"][0]["invocations"][0]
                    self.assertFalse(invocation["executionSuccessful"])
                    self.assertEqual(len(invocation["toolExecutionNotifications"]), unreadable)
                    report = json.loads(run("--format", "json"))
                    self.assertEqual(report["summary"]["unreadable_files"], unreadable)
                    junit = ET.fromstring(run("--format", "junit"))
                    self.assertEqual(len(junit.findall(".//error")), unreadable)
        finally:
            os.chmod(locked, 0o755)

    def test_a_path_with_no_form_fails_in_every_report_for_machines(self):
        # Nothing checked is no pass: an empty folder, JSON Lines file or array, or empty
        # standard input is exit 2, and each report says so, as for what cannot be read.
        os.makedirs(os.path.join(self.dir, "empty"))
        cases = [[os.path.join(self.dir, "empty")], [self.write("e.jsonl", "\n")],
                 [self.write("e.json", "[]")], ["-"]]
        for paths in cases:
            with self.subTest(paths=paths):
                def run(*fmt):
                    p = subprocess.run([PES, "check", "--lang", "en", *fmt, *paths],
                                       capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                       env=dict(os.environ, NO_COLOR="1"))
                    self.assertEqual(p.returncode, 2, p.stderr)
                    self.assertIn("no forms found in ", p.stderr)
                    return p.stdout
                invocation = json.loads(run("--format", "sarif"))["runs"][0]["invocations"][0]
                self.assertFalse(invocation["executionSuccessful"])
                self.assertIn("no forms found in ",
                              invocation["toolExecutionNotifications"][0]["message"]["text"])
                report = json.loads(run("--format", "json"))
                self.assertEqual(report["summary"]["unreadable_files"], 1)
                self.assertEqual(len(report["files"]), 1)  # the path once, not twice
                junit = ET.fromstring(run("--format", "junit"))
                self.assertEqual(len(junit.findall(".//error")), 1)

    def test_json_envelope(self):
        r = Run(["check", "--output", "json", "samples/form01.json"])
        doc = json.loads(r.out)
        self.assertEqual(list(doc), ["schema_version", "tool", "summary", "files"])
        self.assertEqual(doc["tool"]["name"], "pes")
        schema = json.load(open(os.path.join(SRC, "schemas", "report.schema.json"), encoding="utf-8"))
        self.assertEqual(schema["required"], list(doc))

    def test_statistics(self):
        r = Run(["check", "--statistics", "--rounding", "half-up", "samples/form01.json", "samples/form11.json"])
        self.assertRegex(r.out, r"\n +1  deduction-without-reason +warning ")
        self.assertRegex(r.out, r"\n +2  budget-score-mismatch +error ")
        # With a machine format on standard output the counts go to standard error.
        r = Run(["check", "--statistics", "--format", "json", "samples/form11.json"])
        json.loads(r.out)
        self.assertIn("deduction-without-reason", r.err)


class Selection(Tmp):
    def rules_fired(self, args, files=("samples/form01.json",)):
        r = Run(["check", "--format", "json", "--rounding", "half-up"] + list(args) + list(files))
        doc = json.loads(r.out)
        fired = [f["rule"] for file in doc["files"] for form in file["forms"] for f in form["findings"]]
        return r.code, sorted(set(fired))

    def test_half_up_fires_funds_and_totals(self):
        code, fired = self.rules_fired([])
        self.assertEqual(code, 1)
        self.assertIn("budget-score-mismatch", fired)
        self.assertIn("total-mismatch", fired)

    def test_select_group(self):
        self.assertEqual(self.rules_fired(["--select", "funds"])[1], ["budget-score-mismatch"])
        # Selecting a group turns on its rules that are off by default (level1-weights).
        self.assertEqual(self.rules_fired(["--select", "totals"])[1], ["level1-weights", "total-mismatch"])
        self.assertEqual(self.rules_fired(["--select", "structure"]), (0, []))

    def test_ignore_and_extend_select(self):
        code, fired = self.rules_fired(["--select", "funds,totals", "--ignore", "budget-score-mismatch",
                                        "--ignore", "totals"])
        self.assertEqual((code, fired), (0, []))
        code, fired = self.rules_fired(["--select", "structure", "--extend-select", "total-mismatch"])
        self.assertEqual(fired, ["total-mismatch"])
        # The rule is more specific than the group that ignores it.
        self.assertEqual(self.rules_fired(["--select", "ALL", "--ignore", "funds",
                                           "--extend-select", "budget-score-mismatch"])[1],
                         ["budget-score-mismatch", "level1-weights", "total-mismatch"])

    def test_unknown_rule_is_exit_2(self):
        for flag in ["--select", "--ignore", "--extend-select"]:
            r = Run(["check", flag, "rate-mismatchh", "samples/form01.json"])
            self.assertEqual(r.code, 2, flag)
            self.assertIn("unknown rule or group “rate-mismatchh”", r.err)
        r = Run(["check", "--severity", "nope=error", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        r = Run(["check", "--severity", "rate-mismatch:error", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("RULE=error|warning|notice", r.err)

    def test_two_reports_to_one_file_are_refused_and_people_text_leaves_standard_output(self):
        d = tempfile.mkdtemp(prefix="pes-outputs-")
        both = os.path.join(d, "r.json")
        r = Run(["check", "--lang", "en", "samples/form11.json", "--output", "json:" + both,
                 "--output", "sarif:" + os.path.join(d, ".", "r.json")])
        self.assertEqual(r.code, 2)
        self.assertIn("the json and sarif reports both go to", r.err)
        self.assertIn("where only one would be left; give each its own file", r.err)
        self.assertEqual(os.listdir(d), [])
        r = Run(["check", "--lang", "en", "samples/form11.json", "--out", os.path.join(d, "t.csv"),
                 "--findings", os.path.join(d, "t.csv")])
        self.assertEqual(r.code, 2)
        self.assertEqual(os.listdir(d), [])
        # Text for people moves to standard error when a report for machines takes standard output.
        r = Run(["check", "--lang", "en", "samples/form11.json", "--output", "text", "--output", "json"])
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(json.loads(r.out)["summary"]["forms"], 1)
        self.assertIn("1 file, 1 form: 0 errors, 1 warning, 0 notices", r.err)
        # A summary or statistics asked for is printed once.
        r = Run(["batch", "--lang", "en", "--no-progress", "--format", "summary", "samples/form11.json"])
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out.count("findings by rule:"), 1)
        r = Run(["check", "--lang", "en", "--statistics", "--format", "statistics", "samples/form11.json"])
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out.count("deduction-without-reason"), 1)

    def test_convert_of_what_a_csv_cannot_hold_is_exit_1_and_says_why_in_one_language(self):
        d = tempfile.mkdtemp(prefix="pes-convert-")
        form = json.load(open(sample(1), encoding="utf-8"))
        del form["indicators"][0]["actual"]
        src = os.path.join(d, "noact.json")
        json.dump(form, open(src, "w", encoding="utf-8"), ensure_ascii=False)
        out = os.path.join(d, "out.csv")
        r = Run(["convert", "--lang", "zh", src, out])
        self.assertEqual(r.code, 1)
        self.assertIn("pes convert：无法写出 CSV：第 1 张自评表（市张江管委会专项发展资金监管经费）：第 1 个指标完全没有实际完成值",
                      r.err)
        r = Run(["convert", "--lang", "en", src, out])
        self.assertEqual(r.code, 1)
        self.assertIn("cannot write the CSV: form 1 (市张江管委会专项发展资金监管经费): indicator 1 has no 实际完成值 at all",
                      r.err)
        self.assertFalse(os.path.exists(out))

    def test_convert_output_of_no_known_kind_is_exit_2(self):
        out = os.path.join(tempfile.mkdtemp(prefix="pes-convert-"), "out.foo")
        r = Run(["convert", "--lang", "en", "samples/form01.json", out])
        self.assertEqual(r.code, 2)
        self.assertIn("end it in one of .json, .csv, or name the format with --to json|csv", r.err)
        r = Run(["convert", "--lang", "zh", "samples/form01.json", out])
        self.assertEqual(r.code, 2)
        self.assertIn("pes convert：无法从“" + out + "”判断输出格式；请使用 .json、.csv 之一的扩展名", r.err)
        self.assertFalse(os.path.exists(out))

    def test_severity_fail_on_exit_zero_max_warnings(self):
        f11 = ["samples/form11.json"]
        self.assertEqual(Run(["check"] + f11).code, 0)
        self.assertEqual(Run(["check", "--severity", "deduction-without-reason=error"] + f11).code, 1)
        self.assertEqual(Run(["check", "--severity", "indicators=error"] + f11).code, 1)
        self.assertEqual(Run(["check", "--fail-on", "warning"] + f11).code, 1)
        r = Run(["check", "--fail-on", "warning", "--severity", "deduction-without-reason=notice"] + f11)
        self.assertEqual(r.code, 0)
        self.assertIn("notice[deduction-without-reason]", r.out)
        self.assertIn("1 notice\n", r.out)
        # info: the former name of notice, still read.
        r = Run(["check", "--fail-on", "warning", "--severity", "deduction-without-reason=info"] + f11)
        self.assertEqual(r.code, 0)
        self.assertIn("notice[deduction-without-reason]", r.out)
        self.assertEqual(Run(["check", "--max-warnings", "0"] + f11).code, 1)
        self.assertEqual(Run(["check", "--max-warnings", "1"] + f11).code, 0)
        self.assertEqual(Run(["check", "--exit-zero", "--rounding", "half-up", "samples/form01.json"]).code, 0)
        self.assertEqual(Run(["check", "--exit-zero", "--fail-on", "warning"] + f11).code, 0)
        self.assertEqual(Run(["check", "--exit-zero", "no-such-file.json"]).code, 2)
        # --fail-on notice fails on a notice; info is its former name.
        demoted = ["--severity", "deduction-without-reason=notice"] + f11
        self.assertEqual(Run(["check", "--fail-on", "warning"] + demoted).code, 0)
        for name in ("notice", "info"):
            self.assertEqual(Run(["check", "--fail-on", name] + demoted).code, 1, name)
            self.assertEqual(Run(["batch", "--no-progress", "--fail-on", name] + demoted).code, 1, name)
        self.assertEqual(Run(["check", "--fail-on", "notice", "samples/form01.json"]).code, 0)
        self.assertEqual(Run(["check", "--fail-on", "fatal"] + f11).code, 2)


class Config(Tmp):
    def test_half_up_config_fails_seed_form_1(self):
        self.write("pes.toml", 'rounding = "half-up"\n')
        form = self.copy(1, "filings/form01.json")
        sub = os.path.join(self.dir, "filings")
        r = Run(["check", "--lang", "en", "form01.json"], cwd=sub)  # found by walking up
        self.assertEqual(r.code, 1, r.out + r.err)
        self.assertIn("error[budget-score-mismatch]", r.out)
        self.assertIn("9.84", r.out)
        self.assertIn("9.85", r.out)
        self.assertEqual(Run(["check", "form01.json", "--rounding", "truncate"], cwd=sub).code, 0)
        # Without the config the same form is clean.
        self.assertEqual(Run(["check", form], cwd=SRC).code, 0)
        # --config names one explicitly, from anywhere.
        self.assertEqual(Run(["check", "--config", os.path.join(self.dir, "pes.toml"), sample(1)]).code, 1)
        # pes score follows the config's rounding too.
        score = json.loads(Run(["score", "form01.json"], cwd=sub).out)
        self.assertEqual(score["funds"]["total"]["score"], 9.85)

    def test_issue_example_and_overrides(self):
        self.write("pes.toml", """rounding = "half-up"            # auto | truncate | half-up
fail-on = "warning"
select = ["ALL"]
ignore = ["target-met-deducted"]
[grades]                        # lower bounds, inclusive
优 = 90
良 = 80
中 = 60
[severity]
deduction-without-reason = "error"
[[overrides]]
paths = ["filings/2022/**"]
rounding = "truncate"
""")
        self.copy(1, "filings/2022/a.json")
        self.copy(1, "filings/2023/a.json")
        r = Run(["check", "--format", "json", "filings/2022/a.json", "filings/2023/a.json"], cwd=self.dir)
        self.assertEqual(r.code, 1)
        doc = json.loads(r.out)
        old, new = doc["files"]
        # select = ALL turns on level1-weights too: form 1 weighs 45 / 30 / 15, two notices.
        self.assertEqual([(f["rule"], f["severity"]) for f in old["forms"][0]["findings"]],
                         [("level1-weights", "notice")] * 2)
        self.assertEqual(old["forms"][0]["recomputed"]["rounding"], "truncate")
        self.assertIn("budget-score-mismatch", [f["rule"] for f in new["forms"][0]["findings"]])
        self.assertEqual(Run(["check", "filings/2022/a.json"], cwd=self.dir).code, 0)
        # Severity from the config: form 11's warning becomes an error.
        self.copy(11, "filings/2022/b.json")
        r = Run(["check", "--lang", "en", "filings/2022/b.json"], cwd=self.dir)
        self.assertEqual(r.code, 1)
        self.assertIn("error[deduction-without-reason]", r.out)

    def test_grades_from_config(self):
        self.write("pes.toml", "[grades]\n优 = 99.9\n")
        self.copy(1, "a.json")  # total 99.84, reported 优
        r = Run(["check", "--lang", "en", "a.json"], cwd=self.dir)
        self.assertEqual(r.code, 1)
        self.assertIn("error[grade-mismatch]", r.out)

    def test_selection_and_limits_from_config(self):
        self.copy(11, "a.json")
        self.write("pes.toml", 'ignore = ["indicators"]\nfail-on = "warning"\n')
        self.assertEqual(Run(["check", "a.json"], cwd=self.dir).code, 0)
        self.assertEqual(Run(["check", "a.json", "--extend-select", "deduction-without-reason"], cwd=self.dir).code, 1)
        self.write("pes.toml", 'max-warnings = 0\n')
        self.assertEqual(Run(["check", "a.json"], cwd=self.dir).code, 1)
        self.assertEqual(Run(["check", "a.json", "--max-warnings", "5"], cwd=self.dir).code, 0)
        # -1 is no limit, as in ESLint, whatever pes.toml says; below -1 is a usage error.
        self.assertEqual(Run(["check", "a.json", "--max-warnings", "-1"], cwd=self.dir).code, 0)
        self.assertEqual(Run(["check", "a.json", "--max-warnings=-1"], cwd=self.dir).code, 0)
        bad = Run(["check", "a.json", "--max-warnings", "-2"], cwd=self.dir)
        self.assertEqual(bad.code, 2)
        self.assertIn("--max-warnings: -2 is less than -1", bad.err)
        for value in ("x", "1.5"):
            bad = Run(["check", "a.json", "--lang", "en", "--max-warnings", value], cwd=self.dir)
            self.assertEqual(bad.code, 2)
            self.assertIn(f"--max-warnings: “{value}” is not a whole number", bad.err)
        bad = Run(["check", "a.json", "--lang", "zh", "--max-warnings", "x"], cwd=self.dir)
        self.assertIn("--max-warnings：“x”不是整数", bad.err)
        self.assertIn("--jobs: 0 is not from 1 to 1024", Run(["batch", "--lang", "en", "-j", "0", "a.json"], cwd=self.dir).err)
        self.write("pes.toml", 'select = ["totals"]\n[[overrides]]\npaths = ["*.json"]\nextend-select = ["indicators"]\nfail-on = "warning"\n')
        self.assertEqual(Run(["check", "a.json"], cwd=self.dir).code, 1)
        self.assertEqual(Run(["check", "a.json", "--select", "funds"], cwd=self.dir).code, 0)

    def test_bad_config_is_exit_2_with_the_line(self):
        self.copy(1, "a.json")
        cases = [
            ('rounding = "half-up"\nselect = ["ALL"\n', "pes.toml:2:17: TOML syntax"),
            ('fail-on = "warning"\ncolour = "red"\n', "pes.toml:2:1: unknown key “colour”"),
            ('rounding = "nearest"\n', "pes.toml:1:12: rounding must be"),
            ('ignore = ["target-met-deductedd"]\n', "pes.toml:1:11: unknown rule or group"),
            ('[severity]\nrate-mismatch = "fatal"\n', "pes.toml:2:17: a severity must be"),
            ('[grades]\n优 = "ninety"\n', "pes.toml:2:5: a grade's lower bound"),
        ]
        for text, says in cases:
            self.write("pes.toml", text)
            r = Run(["check", "--lang", "en", "a.json"], cwd=self.dir)
            self.assertEqual(r.code, 2, text)
            self.assertIn(says, r.err)
            self.assertEqual(r.out, "")
        r = Run(["check", "--lang", "zh", "a.json"], cwd=self.dir)
        self.assertIn("配置错误", r.err)
        r = Run(["check", "--config", os.path.join(self.dir, "missing.toml"), "a.json"], cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("missing.toml: cannot read", r.err)


class RuleCommand(unittest.TestCase):
    def test_json_for_one_and_all_in_both_languages(self):
        for lang in ["en", "zh"]:
            one = Run(["rule", "rate-mismatch", "--format", "json", "--lang", lang])
            self.assertEqual(one.code, 0)
            j = json.loads(one.out)
            self.assertEqual(j["name"], "rate-mismatch")
            self.assertEqual(j["group"], "funds")
            for key in ["summary", "why", "example"]:
                self.assertTrue(j[key]["en"] and j[key]["zh"])
            every = json.loads(Run(["rule", "--list", "--format", "json", "--lang", lang]).out)
            self.assertEqual(every[0], j)
            names = [r["name"] for r in every]
            self.assertEqual(len(names), len(set(names)))
            self.assertIn("parse-error", names)
        self.assertIn("为什么", Run(["rule", "rate-mismatch", "--lang", "zh"]).out)
        self.assertIn("Why:", Run(["rule", "rate-mismatch", "--lang", "en"]).out)
        r = Run(["rule", "no-such-rule", "--format", "json"])
        self.assertEqual(r.code, 2)


class Score(Tmp):
    def test_score_refuses_a_form_with_an_unreadable_score(self):
        with open(sample(1), encoding="utf-8") as f:
            form = json.load(f)
        form["indicators"][0]["score"] = "十五"
        path = self.write("form.json", json.dumps(form, ensure_ascii=False))
        r = Run(["score", "--lang", "en", path])
        self.assertEqual(r.code, 1, r.out + r.err)
        self.assertEqual(r.out, "")
        self.assertIn("indicators[0].score: “十五” is not a number", r.err)
        self.assertIn("nothing written", r.err)
        # A value that is read, however written, is no reason to refuse.
        form["indicators"][0]["score"] = "１５.００"
        path = self.write("form.json", json.dumps(form, ensure_ascii=False))
        r = Run(["score", "--lang", "en", path])
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(json.loads(r.out)["total"], 99.84)


class OnePipeline(Tmp):
    """check and batch: directories, walk rules, the same thresholds, --quiet."""

    def filings(self):
        self.copy(1, "f/a.json")
        self.copy(11, "f/sub/b.json")  # one warning
        self.copy(1, "f/.hidden/c.json")
        self.copy(1, "f/__MACOSX/d.json")
        self.copy(1, "f/drafts/e.json")
        self.write("f/~$lock.xlsx", "not a workbook")
        self.write("f/._a.json", "macOS metadata")
        self.write("pes.toml", 'exclude = ["f/drafts/**"]\n')

    def test_check_walks_a_directory_with_the_walk_rules(self):
        self.filings()
        r = Run(["check", "f"], cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual([l.split(":")[0] for l in r.out.splitlines() if not l.startswith(" ")][:2],
                         ["f/a.json", "f/sub/b.json"])
        self.assertIn("2 files, 2 forms", r.out)
        for hidden in ("c.json", "d.json", "e.json", "lock", "._a"):
            self.assertNotIn(hidden, r.out + r.err)
        # --exclude on the command line, by name at any depth.
        r = Run(["check", "--exclude", "sub", "f"], cwd=self.dir)
        self.assertIn("1 file, 1 form", r.out)
        # A path named directly is read, excluded or not.
        r = Run(["check", "f/drafts/e.json"], cwd=self.dir)
        self.assertIn("1 file, 1 form", r.out)

    def test_no_forms_found_is_exit_2(self):
        os.makedirs(os.path.join(self.dir, "empty/.git"))
        r = Run(["check", "empty"], cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("no forms found in empty", r.err)

    def test_batch_honours_fail_on_and_max_warnings_and_output(self):
        self.filings()
        for command in ("check", "batch"):
            with self.subTest(command=command):
                self.assertEqual(Run([command, "f"], cwd=self.dir).code, 0)
                self.assertEqual(Run([command, "--fail-on", "warning", "f"], cwd=self.dir).code, 1)
                self.assertEqual(Run([command, "--max-warnings", "0", "f"], cwd=self.dir).code, 1)
                r = Run([command, "--output", "sarif", "f"], cwd=self.dir)
                self.assertEqual(len(json.loads(r.out)["runs"][0]["results"]), 1)
        self.write("pes.toml", 'fail-on = "warning"\nexclude = ["f/drafts/**"]\n')
        self.assertEqual(Run(["batch", "f"], cwd=self.dir).code, 1)

    def test_quiet_prints_only_findings(self):
        self.filings()
        r = Run(["check", "-q", "f"], cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        self.assertTrue(r.out.startswith("f/sub/b.json:168:17: warning[deduction-without-reason]"), r.out)
        self.assertNotIn("✓", r.out)
        self.assertNotIn("forms", r.out)
        r = Run(["batch", "--quiet", "f"], cwd=self.dir)
        self.assertEqual((r.code, r.out), (0, ""))

    def test_show_config_names_where_each_setting_came_from(self):
        self.write("pes.toml", 'rounding = "truncate"\n\n[[overrides]]\npaths = ["old/**"]\nfail-on = "warning"\n')
        r = Run(["check", "--show-config", "old/a.json", "--ignore", "over-execution"], cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        lines = {l.split()[0] + (" " + l.split()[1] if l.startswith("rule ") else ""): l
                 for l in r.out.splitlines() if l.strip()}
        self.assertRegex(lines["rounding"], r"truncate +pes.toml:1$")
        self.assertRegex(lines["fail-on"], r"warning +pes.toml:5")
        self.assertRegex(lines["rule over-execution"], r"off +--ignore$")
        self.assertRegex(lines["rule rate-mismatch"], r"error +default$")

    def test_did_you_mean(self):
        r = Run(["chek", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("unknown command “chek” (did you mean “check”?)", r.err)
        r = Run(["check", "--exlude", "x", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("unknown option “--exlude” (did you mean “--exclude”?)", r.err)
        r = Run(["check", "--select", "rate-mismath", "samples/form01.json"])
        self.assertEqual(r.code, 2)
        self.assertIn("did you mean “rate-mismatch”", r.err)
        r = Run(["check", "--lang", "zh", "--exlude", "x", "samples/form01.json"])
        self.assertIn("未知的选项“--exlude”", r.err)
        self.write("pes.toml", 'roundng = "truncate"\n')
        r = Run(["check", os.path.join(SRC, "samples/form01.json")], cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("did you mean “rounding”", r.err)

    def test_no_color_beats_color_always(self):
        r = Run(["check", "--color", "always", "samples/form11.json"], env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b[", r.out)
        r = Run(["check", "--color", "always", "samples/form11.json"], env={"NO_COLOR": ""})
        self.assertIn("\x1b[", r.out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
