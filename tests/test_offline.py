"""Proof that the product stays offline: its main paths run with the network taken away, and
nothing even tries to reach it.

Every way Python creates a socket or resolves a name is replaced by a function that records
the attempt and fails; then the sample is opened, edited (through the app session, with undo),
checked, saved, exported in every format, imported back, and shown in the main window
offscreen.  The test asserts that no attempt was recorded, that Qt's network module was never
loaded, and (Linux) that the process holds no internet socket created natively by Qt.  A source
scan asserts that the package imports no network module at all.

The installed .deb gets the same proof from outside, with strace (tests/installer/test_deb.py).
"""

from __future__ import annotations

import _socket
import ast
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desktop.core.checks import blocking_findings, check_report
from disclosure_desktop.export import EXPORTERS, export_report
from disclosure_desktop.io.project_file import load_project, save_project

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "disclosure_desktop"
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"

# Modules through which a program reaches the network.  The package must import none of them.
NETWORK_MODULES = ("socket", "ssl", "urllib.request", "http.client", "http.server", "ftplib", "smtplib",
                   "xmlrpc", "webbrowser", "asyncio", "requests", "urllib3", "httpx", "aiohttp",
                   "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets")
# Of those, the ones no dependency may load either (standard-library modules such as
# urllib.request are imported, unused, by xml.sax.saxutils; asyncio by typing_extensions).
NEVER_LOADED = ("PySide6.QtNetwork", "PySide6.QtWebEngineCore", "requests", "urllib3", "httpx",
                "aiohttp", "webbrowser")

SOCKET_FUNCTIONS = ("socket", "create_connection", "create_server", "getaddrinfo", "gethostbyname",
                    "gethostbyname_ex", "gethostbyaddr", "getnameinfo", "socketpair", "fromfd")


@pytest.fixture
def network_attempts(monkeypatch):
    """Every socket creation or name lookup fails, and is recorded in the returned list."""
    attempts: list[tuple[str, tuple]] = []

    def refusing(name):
        def refuse(*args, **_kwargs):
            attempts.append((name, args[:2]))
            raise OSError(f"测试中禁止联网：{name}")
        return refuse

    for name in SOCKET_FUNCTIONS:
        if hasattr(socket, name):
            monkeypatch.setattr(socket, name, refusing(f"socket.{name}"))
    for name in ("socket", "getaddrinfo", "gethostbyname", "socketpair"):
        if hasattr(_socket, name):
            monkeypatch.setattr(_socket, name, refusing(f"_socket.{name}"))
    return attempts


def test_the_guard_itself_catches_a_connection(network_attempts):
    """The check can fail: a plain connection attempt is refused and recorded."""
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)  # TEST-NET-1: never routed
    assert network_attempts


def _internet_sockets_of_this_process() -> set[str]:
    """Socket inodes this process holds that are TCP/UDP sockets (Linux /proc)."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    internet = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/self/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9 and fields[9] in inodes:
                    internet.add(f"{table}:{fields[9]}")
    return internet


def test_main_paths_make_no_network_attempt(network_attempts, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from disclosure_desktop.app.main import create_application
    from disclosure_desktop.app.shell.main_window import MainWindow
    from disclosure_desktop.app.document.recovery import RecoveryStore
    from disclosure_desktop.app.document.session import ReportSession

    from .app.window_helpers import ScriptedPrompter

    modules_before = set(sys.modules)
    internet_before = _internet_sockets_of_this_process() if sys.platform.startswith("linux") else set()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    project = tmp_path / "年报.gknb"
    shutil.copyfile(SAMPLE, project)

    # Open.
    loaded = load_project(project)
    report = loaded.report

    # Edit through the app session: a cell (undone again, so the report stays exportable) and
    # a narrative paragraph.
    create_application()
    session = ReportSession(report, project, stated_totals=loaded.stated_totals)
    table = report.spec.tables[0]
    row, column = table.input_cells()[0]
    before = session.value(table.id, row.id, column.id)
    session.set_cells(table.id, {(row.id, column.id): (before or 0) + 1})
    assert session.value(table.id, row.id, column.id) == (before or 0) + 1
    session.undo_stack.undo()
    assert session.value(table.id, row.id, column.id) == before
    section = next(s.id for s in report.spec.sections if s.kind == "narrative")
    added = "本年度未发生因政府信息公开工作被追责的情况。"
    session.set_narrative(section, report.narrative[section] + "\n" + added)

    # Check and save.
    findings = check_report(session.report, stated_totals=loaded.stated_totals)
    assert not blocking_findings(findings)
    save_project(session.report, project)
    assert added in load_project(project).report.narrative[section]

    # Export every format there is.
    exported = {}
    for suffix in EXPORTERS:
        exported[suffix] = export_report(session.report, tmp_path / f"年报{suffix}",
                                         stated_totals=loaded.stated_totals).path
        assert exported[suffix].stat().st_size > 1000

    # Import the published forms back (what an office does with last year's report).
    from disclosure_desktop.io.importer import SUPPORTED_SUFFIXES, import_report

    imported = [suffix for suffix in exported if suffix in SUPPORTED_SUFFIXES]
    assert imported, "nothing exported can be imported"
    for suffix in imported:
        assert import_report(exported[suffix]).report.agency == report.agency

    # The main window with the sample, shown offscreen.
    window = MainWindow(recovery_store=RecoveryStore(tmp_path / "recovery"), prompter=ScriptedPrompter())
    try:
        assert window.files.open_path(project, ask_to_save=False)
        window.resize(1280, 760)
        window.show()
        qtbot.waitExposed(window)
        assert window.document.autosave_now() in (True, False)  # the recovery copy is written locally
        qtbot.wait(50)
    finally:
        window.close_without_prompt()
        window.close()
        window.deleteLater()

    assert network_attempts == []
    newly_loaded = set(sys.modules) - modules_before
    assert not newly_loaded & {"PySide6.QtNetwork", "requests", "urllib3", "httpx", "webbrowser"}
    if sys.platform.startswith("linux"):
        assert _internet_sockets_of_this_process() <= internet_before


def _imported_modules(path: Path) -> set[str]:
    """Absolute module names a source file imports (import x.y, from x.y import z, and
    importlib.import_module("x.y") with a literal name)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
    return names


def _is_network_module(name: str) -> bool:
    return any(name == module or name.startswith(module + ".") for module in NETWORK_MODULES)


def test_scan_finds_a_network_import(tmp_path):
    """The scan can fail: a file that imports urllib.request or QtNetwork is caught."""
    sample = tmp_path / "bad.py"
    sample.write_text("import urllib.request\nfrom PySide6.QtNetwork import QNetworkAccessManager\n"
                      "import importlib\nimportlib.import_module('http.client')\n", encoding="utf-8")
    found = {name for name in _imported_modules(sample) if _is_network_module(name)}
    assert {"urllib.request", "PySide6.QtNetwork", "http.client"} <= found


def test_package_source_imports_no_network_module():
    offenders = {}
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    for path in files:
        found = sorted(name for name in _imported_modules(path) if _is_network_module(name))
        text = path.read_text("utf-8")
        if "QtNetwork" in text:
            found.append("QtNetwork (text)")
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}


def test_no_dependency_loads_a_network_client():
    """In a fresh interpreter, importing every module of the package loads neither Qt's
    network module nor any HTTP client library (a test process may have them loaded already)."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import disclosure_desktop\n"
        "for m in pkgutil.walk_packages(disclosure_desktop.__path__, 'disclosure_desktop.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        f"print(sorted(n for n in {NEVER_LOADED!r} if n in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
