"""What the program publishes, it reads back: the title of an export is broken by meaning (the
agency alone on its first line), and the agency must still be found — also for an area such as
平潭综合实验区, whose name ends in neither 局 nor 政府."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_desktop.export import export_report
from disclosure_desktop.io.importer import import_report
from disclosure_desktop.io.project_file import load_project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.mark.parametrize("sample", ["pingtan-2025.gknb", "kaizhou-edu-2019.gknb"])
@pytest.mark.parametrize("suffix", ["html", "docx"])
def test_an_exported_report_imports_with_its_agency(tmp_path, sample, suffix):
    report = load_project(SAMPLES / sample).report
    exported = export_report(report, tmp_path / f"年报.{suffix}").path
    imported = import_report(exported).report
    assert (imported.agency, imported.year, imported.format) == (report.agency, report.year, report.format)
