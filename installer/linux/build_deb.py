"""Wrap the PyInstaller onedir bundle into a .deb in the 统信UOS application layout.

    python installer/linux/build_deb.py BUNDLE_DIR OUT_DIR [--store] [--compression xz|gzip]

Package contents (APPID from installer/app_info.py):

    /opt/apps/<appid>/info                                   UOS description (JSON)
    /opt/apps/<appid>/files/                                 the PyInstaller bundle
    /opt/apps/<appid>/entries/applications/<appid>.desktop   menu entry, Name[zh_CN]
    /opt/apps/<appid>/entries/icons/hicolor/{scalable,NxN}/apps/<appid>.{svg,png}
    /opt/apps/<appid>/entries/mime/packages/<appid>.xml      the .gknb project file type
    /usr/bin/disclosure-desktop -> /opt/apps/<appid>/files/disclosure-desktop
    /usr/share/{applications,icons/hicolor/...,mime/packages}/... -> the entries above

The /usr links are plain files of the package, not a maintainer script: the package has no
postinst/prerm at all.  UOS reads /opt/apps/*/entries itself; Kylin and plain Debian read
/usr/share, whose dpkg triggers (shared-mime-info, desktop-file-utils, hicolor-icon-theme)
refresh the MIME and menu caches.  `--store` leaves every /usr link out, for the UOS app
store, which accepts files only under /opt/apps/<appid>/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import app_info  # noqa: E402
import depends  # noqa: E402
from make_icons import PNG_SIZES, make_icons  # noqa: E402

MAINTAINER = "Disclosure Desktop <packaging@disclosuredesktop.invalid>"


def debian_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def desktop_entry(info, exec_path: str) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={info.title}",
        f"Name[zh_CN]={info.title}",
        f"Name[en]={info.generic_name}",
        f"GenericName={info.title}",
        f"GenericName[zh_CN]={info.title}",
        f"Comment={info.description}",
        f"Comment[zh_CN]={info.description}",
        f"Exec={exec_path} %f",
        f"TryExec={exec_path}",
        f"Icon={info.appid}",
        "Terminal=false",
        "Categories=Office;",
        f"MimeType={info.project_mime_type};",
        "Keywords=政府信息公开;年报;年度报告;",
        "Keywords[zh_CN]=政府信息公开;年报;年度报告;",
        "StartupNotify=true",
        f"StartupWMClass={info.executable}",
        "",
    ])


def mime_package(info) -> str:
    pattern = f"*{info.project_extension}"
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
        f'  <mime-type type="{info.project_mime_type}">',
        f"    <comment>{escape(info.project_description)}</comment>",
        f'    <comment xml:lang="zh_CN">{escape(info.project_description)}</comment>',
        f'    <sub-class-of type="{info.project_mime_parent}"/>',
        f'    <generic-icon name="{info.appid}"/>',
        f'    <glob pattern="{pattern}"/>',
        "  </mime-type>",
        "</mime-info>",
        "",
    ])


def uos_info(info, arch: str) -> str:
    """The UOS `info` file: identity, architectures, and no special permissions (the program
    needs none: no autostart, tray, camera, network ...)."""
    return json.dumps({
        "appid": info.appid,
        "name": info.title,
        "version": ".".join(map(str, info.version_tuple)),
        "arch": [arch],
        "permissions": {key: False for key in (
            "autostart", "notification", "trayicon", "clipboard", "account", "bluetooth",
            "camera", "audio_record", "installed_apps")},
        "support-plugins": [],
        "plugins": [],
    }, ensure_ascii=False, indent=2) + "\n"


def control_file(info, arch: str, depends_field: str, installed_kib: int) -> str:
    return "\n".join([
        f"Package: {info.appid}",
        f"Version: {info.version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {depends_field}",
        "Section: misc",
        "Priority: optional",
        f"Description: {info.title}",
        " 离线编制、检查并导出政府信息公开工作年度报告：逐节填写，表格自动合计，",
        " 按国务院办公厅规定的格式实时检查，导出 Word、PDF、网页和 Excel 文件。",
        " 程序不联网。",
        "",
    ])


def _link(root: Path, link: str, target: str) -> None:
    path = root / link.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def _normalise_modes(root: Path) -> None:
    """Directories 755, executables 755, everything else 644 (whatever the umask was)."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.parts[len(root.parts)] != "DEBIAN":
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def stage(bundle: Path, root: Path, work: Path, store: bool) -> tuple:
    info = app_info.load()
    arch = debian_architecture()
    if root.exists():
        shutil.rmtree(root)
    app_dir = root / "opt" / "apps" / info.appid
    files = app_dir / "files"
    shutil.copytree(bundle, files, symlinks=True)
    executable = f"/opt/apps/{info.appid}/files/{info.executable}"

    entries = app_dir / "entries"
    icons = make_icons(work / "icons")
    scalable = entries / "icons" / "hicolor" / "scalable" / "apps" / f"{info.appid}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(icons["svg"], scalable)
    for size in PNG_SIZES:
        png = entries / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{info.appid}.png"
        png.parent.mkdir(parents=True)
        shutil.copyfile(icons[f"png{size}"], png)
    desktop = entries / "applications" / f"{info.appid}.desktop"
    desktop.parent.mkdir(parents=True)
    desktop.write_text(desktop_entry(info, executable), encoding="utf-8")
    mime = entries / "mime" / "packages" / f"{info.appid}.xml"
    mime.parent.mkdir(parents=True)
    mime.write_text(mime_package(info), encoding="utf-8")
    (app_dir / "info").write_text(uos_info(info, arch), encoding="utf-8")

    if not store:
        _link(root, f"/usr/bin/{info.executable}", executable)
        for entry in sorted(entries.rglob("*")):
            if entry.is_file():
                relative = entry.relative_to(entries).as_posix()
                _link(root, f"/usr/share/{relative}", f"/opt/apps/{info.appid}/entries/{relative}")

    _normalise_modes(root)
    deps = depends.derive(files)
    if deps.unknown:
        raise SystemExit("无法确定这些系统库属于哪个软件包：" + "、".join(deps.unknown))
    for soname, package in sorted(deps.guessed.items()):
        print(f"注意：构建机上没有 {soname}，依赖按对照表记为 {package}", file=sys.stderr)
    installed_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control_file(info, arch, deps.depends_field(), installed_kib), encoding="utf-8")
    (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)
    debian.chmod(0o755)
    return info, arch, deps


def build(bundle: Path, out_dir: Path, store: bool = False, compression: str = "xz") -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "deb-work"
    root = work / "root"
    info, arch, deps = stage(bundle, root, work, store)
    package = out_dir / f"{info.appid}_{info.version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(package)],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"glibc ≥ {'.'.join(map(str, deps.glibc))}（{deps.glibc_needed_by} 需要）")
    print(f"Depends: {deps.depends_field()}")
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="把 PyInstaller 打包目录做成统信UOS布局的 .deb 安装包")
    parser.add_argument("bundle", type=Path, help="PyInstaller 输出的目录（内含 disclosure-desktop 可执行文件）")
    parser.add_argument("out_dir", type=Path, help=".deb 的输出目录")
    parser.add_argument("--store", action="store_true",
                        help="应用商店版：只安装到 /opt/apps/<appid>/，不建 /usr/bin 和 /usr/share 下的链接")
    parser.add_argument("--compression", choices=("xz", "gzip"), default="xz",
                        help="压缩方式：xz 体积小（默认），gzip 打包快")
    args = parser.parse_args(argv)
    package = build(args.bundle, args.out_dir, store=args.store, compression=args.compression)
    print(package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
