"""The `deb` marker: tests that build the .deb, install it with dpkg and run the installed app.

They take a minute or two and need root, dpkg-deb and binutils, so a plain `pytest` run skips
them; select them with `python -m pytest -m deb tests/installer` (or set RUN_DEB_TESTS=1).
A .deb built beforehand is used instead of building one when DISCLOSURE_DEB names it.
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "deb: builds, installs (dpkg -i) and runs the Linux .deb; selected with -m deb")


def _selected(config) -> bool:
    return "deb" in (config.getoption("markexpr") or "") or os.environ.get("RUN_DEB_TESTS") == "1"


def pytest_collection_modifyitems(config, items):
    if _selected(config):
        return
    skip = pytest.mark.skip(reason="安装包测试需用 -m deb 选择（或设置 RUN_DEB_TESTS=1）")
    for item in items:
        if item.get_closest_marker("deb") is not None:
            item.add_marker(skip)
