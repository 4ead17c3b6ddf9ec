"""The one exception of the importer: a source that is not (readable as) an annual report."""

from __future__ import annotations


class ImportRefused(Exception):
    """The source cannot be imported at all (exit code 2): not found, empty, binary, too large,
    a zip bomb, a broken Word file, or no annual report in it.

    `str(error)` is a complete Chinese sentence for the user; `reason` is a short machine key
    (``missing``, ``empty``, ``binary``, ``too_large``, ``zip_bomb``, ``bad_docx``, ``old_doc``,
    ``not_a_report``, ``unreadable``) for callers that react differently.
    """

    def __init__(self, message: str, reason: str = "not_a_report"):
        super().__init__(message)
        self.reason = reason
