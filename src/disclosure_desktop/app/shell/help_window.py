"""帮助: the user guide with its pictures, the keyboard shortcuts and 关于 — all offline.

The guide is resources/help/user-guide.md (the same file the repository shows), rendered by
Qt's own Markdown support; its pictures are read from resources/help/images beside it.  The
shortcut list is read from the window's menus, so it can never disagree with them.
"""

from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenuBar, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from .settings import APPLICATION_TITLE

GUIDE = "user-guide.md"


def help_folder() -> Path:
    return Path(str(resources.files("disclosure_desktop.resources").joinpath("help")))


def guide_markdown() -> str:
    return (help_folder() / GUIDE).read_text("utf-8")


def plain(text: str) -> str:
    """A menu text without its mnemonic: 保存(&S) → 保存, &Undo → Undo."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").split("\t")[0]


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu command that has a shortcut, in menu order."""
    rows = []

    def walk(menu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {plain(action.menu().title())}")
            elif not action.isSeparator() and action.shortcuts():
                keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
                rows.append((path, plain(action.text()), keys))

    for action in menu_bar.actions():
        if action.menu() is not None:
            walk(action.menu(), plain(action.menu().title()))
    return rows


def shortcuts_html(menu_bar: QMenuBar) -> str:
    body = "".join(f"<tr><td>{html.escape(m)}</td><td>{html.escape(c)}</td><td><b>{html.escape(k)}</b></td></tr>"
                   for m, c, k in shortcut_rows(menu_bar))
    extra = [("表格", "下移 / 上移（填完一列再填下一列）", "Enter / Shift+Enter"),
             ("表格", "右移 / 左移（到表尾时进入下一张表）", "Tab / Shift+Tab"),
             ("表格", "清除所选单元格", "Delete"),
             ("表格", "复制 / 粘贴一块区域（Excel、WPS）", "Ctrl+C / Ctrl+V"),
             ("日期", "打开日历", "单击右侧箭头")]
    body += "".join(f"<tr><td>{html.escape(m)}</td><td>{html.escape(c)}</td><td><b>{html.escape(k)}</b></td></tr>"
                    for m, c, k in extra)
    return ("<h3>键盘快捷键</h3><table cellpadding='4' border='0'>"
            "<tr><th align='left'>位置</th><th align='left'>操作</th><th align='left'>按键</th></tr>"
            f"{body}</table>")


def about_text(settings, log_setup=None) -> str:
    """关于: the program, its version, where its data, settings and log are."""
    from .logging_setup import program_version
    from .settings import recovery_folder

    text = (f"{APPLICATION_TITLE}\n版本 {program_version()}\n\n离线编制、检查并导出政府信息公开工作年度报告。\n"
            "年报格式依据国务院办公厅政府信息公开办公室印发的格式。\n\n"
            f"数据文件夹（自动保存与恢复）：{recovery_folder().parent}\n设置文件：{settings.fileName()}")
    if log_setup is not None:
        text += "\n" + log_setup.describe()
    return text


class HelpWindow(QDialog):
    """使用说明 and 键盘快捷键 in two tabs; not modal, so the user can read while working."""

    GUIDE_TAB, SHORTCUTS_TAB = 0, 1

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("帮助 — {title}").format(title=APPLICATION_TITLE))
        self.tabs = QTabWidget(self)
        self.guide = QTextBrowser(self)
        self.guide.setOpenExternalLinks(False)  # offline: nothing in the guide leaves the program
        self.guide.setSearchPaths([str(help_folder())])
        self.guide.document().setBaseUrl(QUrl.fromLocalFile(str(help_folder()) + "/"))
        self.guide.setMarkdown(guide_markdown())
        self.shortcuts = QTextBrowser(self)
        self.shortcuts.setHtml(shortcuts_html(menu_bar))
        self.tabs.addTab(self.guide, self.tr("使用说明"))
        self.tabs.addTab(self.shortcuts, self.tr("键盘快捷键"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and not self.isVisible():
            self.resize(min(900, screen.width() - 40), min(700, screen.height() - 60))
        self.show()
        self.raise_()
        self.activateWindow()
