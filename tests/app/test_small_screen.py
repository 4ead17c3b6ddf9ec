"""1366×768 at 150 % leaves about 910×512 logical pixels: the window must fit and stay readable."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from PySide6.QtWidgets import QApplication

from .window_helpers import *  # noqa: F401,F403  (fixtures)

SMALL = (910, 512)


def _open_sample(window):
    window.files.open_sample()


def test_small_window_keeps_titles_readable_and_pages_scroll(make_window, qtbot):
    window = make_window(size=SMALL)
    _open_sample(window)
    qtbot.wait(50)
    editor = window.editor
    navigator = editor.navigator
    # Every section title shows in full next to its badge (no "一、…").
    assert navigator.width() >= navigator.readable_width()
    # The guidance pane gave way to the page instead of squeezing it.
    navigator_width, page_width, guidance_width = editor.sizes()
    assert guidance_width == 0 and page_width > navigator_width
    # A page taller than the window scrolls inside it; the window itself still fits the screen.
    for page_id in ("cover", "s3", "check"):
        editor.go_to(page_id)
        QApplication.processEvents()
        assert window.height() <= SMALL[1] + 1
        assert window.minimumSizeHint().height() <= SMALL[1]


def test_wrapped_format_name_is_not_cut(make_window, qtbot):
    window = make_window(size=SMALL)
    _open_sample(window)
    qtbot.wait(50)
    label = window.editor.page("cover").ui.formatLabel
    assert label.height() >= label.heightForWidth(label.width())


def test_roomy_window_shows_the_guidance(make_window, qtbot):
    window = make_window(size=(1366, 740))
    _open_sample(window)
    qtbot.wait(50)
    assert window.editor.sizes()[2] > 0


def test_opening_the_bundled_sample_by_path_gives_an_untitled_copy(make_window):
    """The README's first command opens resources/samples/…; Ctrl+S must not overwrite it."""
    window = make_window()
    assert window.files.open_path(SAMPLE)
    assert window.document.path is None
    assert window.document.report.agency == "重庆市开州区教育委员会"


# A first start (no saved geometry) on a 1366×768 screen, in a process of its own: the offscreen
# platform is given that screen.  Table 三's 总计 column must be in view without scrolling.
FIRST_START_ON_1366 = """
import json, sys
from PySide6.QtWidgets import QApplication
from disclosure_desktop.app.main import create_application
from disclosure_desktop.app.shell.main_window import MainWindow

app = create_application()
window = MainWindow(show_start=False)
window.files.open_sample()
window.show()
window.editor.go_to("s3")
for _ in range(5):
    app.processEvents()
view = window.editor.page("s3").editors["s3"].view
last = view.model().columnCount() - 1
right_edge = view.viewport().x() + view.columnViewportPosition(last) + view.columnWidth(last) - 1
print(json.dumps({"window_width": window.frameGeometry().width(), "guidance": window.editor.sizes()[2],
                  "visible_right": view.visibleRegion().boundingRect().right(), "total_right": right_edge}))
window.close_without_prompt()
"""


def test_first_start_on_a_1366_screen_shows_the_whole_of_table_three(isolated, tmp_path):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "1366x768", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    done = subprocess.run([sys.executable, "-c", FIRST_START_ON_1366], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["window_width"] == 1366
    assert seen["guidance"] > 0  # the guidance pane is still beside the page
    assert seen["total_right"] <= seen["visible_right"], seen


# Any start on a screen of a given size, in a process of its own: the window (with its status
# bar) lies inside the free area, whatever geometry was saved before.
FIT_ON_SCREEN = """
import json, sys
from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QApplication
from disclosure_desktop.app.main import create_application
from disclosure_desktop.app.shell.main_window import MainWindow

app = create_application()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
saved = sys.argv[2]
if saved != "none":
    w, h = map(int, saved.split("x"))
    big = MainWindow(settings=settings, show_start=False)
    big.setGeometry(QRect(40, 30, w, h))  # as saved on another screen
    settings.setValue("window/geometry", big.saveGeometry())
    settings.setValue("window/screen", "2560x1400")  # saved on another, bigger screen
    settings.sync()
    big.close_without_prompt()
window = MainWindow(settings=settings)
window.files.open_sample()
window.show()
for _ in range(5):
    app.processEvents()
free = window.screen().availableGeometry()
frame = window.frameGeometry()
bar = window.statusBar()
print(json.dumps({"free": free.getRect(), "frame": frame.getRect(), "inside": free.contains(frame),
                  "status_bar": bar.isVisible() and window.rect().contains(bar.geometry())}))
window.close_without_prompt()
"""


@pytest.mark.parametrize("screen_size", [(1366, 768), (1280, 720), (1024, 600)])
@pytest.mark.parametrize("saved", ["none", "2560x1440", "702x513"])
def test_every_start_fits_the_free_area_of_the_screen(tmp_path, screen_size, saved):
    width, height = screen_size
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    # Settings, recovery files and the log under tmp_path: nothing of this machine's user is read or written.
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", FIT_ON_SCREEN, str(tmp_path / "settings.ini"), saved], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["inside"] and seen["status_bar"], seen
    x, y, w, h = seen["frame"]
    if saved == "702x513":  # too small to work in: made usable again
        assert (w, h) == (min(1440, width), min(900, height)), seen
    if saved == "2560x1440":  # from a bigger screen: as big as this one allows
        assert w == width and h >= height - 40, seen
