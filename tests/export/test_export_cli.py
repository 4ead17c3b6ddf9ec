"""`disclosure-desktop export`: exit codes 0 / 1 / 2, Chinese messages, --draft, --json."""

from __future__ import annotations

import json

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.io.project_file import save_project

from .conftest import SAMPLE, filled_2021


def run(argv: list[str]) -> int:
    return main(argv)


@pytest.fixture
def broken_project(tmp_path):
    report = filled_2021()
    report.set_value("s3", "carried_out", "natural", 0)  # C1 no longer balances
    path = tmp_path / "有错误.gknb"
    save_project(report, path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".html", ".xlsx"])
def test_exports_the_sample(tmp_path, capsys, suffix):
    out = tmp_path / f"年报{suffix}"
    assert run(["export", str(SAMPLE), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000
    assert f"已导出正式版：{out}" in capsys.readouterr().out


def test_errors_exit_1_and_suggest_draft(tmp_path, capsys, broken_project):
    out = tmp_path / "年报.docx"
    assert run(["export", str(broken_project), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "不能导出正式文件" in err and "--draft" in err and "自然人" in err
    assert not out.exists()
    assert run(["export", str(broken_project), "-o", str(out), "--draft"]) == 0
    printed = capsys.readouterr().out
    assert "已导出草稿" in printed and "草稿原因" in printed
    assert out.exists()


def test_json_output(tmp_path, capsys, broken_project):
    out = tmp_path / "年报.html"
    assert run(["export", str(broken_project), "-o", str(out), "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["refused"] is True and {f["rule"] for f in refused["findings"]} == {"C1"}
    assert run(["export", str(broken_project), "-o", str(out), "--json", "--draft"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["draft"] is True and result["format"] == "html" and result["path"] == str(out)
    assert len(result["draft_reasons"]) == 2  # 自然人 and 总计 columns


def test_bad_input_exits_2(tmp_path, capsys):
    assert run(["export", str(tmp_path / "没有.gknb"), "-o", str(tmp_path / "a.docx")]) == 2
    assert "文件不存在" in capsys.readouterr().err
    assert run(["export", str(SAMPLE), "-o", str(tmp_path / "a.doc")]) == 2
    assert "不支持导出" in capsys.readouterr().err
    assert run(["export", str(SAMPLE), "-o", str(tmp_path / "没有" / "a.docx")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    corrupt = tmp_path / "坏.gknb"
    corrupt.write_text("{不是JSON", encoding="utf-8")
    assert run(["export", str(corrupt), "-o", str(tmp_path / "a.docx"), "--json"]) == 2
    assert "无法打开项目文件" in json.loads(capsys.readouterr().out)["error"]
    assert not any(p.suffix == ".docx" for p in tmp_path.iterdir())
