"""The largest input the limits admit (core/limits.py): its time and peak memory per command,
as ratios to the bundled sample run the same way in the same run.

Largest project: every narrative section at 100,000 characters in 300 lines, last year's text
as long, the agency, signatory, contact and website at their limits.  Largest pages: a web page
of 100,000 tags (one dense table: the costliest page per byte), a text copy of 100,000 lines and a
Word file of nearly 300,000 tags.
Each command runs in a fresh process (`python -m disclosure_desktop`) that reports its own peak
resident memory, so the figures are what a clerk's machine sees.  Goal (issue 15): seconds, and
under ~500 MB.
Run: python bench/limits_bench.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import ROOT, SAMPLE

sys.path.insert(0, str(ROOT))  # for tests.largest_inputs (shared with the slow tests)

from tests.largest_inputs import largest_docx, largest_page, largest_project, largest_text, measured  # noqa: E402

SAMPLE_TEXT = ROOT / "tests" / "samples" / "kaizhou-edu-2019.txt"


def row(what: str, largest: tuple, baseline: tuple, extra: str = "") -> None:
    (seconds, peak, result), (base_seconds, base_peak, _) = largest, baseline
    print(f"{what:<26} {seconds:6.1f} s {seconds / base_seconds:6.1f}×   {peak:5.0f} MB {peak / base_peak:4.1f}×"
          f"   exit {result.returncode}{extra}")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = largest_project(folder)
        print(f"largest admitted project: {project.stat().st_size / 1024 / 1024:.1f} MB; "
              "ratios to the sample project run the same way")
        print(f"{'command':<26} {'time':>8} {'ratio':>7}   {'peak':>8} {'ratio':>4}")
        row("check", measured(["check", str(project)], folder), measured(["check", str(SAMPLE)], folder))
        for suffix in ("docx", "html", "xlsx", "pdf"):
            largest = measured(["export", str(project), "-o", str(folder / f"l.{suffix}"), "--draft"], folder)
            baseline = measured(["export", str(SAMPLE), "-o", str(folder / f"s.{suffix}"), "--draft"], folder)
            size = (folder / f"l.{suffix}").stat().st_size / 1024
            row(f"export .{suffix}", largest, baseline, f"   ({size:.0f} KB)")
        baseline = measured(["import", str(SAMPLE_TEXT), "-o", str(folder / "s.gknb"), "--force"], folder)
        for label, page in (("网页（10万个标签）", largest_page(folder)), ("文本（10万行）", largest_text(folder)),
                            ("Word（近30万个标记）", largest_docx(folder))):
            size = page.stat().st_size / 1024 / 1024
            row(f"import {label}", measured(["import", str(page), "-o", str(folder / "l.gknb"), "--force"], folder),
                baseline, f"   ({size:.1f} MB source)")
        print("import ratios are to the published sample text (kaizhou-edu-2019.txt)")


if __name__ == "__main__":
    main()
