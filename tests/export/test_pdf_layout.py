"""The PDF page layout (export/page_layout.py) checked on its own data: positions in points.

The PDF is painted from exactly this data (test_pdf_export.py proves that the PDF's text is
the laid-out text, page by page), so what is asserted here holds for the printed pages.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.computed import full_table
from disclosure_desktop.core.values import format_value
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import Align, CellRole, Heading, Paragraph, ParagraphRole, TableBlock, Title
from disclosure_desktop.export.line_breaking import NO_LINE_END, NO_LINE_START
from disclosure_desktop.export.page_layout import (A4, CELL_PAD_X, CELL_PAD_Y, DASH_ABOVE_BASELINE, DRAFT_MARK,
                                                   EM_CENTRE_ABOVE_BASELINE, MM, grid_tracking, layout_document)

from .conftest import filled_2021, load_sample
from .layout import expected_layouts

EPS = 0.01


def laid_out(report, draft=False):
    document = build_document(report, check_report(report), draft=draft)
    return document, layout_document(document)


@pytest.fixture(scope="module")
def sample_layout():
    return laid_out(load_sample())


@pytest.fixture(scope="module")
def layout_2021():
    report = filled_2021()
    return (report, *laid_out(report))


def runs(layout, kinds=("text",)):
    return [(page, run) for page in layout.pages for run in page.runs() if run.kind in kinds]


# --- the page --------------------------------------------------------------------------------
def test_text_block_is_156_by_225_mm():
    assert A4.text_width == pytest.approx(156 * MM) and A4.text_bottom - A4.text_top == pytest.approx(225 * MM)
    assert (A4.top, A4.bottom, A4.left, A4.right) == pytest.approx((37 * MM, 35 * MM, 28 * MM, 26 * MM))
    assert A4.lines_per_page == 22


def test_sample_runs_over_several_pages_with_text_inside_the_text_block(sample_layout):
    document, layout = sample_layout
    assert len(layout.pages) > 1
    for page, run in runs(layout, ("text", "cell")):
        assert A4.text_left - EPS <= run.x and run.right <= A4.text_right + EPS, (page.number, run.text)
        assert A4.text_top < run.baseline < A4.text_bottom, (page.number, run.text)


def test_body_lines_sit_on_the_28_95_pt_grid_22_per_page(sample_layout):
    document, layout = sample_layout
    for page in layout.pages:
        grid = [r for r in page.runs("text") if r.role in ("body", "heading1", "heading2", "heading3")]
        assert len(grid) <= 22
        by_block = defaultdict(list)
        for run in grid:
            by_block[run.block].append(run.baseline)
        for baselines in by_block.values():
            for upper, lower in zip(baselines, baselines[1:]):
                assert lower - upper == pytest.approx(28.95)


def test_paragraphs_indent_two_characters_and_justify_full_lines(sample_layout):
    document, layout = sample_layout
    em = 16 + grid_tracking(A4.text_width, 16)  # the grid's character pitch (15.79 pt)
    lines = defaultdict(list)
    for _, run in runs(layout):
        lines[run.block].append(run)
    checked = 0
    for index, block in enumerate(document.blocks):
        if not (isinstance(block, Paragraph) and block.role in (ParagraphRole.BODY, ParagraphRole.OPENING)):
            continue
        block_lines = lines[index]
        assert "".join(r.text for r in block_lines) == block.text  # nothing lost, nothing added
        assert block_lines[0].x == pytest.approx(A4.text_left + 2 * em, abs=EPS)
        for run in block_lines[1:]:
            assert run.x == pytest.approx(A4.text_left)
        for run in block_lines[:-1]:
            assert run.right == pytest.approx(A4.text_right, abs=EPS)  # 两端对齐
        checked += 1
    assert checked >= 10


def test_a_full_body_line_holds_28_characters():
    from disclosure_desktop.export.document import Document, DocumentMeta

    text = "政" * 100
    layout = layout_document(Document(DocumentMeta("标题", "机关"), (Paragraph(text),)))
    lengths = [len(run.text) for run in layout.pages[0].runs("text")]
    assert lengths == [26, 28, 28, 18]  # the first line is indented two characters


def test_no_line_starts_or_ends_with_forbidden_punctuation(sample_layout, layout_2021):
    for layout in (sample_layout[1], layout_2021[2]):
        for page, run in runs(layout, ("text", "cell")):
            assert run.text[0] not in NO_LINE_START, (page.number, run.text)
        for page, run in runs(layout, ("text",)):
            assert run.text[-1] not in NO_LINE_END, (page.number, run.text)


def test_title_is_centred_and_headings_use_their_fonts(sample_layout):
    document, layout = sample_layout
    roles = {}
    for _, run in runs(layout):
        block = document.blocks[run.block]
        if isinstance(block, Title):
            assert (run.x + run.right) / 2 == pytest.approx((A4.text_left + A4.text_right) / 2, abs=EPS)
            assert run.text in block.printed_lines
        roles.setdefault(type(block).__name__ + str(getattr(block, "level", "")), set()).add(run.role)
    assert roles["Title"] == {"title"} and roles["Heading1"] == {"heading1"} and roles["Heading2"] == {"heading2"}
    assert roles["Paragraph"] >= {"body"}


def test_page_numbers_alternate_sides_7_mm_below_the_text(sample_layout):
    _, layout = sample_layout
    for page in layout.pages:
        (number,) = page.runs("page_number")
        assert number.text == f"— {page.number} —"
        assert number.baseline - DASH_ABOVE_BASELINE * 14 == pytest.approx(A4.text_bottom + 7 * MM)
        if page.number % 2:
            assert number.right == pytest.approx(A4.text_right - 14)  # odd: right, one character in
        else:
            assert number.x == pytest.approx(A4.text_left + 14)       # even: left, one character in


def test_signature_is_centred_over_the_date_four_characters_in(sample_layout):
    document, layout = sample_layout
    found = {}
    for _, run in runs(layout):
        block = document.blocks[run.block]
        if isinstance(block, Paragraph) and block.role in (ParagraphRole.SIGNATURE, ParagraphRole.DATE):
            found[block.role] = run
    date, name = found[ParagraphRole.DATE], found[ParagraphRole.SIGNATURE]
    assert date.right == pytest.approx(A4.text_right - 4 * 16)
    assert (name.x + name.right) / 2 == pytest.approx((date.x + date.right) / 2)
    assert date.baseline - name.baseline == pytest.approx(A4.line_pitch)


def test_a_heading_is_never_the_last_thing_on_a_page(sample_layout, layout_2021):
    for document, layout in (sample_layout, layout_2021[1:]):
        for page in layout.pages:
            items = [r for r in page.runs() if r.kind in ("text", "cell")]
            if items and page.number < len(layout.pages):
                last = document.blocks[items[-1].block]
                assert not isinstance(last, Heading), (page.number, last)


# --- tables -------------------------------------------------------------------------------------
def boxes_by_table(layout):
    result = defaultdict(list)
    for page in layout.pages:
        for box in page.cells:
            result[box.table].append((page.number, box))
    return result


def test_tables_have_the_official_merged_cells(layout_2021, sample_layout):
    """Every table cell, with its text, rowspan and colspan, where the spec draws it (tests/export/
    layout.py writes the spec's layouts down independently of the builder)."""
    for report, (document, layout) in ((layout_2021[0], layout_2021[1:]), (load_sample(), sample_layout)):
        expected = expected_layouts(report.spec, report)
        tables = boxes_by_table(layout)
        for table_id, cells in expected.items():
            printed = {}
            for _, box in tables[table_id]:
                if not box.continued and not box.repeated_head:
                    printed[(box.row, box.column)] = (box.text, box.rowspan, box.colspan)
            assert printed == cells, table_id


def test_every_value_is_printed_in_its_own_cell(layout_2021):
    report, document, layout = layout_2021
    expected = {}
    for table in report.spec.tables:
        values = full_table(table, report.tables.get(table.id, {}))
        for row in table.data_rows:
            for column in table.columns:
                expected[(table.id, row.id, column.id)] = format_value(values[row.id][column.id])
    printed = {}
    for page in layout.pages:
        for run in page.runs("cell"):
            if run.key is not None:
                assert run.key not in printed, run.key
                printed[run.key] = run.text
                # centred in the box of the cell that holds it
                (box,) = [b for b in page.cells if b.x <= run.x and run.right <= b.x + b.width
                          and b.y < run.baseline < b.y + b.height]
                assert box.role == CellRole.VALUE and box.text == run.text
                assert (run.x + run.right) / 2 == pytest.approx(box.x + box.width / 2, abs=EPS)
    assert printed == expected
    assert len(set(printed.values())) > 150  # the numbers are pairwise different in this report


def test_labels_are_left_aligned_with_their_indent(layout_2021):
    report, document, layout = layout_2021
    for page in layout.pages:
        for run in page.runs("cell"):
            (box,) = [b for b in page.cells if b.x <= run.x + EPS and run.right <= b.x + b.width + EPS
                      and b.y < run.baseline < b.y + b.height]
            if box.role == CellRole.LABEL and box.rowspan == 1:
                cell = next(c.cell for c in document.table(box.table).placed()
                            if (c.row, c.column) == (box.row, box.column))
                assert cell.align == Align.LEFT
                assert run.x == pytest.approx(box.x + CELL_PAD_X + cell.indent * 10.5)


def test_rows_never_split_and_heads_repeat_on_every_page(sample_layout, layout_2021):
    spanned_pages = 0
    for document, layout in (sample_layout, layout_2021[1:]):
        tables = boxes_by_table(layout)
        for block in document.tables():
            boxes = tables[block.id]
            pages_of_row = defaultdict(set)
            for page, box in boxes:
                if box.rowspan == 1 and box.row >= block.header_rows:
                    pages_of_row[box.row].add(page)
            assert all(len(pages) == 1 for pages in pages_of_row.values()), block.id
            table_pages = sorted({page for page, _ in boxes})
            head = {(p.row, p.column) for p in block.placed() if p.row < block.header_rows}
            for page in table_pages[1:]:
                spanned_pages += 1
                repeated = {(b.row, b.column) for p, b in boxes if p == page and b.repeated_head}
                assert repeated == head, (block.id, page)
    assert spanned_pages >= 1  # table 三 runs onto a second page in these reports


def test_a_caption_or_heading_row_is_never_last_on_a_page(sample_layout, layout_2021):
    for document, layout in (sample_layout, layout_2021[1:]):
        for page in layout.pages:
            if not page.cells:
                continue
            last_row = max(page.cells, key=lambda b: (b.y + b.height, b.row))
            rows = [b for b in page.cells if b.table == last_row.table and b.row == last_row.row]
            assert any(b.role in (CellRole.VALUE, CellRole.LABEL) for b in rows), (page.number, last_row)


def label_parts(layout, table_id, group):
    """(box, text shown in it, number of lines) for each part of a merged cell, page by page."""
    parts = []
    for page in layout.pages:
        for box in page.cells:
            if box.table == table_id and (box.row, box.column) == (group.row, group.column):
                inside = [r for r in page.runs("cell") if box.x <= r.x and r.right <= box.x + box.width
                          and box.y < r.baseline < box.y + box.height]
                parts.append((box, "".join(r.text for r in inside), len(inside)))
    return parts


def check_split_labels(document, layout) -> int:
    """A merged label cut by a page break shows in every part tall enough to hold it, and at
    least once; returns how many continued parts show it."""
    continued_shown = 0
    for block in document.tables():
        for group in (p for p in block.placed() if p.cell.rowspan > 1 and p.cell.role == CellRole.LABEL):
            parts = label_parts(layout, block.id, group)
            shown = [lines for _, text, lines in parts if text]
            assert shown, group.cell.text
            needed = shown[0] * 10.5 * 1.3 + 2 * CELL_PAD_Y
            fits = [box.height >= needed - EPS for box, _, _ in parts]
            for (box, text, _), fit in zip(parts, fits):
                assert text in ("", group.cell.text)
                if fit:
                    assert text, (block.id, group.cell.text)
                elif text:  # too short for it: allowed only as the first part when no part is tall enough
                    assert not any(fits) and not box.continued, (block.id, group.cell.text)
                continued_shown += bool(text) and box.continued
    return continued_shown


def test_merged_labels_split_by_a_page_say_what_their_rows_are(sample_layout, layout_2021):
    check_split_labels(*sample_layout)
    check_split_labels(*layout_2021[1:])


def test_a_long_group_split_across_pages_is_labelled_on_both(layout_2021):
    """Table 三 pushed down the page (by 1 to 14 lines of text before it) until a page break
    falls inside 三、本年度办理结果 with room for the label on both sides: it shows on both."""
    from disclosure_desktop.export.document import Document

    document = layout_2021[1]
    s3 = document.table("s3")
    group = next(p for p in s3.placed() if p.cell.text.startswith("三、"))
    for filler_lines in range(1, 15):
        filler = Paragraph("政" * (26 + 28 * (filler_lines - 1)))
        short = Document(document.meta, (filler, s3))
        layout = layout_document(short)
        parts = label_parts(layout, "s3", group)
        if len(parts) == 2 and all(lines for _, _, lines in parts):
            break
    else:
        pytest.fail("no filler length splits the group with room for the label on both pages")
    assert parts[1][0].continued
    assert [text for _, text, _ in parts] == [group.cell.text, group.cell.text]
    assert check_split_labels(short, layout) >= 1


def test_cell_text_stays_inside_its_cell(layout_2021):
    _, _, layout = layout_2021
    for page in layout.pages:
        for run in page.runs("cell"):
            assert any(b.x <= run.x + EPS and run.right <= b.x + b.width + EPS and b.y < run.baseline < b.y + b.height
                       for b in page.cells), run.text


def test_table_type_is_smaller_than_body_type(layout_2021):
    _, _, layout = layout_2021
    fonts = layout.fonts
    assert fonts["table"].size_pt < fonts["body"].size_pt
    assert {run.role for page in layout.pages for run in page.runs("cell")} == {"table"}


# --- draft --------------------------------------------------------------------------------------
def test_draft_pages_carry_the_mark_and_final_pages_do_not(sample_layout):
    _, final = sample_layout
    _, draft = laid_out(load_sample(), draft=True)
    assert len(draft.pages) == len(final.pages)
    for page in draft.pages:
        (header,) = page.runs("draft_header")
        (mark,) = page.runs("draft_watermark")
        assert DRAFT_MARK in header.text and mark.text == DRAFT_MARK
        assert header.baseline < A4.text_top  # in the top margin, above the text
    assert not [r for page in final.pages for r in page.runs() if DRAFT_MARK in r.text]


def test_tables_are_tables(sample_layout):
    document, layout = sample_layout
    assert {b.id for b in document.blocks if isinstance(b, TableBlock)} == set(boxes_by_table(layout))


def test_closing_lines_stay_together_and_never_stand_alone(sample_layout, layout_2021):
    """The agency name and date share a page, and that page also carries text of the report (in
    the gov-2021 report they would fall to a page of their own: two lines come along)."""
    for document, layout in (sample_layout, layout_2021[1:]):
        pages = {}
        for page in layout.pages:
            for run in page.runs("text"):
                block = document.blocks[run.block]
                role = getattr(block, "role", None)
                pages.setdefault(role if role in (ParagraphRole.SIGNATURE, ParagraphRole.DATE) else "text",
                                 set()).add(page.number)
        (signature_page,) = pages[ParagraphRole.SIGNATURE]
        assert pages[ParagraphRole.DATE] == {signature_page}
        assert signature_page in pages["text"]
