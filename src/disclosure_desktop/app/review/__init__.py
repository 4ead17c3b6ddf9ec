"""审核与汇总 in the desktop app: the board of units over a folder, its 汇总 and what goes back.

    from disclosure_desktop.app.review import ReviewWindow
    window = ReviewWindow()                      # a QWidget; show it on its own or in a tab
    window.openUnitRequested.connect(...)        # (path: str, first_problem: Finding | None)
    window.open_folder(path)                     # reads in a worker thread; the board fills as it goes

Modules: unit_model (the board's QAbstractTableModel and its sort/filter/search proxy),
worker (the QThread running review.ReviewWorkspace.refresh), rollup_view (the 汇总 tables in
the official layout), review_prompts (the dialogs, replaceable in tests), review_window.
"""

from .review_window import ReviewWindow

__all__ = ["ReviewWindow"]
