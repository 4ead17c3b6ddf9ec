"""One pagination: the PDF and the DOCX as LibreOffice lays it out have the same pages.

Needs LibreOffice (`soffice`, Debian package libreoffice-writer-nogui) and poppler-utils;
CI installs both.  Without soffice these tests fail rather than skip: an unchecked DOCX
layout is exactly what this file is here to prevent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.export import export_report
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import Heading, TableBlock
from disclosure_desktop.export.line_breaking import NO_LINE_END, NO_LINE_START
from disclosure_desktop.export.page_layout import layout_document
from disclosure_desktop.io.project_file import load_project

from .conftest import SAMPLE, big_figures_2021, filled_2021
from .test_pingtan_sample import SAMPLE as PINGTAN


def long_narrative_2021():
    """A report whose 一 runs over several pages, with sub-headings between long paragraphs."""
    report = filled_2021(agency="某某市某某区人民政府办公室")
    source = load_project(PINGTAN).report.narrative
    report.narrative["s1"] = "\n".join([source["s1"]] * 3)
    report.narrative["s5"] = "\n".join([source["s5"]] * 4)
    return report


def five_digit_table_four():
    """Table 四 with five- and six-digit figures: more than its 29 pt columns hold at 五号."""
    report = big_figures_2021()
    figures = iter([12345, 99999, 54321, 88888, 10203, 77777, 23456, 65432, 11111, 98765, 40404, 31313])
    for row, column in report.spec.table("s4").input_cells():
        report.set_value("s4", row.id, column.id, next(figures))
    return report


REPORTS = {
    "kaizhou-2019": lambda: load_project(SAMPLE).report,
    "five-digit-table-four": five_digit_table_four,
    "pingtan-2025": lambda: load_project(PINGTAN).report,
    "six-digit-long-agency": big_figures_2021,
    "long-narrative": long_narrative_2021,
    "five-digit-2021": filled_2021,
}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: the DOCX pagination cannot be checked "
                    "(apt-get install libreoffice-writer-nogui poppler-utils)")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """name → (our PDF, LibreOffice's PDF of our DOCX, the report); one soffice run for all."""
    soffice = _tool("soffice")
    _tool("pdftotext")
    folder = tmp_path_factory.mktemp("pagination")
    reports = {name: make() for name, make in REPORTS.items()}
    for name, report in reports.items():
        export_report(report, folder / f"{name}.pdf")
        export_report(report, folder / f"{name}.docx")
    out = folder / "lo"
    profile = folder / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *(str(folder / f"{name}.docx") for name in reports)],
                   check=True, capture_output=True, timeout=300)
    return {name: (folder / f"{name}.pdf", out / f"{name}.pdf", reports[name]) for name in reports}


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def lines_of(page: str) -> list[str]:
    """Printed lines without spaces (pdftotext spaces out justified text) and without the page number."""
    lines = ["".join(line.split()) for line in page.splitlines()]
    return [line for line in lines if line and not re.fullmatch(r"—\d+—", line)]


@pytest.mark.parametrize("name", list(REPORTS))
def test_same_page_count(rendered, name):
    ours, libreoffice, _ = rendered[name]
    assert len(pages_text(ours)) == len(pages_text(libreoffice)) >= 4


FIRST_LINE_CHARS = 12  # pdftotext may end a justified line's text differently; the start is what counts


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_page_starts_with_the_same_line(rendered, name):
    ours, libreoffice, _ = rendered[name]
    firsts = [[lines_of(page)[0][:FIRST_LINE_CHARS] for page in pages_text(pdf)] for pdf in (ours, libreoffice)]
    assert firsts[0] == firsts[1]


def _headings_and_captions(report) -> set[str]:
    document = build_document(report, check_report(report), draft=False)
    found = {b.text for b in document.blocks if isinstance(b, Heading)}
    for block in document.tables():
        found |= {c.text for c in block.cells() if c.role.value == "caption"}
    return {"".join(text.split()) for text in found}


@pytest.mark.parametrize("name", list(REPORTS))
def test_no_page_ends_with_a_heading_or_caption(rendered, name):
    ours, libreoffice, report = rendered[name]
    headings = _headings_and_captions(report)
    for pdf in (ours, libreoffice):
        pages = pages_text(pdf)
        for number, page in enumerate(pages[:-1], start=1):
            last = lines_of(page)[-1]
            assert not any(last.startswith(h) for h in headings), (pdf.parent.name, number, last)


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_paragraph_before_a_table_keeps_with_it(rendered, name):
    _, _, report = rendered[name]
    document = build_document(report, check_report(report), draft=False)
    layout = layout_document(document)
    page_of_block: dict[int, int] = {}
    for page in layout.pages:
        for run in page.runs():
            page_of_block.setdefault(run.block, page.number)
    first_table_page = {}
    for page in layout.pages:
        for cell in page.cells:
            first_table_page.setdefault(cell.table, page.number)
    for index, block in enumerate(document.blocks):
        if isinstance(block, TableBlock) and index > 0:
            before = index - 1
            assert page_of_block[before] == first_table_page[block.id], (name, block.id)
    # and the DOCX asks Word/LibreOffice for the same: the block before a table keeps with next
    import docx
    word = docx.Document(str(rendered[name][0].with_suffix(".docx")))
    body = list(word.element.body)
    for position, element in enumerate(body):
        if element.tag.endswith("}tbl") and position > 0:
            previous = body[position - 1]
            assert previous.tag.endswith("}p")
            style = previous.find(".//{*}pStyle").get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            keeps = previous.find(".//{*}keepNext") is not None or word.styles[
                next(s.name for s in word.styles if s.style_id == style)].paragraph_format.keep_with_next
            assert keeps, (name, style)


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice"])
def test_a_continued_table_three_repeats_its_group_labels(rendered, renderer):
    ours, libreoffice, report = rendered["six-digit-long-agency"]
    pages = pages_text(ours if renderer == "pdf" else libreoffice)
    s3 = report.spec.table("s3")
    groups = [row.label for row in s3.rows if row.is_group]
    continued = [page for page in pages if "申请人情况" in page and "本年新收" not in page]
    assert continued, "the six-digit report's table 三 should run onto a second page"
    for page in continued:
        # the first body row's open groups are printed on the new page: 三、本年度办理结果 and the
        # （n） group the row belongs to (in narrow cells, read back a few characters a line)
        text = "".join(page.split())
        assert "三、" in text and "本年" in text
        assert any(label[:3] in text for label in groups if label.startswith("（")), text[:200]


@pytest.mark.parametrize("name", list(REPORTS))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(rendered, name):
    ours, libreoffice, _ = rendered[name]
    for pdf in (ours, libreoffice):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for line in text.splitlines():
            line = "".join(line.split())
            if re.fullmatch(r"—\d+—", line):
                continue  # the page number — n — is no text line
            assert not line or line[0] not in NO_LINE_START, (pdf.parent.name, line)
            assert not line or line[-1] not in NO_LINE_END, (pdf.parent.name, line)


TEXT_BOTTOM_PT = (297 - 35) / 25.4 * 72


def dash_below_text_mm(pdf: Path, page: int = 1) -> float:
    """How far under the text block the page number's 一字线 are drawn (rows of the rendered page
    that are dark across more than 20 pt at 4 px/pt: the two 14 pt dashes, never a digit's stroke)."""
    scale = 4
    top = int(TEXT_BOTTOM_PT) + 3  # below the text block and any table rule on its edge
    image = subprocess.run(["pdftoppm", "-gray", "-r", str(72 * scale), "-f", str(page), "-l", str(page),
                            "-x", "0", "-y", str(top * scale), "-W", str(595 * scale), "-H", str(60 * scale),
                            str(pdf)], capture_output=True, check=True).stdout
    header, size, _depth, pixels = image.split(b"\n", 3)
    assert header == b"P5"
    width, height = map(int, size.split())
    rows = [y for y in range(height) if sum(1 for x in range(width) if pixels[y * width + x] < 128) > 20 * scale]
    assert rows, "no page number found under the text block"
    centre = top + (rows[0] + rows[-1]) / 2 / scale
    return (centre - TEXT_BOTTOM_PT) / 72 * 25.4


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice"])
def test_page_number_dashes_7_mm_under_the_text(rendered, renderer):
    _tool("pdftoppm")
    ours, libreoffice, _ = rendered["pingtan-2025"]
    for page in (1, 2):  # odd (right) and even (left) footers
        assert dash_below_text_mm(ours if renderer == "pdf" else libreoffice, page) == pytest.approx(7.0, abs=0.5)


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice"])
def test_a_figure_too_wide_for_its_column_is_set_smaller_not_broken(rendered, renderer):
    """A five-digit figure in table 四 prints whole in both (set smaller, as the PDF does): a
    number broken over two lines (1234 / 5) reads as two numbers."""
    ours, libreoffice, report = rendered["five-digit-table-four"]
    text = subprocess.run(["pdftotext", str(ours if renderer == "pdf" else libreoffice), "-"],
                          capture_output=True, text=True, check=True).stdout
    printed = re.findall(r"\d+", text)
    table = report.spec.table("s4")
    figures = [str(report.value("s4", row.id, column.id)) for row, column in table.input_cells()]
    assert len(figures) == 12 and all(len(f) == 5 for f in figures)
    for figure in figures:
        assert figure in printed, (figure, [p for p in printed if figure.startswith(p) and p != figure])
