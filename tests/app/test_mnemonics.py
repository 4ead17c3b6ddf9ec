"""No two mnemonics (Alt+letter) or shortcuts clash: in the menu bar together with the buttons and
labels of every page, inside each menu, and among all the window's shortcuts."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from .window_helpers import *  # noqa: F401,F403  (fixtures)

MNEMONIC = re.compile(r"&(\w)")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def visible_in(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window())


def clashes(keys) -> list[str]:
    return sorted(k for k, n in Counter(keys).items() if n > 1)


def test_alt_letters_are_unique_on_every_page(window):
    window.files.open_sample()
    bar = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert None not in bar
    for page_id in ["cover", *(s.id for s in window.document.report.spec.sections), "check"]:
        window.editor.go_to(page_id)
        QApplication.processEvents()
        own = [(mnemonic(w.text()), w.text()) for w in window.findChildren(QAbstractButton) if visible_in(w)]
        own += [(mnemonic(w.text()), w.text()) for w in window.findChildren(QLabel) if w.buddy() and visible_in(w)]
        keys = bar + [k for k, _ in own if k]
        assert clashes(keys) == [], (page_id, [t for k, t in own if k in clashes(keys)])


def test_each_menu_has_distinct_mnemonics_and_the_window_distinct_shortcuts(window):
    window.files.open_sample()
    for action in window.menuBar().actions():
        menu = action.menu()
        keys = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        assert clashes([k for k in keys if k]) == [], menu.title()
    shortcuts = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()]
    assert len(shortcuts) > 15 and clashes(shortcuts) == []
