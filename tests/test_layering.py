"""The layers of docs/architecture.md, as a test: imports only point down.

    core ← io ← export ← review ← app        (cli beside app: it may start the app, never the reverse)

core/ and io/ never import PySide6; QtGui (and QtWidgets, QtPrintSupport) only in app/ and the
PDF engine export/pdf/.  Every import is read from the source (absolute, relative, and inside
functions), so an import hidden in a function body counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "disclosure_desktop"
SRC = Path(__file__).resolve().parents[1] / "src" / PACKAGE

# rank of each top-level sub-package: a module may import its own rank or lower ranks only
RANKS = {"core": 0, "io": 1, "export": 2, "review": 3, "app": 4, "cli": 4}
FORBIDDEN_SAME_RANK = {("app", "cli")}  # the window never drives the command line
GUI_MODULES = ("PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport")
GUI_ALLOWED = ("app", "export/pdf")  # path prefixes below src/disclosure_desktop


def _module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, src: Path = SRC) -> list[str]:
    """Absolute names of every module `path` imports, wherever in the file."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    name = _module_name(path, src)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append(target)
            # "from . import prompts" imports the module prompts
            found.extend(f"{target}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == PACKAGE and parts[1] in RANKS else None


def layering_problems(src: Path = SRC) -> list[str]:
    """One line per module and kind of breach, naming the first import that breaches."""
    problems: dict[str, str] = {}
    for path in sorted(src.rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        here = _layer(_module_name(path, src))
        for target in imported_modules(path, src):
            there = _layer(target)
            if here and there and (RANKS[there] > RANKS[here] or (here, there) in FORBIDDEN_SAME_RANK):
                problems.setdefault(f"{relative}: {here} imports {there}", target)
            if here in ("core", "io") and target.startswith("PySide6"):
                problems.setdefault(f"{relative}: {here} imports Qt", target)
            if target.startswith(GUI_MODULES) and not relative.startswith(GUI_ALLOWED):
                problems.setdefault(f"{relative}: imports {target.split('.')[1]} outside app/ and export/pdf/", target)
    return sorted(f"{problem} ({target})" for problem, target in problems.items())


def test_every_import_points_down_and_qt_stays_in_its_rooms():
    assert layering_problems() == []


def test_the_walk_sees_every_layer():
    """Guards the test itself: each layer exists and its modules are read."""
    layers = {_layer(_module_name(p)) for p in SRC.rglob("*.py")}
    assert {"core", "io", "export", "app", "cli"} <= layers


@pytest.mark.parametrize("module, source, expected", [
    ("core/bad.py", "from ..app.shell import prompts\n", "core/bad.py: core imports app"),
    ("core/bad.py", "def f():\n    from PySide6.QtCore import QObject\n", "core/bad.py: core imports Qt"),
    ("io/bad.py", "from ..export import export_report\n", "io/bad.py: io imports export"),
    ("export/bad.py", "from PySide6.QtGui import QFont\n", "export/bad.py: imports QtGui outside"),
    ("export/bad.py", "import disclosure_desktop.app.main\n", "export/bad.py: export imports app"),
    ("app/bad.py", "from ..cli import main\n", "app/bad.py: app imports cli"),
])
def test_an_upward_import_is_caught(tmp_path, module, source, expected):
    """The checker fails on each kind of breach, in a copy of the tree with one bad module."""
    root = tmp_path / PACKAGE
    for layer in RANKS:
        (root / layer).mkdir(parents=True)
        (root / layer / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / module).write_text(source, encoding="utf-8")
    (root / "export" / "pdf").mkdir()
    (root / "export" / "pdf" / "writer.py").write_text("from PySide6.QtGui import QPainter\n")
    (root / "app" / "ok.py").write_text("from PySide6.QtWidgets import QWidget\nfrom ..core import x\n")
    problems = layering_problems(root)
    assert len(problems) == 1 and problems[0].startswith(expected), problems
