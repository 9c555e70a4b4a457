#!/usr/bin/env python3
"""Runs `pes check` on every bad input and compares the exit code and the first line of the
message with tests/bad/expected.tsv. Large or special inputs (deep nesting, a 100 MB string,
100,000 indicators, a directory, a FIFO, an unreadable file, 2 GiB of NUL bytes) are made here,
in a temporary folder, rather than kept in the repository.

usage: bad_inputs.py PES [--update]
The message is the first line on standard error if there is one, else the first finding line,
else the last line of standard output; the file's path in it is written FILE.
"""
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = HERE
EXPECTED = os.path.join(BAD, "expected.tsv")
SAMPLE = os.path.join(HERE, "..", "..", "samples", "form01.json")


def generated(tmp):
    """Makes the inputs too big or too special to keep in git. Returns {name: path}."""
    out = {}
    with open(SAMPLE, encoding="utf-8") as f:
        form = json.load(f)

    def write(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        out[name] = path

    write("gen-deep-array.json", "[" * 100000 + "]" * 100000)
    write("gen-deep-object.json", '{"funds": ' + '{"x": ' * 100000 + "1" + "}" * 100001)
    big = dict(form)
    big["project"] = "项" * (100 * 1024 * 1024 // 3)
    write("gen-100mb-string.json", json.dumps(big, ensure_ascii=False))
    many = dict(form)
    many["indicators"] = [
        {"level1": "产出指标", "level2": "数量指标", "name": f"指标{i}", "target": "≥90%",
         "actual": "100%", "weight": "0.0009", "score": "0.0009", "reason": ""}
        for i in range(100000)
    ]
    write("gen-100000-indicators.json", json.dumps(many, ensure_ascii=False))
    header = ",".join(f"列{i}" for i in range(10000))
    write("gen-csv-10000-columns.csv", header + "\r\n" + ",".join("1" for _ in range(10000)) + "\r\n")
    write("gen-html-deep.html", "<div>" * 200000)
    write("gen-html-20mb.html", "<p>" + "页" * (20 * 1024 * 1024 // 3) + "</p>")
    write("gen-long-whitespace.json", " " * (10 * 1024 * 1024) + json.dumps(form, ensure_ascii=False))
    directory = os.path.join(tmp, "gen-directory.json")
    os.mkdir(directory)
    out["gen-directory.json"] = directory
    fifo = os.path.join(tmp, "gen-fifo.json")
    os.mkfifo(fifo)
    out["gen-fifo.json"] = fifo
    unreadable = os.path.join(tmp, "gen-unreadable.json")
    shutil.copy(SAMPLE, unreadable)
    os.chmod(unreadable, 0)
    out["gen-unreadable.json"] = unreadable
    out["gen-missing.json"] = os.path.join(tmp, "gen-missing.json")
    # 2 GiB of NUL bytes (sparse: no disk used): pes must stop after the first bytes, which
    # run() checks by allowing it far less memory than the file's size.
    for name in ("gen-2gb-nul.json", "gen-2gb-nul.jsonl", "gen-2gb-nul.csv"):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.truncate(2 << 30)
        out[name] = path
    return out


def address_sanitized(binary):
    """True for a build with AddressSanitizer, which reserves terabytes of address space: a
    memory limit cannot be put on it (the runs then check the message only)."""
    p = subprocess.run(["ldd", binary], capture_output=True, text=True)
    return "libasan" in p.stdout


def limit_memory():
    """Allows 1 GiB of address space: reading a 2 GiB file whole would fail."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(pes, path, unprivileged, small=False):
    cmd = [pes, "check", "--lang", "en", path]
    if unprivileged and os.geteuid() == 0 and shutil.which("setpriv"):
        # root reads any file; drop to nobody so that permissions apply
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
    p = subprocess.run(cmd, capture_output=True, timeout=120, env={**os.environ, "NO_COLOR": "1"},
                       preexec_fn=limit_memory if small else None)
    stdout = p.stdout.decode("utf-8", "replace")
    stderr = p.stderr.decode("utf-8", "replace")
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    if not lines:
        findings = [l.strip() for l in stdout.splitlines() if "[" in l and "]" in l and ": " in l]
        lines = findings or [l.strip() for l in stdout.splitlines() if l.strip()][-1:]
    first = lines[0] if lines else ""
    return p.returncode, first.replace(path, "FILE")


def main():
    pes = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv
    tmp = tempfile.mkdtemp(prefix="pes-bad-")
    os.chmod(tmp, 0o755)
    try:
        cases = {name: os.path.join(BAD, name) for name in sorted(os.listdir(BAD))
                 if name not in ("expected.tsv", os.path.basename(__file__))}
        cases.update(generated(tmp))
        results = {}
        asan = address_sanitized(pes)
        for name in sorted(cases):
            results[name] = run(pes, cases[name], name == "gen-unreadable.json",
                                small=name.startswith("gen-2gb") and not asan)
        if update:
            with open(EXPECTED, "w", encoding="utf-8") as f:
                f.write("# case\texit code\tfirst line of the message (FILE = the input's path)\n")
                for name, (code, first) in sorted(results.items()):
                    f.write(f"{name}\t{code}\t{first}\n")
            print(f"wrote {len(results)} cases to {EXPECTED}")
            return 0
        expected = {}
        with open(EXPECTED, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                name, code, first = line.rstrip("\n").split("\t", 2)
                expected[name] = (int(code), first)
        passed = failed = 0
        for name in sorted(set(expected) | set(results)):
            want = expected.get(name)
            got = results.get(name)
            if want == got:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {name}\n  expected: {want}\n  actual:   {got}")
        print(f"{passed} passed, {failed} failed")
        return 0 if failed == 0 else 1
    finally:
        for root, dirs, _ in os.walk(tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
