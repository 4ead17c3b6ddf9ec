"""The PDF file itself: structure, A4 pages, embedded fonts, its text layer, draft mark, safe writing.

The text is read back with a small reader written here (no poppler on CI): it follows the
cross-reference table, inflates each page's content stream and maps the glyphs it shows
through the fonts' ToUnicode maps — what a PDF viewer does for copy and search.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.export import ExportError, export_report, render_document
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.pdf.fonts import resolve_fonts
from disclosure_desktop.export.page_layout import DRAFT_MARK, layout_document
from disclosure_desktop.export.pdf.writer import pdf_bytes

from .conftest import SAMPLE, filled_2021, load_sample


# --- a minimal reader for the PDFs Qt writes -------------------------------------------------
class PdfReader:
    def __init__(self, data: bytes):
        self.data = data
        assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
        start = int(data[data.rindex(b"startxref") + 9:].split()[0])
        assert data[start:start + 4] == b"xref", "startxref does not point at the xref table"
        lines = data[start:data.index(b"trailer", start)].split(b"\n")
        first, count = map(int, lines[1].split())
        self.offsets = {}
        for number, entry in enumerate(lines[2:2 + count], start=first):
            fields = entry.split()
            if fields[2] == b"n":
                self.offsets[number] = int(fields[0])
                # every offset must point at its object: a broken rewrite shows here
                assert data[int(fields[0]):].startswith(b"%d 0 obj" % number), number
        self.trailer = data[data.index(b"trailer", start):]
        self._cmaps: dict[int, dict[int, str]] = {}

    def obj(self, number: int) -> bytes:
        begin = self.offsets[number]
        return self.data[begin:self.data.index(b"endobj", begin)]

    def objects(self):
        return {n: self.obj(n) for n in self.offsets}

    def stream(self, number: int) -> bytes:
        body = self.obj(number)
        head = body[:body.index(b"stream")]
        length = re.search(rb"/Length (\d+)( 0 R)?", head)
        size = int(length.group(1)) if not length.group(2) else int(self.obj(int(length.group(1))).split()[-1])
        begin = self.offsets[number] + body.index(b"stream") + len(b"stream")
        begin += 2 if self.data[begin:begin + 2] == b"\r\n" else 1
        raw = self.data[begin:begin + size]
        return zlib.decompress(raw) if b"/FlateDecode" in head else raw

    def ref(self, body: bytes, key: bytes) -> int:
        return int(re.search(rb"/" + key + rb" (\d+) 0 R", body).group(1))

    def pages(self) -> list[int]:
        root = self.ref(self.trailer, b"Root")
        pages = self.ref(self.obj(root), b"Pages")
        kids = re.search(rb"/Kids\s*\[(.*?)\]", self.obj(pages), re.S).group(1)
        return [int(n) for n in re.findall(rb"(\d+) 0 R", kids)]

    def media_box(self, page: int) -> list[float]:
        return [float(v) for v in re.search(rb"/MediaBox \[([^\]]*)\]", self.obj(page)).group(1).split()]

    def fonts_of(self, page: int) -> dict[bytes, int]:
        resources = self.obj(self.ref(self.obj(page), b"Resources"))
        block = re.search(rb"/Font <<(.*?)>>", resources, re.S).group(1)
        return {name: int(number) for name, number in re.findall(rb"/(\w+) (\d+) 0 R", block)}

    def cmap(self, font: int) -> dict[int, str]:
        if font not in self._cmaps:
            mapping = {}
            text = self.stream(self.ref(self.obj(font), b"ToUnicode")).decode("latin-1")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                for line in block.strip().splitlines():
                    codes = re.findall(r"<([0-9A-Fa-f]+)>", line)
                    low, high = int(codes[0], 16), int(codes[1], 16)
                    if "[" in line:
                        for offset, dest in enumerate(codes[2:]):
                            mapping[low + offset] = chr(int(dest, 16))
                    else:
                        for offset in range(high - low + 1):
                            mapping[low + offset] = chr(int(codes[2], 16) + offset)
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                for source, dest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    mapping[int(source, 16)] = chr(int(dest, 16))
            self._cmaps[font] = mapping
        return self._cmaps[font]

    def page_text(self, page: int) -> str:
        """The characters the page shows, in drawing order (spaces dropped)."""
        fonts = self.fonts_of(page)
        content = self.stream(self.ref(self.obj(page), b"Contents")).decode("latin-1")
        out, cmap = [], {}
        for match in re.finditer(r"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|\[(.*?)\] TJ", content):
            if match.group(1):
                cmap = self.cmap(fonts[match.group(1).encode()])
            else:
                hexes = match.group(2) or "".join(re.findall(r"<([0-9A-Fa-f]+)>", match.group(3)))
                out += [cmap[int(hexes[i:i + 4], 16)] for i in range(0, len(hexes), 4)]
        return "".join(out).replace(" ", "")


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "样例.pdf"
    result = export_report(load_sample(), path)
    return result, PdfReader(path.read_bytes())


@pytest.fixture(scope="module")
def pdf_2021(tmp_path_factory):
    report = filled_2021()
    path = tmp_path_factory.mktemp("pdf") / "2021.pdf"
    result = export_report(report, path)
    return report, result, PdfReader(path.read_bytes())


def no_spaces(text: str) -> str:
    return re.sub(r"\s", "", text)


# --- structure --------------------------------------------------------------------------------
def test_sample_is_a_valid_a4_pdf_of_several_pages(sample_pdf):
    result, pdf = sample_pdf
    assert result.format == "pdf" and result.pages > 1 and not result.draft
    pages = pdf.pages()
    assert len(pages) == result.pages
    for page in pages:
        assert pdf.media_box(page) == [0, 0, 595, 842]  # A4 in points (Qt rounds 595.28 × 841.89)


def test_fonts_are_embedded_with_a_text_map(sample_pdf):
    _, pdf = sample_pdf
    objects = pdf.objects()
    descriptors = [body for body in objects.values() if b"/Type /FontDescriptor" in body]
    type0 = [body for body in objects.values() if b"/Subtype /Type0" in body]
    assert descriptors and type0
    for body in descriptors:
        assert re.search(rb"/FontFile[23]? \d+ 0 R", body), body[:200]
    for body in type0:
        assert b"/ToUnicode" in body


def test_the_pdf_shows_exactly_the_laid_out_text(pdf_2021):
    """Page by page, the PDF's text equals the runs of the layout — so every position checked in
    test_pdf_layout.py is what the PDF prints."""
    report, result, pdf = pdf_2021
    document = build_document(report, check_report(report), draft=False)
    layout = layout_document(document)
    assert len(layout.pages) == result.pages
    for page, number in zip(layout.pages, pdf.pages()):
        assert pdf.page_text(number) == no_spaces("".join(run.text for run in page.runs()))


def test_every_label_and_number_is_in_the_text(pdf_2021):
    report, _, pdf = pdf_2021
    text = "".join(pdf.page_text(p) for p in pdf.pages())
    fmt = report.spec
    labels = {s.title for s in fmt.sections}
    for table in fmt.tables:
        labels |= {table.caption or "", table.row_header or ""} | {r.label for r in table.rows}
        labels |= {c.label for c in table.columns} | {h.text for row in table.print.header_rows for h in row}
    for label in labels - {""}:
        assert no_spaces(label) in text, label
    from disclosure_desktop.core.computed import full_table
    from disclosure_desktop.core.values import format_value

    layout = layout_document(build_document(report, check_report(report), draft=False))
    page_of = {run.key: n for n, page in enumerate(layout.pages) for run in page.runs("cell") if run.key}
    texts = [pdf.page_text(p) for p in pdf.pages()]
    for table in fmt.tables:
        values = full_table(table, report.tables.get(table.id, {}))
        for row, column in table.cells():
            printed = format_value(values[row.id][column.id])
            assert printed in texts[page_of[(table.id, row.id, column.id)]], (table.id, row.id, column.id)


def test_text_layer_has_real_ideographs_not_radicals(sample_pdf):
    """Qt maps 人 to the radical ⼈ (U+2F08) in its ToUnicode maps; the export repairs that."""
    _, pdf = sample_pdf
    text = "".join(pdf.page_text(p) for p in pdf.pages())
    assert "中华人民共和国政府信息公开条例" in text
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or 0x31C0 <= ord(c) <= 0x31EF]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_poppler_reads_the_same_text(pdf_2021, tmp_path):
    """A second opinion where poppler is installed (not on CI): the same characters (poppler orders
    table text by position, so only the multiset is compared)."""
    report, result, pdf = pdf_2021
    out = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    ours = "".join(pdf.page_text(p) for p in pdf.pages())
    assert sorted(no_spaces(out)) == sorted(ours)


# --- result -----------------------------------------------------------------------------------
def test_substituted_fonts_are_reported(sample_pdf):
    result, _ = sample_pdf
    fonts = resolve_fonts()
    assert result.substituted_fonts == list(fonts.describe_substitutions())
    missing = [r for r in fonts.fonts.values() if r.substituted]
    assert bool(result.substituted_fonts) == bool(missing)
    for resolved in missing:
        assert f"{resolved.wanted} → {resolved.family}" in result.substituted_fonts


def test_draft_has_the_mark_on_every_page(tmp_path):
    report = filled_2021()
    report.narrative["s5"] = ""  # C19: an error, so only a draft may be exported
    result = export_report(report, tmp_path / "草稿.pdf", draft=True)
    assert result.draft and result.draft_reasons
    pdf = PdfReader(result.path.read_bytes())
    for page in pdf.pages():
        assert pdf.page_text(page).count(DRAFT_MARK) >= 2  # header line and watermark


def test_final_has_no_draft_mark(sample_pdf):
    _, pdf = sample_pdf
    assert not any(DRAFT_MARK in pdf.page_text(p) for p in pdf.pages())


# --- writing safely ---------------------------------------------------------------------------
def test_a_file_held_open_elsewhere_leaves_the_old_pdf_and_no_debris(tmp_path, monkeypatch):
    """Windows refuses to replace a PDF open in a viewer; the failure is injected where the OS reports it."""
    path = tmp_path / "年报.pdf"
    path.write_bytes(b"old content")

    def in_use(source, target):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", in_use)
    with pytest.raises(ExportError) as error:
        export_report(load_sample(), path)
    assert "无法导出“年报.pdf”" in str(error.value) and "没有写入权限" in str(error.value)
    assert [p.name for p in tmp_path.iterdir()] == ["年报.pdf"]
    assert path.read_bytes() == b"old content"


def export_as_nobody(report, target: Path) -> str | None:
    """Export `report` to `target` in a forked child running as the unprivileged user (root
    ignores file permissions); returns the ExportError message or None.

    The child reads nothing from the checkout (which may sit in a 0700 folder, as `mktemp -d`
    makes): the report is loaded and every exporter module imported before the fork."""
    import pickle

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: no exec, so no interpreter that 'nobody' may be unable to run
        try:
            os.close(read)
            outcome = "unexpected: no error"
            try:
                os.setgid(65534)
                os.setuid(65534)
                export_report(report, target)
            except ExportError as error:
                outcome = str(error)
            except BaseException as error:  # noqa: BLE001 - reported to the parent
                outcome = f"unexpected {error!r}"
            os.write(write, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


def test_a_read_only_folder_gives_a_chinese_error_and_no_file(tmp_path):
    report = load_sample()
    export_report(report, tmp_path / "warm-up.pdf")  # imports the PDF engine and its fonts now
    # A folder every user can reach, so the child is refused by the read-only folder alone
    # (pytest's tmp_path sits in a 0700 folder that 'nobody' cannot even enter).
    base = Path(tempfile.mkdtemp(prefix="disclosure-readonly-"))
    folder = base / "只读"
    try:
        os.chmod(base, 0o755)
        folder.mkdir()
        (folder / "年报.pdf").write_bytes(b"old content")
        os.chmod(folder, 0o555)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            message = export_as_nobody(report, folder / "年报.pdf")
        else:
            with pytest.raises(ExportError) as error:
                export_report(report, folder / "年报.pdf")
            message = str(error.value)
        assert message and "无法导出“年报.pdf”" in message and "没有写入权限" in message, message
        assert [p.name for p in folder.iterdir()] == ["年报.pdf"]
        assert (folder / "年报.pdf").read_bytes() == b"old content"
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(base)


def test_render_document_writes_through_the_registry(tmp_path):
    report = load_sample()
    document = build_document(report, check_report(report), draft=False)
    result = render_document(document, tmp_path / "a.pdf")
    assert result.format == "pdf" and PdfReader(result.path.read_bytes()).pages()


REPEATED_EXPORTS = """
import sys
from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import load_project
report = load_project(sys.argv[1]).report
for number in range(6):
    export_report(report, sys.argv[2])
print("ok")
"""


def test_repeated_exports_do_not_abort_the_process(tmp_path):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None in every void Qt call, and this
    process aborted with 'none_dealloc' (exit code -6); pyproject.toml keeps that release out."""
    done = subprocess.run([sys.executable, "-c", REPEATED_EXPORTS, str(SAMPLE), str(tmp_path / "a.pdf")],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-2000:]


def test_pdf_bytes_are_the_same_document_every_time():
    report = load_sample()
    layout = layout_document(build_document(report, check_report(report), draft=False))
    first, second = PdfReader(pdf_bytes(layout)), PdfReader(pdf_bytes(layout))
    assert [first.page_text(p) for p in first.pages()] == [second.page_text(p) for p in second.pages()]


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(ExportError) as error:
        export_report(load_sample(), tmp_path / "没有这个文件夹" / "年报.pdf")
    assert "文件夹不存在" in str(error.value)
    assert not Path(tmp_path / "没有这个文件夹").exists()


def synthetic_pdf(cmap: bytes) -> bytes:
    """A two-object PDF whose second object is a ToUnicode stream, with a correct xref table."""
    objects = [b"<< /Type /Catalog >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def test_tounicode_repair_rewrites_destinations_only():
    from disclosure_desktop.export.pdf.tounicode import fix_tounicode

    cmap = (b"/CIDInit /ProcSet findresource begin\nbegincmap\n"
            b"3 beginbfrange\n<0000> <0000> <0000>\n<0001> <0002> [<2EA0> <4E2D> ]\n<2F08> <2F09> <2F08>\nendbfrange\n"
            b"1 beginbfchar\n<0003> <0009>\nendbfchar\nendcmap\n")
    from PySide6.QtGui import QFontDatabase

    resolve_fonts()  # makes sure a QGuiApplication exists
    family = "Noto Serif CJK SC"  # draws ⺠ and 民 with one glyph (CI installs fonts-noto-cjk)
    if family not in QFontDatabase.families():
        pytest.skip("Noto Serif CJK SC is not installed")
    fixed = fix_tounicode(synthetic_pdf(cmap), [family])
    pdf = PdfReader(fixed)  # the reader checks every xref offset
    text = pdf.stream(2)
    assert b"<0001> <0002> [<6C11> <4E2D> ]" in text          # ⺠ → 民 (same glyph in the font)
    assert b"<2F08> <2F09> [<4EBA> <513F>]" in text           # a range spelled out: ⼈⼉ → 人儿; sources kept
    assert b"<0003> <0020>" in text                            # the space glyph listed under the tab
    assert b"<0000> <0000> <0000>" in text
    assert fix_tounicode(fixed, [family]) == fixed             # nothing left to repair


def test_tounicode_repair_leaves_other_pdfs_alone():
    from disclosure_desktop.export.pdf.tounicode import fix_tounicode

    clean = synthetic_pdf(b"/CIDInit /ProcSet findresource begin\n1 beginbfchar\n<0003> <4E2D>\nendbfchar\n")
    assert fix_tounicode(clean, []) == clean
    assert fix_tounicode(b"not a pdf at all", []) == b"not a pdf at all"


def test_digits_in_latin_words_stay_in_the_text_layer(tmp_path):
    """H5, G20, 5G: the CJK face's localised digit glyph maps to no character (it read 「H 等」)."""
    report = filled_2021()
    report.narrative["s1"] = "发布文字、图解、H5等多形式解读，G20峰会，5G网络，A5纸张。"
    result = export_report(report, tmp_path / "h5.pdf")
    text = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for word in ("H5等", "G20峰会", "5G网络", "A5纸张"):
        assert word in flat, word
