"""The hostile project files of issue 15, each reproduced on its own: every one is refused with
a clear Chinese message (exit 2) or cleaned on load with a notice, and no exporter ever sees
what it cannot write."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from disclosure_desktop.core import limits
from disclosure_desktop.io.project_file import (ProjectFileError, ProjectSaveError, backup_path, load_project,
                                               parse_project, save_project)
from tests.cli_runner import assert_sound, run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"
SAMPLE_DOC = json.loads(SAMPLE.read_text("utf-8"))
EXPORTS = ("docx", "html", "xlsx", "pdf")


def project(tmp_path: Path, changes: dict | None = None, *, raw: bytes | None = None, name: str = "r") -> Path:
    """The sample with `changes` (dotted path → value), written as JSON with \\u escapes, the
    way the reproducers wrote lone surrogates."""
    path = tmp_path / f"{name}.gknb"
    if raw is None:
        document = copy.deepcopy(SAMPLE_DOC)
        for where, value in (changes or {}).items():
            *parents, last = where.split(".")
            node = document
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = value
        raw = json.dumps(document).encode("ascii")
    path.write_bytes(raw)
    return path


def sample_bytes_with(old: bytes, new: bytes) -> bytes:
    data = SAMPLE.read_bytes()
    assert old in data
    return data.replace(old, new, 1)


def check_and_export_all(tmp_path: Path, path: Path) -> list:
    outcomes = [assert_sound(run("check", path, "--json"), as_json=True)]
    for suffix in EXPORTS:
        output = tmp_path / f"out.{suffix}"
        outcomes.append(assert_sound(run("export", path, "-o", output, "--draft"), output=output))
    return outcomes


@pytest.mark.parametrize("where", ["narrative.s1", "front.contact", "front.signatory", "agency"])
def test_lone_surrogate_in_text_is_replaced_visibly_and_every_export_works(tmp_path, where):
    path = project(tmp_path, {where: "开州区\ud800教育委员会"})
    loaded = load_project(path)
    shown = loaded.report.model_dump()
    node = shown
    for part in where.split("."):
        node = node[part]
    assert node == "开州区\ufffd教育委员会"
    assert any(where in notice and "\ufffd" in notice for notice in loaded.notices)
    outcomes = check_and_export_all(tmp_path, path)
    assert [o.code for o in outcomes[1:]] == [0, 0, 0, 0]
    assert (tmp_path / "out.html").read_text("utf-8").count("开州区\ufffd教育委员会") >= 1


def test_lone_surrogate_in_format_or_key_gives_strict_json(tmp_path):
    bad_format = assert_sound(run("check", project(tmp_path, {"format": "\udc80"}), "--json"), as_json=True)
    assert bad_format.code == 2 and "format" in bad_format.json()["error"]
    bad_key = assert_sound(run("check", project(tmp_path, {"explanations": {"\ud800C20": "说明"}}, name="k"), "--json"),
                           as_json=True)
    assert bad_key.code in (0, 1)
    assert any("explanations" in notice for notice in bad_key.json()["notices"])


def test_control_characters_are_removed_with_a_notice(tmp_path):
    path = project(tmp_path, {"narrative.s5": "第一段\x00\x01\x0b第二段"})
    loaded = load_project(path)
    assert loaded.report.narrative["s5"] == "第一段第二段"
    assert any("narrative.s5" in notice for notice in loaded.notices)


@pytest.mark.parametrize("agency", ["某" * 239, "某" * 235])
def test_overlong_agency_is_refused_before_docx(tmp_path, agency):
    path = project(tmp_path, {"agency": agency})
    for outcome in check_and_export_all(tmp_path, path):
        assert outcome.code == 2
        assert f"机关全称过长（{len(agency)}字，上限100字）" in outcome.message


def test_agency_at_the_limit_exports_everywhere(tmp_path):
    path = project(tmp_path, {"agency": "某" * 100, "front.signatory": "某" * 100})
    assert [o.code for o in check_and_export_all(tmp_path, path)[1:]] == [0, 0, 0, 0]


def test_ten_million_character_narrative_is_refused(tmp_path):
    path = project(tmp_path, {"narrative.s1": "字" * 10_000_001})
    outcome = assert_sound(run("export", path, "-o", tmp_path / "x.docx"), output=tmp_path / "x.docx")
    assert outcome.code == 2
    assert "文件过大" in outcome.message  # 30 MB of UTF-8: refused before it is read


def test_narrative_over_the_section_limit_is_refused_with_its_path(tmp_path):
    path = project(tmp_path, {"narrative.s1": "字" * 100_001})
    outcome = assert_sound(run("check", path))
    assert outcome.code == 2 and "narrative.s1：正文过长（100001字，上限100000字）" in outcome.message


def test_too_many_lines_in_a_section_are_refused(tmp_path):
    path = project(tmp_path, {"narrative.s6": "（一）\n" * 400})
    outcome = assert_sound(run("export", path, "-o", tmp_path / "x.pdf", "--draft"), output=tmp_path / "x.pdf")
    assert outcome.code == 2 and "行数过多" in outcome.message


def test_integer_of_320_digits_is_refused_before_xlsx(tmp_path):
    path = project(tmp_path, raw=sample_bytes_with(b'"natural": 0', b'"natural": ' + b"9" * 320))
    for outcome in check_and_export_all(tmp_path, path):
        assert outcome.code == 2 and "tables.s3.new.natural：数字位数过多（320位）" in outcome.message


def test_count_of_ten_digits_is_refused(tmp_path):
    path = project(tmp_path, raw=sample_bytes_with(b'"natural": 0', b'"natural": 1234567890'))
    outcome = assert_sound(run("check", path))
    assert outcome.code == 2 and "超过9位数字" in outcome.message


@pytest.mark.parametrize("number", [b"1e309", b"-1e309", b"1e400"])
def test_infinite_number_is_refused_and_json_stays_strict(tmp_path, number):
    path = project(tmp_path, raw=sample_bytes_with(b'"natural": 0', b'"natural": ' + number))
    outcome = assert_sound(run("check", path, "--json"), as_json=True)
    assert outcome.code == 2 and "不是有限的数值" in outcome.json()["error"]


def test_nan_and_infinity_literals_are_refused(tmp_path):
    for literal in (b"NaN", b"Infinity"):
        outcome = assert_sound(run("check", project(tmp_path, raw=sample_bytes_with(b'"natural": 0', b'"natural": ' + literal)),
                                   "--json"), as_json=True)
        assert outcome.code == 2


def test_count_with_4300_leading_zeros_is_told_in_chinese(tmp_path):
    path = project(tmp_path, raw=sample_bytes_with(b'"natural": 0', b'"natural": -0' + b"0" * 4400 + b"1"))
    outcome = assert_sound(run("check", path))
    assert outcome.code == 2


@pytest.mark.parametrize("depth", [17, 999, 100_000])
def test_deep_nesting_is_refused_before_parsing(tmp_path, depth):
    path = project(tmp_path, raw=b'{"tables": ' + b"[" * depth + b"]" * depth + b"}")
    outcome = assert_sound(run("check", path))
    assert outcome.code == 2 and f"嵌套超过{limits.JSON_DEPTH}层" in outcome.message


def test_nesting_inside_strings_does_not_count(tmp_path):
    path = project(tmp_path, {"narrative.s6": "[" * 1000 + "{" * 1000})
    assert assert_sound(run("check", path)).code in (0, 1)


def test_double_byte_order_mark_opens(tmp_path):
    path = project(tmp_path, raw=b"\xef\xbb\xbf\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert assert_sound(run("check", path)).code == 0


def test_wrong_literal_is_explained_in_chinese(tmp_path):
    outcome = assert_sound(run("check", project(tmp_path, {"front.agency_kind": "部门"})))
    assert "front.agency_kind：应为 department 或 government之一" in outcome.message


def test_huge_keys_and_values_are_quoted_at_most_40_characters(tmp_path):
    bad_format = assert_sound(run("check", project(tmp_path, {"format": "格" * 150})))
    assert bad_format.code == 2 and "格" * 41 not in bad_format.message and "…（共150字）" in bad_format.message
    key = "键" * 100
    bad_keys = assert_sound(run("check", project(tmp_path, {f"tables.{key}": {}, f"narrative.{'x' * 99}": "正文"})))
    assert bad_keys.code == 2 and key not in bad_keys.message
    assert "…（共100字）" in bad_keys.message and "…（共99字）" in bad_keys.message


def test_a_mebibyte_key_is_refused_without_repeating_it(tmp_path):
    path = project(tmp_path, {f"explanations.{'k' * 1024 * 1024}": "说明"})
    outcome = assert_sound(run("check", path, "--json"), as_json=True)
    assert outcome.code == 2 and len(outcome.out) < 2000 and "键名过长" in outcome.out


def test_thousands_of_problems_are_listed_briefly(tmp_path):
    rows = {f"row{i}": {} for i in range(1500)}
    outcome = assert_sound(run("check", project(tmp_path, {"tables.s3": rows})))
    assert outcome.code == 2 and "另有1480处问题" in outcome.message


def test_too_many_entries_are_refused(tmp_path):
    explanations = {f"C{i}": "说明" for i in range(limits.OBJECT_ENTRIES + 1)}
    outcome = assert_sound(run("check", project(tmp_path, {"explanations": explanations})))
    assert outcome.code == 2 and "项目过多" in outcome.message


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.gknb"
    with path.open("wb") as handle:  # sparse: nothing is really written or read
        handle.truncate(limits.PROJECT_FILE_BYTES + 1)
    with pytest.raises(ProjectFileError, match="文件过大"):
        load_project(path)


def test_parse_project_cleans_what_load_project_cleans():
    data = json.dumps({**SAMPLE_DOC, "front": {**SAMPLE_DOC["front"], "contact": "电话\ud83d"}}).encode()
    assert parse_project(data).report.front.contact == "电话\ufffd"


def test_saving_cleans_unfit_characters_so_the_file_opens_again(tmp_path):
    report = load_project(SAMPLE).report
    report.narrative["s1"] = "开州区\ud800教育\x0b委员会\ufeff"
    save_project(report, tmp_path / "r.gknb")
    reopened = load_project(tmp_path / "r.gknb")
    assert reopened.report.narrative["s1"] == "开州区\ufffd教育委员会" and reopened.notices == []


def test_saving_a_report_over_the_limits_is_refused_and_keeps_the_old_file(tmp_path):
    path = tmp_path / "r.gknb"
    report = load_project(SAMPLE).report
    save_project(report, path)
    before = path.read_bytes()
    report.narrative["s5"] = "第一行\n" * (limits.NARRATIVE_LINES + 1)
    with pytest.raises(ProjectSaveError, match=r"narrative\.s5：正文行数过多（302行，上限300行）.*原有文件没有改动"):
        save_project(report, path)
    assert path.read_bytes() == before and not backup_path(path).exists()


@pytest.mark.parametrize("text, deeper", [
    ("[" * 16 + "]" * 16, False), ("[" * 17 + "]" * 17, True),
    ('{"a": "\\" [[[[[[[[[[[[[[[[[[[[ \\\\", "b": 1}', False),     # brackets inside strings, escaped quotes
    ('{"a": "\\\\"' + ", [" * 17 + "]" * 17 + "}", True),          # a string ending in a backslash
    ('"unterminated [[[[[[[[[[[[[[[[[[[[[[', True)])              # no string: every bracket counts
def test_depth_is_counted_outside_strings_only(text, deeper):
    assert limits.json_depth_exceeds(text) is deeper
