#!/usr/bin/env python3
"""Baselines and accepted deviations end to end, through the command line.

Baselines: write one, check against it (exit 0), change one value (exit 1, exactly one new
finding), mend a baselined finding (listed as gone); the fingerprints survive reordered
indicators, moved lines and reordered keys; pes.toml's `baseline`; pes batch skips the baseline
file. [[accept]] entries: every reporter shows an accepted finding with its reason, none counts
it against --fail-on; an entry that covers nothing is a warning; form and field narrow an entry.
The JSON reports with accepted and baselined findings validate against the report schema.

usage: baseline_test.py PES SOURCE_DIR [unittest arguments]  (Debian's python3: jsonschema,
openpyxl)
"""
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import jsonschema
import openpyxl

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))

with open(os.path.join(SRC, "schemas", "report.schema.json"), encoding="utf-8") as _f:
    VALIDATOR = jsonschema.Draft202012Validator(json.load(_f))

# form11's one warning: indicator 12 lost a point with no reason.
# Labels in fields are compared as normalized (full-width punctuation folded).
F11_FIELD = "/indicators/社会效益指标/服务市场主体,营造良好的营商环境/reason"
REASON = "扣分原因已在附件说明中列明（见 2024 年 3 月复核记录）"


def run(args, cwd):
    env = dict(os.environ, NO_COLOR="1", LANG="C")
    env.pop("GITHUB_STEP_SUMMARY", None)
    p = subprocess.run([PES] + args, cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, doc, indent=2):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=indent)
        f.write("\n")


def report(args, cwd):
    """The JSON report of `pes check ARGS`, checked against the schema, and the exit code."""
    code, out, err = run(["check", "--format", "json", "--lang", "en"] + args, cwd)
    if code not in (0, 1):
        raise AssertionError(f"exit {code}: {err}")
    doc = json.loads(out)
    errors = list(VALIDATOR.iter_errors(doc))
    if errors:
        raise AssertionError(f"report does not validate: {errors[0].message} at "
                             f"{'/'.join(map(str, errors[0].path))}")
    return doc, code, err


def listed(doc):
    """(file, rule, pointer, accepted reason or None) of every finding in a JSON report."""
    out = []
    for f in doc["files"]:
        for x in f["findings"]:
            out.append((f["path"], x["rule"], x["pointer"], x.get("accepted")))
        for form in f["forms"]:
            for x in form["findings"]:
                out.append((f["path"], x["rule"], x["pointer"], x.get("accepted")))
    return out


class Tmp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_baseline_")
        for n in (2, 9, 11):
            shutil.copy(os.path.join(SRC, "samples", f"form{n:02d}.json"),
                        os.path.join(self.dir, f"form{n:02d}.json"))
        self.forms = ["form02.json", "form09.json", "form11.json"]

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)


class Baselines(Tmp):
    def write_baseline(self, *extra):
        code, _, err = run(["check", "--lang", "en", "--fail-on", "warning", "--write-baseline",
                            "pes-baseline.json", *extra] + self.forms, self.dir)
        self.assertEqual(code, 0, err)
        return err

    def test_round_trip(self):
        # Without a baseline, form11's warning fails a run at --fail-on warning.
        doc, code, _ = report(["--fail-on", "warning"] + self.forms, self.dir)
        self.assertEqual(code, 1)
        before = listed(doc)
        self.assertEqual(len(before), 4, before)

        err = self.write_baseline()
        self.assertIn("recorded 4 findings in the baseline pes-baseline.json", err)
        baseline = load(self.path("pes-baseline.json"))
        self.assertEqual(baseline["pes_baseline"], 1)
        self.assertEqual(sum(e["count"] for e in baseline["findings"]), 4)
        self.assertIn(("form11.json", "deduction-without-reason", F11_FIELD),
                      [(e["file"], e["rule"], e["field"]) for e in baseline["findings"]])
        self.assertEqual(baseline["findings"][-1]["form"]["project"], "服务经济工作经费")

        # Checked against it: nothing listed, all four counted as in the baseline, exit 0.
        doc, code, err = report(["--fail-on", "warning", "--baseline", "pes-baseline.json"] +
                                self.forms, self.dir)
        self.assertEqual((code, listed(doc)), (0, []), err)
        self.assertEqual(doc["summary"]["baselined"], 4)
        self.assertEqual(err, "")

        # One value changed: exactly one new finding, exit 1.
        form = load(self.path("form02.json"))
        form["total"] = 95
        save(self.path("form02.json"), form)
        doc, code, _ = report(["--baseline", "pes-baseline.json"] + self.forms, self.dir)
        self.assertEqual(code, 1)
        self.assertEqual([x[:2] for x in listed(doc)], [("form02.json", "total-mismatch")])
        shutil.copy(os.path.join(SRC, "samples", "form02.json"), self.path("form02.json"))

        # A baselined finding mended: reported as gone from the baseline, the run clean.
        form = load(self.path("form11.json"))
        form["indicators"][12]["reason"] = "宣传活动因场地调整延期一个月"
        save(self.path("form11.json"), form)
        doc, code, err = report(["--fail-on", "warning", "--baseline", "pes-baseline.json"] +
                                self.forms, self.dir)
        self.assertEqual((code, listed(doc)), (0, []))
        self.assertEqual(doc["summary"]["baselined"], 3)
        self.assertIn("1 finding in the baseline pes-baseline.json no longer occurs", err)
        self.assertIn("form11.json: 服务经济工作经费 (2023) deduction-without-reason " + F11_FIELD,
                      err)

        # Rewritten, the baseline shrinks to what still occurs.
        self.write_baseline()
        self.assertEqual(sum(e["count"] for e in load(self.path("pes-baseline.json"))["findings"]),
                         3)

    def test_stable_against_reordering_and_moved_lines(self):
        self.write_baseline()
        form = load(self.path("form09.json"))
        form["indicators"].reverse()
        reordered = dict(reversed(list(form.items())))
        save(self.path("form09.json"), reordered, indent=7)
        with open(self.path("form11.json"), encoding="utf-8") as f:
            text = f.read()
        self.write("form11.json", "\n\n\n" + text)
        doc, code, err = report(["--fail-on", "warning", "--baseline", "pes-baseline.json"] +
                                self.forms, self.dir)
        self.assertEqual((code, listed(doc), err), (0, [], ""))
        self.assertEqual(doc["summary"]["baselined"], 4)

    def test_a_new_finding_of_the_same_kind_elsewhere_is_new(self):
        self.write_baseline()
        # The same rule on another indicator of the same form is not in the baseline.
        form = load(self.path("form11.json"))
        ind = form["indicators"][0]
        ind["score"] = float(ind["weight"]) - 1
        ind["reason"] = ""
        form["total"] = round(float(form["total"]) - 1, 2)
        save(self.path("form11.json"), form)
        doc, _, err = report(["--baseline", "pes-baseline.json", "--select",
                              "deduction-without-reason"] + self.forms, self.dir)
        # The baselined findings of rules not run this time are not "gone".
        self.assertEqual(err, "")
        self.assertEqual([(x[0], x[1]) for x in listed(doc)],
                         [("form11.json", "deduction-without-reason")])
        self.assertEqual(listed(doc)[0][2], "/indicators/0/reason")

    def test_checking_a_subset_lists_nothing_as_gone(self):
        self.write_baseline()
        code, _, err = run(["check", "--lang", "en", "--baseline", "pes-baseline.json",
                            "form11.json"], self.dir)
        self.assertEqual((code, err), (0, ""))

    def test_baseline_from_config_and_batch_skips_the_file(self):
        self.write_baseline()
        self.write("pes.toml", 'baseline = "pes-baseline.json"\nfail-on = "warning"\n')
        doc, code, err = report(self.forms, self.dir)
        self.assertEqual((code, listed(doc), doc["summary"]["baselined"]), (0, [], 4), err)
        # A walked folder holds the baseline itself: it is not checked as a form.
        code, out, err = run(["batch", "--lang", "en", "--no-progress", "."], self.dir)
        self.assertEqual(code, 0, err)
        self.assertIn("3 files (0 unreadable", out)
        self.assertIn("in the baseline: 4", out)

    def test_bad_baselines_are_exit_2_naming_the_file(self):
        code, _, err = run(["check", "--baseline", "missing.json"] + self.forms, self.dir)
        self.assertEqual(code, 2)
        self.assertIn("missing.json: cannot read the baseline", err)
        for text in ("[1, 2]", '{"pes_baseline": 7, "findings": []}',
                     '{"pes_baseline": 1, "findings": [{"file": "a.json"}]}', "{"):
            self.write("bad.json", text)
            code, _, err = run(["check", "--lang", "en", "--baseline", "bad.json"] + self.forms,
                               self.dir)
            self.assertEqual(code, 2, text)
            self.assertIn("bad.json", err)
        # Not written when an input cannot be read; not with --baseline at once.
        code, _, err = run(["check", "--lang", "en", "--write-baseline", "b.json", "nope.json"] +
                           self.forms, self.dir)
        self.assertEqual(code, 2)
        self.assertIn("the baseline b.json is not written", err)
        self.assertFalse(os.path.exists(self.path("b.json")))
        code, _, err = run(["check", "--write-baseline", "b.json", "--baseline", "b.json"] +
                           self.forms, self.dir)
        self.assertEqual(code, 2)
        self.assertIn("excludes", err)
        self.write("pes.toml", "baseline = 3\n")
        code, _, err = run(["check", "--lang", "en"] + self.forms, self.dir)
        self.assertEqual(code, 2)
        self.assertIn("pes.toml:1:", err)


ACCEPT = f"""
[[accept]]
paths = ["form11.json"]
rule = "deduction-without-reason"
reason = "{REASON}"
"""


class Accepts(Tmp):
    def test_accepted_in_every_reporter_and_not_failing(self):
        self.write("pes.toml", ACCEPT)
        doc, code, err = report(["--fail-on", "warning", "form11.json"], self.dir)
        self.assertEqual(code, 0, err)
        self.assertEqual(listed(doc),
                         [("form11.json", "deduction-without-reason", "/indicators/12/reason",
                           REASON)])
        self.assertEqual((doc["summary"]["warnings"], doc["summary"]["accepted"]), (0, 1))

        code, out, _ = run(["check", "--lang", "en", "--fail-on", "warning", "form11.json"],
                           self.dir)
        self.assertEqual(code, 0)
        self.assertIn("accepted warning[deduction-without-reason]", out)
        self.assertIn("accepted because: " + REASON, out)
        self.assertIn("0 warnings, 0 notices; 1 accepted", out)

        sarif = self.path("r.sarif")
        junit = self.path("r.xml")
        html = self.path("r.html")
        xlsx = self.path("r.xlsx")
        db = self.path("r.sqlite")
        code, out, err = run(["check", "--lang", "en", "--fail-on", "warning", "--output",
                              "github", "--output", "sarif:" + sarif, "--output", "junit:" + junit,
                              "--output", "html:" + html, "--output", "xlsx:" + xlsx,
                              "--output", "sqlite:" + db, "form11.json"], self.dir)
        self.assertEqual(code, 0, err)
        self.assertIn("::notice file=form11.json", out)
        self.assertIn("accepted: " + REASON, out)

        # GitLab's Code Quality has no suppressions: an accepted finding is left out.
        gitlab = self.path("r.gitlab.json")
        code, _, err = run(["check", "--fail-on", "warning", "--output", "gitlab:" + gitlab,
                            "form11.json"], self.dir)
        self.assertEqual(code, 0, err)
        self.assertEqual(load(gitlab), [])

        result = load(sarif)["runs"][0]["results"][0]
        self.assertEqual(result["suppressions"],
                         [{"kind": "external", "status": "accepted", "justification": REASON}])

        root = ET.parse(junit).getroot()
        self.assertEqual(root.get("failures"), "0")
        self.assertEqual(root.get("skipped"), "1")
        skipped = root.findall(".//testcase/skipped")
        self.assertEqual(len(skipped), 1)
        self.assertIn(REASON, skipped[0].get("message"))

        with open(html, encoding="utf-8") as f:
            page = f.read()
        self.assertIn(REASON, page)
        self.assertIn('class="sev accepted"', page)
        self.assertIn("0 warnings, 0 notices. ", page)
        self.assertIn("1 accepted, 0 in the baseline (neither counted above).", page)

        book = openpyxl.load_workbook(xlsx)
        cells = [c.value for row in book.worksheets[1].iter_rows() for c in row]
        self.assertTrue(any(isinstance(v, str) and REASON in v for v in cells), cells)

        con = sqlite3.connect(db)
        self.assertEqual(con.execute("SELECT rule, accepted FROM findings").fetchall(),
                         [("deduction-without-reason", REASON)])
        self.assertEqual(con.execute("SELECT COUNT(*) FROM findings_by_rule").fetchone(), (0,))
        con.close()

        table = self.path("findings.csv")
        code, out, err = run(["batch", "--lang", "en", "--no-progress", "--findings", table,
                              "form11.json"], self.dir)
        self.assertEqual(code, 0, err)
        with open(table, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["accepted"] for r in rows], [REASON])
        self.assertIn("accepted: 1", out)

    def test_an_accept_that_covers_nothing_is_a_warning(self):
        self.write("pes.toml", ACCEPT.replace("deduction-without-reason", "total-mismatch"))
        code, _, err = run(["check", "--lang", "en", "form11.json"], self.dir)
        self.assertEqual(code, 0)
        self.assertRegex(err, r"pes\.toml:2:1: \[\[accept\]\] for total-mismatch covers no finding")
        code, _, _ = run(["check", "--lang", "en", "--fail-on", "warning", "--select", "totals",
                          "form11.json"], self.dir)
        self.assertEqual(code, 1)
        # Not warned when its rule did not run, or none of the files it names was checked.
        code, _, err = run(["check", "--lang", "en", "--select", "funds", "form11.json"], self.dir)
        self.assertEqual((code, err), (0, ""))
        code, _, err = run(["check", "--lang", "en", "form02.json"], self.dir)
        self.assertEqual((code, err), (0, ""))

    def test_form_and_field_narrow_an_entry(self):
        self.write("pes.toml", """
[[accept]]
paths = ["*.json"]
form = "科普经费"
rule = "indicators"
field = "/indicators/服务对象满意度指标/服务群众 满意度"
reason = "满意度调查样本不足，已另行说明"
""")
        doc, _, err = report(self.forms, self.dir)
        accepted = [x for x in listed(doc) if x[3]]
        self.assertEqual(len(accepted), 1, listed(doc))
        self.assertEqual(accepted[0][:2], ("form09.json", "target-met-deducted"))
        self.assertEqual(doc["summary"]["accepted"], 1)
        self.assertEqual(len(listed(doc)), 4)

    def test_entries_without_a_reason_or_with_unknown_keys_are_refused(self):
        for text, where in (
                ('[[accept]]\npaths = ["*.json"]\nrule = "totals"\n', "pes.toml:1:1"),
                ('[[accept]]\npaths = ["*.json"]\nrule = "totals"\nreason = ""\n', "pes.toml:4:"),
                ('[[accept]]\npaths = ["*.json"]\nrule = "nope"\nreason = "x"\n', "pes.toml:3:"),
                ('[[accept]]\npaths = ["*.json"]\nrule = "totals"\nreason = "x"\nwhy = "y"\n',
                 "pes.toml:5:1"),
                ('[[accept]]\npaths = ["*.json"]\nrule = "totals"\nfield = "total"\n'
                 'reason = "x"\n', "pes.toml:4:")):
            self.write("pes.toml", text)
            code, _, err = run(["check", "--lang", "en", "form11.json"], self.dir)
            self.assertEqual(code, 2, text)
            self.assertIn(where, err, text)

    def test_accepted_findings_stay_out_of_a_written_baseline(self):
        self.write("pes.toml", ACCEPT)
        code, _, err = run(["check", "--lang", "en", "--write-baseline", "b.json"] + self.forms,
                           self.dir)
        self.assertEqual(code, 0, err)
        entries = load(self.path("b.json"))["findings"]
        self.assertEqual(sum(e["count"] for e in entries), 3)
        self.assertNotIn("deduction-without-reason", [e["rule"] for e in entries])
        doc, code, _ = report(["--baseline", "b.json"] + self.forms, self.dir)
        self.assertEqual(listed(doc),
                         [("form11.json", "deduction-without-reason", "/indicators/12/reason",
                           REASON)])
        self.assertEqual((doc["summary"]["accepted"], doc["summary"]["baselined"]), (1, 3))


if __name__ == "__main__":
    unittest.main()
