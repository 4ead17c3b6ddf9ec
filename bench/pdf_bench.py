"""PDF export speed of the sample: our Qt renderer against LibreOffice converting our DOCX.

Baseline (same run): `soffice --headless --convert-to pdf` of the DOCX that export_report(...,
".docx") writes for the same report — what an office without this app would do.  LibreOffice
is timed with a profile it has already initialised (its first start with a fresh profile takes
longer still), our renderer both inside a running app (fonts resolved, layout code loaded) and
as a fresh process (`disclosure-desktop export` from the command line, Python and Qt start-up
included).  Goal from issue 4: < 0.3×.

Run: python bench/pdf_bench.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import load_project
from timing import SAMPLE, timed

GOAL = 0.3

FRESH_PROCESS = """
import sys
from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import load_project
export_report(load_project(sys.argv[1]).report, sys.argv[2])
"""


def soffice_command(docx: Path, outdir: Path, profile: Path) -> list[str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
            "--outdir", str(outdir), str(docx)]


def main() -> int:
    report = load_project(SAMPLE).report
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        result = export_report(report, out / "ours.pdf")
        export_report(report, out / "ours.docx")
        print(f"sample: {result.pages} pages; substituted fonts: {', '.join(result.substituted_fonts) or 'none'}")

        in_app = timed(lambda: export_report(report, out / "ours.pdf"), 9)
        fresh = timed(lambda: subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(SAMPLE),
                                                       str(out / "fresh.pdf")], check=True), 3)
        print(f"{'our PDF, in the running app':40} {in_app * 1000:9.1f} ms")
        print(f"{'our PDF, fresh process (CLI)':40} {fresh * 1000:9.1f} ms")

        command = soffice_command(out / "ours.docx", out / "lo", out / "lo-profile")
        if command is None:
            print("LibreOffice (soffice) is not installed: no baseline in this run.")
            return 0
        first_start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=300)  # creates the profile
        first = time.perf_counter() - first_start
        lo = timed(lambda: subprocess.run(command, check=True, capture_output=True, timeout=300), 3,
                            warm_up=False)
        pages = subprocess.run(["pdfinfo", str(out / "lo" / "ours.pdf")], capture_output=True, text=True).stdout \
            if shutil.which("pdfinfo") else ""
        lo_pages = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        print(f"{'soffice --convert-to pdf (baseline)':40} {lo * 1000:9.1f} ms   "
              f"(first start with a new profile: {first * 1000:.0f} ms; {lo_pages} pages)")
        for name, seconds in (("in the running app", in_app), ("fresh process", fresh)):
            ratio = seconds / lo
            verdict = "meets" if ratio < GOAL else "misses"
            print(f"ratio, {name:22} {ratio:6.3f}×  ({verdict} the goal < {GOAL}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
