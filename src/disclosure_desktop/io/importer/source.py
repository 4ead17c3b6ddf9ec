"""Open a source file safely and hand it to the reader its content calls for.

The extension says what the user thinks the file is; the first bytes say what it is.  A Word
file saved as .html by mistake, or a page saved without an extension, is still read correctly,
and anything that is no text at all is refused before a parser sees it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...core.text import strip_control_characters
from .blocks import SourceDocument
from .decode import decode_text
from .errors import ImportRefused

MAX_SOURCE_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".docx", ".pdf")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps of old Office versions
_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|table|p|div|br)\b", re.IGNORECASE)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportRefused(f"“{path.name}”是文件夹，请选择网页、文本或 Word 文件。", "missing")
        if size > MAX_SOURCE_BYTES:
            raise ImportRefused(
                f"文件过大（{size / 1024 / 1024:.1f} MB，上限{MAX_SOURCE_BYTES // 1024 // 1024} MB），"
                "不像是一份年报。", "too_large")
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except ImportRefused:
        raise
    except FileNotFoundError:
        raise ImportRefused(f"找不到文件“{path}”。", "missing") from None
    except PermissionError:
        raise ImportRefused(f"没有读取“{path.name}”的权限。", "unreadable") from None
    except OSError as error:
        raise ImportRefused(f"读取“{path.name}”失败（{error.strerror or error}）。", "unreadable") from None
    if len(data) > MAX_SOURCE_BYTES:  # grew while we looked
        raise ImportRefused(f"文件过大（上限{MAX_SOURCE_BYTES // 1024 // 1024} MB），不像是一份年报。", "too_large")
    return data


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


def read_source(path: Path | str) -> SourceDocument:
    """Read and parse a source file.  Raises ImportRefused with a Chinese message."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportRefused(f"文件“{path.name}”是空的。", "empty")
    kind = sniff_kind(data, path.suffix.lower())
    if kind == "docx":
        from .docx_reader import read_docx

        return SourceDocument(read_docx(data), "docx")
    if kind == "pdf":
        from .pdf_reader import read_pdf

        blocks, notes = read_pdf(data, path.name)
        return SourceDocument(blocks, "pdf", notes=notes)
    text, encoding, notes = decode_text(data, html=kind == "html")
    text = strip_control_characters(text)
    if not text.strip():
        raise ImportRefused(f"文件“{path.name}”没有文字内容。", "empty")
    if kind == "html":
        from .html_reader import read_html

        blocks, title = read_html(text)
        return SourceDocument(blocks, "html", encoding, title, notes)
    from .text_reader import read_text

    return SourceDocument(read_text(text), "text", encoding, None, notes)
