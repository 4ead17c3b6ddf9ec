"""Random bytes and garbled copies never crash the importer: it raises ImportRefused (the
documented error) or returns a result in which every cell is read or listed as unread."""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from disclosure_desktop.core.model import Report
from disclosure_desktop.io.importer import ImportRefused, as_json, describe, import_report
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page
from tests.io.import_fixtures.expect import assert_every_cell_accounted

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "kaizhou-edu-2019.txt"
REPORT = distinct_report("gov-2021")
TEXT = SAMPLE.read_text(encoding="utf-8")
PAGE = html_page(REPORT)


def import_bytes(data: bytes, suffix: str):
    """Import `data` as a file with `suffix`; return the result or None when refused."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"source{suffix}"
        path.write_bytes(data)
        try:
            result = import_report(path)
        except ImportRefused as error:
            assert str(error) and error.reason
            return None
    assert_every_cell_accounted(result)
    Report.model_validate(result.report.model_dump(mode="json"))  # a valid project, always
    describe(result)
    json.dumps(as_json(result), ensure_ascii=False, default=str)
    return result


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".htm", ".docx", ""]))
def test_random_bytes(data, suffix):
    import_bytes(data, suffix)


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".txt", ".html"]),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_text(text, suffix, encoding):
    import_bytes(text.encode(encoding, errors="replace"), suffix)


def _garble(text: str, seed: int, edits: int) -> str:
    """Delete, duplicate, swap and corrupt lines, the way a careless copy does."""
    rng = random.Random(seed)
    lines = text.split("\n")
    for _ in range(edits):
        if not lines:
            break
        i = rng.randrange(len(lines))
        action = rng.randrange(6)
        if action == 0:
            del lines[i]
        elif action == 1:
            lines.insert(i, lines[i])
        elif action == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == 3:
            lines[i] = "".join(rng.choice("0123456789/—,.(一)、总计其他元万 \u2002") for _ in range(rng.randrange(8)))
        elif action == 4 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + lines[i][k + 1:]
        else:
            lines.insert(i, "四、政府信息公开行政复议、行政诉讼情况" if rng.random() < 0.5 else "第二十条第(一)项")
    return "\n".join(lines)


@FUZZ
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 60))
def test_garbled_sample_text(seed, edits):
    import_bytes(_garble(TEXT, seed, edits).encode("utf-8"), ".txt")


@FUZZ
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 40))
def test_garbled_web_page(seed, edits):
    page = _garble(PAGE.replace("><", ">\n<"), seed, edits)
    import_bytes(page.encode("utf-8"), ".html")


_DOCX: list[bytes] = []


def _docx_bytes() -> bytes:
    if not _DOCX:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "copy.docx"
            docx_copy(REPORT, path)
            _DOCX.append(path.read_bytes())
    return _DOCX[0]


def _mutate_docx(seed: int, edits: int) -> bytes:
    """The Word file with its table grid mangled: cells and rows removed, spans and vertical
    merges set at random — valid XML, nonsense layout."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rng = random.Random(seed)
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    root = etree.fromstring(source.read("word/document.xml"))
    cells = list(root.iter(w + "tc"))
    for _ in range(edits):
        action = rng.randrange(5)
        element = rng.choice(cells)
        if action == 0 and element.getparent() is not None:
            element.getparent().remove(element)
        elif action == 1:
            row = element.getparent()
            if row is not None and row.getparent() is not None:
                row.getparent().remove(row)
        elif action in (2, 3):
            properties = element.find(w + "tcPr")
            if properties is None:
                properties = etree.SubElement(element, w + "tcPr")
                element.insert(0, properties)
            tag = w + ("gridSpan" if action == 2 else "vMerge")
            mark = etree.SubElement(properties, tag)
            mark.set(w + "val", rng.choice(["0", "1", "3", "99999", "restart", "continue", "x", ""]))
        else:
            for text in element.iter(w + "t"):
                text.text = rng.choice(["", "/", "—", "12元", "总计", "一、总体情况", "(七)总计", "abc"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = etree.tostring(root) if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info.filename, data)
    return out.getvalue()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 40))
def test_word_file_with_a_mangled_table_grid(seed, edits):
    import_bytes(_mutate_docx(seed, edits), ".docx")


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32), flips=st.integers(1, 30))
@example(seed=23391, flips=10)  # found by this test: zipfile raised NotImplementedError ("zip file version 15.3")
def test_word_file_with_flipped_bytes(seed, flips):
    rng = random.Random(seed)
    data = bytearray(_docx_bytes())
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    import_bytes(bytes(data), ".docx")


def test_garbling_really_changes_the_outcome():
    """The garbled copies exercise the unread paths, not only the happy one."""
    outcomes = set()
    for seed in range(30):
        result = import_bytes(_garble(TEXT, seed, 25).encode("utf-8"), ".txt")
        outcomes.add("refused" if result is None else ("complete" if result.complete else "unread"))
    assert "unread" in outcomes
