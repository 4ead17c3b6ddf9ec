"""export_report: final vs draft, unknown formats, and writes that fail without leaving debris."""

from __future__ import annotations

import errno
import os
import pickle
import stat

import pytest

from disclosure_desktop.export import (EXPORTERS, ExportError, ExportRefused, UnsupportedFormat, export_report,
                                       exporter_for)
from disclosure_desktop.export.docx_export import template_bytes

from .conftest import filled_2021, load_sample


def test_clean_report_exports_as_final(tmp_path):
    result = export_report(filled_2021(), tmp_path / "final.docx")
    assert (result.format, result.draft, result.draft_reasons) == ("docx", False, [])
    assert result.path == tmp_path / "final.docx" and result.path.stat().st_size > 5000


def test_errors_refuse_a_final_export_with_chinese_reasons(tmp_path):
    report = filled_2021()
    report.set_value("s3", "carried_out", "natural", report.value("s3", "carried_out", "natural") + 1)  # C1
    report.narrative["s5"] = ""  # C19
    for draft in (None, False):
        with pytest.raises(ExportRefused) as refused:
            export_report(report, tmp_path / "final.docx", draft=draft)
        message = str(refused.value)
        assert "不能导出正式文件" in message and "草稿" in message
        assert {f.rule for f in refused.value.findings} == {"C1", "C19"}
        assert all(f.message in message for f in refused.value.findings)
    assert list(tmp_path.iterdir()) == []


def test_draft_is_allowed_and_says_why(tmp_path):
    report = filled_2021()
    report.narrative["s5"] = ""
    result = export_report(report, tmp_path / "draft.docx", draft=True)
    assert result.draft is True
    assert len(result.draft_reasons) == 1 and "五、存在的主要问题及改进情况" in result.draft_reasons[0]


def test_an_explained_error_no_longer_blocks(tmp_path):
    report = filled_2021()
    report.year = 2020  # a gov-2021 report for 2020: C18, an error that may be explained
    with pytest.raises(ExportRefused):
        export_report(report, tmp_path / "a.docx")
    report.explanations["C18"] = "按上级要求使用新格式。"
    assert export_report(report, tmp_path / "a.docx").draft is False


def test_large_error_lists_are_capped_in_the_message(tmp_path):
    from disclosure_desktop.core.model import new_report

    with pytest.raises(ExportRefused) as refused:
        export_report(new_report(2024, "某县人民政府办公室"), tmp_path / "x.html")
    assert len(refused.value.findings) > 100
    assert "……另有" in str(refused.value) and str(refused.value).count("\n") < 25


@pytest.mark.parametrize("name", ["report.doc", "report", "report.gknb", "report.PDFX"])
def test_unknown_extension(tmp_path, name):
    with pytest.raises(UnsupportedFormat) as error:
        export_report(load_sample(), tmp_path / name)
    assert "不支持导出" in str(error.value) and ".docx" in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_registry_covers_the_four_formats():
    assert set(EXPORTERS) == {".docx", ".pdf", ".html", ".xlsx"}
    assert exporter_for("年报.DOCX").format == "docx"
    assert exporter_for("a/b/年报.xlsx").file_filter == "Excel 工作簿 (*.xlsx)"


def test_exported_files_are_readable_like_any_new_file(tmp_path):
    path = tmp_path / "report.html"
    export_report(load_sample(), path)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    os.chmod(path, 0o640)
    export_report(load_sample(), path)  # replacing keeps the file's own permissions
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# --- failing writes -------------------------------------------------------------------------
def export_unprivileged(report, target) -> str | None:
    """Export and return the ExportError message (None on success).  Root may write anywhere, so
    as root the export runs in a forked child that has dropped to the user `nobody`."""
    template_bytes()  # loaded before any privileges are dropped
    if os.geteuid() != 0:
        try:
            export_report(report, target)
        except ExportError as error:
            return str(error)
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            export_report(report, target)
            outcome = None
        except ExportError as error:
            outcome = str(error)
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            outcome = f"unexpected {error!r}"
        os.write(write, pickle.dumps(outcome))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


@pytest.fixture
def open_folder():
    """A folder under the system temp dir that others may enter (pytest's tmp_path is 0700)."""
    import shutil
    import tempfile
    from pathlib import Path

    base = Path(tempfile.mkdtemp(prefix="export-test-"))
    os.chmod(base, 0o755)
    yield base
    for folder in base.iterdir():
        os.chmod(folder, 0o755)
    shutil.rmtree(base, ignore_errors=True)


def test_readonly_folder_leaves_no_file_and_explains_in_chinese(open_folder):
    folder = open_folder / "只读"
    folder.mkdir()
    (folder / "年报.docx").write_bytes(b"old content")
    os.chmod(folder, 0o555)
    message = export_unprivileged(load_sample(), folder / "年报.docx")
    assert message is not None and not message.startswith("unexpected"), message
    assert "无法导出“年报.docx”" in message and "没有写入权限" in message
    assert sorted(p.name for p in folder.iterdir()) == ["年报.docx"]
    assert (folder / "年报.docx").read_bytes() == b"old content"


def test_folder_that_cannot_be_entered(open_folder):
    locked = open_folder / "锁定"
    locked.mkdir(mode=0o700)
    os.chmod(locked, 0o000)
    message = export_unprivileged(load_sample(), locked / "年报.html")
    assert message is not None and not message.startswith("unexpected"), message
    assert "没有写入权限" in message


def test_missing_folder(tmp_path):
    with pytest.raises(ExportError) as error:
        export_report(load_sample(), tmp_path / "没有这个文件夹" / "年报.xlsx")
    assert "文件夹不存在" in str(error.value)


def test_target_that_is_a_folder(tmp_path):
    (tmp_path / "年报.docx").mkdir()
    with pytest.raises(ExportError) as error:
        export_report(load_sample(), tmp_path / "年报.docx")
    assert "文件夹" in str(error.value)
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


def test_full_disk_leaves_the_old_file(tmp_path, monkeypatch):
    """A full disk cannot be produced here; the failure is injected where the OS reports it."""
    path = tmp_path / "年报.docx"
    path.write_bytes(b"old content")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError) as error:
        export_report(load_sample(), path)
    assert "磁盘空间不足" in str(error.value)
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]
    assert path.read_bytes() == b"old content"
