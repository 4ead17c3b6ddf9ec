"""What goes into the PyInstaller bundle: the whole application package, and only the Qt it uses.

The spec (installer/disclosure-desktop.spec) calls these helpers; they are plain functions so
the rules can be read (and changed) in one place:

* the application is staged from this checkout (src/disclosure_desktop plus resources/ as
  disclosure_desktop/resources, the same mapping pyproject.toml makes), so the bundle holds
  exactly the checkout being built, however the package happens to be installed;
* every module of the package is a hidden import, because the CLI and the exporters import
  their modules by name (importlib) where PyInstaller's analysis cannot see them;
* PySide6 modules the application does not import are excluded, Qt plugins are kept only
  from an allow-list, Qt translations only for zh_CN, and Qt libraries that only a dropped
  plugin needed are dropped after the plugins;
* on Linux the libraries of the desktop stack (X11/xcb, xkbcommon, fontconfig, freetype,
  D-Bus, GLib, CUPS, Wayland) are not bundled: they must match the running desktop, and the
  .deb declares them in Depends (installer/linux/depends.py derives that list).
"""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]

# PySide6 modules the application imports (grep "from PySide6" src/); everything else is excluded.
USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")

# Qt plugins kept, by plugin folder -> file name stems (without lib prefix and suffix).
# Why each one:
#   platforms: xcb is the X11 desktop (UOS/Kylin/Deepin run X11), offscreen for smoke tests and
#     benchmarks, windows on Windows.  No wayland: the Xwayland fallback is used (see rthook).
#   imageformats/iconengines svg: the window icon is an SVG (resources/icons/app.svg).
#   imageformats ico: Windows shell icons.
#   platforminputcontexts: compose (dead keys) and ibus -- Chinese input methods speak the IBus
#     protocol (fcitx5 too, through its ibus frontend); the bundle cannot carry fcitx's own
#     plugin, which is built against the system's Qt.
#   printsupport: CUPS printing on Linux (the Windows printer support is inside QtPrintSupport).
#   styles: the Windows 11 style on Windows.
# Not kept: tls/networkinformation (the product never uses the network), sqldrivers, qml*,
# wayland*, egl device integrations, generic input, platform themes (gtk3/xdg portal pull in
# the whole GTK stack), xcb GL integrations (widgets paint with the raster engine).
QT_PLUGINS = {
    "linux": {
        "platforms": {"qxcb", "qoffscreen"},
        "imageformats": {"qsvg"},
        "iconengines": {"qsvgicon"},
        "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
        "printsupport": {"cupsprintersupport"},
    },
    "win32": {
        "platforms": {"qwindows", "qoffscreen"},
        "imageformats": {"qsvg", "qico"},
        "iconengines": {"qsvgicon"},
        "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
    },
}

# Qt's own strings (standard buttons, dialogs) in Chinese: app/main.py loads qtbase_zh_CN;
# qt_zh_CN is the small catalogue that points at it.
QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}

# Shared libraries of the Linux desktop stack that are not bundled (Depends instead), and the
# C++ runtime: a bundled libstdc++ older than the system's breaks graphics drivers built
# against the newer one, while the system's is always at least as new as the build machine's
# when Depends says so.
LINUX_SYSTEM_LIBRARIES = re.compile(
    r"^lib(stdc\+\+|gcc_s|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|xcb(-[a-z0-9-]+)?|xkbcommon(-x11)?|"
    r"fontconfig|freetype|png16|brotli[a-z]*|expat|dbus-1|glib-2\.0|gobject-2\.0|gio-2\.0|"
    r"gmodule-2\.0|gthread-2\.0|pcre2?(-8)?|cups|gssapi_krb5|krb5|k5crypto|krb5support|com_err|"
    r"keyutils|avahi-[a-z]+|gnutls|nettle|hogweed|gmp|idn2|unistring|tasn1|p11-kit|systemd|"
    r"wayland-[a-z]+|EGL|GL|GLX|GLdispatch|OpenGL|bsd|md)\.so(\.|$)")


# Python packages found by the analysis but never used: optional imports of openpyxl (numpy
# for numeric cell types, Pillow for pictures) and what numpy drags along; ssl, because the
# product never opens a connection (urllib/http.client import it only inside try/except).
UNUSED_PYTHON_MODULES = ["numpy", "PIL", "yaml", "charset_normalizer", "ssl", "_ssl",
                         "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2",
                         "pytest", "hypothesis", "IPython"]


def platform_key() -> str:
    return "win32" if sys.platform == "win32" else "linux"


# --- the environment ----------------------------------------------------------------------

def unmet_requirements() -> list[str]:
    """Dependencies of pyproject.toml that the build environment does not satisfy.

    The bundle ships whatever the environment has installed, so a version the project rules
    out (e.g. a Qt release with a known crash) must stop the build instead of being packaged.
    """
    from importlib import metadata

    from packaging.requirements import Requirement

    text = (ROOT / "pyproject.toml").read_text("utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)^\]", text, re.MULTILINE | re.DOTALL).group(1)
    problems = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip().rstrip(",").strip('"')
        if not line:
            continue
        requirement = Requirement(line)
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement}（未安装）")
            continue
        if not requirement.specifier.contains(installed, prereleases=True):
            problems.append(f"{requirement}（已安装 {installed}）")
    return problems


# --- the application package -----------------------------------------------------------

def stage_package(destination: Path) -> Path:
    """Copy the package from this checkout into `destination` with resources/ mapped in.

    Returns the folder to put on PyInstaller's pathex (it holds `disclosure_desktop/`).
    """
    if destination.exists():
        shutil.rmtree(destination)
    package = destination / "disclosure_desktop"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src" / "disclosure_desktop", package, ignore=ignore)
    shutil.copytree(ROOT / "resources", package / "resources", ignore=ignore)
    return destination


def package_modules(staged: Path) -> list[str]:
    """Every module and package of the staged application, as dotted names."""
    names = []
    for path in sorted((staged / "disclosure_desktop").rglob("*.py")):
        parts = list(path.relative_to(staged).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def package_data(staged: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) for every non-Python file of the package (formats,
    template, samples, icons, style sheet)."""
    data = []
    for path in sorted((staged / "disclosure_desktop").rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            data.append((str(path), str(path.parent.relative_to(staged))))
    return data


# --- Qt --------------------------------------------------------------------------------

def unused_qt_modules() -> list[str]:
    """PySide6 extension modules present in the environment that the application does not use."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    present = {path.name.split(".")[0] for path in folder.iterdir()
               if path.name.startswith("Qt") and path.suffix in (".so", ".pyd")}
    return sorted(f"PySide6.{name}" for name in present - set(USED_QT_MODULES))


def _stem(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin_kept(destination: str, platform: str | None = None) -> bool | None:
    """For a bundle path: True/False if it is a Qt plugin to keep/drop, None if not a plugin."""
    parts = PurePath(destination.replace("\\", "/")).parts
    if "plugins" not in parts or "PySide6" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return None
    kind, name = parts[index + 1], parts[-1]
    allowed = QT_PLUGINS[platform or platform_key()].get(kind, set())
    return _stem(name) in allowed


def qt_translation_kept(destination: str) -> bool | None:
    parts = PurePath(destination.replace("\\", "/")).parts
    if "translations" not in parts or "PySide6" not in parts:
        return None
    return parts[-1] in QT_TRANSLATIONS


def is_linux_system_library(destination: str) -> bool:
    return platform_key() == "linux" and bool(LINUX_SYSTEM_LIBRARIES.match(PurePath(destination).name))


# Libraries Qt loads by name at run time (no file links to them): on Windows the software
# OpenGL fallback and the shader compiler, which windeployqt ships too.  Kept although a
# widgets program paints with the raster engine: they cannot be tried here.
# PDFium (pypdfium2_raw) is opened with ctypes, so no extension module links to it either.
LOADED_BY_NAME = ("opengl32sw.dll", "d3dcompiler_", "libpdfium", "pdfium")


def _library_key(name: str) -> str:
    """Windows file names are case-insensitive (import tables often differ in case)."""
    return name.lower() if platform_key() == "win32" else name


def _is_plugin_or_root(entry) -> bool:
    """Entries kept for their own sake: Python extension modules, the kept Qt plugins, the
    Python library the bootloader loads and what Qt loads by name.  Every other shared library
    must be linked from one of these."""
    name = PurePath(entry[0].replace("\\", "/")).name
    return (entry[2] == "EXTENSION" or qt_plugin_kept(entry[0]) is True
            or name.startswith(("libpython", "python3")) or name.lower().startswith(LOADED_BY_NAME))


def direct_imports(path: str) -> list[str]:
    """File names of the libraries a binary links to directly.

    On Linux PyInstaller's get_imports runs ldd, which lists the whole closure, including what
    dropped system libraries need; the ELF NEEDED entries (objdump, which PyInstaller needs on
    Linux anyway) are the direct links.  On Windows get_imports reads the PE import table,
    which is direct already.
    """
    if platform_key() == "linux":
        import subprocess

        output = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
        return [line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")]
    from PyInstaller.depend import bindepend

    return [PurePath(name).name for name, _path in bindepend.get_imports(path)]


def filter_binaries(binaries):
    """Drop unused Qt plugins, desktop-stack libraries (Linux), then libraries nothing needs.

    `binaries` is PyInstaller's TOC: (destination name, source path, type code) tuples.  A
    dropped plugin (platform themes, QML, Wayland, TLS, ...) pulled in Qt libraries and
    system libraries (GTK, cairo, pango) that no kept file links to; they go too.
    """
    kept = [entry for entry in binaries
            if qt_plugin_kept(entry[0]) is not False and not is_linux_system_library(entry[0])]
    by_name: dict[str, list] = {}
    for entry in kept:
        by_name.setdefault(_library_key(PurePath(entry[0].replace("\\", "/")).name), []).append(entry)
    reached: set[str] = set()
    queue = [entry for entry in kept if _is_plugin_or_root(entry)]
    while queue:
        entry = queue.pop()
        if entry[0] in reached:
            continue
        reached.add(entry[0])
        try:
            imports = direct_imports(entry[1])
        except Exception:  # not a binary that can be read: follow nothing
            continue
        for name in imports:
            queue.extend(by_name.get(_library_key(name), []))
    dropped = sorted(entry[0] for entry in kept if entry[0] not in reached)
    if dropped:
        print("bundle_plan: 未被任何保留文件引用而删除的库：" + "、".join(dropped))
    return [entry for entry in kept if entry[0] in reached]


def filter_datas(datas, binaries):
    """Drop Qt translations other than zh_CN, and links to libraries that were dropped.

    PyInstaller adds top-level symbolic links (type SYMLINK) to Qt libraries; a link whose
    target no longer ships would dangle.
    """
    shipped = {entry[0] for entry in binaries} | {entry[0] for entry in datas if entry[2] != "SYMLINK"}

    def target_ships(link, target) -> bool:
        beside = posixpath.normpath(posixpath.join(posixpath.dirname(link), target))
        return target in shipped or beside in shipped

    return [entry for entry in datas
            if qt_translation_kept(entry[0]) is not False
            and (entry[2] != "SYMLINK" or target_ships(entry[0], entry[1]))]
