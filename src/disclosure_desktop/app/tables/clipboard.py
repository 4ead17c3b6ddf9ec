"""Copy and paste of rectangular blocks as tab-separated text (what Excel and WPS put on the clipboard).

The rows of a block are the rows of the printed table, i.e. the data rows: group labels such as
三、本年度办理结果 are merged label cells in print, not rows, so a block copied from a sheet laid
out like the official table lands on the right rows.  A paste is all or nothing: `plan_paste`
either returns the changes or the list of cells that are wrong, and the caller applies nothing
in the second case.  A value pasted onto a computed cell is accepted only when it is blank or
equals the total the paste produces (so a whole table copied with its totals pastes), never
stored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ...core.computed import computed_values
from ...core.formats import Column, Row, Table
from ...core.values import CellValueError, format_value, is_zero_mark, parse_cell_text

MAX_LISTED = 12  # cells named in one message; the rest are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("TableClipboard", text)


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated text → rows of cell texts.  Handles \\r\\n, a trailing newline and Excel's quoting."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if text == "":
        return []
    rows = [row if row else [""] for row in csv.reader(io.StringIO(text), delimiter="\t", strict=False)]
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


def block_text(rows: list[list[object]]) -> str:
    """Values → tab-separated text with a line end after every row, as Excel writes it."""
    return "".join("\t".join(format_value(v) for v in row) + "\n" for row in rows)


def cell_name(row: Row, column: Column) -> str:
    return tr("「{row}」行「{column}」列").format(row=row.label, column=column.label)


@dataclass
class PastePlan:
    changes: dict[tuple[str, str], object] = field(default_factory=dict)  # (row id, column id) → value
    problems: list[str] = field(default_factory=list)
    zero_marks: list[str] = field(default_factory=list)  # cells that held “/”, “—”, “无” …: taken as 0

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.changes)

    def message(self) -> str:
        """The Chinese message for a refused paste, naming the wrong cells."""
        if not self.problems:
            return tr("剪贴板中没有可粘贴的数字。")
        return self._listed(tr("粘贴未执行，表格没有任何改动。以下{n}处有问题，请改正后重新复制粘贴：").format(
            n=len(self.problems)), self.problems)

    def zero_mark_note(self) -> str:
        """Names the cells whose “/”, “—”, “无” … were taken as 0 ('' when there were none)."""
        if not self.zero_marks:
            return ""
        return self._listed(tr("其中{n}个单元格写的是“/”“—”“无”等符号，已按0填入，请核对：").format(
            n=len(self.zero_marks)), self.zero_marks)

    @staticmethod
    def _listed(heading: str, items: list[str]) -> str:
        listed = items[:MAX_LISTED]
        more = len(items) - len(listed)
        text = heading + "\n" + "\n".join(f"· {p}" for p in listed)
        if more:
            text += "\n" + tr("……另有{n}处").format(n=more)
        return text


def plan_paste(table: Table, inputs, start_row: str, start_column: int, block: list[list[str]]) -> PastePlan:
    """Work out a paste of `block` with its top-left value at (start_row, start_column).

    `inputs` are the table's current input values (row → column → value); they are needed to
    check values pasted onto computed cells against the totals the paste would produce.
    """
    plan = PastePlan()
    rows = list(table.data_rows)
    first = next(i for i, row in enumerate(rows) if row.id == start_row)
    block = _as_editor_rows(table, first, start_column, block)
    on_computed: dict[tuple[str, str], tuple[object, str]] = {}
    for i, texts in enumerate(block):
        for j, text in enumerate(texts):
            r, c = first + i, start_column + j
            if r >= len(rows) or c >= len(table.columns):
                if text.strip():
                    plan.problems.append(tr("粘贴内容第{i}行第{j}个值“{text}”超出了表格范围").format(
                        i=i + 1, j=j + 1, text=text.strip()))
                continue
            row, column = rows[r], table.columns[c]
            if is_zero_mark(text) and not table.is_computed(row.id, column.id):
                plan.changes[(row.id, column.id)] = 0
                plan.zero_marks.append(f"{cell_name(row, column)}：“{text.strip()}”")
                continue
            try:
                value = parse_cell_text(text, column.type)
            except CellValueError as error:
                plan.problems.append(f"{cell_name(row, column)}：{error}")
                continue
            if table.is_computed(row.id, column.id):
                if value is not None:
                    on_computed[(row.id, column.id)] = (value, text.strip())
            else:
                plan.changes[(row.id, column.id)] = value
    if on_computed and not plan.problems:
        after = {row_id: dict(columns) for row_id, columns in inputs.items()}
        for (row_id, column_id), value in plan.changes.items():
            after.setdefault(row_id, {})[column_id] = value
        totals = computed_values(table, after)
        for (row_id, column_id), (value, text) in on_computed.items():
            if totals[(row_id, column_id)] != value:
                plan.problems.append(tr("{cell}是自动计算的总计，粘贴的“{text}”与按各项计算的{total}不符").format(
                    cell=cell_name(table.row(row_id), table.column(column_id)), text=text,
                    total=format_value(totals[(row_id, column_id)]) or tr("空")))
    return plan


def _as_editor_rows(table: Table, first_row: int, start_column: int, block: list[list[str]]) -> list[list[str]]:
    """Table 四 prints its groups side by side in one row; the editor shows them as rows.

    A single row with exactly one value per cell, pasted at the first cell, is folded back.
    """
    width = len(table.columns)
    cells = len(table.data_rows) * width
    if (table.print.layout == "groups_across" and len(block) == 1 and len(block[0]) == cells
            and first_row == 0 and start_column == 0):
        return [block[0][i:i + width] for i in range(0, cells, width)]
    return block
