"""The XLSX a reviewer edits: totals are formulas over the input cells, protected sheets with the
inputs open, A4 landscape print setup, user text never turned into a formula, no temp files."""

from __future__ import annotations

import re
import tempfile
import zipfile

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries

from disclosure_desktop.core.computed import full_table
from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import load_project

from .conftest import filled_2021, load_sample
from .test_pingtan_sample import SAMPLE as PINGTAN

REPORTS = {"sample": load_sample, "2021": filled_2021, "pingtan": lambda: load_project(PINGTAN).report}


def _sum(sheet, formula: str):
    match = re.fullmatch(r"=SUM\((.+)\)", formula)
    assert match, formula
    total = 0
    for part in match.group(1).split(","):
        min_col, min_row, max_col, max_row = range_boundaries(part)
        for row in sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith("="):
                    value = _sum(sheet, value)
                total += value or 0
    return total


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_totals_are_formulas_whose_values_equal_ours(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "r.xlsx"
    export_report(report, path)
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    expected = sorted(v for t in report.spec.tables for (r, c), v in
                      _computed(t, report.tables.get(t.id, {})).items())
    seen = []
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = _sum(sheet, cell.value)
                    assert cached[sheet.title][cell.coordinate].value == value, (sheet.title, cell.coordinate)
                    assert cell.protection.locked
                    seen.append(value)
    assert sorted(seen) == expected and seen


def _computed(table, inputs):
    values = full_table(table, inputs)
    return {cell: values[cell[0]][cell[1]] for cell in table.computed_cells}


def test_inputs_unlocked_labels_and_totals_locked_no_password(tmp_path):
    report = filled_2021()
    path = tmp_path / "r.xlsx"
    export_report(report, path)
    workbook = openpyxl.load_workbook(path)
    inputs = {v for t in report.tables.values() for row in t.values() for v in row.values()}
    for sheet in workbook.worksheets:
        assert sheet.protection.sheet and not sheet.protection.password
        for row in sheet.iter_rows():
            for cell in row:
                if type(cell.value) in (int, float):
                    assert cell.value in inputs and not cell.protection.locked, cell.coordinate
                    assert cell.number_format == ("0" if type(cell.value) is int else "0.00####")
                elif cell.value is not None:
                    assert cell.protection.locked, cell.coordinate


def test_a4_landscape_with_print_area(tmp_path):
    path = tmp_path / "r.xlsx"
    export_report(load_sample(), path)
    for sheet in openpyxl.load_workbook(path).worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        area = sheet.print_area
        assert area and area.replace("$", "").split("!")[-1].startswith("A1:")
        assert sheet.max_row <= int(re.search(r"(\d+)$", area).group(1))


@pytest.mark.parametrize("agency", ["=HYPERLINK(\"http://x\",\"点击\")局", "+1局", "-某局", "@某局", "=1+1"])
def test_text_cells_never_become_formulas(tmp_path, agency):
    report = filled_2021(agency=agency)
    path = tmp_path / "r.xlsx"
    export_report(report, path, draft=True)
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        assert sheet["A1"].data_type == "s" and sheet["A1"].value.startswith(agency)
        assert sheet["A1"].quotePrefix
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                formulas = re.findall(r"<f>([^<]*)</f>", archive.read(name).decode())
                assert all(re.fullmatch(r"SUM\([A-Z0-9:,]+\)", f) for f in formulas), formulas


def test_writes_nothing_to_the_system_temp_folder(tmp_path, monkeypatch):
    """A full or missing temp folder must not stop the export: the workbook is built in memory."""
    missing = tmp_path / "no-temp-folder"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    out = tmp_path / "out"
    out.mkdir()
    export_report(filled_2021(), out / "r.xlsx")
    assert [p.name for p in out.iterdir()] == ["r.xlsx"] and not missing.exists()
    assert openpyxl.load_workbook(out / "r.xlsx").sheetnames


def test_unit_note_under_the_sub_table_it_explains(tmp_path):
    path = tmp_path / "r.xlsx"
    export_report(load_sample(), path)
    notes = {sheet.title: [c.value for row in sheet.iter_rows() for c in row
                           if isinstance(c.value, str) and c.value.startswith("注：")]
             for sheet in openpyxl.load_workbook(path).worksheets}
    holding = {title for title, found in notes.items() if found}
    assert len(holding) == 1
    sheet = openpyxl.load_workbook(path)[holding.pop()]
    assert any(c.value == "采购总金额" for row in sheet.iter_rows() for c in row)
