"""Project files: minimal files load, every problem is reported with its path, saving is atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from disclosure_desktop.core.formats import get_format
from disclosure_desktop.core.model import SCHEMA_VERSION
from disclosure_desktop.io.project_file import (ProjectFileError, ProjectSaveError, backup_path, load_project,
                                                parse_project, save_project)
from disclosure_desktop.io.schema import project_schema

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"
MINIMAL = {"schema_version": 1, "format": "gov-2021", "year": 2025, "agency": "某县人民政府办公室",
           "tables": {"s3": {"new": {"natural": 2}}}, "narrative": {"s1": "第一段\n第二段"}}


def test_minimal_file_loads_with_defaults():
    loaded = parse_project(json.dumps(MINIMAL, ensure_ascii=False).encode())
    report = loaded.report
    assert report.value("s3", "new", "natural") == 2
    assert report.narrative["s1"].split("\n") == ["第一段", "第二段"]
    assert report.front.agency_kind == "department" and report.previous is None and loaded.notices == []


def test_sample_round_trips_unchanged(tmp_path):
    original = load_project(SAMPLE).report
    target = tmp_path / "copy.gknb"
    save_project(original, target)
    assert load_project(target).report == original
    document = json.loads(target.read_text("utf-8"))
    assert list(document)[:6] == ["schema_version", "format", "year", "agency", "tables", "narrative"]
    assert "total" not in document["tables"]["s3"]["new"]  # computed cells are never stored


def test_every_problem_is_reported_with_its_path():
    bad = dict(MINIMAL, year="二〇二五", tables={"s3": {"new": {"natural": "abc", "bogus": 1}, "nowhere": {}},
                                                "s9": {}}, narrative={"s2": "x"})
    del bad["agency"]
    with pytest.raises(ProjectFileError) as caught:
        parse_project(json.dumps(bad, ensure_ascii=False).encode(), "坏文件.gknb")
    paths = {p.path for p in caught.value.problems}
    assert paths == {"agency", "year", "tables.s3.new.natural", "tables.s3.new.bogus", "tables.s3.nowhere",
                     "tables.s9", "narrative.s2"}
    text = str(caught.value)
    assert "坏文件.gknb" in text and "缺少必填项" in text and "应为整数" in text


def test_computed_cells_in_a_file_are_ignored_with_a_notice_and_checked():
    document = dict(MINIMAL, tables={"s3": {"new": {"natural": 2, "total": 5}}})
    loaded = parse_project(json.dumps(document).encode())
    assert loaded.report.value("s3", "new", "total") is None
    assert loaded.stated_totals == {"s3": {"new": {"total": 5}}}
    assert any("tables.s3.new.total" in n and "已忽略" in n for n in loaded.notices)


def test_damaged_json_is_reported_by_name(tmp_path):
    path = tmp_path / "损坏.gknb"
    path.write_text('{"schema_version": 1, "format": ', encoding="utf-8")
    with pytest.raises(ProjectFileError, match="损坏.gknb.*不是有效的JSON"):
        load_project(path)


def test_newer_version_is_refused_and_never_overwritten(tmp_path):
    path = tmp_path / "新版本.gknb"
    content = json.dumps(dict(MINIMAL, schema_version=SCHEMA_VERSION + 1))
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert caught.value.newer_version and "更新版本" in str(caught.value)
    report = parse_project(json.dumps(MINIMAL).encode()).report
    with pytest.raises(ProjectSaveError, match="更新版本"):
        save_project(report, path)
    assert path.read_text(encoding="utf-8") == content


def test_save_keeps_a_backup_and_leaves_no_temp_files(tmp_path):
    report = parse_project(json.dumps(MINIMAL).encode()).report
    path = tmp_path / "年报.gknb"
    save_project(report, path)
    first = path.read_bytes()
    report.agency = "改过的名称"
    save_project(report, path)
    assert backup_path(path).read_bytes() == first
    assert load_project(path).report.agency == "改过的名称"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.gknb", "年报.gknb.bak"]


def test_save_into_missing_folder_fails_cleanly(tmp_path):
    report = parse_project(json.dumps(MINIMAL).encode()).report
    with pytest.raises(ProjectSaveError, match="文件夹不存在"):
        save_project(report, tmp_path / "nowhere" / "x.gknb")


def test_failed_replace_keeps_the_old_file_and_no_temp(tmp_path):
    """A target that cannot be replaced (here: a folder in its place) leaves everything as it was."""
    report = parse_project(json.dumps(MINIMAL).encode()).report
    target = tmp_path / "x.gknb"
    target.mkdir()
    (target / "keep").write_text("k")
    with pytest.raises(ProjectSaveError, match="无法保存"):
        save_project(report, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.gknb"] and (target / "keep").exists()


def test_committed_schema_is_the_generated_one():
    committed = json.loads((ROOT / "docs" / "project-schema.json").read_text("utf-8"))
    assert committed == project_schema()
    assert set(committed["required"]) >= {"format", "year", "agency"}


SAMPLE_BYTES = SAMPLE.read_bytes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_damage_never_crashes_the_loader(data):
    damaged = bytearray(SAMPLE_BYTES)
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        position = data.draw(st.integers(0, len(damaged) - 1))
        if kind == "flip":
            damaged[position] = data.draw(st.integers(0, 255))
        elif kind == "delete":
            del damaged[position:position + data.draw(st.integers(1, 40))]
        elif kind == "insert":
            damaged[position:position] = data.draw(st.binary(min_size=1, max_size=20))
        else:
            del damaged[position:]
        if not damaged:
            damaged = bytearray(b" ")
    try:
        loaded = parse_project(bytes(damaged), "damaged.gknb")
    except ProjectFileError as error:
        assert str(error).startswith("无法打开项目文件“damaged.gknb”")
    else:
        assert loaded.report.agency


def _structure_problem(tables, spec) -> bool:
    """Whether `tables` breaks the structure a project file must have: an object of known tables,
    each an object of known rows, each an object of known columns holding a number or null."""
    if not isinstance(tables, dict):
        return True
    for table_id, rows in tables.items():
        if not spec.has_table(table_id) or not isinstance(rows, dict):
            return True
        table = spec.table(table_id)
        for row_id, cells in rows.items():
            if row_id not in {r.id for r in table.data_rows} or not isinstance(cells, dict):
                return True
            for column_id, value in cells.items():
                if column_id not in {c.id for c in table.columns}:
                    return True
                if isinstance(value, bool) or not (value is None or isinstance(value, (int, float))):
                    return True
    return False


_KEYS = st.sampled_from(["s3", "new", "carried_in", "natural", "legal_other", "total"]) | st.text(max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(max_size=5),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(_KEYS, children, max_size=4),
                    max_leaves=20))
@example({"s3": {"new": {"natural": 3, "total": 9}, "carried_in": {"legal_other": None}}})
@example({"s3": {"new": {"natural": True}}})
def test_any_json_value_in_tables_is_reported_not_crashed(value):
    """Refused exactly when the structure is wrong, with every problem under tables; otherwise
    loaded with every input cell as written (a number out of limits may still be refused at its cell)."""
    document = dict(MINIMAL, tables=value)
    spec = get_format(MINIMAL["format"])
    try:
        loaded = parse_project(json.dumps(document).encode())
    except ProjectFileError as error:
        assert error.problems and all(p.path.startswith("tables") for p in error.problems), error.problems
        if not _structure_problem(value, spec):  # only a cell's number may be refused
            assert all(p.path.count(".") == 3 for p in error.problems), error.problems
        return
    assert not _structure_problem(value, spec)
    for table_id, rows in value.items():
        for row_id, cells in rows.items():
            for column_id, cell in cells.items():
                if not spec.table(table_id).is_computed(row_id, column_id):
                    assert loaded.report.value(table_id, row_id, column_id) == cell


def test_damaged_json_always_raises_a_chinese_project_file_error():
    """A file that is not JSON at all is refused: the test fails if nothing is raised."""
    with pytest.raises(ProjectFileError) as caught:
        parse_project(b'{"schema_version": 1, "format": ', "damaged.gknb")
    assert str(caught.value).startswith("无法打开项目文件“damaged.gknb”")


def test_saved_file_keeps_usual_permissions(tmp_path):
    """The temporary file is private; the saved report must not be (colleagues open shared reports)."""
    report = parse_project(json.dumps(MINIMAL).encode()).report
    path = tmp_path / "x.gknb"
    save_project(report, path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_current_umask()
    path.chmod(0o640)
    save_project(report, path)
    assert path.stat().st_mode & 0o777 == 0o640


def _current_umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_read_only_file_is_not_replaced(tmp_path):
    report = parse_project(json.dumps(MINIMAL).encode()).report
    path = tmp_path / "只读.gknb"
    save_project(report, path)
    before = path.read_bytes()
    path.chmod(0o444)
    report.agency = "新名称"
    with pytest.raises(ProjectSaveError, match="只读"):
        save_project(report, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["只读.gknb"]
