"""The hostile imports of issue 15, each on its own: no traceback, a Chinese message, exit 0/1/2,
and a project file only when it can be opened again."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_desktop.core import limits
from disclosure_desktop.io.importer import ImportRefused, import_report
from disclosure_desktop.io.project_file import load_project
from tests.cli_runner import assert_sound, run
from tests.largest_inputs import inflated_docx, word_table
from tests.io.import_fixtures.builders import distinct_report, html_page, text_copy

REPORT = distinct_report("gov-2021")


def imported(tmp_path: Path, name: str, data: bytes, *extra: str):
    source, output = tmp_path / name, tmp_path / "out.gknb"
    source.write_bytes(data)
    outcome = assert_sound(run("import", source, "-o", output, "--json", *extra), as_json=True, output=output, refused=(2,))
    if outcome.code != 2:
        load_project(output)  # what import writes always opens again
    return outcome


def test_amount_of_27_digits_in_yuan_is_an_unread_cell(tmp_path):
    page = html_page(REPORT, printed={"s2_item8": {"fees": {"amount_wan": "1" * 27 + "元"}}})
    outcome = imported(tmp_path, "page.html", page.encode("utf-8"))
    assert outcome.code == 1
    unread = [cell for cell in outcome.json()["unread"] if "s2_item8" in str(cell)]
    assert unread and "数值过大" in str(unread)


def test_count_with_4300_leading_zeros_is_read_as_its_number(tmp_path):
    page = html_page(REPORT, printed={"s3": {"new": {"natural": "0" * 4400 + "7"}}})
    outcome = imported(tmp_path, "page.html", page.encode("utf-8"))
    assert outcome.code in (0, 1)
    assert load_project(tmp_path / "out.gknb").report.value("s3", "new", "natural") == 7


def test_fee_notices_with_thousands_of_digits_do_not_crash(tmp_path):
    text = text_copy(REPORT).replace("发出收费通知2件", "发出收费通知" + "0" * 4400 + "2件")
    assert imported(tmp_path, "copy.txt", text.encode("utf-8")).code in (0, 1)


def _declaring(charset: str, encoding: str) -> bytes:
    page = html_page(REPORT)
    page = page.replace("<head>", f'<head><meta http-equiv="Content-Type" content="text/html; charset={charset}">', 1)
    assert f"charset={charset}" in page
    return page.encode(encoding)


@pytest.mark.parametrize("charset, encoding", [("undefined", "utf-8"), ("undefined", "gb18030"),
                                               ("latin-1", "gb18030"), ("iso-8859-1", "gbk"),
                                               ("windows-1252", "gb18030")])
def test_a_wrong_charset_declaration_is_decoded_by_detection(tmp_path, charset, encoding):
    outcome = imported(tmp_path, "page.html", _declaring(charset, encoding))
    assert outcome.code == 0, outcome.json()
    assert load_project(tmp_path / "out.gknb").report.agency == REPORT.agency


def test_a_page_of_too_many_tags_is_refused_before_parsing(tmp_path):
    page = html_page(REPORT).replace("</body>", "<i></i>" * (limits.IMPORT_PAGE_TAGS // 2 + 1) + "</body>")
    outcome = imported(tmp_path, "page.html", page.encode("utf-8"))
    assert outcome.code == 2 and "标签" in outcome.json()["error"]


def test_a_text_of_too_many_lines_is_refused_before_parsing(tmp_path):
    text = text_copy(REPORT) + "\n1" * (limits.IMPORT_TEXT_LINES + 1)
    outcome = imported(tmp_path, "copy.txt", text.encode("utf-8"))
    assert outcome.code == 2 and "行（上限" in outcome.json()["error"]


def test_a_narrative_over_the_limits_is_not_written(tmp_path):
    text = text_copy(REPORT).replace("本机关无其他需要报告的事项。", "本机关依法公开。\n" * (limits.NARRATIVE_LINES + 5))
    outcome = imported(tmp_path, "copy.txt", text.encode("utf-8"))
    assert outcome.code == 2 and "读出的内容超出项目文件的限制" in outcome.json()["error"] and "行数过多" in outcome.json()["error"]


def test_lone_surrogates_of_a_utf16_file_are_cleaned_with_a_note(tmp_path):
    text = text_copy(REPORT).replace("本机关无其他需要报告的事项。", "本机关无其他\ud800需要报告的事项。")
    source = tmp_path / "copy.txt"
    source.write_bytes(b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass"))
    result = import_report(source)
    assert "\ud800" not in str(result.report.model_dump())
    assert any("无法解码" in note for note in result.notes)
    assert "本机关无其他\ufffd需要报告的事项。" in result.report.narrative["s6"]


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"\x00" * 100, b"PK\x03\x04garbage" * 50])
def test_a_broken_word_file_is_told_without_python_words(tmp_path, data):
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    with pytest.raises(ImportRefused) as refused:
        import_report(source)
    assert "BadZipFile" not in str(refused.value) and "Error" not in str(refused.value)


def test_a_word_file_of_too_many_tags_is_refused_before_reading(tmp_path):
    source = inflated_docx(tmp_path, "report.docx", word_table(limits.IMPORT_DOCX_TAGS // 160))
    with pytest.raises(ImportRefused, match=f"超过{limits.IMPORT_DOCX_TAGS}个标记") as refused:
        import_report(source)
    assert refused.value.reason == "too_large"
