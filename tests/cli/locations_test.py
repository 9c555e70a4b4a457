#!/usr/bin/env python3
"""End-to-end tests of where findings are placed: a workbook's Sheet!Cell in every CI format (no
two sheets collide), a CSV's spreadsheet row and column letters (a quoted cell's line breaks start
no row), the deduction finding at the reason cell a person must fill in, forms numbered from 1.

usage: locations_test.py PES SOURCE_DIR XLSX_DIR [unittest arguments]
Needs Debian's python3 with openpyxl; the JUnit XML is checked with xmllint when it is installed.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import openpyxl

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
XLSX = os.path.abspath(sys.argv.pop(1))
BOOK = os.path.join(XLSX, "forms.xlsx")  # forms 1-6 on sheet 自评表, 7-12 on sheet "Sheet 2"
MULTILINE = os.path.join(SRC, "tests", "golden", "csv_multiline.csv")

# A workbook's cell as pes names it: 自评表!H20, 'Sheet 2'!H20.
CELL = re.compile(r"('[^']+'|[^\s'!:]+)!([A-Z]+)([0-9]+)")


def pes(*args):
    env = dict(os.environ, NO_COLOR="1", LANG="C")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([PES, *args], cwd=SRC, env=env, capture_output=True, text=True)


def github_unescape(text):
    return text.replace("%3A", ":").replace("%2C", ",").replace("%0A", "\n").replace(
        "%0D", "\r").replace("%25", "%")


def github_annotations(stdout):
    """Each workflow command as (level, {property: value}, message)."""
    out = []
    for line in stdout.splitlines():
        m = re.match(r"::(error|warning|notice) (.*?)::(.*)$", line)
        if not m:
            continue
        props = {}
        for part in m.group(2).split(","):
            key, _, value = part.partition("=")
            props[key] = github_unescape(value)
        out.append((m.group(1), props, github_unescape(m.group(3))))
    return out


def junit_cases(path):
    """Each testcase as (attributes, the failure/system-out text)."""
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):
        text = "".join(child.text or "" for child in case)
        cases.append((case.attrib, text))
    return cases


class Locations(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_locations_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ci_outputs(self, *inputs):
        """github on standard output, SARIF and JUnit into files, from one run."""
        sarif = self.path("pes.sarif")
        junit = self.path("junit.xml")
        r = pes("check", "--lang", "en", "--output", "github", "--output", "sarif:" + sarif,
                "--output", "junit:" + junit, *inputs)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        with open(sarif, encoding="utf-8") as f:
            results = json.load(f)["runs"][0]["results"]
        xmllint = shutil.which("xmllint")
        if xmllint:
            self.assertEqual(subprocess.run([xmllint, "--noout", junit]).returncode, 0)
        return github_annotations(r.stdout), results, junit_cases(junit)

    def test_workbook_cells_in_github_sarif_and_junit(self):
        # forms.xlsx with its first sheet copied: the same cells hold findings on two sheets.
        book = openpyxl.load_workbook(BOOK)
        book.copy_worksheet(book["自评表"]).title = "副本"
        path = self.path("three sheets.xlsx")
        book.save(path)
        github, sarif, junit = self.ci_outputs(path)
        # GitHub: the cell in the title, no line or column (a row is no line of a zip file).
        self.assertGreater(len(github), 6)
        cells = []
        for level, props, message in github:
            self.assertTrue(props["file"].endswith("three sheets.xlsx"))
            self.assertNotIn("line", props)
            self.assertNotIn("col", props)
            m = CELL.search(props["title"])
            self.assertIsNotNone(m, props["title"])
            cells.append(m.group(0))
        sheets = {CELL.match(c).group(1) for c in cells}
        self.assertEqual(sheets, {"自评表", "'Sheet 2'", "副本"})
        # The same cell on two sheets: two annotations that name their sheets apart.
        first = sorted(c.split("!")[1] for c in cells if c.startswith("自评表!"))
        self.assertTrue(first)
        self.assertEqual(first, sorted(c.split("!")[1] for c in cells if c.startswith("副本!")))
        self.assertEqual(len({(p["title"], m) for _, p, m in github}), len(github))

        # SARIF: the message starts with the cell, the region and the logical location name it.
        self.assertEqual(len(sarif), len(github))
        for res in sarif:
            loc = res["locations"][0]
            cell = loc["logicalLocations"][0]["fullyQualifiedName"]
            self.assertRegex(cell, CELL)
            self.assertTrue(res["message"]["text"].startswith(cell + ": "), res["message"])
            region = loc["physicalLocation"]["region"]
            self.assertEqual(region["message"]["text"], cell)
            m = CELL.fullmatch(cell)
            self.assertEqual(region["startLine"], int(m.group(3)))
        fingerprints = [r["partialFingerprints"]["pesFinding/v1"] for r in sarif]
        self.assertEqual(len(set(fingerprints)), len(fingerprints))
        self.assertEqual(sorted(r["locations"][0]["logicalLocations"][0]["name"] for r in sarif),
                         sorted(cells))

        # JUnit: stable names (no cell, line or column), unique; the text names the cell.
        finding_cases = [(a, t) for a, t in junit if t]
        self.assertEqual(len(finding_cases), len(github))
        names = [a["name"] for a, _ in junit]
        self.assertEqual(len(set(names)), len(names))
        for attrs, text in finding_cases:
            self.assertNotIn("line", attrs)
            self.assertNotRegex(attrs["name"], CELL)
            self.assertRegex(attrs["name"], r"^\[\d+\] .*: [a-z-]+ /")
            self.assertRegex(text, r"three sheets\.xlsx:" + CELL.pattern + ": ")

    def test_junit_names_do_not_move_with_lines(self):
        # The same forms laid out on other lines: test names stay, the places in the text move.
        with open(os.path.join(SRC, "tests", "golden", "array.json"), encoding="utf-8") as f:
            forms = json.load(f)
        for name, indent in (("a.json", 2), ("b.json", None)):
            with open(self.path(name), "w", encoding="utf-8") as f:
                f.write("\n\n" + json.dumps(forms, ensure_ascii=False, indent=indent))
        _, _, before = self.ci_outputs(self.path("a.json"))
        _, _, after = self.ci_outputs(self.path("b.json"))
        self.assertGreater(len(before), 2)
        self.assertEqual([a["name"] for a, _ in before], [a["name"] for a, _ in after])
        self.assertNotEqual([a["line"] for a, _ in before if "line" in a],
                            [a["line"] for a, _ in after if "line" in a])

    def test_csv_row_and_column_letters(self):
        # Record 15 of csv_multiline.csv is on line 18 (a quoted cell above spans 3 lines) and
        # is row 16 in a spreadsheet; 偏差原因分析及改进措施 is its 33rd column, AG.
        # The file ends records with CR LF and lines inside its quoted cell with LF; the same
        # with LF only and with CR LF only.
        with open(MULTILINE, "rb") as f:
            lf = f.read().replace(b"\r\n", b"\n")
        for name, data in (("", None), ("lf.csv", lf), ("crlf.csv", lf.replace(b"\n", b"\r\n"))):
            path = MULTILINE
            if data is not None:
                path = self.path(name)
                with open(path, "wb") as f:
                    f.write(data)
            r = pes("check", "--format", "json", path)
            [finding] = json.loads(r.stdout)["files"][0]["forms"][0]["findings"]
            self.assertEqual(finding["rule"], "deduction-without-reason")
            self.assertEqual((finding["line"], finding["row"]), (18, 16))
            self.assertEqual(finding["column_letter"], "AG")
            self.assertEqual(finding["place"], "16:AG")
            self.assertEqual(finding["pointer"], "偏差原因分析及改进措施")
            r = pes("check", path)
            self.assertIn(os.path.basename(path) + ":16:AG: warning[deduction-without-reason]",
                          r.stdout)

        github, sarif, junit = self.ci_outputs(MULTILINE)
        [(level, props, message)] = github
        self.assertEqual((props["line"], level), ("18", "warning"))  # where GitHub shows the text
        self.assertTrue(props["title"].endswith(" 16:AG"), props["title"])
        [res] = sarif
        self.assertTrue(res["message"]["text"].startswith("16:AG: "))
        region = res["locations"][0]["physicalLocation"]["region"]
        self.assertEqual((region["startLine"], region["message"]["text"]), (18, "16:AG"))
        self.assertEqual((res["properties"]["row"], res["properties"]["column_letter"]), (16, "AG"))
        [(attrs, text)] = [(a, t) for a, t in junit if t]
        self.assertIn("csv_multiline.csv:16:AG: warning[deduction-without-reason]", text)
        self.assertTrue(attrs["name"].endswith("deduction-without-reason /indicators/14/reason"))

        r = pes("check", "--output", "gitlab", MULTILINE)
        [issue] = json.loads(r.stdout)
        self.assertIn("csv_multiline.csv:16:AG:", issue["description"])
        self.assertEqual(issue["location"]["lines"]["begin"], 18)

    def test_deduction_points_at_the_reason_cell(self):
        # In the printed layout: the column of 偏差原因分析及改进措施 (H), the indicator's row.
        r = pes("check", "--format", "json", BOOK)
        report = json.loads(r.stdout)
        seen = 0
        for form in report["files"][0]["forms"]:
            for f in form["findings"]:
                if f["rule"] != "deduction-without-reason":
                    continue
                m = CELL.fullmatch(f["pointer"])
                self.assertEqual(m.group(2), "H", f)
                self.assertEqual(f["column_letter"], "H")
                self.assertEqual(f["row"], int(m.group(3)))
                seen += 1
        self.assertGreater(seen, 0)

        # A CSV saved as a workbook, its reason cell never written: the cell in column AG.
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "表"
        with open(MULTILINE, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                ws.append([None if c == "" else c for c in row])
        path = self.path("sheet.xlsx")
        book.save(path)
        r = pes("check", "--format", "json", path)
        [finding] = json.loads(r.stdout)["files"][0]["forms"][0]["findings"]
        self.assertEqual(finding["rule"], "deduction-without-reason")
        self.assertEqual(finding["pointer"], "表!AG16")
        self.assertEqual((finding["row"], finding["column_letter"]), (16, "AG"))
        # The annotated workbook marks that cell.
        marked = self.path("marked.xlsx")
        r = pes("check", path, "--annotate", marked)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        ws = openpyxl.load_workbook(marked)["表"]
        self.assertIsNotNone(ws["AG16"].comment)
        self.assertIn("deduction-without-reason", ws["AG16"].comment.text)

    def test_form_numbers_start_at_one(self):
        array = os.path.join(SRC, "tests", "golden", "array.json")
        r = pes("check", "--lang", "en", array)
        self.assertRegex(r.stdout, r"array\.json#1: ")
        self.assertNotRegex(r.stdout, r"array\.json#0")
        r = pes("check", "--format", "json", array)
        forms = json.loads(r.stdout)["files"][0]["forms"]
        self.assertEqual([f["number"] for f in forms], [f["index"] + 1 for f in forms])
        self.assertEqual(forms[0]["number"], 1)
        table = self.path("forms.csv")
        r = pes("batch", "--quiet", "--out", table, array)
        with open(table, encoding="utf-8-sig") as f:
            rows = f.read().splitlines()
        self.assertEqual(rows[1].split(",")[1], "1")
        findings = self.path("findings.csv")
        r = pes("batch", "--quiet", "--findings", findings, array)
        with open(findings, encoding="utf-8-sig") as f:
            rows = f.read().splitlines()
        self.assertNotIn("0", {row.split(",")[1] for row in rows[1:]})
        _, _, junit = self.ci_outputs(array)
        self.assertTrue(all(not a["name"].startswith("[0]") for a, _ in junit))
        self.assertTrue(any(a["name"].startswith("[1] ") for a, _ in junit))


if __name__ == "__main__":
    unittest.main()
