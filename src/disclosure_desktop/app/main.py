"""Starting the editor: `disclosure-desktop [FILE] [--quit-after-show]` ends up in run_gui.

The application is set up for a Chinese desktop (Qt's own strings in Chinese, Chinese locale
for dates), the window is shown, and with --quit-after-show the time from process start to
the first painted frame is printed in milliseconds before the process exits (for the
startup benchmark and smoke tests).

Startup time (bench/startup_bench.py) shapes this module:
* Python's cyclic garbage collector is paused while the program loads and builds its window
  (the imports and Qt's Python enums allocate hundreds of thousands of long-lived objects,
  and the collector kept walking them: about 25 ms) and resumed right after the first frame.
* The report core is imported before PySide6 (see below).
* The log file, the crash handler and the recovery offer come right after the first frame.
"""

from __future__ import annotations

from .shell.startup_clock import milliseconds_since_start  # first: its clock starts with this import

import gc
import logging
import os
import sys

_collecting_at_import = gc.isenabled()
gc.disable()  # for the imports below; enabled again at the end of this module
try:
    from importlib import resources

    # The report core (pydantic, the checks, the project file reader) and the standard modules
    # the window needs are loaded before PySide6 on purpose: once PySide6 is imported, its
    # __feature__ import hook reads the source of every module imported after it, which made
    # loading them about 20 ms slower.
    import encodings.utf_8_sig  # noqa: F401  (project_file decodes with it)
    import html  # noqa: F401  (guidance)
    import logging.handlers  # noqa: F401  (logging_setup)

    import platformdirs  # noqa: F401  (app_settings)

    from ..core import checks as _checks  # noqa: F401
    from ..io import project_file as _project_file  # noqa: F401

    from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication

    from .shell.settings import APPLICATION, APPLICATION_TITLE, ORGANIZATION
finally:
    if _collecting_at_import:
        gc.enable()

QT_TRANSLATIONS = ("qtbase_zh_CN",)

log = logging.getLogger(__name__)


# Strings of Qt's own dialogs that qtbase_zh_CN leaves in English, compiled from
# resources/translations/*.ts (scripts/build_translations.py).  A compiled file rather than a
# QTranslator written in Python: Qt asks every installed translator about every tr() of the
# program — four times per call from PySide, once per class up the hierarchy — and a Python
# translator turned each of those lookups into a call into Python.
OWN_TRANSLATIONS = ("qt_missing_zh_CN",)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (standard buttons, file dialogs, context menus) in Chinese."""
    folders = {name: QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath) for name in QT_TRANSLATIONS}
    own = str(resources.files("disclosure_desktop.resources").joinpath("translations"))
    folders.update({name: own for name in OWN_TRANSLATIONS})
    installed = []
    for name, folder in folders.items():
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            logging.getLogger(__name__).warning("translation %s not found in %s", name, folder)
    return installed


def style_sheet() -> str:
    return resources.files("disclosure_desktop.resources").joinpath("style", "app.qss").read_text("utf-8")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured once (reused when one exists, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        # Qt hands larger fills and text runs of a repaint to a pool of threads.  The repaints of
        # this program are small (a keystroke changes a few cells, a badge, a few rows of the
        # problems list), and on the two-core office PCs it runs on, waking the pool's threads
        # cost more than the drawing they took over: the keystroke bench painted faster
        # without them (bench/keystroke_bench.py).
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
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
        from .shell import prompts

        def answer(*args, **_kwargs):
            if name in ("error", "warning", "information", "crash"):
                print(f"{args[1]}：{args[2]}", file=sys.stderr)
            return {"unsaved_changes": prompts.DISCARD, "recover": prompts.LATER,
                    "crash": prompts.CONTINUE}.get(name)
        return answer


def _resume_collection(collecting: bool) -> None:
    """After the first frame: the collector runs again.  What startup built stays for the whole
    session (modules, classes, Qt wrappers, the format data), so it is frozen out of later
    collections, which keeps them short while the user types; the garbage startup left is
    collected first, so none of it is kept."""
    if collecting and not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()


def run_gui(file: str | None = None, quit_after_show: bool = False) -> int:
    collecting = gc.isenabled()
    gc.disable()  # until the first frame: see _resume_collection
    try:
        return _run_gui(file, quit_after_show, collecting)
    except Exception:
        log.critical("启动或运行时出错", exc_info=True)
        raise
    finally:
        if collecting:
            gc.enable()


# Should the window never be painted (started minimized), what waits for the first frame
# happens after this long anyway.
FIRST_FRAME_FALLBACK_MS = 3000


def _run_gui(file: str | None, quit_after_show: bool, collecting: bool) -> int:
    from .shell.crash_handler import CrashHandler
    from .shell.logging_setup import configure_logging

    app = create_application()
    # The log and the crash handler come first, so that whatever goes wrong from here on is
    # written down (and, once the window exists, shown with the work saved).
    log_setup = configure_logging()
    log.info("程序启动（进程 %d）%s", os.getpid(), f"，打开 {file}" if file else "")
    windows = []
    crash_handler = CrashHandler(log_setup, lambda: windows[0] if windows else None, parent=app)
    crash_handler.install()
    try:
        return _show_window(app, file, quit_after_show, collecting, log_setup, windows)
    finally:
        crash_handler.uninstall()


def _show_window(app, file, quit_after_show, collecting, log_setup, windows) -> int:
    from .shell.main_window import MainWindow

    window = MainWindow(prompter=_ConsolePrompter() if quit_after_show else None, show_start=not file)
    window.log_setup = log_setup
    windows.append(window)
    if file:
        # Opened before the first frame, so that frame already shows the report.
        if not window.files.open_path(file, ask_to_save=False):
            if quit_after_show:
                return 2
            window.show_start_page()

    done = []

    def after_first_frame() -> None:
        if done:
            return
        done.append(True)
        startup_ms = milliseconds_since_start()
        if quit_after_show:
            print(f"{startup_ms:.1f}", flush=True)
        _resume_collection(collecting)
        from .shell.logging_setup import system_summary

        log.info("首帧用时 %.0f ms；%s", startup_ms, system_summary())
        if quit_after_show:
            app.quit()
        else:
            window.files.offer_recovery()

    _FirstFrame(window, after_first_frame)
    if not quit_after_show:
        QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, after_first_frame)
    window.show()
    status = app.exec()
    if quit_after_show:
        window.close_without_prompt()
    log.info("程序退出（%d）", status)
    return status
