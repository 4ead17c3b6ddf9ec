"""Entry script of the bundled executables: the same `main` as the `disclosure-desktop` command.

Kept outside the package so PyInstaller analyses the package as a package (its modules are
imported as disclosure_desktop.*, exactly as in a source install).
"""

import sys

from disclosure_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
