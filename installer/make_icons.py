"""Render the application icon (resources/icons/app.svg) into what the installers need.

    python installer/make_icons.py OUT_DIR

writes OUT_DIR/png/<size>.png (hicolor theme sizes for the Linux desktop entry) and
OUT_DIR/app.ico (Windows: executable, installer and file-association icon).  The SVG is the
single source: the icon the window shows is the icon the desktop shows.  Rendering uses Qt's
SVG renderer offscreen, so no image tool is needed on the build machine.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _render_png(renderer, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding one PNG-compressed image per size (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dimension = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def make_icons(out_dir: Path) -> dict[str, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise RuntimeError(f"无法读取图标：{SOURCE}")
    png_dir = out_dir / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: _render_png(renderer, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    written = {"svg": SOURCE}
    for size in PNG_SIZES:
        path = png_dir / f"{size}.png"
        path.write_bytes(pngs[size])
        written[f"png{size}"] = path
    ico = out_dir / "app.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    written["ico"] = ico
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("用法：python installer/make_icons.py 输出目录", file=sys.stderr)
        sys.exit(2)
    for name, path in make_icons(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
