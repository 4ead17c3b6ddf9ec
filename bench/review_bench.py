"""Review speed: a folder of 200 project files and one of 50 published pages, as ratios to N ×
the one-file work a clerk's `check` (or `import`) does, measured in the same run.

The 200 units are one county's reports of one year, every narrative of its own (~1,200
characters per section), so the copy detection across units compares every pair for real.
Also: the first unit reaching the progress callback (when the GUI board shows its first row)
and a second pass with nothing changed (the incremental re-read).
Goals (issue 16): 200 projects under 5 s; the board never waits for the whole folder.
Run: python bench/review_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT, timed

sys.path.insert(0, str(ROOT))  # for tests.review.unit_reports (the generated unit reports)

from disclosure_desktop.core.checks import check_report  # noqa: E402
from disclosure_desktop.export import export_report  # noqa: E402
from disclosure_desktop.io.importer import import_report  # noqa: E402
from disclosure_desktop.io.project_file import load_project, save_project  # noqa: E402
from disclosure_desktop.review import ReviewWorkspace  # noqa: E402
from tests.review.unit_reports import unit_report  # noqa: E402

PROJECTS = 200
PAGES = 50
YEAR = 2023


def first_progress(folder: Path) -> float:
    """Seconds from starting a review until the first unit is handed to the progress callback."""
    start = time.perf_counter()
    seen: list[float] = []

    def progress(_event):
        if not seen:
            seen.append(time.perf_counter() - start)

    ReviewWorkspace(folder).refresh(progress=progress, cancelled=lambda: bool(seen))
    return seen[0]


def gui_pass(folder: Path) -> tuple[float, float, float]:
    """(seconds to the first row on the board, longest event-loop stall while the folder is read,
    longest stall of the same idle loop): the GUI stays responsive while the worker reads."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from disclosure_desktop.app.review import ReviewWindow

    app = QApplication.instance() or QApplication([])

    def longest_gap(run) -> float:
        clock, gaps, last = QElapsedTimer(), [0], [0]
        clock.start()
        ticker = QTimer()
        ticker.setInterval(5)

        def tick():
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now
        ticker.timeout.connect(tick)
        ticker.start()
        run()
        ticker.stop()
        return max(gaps) / 1000

    def idle():
        loop = QEventLoop()
        QTimer.singleShot(1500, loop.quit)
        loop.exec()

    first_row: list[float] = []
    window = ReviewWindow()  # built (and its fonts loaded) before the clock runs: reading is measured

    def review():
        start = time.perf_counter()
        window.model.rowsInserted.connect(
            lambda *_: first_row or first_row.append(time.perf_counter() - start))
        loop = QEventLoop()
        window.reviewFinished.connect(lambda _r: loop.quit())
        window.open_folder(folder)
        loop.exec()
        window.close()

    idle_gap = longest_gap(idle)
    busy_gap = longest_gap(review)
    app.processEvents()
    return first_row[0], busy_gap, idle_gap


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        projects = Path(tmp) / "projects"
        pages = Path(tmp) / "pages"
        for folder in (projects, pages):
            folder.mkdir()
        for n in range(PROJECTS):
            report = unit_report(f"某县第{n}局", YEAR, n, narrative_chars=400)
            save_project(report, projects / f"单位{n:03}.gknb")
            if n < PAGES:
                export_report(report, pages / f"单位{n:03}.html")
        one_project = projects / "单位000.gknb"
        one_page = pages / "单位000.html"

        def check_one():
            loaded = load_project(one_project)
            check_report(loaded.report, None, loaded.stated_totals)

        check_time = timed(check_one, 50)
        import_time = timed(lambda: import_report(one_page), 10)
        rows.append((f"{PROJECTS} × check of one project (baseline)", check_time * PROJECTS, None))
        review_time = timed(lambda: ReviewWorkspace(projects).refresh(), 3)
        rows.append((f"review of {PROJECTS} projects", review_time, rows[-1][0]))
        workspace = ReviewWorkspace(projects)
        workspace.refresh()
        rows.append(("  second pass, nothing changed", timed(workspace.refresh, 3), rows[-2][0]))
        rows.append(("  first unit on the board", timed(lambda: first_progress(projects), 5), rows[-3][0]))
        rows.append((f"{PAGES} × import of one page (baseline)", import_time * PAGES, None))
        rows.append((f"review of {PAGES} published pages", timed(lambda: ReviewWorkspace(pages).refresh(), 2),
                     rows[-1][0]))
        first_row, busy_gap, idle_gap = gui_pass(projects)
        rows.append(("GUI: idle event loop, longest gap (baseline)", idle_gap, None))
        rows.append(("GUI: longest gap while reading 200", busy_gap, rows[-1][0]))
        rows.append(("GUI: first row on the board", first_row, rows[-2][0]))
        result = ReviewWorkspace(projects).refresh()
        assert len(result.units) == PROJECTS and not any(u.copies for u in result.units), "units must be distinct"

    by_name = {name: seconds for name, seconds, _ in rows}
    print(f"{'measure':44} {'median':>11}  ratio")
    for name, seconds, baseline in rows:
        ratio = f"{seconds / by_name[baseline]:.2f}× {baseline}" if baseline else ""
        print(f"{name:44} {seconds * 1000:9.1f}ms  {ratio}")
    print(f"review of {PROJECTS} projects: {review_time:.2f} s (goal < 5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
