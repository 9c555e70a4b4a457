#!/usr/bin/env python3
"""One language under --lang zh, one name per severity level, and the year-end summary.

usage: language_summary_test.py PES SOURCE_DIR [unittest arguments]
"""
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))

# English words that must not appear in what pes writes for people under --lang zh.
ENGLISH = re.compile(r"\b(error|warning|notice|info|cannot|unknown|required|expected|unexpected|"
                     r"syntax|No such file|is not one of|needs)\b")


def run(args, cwd=None, stdin=None):
    env = dict(os.environ, NO_COLOR="1", LANG="C")
    env.pop("GITHUB_STEP_SUMMARY", None)
    p = subprocess.run([PES] + args, cwd=cwd or SRC, env=env, capture_output=True, text=True,
                       input=stdin)
    return p.returncode, p.stdout, p.stderr


def read(path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        return f.read()


def english_left(text):
    """The English words left in text, paths, rule names and option names aside."""
    words = []
    for line in text.splitlines():
        line = re.sub(r"\[[a-z-]+\]", "", line)  # 错误[rate-mismatch]
        line = re.sub(r"--?[a-z-]+", "", line)  # option names
        line = re.sub(r"\S+\.(json|jsonl|csv|toml|xlsx)\S*", "", line)  # paths
        words += ENGLISH.findall(line)
    return words


class ChineseThroughout(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_zh_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_usage_errors(self):
        cases = [
            (["chek", "--lang", "zh", "x"], "未知的命令“chek”（是否想输入“check”？）"),
            (["check", "--lang", "zh", "--fail-on", "bogus", "samples/form01.json"],
             "“bogus”不是 error、warning、notice、info 之一"),
            (["check", "--lang", "zh", "--nope", "samples/form01.json"], "未知的选项“--nope”"),
            (["check", "--lang", "zh", "--output"], "--output 需要一个取值"),
            (["template", "--lang", "zh"], "需要指定命令：list、show"),
            (["check", "--lang", "zh", "no-such.json"], "pes：no-such.json：无法打开：文件或目录不存在"),
            (["check", "--lang", "zh", "--output", "sarif:/no/such/dir/x.sarif", "samples/form01.json"],
             "文件或目录不存在"),
        ]
        for args, says in cases:
            code, _, err = run(args)
            self.assertEqual(code, 2, args)
            self.assertIn(says, err, args)
            self.assertTrue(err.startswith("pes："), err)
            self.assertEqual(english_left(err.split("不是")[0]), [], err)  # values are as typed
        # The same mistakes in English stay English.
        code, _, err = run(["check", "--lang", "en", "no-such.json"])
        self.assertEqual(err, "pes: no-such.json: cannot open: No such file or directory\n")

    def test_lang_before_the_command(self):
        # `pes --lang zh check …` is `pes check --lang zh …`, as a person reads it.
        code, before, _ = run(["--lang", "zh", "check", "samples/form01.json"])
        code_after, after, _ = run(["check", "--lang", "zh", "samples/form01.json"])
        self.assertEqual((code, before), (code_after, after))
        self.assertIn("张自评表", before)
        code, eq, _ = run(["--lang=zh", "check", "samples/form01.json"])
        self.assertEqual(eq, after)
        # Without a command, the usage error is in the language asked for.
        code, _, err = run(["--lang", "zh"])
        self.assertEqual(code, 2)
        self.assertIn("需要指定命令", err)

    def test_broken_json_and_the_finding_lines(self):
        path = self.write("broken.json", '{"year": 2023,\n "project": "甲" "x": 1}')
        code, out, err = run(["check", "--lang", "zh", path])
        self.assertEqual(code, 1)
        self.assertIn("错误[parse-error] JSON 格式错误：解析对象时出错：意外的字符串；应为“}”", out)
        self.assertEqual(english_left(out + err), [], out + err)
        # A JSON Lines line that is not JSON, as the batch names it on standard error.
        code, out, err = run(["batch", "--lang", "zh", "--no-progress", "-"], stdin="[1,]\n")
        self.assertIn("错误[parse-error] JSON 格式错误：解析值时出错：意外的“]”", err)
        self.assertEqual(english_left(out + err), [], out + err)

    def test_tables_and_summary(self):
        forms = os.path.join(self.dir, "forms.csv")
        findings = os.path.join(self.dir, "findings.csv")
        code, out, err = run(["batch", "--lang", "zh", "--no-progress", "--out", forms, "--findings",
                              findings, "samples/form11.json"])
        self.assertEqual(code, 0, err)
        head = read(forms, "utf-8-sig").splitlines()[0]
        self.assertTrue(head.startswith("文件,自评表序号,行,年度,主管部门,项目名称,金额单位,"
                                        "全年预算数（万元）,全年执行数（万元）,执行率（填报）,执行率（重算）"), head)
        rows = read(findings, "utf-8-sig").splitlines()
        self.assertEqual(rows[0], "文件,自评表序号,行,列,位置,规则,级别,填报值,应为,说明,接受理由")
        self.assertIn(",deduction-without-reason,警告,", rows[1])
        self.assertEqual(english_left(out + err), [], out)
        # A Chinese table this run writes again, inside the folder it checks, is not read.
        shutil.copy(os.path.join(SRC, "samples", "form11.json"), os.path.join(self.dir, "a.json"))
        for _ in range(2):
            code, out, err = run(["batch", "--lang", "zh", "--no-progress", "--out", forms,
                                  "--findings", findings, self.dir])
        self.assertEqual(code, 0, out + err)
        self.assertIn("forms.csv：已跳过：本次运行要写入该文件", err)
        self.assertIn("findings.csv：已跳过：本次运行要写入该文件", err)

    def test_step_summary(self):
        md = os.path.join(self.dir, "summary.md")
        env = dict(os.environ, NO_COLOR="1", GITHUB_STEP_SUMMARY=md)
        subprocess.run([PES, "check", "--lang", "zh", "--output", "github", "samples/form11.json"],
                       cwd=SRC, env=env, capture_output=True, check=False)
        text = read(md)
        self.assertIn("| 文件 | 行 | 列 | 级别 | 规则 | 说明 |", text)
        self.assertIn("| 警告 | `deduction-without-reason` |", text)
        self.assertEqual(english_left(text), [], text)


class Notice(unittest.TestCase):
    def test_one_name_for_the_lowest_level(self):
        args = ["--severity", "deduction-without-reason=notice", "samples/form11.json"]
        code, out, _ = run(["check", "--lang", "en"] + args)
        self.assertEqual(code, 0)
        self.assertIn("notice[deduction-without-reason]", out)
        self.assertTrue(out.endswith("0 errors, 0 warnings, 1 notice\n"), out)
        code, out, _ = run(["check", "--lang", "zh"] + args)
        self.assertIn("提示[deduction-without-reason]", out)
        code, out, _ = run(["check", "--format", "json"] + args)
        self.assertIn('"severity": "notice"', out)
        self.assertIn('"notices": 1', out)
        self.assertNotIn("info", out)
        code, out, _ = run(["check", "--output", "github"] + args)
        self.assertTrue(out.startswith("::notice file="), out)
        code, out, _ = run(["check", "--output", "sarif"] + args)
        self.assertIn('"level": "note"', out)
        code, out, _ = run(["check", "--output", "gitlab"] + args)
        self.assertIn('"severity": "info"', out)
        for name in ("notice", "info"):  # info: the deprecated name, still read
            self.assertEqual(run(["check", "--fail-on", name] + args)[0], 1, name)


class YearEndSummary(unittest.TestCase):
    def test_samples_are_twelve_forms_filed_twice(self):
        code, out, err = run(["batch", "--lang", "en", "--no-progress", "samples/"])
        self.assertEqual(code, 0, err)
        self.assertIn("24 forms (12 distinct, 12 duplicates)", out)
        dups = re.findall(r"^  samples/form(\d\d)\.json#1 = samples/filings\.csv#(\d+)\t", out, re.M)
        self.assertEqual([(int(a), int(b)) for a, b in dups], [(n, n) for n in range(1, 13)])
        # The money of the twelve, each once, in 万元 with thousands separators, by year.
        self.assertIn("\n  2023\t12\t5,142.61\t5,061.84\t98.43%\n"
                      "    上海市普陀区科学技术委员会\t12\t5,142.61\t5,061.84\t98.43%\n", out)
        code, out, err = run(["batch", "--lang", "zh", "--no-progress", "samples/"])
        self.assertIn("自评表 24 张（不同的 12 张，重复 12 张）", out)
        self.assertIn("重复的自评表（12 张，只计一次）：\n  samples/form01.json#1 与 samples/filings.csv#1 相同\t"
                      "市张江管委会专项发展资金监管经费\n", out)

    def test_forms_with_errors_are_listed_without_findings_table(self):
        code, out, err = run(["batch", "--lang", "en", "--no-progress", "--rounding", "half-up",
                              "samples/form01.json", "samples/form11.json"])
        self.assertEqual(code, 1)
        self.assertIn("forms with errors (2):\n  samples/form01.json#1\t市张江管委会专项发展资金监管经费\t2 errors\n"
                      "  samples/form11.json#1\t服务经济工作经费\t2 errors\n", out)
        code, out, err = run(["batch", "--lang", "en", "--no-progress", "samples/form01.json"])
        self.assertNotIn("forms with errors (", out)


class Progress(unittest.TestCase):
    def progress(self, cwd, args):
        """What pes batch writes to standard error when it is a terminal."""
        master, slave = pty.openpty()
        env = dict(os.environ, NO_COLOR="1")
        p = subprocess.Popen([PES, "batch", "--lang", "en"] + args, cwd=cwd, env=env,
                             stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        data = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        p.wait()
        os.close(master)
        return data.decode("utf-8", "replace")

    def test_accepted_findings_are_no_errors(self):
        d = tempfile.mkdtemp(prefix="pes_progress_")
        try:
            shutil.copy(os.path.join(SRC, "samples", "form01.json"), os.path.join(d, "a.json"))
            with open(os.path.join(d, "pes.toml"), "w", encoding="utf-8") as f:
                f.write('rounding = "half-up"\n')
            self.assertIn("forms with errors 1", self.progress(d, ["a.json"]))
            with open(os.path.join(d, "pes.toml"), "a", encoding="utf-8") as f:
                f.write('[[accept]]\npaths = ["a.json"]\nrule = "ALL"\nreason = "复核确认"\n')
            line = self.progress(d, ["a.json"])
            self.assertIn("forms 1", line)
            self.assertIn("forms with errors 0", line)
        finally:
            shutil.rmtree(d)


if __name__ == "__main__":
    unittest.main()
