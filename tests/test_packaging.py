"""The installed package holds every sub-package and the data files it reads at run time."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = None

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(tomllib is None, reason="tomllib needs Python 3.11")
def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")}
    found.add("disclosure_desktop.resources")
    assert found == listed


def test_resources_are_reachable_through_the_package():
    from importlib import resources

    root = resources.files("disclosure_desktop.resources")
    assert (root / "formats" / "gov-2019.json").is_file()
    assert (root / "formats" / "gov-2021.json").is_file()
    assert (root / "samples" / "kaizhou-edu-2019.gknb").is_file()
