"""The real proof of the Linux package: build the .deb, install it with dpkg, use it, remove it.

Selected with `python -m pytest -m deb tests/installer` (see conftest.py).  Builds with
scripts/build-linux.sh from this checkout with the running interpreter (gzip, the fast
compression), unless DISCLOSURE_DEB names a .deb built beforehand.  Needs root for dpkg.
The installed program runs with a throw-away HOME, offscreen, and -- where the kernel allows
-- in a network namespace without any network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from disclosure_desktop.export import EXPORTERS
from disclosure_desktop.io.project_file import load_project

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import app_info  # noqa: E402

pytestmark = pytest.mark.deb

INFO = app_info.load()
APP_DIR = Path("/opt/apps") / INFO.appid
EXECUTABLE = APP_DIR / "files" / INFO.executable
BIN_LINK = Path("/usr/bin") / INFO.executable
SAMPLE_NAME = "kaizhou-edu-2019.gknb"
INSTALLED_SAMPLE = APP_DIR / "files" / "_internal" / "disclosure_desktop" / "resources" / "samples" / SAMPLE_NAME
SOURCE_SAMPLE = ROOT / "resources" / "samples" / SAMPLE_NAME
# Libraries Qt's xcb platform plugin links to: the package must name their packages.
XCB_PACKAGES = ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libegl1", "libgl1",
                "libfontconfig1", "libdbus-1-3")


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)


def _architecture() -> str:
    return _run(["dpkg", "--print-architecture"], check=True).stdout.strip()


@pytest.fixture(scope="module")
def deb_file() -> Path:
    given = os.environ.get("DISCLOSURE_DEB")
    if given:
        return Path(given)
    for tool in ("dpkg-deb", "objdump"):
        if not shutil.which(tool):
            pytest.skip(f"构建 .deb 需要 {tool}")
    started = time.monotonic()
    built = _run(["bash", ROOT / "scripts" / "build-linux.sh", "--python", sys.executable, "--fast"],
                 cwd=ROOT, timeout=1200)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"\n.deb 构建用时 {time.monotonic() - started:.0f} 秒", file=sys.stderr)
    package = ROOT / "dist" / f"{INFO.appid}_{INFO.version}_{_architecture()}.deb"
    assert package.is_file(), built.stdout[-2000:]
    return package


@pytest.fixture(scope="module")
def installed(deb_file):
    if os.geteuid() != 0:
        pytest.skip("dpkg -i 需要 root")
    result = _run(["dpkg", "-i", deb_file])
    if result.returncode != 0:
        # Missing Depends (a bare CI machine without the X libraries): let apt bring them,
        # which is what `apt install ./file.deb` does on a desktop with a package mirror.
        fixed = _run(["apt-get", "install", "-f", "-y", "-q", "--no-install-recommends"],
                     env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        assert fixed.returncode == 0, result.stderr + fixed.stdout[-2000:] + fixed.stderr[-2000:]
    status = _run(["dpkg-query", "-W", "-f=${Status}", INFO.appid]).stdout
    assert status == "install ok installed", result.stdout + result.stderr
    yield APP_DIR
    if _run(["dpkg-query", "-W", "-f=${Status}", INFO.appid]).stdout.startswith("install"):
        _run(["dpkg", "-r", INFO.appid])


@pytest.fixture
def user_env(tmp_path) -> dict:
    """A fresh user: nothing of this machine's settings or recovery files is read or written."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL", "TZ")}
    return {**keep, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CACHE_HOME": str(home / ".cache"),
            "QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8"}


def _offline_prefix() -> list[str]:
    """`unshare --net` runs the program in a namespace with no network at all, where allowed."""
    if shutil.which("unshare") and _run(["unshare", "--net", "true"]).returncode == 0:
        return ["unshare", "--net", "--"]
    return []


def _installed(args, env, timeout=120) -> subprocess.CompletedProcess:
    return _run(_offline_prefix() + [BIN_LINK, *args], env=env, timeout=timeout)


def test_package_is_uos_layout_with_depends_and_no_maintainer_scripts(deb_file):
    control = _run(["dpkg-deb", "-I", deb_file], check=True).stdout
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert script not in control
    depends = re.search(r"^ Depends: (.*)$", control, re.MULTILINE).group(1)
    for package in XCB_PACKAGES:
        assert package in depends
    assert re.search(r"libc6 \(>= 2\.\d+\)", depends)
    listing = _run(["dpkg-deb", "-c", deb_file], check=True).stdout
    for path in (f"opt/apps/{INFO.appid}/info", f"opt/apps/{INFO.appid}/files/{INFO.executable}",
                 f"opt/apps/{INFO.appid}/entries/applications/{INFO.appid}.desktop",
                 f"opt/apps/{INFO.appid}/entries/mime/packages/{INFO.appid}.xml",
                 f"opt/apps/{INFO.appid}/entries/icons/hicolor/scalable/apps/{INFO.appid}.svg",
                 f"opt/apps/{INFO.appid}/entries/icons/hicolor/48x48/apps/{INFO.appid}.png"):
        assert f"./{path}\n" in listing
    assert f"./usr/bin/{INFO.executable} -> {EXECUTABLE}" in listing
    # Nothing of the Qt we do not use is shipped.
    assert "QtWebEngine" not in listing and "libQt6Qml" not in listing and "libQt6Network" not in listing
    assert "qtbase_zh_CN.qm" in listing and "qtbase_de.qm" not in listing


def test_installed_files_describe_the_app(installed):
    info = json.loads((installed / "info").read_text("utf-8"))
    assert info["appid"] == INFO.appid and info["name"] == INFO.title
    assert info["version"].startswith(INFO.version) and info["arch"] == [_architecture()]
    assert not any(info["permissions"].values())
    desktop = (installed / "entries" / "applications" / f"{INFO.appid}.desktop").read_text("utf-8")
    assert f"Name[zh_CN]={INFO.title}\n" in desktop
    assert f"Exec={EXECUTABLE} %f\n" in desktop and f"MimeType={INFO.project_mime_type};" in desktop
    assert BIN_LINK.resolve() == EXECUTABLE and os.access(EXECUTABLE, os.X_OK)
    globs = Path("/usr/share/mime/globs2")
    if globs.exists():  # shared-mime-info's dpkg trigger compiled our MIME package
        assert f"{INFO.project_mime_type}:*{INFO.project_extension}" in globs.read_text("utf-8")


def test_installed_app_shows_its_first_frame(installed, user_env, tmp_path):
    project = tmp_path / SAMPLE_NAME
    shutil.copyfile(INSTALLED_SAMPLE, project)
    result = _installed(["--quit-after-show", project], user_env)
    assert result.returncode == 0, result.stderr
    milliseconds = float(result.stdout.strip().splitlines()[-1])
    assert milliseconds > 0
    assert project.read_bytes() == SOURCE_SAMPLE.read_bytes()  # opening changed nothing


def test_installed_cli_checks_the_bundled_sample(installed, user_env):
    report = load_project(SOURCE_SAMPLE).report
    result = _installed(["check", INSTALLED_SAMPLE], user_env)
    assert result.returncode == 0, result.stderr
    assert report.title in result.stdout
    assert "0 个错误" in result.stdout


def _text_of(path: Path) -> str:
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace")
                           for name in archive.namelist() if name.endswith(".xml"))
    if path.suffix == ".pdf":
        assert path.read_bytes().startswith(b"%PDF")
        if not shutil.which("pdftotext"):
            pytest.skip("没有 pdftotext，无法读出 PDF 文字（文件已生成）")
        return _run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True).stdout
    return path.read_text("utf-8")


@pytest.mark.parametrize("suffix", sorted(EXPORTERS))
def test_installed_cli_exports_the_bundled_sample(installed, user_env, tmp_path, suffix):
    agency = load_project(SOURCE_SAMPLE).report.agency
    out = tmp_path / f"年报{suffix}"
    result = _installed(["export", INSTALLED_SAMPLE, "-o", out], user_env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.stat().st_size > 1000
    assert agency in re.sub(r"\s+", "", _text_of(out))


def test_installed_app_opens_no_internet_socket(installed, user_env, tmp_path):
    """strace records every socket the installed program creates while it starts the window
    and exports: only local (AF_UNIX) sockets may appear, never AF_INET/AF_INET6."""
    if not shutil.which("strace"):
        pytest.skip("没有 strace")
    project = tmp_path / SAMPLE_NAME
    shutil.copyfile(INSTALLED_SAMPLE, project)
    trace = tmp_path / "trace.txt"

    def traced(*command) -> str:
        result = _run(["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto", "-o", trace, *command],
                      env=user_env, timeout=300)
        assert result.returncode == 0, result.stderr
        return trace.read_text("utf-8", "replace")

    # The check itself can fail: a program that does open an internet socket is caught.
    assert "AF_INET" in traced(sys.executable, "-c", "import socket; socket.socket().close()")
    for args in (["--quit-after-show", project], ["export", project, "-o", tmp_path / "年报.pdf"]):
        calls = traced(BIN_LINK, *args)
        assert "AF_INET" not in calls, calls


def test_removal_leaves_nothing_behind(installed):
    result = _run(["dpkg", "-r", INFO.appid])
    assert result.returncode == 0, result.stderr
    assert not APP_DIR.exists() and not BIN_LINK.is_symlink()
    assert not Path(f"/usr/share/applications/{INFO.appid}.desktop").is_symlink()
    globs = Path("/usr/share/mime/globs2")
    if globs.exists():
        assert f"*{INFO.project_extension}" not in globs.read_text("utf-8")
