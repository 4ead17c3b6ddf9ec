"""Shared test set-up: Qt runs offscreen, so the whole suite runs on a machine without a screen.

The offscreen screen is 1920×1200 (its default is 800×800): windows are kept on the screen's free
area (MainWindow.fit_to_screen), and the tests size their windows for the screens they imitate.
Tests of a particular screen run in a process of their own with its own screen.  A plain
QT_QPA_PLATFORM=offscreen in the environment gets this screen too (with the 800×800 default the
window-size tests fail for no fault of the program); any other platform is left as it is.
"""

import atexit
import json
import os
import shutil
import tempfile

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _folder = tempfile.mkdtemp(prefix="disclosure-desktop-test-screen-")  # this run's own: nobody else's file
    os.chmod(_folder, 0o755)  # readable by the subprocesses some tests start as another user
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
    _screen = os.path.join(_folder, "screen.json")
    with open(_screen, "w", encoding="utf-8") as _file:
        json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, _file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
