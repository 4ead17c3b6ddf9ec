"""The compiled forms in app/forms are what uic makes of ui/*.ui today."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_forms", ROOT / "ui" / "build_forms.py")
build_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_forms)


def _code(text: str) -> str:
    # The header names the uic version; the code below it is what must match.
    return re.sub(r"^##.*$", "", text, flags=re.MULTILINE)


@pytest.mark.parametrize("ui_file", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_current(ui_file):
    try:
        build_forms.uic_command()
    except SystemExit:
        pytest.skip("pyside6-uic is not installed")
    generated = build_forms.target_for(ui_file)
    assert generated.exists(), f"run python ui/build_forms.py ({generated.name} is missing)"
    assert _code(generated.read_text("utf-8")) == _code(build_forms.compile_form(ui_file)), \
        f"{ui_file.name} changed: run python ui/build_forms.py"
