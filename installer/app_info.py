"""What the installers say about the application: one place for names, ids and the version.

Read by the PyInstaller spec, the .deb builder and (through a generated include file) the
Inno Setup script, so the version comes from pyproject.toml and the Chinese title and the
project file extension come from the application's own code, never typed twice.
"""

from __future__ import annotations

import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Reverse-domain id of the 统信UOS layout (/opt/apps/<appid>/) and the Debian package name.
# It must be a valid Debian package name (lower case, digits, '.', '-', '+') AND a valid
# D-Bus / desktop-file id (no '-'), so the two words are joined without a separator.
# The UOS store asks for a domain the publisher owns: an office that publishes this under
# its own domain changes this one line.
APPID = "cn.disclosuredesktop.editor"

# The executables in the bundle. On Windows a second, console executable carries the
# command line (a GUI executable has no stdout there); on Linux one executable does both.
EXECUTABLE = "disclosure-desktop"
CLI_EXECUTABLE_WINDOWS = "disclosure-desktop-cli"

# The project file's MIME type: not registered with IANA, so the x- tree; it is JSON inside.
PROJECT_MIME_TYPE = "application/x-gknb"
PROJECT_MIME_PARENT = "application/json"

PUBLISHER = "Disclosure Desktop"
HOMEPAGE = ""  # offline product: no web address is shown anywhere


@dataclass(frozen=True)
class AppInfo:
    appid: str
    executable: str
    cli_executable_windows: str
    version: str            # 0.1.0 (pyproject)
    version_tuple: tuple    # (0, 1, 0, 0) for Windows version resources and the UOS info file
    title: str              # 政府信息公开年报编制助手
    generic_name: str       # English name shown where Chinese is not available
    description: str        # pyproject description (Chinese)
    project_extension: str  # .gknb
    project_description: str  # 政府信息公开年报项目
    project_mime_type: str
    project_mime_parent: str
    publisher: str

    def as_dict(self) -> dict:
        return asdict(self)


def _pyproject_field(name: str) -> str:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    match = re.search(rf'^{name}\s*=\s*"([^"]*)"', text, re.MULTILINE)
    if not match:
        raise RuntimeError(f"pyproject.toml 中没有 {name} 字段")
    return match.group(1)


def _import_from_checkout():
    """The application's constants, imported from this checkout's src/ (not an installed copy)."""
    source = str(ROOT / "src")
    if source not in sys.path:
        sys.path.insert(0, source)
    from disclosure_desktop.app.shell.settings import APPLICATION_TITLE
    from disclosure_desktop.io.project_file import PROJECT_EXTENSION, PROJECT_FILTER
    return APPLICATION_TITLE, PROJECT_EXTENSION, PROJECT_FILTER


def load() -> AppInfo:
    title, extension, file_filter = _import_from_checkout()
    version = _pyproject_field("version")
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    return AppInfo(
        appid=APPID,
        executable=EXECUTABLE,
        cli_executable_windows=CLI_EXECUTABLE_WINDOWS,
        version=version,
        version_tuple=tuple(numbers),
        title=title,
        generic_name="Disclosure Desktop",
        description=_pyproject_field("description"),
        project_extension=extension,
        # "政府信息公开年报项目 (*.gknb)" -> "政府信息公开年报项目": the file dialogs' wording.
        project_description=file_filter.split("(")[0].strip(),
        project_mime_type=PROJECT_MIME_TYPE,
        project_mime_parent=PROJECT_MIME_PARENT,
        publisher=PUBLISHER,
    )
