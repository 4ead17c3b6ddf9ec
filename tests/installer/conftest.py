"""The `deb` marker: tests that build the .deb, install it with dpkg and run the installed app.

They take a minute or two and need root, dpkg-deb and binutils, so a plain `pytest` run leaves
them out (pyproject's addopts: -m 'not deb'); select them with `python -m pytest -m deb tests/installer`.
A .deb built beforehand is used instead of building one when DISCLOSURE_DEB names it.
"""

from __future__ import annotations

