"""The fuzz suite of issue 15: hostile project files and pages through `check`, all four exports
and `import`, in process.  Whatever the input: no exception escapes, the exit code is 0, 1 or 2,
the message is Chinese, --json is strict JSON and a refused export leaves no file.  The big
cases (largest admitted inputs: memory and time bounded) are marked slow and run by CI."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_runner import assert_sound, run
from tests.largest_inputs import largest_docx, largest_page, largest_project, largest_text, measured
from tests.io.import_fixtures.builders import distinct_report, html_page, text_copy

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"
SAMPLE_DOC = json.loads(SAMPLE.read_text("utf-8"))
PAGE = html_page(distinct_report("gov-2021")).encode("utf-8")
TEXT = text_copy(distinct_report("gov-2019")).encode("gb18030")
# Reproducible in CI (no example database, a fixed seed): a failure found once is found again.
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MEMORY_BOUND = 500 * 1024 * 1024   # what the issue asks of every admitted input
HANG_BOUND = 120                    # seconds: far above any admitted case (bench/limits_bench.py)

# Everything a file may hold where text is expected: lone surrogates, controls, any script.
hostile_chars = st.characters(categories=["Cs", "Cc", "Cf", "Co", "Lo", "Nd", "Zs", "Zl", "Po", "Sm", "Ll"])
hostile_text = st.one_of(
    st.text(hostile_chars, max_size=60),
    st.builds(lambda unit, times: unit * times, st.text(hostile_chars, min_size=1, max_size=4),
              st.integers(0, 120_000)),
    st.sampled_from(["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\t=1", "（一）\n" * 400,
                     "\r" * 400, "]" * 50, "{" * 50, "\ud800", "\udfff\ud800"]))
hostile_number = st.one_of(
    st.integers(), st.integers(-10 ** 400, 10 ** 400), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10 ** 9, 10 ** 9 - 1, -1, 0.1 + 0.2, 1e308]))
scalar = st.one_of(hostile_text, hostile_number, st.booleans(), st.none())
hostile_value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                             st.dictionaries(hostile_text, inner, max_size=3)),
                             max_leaves=6)
SLOTS = ["agency", "format", "year", "schema_version", "front.contact", "front.signatory", "front.published_at",
         "front.agency_kind", "front.published_on", "narrative.s1", "narrative.s5", "narrative.s6",
         "tables.s3.new.natural", "tables.s3.new", "tables.s3", "tables", "fees.amount_yuan", "fees.notices",
         "previous", "previous.narrative.s1", "explanations", "narrative"]


def _with(document: dict, where: str, value) -> dict:
    document = copy.deepcopy(document)
    *parents, last = where.split(".")
    node = document
    for part in parents:
        if not isinstance(node.get(part), dict):  # an earlier change put something else here
            node[part] = {}
        node = node[part]
    node[last] = value
    return document


def _write(tmp: Path, document: dict) -> Path:
    path = tmp / "fuzz.gknb"
    # allow_nan: NaN/Infinity literals are part of what a hostile file holds
    path.write_text(json.dumps(document, allow_nan=True), encoding="ascii")
    return path


def _check_and_export(tmp: Path, path: Path, suffix: str, draft: bool) -> None:
    assert_sound(run("check", path, "--json"), as_json=True)
    output = tmp / f"out.{suffix}"
    output.unlink(missing_ok=True)
    extra = ["--draft"] if draft else []
    assert_sound(run("export", path, "-o", output, "--json", *extra), as_json=True, output=output)


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(SLOTS), hostile_value), min_size=1, max_size=3),
       suffix=st.sampled_from(["docx", "html", "xlsx"]), draft=st.booleans())
def test_hostile_values_in_a_project(tmp_path_factory, changes, suffix, draft):
    tmp = tmp_path_factory.mktemp("fuzz")
    document = SAMPLE_DOC
    for where, value in changes:
        document = _with(document, where, value)
    _check_and_export(tmp, _write(tmp, document), suffix, draft)


@settings(FUZZ, max_examples=12)
@given(where=st.sampled_from(["agency", "narrative.s1", "narrative.s6", "front.contact"]), value=hostile_text)
def test_hostile_text_through_the_pdf_renderer(tmp_path_factory, where, value):
    tmp = tmp_path_factory.mktemp("fuzz")
    _check_and_export(tmp, _write(tmp, _with(SAMPLE_DOC, where, value)), "pdf", True)


# --- admitted input always exports: values within every limit, anywhere a report holds them ---
admitted_chars = st.characters(categories=["Lo", "Nd", "Zs", "Po", "Ps", "Pe", "Sm", "Ll", "Lu", "So", "Cs", "Cc", "Cf"],
                               exclude_characters="\r\n")  # lines are made below, within each field's limit
one_line = st.text(admitted_chars, max_size=99).map(lambda text: "局" + text)  # not empty once controls are cleaned
admitted_text = st.lists(st.text(admitted_chars, max_size=200), max_size=20).map("\n".join)
admitted_number = st.one_of(st.integers(-(10 ** 9) + 1, 10 ** 9 - 1), st.none(),
                            st.floats(-(10 ** 9) + 1, 10 ** 9 - 1, allow_nan=False, allow_infinity=False))
admitted_date = st.one_of(st.none(), st.dates().map(str))


@st.composite
def admitted_projects(draw) -> dict:
    document = copy.deepcopy(SAMPLE_DOC)
    document["agency"] = draw(one_line)
    document["front"].update(contact=draw(admitted_text), signatory=draw(one_line), published_at=draw(one_line),
                             published_on=draw(admitted_date), period_start=draw(admitted_date),
                             period_end=draw(admitted_date),
                             agency_kind=draw(st.sampled_from(["department", "government"])),
                             has_rulemaking_power=draw(st.booleans()))
    document["year"] = draw(st.integers(2008, 2100))
    document["narrative"] = {key: draw(admitted_text) for key in document["narrative"]}
    for rows in document["tables"].values():
        for columns in rows.values():
            for column in columns:
                if draw(st.integers(0, 5)) == 0:
                    columns[column] = draw(admitted_number)
    document["explanations"] = draw(st.dictionaries(st.text(admitted_chars, max_size=30), admitted_text, max_size=3))
    return document


@FUZZ
@given(document=admitted_projects(), suffix=st.sampled_from(["docx", "html", "xlsx"]))
def test_admitted_projects_always_export_as_draft(tmp_path_factory, document, suffix):
    tmp = tmp_path_factory.mktemp("fuzz")
    path = _write(tmp, document)
    output = tmp / f"out.{suffix}"
    outcome = assert_sound(run("export", path, "-o", output, "--draft"), output=output)
    assert outcome.code == 0 and output.exists(), outcome.message


@settings(FUZZ, max_examples=10)
@given(document=admitted_projects())
def test_admitted_projects_always_export_as_pdf(tmp_path_factory, document):
    tmp = tmp_path_factory.mktemp("fuzz")
    output = tmp / "out.pdf"
    outcome = assert_sound(run("export", _write(tmp, document), "-o", output, "--draft"), output=output)
    assert outcome.code == 0 and output.exists(), outcome.message


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut:]
    return data


edits = st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 64),
                           st.one_of(st.binary(max_size=16), st.sampled_from([b"[" * 40, b"\\ud800", b"1e999", b"9" * 50,
                                                                              b"\xef\xbb\xbf", b"\x00", b'"', b"NaN"]))),
                 min_size=1, max_size=6)


@FUZZ
@given(edits=edits)
def test_damaged_project_bytes(tmp_path_factory, edits):
    tmp = tmp_path_factory.mktemp("fuzz")
    path = tmp / "damaged.gknb"
    path.write_bytes(_mutate(SAMPLE.read_bytes(), edits))
    _check_and_export(tmp, path, "html", True)


@FUZZ
@given(edits=edits, kind=st.sampled_from(["page.html", "copy.txt", "page.htm"]))
def test_damaged_pages_through_import(tmp_path_factory, edits, kind):
    tmp = tmp_path_factory.mktemp("fuzz")
    source, output = tmp / kind, tmp / "out.gknb"
    source.write_bytes(_mutate(PAGE if kind.endswith(("html", "htm")) else TEXT, edits))
    outcome = assert_sound(run("import", source, "-o", output, "--json"), as_json=True, output=output, refused=(2,))
    if outcome.code != 2:
        assert_sound(run("check", output))  # what import writes opens again


# --- the big cases: largest admitted inputs in a process of their own, memory and time bounded ---
def _bounded(args: list[str], tmp: Path) -> subprocess.CompletedProcess:
    """Run the command line in a child; assert it ends within HANG_BOUND and under MEMORY_BOUND."""
    try:
        _, peak_mb, result = measured(args, tmp, timeout=HANG_BOUND)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{args[0]} ran over {HANG_BOUND} s") from None
    assert peak_mb * 1024 * 1024 < MEMORY_BOUND, f"{args[0]} used {peak_mb:.0f} MB"
    return result


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["docx", "html", "xlsx", "pdf"])
def test_largest_admitted_project_exports_within_bounds(tmp_path, suffix):
    path = largest_project(tmp_path)
    assert assert_sound(run("check", path)).code in (0, 1)  # admitted
    result = _bounded(["export", str(path), "-o", str(tmp_path / f"out.{suffix}"), "--draft"], tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["tags", "lines", "docx"])
def test_largest_admitted_page_imports_within_bounds(tmp_path, kind):
    source = {"tags": largest_page, "lines": largest_text, "docx": largest_docx}[kind](tmp_path)
    result = _bounded(["import", str(source), "-o", str(tmp_path / "out.gknb")], tmp_path)
    assert result.returncode in (0, 1), result.stderr  # admitted: imported, not refused


@pytest.mark.slow
@pytest.mark.parametrize("name", ["huge.gknb", "huge.html"])
def test_files_over_the_limits_are_refused_quickly(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"[" * (20 * 1024 * 1024))  # really written: the reproducers' 20 MiB files
    command = ["check", str(path)] if name.endswith(".gknb") else ["import", str(path), "-o", str(tmp_path / "o.gknb")]
    result = _bounded(command, tmp_path)
    assert result.returncode == 2 and "文件过大" in result.stderr
