"""review/ sits between export/ and app/: it never imports Qt or the app, and the review
command runs without loading Qt at all (except the PDF roll-up, which renders through QtGui)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import disclosure_desktop.review as review

PACKAGE = Path(review.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_review_imports_only_layers_below_it():
    for path in PACKAGE.glob("*.py"):
        for name in imported_modules(path):
            assert not name.startswith(("PySide6", "..app", "..cli")), (path.name, name)


def test_a_review_run_loads_no_qt(review_folder, tmp_path):
    code = (
        "import sys\n"
        "from disclosure_desktop.cli import main\n"
        f"code = main(['review', {str(review_folder.path)!r}, '-o', {str(tmp_path / 'x.xlsx')!r},"
        f" '--letters', {str(tmp_path / 'letters')!r}, '--json'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
        "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "x.xlsx").exists()
