"""The pieces of the installers that can be checked without building anything (default run):
what the bundle keeps, the generated desktop/MIME/info files, the Depends formatting, the icon
file, and that the Windows script uses only names the spec defines."""

from __future__ import annotations

import json
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "installer" / "linux"))

import app_info  # noqa: E402
import build_deb  # noqa: E402
import bundle_plan  # noqa: E402
import depends  # noqa: E402
from make_icons import ico_bytes  # noqa: E402

import disclosure_desktop.cli as cli  # noqa: E402
from disclosure_desktop.export import EXPORTERS  # noqa: E402
from disclosure_desktop.io.project_file import PROJECT_EXTENSION  # noqa: E402

INFO = app_info.load()


def test_bundle_holds_every_module_the_app_imports_by_name(tmp_path):
    staged = bundle_plan.stage_package(tmp_path / "staged")
    modules = set(bundle_plan.package_modules(staged))
    # The CLI imports the module of each subcommand by name (its table of commands).
    command_modules = set(getattr(cli, "COMMANDS", {}).values()) | set(getattr(cli, "COMMAND_MODULES", ()))
    assert command_modules
    for name in command_modules:
        assert f"disclosure_desktop.cli.{name}" in modules
    for exporter in EXPORTERS.values():
        assert f"disclosure_desktop.export.{exporter.module}" in modules
    data = {Path(source).relative_to(staged).as_posix() for source, _ in bundle_plan.package_data(staged)}
    for required in ("formats/gov-2019.json", "formats/gov-2021.json", "samples/kaizhou-edu-2019.gknb",
                     "template/report-template.docx", "icons/app.svg"):
        assert f"disclosure_desktop/resources/{required}" in data


def test_qt_plugins_and_translations_are_filtered():
    kept = bundle_plan.qt_plugin_kept
    assert kept("PySide6/Qt/plugins/platforms/libqxcb.so", "linux") is True
    assert kept("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux") is True
    assert kept("PySide6/Qt/plugins/platforms/libqwayland.so", "linux") is False
    assert kept("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux") is False
    assert kept("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux") is False
    assert kept("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "linux") is True
    assert kept("PySide6\\plugins\\platforms\\qwindows.dll", "win32") is True
    assert kept("PySide6/Qt/lib/libQt6Core.so.6", "linux") is None
    assert bundle_plan.qt_translation_kept("PySide6/Qt/translations/qtbase_zh_CN.qm") is True
    assert bundle_plan.qt_translation_kept("PySide6/Qt/translations/qtbase_de.qm") is False
    assert bundle_plan.qt_translation_kept("disclosure_desktop/resources/formats/gov-2019.json") is None


def test_desktop_stack_libraries_are_left_to_the_system():
    system = bundle_plan.LINUX_SYSTEM_LIBRARIES.match
    for name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1", "libdbus-1.so.3",
                 "libGL.so.1", "libstdc++.so.6", "libglib-2.0.so.0", "libcups.so.2"):
        assert system(name), name
    for name in ("libQt6Core.so.6", "libpython3.11.so.1.0", "libicuuc.so.73", "libffi.so.8", "libz.so.1"):
        assert not system(name), name


def test_unused_qt_modules_exclude_network_and_web():
    excluded = set(bundle_plan.unused_qt_modules())
    assert "PySide6.QtNetwork" in excluded and "PySide6.QtQml" in excluded
    assert not {f"PySide6.{name}" for name in bundle_plan.USED_QT_MODULES} & excluded


def test_desktop_entry_and_mime_package():
    desktop = build_deb.desktop_entry(INFO, "/opt/apps/x/files/disclosure-desktop")
    assert desktop.startswith("[Desktop Entry]\n")
    assert f"Name[zh_CN]={INFO.title}\n" in desktop and "Exec=/opt/apps/x/files/disclosure-desktop %f\n" in desktop
    assert f"Icon={INFO.appid}\n" in desktop and f"MimeType={INFO.project_mime_type};\n" in desktop
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ElementTree.fromstring(build_deb.mime_package(INFO))
    mime = root.find("m:mime-type", namespace)
    assert mime.get("type") == INFO.project_mime_type
    assert mime.find("m:glob", namespace).get("pattern") == f"*{PROJECT_EXTENSION}"


def test_uos_info_and_control():
    info = json.loads(build_deb.uos_info(INFO, "amd64"))
    assert info["appid"] == INFO.appid and info["arch"] == ["amd64"]
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", info["version"])
    assert not any(info["permissions"].values())
    control = build_deb.control_file(INFO, "amd64", "libc6 (>= 2.28), libxcb1", 1234)
    assert f"Package: {INFO.appid}\n" in control and "Depends: libc6 (>= 2.28), libxcb1\n" in control
    assert re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", INFO.appid)  # a valid Debian package name
    assert "-" not in INFO.appid  # and a valid D-Bus / desktop-file id


def test_depends_field():
    deps = depends.Dependencies(packages={"libc6": set(), "libgcc-s1": set(), "libglib2.0-0t64": set(),
                                          "libxcb-cursor0": set()}, glibc=(2, 34))
    assert deps.depends_field() == ("libc6 (>= 2.34), libgcc-s1 | libgcc1, libglib2.0-0t64 | libglib2.0-0, "
                                    "libxcb-cursor0")


def test_ico_holds_every_size():
    pngs = {16: b"\x89PNG-a", 256: b"\x89PNG-bbbb"}
    data = ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    width, _, _, _, _, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6)
    assert (width, bits, size) == (16, 32, len(pngs[16])) and data[offset:offset + size] == pngs[16]
    width, *_ , size, offset = struct.unpack_from("<BBBBHHII", data, 22)
    assert width == 0 and data[offset:offset + size] == pngs[256]  # 0 means 256


def test_windows_script_uses_only_names_the_spec_defines():
    spec = (ROOT / "installer" / "disclosure-desktop.spec").read_text("utf-8")
    iss = (ROOT / "installer" / "windows" / "disclosure-desktop.iss").read_text("utf-8")
    defined = set(re.findall(r"#define (\w+)", spec)) | set(re.findall(r"^#define (\w+)", iss, re.MULTILINE))
    used = set(re.findall(r"\{#(\w+)", iss))
    assert used and used <= defined, used - defined
    assert "PrivilegesRequired=lowest" in iss
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in iss
    assert "HKCU" in iss and "HKLM" not in iss
    assert "[UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")
