"""Import speed: the published sample text and a ~1 MB saved web page, as ratios to same-run baselines.

Baselines: reading + decoding the same file (what any import must do at least), and for the
page also the standard library's HTMLParser run over it with no handlers (the bare cost of
tokenising that much HTML).  The 1 MB page is the report (different numbers in every cell)
inside the kind of page content systems save: head scripts, a long site menu, nested layout
tables, a news sidebar and footers, repeated until the file is 1 MB.  The PDF is a 10-page
report written by our own exporter (longer narrative), against pypdfium2's bare text
extraction of every page of the same file (what any PDF import must pay).
Run: python bench/import_bench.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from timing import ROOT, timed

sys.path.insert(0, str(ROOT))  # for tests.io.import_fixtures (the report copy builders)

from disclosure_desktop.io.importer import import_report  # noqa: E402
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page  # noqa: E402

SAMPLE_TEXT = ROOT / "tests" / "samples" / "kaizhou-edu-2019.txt"
PAGE_BYTES = 1024 * 1024
PDF_PAGES = 10


def ten_page_pdf(path: Path) -> int:
    """A report exported to PDF by the app's own renderer, its narrative grown to PDF_PAGES pages."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pypdfium2

    from disclosure_desktop.export import export_report

    report = distinct_report("gov-2021")
    paragraph = report.narrative["s1"]
    while True:
        export_report(report, path, draft=True)
        document = pypdfium2.PdfDocument(str(path))
        pages = len(document)
        document.close()
        if pages >= PDF_PAGES:
            return pages
        report.narrative["s1"] += "\n" + paragraph


def pdf_text_only(path: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def chrome_block(number: int) -> str:
    """One screenful of a content system's page furniture."""
    menu = "".join(f'<li><a href="/col/{number}_{k}/index.html">栏目{k}：政策文件与解读汇编</a></li>' for k in range(40))
    news = "".join(f'<tr><td><a href="/art/{number}/{k}.html">区政府召开第{k}次常务会议研究部署重点工作</a></td>'
                   f"<td>2022-0{1 + k % 9}-1{k % 10}</td></tr>" for k in range(30))
    script = "var cfg={site:'zf',col:%d,list:[%s]};" % (number, ",".join(str(k) for k in range(200)))
    return (f"<script>{script}</script><div class=\"menu\"><ul>{menu}</ul></div>"
            f"<table class=\"list\"><tbody>{news}</tbody></table>"
            f"<div class=\"footer\"><p>主办单位：重庆市某某区人民政府办公室</p><p>网站标识码5001010001</p></div>")


def big_page(target: int) -> str:
    page = html_page(distinct_report("gov-2021"))
    head, tail = page.split('<div class="article">', 1)
    padding, number = [], 0
    while len((head + tail).encode("utf-8")) + sum(len(p.encode("utf-8")) for p in padding) < target:
        padding.append(chrome_block(number))
        number += 1
    half = len(padding) // 2
    return head + "".join(padding[:half]) + '<div class="article">' + tail.replace(
        "</body>", "".join(padding[half:]) + "</body>")


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if SAMPLE_TEXT.exists():
            sample = SAMPLE_TEXT
            rows.append(("sample text: read + decode (baseline)",
                         timed(lambda: sample.read_bytes().decode("utf-8"), 200), None))
            rows.append(("sample text: import", timed(lambda: import_report(sample), 50),
                         "sample text: read + decode (baseline)"))
        page = folder / "page.html"
        page.write_text(big_page(PAGE_BYTES), encoding="utf-8")
        size = page.stat().st_size

        def parse_only():
            parser = HTMLParser()
            parser.feed(page.read_bytes().decode("utf-8"))
            parser.close()

        rows.append((f"{size / 1024 / 1024:.2f} MB page: read + decode (baseline)",
                     timed(lambda: page.read_bytes().decode("utf-8"), 20), None))
        rows.append(("1 MB page: HTMLParser, no handlers (baseline)", timed(parse_only, 5), None))
        page_import = timed(lambda: import_report(page), 5)
        rows.append(("1 MB page: import", page_import, rows[-2][0]))
        rows.append(("1 MB page: import (vs. bare HTMLParser)", page_import, rows[-2][0]))
        result = import_report(page)
        assert result.unread == [], "the padded page must still import completely"

        word = folder / "copy.docx"
        docx_copy(distinct_report("gov-2021"), word)
        rows.append(("Word file: python-docx open (baseline)", timed(lambda: __import__("docx").Document(str(word)), 10), None))
        rows.append(("Word file: import", timed(lambda: import_report(word), 10), rows[-1][0]))

        pdf = folder / "report.pdf"
        pages = ten_page_pdf(pdf)
        rows.append((f"{pages}-page PDF: pypdfium2 text of every page (baseline)", timed(lambda: pdf_text_only(pdf), 10), None))
        rows.append((f"{pages}-page PDF: import", timed(lambda: import_report(pdf), 10), rows[-1][0]))
        assert import_report(pdf).unread == [], "the PDF must import completely"

    by_name = {name: seconds for name, seconds, _ in rows}
    print(f"{'measure':48} {'median':>11}  ratio")
    for name, seconds, baseline in rows:
        ratio = f"{seconds / by_name[baseline]:.1f}× {baseline}" if baseline else ""
        print(f"{name:48} {seconds * 1000:9.2f}ms  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
