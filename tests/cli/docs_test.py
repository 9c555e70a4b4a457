#!/usr/bin/env python3
"""The man page and the shell completions, generated at build time, name every subcommand and
every option that `pes --help` and `pes COMMAND --help` list, and the scripts parse.

usage: docs_test.py PES BUILD_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import unittest

PES = os.path.abspath(sys.argv.pop(1))
BUILD = os.path.abspath(sys.argv.pop(1))


def run(*args):
    p = subprocess.run([PES, *args], capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    assert p.returncode == 0, (args, p.stderr)
    return p.stdout


def section(help_text, title):
    """The lines of one section of CLI11's help ("Options:", "Subcommands:")."""
    out, inside = [], False
    for line in help_text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            inside = line == title
            continue
        if inside and line.strip():
            out.append(line)
    return out


def commands():
    return [line.split()[0] for line in section(run("--help"), "Subcommands:")
            if re.match(r"^  [a-z]", line)]


def options(command):
    """Every option name the help of `command` lists, long and short."""
    names = []
    for line in section(run(command, "--help"), "Options:"):
        m = re.match(r"^  (-[^ ]+)", line)
        if m:
            names += [n for n in m.group(1).split(",") if n.startswith("-")]
    return names


def read(rel):
    with open(os.path.join(BUILD, rel), encoding="utf-8") as f:
        return f.read()


def roff(text):
    return text.replace("-", "\\-")


class Docs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = read("pes.1")
        cls.bash = read("completions/pes")
        cls.zsh = read("completions/_pes")
        cls.commands = commands()

    def test_help_lists_every_command(self):
        # The list the rest compares with is the real one, not an empty one.
        self.assertEqual(self.commands, ["check", "batch", "score", "convert", "fix", "rule", "schema", "template"])

    def test_every_command_is_in_the_man_page_and_both_completions(self):
        for c in self.commands:
            with self.subTest(command=c):
                self.assertIn(f'.SS "pes {c}"', self.page)
                self.assertIn(f".B pes {c}\n", self.page)  # the synopsis
                self.assertRegex(self.bash, rf"\n_pes_{c}\(\) \{{")
                self.assertIn(f"'{c}:", self.zsh)
                self.assertRegex(self.zsh, rf"\n +{c}\)\n +_arguments")

    def test_every_option_is_in_the_man_page_and_both_completions(self):
        for c in self.commands:
            names = options(c)
            self.assertIn("--help", names)
            bash = re.search(rf"\n_pes_{c}\(\) \{{\n(.*?)\n\}}\n", self.bash, re.S).group(1)
            zsh = re.search(rf"\n +{c}\)\n +_arguments(.*?)&& return 0", self.zsh, re.S).group(1)
            man = re.search(rf'\.SS "pes {c}"\n(.*?)(?=\n\.SS |\n\.SH )', self.page, re.S).group(1)
            for name in names:
                with self.subTest(command=c, option=name):
                    self.assertRegex(man, rf"\.BR? (.*, )?{re.escape(roff(name))}[ ,\n]")
                    self.assertRegex(bash, rf"(^|[ \"]){re.escape(name)}([ \"]|$)")
                    self.assertRegex(zsh, rf"'[^']*{re.escape(name)}[=\[]")

    def test_check_and_batch_take_the_same_options(self):
        self.assertEqual(sorted(options("check")), sorted(options("batch")))

    def test_no_placeholder_is_left(self):
        self.assertNotRegex(self.page, r"@[A-Z]+@")

    def test_the_scripts_parse(self):
        subprocess.run(["bash", "-n", os.path.join(BUILD, "completions/pes")], check=True)
        if shutil.which("zsh"):
            subprocess.run(["zsh", "-n", os.path.join(BUILD, "completions/_pes")], check=True)

    def test_bash_completes_commands_and_new_options(self):
        script = f"""
source {os.path.join(BUILD, "completions/pes")}
COMP_WORDS=(pes ba); COMP_CWORD=1; _pes; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(pes batch --exc); COMP_CWORD=2; _pes; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(pes convert in.csv out.csv --en); COMP_CWORD=4; _pes; echo "${{COMPREPLY[*]}}"
"""
        out = subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout
        self.assertEqual(out, "batch\n--exclude\n--encoding\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
