"""The command line: new, check (exit codes, --json), schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.io.project_file import load_project, save_project

from .core.conftest import complete_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_sample(capsys):
    code, out, _ = run(capsys, "check", SAMPLE)
    assert code == 0
    assert "重庆市开州区教育委员会2019年政府信息公开工作年度报告" in out and "可以导出正式版" in out


def test_check_json_lists_findings_with_addresses(capsys, tmp_path):
    report = complete_report(2022)
    report.set_value("s3", "public", "natural", 9)
    path = tmp_path / "r.gknb"
    save_project(report, path)
    code, out, _ = run(capsys, "check", path, "--json")
    assert code == 1
    findings = json.loads(out)["findings"]
    c1 = [f for f in findings if f["rule"] == "C1"]
    assert {f["column"] for f in c1} == {"natural", "total"}
    assert set(c1[0]) >= {"rule", "severity", "table", "row", "column", "expected", "actual", "message"}
    assert c1[0]["severity"] == "error" and c1[0]["table"] == "s3"


def test_check_with_previous_year(capsys, tmp_path):
    last, this = complete_report(2021), complete_report(2022)
    save_project(last, tmp_path / "2021.gknb")
    save_project(this, tmp_path / "2022.gknb")
    code, out, _ = run(capsys, "check", tmp_path / "2022.gknb", "--previous", tmp_path / "2021.gknb", "--json")
    assert code == 0  # C10 is a warning
    # last year's carried-out (2) differs from this year's carried-in (1); the texts are the same
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["C10", "C21", "C21"]


def test_check_unreadable_or_invalid_file_exits_2(capsys, tmp_path):
    broken = tmp_path / "坏.gknb"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "check", broken)
    assert code == 2 and "坏.gknb" in err
    code, _, err = run(capsys, "check", tmp_path / "none.gknb")
    assert code == 2 and "不存在" in err


def test_new_and_new_from_last_year(capsys, tmp_path):
    target = tmp_path / "2025.gknb"
    code, out, _ = run(capsys, "new", "--year", 2025, "--agency", "某县教育局", "-o", target)
    assert code == 0 and "gov-2021" in out
    report = load_project(target).report
    assert (report.year, report.agency, report.format) == (2025, "某县教育局", "gov-2021")
    code, _, err = run(capsys, "new", "--year", 2025, "--agency", "某县教育局", "-o", target)
    assert code == 2 and "已存在" in err

    code, out, _ = run(capsys, "new", "--year", 2020, "--from", SAMPLE, "-o", tmp_path / "2020.gknb")
    assert code == 0
    carried = load_project(tmp_path / "2020.gknb").report
    assert carried.agency == "重庆市开州区教育委员会" and carried.previous.year == 2019


def test_new_with_other_format_is_a_c18_error(capsys, tmp_path):
    target = tmp_path / "x.gknb"
    assert run(capsys, "new", "--year", 2022, "--agency", "某局", "--format", "gov-2019", "-o", target)[0] == 0
    code, out, _ = run(capsys, "check", target, "--json")
    assert code == 1 and "C18" in {f["rule"] for f in json.loads(out)["findings"]}


def test_schema_prints_the_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["properties"]["format"]["enum"] == ["gov-2019", "gov-2021"]


def test_usage_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err


def test_console_entry_point_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "disclosure_desktop", "check", str(SAMPLE)],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "可以导出正式版" in result.stdout


def test_command_table_matches_what_the_modules_register():
    from disclosure_desktop.cli import COMMANDS, build_parser

    def registered(parser):
        return set(parser._subparsers._group_actions[0].choices)

    assert registered(build_parser()) == set(COMMANDS)
    for command, module in COMMANDS.items():
        assert registered(build_parser(command)) == {c for c, m in COMMANDS.items() if m == module}


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in ("new", "check", "schema", "export", "import"))
