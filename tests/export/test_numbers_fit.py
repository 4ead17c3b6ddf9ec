"""Figures fit their cells: columns widen for the widest figure, nothing wraps or is set smaller,
and decimals print as entered."""

from __future__ import annotations

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import CellRole
from disclosure_desktop.export.pdf.fonts import resolve_fonts
from disclosure_desktop.export.page_layout import A4, Measurer, measure_table

from .conftest import WIDE_AMOUNT, big_figures_2021, filled_2021, load_sample


@pytest.fixture(scope="module")
def measurer():
    return Measurer(resolve_fonts())


@pytest.mark.parametrize("make", [big_figures_2021, filled_2021, load_sample], ids=["6-digit", "2021", "sample"])
def test_no_figure_wraps_or_shrinks(make, measurer):
    report = make()
    document = build_document(report, check_report(report), draft=False)
    figures = 0
    for block in document.tables():
        geometry = measure_table(measurer, block, A4.text_left, A4.text_width)
        for index, placed in enumerate(geometry.placed):
            if placed.cell.role is CellRole.VALUE and placed.cell.text:
                figures += 1
                assert len(geometry.cell_lines[index]) == 1, placed.cell.text
                assert index not in geometry.cell_sizes, f"{placed.cell.text} set smaller"
    assert figures > 100


def test_widths_follow_the_widest_figure():
    wide = build_document(big_figures_2021(), [], draft=False).table("s3")
    narrow = build_document(load_sample(), [], draft=False).table("s3")
    assert len(wide.column_widths) == len(narrow.column_widths)
    label_columns = 3
    # the figures' columns grew, the labels gave the room; the whole stays the text width
    assert all(w > n for w, n in zip(wide.normalized_widths()[label_columns:], narrow.normalized_widths()[label_columns:]))
    assert sum(wide.normalized_widths()[:label_columns]) < sum(narrow.normalized_widths()[:label_columns])
    # the 7-digit 总计 column is the widest value column
    assert max(wide.column_widths[label_columns:]) == wide.column_widths[-1]


def test_decimals_print_as_entered():
    report = big_figures_2021()
    document = build_document(report, [], draft=False)
    amounts = [c.text for c in document.table("s2").cells() if c.key and c.key[2] == "amount_wan"]
    assert amounts == ["18651.064104"] and WIDE_AMOUNT == 18651.064104
    report.set_value("s2_item8", "fees", "amount_wan", 0.1 + 0.2)  # 0.30000000000000004 as a float
    amounts = [c.text for c in build_document(report, [], draft=False).table("s2").cells()
               if c.key and c.key[2] == "amount_wan"]
    assert amounts == ["0.3"]
