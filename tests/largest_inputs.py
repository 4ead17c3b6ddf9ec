"""The largest inputs the limits admit (core/limits.py), and a way to run a command on them in a
fresh process that reports its own time and peak memory.  Shared by the slow tests of
tests/test_fuzz_cli.py and bench/limits_bench.py."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from disclosure_desktop.core import limits
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page, text_copy

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"

# The child reports its own peak resident memory (ru_maxrss, KiB on Linux) into a file.
_MEASURED = """import resource, sys
from disclosure_desktop.cli import main
code = main(sys.argv[2:])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


def measured(args: list[str], folder: Path, timeout: float | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """(seconds, peak MB, result) of one command line in a fresh process."""
    peak_file = folder / "peak-kib"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURED, str(peak_file), *args],
                            capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - started, int(peak_file.read_text()) / 1024, result


def largest_project(folder: Path) -> Path:
    """Every narrative section at its limit in characters and lines, last year's text as long,
    the agency, signatory, contact and website at their limits."""
    document = json.loads(SAMPLE.read_text("utf-8"))
    line = "本机关认真贯彻落实政府信息公开条例，依法做好政府信息公开工作。" * 10
    section = "\n".join([line] * limits.NARRATIVE_LINES)[:100_000]
    document["narrative"] = {key: section for key in document["narrative"]}
    document["agency"] = "某" * 100
    document["front"].update(contact="电" * 2000, signatory="某" * 100, published_at="网" * 500)
    document["previous"] = {"year": 2018, "format": "gov-2019", "narrative": dict(document["narrative"])}
    path = folder / "largest.gknb"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def largest_page(folder: Path) -> Path:
    """A web page of the most tags admitted, in one dense table: the costliest page per byte."""
    page = html_page(distinct_report("gov-2021"))
    row = "<tr>" + "<td>1</td>" * 10 + "</tr>"
    table = "<table>" + row * ((limits.IMPORT_PAGE_TAGS - page.count("<") - 10) // row.count("<")) + "</table>"
    path = folder / "largest.html"
    path.write_text(page.replace("</body>", table + "</body>"), encoding="utf-8")
    return path


def largest_text(folder: Path) -> Path:
    """A text copy of the most lines admitted."""
    text = text_copy(distinct_report("gov-2019"))
    path = folder / "largest.txt"
    path.write_text(text + "\n一" * (limits.IMPORT_TEXT_LINES - text.count("\n") - 5), encoding="utf-8")
    return path


def word_table(rows: int, columns: int = 20) -> str:
    """A table of one-digit cells in WordprocessingML: 8 tags a cell, compressing to almost nothing."""
    row = "<w:tr>" + "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * columns + "</w:tr>"
    return "<w:tbl>" + row * rows + "</w:tbl>"


def inflated_docx(folder: Path, name: str, filler: str) -> Path:
    """The report as a Word file with `filler` (WordprocessingML) added at the end of its body."""
    base = folder / "base.docx"
    docx_copy(distinct_report("gov-2021"), base)
    with zipfile.ZipFile(base) as archive:
        parts = {part: archive.read(part) for part in archive.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = body.replace("</w:body>", filler + "</w:body>").encode("utf-8")
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def largest_docx(folder: Path) -> Path:
    """A Word file whose body has nearly the most tags admitted, in one dense table."""
    return inflated_docx(folder, "largest.docx", word_table((limits.IMPORT_DOCX_TAGS - 12_000) // (20 * 8 + 2)))
