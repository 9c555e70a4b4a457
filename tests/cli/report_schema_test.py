#!/usr/bin/env python3
"""`pes check --format json` of every input format validates against schemas/report.schema.json,
checked by a real JSON Schema validator (python3-jsonschema, Draft 2020-12).

usage: report_schema_test.py PES SOURCE_DIR XLSX_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

PES, ROOT, XLSX = sys.argv[1], sys.argv[2], sys.argv[3]


def report(path, cwd):
    run = subprocess.run([PES, "check", "--format", "json", "--lang", "en", path],
                         capture_output=True, cwd=cwd, env=dict(os.environ, NO_COLOR="1"))
    if run.returncode not in (0, 1):
        sys.exit(f"FAIL {path}: exit {run.returncode}: {run.stderr.decode()}")
    return json.loads(run.stdout)


def main():
    with open(os.path.join(ROOT, "schemas", "report.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    with tempfile.TemporaryDirectory() as tmp:
        lines = os.path.join(tmp, "forms.jsonl")
        with open(lines, "w", encoding="utf-8") as out:
            for n in (1, 2, 11):
                with open(os.path.join(ROOT, "samples", f"form{n:02d}.json"), encoding="utf-8") as f:
                    out.write(json.dumps(json.load(f), ensure_ascii=False) + "\n")
        inputs = {
            "json": os.path.join(ROOT, "samples", "form11.json"),
            "jsonl": lines,
            "csv": os.path.join(ROOT, "samples", "filings.csv"),
            "tsv": os.path.join(ROOT, "tests", "fixtures", "data", "seed-2023.txt"),
            "xlsx": os.path.join(XLSX, "forms.xlsx"),
        }
        failures = 0
        for fmt, path in inputs.items():
            doc = report(path, tmp)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:5]:
                print(f"FAIL {fmt}: {'/'.join(map(str, e.path))}: {e.message}")
            failures += bool(errors)
            if doc["files"][0].get("format") != fmt:
                print(f"FAIL {fmt}: the report says format {doc['files'][0].get('format')!r}")
                failures += 1
            if not doc["files"][0]["forms"]:
                print(f"FAIL {fmt}: no forms read from {path}")
                failures += 1
        print(f"{len(inputs) - failures} of {len(inputs)} formats validate")
        sys.exit(1 if failures else 0)


main()
