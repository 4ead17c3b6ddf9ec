"""Compile the Designer forms of this folder into src/disclosure_desktop/app/forms/.

Run after editing a .ui file:  python ui/build_forms.py
The generated modules say "automatically generated" and are committed, so the application
needs no uic at run time and starts without parsing XML.  tests/app/test_forms.py fails when
a generated module is older than its form.
"""

from __future__ import annotations

import re
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
    """The Python source uic generates for one form, without the imports it does not use."""
    result = subprocess.run([*uic_command(), "-g", "python", str(ui_file)], capture_output=True, check=True)
    return prune_imports(result.stdout.decode("utf-8"))


_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(?([^)]*?)\)?\n(?=\S|\n)", re.MULTILINE | re.DOTALL)


def prune_imports(source: str) -> str:
    """Keep only the names the form uses.

    uic imports some forty Qt classes into every form; PySide6 builds the Python enums of each
    class named in an import, which costs startup time for classes the form never touches.
    """
    body = _IMPORT.sub("", source)

    def keep(match: re.Match) -> str:
        names = [name.strip() for name in match.group(2).replace("\n", " ").split(",") if name.strip()]
        used = [name for name in names if re.search(rf"\b{name}\b", body)]
        return f"from {match.group(1)} import ({', '.join(used)})\n" if used else ""
    return _IMPORT.sub(keep, source)


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
