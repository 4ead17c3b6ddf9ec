"""How every command fails: exit codes 0/1/2/3, one Chinese line for an internal error with the
log file's path (traceback only with --debug), strict JSON with --json also on failure, quiet
end on a closed pipe, and OS errors told in Chinese."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desktop.cli import output, project_commands
from tests.cli_runner import CHINESE, assert_sound, run

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"
PAGE = ROOT / "tests" / "samples" / "kaizhou-edu-2019.txt"


@pytest.fixture
def crashing_check(monkeypatch, tmp_path):
    """A bug in the checks (the only way to get an internal error from a sound program), with
    the per-user log folder redirected into tmp_path."""
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(project_commands, "check_report", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


def test_internal_error_exits_3_with_one_chinese_line_and_the_log(crashing_check):
    outcome = run("check", SAMPLE)
    assert outcome.code == 3
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and CHINESE.search(lines[0]) and "Traceback" not in outcome.err
    logs = list(crashing_check.rglob("disclosure-desktop-cli.log"))
    assert len(logs) == 1 and str(logs[0]) in lines[0]
    logged = logs[0].read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError: a bug" in logged


def test_internal_error_with_json_is_strict_json(crashing_check):
    outcome = run("check", SAMPLE, "--json")
    assert outcome.code == 3
    payload = outcome.json()
    assert payload["exit_code"] == 3 and "日志文件" in payload["error"]


def test_debug_shows_the_traceback(crashing_check):
    with pytest.raises(RuntimeError, match="a bug"):
        run("--debug", "check", SAMPLE)


def test_usage_error_with_json_is_json(tmp_path):
    outcome = run("export", SAMPLE, "--json")  # -o missing
    assert outcome.code == 2 and outcome.json() == {"error": "命令行参数有误，请用 --help 查看用法。", "exit_code": 2}


@pytest.mark.parametrize("args", [
    ("check", SAMPLE, "--json"), ("export", SAMPLE, "-o", "{tmp}/x.html", "--json"),
    ("export", "{tmp}/missing.gknb", "-o", "{tmp}/x.html", "--json"),
    ("import", "{tmp}/missing.html", "-o", "{tmp}/x.gknb", "--json")])
def test_json_output_is_strict_for_success_and_failure(tmp_path, args):
    outcome = run(*(str(a).format(tmp=tmp_path) for a in args))
    assert_sound(outcome, as_json=True)


def test_new_refuses_what_it_could_not_open_again(tmp_path):
    long_name = assert_sound(run("new", "--year", 2025, "--agency", "某" * 101, "-o", tmp_path / "a.gknb"))
    assert long_name.code == 2 and "机关全称过长" in long_name.err and not (tmp_path / "a.gknb").exists()
    old_year = assert_sound(run("new", "--year", 1900, "--agency", "某局", "-o", tmp_path / "b.gknb"))
    assert old_year.code == 2 and "2008" in old_year.err
    carried_too_far = assert_sound(run("new", "--year", 2101, "--from", SAMPLE, "-o", tmp_path / "c.gknb"))
    assert carried_too_far.code == 2 and "2100" in carried_too_far.err


def _closed_pipe(args: list[str]) -> subprocess.CompletedProcess:
    """Run a command whose reader has already gone (as `| head -1` does after one line)."""
    process = subprocess.Popen([sys.executable, "-m", "disclosure_desktop", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    process.wait(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, "", err)


@pytest.mark.parametrize("args", [["check", str(SAMPLE)], ["check", str(SAMPLE), "--json"], ["schema"],
                                  ["export", str(SAMPLE), "-o", "{tmp}/x.html"], ["new", "--year", "2025", "--agency", "某局", "-o", "{tmp}/n.gknb"],
                                  ["import", str(PAGE), "-o", "{tmp}/i.gknb"]])
def test_closed_pipe_ends_quietly(tmp_path, args):
    result = _closed_pipe([a.format(tmp=tmp_path) for a in args])
    assert result.stderr == "" and result.returncode in (0, 1)


@pytest.mark.parametrize("make_target, reason", [
    (lambda tmp: tmp / "a-file" / "out.docx", "路径中有一部分不是文件夹"),
    (lambda tmp: tmp / ("长" * 200 + ".docx"), "文件名或路径过长"),
    (lambda tmp: tmp / "no-folder" / "out.docx", "文件或文件夹不存在")])
def test_os_errors_of_an_export_are_told_in_chinese(tmp_path, make_target, reason):
    (tmp_path / "a-file").write_text("x")
    target = make_target(tmp_path)
    outcome = assert_sound(run("export", SAMPLE, "-o", target))
    assert outcome.code == 2 and reason in outcome.err and "…（共" in outcome.err or len(target.name) <= 40


def _small_file_limit():
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # Python ignores SIGXFSZ: writes fail with EFBIG


@pytest.mark.parametrize("suffix", ["docx", "html", "xlsx", "pdf"])
def test_file_size_limit_of_the_system_is_told_in_chinese(tmp_path, suffix):
    target = tmp_path / f"out.{suffix}"
    result = subprocess.run([sys.executable, "-m", "disclosure_desktop", "export", str(SAMPLE), "-o", str(target)],
                            preexec_fn=_small_file_limit, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "文件超过了系统允许的大小" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists() and not list(tmp_path.glob("*.tmp"))


def test_text_the_console_cannot_show_is_replaced_not_fatal(monkeypatch):
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="gbk", errors="strict")
    monkeypatch.setattr(sys, "stdout", console)
    output.emit("开州区\ufffd教育委员会 ✓")
    console.flush()
    assert raw.getvalue().decode("gbk") == "开州区?教育委员会 ?\n"


def test_strict_json_turns_non_finite_numbers_into_null(capsys):
    output.emit_json({"value": float("inf"), "text": "a\ud800", "nested": [float("nan")]})
    assert json.loads(capsys.readouterr().out) == {"value": None, "text": "a\ufffd", "nested": [None]}
