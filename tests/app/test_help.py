"""帮助 offline: the user guide with its pictures, and the shortcut list read from the menus."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QMenuBar

from disclosure_desktop.app.shell.help_window import HelpWindow, guide_markdown, help_folder, shortcut_rows

from .window_helpers import *  # noqa: F401,F403  (fixtures)


def test_every_picture_the_guide_names_is_bundled():
    names = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide_markdown())
    assert len(names) >= 10
    assert [n for n in names if not (help_folder() / n).is_file()] == []


def test_the_guide_shows_its_text_and_pictures(qtbot):
    bar = QMenuBar()
    window = HelpWindow(bar)
    qtbot.addWidget(window)
    window.show_tab(HelpWindow.GUIDE_TAB)
    text = window.guide.toPlainText()
    assert "使用说明" in text and "开始页" in text
    image = window.guide.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                              QUrl("images/screen-start.png"))
    if image is None:  # not yet asked for by the layout: ask as the layout would
        image = window.guide.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                          QUrl("images/screen-start.png"))
    assert image is not None and image.width() > 100  # the screenshot, not a broken-image box


def test_shortcuts_are_read_from_the_menus(qtbot):
    bar = QMenuBar()
    qtbot.addWidget(bar)
    files = bar.addMenu("文件(&F)")
    save = QAction("保存(&S)", files)
    save.setShortcut(QKeySequence("Ctrl+S"))
    files.addAction(save)
    files.addAction(QAction("没有快捷键的命令", files))
    rows = shortcut_rows(bar)
    assert rows == [("文件", "保存", "Ctrl+S")]
    window = HelpWindow(bar)
    qtbot.addWidget(window)
    assert "Ctrl+S" in window.shortcuts.toPlainText() and "保存" in window.shortcuts.toPlainText()


def test_help_menu_opens_the_guide_the_shortcuts_and_about(window, prompter, qtbot):
    window.guide_action.trigger()
    help_window = window._help
    assert help_window.isVisible() and help_window.tabs.currentIndex() == HelpWindow.GUIDE_TAB
    assert [s.toString() for s in window.guide_action.shortcuts()] == ["F1"]
    window.shortcuts_action.trigger()
    assert help_window.tabs.currentIndex() == HelpWindow.SHORTCUTS_TAB
    listed = help_window.shortcuts.toPlainText()
    assert "Ctrl+S" in listed and "F1" in listed and "Ctrl+E" in listed
    help_window.close()
    window.about_action.trigger()
    (title, text), = prompter.messages("information")
    assert title == "关于" and "版本" in text and "数据文件夹" in text and "设置文件" in text
