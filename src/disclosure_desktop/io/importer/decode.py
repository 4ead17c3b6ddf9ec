"""Bytes of a web page or text copy → text, whatever Chinese encoding it was saved in.

Pages are saved as UTF-8 or GBK/GB2312/GB18030, with or without a correct `<meta charset>`
(re-encoding a page in an editor leaves the old declaration behind).  The order is: byte order
mark, strict UTF-8 (GBK text practically never passes as valid UTF-8, while UTF-8 bytes often
pass as GBK), the declared charset, strict GB18030 (a superset of GB2312 and GBK).  A declared
charset that cannot write Chinese at all (latin-1, windows-1252, a server's "undefined") is a
wrong declaration, so GB18030 is tried before it.  A file none of them decodes is read as UTF-8
with replacement characters and the loss is reported, never hidden.
"""

from __future__ import annotations

import codecs
import re

from .errors import ImportRefused

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Declared names that mean "some GB encoding": GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936", "ms936", "euc-cn", "hz-gb-2312"}
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F, 0x7F})


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes, normalised to a Python codec."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def can_write_chinese(codec: str) -> bool:
    """Whether a codec can hold Chinese text at all; one that cannot is a wrong declaration."""
    try:
        "政府信息公开".encode(codec)
    except (UnicodeError, LookupError):
        return False
    return True


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image, an executable, a .doc … not text."""
    sample = data[:65536]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16 text is full of NUL bytes
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > max(8, len(sample) // 100)


def decode_text(data: bytes, *, html: bool = False) -> tuple[str, str, list[str]]:
    """(text, encoding used, notes).  Raises ImportRefused for binary data."""
    if looks_binary(data):
        raise ImportRefused("文件不是文本（含有二进制内容），无法作为网页或文本导入。", "binary")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", ""), []
            except UnicodeDecodeError:
                if codec == "utf-16":  # a byte-order mark is sure; a lone surrogate in it is a loss to report
                    text = data.decode(codec, errors="replace")
                    return text, codec, [_lost(text)]
                break
    notes: list[str] = []
    declared = declared_charset(data) if html else None
    order = ("utf-8", declared, "gb18030") if declared and can_write_chinese(declared) else ("utf-8", "gb18030", declared)
    for codec in dict.fromkeys(c for c in order if c):
        try:
            text = data.decode(codec)
        except (UnicodeError, LookupError):  # UnicodeError: the "undefined" codec refuses everything
            continue
        if declared and codec != declared:
            notes.append(f"网页声明的编码为{declared}，实际内容为{codec}，已按{codec}读取。")
        return text, codec, notes
    text = data.decode("utf-8", errors="replace")
    notes.append(_lost(text))
    return text, "utf-8（有无法解码的字节）", notes


def _lost(text: str) -> str:
    return f"文件编码无法完全识别，有{text.count(chr(0xFFFD))}处无法解码（显示为�），请核对导入的文字。"
