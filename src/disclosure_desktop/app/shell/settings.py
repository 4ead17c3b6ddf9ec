"""Where the application keeps its preferences and its recovery files.

Preferences (window geometry, recent files, last folders) live in an INI file through
QSettings, so they are plain text on every system; recovery files live in the per-user data
folder that platformdirs names for the platform.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

ORGANIZATION = "DisclosureDesktop"
APPLICATION = "disclosure-desktop"
APPLICATION_TITLE = "政府信息公开年报编制助手"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def recovery_folder() -> Path:
    """Folder of autosaved recovery files (looked up on every call, so tests can redirect it)."""
    return Path(platformdirs.user_data_dir(APPLICATION, appauthor=False)) / "recovery"


def last_folder(settings: QSettings, key: str, fallback: str = "") -> str:
    """The folder a file dialog of kind `key` last used."""
    value = settings.value(f"folders/{key}", fallback)
    return value if isinstance(value, str) else fallback


def remember_folder(settings: QSettings, key: str, file_path: str | Path) -> None:
    settings.setValue(f"folders/{key}", str(Path(file_path).parent))
