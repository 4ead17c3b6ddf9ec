"""Computed cells (C2–C4) always equal their sums, whatever the inputs."""

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.computed import computed_values, full_table
from disclosure_desktop.core.formats import format_ids, get_format
from disclosure_desktop.core.model import new_report

counts = st.one_of(st.none(), st.integers(min_value=0, max_value=999_999_999))


@st.composite
def table_inputs(draw, format_id=st.sampled_from(format_ids()), table_id=st.sampled_from(["s3", "s4"])):
    table = get_format(draw(format_id)).table(draw(table_id))
    inputs = {}
    for row, column in table.input_cells():
        value = draw(counts)
        if value is not None:
            inputs.setdefault(row.id, {})[column.id] = value
    return table, inputs


def _present(values):
    return [v for v in values if v is not None]


@settings(max_examples=200, deadline=None)
@given(table_inputs())
def test_totals_equal_their_parts(case):
    table, inputs = case
    values = full_table(table, inputs)
    for definition in table.computed:
        if definition.target_column:
            for row in table.data_rows:
                parts = _present(values[row.id][c] for c in definition.sum_of_columns)
                assert values[row.id][definition.target_column] == (sum(parts) if parts else None)
        if definition.target_row:
            for column in table.columns:
                parts = _present(values[r][column.id] for r in definition.sum_of_rows)
                assert values[definition.target_row][column.id] == (sum(parts) if parts else None)
    # The corner (（七）总计 × 总计) is the same whichever way it is summed.
    if "results_total" in values:
        corner = values["results_total"]["total"]
        by_rows = _present(values["results_total"][c.id] for c in table.columns if c.id != "total")
        assert corner == (sum(by_rows) if by_rows else None)


@settings(max_examples=100, deadline=None)
@given(table_inputs(table_id=st.just("s3")))
def test_computed_cells_never_produce_stated_total_findings(case):
    table, inputs = case
    fmt_id = "gov-2019" if any(r.id == "other" for r in table.data_rows) else "gov-2021"
    report = new_report(2020 if fmt_id == "gov-2019" else 2022, "测试机关")
    report.tables["s3"] = inputs
    stated = {"s3": {r: {c: v} for (r, c), v in computed_values(table, inputs).items()}}
    assert [f for f in check_report(report, stated_totals=stated) if f.rule in ("C2", "C3", "C4")] == []


def test_blank_parts_give_a_blank_total_and_partial_parts_count_as_zero():
    table = get_format("gov-2021").table("s4")
    assert full_table(table, {})["review"]["total"] is None
    assert full_table(table, {"review": {"upheld": 2}})["review"]["total"] == 2
