"""Core speed: load, validate, save and a full check of a report, as ratios to same-run baselines.

Baselines: json.loads of the same file (loading), json.dumps + a plain write (saving).
Targets from issue 2: a full check well under 1 ms; load + validate + save under 20 ms.
Run: python bench/core_bench.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.io.project_file import load_project, save_project
from timing import SAMPLE, timed



def main() -> int:
    text = SAMPLE.read_text("utf-8")
    report = load_project(SAMPLE).report
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.gknb"
        plain = Path(folder) / "plain.json"

        def plain_write():
            plain.write_text(json.dumps(json.loads(text), ensure_ascii=False, indent=2), "utf-8")

        rows = [
            ("json.loads (baseline)", timed(lambda: json.loads(text), 300), None),
            ("load + validate", timed(lambda: load_project(SAMPLE), 300), "json.loads (baseline)"),
            ("plain json write (baseline)", timed(plain_write, 100), None),
            ("atomic save (fsync, .bak)", timed(lambda: save_project(report, target), 100), "plain json write (baseline)"),
            ("full check (all rules)", timed(lambda: check_report(report), 1000), "json.loads (baseline)"),
        ]
    by_name = {name: seconds for name, seconds, _ in rows}
    print(f"{'measure':32} {'median':>10}  ratio")
    for name, seconds, baseline in rows:
        ratio = f"{seconds / by_name[baseline]:.1f}× {baseline}" if baseline else ""
        print(f"{name:32} {seconds * 1000:9.3f}ms  {ratio}")
    round_trip = by_name["load + validate"] + by_name["atomic save (fsync, .bak)"]
    print(f"load + validate + save: {round_trip * 1000:.2f} ms (target < 20 ms)")
    print(f"full check: {by_name['full check (all rules)'] * 1000:.3f} ms (target well under 1 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
