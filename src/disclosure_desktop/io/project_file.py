"""The project file (*.gknb): one UTF-8 JSON document per report.

Loading validates everything and reports every problem with its JSON path in Chinese; a file
written by a newer version of the app is refused and never written over.  Saving is atomic:
a temporary file in the same folder is written, flushed, fsynced and moved over the old file,
whose previous content is kept beside it as `<name>.bak`.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..core import limits
from ..core.formats import format_ids, get_format
from ..core.model import SCHEMA_VERSION, Report
from .errors import describe_error, describe_file_error

PROJECT_EXTENSION = ".gknb"
PROJECT_FILTER = "政府信息公开年报项目 (*.gknb)"
MAX_PROJECT_BYTES = limits.PROJECT_FILE_BYTES
PROBLEMS_LISTED = 20  # a hostile file may have thousands; the message lists the first ones
REQUIRED_KEYS = ("schema_version", "format", "year", "agency", "tables", "narrative")

# schema_version N → function upgrading a version-N document to N+1 (none yet: version 1 is the first).
MIGRATIONS: dict[int, callable] = {}


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path such as tables.s3.new.natural ('' for the whole file)
    message: str

    def __str__(self) -> str:
        return f"{self.path}：{self.message}" if self.path else self.message


class ProjectFileError(Exception):
    """A project file that cannot be opened; the message names the file and every problem."""

    def __init__(self, path: Path | str, summary: str, problems: list[Problem] | None = None, *,
                 newer_version: bool = False):
        self.path = Path(path)
        self.summary = summary
        self.problems = problems or []
        self.newer_version = newer_version
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"无法打开项目文件“{limits.quote(self.path.name)}”：{self.summary}"]
        lines += [f"  · {problem}" for problem in self.problems[:PROBLEMS_LISTED]]
        if len(self.problems) > PROBLEMS_LISTED:
            lines.append(f"  ……另有{len(self.problems) - PROBLEMS_LISTED}处问题。")
        return "\n".join(lines)


@dataclass
class LoadResult:
    report: Report
    notices: list[str] = field(default_factory=list)  # things ignored or assumed while loading
    # Totals the file carried although they are computed (table → row → column → value); the
    # checker compares them with the computed values (C2–C4), the report itself ignores them.
    stated_totals: dict[str, dict[str, dict[str, object]]] = field(default_factory=dict)


# --- loading ----------------------------------------------------------------------------------
def load_project(path: Path | str) -> LoadResult:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PROJECT_BYTES:
            raise ProjectFileError(path, f"文件过大（{size / 1024 / 1024:.1f} MB，上限{MAX_PROJECT_BYTES // 1024 // 1024} MB），"
                                         "不是年报项目文件")
        with path.open("rb") as handle:
            data = handle.read(MAX_PROJECT_BYTES + 1)  # the file may grow after stat()
    except ProjectFileError:
        raise
    except FileNotFoundError:
        raise ProjectFileError(path, "文件不存在") from None
    except PermissionError:
        raise ProjectFileError(path, "没有读取该文件的权限") from None
    except OSError as error:
        raise ProjectFileError(path, f"读取失败：{describe_error(error)}") from None
    if len(data) > MAX_PROJECT_BYTES:
        raise ProjectFileError(path, f"文件过大（上限{MAX_PROJECT_BYTES // 1024 // 1024} MB），不是年报项目文件")
    remove_stale_temporaries(path)
    return parse_project(data, path)


def _reject_constant(name: str):
    raise ValueError(f"不允许的数值 {name}")


def parse_project(data: bytes, path: Path | str = "项目文件") -> LoadResult:
    """Validate the bytes of a project file; raises ProjectFileError listing every problem."""
    try:
        text = data.decode("utf-8-sig").lstrip("\ufeff")  # a BOM saved twice by an editor is harmless
    except UnicodeDecodeError as error:
        raise ProjectFileError(path, f"不是UTF-8编码的文本（第{error.start + 1}个字节处），文件可能已损坏") from None
    if limits.json_depth_exceeds(text):
        raise ProjectFileError(path, f"内容已损坏：嵌套超过{limits.JSON_DEPTH}层，不是年报项目文件")
    try:
        document = json.loads(text, parse_constant=_reject_constant,
                              parse_int=limits.parse_json_int, parse_float=limits.parse_json_float)
    except json.JSONDecodeError as error:
        raise ProjectFileError(path, f"内容已损坏，不是有效的JSON（第{error.lineno}行第{error.colno}列：{_json_reason(error)}）") from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise ProjectFileError(path, f"内容已损坏：{describe_error(error)}") from None
    if not isinstance(document, dict):
        raise ProjectFileError(path, "内容不是年报项目（最外层应为对象）")
    # Characters no document can hold are cleaned (and said so), limits broken are problems:
    # whatever passes here exports in bounded time and memory.
    document, broken, cleaned = limits.clean_document(document)

    version = document.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ProjectFileError(
            path, f"此文件由更新版本的年报编制助手保存（文件版本{version}，本程序支持到版本{SCHEMA_VERSION}）。"
                  "请升级程序后再打开；本程序不会修改这个文件。", newer_version=True)
    if isinstance(version, int) and not isinstance(version, bool):
        while version < SCHEMA_VERSION and version in MIGRATIONS:
            document = MIGRATIONS[version](document)
            version += 1

    problems = [Problem(key, "缺少必填项") for key in REQUIRED_KEYS if key not in document]
    problems += [Problem(item.path, item.message) for item in broken]
    notices: list[str] = [f"{where}：含有无法显示或保存的字符（孤立的代理项、控制字符等），已删除或替换为“\ufffd”，请核对"
                          for where in cleaned]
    if broken:  # values over the limits are not handed on to the format and model checks
        raise ProjectFileError(path, f"发现{len(problems)}处问题", list(dict.fromkeys(problems)))
    stated: dict[str, dict[str, dict[str, object]]] = {}
    problems += _check_against_format(document, notices, stated)
    try:
        report = Report.model_validate(document)
    except ValidationError as error:
        reported = {problem.path for problem in problems}
        problems += [p for p in _pydantic_problems(error) if p.path not in reported]
        report = None
    if problems:
        unique = list(dict.fromkeys(problems))
        raise ProjectFileError(path, f"发现{len(unique)}处问题", unique)
    return LoadResult(report, notices, stated)


def _json_reason(error: json.JSONDecodeError) -> str:
    reasons = {
        "Expecting value": "缺少值",
        "Expecting property name enclosed in double quotes": "键名应使用双引号",
        "Expecting ',' delimiter": "缺少逗号",
        "Expecting ':' delimiter": "缺少冒号",
        "Unterminated string starting at": "字符串没有结束",
        "Extra data": "末尾有多余内容",
        "Invalid control character at": "含有无效的控制字符",
        "Invalid \\escape": "无效的转义符",
        "Invalid \\uXXXX escape": "无效的 \\u 转义符",
        "Unterminated string starting at": "字符串没有结束",
        "Expecting property name": "缺少键名",
    }
    return reasons.get(error.msg, "格式错误")


def _check_against_format(document: dict, notices: list[str], stated: dict) -> list[Problem]:
    """Ids in tables/narrative must be the format's; computed cells are set aside as stated totals."""
    format_id = document.get("format")
    try:
        spec = get_format(format_id) if isinstance(format_id, str) else None
    except KeyError:
        return [Problem("format", f"未知的年报格式“{limits.quote(format_id)}”，应为 {' 或 '.join(format_ids())}")]
    if spec is None:
        return []  # pydantic reports the missing or mistyped format
    problems: list[Problem] = []
    tables = document.get("tables")
    if isinstance(tables, dict):
        known = {t.id: t for t in spec.tables}
        for table_id, rows in list(tables.items()):
            if table_id not in known:
                problems.append(Problem(f"tables.{limits.quote(table_id)}", f"{spec.id} 格式中没有这个表"))
                continue
            if not isinstance(rows, dict):
                continue  # pydantic reports the type
            table = known[table_id]
            row_ids = {r.id for r in table.data_rows}
            column_ids = {c.id for c in table.columns}
            for row_id, columns in list(rows.items()):
                if row_id not in row_ids:
                    problems.append(Problem(f"tables.{table_id}.{limits.quote(row_id)}", "这个表中没有这一行"))
                    continue
                if not isinstance(columns, dict):
                    continue
                for column_id in list(columns):
                    where = f"tables.{table_id}.{row_id}.{limits.quote(column_id)}"
                    if column_id not in column_ids:
                        problems.append(Problem(where, "这个表中没有这一列"))
                    elif table.is_computed(row_id, column_id):
                        # Totals are always recomputed; a stated one is kept only to be checked.
                        stated.setdefault(table_id, {}).setdefault(row_id, {})[column_id] = columns.pop(column_id)
                        notices.append(f"{where} 是自动计算的总计，文件中的值已忽略（将与计算结果核对）")
    narrative = document.get("narrative")
    if isinstance(narrative, dict):
        allowed = {s.id for s in spec.narrative_sections}
        for key in narrative:
            if key not in allowed:
                problems.append(Problem(f"narrative.{limits.quote(key)}", f"正文部分只能是 {'、'.join(sorted(allowed))}"))
    return problems


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的项目（可能拼写有误）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "dict_type": "应为对象（键值对）",
    "literal_error": "取值不在允许范围内",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "model_type": "应为对象（键值对）",
}
# pydantic appends the name of each union member it tried to the location; those are not keys.
_UNION_MEMBERS = {"int", "float", "none", "str", "bool", "literal['department','government']"}


def _chinese_choices(expected: str) -> str:
    """pydantic's "'department' or 'government'" → "department 或 government 之一"."""
    choices = [part.strip().strip("'\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]
    return f"{' 或 '.join(choices)}之一" if len(choices) > 1 else "、".join(choices)


def _pydantic_problems(error: ValidationError) -> list[Problem]:
    by_path: dict[str, str] = {}
    for item in error.errors():
        loc = [limits.quote(part) for part in item["loc"]]
        union = False
        while loc and (loc[-1] in _UNION_MEMBERS or loc[-1].startswith(("constrained-", "function-"))):
            loc.pop()
            union = True
        path = ".".join(loc)
        message = "应为数字，或 null 表示未填写" if union and path.startswith("tables.") else \
            _PYDANTIC_MESSAGES.get(item["type"], "取值无效")
        if item["type"] == "literal_error" and "expected" in item.get("ctx", {}):
            message = f"应为 {_chinese_choices(item['ctx']['expected'])}"
        by_path.setdefault(path, message)
    return [Problem(path, message) for path, message in by_path.items()]


# --- saving -----------------------------------------------------------------------------------
class ProjectSaveError(Exception):
    """Saving failed; the message is Chinese and the previous file is unchanged."""


def dumps_project(report: Report) -> str:
    """The file's text.  Characters no file can hold (a lone surrogate pasted into a field, a
    control character) are cleaned as opening cleans them: the file opens again as it was shown."""
    return _file_text(_cleaned(report)[0])


def _cleaned(report: Report) -> tuple[object, list]:
    """(the report as a document with unfit characters cleaned, the limits it breaks)."""
    document, broken, _ = limits.clean_document(report.model_dump(mode="json"))
    return document, broken


def _file_text(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save_project(report: Report, path: Path | str) -> None:
    """Write `report` to `path` atomically, keeping the previous content as `<name>.bak`.

    A report breaking the limits (core.limits) is not written: the file could not be opened
    again.  Nothing is lost, the report stays in memory and the old file is unchanged.
    """
    path = Path(path)
    document, broken = _cleaned(report)  # walked once: the limits and the text to write
    if broken:
        raise ProjectSaveError(f"无法保存“{limits.quote(path.name)}”：{limits.listed(broken)}。请改正后再保存。原有文件没有改动。")
    _refuse_newer(path)
    atomic_write(path, _file_text(document).encode("utf-8"), keep_backup=True)


def _refuse_newer(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PROJECT_BYTES + 1)
        text = data.decode("utf-8-sig")
        if len(data) > MAX_PROJECT_BYTES or limits.json_depth_exceeds(text):
            return  # no project file of ours: nothing newer to protect
        head = json.loads(text, parse_int=limits.parse_json_int, parse_float=limits.parse_json_float)
    except (OSError, ValueError, RecursionError):
        return
    if isinstance(head, dict) and isinstance(head.get("schema_version"), int) and head["schema_version"] > SCHEMA_VERSION:
        raise ProjectSaveError(f"“{limits.quote(path.name)}”由更新版本的程序保存，为避免丢失内容，不能覆盖它。请另存为其他文件。")


# Temporary files are named `.<target name>.<random>.tmp` (tempfile.mkstemp in the target's
# folder); a save killed half-way leaves one behind, which the next save or open removes.
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


def _temporary(folder: Path, target: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{target.name}.", suffix=TEMP_SUFFIX, dir=folder)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Write bytes so that `path` holds either its old or its complete new content, never half.

    With keep_backup the old content becomes `<name>.bak` the same way (copied to a temporary
    file, fsynced, renamed), so a kill at any moment leaves a complete backup or the previous
    one.  Raises ProjectSaveError with a Chinese explanation; on failure nothing is left behind.
    """
    folder = path.parent if str(path.parent) else Path(".")
    temporaries: list[str] = []
    _refuse_read_only(path)
    try:
        mode = _mode_for(path)
        fd, tmp_name = _temporary(folder, path)
        temporaries.append(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            # mkstemp makes the file private (0600); the result should have the replaced file's
            # permissions, or a new file's usual ones, so colleagues can still open a shared report.
            os.chmod(tmp_name, mode)
        if keep_backup and path.is_file():
            backup = backup_path(path)
            bak_fd, bak_tmp = _temporary(folder, backup)
            temporaries.append(bak_tmp)
            with os.fdopen(bak_fd, "wb") as handle, path.open("rb") as source:
                shutil.copyfileobj(source, handle)
                handle.flush()
                os.fsync(handle.fileno())
            shutil.copystat(path, bak_tmp)
            os.replace(bak_tmp, backup)
        os.replace(tmp_name, path)
        temporaries.clear()
        _fsync_folder(folder)
    except OSError as error:
        raise ProjectSaveError(f"{describe_file_error(error, path, '保存')}原有文件没有改动。") from error
    finally:
        for name in temporaries:
            try:
                os.unlink(name)
            except OSError:
                pass
    remove_stale_temporaries(path)


def _is_temporary_of(name: str, path: Path) -> bool:
    """`.<name>.<8 random characters>.tmp` or the same for `<name>.bak` (mkstemp's naming)."""
    for target in (path.name, backup_path(path).name):
        prefix = f"{TEMP_PREFIX}{target}."
        middle = name[len(prefix):-len(TEMP_SUFFIX)]
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX) and len(middle) == 8 and "." not in middle:
            return True
    return False


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of ours for `path` and its backup left by a killed save: those
    older than the file itself (a newer one may be a save in progress in another window)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        newest = path.stat().st_mtime
        names = [entry for entry in os.scandir(folder) if _is_temporary_of(entry.name, path)]
    except OSError:
        return
    for entry in names:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < newest:
                os.unlink(entry.path)
        except OSError:
            pass  # another process removed or renamed it, or it is not ours to remove


def _refuse_read_only(path: Path) -> None:
    """A file the user marked read-only is not replaced, although renaming over it would work
    (replacing needs only the folder's permission, and root or an admin may write anyway)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    # The owner's write bit decides (a file marked read-only by its owner, even if others may
    # write it); a file the user may not write for other reasons fails at the write, said as such.
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise ProjectSaveError(f"无法保存“{limits.quote(path.name)}”：文件被设为只读。请另存为其他文件，或先取消只读属性。原有文件没有改动。")


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, briefly, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is durable enough there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
