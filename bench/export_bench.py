"""Export speed of the sample report, as ratios to baselines measured in the same run.

- DOCX: our exporter (template, styles, fonts on every run, merged official tables) against
  python-docx writing a bare document with the same paragraphs and the same tables (same grid,
  same merges, same text) through its ordinary API.  Goal: ≤ 2×.
- PDF (when export/pdf_export.py exists): our Qt renderer against
  `soffice --headless --convert-to pdf` of our DOCX (when LibreOffice is installed).  Goal: < 0.3×.
- HTML and XLSX: absolute times (and relative to the DOCX baseline, for scale).
Run: python bench/export_bench.py
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

from disclosure_desktop.export import render_document
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import Document, TableBlock
from disclosure_desktop.io.project_file import load_project
from timing import SAMPLE, timed



def bare_docx(document: Document, path: Path) -> None:
    """Baseline: python-docx's default template and plain API, same text, same tables and merges."""
    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, TableBlock):
            table = word.add_table(rows=len(block.rows), cols=block.columns)
            table.style = "Table Grid"
            placed = block.placed()
            for cell in placed:
                if cell.cell.rowspan > 1 or cell.cell.colspan > 1:
                    table.cell(cell.row, cell.column).merge(table.cell(cell.last_row, cell.last_column))
            for cell in placed:
                table.cell(cell.row, cell.column).text = cell.cell.text
        else:
            word.add_paragraph(block.text)
    out = io.BytesIO()
    word.save(out)
    path.write_bytes(out.getvalue())


def bare_docx_unmerged(document: Document, path: Path) -> None:
    """Stricter baseline: the same grids and text written row by row (row.cells), without merging
    — python-docx's table.cell() rescans the table on every call, which dominates the merged one."""
    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, TableBlock):
            table = word.add_table(rows=len(block.rows), cols=block.columns)
            table.style = "Table Grid"
            for r, (grid_row, row) in enumerate(zip(block.grid(), table.rows)):
                for c, (placed, cell) in enumerate(zip(grid_row, row.cells)):
                    if (placed.row, placed.column) == (r, c):
                        cell.text = placed.cell.text
        else:
            word.add_paragraph(block.text)
    out = io.BytesIO()
    word.save(out)
    path.write_bytes(out.getvalue())


def soffice_pdf(docx_path: Path, outdir: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    profile = outdir / "lo-profile"
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(outdir), str(docx_path)]
    subprocess.run(command, capture_output=True, timeout=180)  # first run creates the profile
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=180, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    report = load_project(SAMPLE).report
    document = build_document(report, draft=False)
    has_pdf = importlib.util.find_spec("disclosure_desktop.export.pdf.writer") is not None
    rows: list[tuple[str, float, str | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        rows.append(("build_document", timed(lambda: build_document(report, draft=False), 50), None))
        rows.append(("python-docx bare, merged", timed(lambda: bare_docx(document, out / "bare.docx"), 5), None))
        rows.append(("python-docx bare, unmerged", timed(
            lambda: bare_docx_unmerged(document, out / "bare2.docx"), 20), None))
        rows.append(("DOCX export", timed(lambda: render_document(document, out / "r.docx"), 20),
                     "python-docx bare, unmerged"))
        rows.append(("HTML export", timed(lambda: render_document(document, out / "r.html"), 50),
                     "python-docx bare, unmerged"))
        rows.append(("XLSX export", timed(lambda: render_document(document, out / "r.xlsx"), 20),
                     "python-docx bare, unmerged"))
        if has_pdf:
            rows.append(("PDF export (Qt)", timed(lambda: render_document(document, out / "r.pdf"), 5), None))
            seconds = soffice_pdf(out / "r.docx", out / "lo")
            if seconds is not None:
                rows.insert(-1, ("soffice DOCX→PDF (baseline)", seconds, None))
                rows[-1] = (rows[-1][0], rows[-1][1], "soffice DOCX→PDF (baseline)")

    by_name = {name: seconds for name, seconds, _ in rows}
    print(f"{'measure':30} {'median':>10}  ratio")
    for name, seconds, baseline in rows:
        ratio = f"{seconds / by_name[baseline]:.2f}× {baseline}" if baseline else ""
        print(f"{name:30} {seconds * 1000:9.1f}ms  {ratio}")
    for baseline in ("python-docx bare, merged", "python-docx bare, unmerged"):
        print(f"DOCX: {by_name['DOCX export'] / by_name[baseline]:.2f}× {baseline} (goal ≤ 2×)")
    if "PDF export (Qt)" in by_name and "soffice DOCX→PDF (baseline)" in by_name:
        pdf_ratio = by_name["PDF export (Qt)"] / by_name["soffice DOCX→PDF (baseline)"]
        print(f"PDF: {pdf_ratio:.2f}× soffice (goal < 0.3×)")
    elif not has_pdf:
        print("PDF: export/pdf_export.py not present; skipped")
    else:
        print("PDF: LibreOffice not installed; no baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
