"""What a person opening a workbook sees: LibreOffice, headless."""
import csv
import os
import shutil
import subprocess
import tempfile


def soffice_csv(path, outdir, timeout=300):
    """The first sheet of a workbook as LibreOffice reads it (headless conversion to CSV): its
    rows. Raises AssertionError when LibreOffice cannot open it."""
    profile = tempfile.mkdtemp(prefix="pes_lo_")
    os.makedirs(outdir, exist_ok=True)
    try:
        r = subprocess.run(["soffice", "--headless", "--norestore",
                            "-env:UserInstallation=file://" + profile,
                            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                            "--outdir", outdir, path], capture_output=True, text=True,
                           timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".csv")
    if not os.path.exists(out):
        raise AssertionError("LibreOffice could not open %s: %s %s" % (path, r.stdout, r.stderr))
    with open(out, encoding="utf-8") as f:
        return list(csv.reader(f))
