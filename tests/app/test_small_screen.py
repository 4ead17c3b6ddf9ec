"""1366×768 at 150 % leaves about 910×512 logical pixels: the window must fit and stay readable."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .window_helpers import *  # noqa: F401,F403  (fixtures)

SMALL = (910, 512)


def _open_sample(window):
    window.open_sample()


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
    label = window.editor.pages["cover"].ui.formatLabel
    assert label.height() >= label.heightForWidth(label.width())


def test_roomy_window_shows_the_guidance(make_window, qtbot):
    window = make_window(size=(1366, 740))
    _open_sample(window)
    qtbot.wait(50)
    assert window.editor.sizes()[2] > 0


def test_opening_the_bundled_sample_by_path_gives_an_untitled_copy(make_window):
    """The README's first command opens resources/samples/…; Ctrl+S must not overwrite it."""
    window = make_window()
    assert window.open_path(SAMPLE)
    assert window.session.path is None
    assert window.session.report.agency == "重庆市开州区教育委员会"
