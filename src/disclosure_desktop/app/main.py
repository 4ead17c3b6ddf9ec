"""Starting the editor: `disclosure-desktop [FILE] [--quit-after-show]` ends up in run_gui.

The application is set up for a Chinese desktop (Qt's own strings in Chinese, Chinese locale
for dates), the window is shown, and with --quit-after-show the time from process start to
the first painted frame is printed in milliseconds before the process exits (for the
startup benchmark and smoke tests).
"""

from __future__ import annotations

from .startup_clock import milliseconds_since_start  # first: its clock starts with this import

import sys
from importlib import resources

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from .app_settings import APPLICATION, APPLICATION_TITLE, ORGANIZATION

QT_TRANSLATIONS = ("qtbase_zh_CN",)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (standard buttons, file dialogs, context menus) in Chinese."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name in QT_TRANSLATIONS:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def style_sheet() -> str:
    return resources.files("disclosure_desktop.resources").joinpath("style", "app.qss").read_text("utf-8")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured once (reused when one exists, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    if not app.property("disclosureConfigured"):
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName(APPLICATION_TITLE)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        install_translations(app)
        app.setStyleSheet(style_sheet())
        app.setProperty("disclosureConfigured", True)
    return app


class _FirstFrame(QObject):
    """Calls back once the window has painted (and the frame had a turn to reach the screen)."""

    def __init__(self, window, callback):
        super().__init__(window)
        self._callback = callback
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after the paint is flushed
        return False


class _ConsolePrompter:
    """For --quit-after-show: nobody is there to answer, so problems go to stderr."""

    def __getattr__(self, name):
        from . import prompts

        def answer(*args, **_kwargs):
            if name in ("error", "warning", "information"):
                print(f"{args[1]}：{args[2]}", file=sys.stderr)
            return {"unsaved_changes": prompts.DISCARD, "recover": prompts.LATER}.get(name)
        return answer


def run_gui(file: str | None = None, quit_after_show: bool = False) -> int:
    app = create_application()
    from .main_window import MainWindow

    window = MainWindow(prompter=_ConsolePrompter() if quit_after_show else None, show_start=not file)
    if file:
        # Opened before the first frame, so that frame already shows the report.
        if not window.open_path(file, ask_to_save=False):
            if quit_after_show:
                return 2
            window.show_start_page()
    if quit_after_show:
        def report() -> None:
            print(f"{milliseconds_since_start():.1f}", flush=True)
            window.autosave_timer.stop()
            app.quit()
        _FirstFrame(window, report)
    else:
        QTimer.singleShot(0, window.offer_recovery)
    window.show()
    status = app.exec()
    if quit_after_show:
        window.close_without_prompt()
    return status
