#!/usr/bin/env python3
"""`pes check --output gitlab` is a GitLab Code Quality report: it validates against the fields
GitLab requires (a JSON Schema, python3-jsonschema), and its fingerprints are unique and stable.

usage: gitlab_test.py PES SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
INPUTS = ["samples/form01.json", "samples/form11.json", "tests/golden/junit.json",
          "tests/golden/truncated.json", "samples/filings.csv"]


def run(*args):
    p = subprocess.run([PES, "check", "--lang", "en", *args], capture_output=True, text=True,
                       cwd=SRC, env=dict(os.environ, NO_COLOR="1"))
    return p.returncode, p.stdout, p.stderr


class Gitlab(unittest.TestCase):
    def test_validates_and_names_each_finding(self):
        code, out, err = run("--output", "gitlab", *INPUTS)
        self.assertEqual(code, 1, err)
        issues = json.loads(out)
        with open(os.path.join(SRC, "tests/fixtures/gitlab-codequality.schema.json"), encoding="utf-8") as f:
            jsonschema.validate(issues, json.load(f))
        fingerprints = [i["fingerprint"] for i in issues]
        self.assertEqual(len(set(fingerprints)), len(fingerprints))
        warning = [i for i in issues if i["location"]["path"] == "samples/form11.json"]
        self.assertEqual(len(warning), 1)
        self.assertEqual((warning[0]["check_name"], warning[0]["severity"], warning[0]["location"]["lines"]["begin"]),
                         ("deduction-without-reason", "minor", 168))
        self.assertIn("parse-error", {i["check_name"] for i in issues
                                      if i["location"]["path"] == "tests/golden/truncated.json"})
        self.assertIn("major", {i["severity"] for i in issues})
        # As many issues as the JSON report has findings.
        _, js, _ = run("--format", "json", *INPUTS)
        doc = json.loads(js)
        self.assertEqual(len(issues), sum(doc["summary"][k] for k in ("errors", "warnings", "notices")))

    def test_fingerprints_are_stable_and_the_report_goes_to_its_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "gl.json")
            code, out, err = run("--output", "gitlab:" + path, "samples/form11.json")
            self.assertEqual((code, out), (0, ""), err)
            with open(path, encoding="utf-8") as f:
                first = json.load(f)
            self.assertEqual([i["check_name"] for i in first], ["deduction-without-reason"])
            _, again, _ = run("--output", "gitlab", "samples/form01.json", "samples/form11.json")
            self.assertEqual(json.loads(again)[0]["fingerprint"], first[0]["fingerprint"])

if __name__ == "__main__":
    unittest.main(verbosity=2)
