"""Open a source file safely and hand it to the reader its content calls for.

The extension says what the user thinks the file is; the first bytes say what it is.  A Word
file saved as .html by mistake, or a page saved without an extension, is still read correctly,
and anything that is no text at all is refused before a parser sees it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ...core.limits import IMPORT_DOCX_TAGS, IMPORT_PAGE_BYTES, IMPORT_PAGE_TAGS, IMPORT_TEXT_LINES, clean_text, quote
from ...core.text import strip_control_characters
from ..errors import describe_error
from .blocks import SourceDocument
from .decode import decode_text
from .errors import ImportRefused

MAX_SOURCE_BYTES = IMPORT_PAGE_BYTES
SUPPORTED_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".docx", ".pdf")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps of old Office versions
_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|table|p|div|br)\b", re.IGNORECASE)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportRefused(f"“{quote(path.name)}”是文件夹，请选择网页、文本、Word 或 PDF 文件。", "missing")
        if size > MAX_SOURCE_BYTES:
            raise ImportRefused(
                f"文件过大（{_megabytes(size)}，上限{_megabytes(MAX_SOURCE_BYTES)}），"
                "不像是一份年报。", "too_large")
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except ImportRefused:
        raise
    except FileNotFoundError:
        raise ImportRefused(f"找不到文件“{quote(path, 80)}”。", "missing") from None
    except PermissionError:
        raise ImportRefused(f"没有读取“{quote(path.name)}”的权限。", "unreadable") from None
    except OSError as error:
        raise ImportRefused(f"读取“{quote(path.name)}”失败：{describe_error(error)}", "unreadable") from None
    if len(data) > MAX_SOURCE_BYTES:  # grew while we looked
        raise ImportRefused(f"文件过大（上限{_megabytes(MAX_SOURCE_BYTES)}），不像是一份年报。", "too_large")
    return data


def _megabytes(size: int) -> str:
    """8 MB, 8.5 MB – and never “8.0 MB, 上限 8 MB” for a file one byte over."""
    hundredths = -(-size * 100 // (1024 * 1024))  # rounded up
    return f"{hundredths / 100:.2f}".rstrip("0").rstrip(".") + " MB"


def sniff_kind(data: bytes, suffix: str) -> str:
    """"docx", "pdf", "html" or "text" from the content, the suffix breaking ties."""
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        raise ImportRefused("这是旧版 Word/WPS 文件（.doc/.wps），请在 Word 或 WPS 中另存为 .docx 后再导入。", "old_doc")
    # An RTF or other old format named .doc/.wps (a Word "web page" saved as .doc is still read as HTML).
    if (suffix in (".doc", ".wps") and not _HTML_START.search(data[:4096])) or data.startswith(b"{\\rtf"):
        raise ImportRefused("这是旧版 Word/WPS 文件（.doc/.wps），请先在 WPS 或 Word 中另存为 .docx 后再导入。", "old_doc")
    if suffix == ".docx":
        raise ImportRefused("文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏或被改了扩展名）。", "bad_docx")
    head = data[:4096]
    if suffix in (".html", ".htm", ".shtml", ".xhtml"):
        # A page with no tag at all is really text that was given an .html name.
        return "html" if b"<" in data[:65536] else "text"
    return "html" if _HTML_START.search(head) else "text"


def _refuse_too_many_pieces(text: str, kind: str, path: Path) -> None:
    """Counted before parsing, which costs per tag or line: a page beyond these is no report."""
    if kind == "html":
        count, most, what = text.count("<"), IMPORT_PAGE_TAGS, "个标签"
    else:
        count, most, what = text.count("\n"), IMPORT_TEXT_LINES, "行"
    if count > most:
        raise ImportRefused(f"“{quote(path.name)}”有{count}{what}（上限{most}{what}），远超一份年报，不像是一份年报。"
                            "如果确是年报，请只复制年报正文另存后再导入。", "too_large")


_DOCX_BODY = "word/document.xml"
_DOCX_SCAN_BYTES = 64 * 1024 * 1024  # beyond this docx_reader's zip-bomb checks refuse the file anyway


def _refuse_too_many_docx_tags(data: bytes, path: Path) -> None:
    """The tags of the document body, counted while decompressing in pieces (never all of it at
    once): a Word file of a few KB can hold a table of millions of cells."""
    count = scanned = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(_DOCX_BODY) as body:
            while count <= IMPORT_DOCX_TAGS and scanned < _DOCX_SCAN_BYTES:
                piece = body.read(1024 * 1024)
                if not piece:
                    break
                count += piece.count(b"<")
                scanned += len(piece)
    except Exception:  # noqa: BLE001 - a broken file is docx_reader's to explain, in its words
        return
    if count > IMPORT_DOCX_TAGS:
        raise ImportRefused(f"Word 文件“{quote(path.name)}”的正文有超过{IMPORT_DOCX_TAGS}个标记，远超一份年报，"
                            "不像是一份年报。", "too_large")


def read_source(path: Path | str) -> SourceDocument:
    """Read and parse a source file.  Raises ImportRefused with a Chinese message."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportRefused(f"文件“{quote(path.name)}”是空的。", "empty")
    kind = sniff_kind(data, path.suffix.lower())
    if kind == "docx":
        from .docx_reader import read_docx

        _refuse_too_many_docx_tags(data, path)
        return SourceDocument(read_docx(data), "docx")
    if kind == "pdf":
        from .pdf_reader import read_pdf

        blocks, notes = read_pdf(data, path.name)
        return SourceDocument(blocks, "pdf", notes=notes)
    text, encoding, notes = decode_text(data, html=kind == "html")
    # Characters no document can hold never reach the report (\x00, lone surrogates from a
    # UTF-16 file); a page with any says so in the import report.
    text, unfit = clean_text(strip_control_characters(text))
    if unfit:
        notes.append("原文含有无法显示的字符（孤立的代理项等），已替换为“\ufffd”，请核对导入的文字。")
    if not text.strip():
        raise ImportRefused(f"文件“{quote(path.name)}”没有文字内容。", "empty")
    _refuse_too_many_pieces(text, kind, path)
    if kind == "html":
        from .html_reader import read_html

        blocks, title = read_html(text)
        return SourceDocument(blocks, "html", encoding, title, notes)
    from .text_reader import read_text

    return SourceDocument(read_text(text), "text", encoding, None, notes)
