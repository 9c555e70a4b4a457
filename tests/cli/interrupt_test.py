#!/usr/bin/env python3
"""Kills `pes convert` while it writes its output and checks the output file is the old one,
whole, or the new one, whole: never a half-written file. The kill is aimed at the moment the
temporary file beside the output appears, i.e. in the middle of writing.

usage: interrupt_test.py PES SAMPLES_DIR
"""
import glob
import json
import os
import signal
import subprocess
import sys
import tempfile
import time


def main():
    pes, samples = sys.argv[1], sys.argv[2]
    forms = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(samples, "form*.json")))]
    with tempfile.TemporaryDirectory(prefix="pes-interrupt-") as tmp:
        src = os.path.join(tmp, "in.json")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(forms * 800, f, ensure_ascii=False)  # 9,600 forms, ~25 MB of CSV to write
        out = os.path.join(tmp, "out.csv")
        old = b"the old output, which must survive\n"
        interrupted = completed = 0
        for attempt in range(3):
            with open(out, "wb") as f:
                f.write(old)
            p = subprocess.Popen([pes, "convert", src, out], stderr=subprocess.DEVNULL)
            killed = False
            while p.poll() is None:
                if glob.glob(os.path.join(tmp, ".out.csv.pes-*")):
                    time.sleep(0.005)  # let it write a little
                    p.send_signal(signal.SIGKILL)
                    killed = True
                    break
                time.sleep(0.001)
            code = p.wait()
            data = open(out, "rb").read()
            if killed and code == -signal.SIGKILL:
                interrupted += 1
                if data != old:
                    print(f"FAIL: killed mid-write, the output is not the old file ({len(data)} bytes)")
                    return 1
            else:
                completed += 1
                if not (code == 0 and data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") > 9600):
                    print(f"FAIL: convert finished (exit {code}) but the output is not whole ({len(data)} bytes)")
                    return 1
            for leftover in glob.glob(os.path.join(tmp, ".out.csv.pes-*")):
                os.remove(leftover)  # what SIGKILL leaves: a temporary file, never the target
        print(f"interrupted mid-write {interrupted} times, completed {completed} times: output always whole")
        print(f"{interrupted + completed} passed, 0 failed")
        return 0 if interrupted > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
