"""Run-time hook of the bundle: make the desktop's Qt settings fit the plugins the bundle has.

The bundle carries its own Qt, so plugins the desktop names for its system Qt may be missing:
* QT_IM_MODULE=fcitx (统信UOS, 麒麟): fcitx's Qt plugin is built against the system's Qt and
  cannot be bundled; without a fallback Qt would silently drop to "compose" and Chinese could
  not be typed.  The bundled "ibus" plugin is added as a fallback: IBus, and fcitx5 through its
  IBus frontend, serve it.
* QT_QPA_PLATFORM=wayland: the bundle has no Wayland plugin; "xcb" is added as a fallback,
  which runs through Xwayland.
Nothing changes when the named plugins are in the bundle, or on Windows.
"""


def _fit_environment_to_bundle():
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    plugins = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")

    def bundled(kind):
        try:
            names = os.listdir(os.path.join(plugins, kind))
        except OSError:
            return ""
        return " ".join(names)

    method = os.environ.get("QT_IM_MODULE", "").strip()
    if method and "QT_IM_MODULES" not in os.environ and method not in bundled("platforminputcontexts"):
        os.environ["QT_IM_MODULES"] = f"{method};ibus"

    platform = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        available = bundled("platforms")
        names = [part.split(":")[0] for part in platform.split(";") if part]
        if not any(f"libq{name}.so" in available for name in names):
            os.environ["QT_QPA_PLATFORM"] = f"{platform};xcb"


_fit_environment_to_bundle()
del _fit_environment_to_bundle
