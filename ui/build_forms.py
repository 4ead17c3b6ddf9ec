"""Compile the Designer forms of this folder into src/disclosure_desktop/app/forms/.

Run after editing a .ui file:  python ui/build_forms.py
The generated modules say "automatically generated" and are committed, so the application
needs no uic at run time and starts without parsing XML.  tests/app/test_forms.py fails when
a generated module is older than its form.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

UI_FOLDER = Path(__file__).resolve().parent
FORMS_PACKAGE = UI_FOLDER.parent / "src" / "disclosure_desktop" / "app" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic, found next to the interpreter or on PATH."""
    for candidate in (Path(sys.executable).with_name("pyside6-uic"), Path(sys.executable).with_name("pyside6-uic.exe")):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("找不到 pyside6-uic，请先安装 PySide6。")


def compile_form(ui_file: Path) -> str:
    """The Python source uic generates for one form."""
    result = subprocess.run([*uic_command(), "-g", "python", str(ui_file)], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def target_for(ui_file: Path) -> Path:
    return FORMS_PACKAGE / f"ui_{ui_file.stem}.py"


def main() -> int:
    FORMS_PACKAGE.mkdir(exist_ok=True)
    init = FORMS_PACKAGE / "__init__.py"
    init.write_text('"""Forms compiled from ../../../../ui/*.ui by ui/build_forms.py (automatically generated)."""\n',
                    encoding="utf-8")
    for ui_file in sorted(UI_FOLDER.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8", newline="\n")
        print(f"{ui_file.name} → {target_for(ui_file).relative_to(UI_FOLDER.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
