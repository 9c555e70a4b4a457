"""libzip and libxlsxwriter are loaded only when a workbook is read or written: with stand-ins
that lack their functions first on LD_LIBRARY_PATH, pes still checks JSON, and an .xlsx input or
results workbook ends the run with 2 and a message naming the library, never a crash.

usage: missing_library_test.py PES SOURCE_DIR STUB_DIR XLSX_DIR
"""
import os
import subprocess
import sys
import tempfile
import unittest

PES, SOURCE, STUBS, XLSX = sys.argv[1:5]
SAMPLE = os.path.join(SOURCE, "samples", "form01.json")
WORKBOOK = os.path.join(XLSX, "forms.xlsx")


def pes(*args, stubs=True):
    env = dict(os.environ, NO_COLOR="1")
    if stubs:
        env["LD_LIBRARY_PATH"] = STUBS
    return subprocess.run([PES, *args], capture_output=True, text=True, env=env, timeout=120)


class MissingLibraryTest(unittest.TestCase):
    def test_json_is_checked_without_loading_them(self):
        r = pes("check", "--lang", "en", SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("form01.json", r.stdout)

    def test_a_workbook_input_is_unreadable_with_the_reason(self):
        self.assertEqual(pes("check", WORKBOOK, stubs=False).returncode, 0)
        r = pes("check", "--lang", "en", WORKBOOK)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("forms.xlsx: the library libzip.so", r.stderr)
        self.assertIn("is needed to read and write .xlsx and .docx files but cannot be loaded",
                      r.stderr)
        self.assertIn("undefined symbol: zip_", r.stderr)  # dlerror()'s words
        r = pes("check", "--lang", "zh", WORKBOOK)
        self.assertEqual(r.returncode, 2)
        self.assertIn("读写 .xlsx 与 .docx 文件需要程序库 libzip.so", r.stderr)

    def test_fix_and_convert_of_a_workbook_say_why_and_change_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            book = os.path.join(d, "book.xlsx")
            with open(WORKBOOK, "rb") as f:
                before = f.read()
            with open(book, "wb") as f:
                f.write(before)
            out = os.path.join(d, "forms.json")
            for args in (["fix", book], ["convert", book, out]):
                r = pes(args[0], "--lang", "en", *args[1:])
                self.assertEqual(r.returncode, 2, args)
                self.assertIn("book.xlsx: the library libzip.so", r.stderr)
                self.assertIn("undefined symbol: zip_", r.stderr)
            with open(book, "rb") as f:
                self.assertEqual(f.read(), before)
            self.assertFalse(os.path.exists(out))

    def test_a_results_workbook_is_not_written(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "results.xlsx")
            r = pes("check", "--lang", "en", "--output", "xlsx:" + out, SAMPLE)
            self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
            self.assertIn(f"pes: {out}: the library libxlsxwriter.so", r.stderr)
            self.assertIn("is needed to write the results workbook (.xlsx) but cannot be loaded",
                          r.stderr)
            self.assertIn("undefined symbol:", r.stderr)
            self.assertEqual(os.listdir(d), [])
            r = pes("check", "--lang", "en", "--output", "xlsx:" + out, SAMPLE, stubs=False)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.getsize(out) > 0)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
