"""Sources that are no report, or no readable file at all: a clear Chinese message, exit 2, no
output written, no traceback."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.io.importer import MAX_SOURCE_BYTES, ImportRefused, import_report
from disclosure_desktop.io.importer.docx_reader import MAX_UNCOMPRESSED_BYTES
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page

FIXTURES = Path(__file__).parent / "import_fixtures"


def refused(path: Path, reason: str) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_report(path)
    assert caught.value.reason == reason, str(caught.value)
    message = str(caught.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)  # Chinese, for the user
    return message


def cli_refuses(tmp_path: Path, path: Path, capsys) -> str:
    out = tmp_path / "out.gknb"
    assert main(["import", str(path), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert not out.exists()
    assert "Traceback" not in captured.err
    return captured.err


def test_a_page_that_is_no_annual_report(tmp_path, capsys):
    path = FIXTURES / "news-page.html"
    assert "不是政府信息公开工作年度报告" in refused(path, "not_a_report")
    assert "不是政府信息公开工作年度报告" in cli_refuses(tmp_path, path, capsys)


def test_a_word_file_that_is_no_annual_report(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于召开2022年度工作会议的通知")
    document.add_paragraph("一、总体情况")  # one title alone does not make a report
    path = tmp_path / "notice.docx"
    document.save(str(path))
    refused(path, "not_a_report")


@pytest.mark.parametrize("content", [b"", b"   \r\n\n\t ", b"\xef\xbb\xbf\n"], ids=["empty", "whitespace", "bom-only"])
def test_empty_files(tmp_path, capsys, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "空的" in refused(path, "empty")
    assert "空的" in cli_refuses(tmp_path, path, capsys)


def test_empty_page(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><div> </div></body></html>", encoding="utf-8")
    assert "空的" in refused(path, "empty")  # markup without any text


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert "二进制" in refused(path, "binary")
    cli_refuses(tmp_path, path, capsys)


def test_file_over_the_page_limit_is_refused_unread(tmp_path, capsys):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: nothing is really written or read
        handle.truncate(MAX_SOURCE_BYTES + 1)
    assert "文件过大" in refused(path, "too_large")
    assert "上限8 MB" in cli_refuses(tmp_path, path, capsys)


def test_missing_file_and_folder(tmp_path, capsys):
    refused(tmp_path / "nowhere.html", "missing")
    assert "找不到文件" in cli_refuses(tmp_path, tmp_path / "nowhere.html", capsys)
    refused(tmp_path, "missing")


# --- Word files that are not what they claim ----------------------------------------------------
def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _claim_size(data: bytes, name: str, size: int) -> bytes:
    """Make the zip directory claim `size` uncompressed bytes for `name` (what a bomb does)."""
    data = bytearray(data)
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + name_length].decode() == name:
            struct.pack_into("<I", data, position + 24, size)
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)


@pytest.fixture()
def no_python_docx(monkeypatch):
    """python-docx must never see a refused package (that is the point of checking first)."""
    import docx

    def fail(*args, **kwargs):
        raise AssertionError("python-docx opened a package that should have been refused")

    monkeypatch.setattr(docx, "Document", fail)


@pytest.fixture(scope="module")
def real_docx(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("docx") / "real.docx"
    docx_copy(distinct_report("gov-2021"), path)
    return path.read_bytes()


def test_zip_bomb_by_directory_size(tmp_path, capsys, real_docx, no_python_docx):
    bomb = _claim_size(real_docx, "word/document.xml", MAX_UNCOMPRESSED_BYTES + 1)
    assert bomb != real_docx
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert "压缩炸弹" in refused(path, "zip_bomb")
    assert "压缩炸弹" in cli_refuses(tmp_path, path, capsys)


def test_zip_bomb_by_compression_ratio(tmp_path, no_python_docx):
    path = tmp_path / "ratio.docx"
    path.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)}))
    assert path.stat().st_size < 100_000
    assert "压缩比异常" in refused(path, "zip_bomb")


def test_zip_with_too_many_parts(tmp_path, no_python_docx):
    path = tmp_path / "parts.docx"
    path.write_bytes(_zip({f"word/media/{n}.xml": b"x" for n in range(5001)}))
    refused(path, "zip_bomb")


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04" + b"\x00garbage" * 50, "bad_docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old_doc"),
    (b"this is not a word file at all", "bad_docx"),
], ids=["broken-zip", "old-doc", "text-named-docx"])
def test_broken_word_files(tmp_path, capsys, content, reason):
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    message = refused(path, reason)
    if reason == "old_doc":
        assert "另存为 .docx" in message
    cli_refuses(tmp_path, path, capsys)


def test_workbook_named_docx(tmp_path):
    import openpyxl

    path = tmp_path / "tables.docx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "二、主动公开政府信息情况"
    workbook.save(str(path))
    assert "不是 Word 文档" in refused(path, "bad_docx")


def test_zip_without_a_document(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(_zip({"hello.txt": b"hi"}))
    refused(path, "bad_docx")


# --- pages that are hostile or strange, but still a report ----------------------------------------
def test_deeply_nested_page_does_not_overflow(tmp_path):
    report = distinct_report("gov-2019")
    page = html_page(report)
    page = page.replace('<div class="article">', "<div>" * 20000 + '<div class="article">')
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    result = import_report(path)  # no RecursionError; what was too deep is read as flat text
    assert result.report.year == 2019


def test_deeply_nested_tables_do_not_overflow(tmp_path):
    path = tmp_path / "tables.html"
    path.write_text("<table><tr><td>x</td><td>" * 5000 + "一、总体情况" + "</td></tr></table>" * 5000, encoding="utf-8")
    refused(path, "not_a_report")  # one title is no report, and no RecursionError on the way


def test_page_that_never_closes_head(tmp_path):
    report = distinct_report("gov-2021")
    page = html_page(report).replace("</head>", "")
    path = tmp_path / "open-head.html"
    path.write_text(page, encoding="utf-8")
    assert import_report(path).unread == []


def test_page_with_invalid_bytes_is_read_and_the_loss_noted(tmp_path):
    report = distinct_report("gov-2021")
    data = html_page(report).encode("utf-8")
    data = data.replace("一、总体情况".encode("utf-8"), "一、总体情况".encode("utf-8") + b"\xff\xfe\xfa")
    path = tmp_path / "invalid.html"
    path.write_bytes(data)
    result = import_report(path)
    assert result.unread == []
    assert any("无法解码" in note for note in result.notes)
