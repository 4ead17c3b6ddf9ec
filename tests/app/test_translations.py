"""The program's own additions to Qt's Chinese translation: compiled, current and in use."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from disclosure_desktop.app.main import create_application, install_translations

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_translations  # noqa: E402

FOLDER = ROOT / "resources" / "translations"


def messages(ts: Path):
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.findtext("translation")


def test_each_compiled_file_is_what_its_source_compiles_to(tmp_path):
    sources = sorted(FOLDER.glob("*.ts"))
    assert sources
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        build_translations.compile_translation(ts, fresh)
        assert ts.with_suffix(".qm").read_bytes() == fresh.read_bytes(), \
            f"{ts.name} changed: run python scripts/build_translations.py"


def test_every_added_string_is_translated_in_the_running_program(qapp):
    app = create_application()
    found = list(messages(FOLDER / "qt_missing_zh_CN.ts"))
    assert len(found) == 4
    for context, source, translation in found:
        assert QCoreApplication.translate(context, source) == translation, (context, source)


def test_the_translators_are_compiled_files_not_python(qapp):
    # A translator written in Python is called for every tr() of the program (a measured part
    # of each keystroke), so none is installed.
    installed = install_translations(create_application())
    try:
        assert installed and all(type(translator) is QTranslator for translator in installed)
        assert any(t.filePath().endswith("qt_missing_zh_CN.qm") for t in installed)
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
