"""A large JSON array of forms on standard input is read in parts, as the same array in a file
is (through an unnamed temporary file, or in memory where none can be made): the same findings,
placed on the same lines and columns, from a pipe or a redirected file; a syntax error at its
very end still makes the whole input a parse error; and a large document that is no array is
read whole, as from a file. An endless binary stream is not text, and ends at its first part.

usage: stdin_array_test.py PES SAMPLES_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import unittest

PES, SAMPLES = sys.argv[1:3]


def pes(*args, stdin=None, data=None, tmpdir=None):
    env = dict(os.environ, NO_COLOR="1")
    if tmpdir is not None:
        env["TMPDIR"] = tmpdir
    return subprocess.run([PES, *args], capture_output=True, env=env, timeout=300,
                          stdin=stdin, input=data)


class StdinArrayTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        forms = [json.load(open(p, encoding="utf-8"))
                 for p in sorted(glob.glob(os.path.join(SAMPLES, "form*.json")))]
        many = []
        for i in range(2400):  # about 6 MB: more than the 4 parts' worth that is read in parts
            form = json.loads(json.dumps(forms[i % len(forms)]))
            if i % 97 == 5:
                form["total"] = "101"  # a mistake now and then, all through the array
            many.append(form)
        cls.dir = tempfile.mkdtemp(prefix="pes-stdin-array-")
        cls.path = os.path.join(cls.dir, "forms.json")
        with open(cls.path, "w", encoding="utf-8") as f:
            json.dump(many, f, ensure_ascii=False, indent=1)
        cls.data = open(cls.path, "rb").read()
        assert len(cls.data) > 5_000_000, len(cls.data)

    def from_file(self, *args):
        r = pes("batch", "--lang", "en", *args, self.path)
        return r.returncode, r.stdout.replace(self.path.encode(), b"<stdin>")

    def test_the_same_findings_as_from_the_file(self):
        code, want = self.from_file("--format", "findings")
        self.assertEqual(code, 1)
        self.assertGreater(want.count(b"\n"), 20)
        piped = pes("batch", "--lang", "en", "--format", "findings", "-", data=self.data)
        self.assertEqual((piped.returncode, piped.stdout), (code, want), piped.stderr)
        with open(self.path, "rb") as f:
            redirected = pes("batch", "--lang", "en", "--format", "findings", "-", stdin=f)
        self.assertEqual((redirected.returncode, redirected.stdout), (code, want))

    def test_with_no_temporary_file_in_memory(self):
        code, want = self.from_file("--format", "findings")
        piped = pes("batch", "--lang", "en", "--format", "findings", "-", data=self.data,
                    tmpdir=os.path.join(self.dir, "no-such-folder"))
        self.assertEqual((piped.returncode, piped.stdout), (code, want), piped.stderr)

    def test_a_large_document_that_is_no_array_is_read_whole(self):
        form = json.load(open(os.path.join(SAMPLES, "form01.json"), encoding="utf-8"))
        form["indicators"] = form["indicators"] * 6000  # one form of some 6 MB
        path = os.path.join(self.dir, "one.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(form, f, ensure_ascii=False, indent=1)
        data = open(path, "rb").read()
        self.assertGreater(len(data), 5_000_000)
        file_run = pes("batch", "--lang", "en", "--format", "findings", path)
        piped = pes("batch", "--lang", "en", "--format", "findings", "-", data=data)
        self.assertEqual(piped.returncode, file_run.returncode)
        self.assertGreater(file_run.stdout.count(b"\n"), 2)
        self.assertEqual(piped.stdout, file_run.stdout.replace(path.encode(), b"<stdin>"))

    def test_an_endless_binary_stream_ends_at_its_first_part(self):
        for command in ("check", "batch"):
            with open("/dev/zero", "rb") as zero:
                r = pes(command, "--lang", "en", "-", stdin=zero)  # the timeout fails a hang
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn(b"<stdin>:1:1: error[parse-error] a NUL byte (0x00) where text belongs",
                          r.stdout + r.stderr)

    def through_fifo(self, data, *args):
        """pes run on a named FIFO that a thread fills with `data`. The writing end is open
        before pes starts (O_RDWR does not wait for a reader), and `data` is more than a pipe
        holds, so that the writer is still there when pes opens it."""
        self.assertGreater(len(data), 1 << 20)
        fifo = os.path.join(tempfile.mkdtemp(dir=self.dir), "forms.fifo")
        os.mkfifo(fifo)
        fd = os.open(fifo, os.O_RDWR)

        def fill():
            with os.fdopen(fd, "wb") as f:
                f.write(data)

        writer = threading.Thread(target=fill)
        writer.start()
        r = pes(*args, fifo)
        writer.join(timeout=60)
        return r, fifo

    def test_a_named_fifo_is_read_as_standard_input_is(self):
        code, want = self.from_file("--format", "findings")
        r, fifo = self.through_fifo(self.data, "batch", "--lang", "en", "--format", "findings")
        self.assertEqual((r.returncode, r.stdout), (code, want.replace(b"<stdin>", fifo.encode())),
                         r.stderr)
        # A process substitution, as a shell gives it: /dev/fd/N, a pipe.
        form = os.path.join(SAMPLES, "form11.json")
        r = subprocess.run(["bash", "-c", 'exec "$0" check --lang en <(cat "$1")', PES, form],
                           capture_output=True, timeout=300, env=dict(os.environ, NO_COLOR="1"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, rb"/dev/fd/\d+:168:17: warning\[deduction-without-reason\]")

    def test_the_printed_table_as_text_is_told_from_a_csv(self):
        # Every real form's layout text, on standard input, through a FIFO and as Excel's
        # "Unicode Text" (UTF-16), reads as the .txt file named does.
        real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures",
                            "real-forms")
        layouts = sorted(glob.glob(os.path.join(real, "*.layout.txt")))
        self.assertGreaterEqual(len(layouts), 5)
        for path in layouts:
            with self.subTest(path=os.path.basename(path)):
                named = pes("check", "--lang", "en", path)
                code = named.returncode
                self.assertIn(code, (0, 1), named.stderr)
                self.assertRegex(named.stdout, rb"(error|warning)\[")  # each has mistakes
                want = named.stdout.replace(path.encode(), b"<stdin>")
                with open(path, "rb") as f:
                    text = f.read()
                got = pes("check", "--lang", "en", "-", data=text)
                self.assertEqual((got.returncode, got.stdout), (code, want), got.stderr)
                # Named with an extension pes does not know: told by its first bytes too.
                dat = os.path.join(tempfile.mkdtemp(dir=self.dir), "form.dat")
                with open(dat, "wb") as f:
                    f.write(text)
                got = pes("check", "--lang", "en", dat)
                self.assertEqual((got.returncode, got.stdout.replace(dat.encode(), b"<stdin>")),
                                 (code, want), got.stderr)
                unicode_text = b"\xff\xfe" + text.decode("utf-8").encode("utf-16-le")
                got = pes("check", "--lang", "en", "-", data=unicode_text)
                self.assertEqual((got.returncode, got.stdout), (code, want), got.stderr)
                r = subprocess.run(["bash", "-c", 'exec "$0" check --lang en <(cat "$1")', PES,
                                    path], capture_output=True, timeout=300,
                                   env=dict(os.environ, NO_COLOR="1"))
                self.assertEqual(r.returncode, code, r.stderr)
                self.assertEqual(re.sub(rb"/dev/fd/\d+", b"<stdin>", r.stdout), want)

    def test_a_named_fifo_with_no_writer_holds_no_forms(self):
        fifo = os.path.join(tempfile.mkdtemp(dir=self.dir), "lonely.fifo")
        os.mkfifo(fifo)
        r = pes("check", "--lang", "en", fifo)  # the timeout fails a hang
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"no forms found in " + fifo.encode(), r.stderr)

    def test_a_syntax_error_at_the_end_spoils_the_whole_input(self):
        broken = self.data.rstrip()[:-1] + b",]"
        with open(os.path.join(self.dir, "broken.json"), "wb") as f:
            f.write(broken)
        file_run = pes("batch", "--lang", "en", "--format", "findings",
                       os.path.join(self.dir, "broken.json"))
        piped = pes("batch", "--lang", "en", "--format", "findings", "-", data=broken)
        self.assertEqual(piped.returncode, 1)
        self.assertIn(b"parse-error", piped.stdout)
        self.assertNotIn(b"total-mismatch", piped.stdout)
        self.assertEqual(piped.stdout,
                         file_run.stdout.replace(os.path.join(self.dir, "broken.json").encode(),
                                                 b"<stdin>"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
