"""The format data is the only place that knows a format: no code outside core/formats.py
decides anything on a format id ("gov-2021") or a spec rule id ("C15")."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "disclosure_desktop"
LITERAL = re.compile(r"""["'](gov-20\d{2}|C\d{1,2})["']""")


def literals(src: Path = SRC) -> list[str]:
    found = []
    for path in sorted(src.rglob("*.py")):
        if path.relative_to(src).as_posix() == "core/formats.py":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if LITERAL.search(line):
                found.append(f"{path.relative_to(src)}:{number}: {line.strip()}")
    return found


def test_no_format_or_rule_id_decides_behaviour_in_code():
    assert literals() == []


def test_the_scan_finds_a_planted_literal(tmp_path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "formats.py").write_text('FORMAT = "gov-2021"\n')  # allowed there
    (tmp_path / "app.py").write_text('if finding.rule == "C18":\n    pass\nif report.format == \'gov-2019\':\n    pass\n')
    assert [line.split(":")[1] for line in literals(tmp_path)] == ["1", "3"]
