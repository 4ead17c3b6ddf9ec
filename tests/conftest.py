"""Shared test set-up: Qt runs offscreen, so the whole suite runs on a machine without a screen.

The offscreen screen is 1920×1200 (its default is 800×800): windows are kept on the screen's free
area (MainWindow.fit_to_screen), and the tests size their windows for the screens they imitate.
Tests of a particular screen run in a process of their own with its own screen.
"""

import json
import os
import tempfile

if "QT_QPA_PLATFORM" not in os.environ:
    _screen = os.path.join(tempfile.gettempdir(), "disclosure-desktop-test-screen.json")
    with open(_screen, "w", encoding="utf-8") as _file:
        json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, _file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
