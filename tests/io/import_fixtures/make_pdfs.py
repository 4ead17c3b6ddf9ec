"""Writes the committed PDFs of tests/io/import_fixtures/pdf/ with LibreOffice, the way an
office turns its Word file into the PDF it publishes (Word's and WPS's own PDFs are built alike:
ruled tables drawn as lines, text with its ToUnicode map).  LibreOffice is not needed to run
the tests, only to remake these files:

    python tests/io/import_fixtures/make_pdfs.py        (needs `soffice` on the PATH)

- lo-export-gov-2019.pdf: our own DOCX export of distinct_report("gov-2019") (draft);
- lo-variants-gov-2021.pdf: distinct_report("gov-2021") as a ruled Word file of its own with
  every published-wording variant at once (variants.py), python-docx's equal column widths
  making table 四's columns so narrow that its three-digit numbers wrap.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from disclosure_desktop.export import export_report  # noqa: E402
from tests.io.import_fixtures.builders import distinct_report  # noqa: E402
from tests.io.import_fixtures.variants import VARIANTS, applicable, combined, variant_docx  # noqa: E402

ALL_AT_ONCE = [name for name in VARIANTS if name not in ("heading_yu", "heading_he")]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        export_report(distinct_report("gov-2019"), folder / "lo-export-gov-2019.docx", draft=True)
        report = distinct_report("gov-2021")
        variant_docx(report, folder / "lo-variants-gov-2021.docx", applicable(report, combined(ALL_AT_ONCE)),
                     borders=True)
        for docx in sorted(folder.glob("*.docx")):
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE / "pdf"), str(docx)],
                           check=True, capture_output=True, timeout=300)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
