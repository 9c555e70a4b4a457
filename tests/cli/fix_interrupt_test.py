#!/usr/bin/env python3
"""Kills `pes fix` at random points while it mends a batch of files and checks that every file
is either the old one, whole, or the new one, whole: never a half-written or missing file.

usage: fix_interrupt_test.py PES SAMPLES_DIR
"""
import glob
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def slipped(text, k):
    """A sample form with a wrong rate, total and grade, made large by repeating its
    indicators, so that writing it takes a while."""
    form = json.loads(text)
    form["indicators"] = form["indicators"] * (40 + k % 7)
    out = json.dumps(form, ensure_ascii=False, indent=2)
    out = re.sub(r'"rate": ([0-9.]+)', r'"rate": "\1%"', out, count=1)
    out = re.sub(r'"grade": "[^"]*"', '"grade": "差"', out, count=1)
    return out.encode()


def main():
    pes, samples = sys.argv[1], sys.argv[2]
    rng = random.Random(17)
    sources = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(samples, "form*.json")))]
    with tempfile.TemporaryDirectory(prefix="pes-fix-interrupt-") as tmp:
        old = {}
        for k in range(60):
            old[os.path.join(tmp, "f%02d.json" % k)] = slipped(sources[k % len(sources)], k)
        # What each file becomes: pes fix run to the end on a copy.
        ref = os.path.join(tmp, "ref")
        os.mkdir(ref)
        new = {}
        for path, data in old.items():
            copy = os.path.join(ref, os.path.basename(path))
            with open(copy, "wb") as f:
                f.write(data)
        started = time.monotonic()
        subprocess.run([pes, "fix", *sorted(glob.glob(os.path.join(ref, "*.json")))],
                       capture_output=True, check=True)
        # Kill points scale with how long a whole run takes here (a sanitizer build, a loaded
        # machine), so that runs are killed part way through the batch on any machine.
        whole = time.monotonic() - started
        for path in old:
            with open(os.path.join(ref, os.path.basename(path)), "rb") as f:
                new[path] = f.read()
            if new[path] == old[path]:
                print(f"FAIL: pes fix changed nothing in {path}")
                return 1
        shutil.rmtree(ref)

        interrupted = mixed = 0
        for attempt in range(12):
            for path, data in old.items():
                with open(path, "wb") as f:
                    f.write(data)
            p = subprocess.Popen([pes, "fix", *sorted(old)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.1, 0.9) * whole)
            p.send_signal(signal.SIGKILL)
            code = p.wait()
            n_old = n_new = 0
            for path in old:
                with open(path, "rb") as f:
                    data = f.read()
                if data == old[path]:
                    n_old += 1
                elif data == new[path]:
                    n_new += 1
                else:
                    print(f"FAIL: {path} is neither the old file nor the new one ({len(data)} bytes)")
                    return 1
            interrupted += code == -signal.SIGKILL
            mixed += n_old > 0 and n_new > 0
            for leftover in glob.glob(os.path.join(tmp, ".*.pes-*")):
                os.remove(leftover)  # what SIGKILL leaves: a temporary file, never a target
        print(f"killed {interrupted} of 12 runs, {mixed} of them between files: every file old or new")
        if interrupted == 0 or mixed == 0:
            print("FAIL: no run was killed part way through the batch")
            return 1
        print("12 passed, 0 failed")
        return 0


if __name__ == "__main__":
    sys.exit(main())
