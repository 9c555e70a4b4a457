#!/usr/bin/env python3
"""pes fix end to end: on the real forms (tests/fixtures/real-forms/*.json), on generated filings
with planted mistakes (scripts/gen-filings.py) and on the samples with planted slips of notation
and arithmetic in JSON, CSV (UTF-8 and GBK) and .xlsx: after `pes fix`, `pes check` reports
exactly the findings a person must act on; a second fix changes nothing; --diff shows what the
real run writes, byte for byte (patch applies it); a workbook fixed by pes opens in LibreOffice
with every other cell as it was.

usage: fix_test.py PES SOURCE_DIR  (Debian's python3: openpyxl; soffice for the LibreOffice test)
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office import soffice_csv  # noqa: E402

PES = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
REAL = os.path.join(ROOT, "tests", "fixtures", "real-forms")
SAMPLES = os.path.join(ROOT, "samples")

# The rules whose findings pes fix mends: values computed from others.
DERIVED = {"rate-mismatch", "budget-score-mismatch", "total-mismatch", "grade-mismatch"}


def pes(*args, cwd=None):
    return subprocess.run([PES, *args], capture_output=True, cwd=cwd, timeout=300)


def findings(*paths, cwd=None):
    """(file, rule, pointer) of every finding pes check reports, in order."""
    r = pes("check", "--format", "json", "--lang", "en", "--select", "ALL", "--ignore",
            "level1-weights", *paths, cwd=cwd)
    report = json.loads(r.stdout)
    out = []
    for f in report["files"]:
        for x in f["findings"]:
            out.append((f["path"], -1, x["rule"], x["pointer"]))
        for form in f["forms"]:
            for x in form["findings"]:
                out.append((f["path"], form["index"], x["rule"], x["pointer"]))
    return out


def read(path):
    with open(path, "rb") as f:
        return f.read()


def patched(original, diff, workdir):
    """The bytes `patch` makes of `original` with `diff`."""
    target = os.path.join(workdir, "patched")
    shutil.copyfile(original, target)
    r = subprocess.run(["patch", "-s", "--binary", target], input=diff, capture_output=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return read(target)


class Tmp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_fix_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def copy(self, src, name=None):
        dst = os.path.join(self.dir, name or os.path.basename(src))
        shutil.copyfile(src, dst)
        return dst

    def fix_and_compare(self, path, *flags):
        """Runs --diff, then the fix itself: the diff patches the old file into the new one
        byte for byte; a second run changes nothing. Returns fix's result."""
        before = read(path)
        d = pes("fix", "--diff", *flags, path)
        self.assertIn(d.returncode, (0, 1), d.stderr.decode())
        self.assertEqual(read(path), before, "--diff wrote the file")
        r = pes("fix", *flags, path)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        after = read(path)
        if after != before:
            self.assertEqual(d.returncode, 1)
            keep = os.path.join(self.dir, "before")
            with open(keep, "wb") as f:
                f.write(before)
            if not path.endswith(".xlsx"):
                self.assertEqual(patched(keep, d.stdout, self.dir), after)
        else:
            self.assertEqual(d.stdout, b"")
        again = pes("fix", "--check", *flags, path)
        self.assertEqual(again.returncode, 0, "a second fix would change %s: %s" % (path, again.stdout))
        return r, d


class RealForms(Tmp):
    def test_each_real_form(self):
        forms = sorted(glob.glob(os.path.join(REAL, "*.json")))
        self.assertEqual(len(forms), 5)
        for src in forms:
            for flags in ((), ("--unsafe",)):
                with self.subTest(form=os.path.basename(src), flags=flags):
                    path = self.copy(src)
                    before = findings(path)
                    self.fix_and_compare(path, *flags)
                    after = findings(path)
                    mended = set(DERIVED)
                    if flags:
                        mended |= {"score-above-rule"}
                    kept = [x for x in before if x[2] not in mended]
                    # Everything a person must act on is still there, and nothing fix mends is.
                    self.assertEqual(collections.Counter(kept) - collections.Counter(after),
                                     collections.Counter())
                    self.assertFalse([x for x in after if x[2] in mended])
                    new = collections.Counter(after) - collections.Counter(kept)
                    # A lowered score that had no reason needs one now: a person's to give.
                    self.assertFalse([x for x in new if x[2] != "deduction-without-reason"], new)
                    if not flags:
                        self.assertFalse(new)

    def test_hebei_values(self):
        path = self.copy(os.path.join(REAL, "05-hebei-langfang-2019.json"))
        r = pes("fix", "--unsafe", path)
        self.assertEqual(r.returncode, 0)
        form = json.loads(read(path))
        total = form["funds"]["total"]
        self.assertEqual((total["rate"], total["score"]), ("86.20", "8.62"))
        self.assertEqual(form["indicators"][0]["score"], "8.62")  # 10 × 37.24 ÷ 43.2
        self.assertIn("left for a person", r.stderr.decode())
        # Without --unsafe the score above the rule stays, and the note says how to lower it.
        path = self.copy(os.path.join(REAL, "05-hebei-langfang-2019.json"), "again.json")
        r = pes("fix", "--lang", "en", path)
        self.assertEqual(json.loads(read(path))["indicators"][0]["score"], "9")
        self.assertIn("score-above-rule ×1 (pes fix --unsafe", r.stderr.decode())


class Generated(Tmp):
    def test_planted_mistakes(self):
        data = os.path.join(self.dir, "filings")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen-filings.py"), data,
                        "--forms", "300", "--files", "20", "--seed", "11", "--mistakes", "0.4",
                        "--broken-files", "0.05"], check=True, capture_output=True)
        files = sorted(p for p in glob.glob(os.path.join(data, "**", "*.json*"), recursive=True))
        planted = set()
        with open(os.path.join(data, "manifest.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                rel, form, rule = line.rstrip("\n").split("\t")
                # A broken line is no form: its parse error is the file's.
                planted.add((rel, int(form) if form and rule != "parse-error" else -1, rule))
        broken = any(rule == "parse-error" for _, _, rule in planted)
        r = pes("fix", *files)
        self.assertEqual(r.returncode, 2 if broken else 0, r.stderr.decode())
        found = {(os.path.relpath(path, data), form, rule)
                 for path, form, rule, _ in findings(*files)}
        want = {x for x in planted if x[2] not in DERIVED}
        self.maxDiff = None
        self.assertEqual(found - want, set(), "found but not planted")
        self.assertEqual(want - found, set(), "planted but not found")
        self.assertGreater(len([x for x in planted if x[2] in DERIVED]), 10)
        self.assertEqual(pes("fix", "--check", *files).returncode, 2 if broken else 0)


def slipped_json(src, dst):
    """A sample with slips a machine can mend: the rate as 98.48%, full-width digits in the
    budget score, the year as 2023年, a wrong total and grade."""
    text = read(src).decode()
    text = re.sub(r'"rate": ([0-9.]+)', r'"rate": "\1%"', text, count=1)
    text = re.sub(r'"score": ([0-9.]+)',
                  lambda m: '"score": "%s"' % "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c
                                                       for c in m.group(1)), text, count=1)
    text = text.replace('"year": 2023', '"year": "2023年"', 1)
    text = re.sub(r'"total": [0-9.]+', '"total": 1.00', text, count=1)
    text = re.sub(r'"grade": "[^"]*"', '"grade": "差"', text, count=1)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)


class Samples(Tmp):
    def test_json_slips(self):
        for src in sorted(glob.glob(os.path.join(SAMPLES, "form*.json"))):
            with self.subTest(form=os.path.basename(src)):
                clean = self.copy(src, "clean.json")
                path = os.path.join(self.dir, "slipped.json")
                slipped_json(src, path)
                before = findings(path)
                self.assertTrue([x for x in before if x[2] in DERIVED | {"invalid-field"}])
                self.fix_and_compare(path)
                strip = lambda xs: [x[1:] for x in xs]
                self.assertEqual(strip(findings(path)), strip(findings(clean)))
                # Only the slipped values changed: the rest of the file is the same bytes.
                self.assertEqual(json.loads(read(path))["year"], "2023")

    def test_unreadable_dependency_leaves_the_form(self):
        path = os.path.join(self.dir, "bad.json")
        text = read(os.path.join(SAMPLES, "form01.json")).decode()
        text = text.replace('"executed": 19.50', '"executed": "十九点五"', 1).replace(
            '"total": 99.84', '"total": 1', 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        r = pes("fix", "--lang", "en", path)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(read(path), text.encode())
        self.assertIn("not touched: funds.total.executed", r.stderr.decode())

    def test_parse_error_is_left(self):
        path = os.path.join(self.dir, "cut.json")
        with open(path, "w") as f:
            f.write('{"year": 2023, "total": ')
        r = pes("fix", path)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"not well-formed", r.stderr)
        self.assertEqual(read(path), b'{"year": 2023, "total": ')

    def csv_slipped(self, encoding):
        rows = read(os.path.join(SAMPLES, "filings.csv")).decode("utf-8-sig").split("\n")
        out = []
        for line in rows:
            project = line.split(",")[1] if line.count(",") > 1 else ""  # after 自评表序号
            if project == "市张江管委会专项发展资金监管经费":
                line = line.replace(",98.48,9.84,", ",98.48%,9.84,", 1).replace(",99.84,优", ",99.00,良")
            if project == "科普经费":
                line = line.replace(",2023,", ",２０２３,", 1)
            out.append(line)
        path = os.path.join(self.dir, "slipped-%s.csv" % encoding)
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write("\n".join(out))
        return path

    def test_csv_slips_utf8_and_gbk(self):
        clean = findings(os.path.join(SAMPLES, "filings.csv"))
        for encoding in ("utf-8-sig", "gb18030"):
            with self.subTest(encoding=encoding):
                path = self.csv_slipped(encoding)
                self.assertTrue([x for x in findings(path) if x[2] in DERIVED])
                r, d = self.fix_and_compare(path)
                self.assertEqual([x[1:] for x in findings(path)], [x[1:] for x in clean])
                text = read(path).decode(encoding)
                self.assertNotIn("98.48%", text)
                self.assertNotIn("２０２３", text)
                # Every row of the form carries its total, and each one was mended.
                self.assertEqual(text.count(",99.84,优"), 1)


def set_cells(path, edits, formulas=()):
    """Sets cells of the first sheet with openpyxl, then gives the cells in `formulas` a formula
    with a cached value (openpyxl writes no cached values)."""
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for ref, value in edits.items():
        ws[ref] = value
    extra = wb.create_sheet("备注")
    extra["A1"] = "其他工作表"
    extra["B2"] = 3.14159
    wb.save(path)
    if not formulas:
        return
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, (formula, cached) in formulas.items():
        start = sheet.index('<c r="%s"' % ref)
        end = sheet.index("</c>", start) + 4
        head = sheet[start:sheet.index(">", start) + 1].replace(' t="n"', "")
        sheet = sheet[:start] + head + "<f>%s</f><v>%s</v></c>" % (formula, cached) + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def all_cells(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows()
            for c in row if c.value is not None}




class Workbook(Tmp):
    def workbook(self):
        src = os.path.join(sys.argv[3], "forms.xlsx")
        path = self.copy(src, "slipped.xlsx")
        # Form 0: the rate as text with a percent sign, the budget score wrong, the total a
        # formula whose cached value is wrong (left, and said so), the grade wrong.
        set_cells(path, {"H6": "98.48%", "I6": 9, "C20": "良"}, {"G19": ("I6+90", "99")})
        return path

    def test_cells_mended_and_the_rest_untouched(self):
        path = self.workbook()
        before = all_cells(path)
        keep = self.copy(path, "before.xlsx")
        r, d = self.fix_and_compare(path)
        diff = d.stdout.decode()
        self.assertIn("自评表!H6: 98.48% → 98.48\n", diff)
        self.assertIn("自评表!I6: 9 → 9.84\n", diff)
        self.assertIn("自评表!C20: 良 → 优\n", diff)
        self.assertIn("自评表!G19 holds a formula, not overwritten (would be 99.84)",
                      pes("fix", "--lang", "en", "--check", keep).stderr.decode())
        after = all_cells(path)
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        # --diff listed exactly the cells the real run changed, with the values it wrote.
        listed = {}
        for line in diff.splitlines()[2:]:
            place, change = line.split(": ", 1)
            listed[("自评表", place.split("!")[1])] = change.split(" → ")[1]
        self.assertEqual(changed, set(listed))
        for key, value in listed.items():
            self.assertEqual(str(after[key]), value)
        self.assertEqual(after[("自评表", "G19")], "=I6+90")  # the formula stays
        self.assertEqual(after[("备注", "B2")], 3.14159)
        # LibreOffice opens the fixed workbook: every cell but the mended ones reads as before.
        old_rows = soffice_csv(keep, os.path.join(self.dir, "lo-old"))
        new_rows = soffice_csv(path, os.path.join(self.dir, "lo-new"))
        self.assertEqual(len(old_rows), len(new_rows))
        mended = {"H6": "98.48", "I6": "9.84", "C20": "优"}
        for i, (a, b) in enumerate(zip(old_rows, new_rows)):
            for j in range(max(len(a), len(b))):
                ref = "%s%d" % (chr(ord("A") + j), i + 1)
                va = a[j] if j < len(a) else ""
                vb = b[j] if j < len(b) else ""
                if ref in mended:
                    self.assertEqual(vb, mended[ref], ref)
                elif ref != "G19":  # LibreOffice recomputes the formula over the mended I6
                    self.assertEqual(va, vb, ref)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
