"""A Word file (.docx) → lines and tables, after making sure it is not a zip bomb.

The zip directory states every part's uncompressed size, and Python's zipfile never inflates a
part beyond its stated size, so checking the directory before python-docx opens the package is
enough to refuse a bomb without inflating a byte of it.  Tables are read from the WordprocessingML
grid itself (gridSpan, vMerge), because python-docx's `row.cells` repeats merged cells and so
would repeat their numbers.
"""

from __future__ import annotations

import io
import zipfile

from .blocks import Block, Cell, Line, TableBlock
from ..errors import describe_error
from .errors import ImportRefused

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # a report with photos is a few MB unpacked
MAX_PARTS = 5000
MAX_RATIO = 200  # deflate cannot honestly reach this on a document part above 1 MB
RATIO_FLOOR_BYTES = 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CONTAINERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag", _W + "ins"}


def check_zip(data: bytes) -> None:
    """Refuse a package whose directory promises more than a real report ever unpacks to."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception:  # BadZipFile, and also NotImplementedError, ValueError … for mangled headers
        raise ImportRefused("Word 文件已损坏，无法打开（不是有效的 .docx 压缩包）。", "bad_docx") from None
    if len(infos) > MAX_PARTS:
        raise ImportRefused(f"Word 文件包含{len(infos)}个部件，远超正常文档，疑为恶意构造的压缩包，已拒绝打开。", "zip_bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportRefused(
            f"Word 文件解压后将达{total // 1024 // 1024} MB（上限{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB），"
            "疑为压缩炸弹，已拒绝打开。", "zip_bomb")
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused(
                f"Word 文件中的“{info.filename}”压缩比异常（{info.compress_size}字节解压为{info.file_size}字节），"
                "疑为压缩炸弹，已拒绝打开。", "zip_bomb")


def _text(element) -> str:
    """The visible text of a paragraph or cell: runs, tabs and breaks; not deleted text, not the
    fallback copy of a drawing, not text boxes (they hold logos and stamps, rarely the report)."""
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag == _MC_FALLBACK or tag == _W + "txbxContent" or tag == _W + "del":
            continue
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "p" and node is not element:
            parts.append("\n")  # a paragraph boundary inside a cell (its text follows)
        stack.extend(reversed(list(node)))
    return "".join(parts)


def _attr(element, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(_W + "val", "")


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 6 else default


def _children(element, tag: str):
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == _W + tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _has_nested_table(tbl) -> bool:
    return any(True for tc in tbl.iter(_W + "tc") for _ in tc.iter(_W + "tbl"))


def _read_table(tbl, out: list[Block], depth: int) -> None:
    if _has_nested_table(tbl) or depth > 20:
        # A layout table: its cells are containers of paragraphs and the real tables.
        for tr in _children(tbl, "tr"):
            for tc in _children(tr, "tc"):
                _read_body(tc, out, depth + 1)
        return
    grid_rows: list[list[dict]] = []
    open_cells: dict[int, dict] = {}  # grid column → the cell a vertical merge continues
    for tr in _children(tbl, "tr"):
        column = _int(_attr(tr, f"{_W}trPr/{_W}gridBefore"), 0)
        row: list[dict] = []
        for tc in _children(tr, "tc"):
            span = min(max(_int(_attr(tc, f"{_W}tcPr/{_W}gridSpan"), 1), 1), 1000)
            vmerge = _attr(tc, f"{_W}tcPr/{_W}vMerge")
            hmerge = _attr(tc, f"{_W}tcPr/{_W}hMerge")
            if vmerge is not None and vmerge != "restart" and column in open_cells:
                open_cells[column]["rowspan"] += 1
            elif hmerge is not None and hmerge != "restart" and row:
                row[-1]["colspan"] += span
            else:
                text = " ".join(part.strip() for part in _text(tc).split("\n") if part.strip())
                cell = {"text": text, "rowspan": 1, "colspan": span}
                row.append(cell)
                for c in range(column, column + span):
                    open_cells[c] = cell
            column += span
        grid_rows.append(row)
    rows = tuple(tuple(Cell(c["text"], c["rowspan"], c["colspan"]) for c in row) for row in grid_rows)
    if rows:
        out.append(TableBlock(rows))


def _read_body(container, out: list[Block], depth: int = 0) -> None:
    for child in container:
        if child.tag == _W + "p":
            for line in _text(child).split("\n"):
                out.append(Line(line))
        elif child.tag == _W + "tbl":
            _read_table(child, out, depth)
        elif child.tag in _CONTAINERS:
            _read_body(child, out, depth)


def read_docx(data: bytes) -> list[Block]:
    check_zip(data)
    try:
        import docx  # python-docx; imported here so that HTML/text imports never pay for it

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except ImportRefused:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors … for broken files
        if "content type" in str(error) or "not a Word file" in str(error):
            raise ImportRefused("该文件不是 Word 文档（.docx），可能是其他 Office 文件。", "bad_docx") from None
        import zipfile

        # What a broken Word file raises is said in Word's terms here, the one place that knows
        # the file is meant to be Word (a KeyError elsewhere is a bug, not a damaged document).
        if isinstance(error, (KeyError, zipfile.BadZipFile)):
            reason = "文件缺少 Word 文档必需的组成部分，可能已损坏或只下载了一部分。请在 Word 或 WPS 中打开并另存为 .docx 后重试。"
        else:
            reason = describe_error(error)
        raise ImportRefused(f"Word 文件已损坏，无法读取：{reason}", "bad_docx") from None
    blocks: list[Block] = []
    _read_body(body, blocks)
    return blocks
