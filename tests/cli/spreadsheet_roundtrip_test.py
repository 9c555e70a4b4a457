#!/usr/bin/env python3
"""pes's CSV opened and saved back by a spreadsheet (LibreOffice Calc, headless) checks with the
same findings as the CSV pes wrote, and a filer's text that starts like a formula comes back as
text.

usage: spreadsheet_roundtrip_test.py PES SOURCE_DIR [unittest arguments]
Needs soffice (Debian: libreoffice-calc-nogui, which scripts/install-deps installs); without it
the tests are skipped, saying so.
"""
import csv
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
SOFFICE = shutil.which("soffice")

# A filer's texts starting with each prefix a spreadsheet takes as a formula (OWASP's list).
DANGEROUS = {
    "project": '=HYPERLINK("http://example.com","点击")',
    "implementer": "+上海市普陀区科学技术委员会",
    "goals_expected": "-支持网络安全产业示范区建设",
    "goals_achieved": "@完成",
}


def pes(*args, cwd=None):
    env = dict(os.environ, NO_COLOR="1", LANG="C")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([PES, *args], cwd=cwd or SRC, env=env, capture_output=True, text=True)


def by_value(message):
    """A message with each number as its value: a spreadsheet saves 15.00 as 15, and a message
    shows the digits it read."""
    return re.sub(r"\d+(\.\d+)?",
                  lambda m: format(decimal.Decimal(m.group(0)).normalize(), "f"), message)


def findings(path):
    """What `pes check` finds in a file: each finding's rule, severity, place and message."""
    r = pes("check", "--format", "json", "--lang", "en", path)
    if r.returncode not in (0, 1):
        raise AssertionError("pes check %s: exit %d\n%s" % (path, r.returncode, r.stderr))
    report = json.loads(r.stdout)
    out = []
    for f in report["files"]:
        every = list(f["findings"])
        for form in f.get("forms", []):
            every += form["findings"]
        for x in every:
            out.append((x["rule"], x["severity"], x.get("line"), x.get("pointer"),
                        by_value(x["message"])))
    return sorted(out, key=repr)


def soffice_convert(path, target, outdir):
    """Opens `path` (a UTF-8 CSV) in LibreOffice headless and saves it as `target` (csv, xlsx)."""
    profile = tempfile.mkdtemp(prefix="pes_lo_")
    filters = {"csv": "csv:Text - txt - csv (StarCalc):44,34,76,1", "xlsx": "xlsx"}
    try:
        r = subprocess.run([SOFFICE, "--headless", "--norestore",
                            "-env:UserInstallation=file://" + profile,
                            "--infilter=CSV:44,34,76,1", "--convert-to", filters[target],
                            "--outdir", outdir, path], capture_output=True, text=True,
                           timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + target)
    if not os.path.exists(out):
        raise AssertionError("LibreOffice could not convert %s: %s %s" % (path, r.stdout, r.stderr))
    return out


@unittest.skipIf(SOFFICE is None,
                 "soffice not found: install libreoffice-calc-nogui (scripts/install-deps) to "
                 "run the spreadsheet round trips")
class SpreadsheetRoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="pes_sheet_")
        # Edited as text, so that every other number keeps the digits it is written with.
        with open(os.path.join(SRC, "samples", "form02.json"), encoding="utf-8") as f:
            text = f.read()
        form = json.loads(text)
        edits = [('"project": ' + json.dumps(form["project"], ensure_ascii=False),
                  '"project": ' + json.dumps(DANGEROUS["project"], ensure_ascii=False)),
                 ('"implementer": ' + json.dumps(form["implementer"], ensure_ascii=False),
                  '"implementer": ' + json.dumps(DANGEROUS["implementer"], ensure_ascii=False)),
                 ('"expected": ' + json.dumps(form["goals"]["expected"], ensure_ascii=False),
                  '"expected": ' + json.dumps(DANGEROUS["goals_expected"], ensure_ascii=False)),
                 ('"achieved": ' + json.dumps(form["goals"]["achieved"], ensure_ascii=False),
                  '"achieved": ' + json.dumps(DANGEROUS["goals_achieved"], ensure_ascii=False)),
                 ('"score": 15.00', '"score": 14.00')]  # a finding, to see it survive the trip
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new, 1)
        src = os.path.join(cls.dir, "form.json")
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        cls.csv = os.path.join(cls.dir, "f2.csv")
        r = pes("convert", src, cls.csv)
        assert r.returncode == 0, r.stderr
        cls.original = findings(cls.csv)
        os.mkdir(os.path.join(cls.dir, "out"))
        cls.saved_csv = soffice_convert(cls.csv, "csv", os.path.join(cls.dir, "out"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_pes_writes_no_cell_a_spreadsheet_takes_as_a_formula(self):
        with open(self.csv, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        cells = [c for row in rows for c in row]
        self.assertIn("'=100.00(%)", cells)  # the sample's targets
        for c in cells:
            self.assertFalse(c[:1] in ("=", "+", "@", "\t", "\r"), c)
            if c.startswith("-"):
                float(c)  # only a number may start with a minus

    def test_the_csv_saved_by_libreoffice_checks_the_same(self):
        self.assertIn("total-mismatch", [f[0] for f in self.original])
        self.assertEqual(findings(self.saved_csv), self.original)

    def test_formula_like_texts_come_back_as_text(self):
        with open(self.saved_csv, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        cells = [c for row in rows for c in row]
        self.assertFalse([c for c in cells if c.startswith("Err:") or c.startswith("#")], cells)
        out = os.path.join(self.dir, "back.json")
        r = pes("convert", self.saved_csv, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, encoding="utf-8") as f:
            back = json.load(f)
        self.assertEqual(back["project"], DANGEROUS["project"])
        self.assertEqual(back["implementer"], DANGEROUS["implementer"])
        self.assertEqual(back["goals"]["expected"], DANGEROUS["goals_expected"])
        self.assertEqual(back["goals"]["achieved"], DANGEROUS["goals_achieved"])
        self.assertEqual(back["indicators"][0]["target"], "=100.00(%)")

    def test_the_workbook_saved_by_libreoffice_checks_the_same(self):
        xlsx = soffice_convert(self.csv, "xlsx", os.path.join(self.dir, "out"))
        # A workbook's findings name the cell (f2!N2) where a CSV's name the column.
        def without_place(found):
            return sorted(((f[0], f[1], f[4]) for f in found), key=repr)
        self.assertEqual(without_place(findings(xlsx)), without_place(self.original))

    def test_an_unneutralised_csv_saved_by_libreoffice_is_a_spreadsheet_error(self):
        # What a CSV written without the apostrophe becomes: the targets turn into Err:509.
        with open(self.csv, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        raw = os.path.join(self.dir, "raw.csv")
        with open(raw, "w", encoding="utf-8", newline="") as f:
            f.write(text.replace("\"'=100.00(%)\"", "=100.00(%)"))
        os.mkdir(os.path.join(self.dir, "raw"))
        saved = soffice_convert(raw, "csv", os.path.join(self.dir, "raw"))
        errors = [f for f in findings(saved) if f[0] == "spreadsheet-error"]
        self.assertTrue(errors)
        self.assertEqual(errors[0][1], "error")
        self.assertIn("the spreadsheet shows Err:509 here: the cell became a formula that failed; "
                      "re-enter it as text", errors[0][4])


if __name__ == "__main__":
    unittest.main(verbosity=2)
