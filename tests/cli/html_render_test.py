#!/usr/bin/env python3
"""Renders pes's HTML report in headless Chromium and checks what a reader would get.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
fd 3, answers on fd 4), so no library is needed. For each report the test checks that the page
loads with no console message of level error, no exception and no network request but the page
itself; that the chart SVGs are in the DOM; that a phone-wide window needs no sideways scrolling
of the page; and it prints it to an A4 PDF and takes a PNG screenshot.

usage: html_render_test.py PES SOURCE_DIR [--shot PNG] [--forms N] [unittest arguments]
  --shot PNG   also write a screenshot of the report on the samples to PNG (docs/ keeps one)
env: CHROMIUM (default: chromium)
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
SHOT = None
if len(sys.argv) > 2 and sys.argv[1] == "--shot":
    SHOT = os.path.abspath(sys.argv[2])
    del sys.argv[1:3]
CHROMIUM = os.environ.get("CHROMIUM", "chromium")
SAMPLES = sorted(os.path.join(SRC, "samples", n) for n in os.listdir(os.path.join(SRC, "samples"))
                 if n.startswith("form") and n.endswith(".json"))


class Browser:
    """One headless Chromium, spoken to over the DevTools pipe."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="pes_chromium_")
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()
        # The child gets the command pipe's reading end as fd 3 and the answer pipe's writing
        # end as fd 4; park them high first so that dup2 cannot overwrite one with the other.
        high_r, high_w = os.dup2(cmd_r, 100), os.dup2(out_w, 101)

        def child():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--user-data-dir=" + self.profile,
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4, 100, 101), preexec_fn=child)
        for fd in (cmd_r, out_w, high_r, high_w):
            os.close(fd)
        self.w = os.fdopen(cmd_w, "wb", buffering=0)
        self.r = os.fdopen(out_r, "rb", buffering=0)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.w.close()
        self.r.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self):
        while b"\0" not in self.buf:
            chunk = self.r.read(1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        message, self.buf = self.buf.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, session=None, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.w.write(json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.events:
                if m.get("method") == method:
                    return m
            self.events.append(self._read())
        raise TimeoutError(method)


def render(html, png=None, pdf=None, width=1200, height=900):
    """Loads `html` and returns what happened: requests, errors, chart counts, load time."""
    b = Browser()
    try:
        target = b.send("Target.createTarget", url="about:blank")["targetId"]
        s = b.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(domain + ".enable", session=s)
        b.send("Emulation.setDeviceMetricsOverride", session=s, width=width, height=height,
               deviceScaleFactor=1, mobile=width < 600)
        url = "file://" + os.path.abspath(html)
        b.events.clear()
        start = time.monotonic()
        b.send("Page.navigate", session=s, url=url)
        b.wait_event("Page.loadEventFired")
        loaded = time.monotonic() - start
        ev = lambda expr: b.send("Runtime.evaluate", session=s, expression=expr,
                                 returnByValue=True)["result"]["value"]
        facts = {
            "load_seconds": loaded,
            "charts": ev("document.querySelectorAll('svg.chart').length"),
            "bars": ev("document.querySelectorAll('svg.chart rect').length"),
            "scripts": ev("document.scripts.length"),
            "page_width": ev("document.documentElement.scrollWidth"),
            "title": ev("document.title"),
            "h1": ev("document.querySelector('h1').textContent"),
            "forms_in_detail": ev("document.querySelectorAll('article.form').length"),
        }
        if png:
            shot = b.send("Page.captureScreenshot", session=s, format="png")
            with open(png, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        if pdf:
            start = time.monotonic()
            doc = b.send("Page.printToPDF", session=s, paperWidth=8.27, paperHeight=11.69,
                         printBackground=True)
            facts["pdf_seconds"] = time.monotonic() - start
            with open(pdf, "wb") as f:
                f.write(base64.b64decode(doc["data"]))
        facts["requests"] = [m["params"]["request"]["url"] for m in b.events
                             if m.get("method") == "Network.requestWillBeSent"
                             and m["params"]["request"]["url"] != url]
        facts["errors"] = [m["params"] for m in b.events
                           if (m.get("method") == "Runtime.consoleAPICalled"
                               and m["params"]["type"] in ("error", "assert"))
                           or m.get("method") == "Runtime.exceptionThrown"
                           or (m.get("method") == "Log.entryAdded"
                               and m["params"]["entry"]["level"] == "error")]
        return facts
    finally:
        b.close()


class Render(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_html_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def report(self, *args, lang="zh"):
        out = os.path.join(self.dir, "report.html")
        r = subprocess.run([PES, "check", "--lang", lang, "--output", "html:" + out, *args],
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
        facts = render(html, png=png, pdf=pdf)
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
        with open(SAMPLES[0], encoding="utf-8") as f:
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
