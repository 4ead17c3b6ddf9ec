"""The roster: the units expected to submit, from a .txt (one per line) or an .xlsx column.

Names are matched after normalisation (names.normalize_name); a roster name that only nearly
matches a unit's name is offered for confirmation and counts as submitted only once confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..io.importer import ImportRefused
from ..io.importer.decode import decode_text
from .names import is_near, name_similarity, normalize_name
from .units import Unit

MAX_ROSTER_BYTES = 5 * 1024 * 1024
MAX_ROSTER_NAMES = 5000
MAX_XLSX_UNPACKED = 64 * 1024 * 1024  # a list of names unpacks to well under a megabyte
# Header cells that say "this column holds the unit names".
_NAME_HEADERS = ("单位", "机关", "部门", "名称", "名单")


class RosterError(Exception):
    """A roster that cannot be read; str() is a Chinese sentence."""


@dataclass(frozen=True)
class Roster:
    path: Path
    names: tuple[str, ...]


@dataclass(frozen=True)
class NearMatch:
    name: str       # as the roster writes it
    unit: Unit
    similarity: float


@dataclass
class RosterMatch:
    matched: dict[str, Unit] = field(default_factory=dict)   # roster name → unit (exact or confirmed)
    near: list[NearMatch] = field(default_factory=list)      # to be confirmed
    missing: list[str] = field(default_factory=list)         # nothing matches (near ones not confirmed included)
    unexpected: list[Unit] = field(default_factory=list)     # units the roster does not name

    @property
    def unanswered(self) -> list[str]:
        """Missing with no near match either: the units that have surely not submitted."""
        near = {n.name for n in self.near}
        return [name for name in self.missing if name not in near]


def load_roster(path: Path | str) -> Roster:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            raise RosterError(f"名册“{path.name}”过大（{size // 1024} KB），不像是单位名单。")
        data = path.read_bytes()
    except FileNotFoundError:
        raise RosterError(f"找不到名册文件“{path}”。") from None
    except IsADirectoryError:
        raise RosterError(f"“{path}”是文件夹，名册应为 .txt 或 .xlsx 文件。") from None
    except OSError as error:
        raise RosterError(f"读取名册“{path.name}”失败（{error.strerror or error}）。") from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        names = _xlsx_names(path, data)
    elif suffix in (".txt", ".csv", ""):
        names = _text_names(path, data)
    else:
        raise RosterError(f"名册“{path.name}”的格式不支持：请使用 .txt（每行一个单位）或 .xlsx（一列单位名称）。")
    names = list(dict.fromkeys(n for n in names if normalize_name(n)))
    if not names:
        raise RosterError(f"名册“{path.name}”中没有单位名称。")
    if len(names) > MAX_ROSTER_NAMES:
        raise RosterError(f"名册“{path.name}”有{len(names)}个名称，超过上限{MAX_ROSTER_NAMES}个。")
    return Roster(path, tuple(names))


def _text_names(path: Path, data: bytes) -> list[str]:
    try:
        text, _encoding, _notes = decode_text(data, html=False)
    except ImportRefused as error:
        raise RosterError(f"名册“{path.name}”不是文本文件（{error}）。") from None
    # A line of a .csv keeps its first field: the name.
    return [line.split(",")[0].strip() for line in text.splitlines()]


def _xlsx_names(path: Path, data: bytes) -> list[str]:
    import io
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, NotImplementedError) as error:
        raise RosterError(f"名册“{path.name}”不是有效的 Excel 工作簿（{error}）。") from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise RosterError(f"名册“{path.name}”解压后达{unpacked // 1024 // 1024} MB，不像是单位名单，已拒绝打开。")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise RosterError(f"名册“{path.name}”不是有效的 Excel 工作簿（{error}）。") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    column, start = _name_column(rows)
    return [row[column] for row in rows[start:]]


def _name_column(rows: list[list[str]]) -> tuple[int, int]:
    """(the column of names, the first row of names): a header naming it, else the column with the most text."""
    for index, row in enumerate(rows[:5]):
        for column, text in enumerate(row):
            if any(word in text for word in _NAME_HEADERS) and len(text) <= 8:
                return column, index + 1
    counts = [sum(1 for row in rows if row[c] and not row[c].replace(".", "").isdigit()) for c in range(len(rows[0]))]
    return counts.index(max(counts)), 0


def match_roster(roster: Roster, units: list[Unit], confirmed: set[str] | frozenset[str] = frozenset()) -> RosterMatch:
    """Match every roster name to a unit; `confirmed` holds roster names whose near match the user accepted."""
    result = RosterMatch()
    by_name: dict[str, list[Unit]] = {}
    for unit in units:
        by_name.setdefault(normalize_name(unit.agency), []).append(unit)
    claimed: set[str] = set()
    pending: list[str] = []
    for name in roster.names:
        key = normalize_name(name)
        if key in by_name:
            result.matched[name] = by_name[key][0]
            claimed.add(key)
        else:
            pending.append(name)
    for name in pending:
        key = normalize_name(name)
        candidates = [(name_similarity(key, other), other) for other in by_name
                      if other not in claimed and is_near(key, other)]
        if not candidates:
            result.missing.append(name)
            continue
        score, other = max(candidates)
        unit = by_name[other][0]
        if name in confirmed:
            result.matched[name] = unit
            claimed.add(other)
        else:
            result.near.append(NearMatch(name, unit, score))
            result.missing.append(name)
    matched_units = {id(u) for u in result.matched.values()} | {id(n.unit) for n in result.near}
    result.unexpected = [u for u in units if id(u) not in matched_units]
    for name, unit in result.matched.items():
        for same in by_name[normalize_name(unit.agency)]:
            same.roster_name = name
            same.roster_near = normalize_name(name) != normalize_name(unit.agency)
    return result
