"""Compile resources/translations/*.ts into the .qm files the program loads (app/main.py).

Run after editing a .ts file; the .qm files are committed, so a user's machine needs no Qt
tools.  tests/app/test_translations.py fails when a .qm no longer matches its .ts.

    python scripts/build_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"


def lrelease() -> str:
    """Qt's lrelease, as PySide6 ships it."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / "lrelease")


def compile_translation(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for ts in sorted(FOLDER.glob("*.ts")):
        compile_translation(ts, ts.with_suffix(".qm"))
        print(ts.with_suffix(".qm").relative_to(FOLDER.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
