#!/usr/bin/env python3
"""Renders pes's HTML report in headless Chromium and checks what a reader would get.

Chromium is driven over the DevTools protocol on a pipe (chromium.py). For each report the test
checks that the page loads with no console message of level error, no exception and no network
request but the page itself; that the chart SVGs are in the DOM; that a phone-wide window needs
no sideways scrolling of the page; and it prints it to an A4 PDF and takes a PNG screenshot.

usage: html_render_test.py PES SOURCE_DIR [--shot PNG] [unittest arguments]
  --shot PNG   also write a screenshot of the report on the samples to PNG (docs/ keeps one)
env: CHROMIUM (default: chromium)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import render  # noqa: E402

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
SHOT = None
if len(sys.argv) > 2 and sys.argv[1] == "--shot":
    SHOT = os.path.abspath(sys.argv[2])
    del sys.argv[1:3]
# Relative to SOURCE_DIR, where pes runs: the report names the files as given.
SAMPLES = sorted(os.path.join("samples", n) for n in os.listdir(os.path.join(SRC, "samples"))
                 if n.startswith("form") and n.endswith(".json"))


class Render(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_html_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def report(self, *args, lang="zh"):
        out = os.path.join(self.dir, "report.html")
        r = subprocess.run([PES, "check", "--lang", lang, "--output", "html:" + out, *args], cwd=SRC,
                           capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return out

    def check_clean(self, facts):
        self.assertEqual(facts["requests"], [])
        self.assertEqual(facts["errors"], [])
        self.assertEqual(facts["scripts"], 0)
        self.assertEqual(facts["charts"], 4)
        self.assertGreater(facts["bars"], 4)

    def test_samples_render_to_png_and_pdf_without_requests_or_errors(self):
        html = self.report(*SAMPLES)
        png = SHOT or os.path.join(self.dir, "report.png")
        pdf = os.path.join(self.dir, "report.pdf")
        facts = render(html, png=png, pdf=pdf, width=1100, height=1300)
        self.check_clean(facts)
        self.assertEqual(facts["title"], "财政项目支出绩效自评表检查报告")
        self.assertIn("1 张有警告", facts["h1"])
        self.assertEqual(facts["forms_in_detail"], 12)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        with open(pdf, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertGreater(data.count(b"/Type /Page\n") + data.count(b"/Type /Page>>")
                           + data.count(b"/Type/Page"), 1)

    def test_on_a_phone_the_page_does_not_scroll_sideways(self):
        facts = render(self.report(*SAMPLES, lang="en"), width=390, height=844)
        self.check_clean(facts)
        self.assertLessEqual(facts["page_width"], 390)

    def test_text_from_forms_is_escaped(self):
        with open(os.path.join(SRC, SAMPLES[0]), encoding="utf-8") as f:
            form = json.load(f)
        form["project"] = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        form["department"] = "\" onmouseover=\"alert(3)"
        form["total"] = 1
        path = os.path.join(self.dir, "evil.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(form, f, ensure_ascii=False)
        html = self.report(path)
        with open(html, encoding="utf-8") as f:
            text = f.read()
        self.assertNotIn("<script", text)
        self.assertNotIn("<img", text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", text)
        facts = render(html)
        self.check_clean(facts)
        self.assertIn("有错误", facts["h1"])

    def test_many_forms_are_summarized(self):
        data = os.path.join(self.dir, "filings")
        subprocess.run([sys.executable, os.path.join(SRC, "scripts", "gen-filings.py"), data,
                        "--forms", "1500", "--files", "30", "--seed", "3"], check=True,
                       stdout=subprocess.DEVNULL)
        out = os.path.join(self.dir, "year.html")
        r = subprocess.run([PES, "batch", "--no-progress", "--lang", "en", "--out", out, data],
                           capture_output=True, text=True)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Only the 200 forms with the most serious findings are shown; 1300 more", text)
        self.assertLess(len(text.encode()), 1_500_000)
        facts = render(out)
        self.check_clean(facts)
        self.assertEqual(facts["forms_in_detail"], 200)


if __name__ == "__main__":
    unittest.main()
