"""What every source reader produces: the document as a list of lines and tables.

HTML, DOCX and text copies differ only in how they are read; from here on the importer sees
paragraph lines (`Line`) and tables whose merged cells appear once (`TableBlock`), in reading
order.  `tokens()` flattens both into the cell-by-cell stream the table readers walk, which is
exactly what a plain-text copy of a page already is (one cell per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    text: str


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[Cell, ...], ...]


Block = Line | TableBlock


@dataclass(frozen=True)
class Token:
    """One cell (or one line) of the source.

    `row` identifies the source table row the token came from (None for free lines of a text
    copy, where row boundaries are unknown); `block` is the index of its block, so a token can
    be traced back to the line or table it came from.
    """

    text: str
    block: int
    row: tuple[int, int] | None = None
    structured: bool = False  # from a real table cell: an empty text is an empty cell
    column: int = 0  # the cell's place in its table row (real tables only)


@dataclass
class SourceDocument:
    """A source file read into blocks, and what was noticed while reading it."""

    blocks: list[Block]
    kind: str  # "html" | "text" | "docx" | "pdf"
    encoding: str | None = None
    title_hint: str | None = None  # <title> of an HTML page
    notes: list[str] = field(default_factory=list)

    def address(self, token: Token) -> str:
        """Where a token stands in the source, for a reader holding the original: 「原文第2个表格
        第5行第8格」, or the line of a text copy."""
        if token.structured and token.row is not None:
            number = sum(1 for block in self.blocks[:token.block + 1] if isinstance(block, TableBlock))
            return f"原文第{number}个表格第{token.row[1] + 1}行第{token.column + 1}格"
        if self.kind == "text":
            return f"原文第{token.block + 1}行"
        return f"原文“{token.text}”处（第{token.block + 1}段）"

    @property
    def kind_name(self) -> str:
        return {"html": "网页", "text": "纯文本", "docx": "Word 文档", "pdf": "PDF 文件"}[self.kind]


_TAB = re.compile(r"\t+")
# A page number of a printed or PDF copy (`— 2 —`, `- 2 -`): not a value of the table it interrupts.
_PAGE_NUMBER = re.compile(r"^[-—－–]+\s*\d{1,3}\s*[-—－–]+$")


def _split_values(text: str) -> list[str]:
    """A line copied from a PDF or a printed table: `行政许可 14 0 17`, `0 0 0 0 0 0 0` → label and
    values.  A line that is one value however spaced (`\u2002 6`, `160.5964 万元`) stays whole."""
    from .cell_values import is_value_text  # (cell_values imports core; blocks stays light)

    parts = text.split()
    if len(parts) < 2:
        return [text]
    count = 0
    while count < len(parts) and is_value_text(parts[-1 - count], False):
        count += 1
    if count == 0 or (count == len(parts) and is_value_text(text, False) and count < 2):
        return [text]
    label = " ".join(parts[:len(parts) - count])
    return ([label] if label else []) + parts[len(parts) - count:]


def tokens(blocks: list[Block]) -> list[Token]:
    """The cells of the document in reading order: a table row by row, a line as one token
    (or several when it is a tab-separated row copied from a spreadsheet or a table, or a label
    followed by space-separated values as PDF copies print rows)."""
    result: list[Token] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Line):
            text = block.text.strip()
            if not text or _PAGE_NUMBER.match(text):
                continue
            if "\t" in text:
                parts = [p.strip() for p in _TAB.split(text)]
                result.extend(Token(p, index, (index, 0), structured=False) for p in parts if p)
            else:
                result.extend(Token(part, index) for part in _split_values(text))
        else:
            for row_index, row in enumerate(block.rows):
                for column, cell in enumerate(row):
                    result.append(Token(cell.text.strip(), index, (index, row_index), structured=True, column=column))
    return result
