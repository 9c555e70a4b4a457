#!/usr/bin/env python3
"""The fault suite: each way pes was seen to damage a file, pass an input that holds nothing or
take minutes on an input that takes a second, run with the exact command, checking the exit
code and that no file was lost or replaced.

Commands run in bash in a scratch folder, with `pes` on the PATH. Device nodes are made
privately with mknod (root only), a full filesystem is a small tmpfs (when mount is allowed)
or /dev/full; a test that cannot set itself up says why and is skipped.

usage: fault_test.py PES SOURCE_DIR [unittest arguments]
"""
import glob
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import xml.etree.ElementTree as ET

PES = os.path.abspath(sys.argv.pop(1))
SRC = os.path.abspath(sys.argv.pop(1))
ROOT = os.geteuid() == 0


def address_sanitized(binary):
    """True for a build with AddressSanitizer, which reserves terabytes of address space: a
    memory limit cannot be put on it (the runs then check the message only)."""
    p = subprocess.run(["ldd", binary], capture_output=True, text=True)
    return "libasan" in p.stdout


def sample(n):
    return os.path.join(SRC, "samples", "form%02d.json" % n)


def read(path):
    with open(path, "rb") as f:
        return f.read()


ASAN = address_sanitized(PES)


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"exit {self.code}\nstdout: {self.out[:2000]!r}\nstderr: {self.err[:2000]!r}"


class Fault(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pes_fault_")
        self.bin = os.path.join(self.dir, ".bin")
        os.mkdir(self.bin)
        os.symlink(PES, os.path.join(self.bin, "pes"))
        self.mounts = []

    def tearDown(self):
        for m in self.mounts:
            subprocess.run(["umount", m], check=False)
        shutil.rmtree(self.dir)

    def sh(self, command, timeout=120, stdin=subprocess.DEVNULL, limit_memory=False):
        """Runs a bash command line in the scratch folder; returns its Result (bytes)."""
        env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1",
                   LANG="C")
        env.pop("GITHUB_STEP_SUMMARY", None)

        def limit():
            if limit_memory and not ASAN:  # far less than the input: reading it whole would fail
                resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        p = subprocess.run(["bash", "-c", command], cwd=self.dir, env=env, stdin=stdin,
                           capture_output=True, timeout=timeout, preexec_fn=limit)
        return Result(p.returncode, p.stdout, p.stderr)

    def path(self, rel):
        return os.path.join(self.dir, rel)

    def copy(self, n, rel):
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        shutil.copy(sample(n), self.path(rel))
        return self.path(rel)

    def write(self, rel, data):
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        with open(self.path(rel), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return self.path(rel)

    def forms(self, rel="forms"):
        """A folder of three good forms."""
        for n in (1, 2, 3):
            self.copy(n, f"{rel}/form{n:02d}.json")
        return self.path(rel)

    def mknod(self, rel, minor):
        if not ROOT:
            self.skipTest("not root: cannot make a private device node with mknod")
        os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
        os.mknod(self.path(rel), stat.S_IFCHR | 0o666, os.makedev(1, minor))
        return self.path(rel)

    def assertCode(self, r, code):
        self.assertEqual(r.code, code, r)

    def assertNoTemporaryFiles(self):
        left = glob.glob(self.path("**/.*.pes-*"), recursive=True)
        self.assertEqual(left, [])


class Writing(Fault):
    """Never replace what is not a plain file; never write over an input."""

    def assertCharDevice(self, path):
        self.assertTrue(stat.S_ISCHR(os.lstat(path).st_mode), f"{path} is no longer a device")

    def test_batch_out_full_device_is_written_not_replaced(self):
        self.forms()
        full = self.mknod("dev/full", 7)
        r = self.sh("pes batch forms --out dev/full")
        self.assertCode(r, 2)
        self.assertIn(b"pes: dev/full: cannot write: No space left on device", r.err)
        self.assertCharDevice(full)
        self.assertNoTemporaryFiles()

    def test_batch_out_null_device_is_written_not_replaced(self):
        self.forms()
        null = self.mknod("dev/null", 3)
        r = self.sh("pes batch forms --out dev/null --findings dev/null")
        self.assertCode(r, 0)
        self.assertCharDevice(null)
        self.assertNoTemporaryFiles()

    def test_batch_out_dev_stdout_writes_standard_output(self):
        self.forms()
        r = self.sh("pes batch forms --out /dev/stdout > table.csv")
        self.assertCode(r, 0)
        table = read(self.path("table.csv"))
        self.assertTrue(table.startswith(b"\xef\xbb\xbffile,form,line,"), table[:100])
        self.assertEqual(table.count(b"\r\n"), 4)  # header and three forms; the summary on stderr
        self.assertIn(b"3 files", r.err)
        self.assertTrue(os.path.islink("/dev/stdout"))
        # Through a pipe as well, and /dev/fd/1 is the same.
        r = self.sh("pes check forms/form01.json --output json:/dev/fd/1 --output sarif:/dev/stdout | cat")
        self.assertCode(r, 0)
        self.assertIn(b'"schema_version": 1', r.out)
        self.assertIn(b'"$schema": "https://json.schemastore.org/sarif-2.1.0.json"', r.out)

    def test_output_to_a_symlink_replaces_its_target(self):
        self.forms()
        self.write("reports/target.sarif", "the old report\n")
        os.symlink("target.sarif", self.path("reports/link.sarif"))
        r = self.sh("pes check forms/form01.json --output sarif:reports/link.sarif")
        self.assertCode(r, 0)
        self.assertTrue(os.path.islink(self.path("reports/link.sarif")))
        self.assertEqual(json.loads(read(self.path("reports/target.sarif")))["version"], "2.1.0")
        self.assertNoTemporaryFiles()

    def test_output_to_a_fifo_writes_through_it(self):
        self.forms()
        fifo = self.path("report.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(read(fifo)))
        reader.start()
        r = self.sh("pes check forms/form01.json --output json:report.fifo")
        reader.join(timeout=60)
        self.assertCode(r, 0)
        self.assertEqual(json.loads(got[0])["summary"]["forms"], 1)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def test_dash_is_standard_output_for_every_output_option(self):
        self.forms()
        r = self.sh("pes batch forms --out - --findings -")
        self.assertCode(r, 0)
        self.assertTrue(r.out.startswith(b"\xef\xbb\xbffile,form,line,"), r.out[:100])
        self.assertIn(b"forms with errors: 0", r.err)  # the summary moves to standard error
        r = self.sh("pes check forms/form01.json --output json:-")
        self.assertCode(r, 0)
        self.assertEqual(json.loads(r.out)["summary"]["forms"], 1)
        self.assertFalse(os.path.exists(self.path("-")))

    def test_check_never_writes_its_report_over_an_input(self):
        a = self.copy(1, "a.json")
        os.symlink("a.json", self.path("link.json"))
        os.link(a, self.path("hard.json"))
        for output in ("json:a.json", "json:./a.json", "sarif:link.json", "junit:hard.json"):
            r = self.sh(f"pes check a.json --output {output}")
            self.assertCode(r, 2)
            self.assertIn(b"pes never writes over its input", r.err)
            self.assertEqual(read(a), read(sample(1)))
        r = self.sh("pes check a.json >> a.json")
        self.assertCode(r, 2)
        self.assertIn(b"standard output is the input file a.json", r.err)
        self.assertEqual(read(a), read(sample(1)))
        self.assertNoTemporaryFiles()

    def test_batch_convert_and_score_never_write_over_an_input(self):
        self.forms("same")
        r = self.sh("pes batch same --out same/form01.json")
        self.assertCode(r, 2)
        self.assertIn(b"same/form01.json is an input of this run", r.err)
        r = self.sh("pes batch same/form01.json --findings same/form01.json")
        self.assertCode(r, 2)
        r = self.sh("pes convert same/form02.json same/form02.json")
        self.assertCode(r, 2)
        os.symlink("same/form03.json", self.path("link.csv"))
        r = self.sh("pes convert same/form03.json link.csv")
        self.assertCode(r, 2)
        r = self.sh("pes score same/form03.json >> same/form03.json")
        self.assertCode(r, 2)
        for n in (1, 2, 3):
            self.assertEqual(read(self.path(f"same/form{n:02d}.json")), read(sample(n)))

    def test_batch_twice_skips_its_own_tables(self):
        self.forms("dir")
        cmd = "pes batch dir --out dir/forms.csv --findings dir/findings.csv"
        first = self.sh(cmd)
        self.assertCode(first, 0)
        tables = read(self.path("dir/forms.csv")), read(self.path("dir/findings.csv"))
        second = self.sh(cmd)
        self.assertCode(second, 0)
        self.assertIn(b"dir/findings.csv: skipped: this run writes it (dir/findings.csv)", second.err)
        self.assertIn(b"dir/forms.csv: skipped: this run writes it (dir/forms.csv)", second.err)
        self.assertIn(b"3 files (0 unreadable, 0 not well-formed; 2 skipped), 3 forms\n"
                      b"  dir/findings.csv: skipped: this run writes it (dir/findings.csv)\n"
                      b"  dir/forms.csv: skipped: this run writes it (dir/forms.csv)\n", second.out)
        self.assertEqual((read(self.path("dir/forms.csv")), read(self.path("dir/findings.csv"))), tables)

    def interrupt(self, sig):
        many = self.path("many")
        os.mkdir(many)
        text = read(sample(1))
        for i in range(3000):
            with open(os.path.join(many, f"f{i:05d}.json"), "wb") as f:
                f.write(text)
        old = b"the old output, which must survive\n"
        self.write("forms.csv", old)
        env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ["PATH"])
        p = subprocess.Popen(["pes", "batch", "many", "-j1", "--out", "forms.csv", "--findings",
                              "findings.csv"], cwd=self.dir, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        temps = []
        while time.time() < deadline and p.poll() is None:
            temps = glob.glob(self.path(".forms.csv.pes-*"))
            if temps and os.path.getsize(temps[0]) > 0:
                break
            time.sleep(0.002)
        self.assertIsNone(p.poll(), "pes ended before it could be interrupted")
        self.assertTrue(temps and os.path.getsize(temps[0]) > 0)
        p.send_signal(sig)
        self.assertEqual(p.wait(timeout=60), -sig)
        self.assertEqual(read(self.path("forms.csv")), old)
        self.assertFalse(os.path.exists(self.path("findings.csv")))
        self.assertNoTemporaryFiles()

    def test_sigint_during_batch_out_removes_the_temporary_files(self):
        self.interrupt(signal.SIGINT)

    def test_sigterm_during_batch_out_removes_the_temporary_files(self):
        self.interrupt(signal.SIGTERM)


class WriteErrors(Fault):
    """A full or closed standard output, or a full disk: exit 2 and a message naming the output."""

    def test_full_standard_output(self):
        self.forms()
        self.copy(11, "form11.json")  # a finding, so that every format has something to write
        for fmt in ("text", "json", "sarif", "github", "junit"):
            r = self.sh(f"pes check form11.json --format {fmt} > /dev/full")
            self.assertCode(r, 2)
            self.assertIn(b"pes: standard output: cannot write: No space left on device", r.err)
        for cmd in ("pes batch forms", "pes score forms/form01.json",
                    "pes convert forms/form01.json -", "pes rule --list"):
            r = self.sh(cmd + " > /dev/full")
            self.assertEqual(r.code, 2, cmd)
            self.assertRegex(r.err, rb"^pes( convert)?: standard output: cannot write: No space "
                                    rb"left on device\n$")  # once

    def test_closed_standard_output(self):
        self.forms()
        for cmd in ("pes check forms/form01.json", "pes check forms/form01.json --format junit",
                    "pes batch forms", "pes score forms/form01.json",
                    "pes convert forms/form01.json -"):
            r = self.sh(cmd + " >&-")
            self.assertCode(r, 2)
            self.assertRegex(r.err, rb"^pes( convert)?: standard output is closed")
        # Nothing pes opens lands on the closed descriptor: the report goes where it is told.
        r = self.sh("pes check forms/form01.json --output json:report.json >&-")
        self.assertCode(r, 0)
        self.assertEqual(json.loads(read(self.path("report.json")))["summary"]["forms"], 1)

    def full_filesystem(self):
        if not ROOT:
            self.skipTest("not root: cannot mount a small tmpfs")
        mnt = self.path("small")
        os.mkdir(mnt)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt],
                          capture_output=True).returncode != 0:
            self.skipTest("mount of a small tmpfs is not allowed here")
        self.mounts.append(mnt)
        return mnt

    def test_full_disk_for_a_file_output(self):
        mnt = self.full_filesystem()
        self.write("small/report.json", "the old report\n")
        forms = ",".join(read(sample(n)).decode() for n in range(1, 13))
        self.write("many.json", "[" + ",".join([forms] * 40) + "]")  # every output over 64 KB
        for cmd in ("pes check many.json --format json > small/report.json",
                    "pes check many.json --output json:small/report.json",
                    "pes batch many.json --out small/report.json",
                    "pes convert many.json small/report.json"):
            if ">" not in cmd:
                self.write("small/report.json", "the old report\n")
            r = self.sh(cmd)
            self.assertCode(r, 2)
            self.assertRegex(r.err, rb"(small/report.json|standard output): cannot (write|create a "
                                    rb"temporary file beside it): No space left on device")
            if ">" not in cmd:
                self.assertEqual(read(os.path.join(mnt, "report.json")), b"the old report\n")
            self.assertEqual(os.listdir(mnt), ["report.json"])

    def test_full_device_for_a_file_output(self):
        self.forms()
        full = self.mknod("dev/full", 7) if ROOT else "/dev/full"
        os.symlink(full, self.path("report.json"))
        r = self.sh("pes check forms/form01.json --output json:report.json")
        self.assertCode(r, 2)
        self.assertIn(b"pes: report.json: cannot write: No space left on device", r.err)
        self.assertTrue(os.path.islink(self.path("report.json")))


class Reading(Fault):
    """Nothing lost, nothing passed silently."""

    def test_convert_keeps_repeated_forms_apart(self):
        form = read(sample(1)).decode()
        self.write("twice.json", f"[{form},{form}]")
        r = self.sh("pes convert twice.json twice.csv && pes convert twice.csv back.json")
        self.assertCode(r, 0)
        self.assertEqual(json.loads(read(self.path("back.json"))), json.loads(read(self.path("twice.json"))))

    def test_convert_round_trip_of_generated_forms(self):
        gen = os.path.join(SRC, "scripts", "gen-filings.py")
        subprocess.run([sys.executable, gen, self.path("gen"), "--forms", "3000", "--files", "1",
                        "--jsonl", "0", "--mistakes", "0", "--broken-files", "0", "--seed", "5"],
                       check=True, capture_output=True)
        src = glob.glob(self.path("gen/*/*.json"))[0]
        r = self.sh(f"pes convert {src} all.csv && pes convert all.csv back.json && "
                    f"pes convert back.json again.csv")
        self.assertCode(r, 0)
        self.assertEqual(len(json.loads(read(self.path("back.json")))), 3000)
        self.assertEqual(read(self.path("again.csv")), read(self.path("all.csv")))

    def test_convert_refuses_a_csv_that_would_read_back_differently(self):
        form = json.loads(read(sample(1)))
        del form["indicators"][1]["level2"]
        self.write("empty-row.json", json.dumps(form, ensure_ascii=False))
        r = self.sh("pes convert empty-row.json out.csv")
        self.assertCode(r, 1)  # the input holds what a CSV cannot say
        self.assertIn("indicator 2 has no 二级指标".encode(), r.err)
        self.assertFalse(os.path.exists(self.path("out.csv")))

    def test_empty_inputs_fail(self):
        self.write("empty-array.json", "[]")
        self.write("header-only.csv", "\ufeff项目名称,年度,三级指标\r\n")
        self.write("empty.jsonl", "")
        os.mkdir(self.path("empty-dir"))
        for cmd, shown in (("pes check empty-array.json", "empty-array.json"),
                           ("pes check header-only.csv", "header-only.csv"),
                           ("pes check empty.jsonl", "empty.jsonl"),
                           ("pes check - < empty-array.json", "<stdin>"),
                           ("pes score empty-array.json", "empty-array.json"),
                           ("pes convert empty-array.json out.csv", "empty-array.json"),
                           ("pes batch empty-dir", "empty-dir"),
                           ("pes batch empty.jsonl", "empty.jsonl"),
                           ("pes batch - < /dev/null", "<stdin>"),
                           ("pes batch --lang zh empty-dir", None)):
            r = self.sh(cmd)
            self.assertCode(r, 2)
            if shown:
                self.assertIn(f"no forms found in {shown}".encode(), r.err)
            else:
                self.assertIn("empty-dir 中未找到自评表".encode(), r.err)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        # One empty file among good ones in a walked folder does not fail the folder.
        self.forms("mixed")
        self.write("mixed/empty.json", "[]")
        self.assertCode(self.sh("pes batch mixed"), 0)

    def test_directory_symlink_cycles_end_and_count_each_file_once(self):
        self.forms("dir")
        os.symlink(".", self.path("dir/self"))
        os.symlink(".", self.path("dir/self-again"))
        os.mkdir(self.path("dir/sub"))
        os.symlink("..", self.path("dir/sub/up"))
        r = self.sh("pes batch dir", timeout=60)
        self.assertCode(r, 0)
        self.assertIn(b"3 files (0 unreadable, 0 not well-formed), 3 forms", r.out)

    def test_special_entries_in_a_walked_directory_are_skipped_and_named(self):
        self.forms("dir")
        os.mkfifo(self.path("dir/pipe.json"))
        os.symlink("nowhere.json", self.path("dir/dangling.json"))
        os.symlink("loop.json", self.path("dir/loop.json"))
        r = self.sh("pes batch dir", timeout=60)
        self.assertCode(r, 0)
        self.assertIn(b"3 files (0 unreadable, 0 not well-formed; 3 skipped), 3 forms", r.out)
        self.assertIn(b"pes: dir/dangling.json: skipped: a dangling symbolic link", r.err)
        self.assertIn(b"pes: dir/loop.json: skipped: a symbolic link that loops", r.err)
        self.assertIn(b"pes: dir/pipe.json: skipped: not a regular file (a FIFO)", r.err)
        # The summary names them too, in the same words.
        for entry in (b"dir/dangling.json: skipped: a dangling symbolic link",
                      b"dir/loop.json: skipped: a symbolic link that loops",
                      b"dir/pipe.json: skipped: not a regular file (a FIFO)"):
            self.assertIn(b"\n  " + entry + b"\n", r.out)

    def test_file_names_with_invalid_utf8_stay_well_formed_in_every_format(self):
        os.mkdir(self.path("odd"))
        name = os.path.join(os.fsencode(self.path("odd")), b"bad\xff\xfe.json")
        with open(name, "wb") as f:
            f.write(read(sample(11)))  # a form with a finding, so each format names the file
        shown = "odd/bad\ufffd\ufffd.json"
        for fmt in ("text", "json", "sarif", "github", "junit"):
            r = self.sh(f"pes check odd/bad$'\\xff\\xfe'.json --format {fmt}")
            self.assertCode(r, 0)
            text = r.out.decode("utf-8")  # strict: fails on invalid UTF-8
            self.assertIn(shown if fmt != "sarif" else "odd/bad%EF%BF%BD%EF%BF%BD.json", text)
            if fmt == "junit":
                ET.fromstring(r.out)
            if fmt in ("json", "sarif"):
                json.loads(text)
        for table in ("forms.csv", "forms.jsonl"):
            r = self.sh(f"pes batch odd --out {table} --findings findings-{table}")
            self.assertCode(r, 0)
            for out in (table, "findings-" + table):
                self.assertIn(shown, read(self.path(out)).decode("utf-8"))


class Linear(Fault):
    """Linear in the input, bounded in memory."""

    def test_csv_with_bare_cr_line_ends_is_placed_like_lf(self):
        form = json.loads(read(sample(2)))
        form["total"] = "90.00"  # in the second form, far from line 1
        self.write("f.json", json.dumps([json.loads(read(sample(1))), form], ensure_ascii=False))
        self.assertCode(self.sh("pes convert f.json crlf.csv"), 0)
        crlf = read(self.path("crlf.csv"))
        self.write("lf.csv", crlf.replace(b"\r\n", b"\n"))
        self.write("cr.csv", crlf.replace(b"\r\n", b"\r"))
        results = [self.sh(f"pes check {n}.csv") for n in ("crlf", "lf", "cr")]
        for r in results:
            self.assertCode(r, 1)
        lines = [r.out.replace(n.encode(), b"") for r, n in zip(results, ("crlf.csv", "lf.csv", "cr.csv"))]
        self.assertEqual(lines[0], lines[1])
        self.assertEqual(lines[0], lines[2])
        # Not every finding on line 1, as when a bare CR was no line end.
        self.assertRegex(results[2].out, rb"cr\.csv:([2-9]|[1-9][0-9]+):[A-Z]+: error\[total-mismatch\]")

    def test_layout_text_with_bare_cr_line_ends_reads(self):
        txt = read(os.path.join(SRC, "tests", "fixtures", "data", "seed-2023.txt"))
        self.write("cr.txt", txt.replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
        self.write("lf.txt", txt)
        cr, lf = self.sh("pes check cr.txt"), self.sh("pes check lf.txt")
        self.assertEqual(cr.code, lf.code, cr)
        self.assertEqual(cr.out.replace(b"cr.txt", b""), lf.out.replace(b"lf.txt", b""))

    def test_a_jsonl_line_past_the_limit_is_reported_and_skipped(self):
        form = read(sample(1)).replace(b"\n", b"")
        # A line of 65 MB with no line end in it, between two forms.
        with open(self.path("long.jsonl"), "wb") as f:
            f.write(form + b"\n")
            f.write(b'{"project": "' + b"x" * (65 << 20) + b'"}\n')
            f.write(form + b"\n")
        r = self.sh("pes batch long.jsonl --no-progress", timeout=120)
        self.assertCode(r, 1)
        self.assertIn(b"long.jsonl:2:1: error[parse-error] line 2 is longer than 64 MB, the most "
                      b"pes reads as one line of JSON Lines; the line is skipped", r.err)
        self.assertIn(b"1 file (0 unreadable, 1 not well-formed, with 1 bad line of JSON Lines), 2 forms", r.out)

    def test_a_long_jsonl_with_no_line_end_is_read_in_linear_time(self):
        with open(self.path("one-line.jsonl"), "wb") as f:
            f.truncate(0)
            f.write(b" " * (256 << 20))  # 256 MB of white space and no line end: took 11 s
        start = time.time()
        r = self.sh("pes batch one-line.jsonl", timeout=120, limit_memory=True)
        secs = time.time() - start
        self.assertCode(r, 1)
        self.assertIn(b"line 1 is longer than 64 MB", r.err)
        print(f"\n  256 MB on one line: {secs:.1f} s", file=sys.stderr)

    def test_two_gigabytes_of_nul_bytes_fail_at_once(self):
        for name in ("nul.json", "nul.csv", "nul.jsonl"):
            with open(self.path(name), "wb") as f:
                f.truncate(2 << 30)  # sparse: no disk used
        for cmd in ("pes check nul.json", "pes check nul.csv", "pes batch nul.jsonl",
                    "pes score nul.json", "pes convert nul.csv out.json"):
            r = self.sh(cmd, timeout=60, limit_memory=True)
            self.assertIn(r.code, (1,), r)
            self.assertIn(b"a NUL byte (0x00) where text belongs", r.err + r.out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
