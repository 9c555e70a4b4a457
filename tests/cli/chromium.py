"""Headless Chromium, driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
commands on fd 3, answers on fd 4), so that no library is needed: render() loads a page and
says what happened (requests, console errors, chart SVGs, load time), and can take a PNG
screenshot and print an A4 PDF.

env: CHROMIUM (default: chromium)
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

CHROMIUM = os.environ.get("CHROMIUM", "chromium")


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
