"""`check` on project files built from real published reports (tests/real_reports/, sources in its README).

Every figure in those files was copied from the published table; blank printed cells stay blank.
The expected findings below were worked out by hand from the printed table (the arithmetic is in
the comments), so these tests fail if the checker misses a real error or reports one that is not
in the published figures.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from disclosure_desktop.cli import main
from disclosure_desktop.core.formats import get_format
from disclosure_desktop.io.project_file import load_project

REAL = Path(__file__).resolve().parents[1] / "real_reports"
SHANGHAI_2019 = REAL / "shanghai-bgt-2019.gknb"

N = None  # a cell the published table left blank
S3_COLUMNS = ("natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total")
S4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")

# 上海市人民政府办公厅2019年政府信息公开工作年度报告, table 三, exactly as printed
# (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计).
PRINTED_S3 = {
    "new":           (821, 35, N, N, 2, 1, 859),
    "carried_in":    (18, N, N, N, N, N, 18),
    "public":        (258, 12, N, N, 1, 1, N),
    "partial":       (3, N, N, N, N, N, N),
    "withheld_1":    (14, N, N, N, N, N, N),
    "withheld_2":    (N, N, N, N, N, N, N),
    "withheld_3":    (N, N, N, N, N, N, N),
    "withheld_4":    (N, N, N, N, N, N, N),
    "withheld_5":    (5, N, N, N, N, N, N),
    "withheld_6":    (3, 1, N, N, N, N, N),
    "withheld_7":    (N, N, N, N, N, N, N),
    "withheld_8":    (10, 2, N, N, N, N, N),
    "unable_1":      (252, 12, N, N, 1, N, N),
    "unable_2":      (44, 3, N, N, N, N, N),
    "unable_3":      (25, N, N, N, N, N, N),
    "declined_1":    (148, 1, N, N, N, N, N),
    "declined_2":    (5, 4, N, N, N, N, N),
    "declined_3":    (N, N, N, N, N, N, N),
    "declined_4":    (N, N, N, N, N, N, N),
    "declined_5":    (N, N, N, N, N, N, N),
    "other":         (N, N, N, N, N, N, N),
    "results_total": (767, 35, N, N, 2, 1, 805),
    "carried_out":   (72, N, N, N, N, N, 72),
}
# Table 四 as printed (结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
PRINTED_S4 = {
    "review":            (5, N, N, 2, 7),
    "suit_direct":       (8, N, N, 1, 9),
    "suit_after_review": (N, N, N, N, N),
}
# Table 二 as printed; 采购总金额 was printed as 251000元 and is stored in 万元 (the format's unit).
PRINTED_S2 = {
    ("s2_item1", "regulations"): {"new_made": 13, "new_published": 13, "total_published": 524},
    ("s2_item1", "normative_docs"): {"new_made": 60, "new_published": 60, "total_published": 368},
    ("s2_item5", "licensing"): {"prev_count": 0, "change": 0, "decisions": 0},
    ("s2_item5", "other_services"): {"prev_count": 0, "change": 0, "decisions": 0},
    ("s2_item6", "penalty"): {"prev_count": 0, "change": 0, "decisions": 0},
    ("s2_item6", "coercion"): {"prev_count": 0, "change": 0, "decisions": 0},
    ("s2_item8", "fees"): {"prev_count": 0, "change": 0},
    ("s2_item9", "central_procurement"): {"projects": 6, "amount": 25.1},
}

# The real errors of that table, by hand:
#
# C3 (总计 column = sum of the six applicant columns): the published table prints 总计 only for
# rows 一, 二, （七） and 四 and leaves it blank in every result row, eleven of which have figures:
EXPECTED_C3 = {
    "public": 272,      # 258 + 12 + 1 + 1
    "partial": 3,       # 3
    "withheld_1": 14,   # 14
    "withheld_5": 5,    # 5
    "withheld_6": 4,    # 3 + 1
    "withheld_8": 12,   # 10 + 2
    "unable_1": 265,    # 252 + 12 + 1
    "unable_2": 47,     # 44 + 3
    "unable_3": 25,     # 25
    "declined_1": 149,  # 148 + 1
    "declined_2": 9,    # 5 + 4
}
# The printed totals that are there are right, so there is no C2, C4 or other C3 finding:
#   （七）总计 自然人 767 = 258+3+14+5+3+10+252+44+25+148+5; 商业企业 35 = 12+1+2+12+3+1+4;
#   法律服务机构 2 = 1+1; 其他 1 = 1; 总计 805 = 767+35+2+1.
#   总计 column: 一 859 = 821+35+2+1; 二 18; 四 72.   四: 复议 7 = 5+2; 直接起诉 9 = 8+1.
# And every column balances, so there is no C1 finding:
#   自然人 821+18 = 839 = 767+72; 商业企业 35 = 35; 法律服务机构 2 = 2; 其他 1 = 1;
#   总计 859+18 = 877 = 805+72 (科研机构 and 社会公益组织 are blank throughout: not compared).
# C5 (every cell filled, 0 rather than blank): each blank input cell of 三 and 四 —
# 132 input cells in 三 of which 27 are printed, 12 in 四 of which 4 are printed: 105 + 8 = 113.
EXPECTED_C5_COUNT = 113


def run_check(capsys, *args: object) -> tuple[int, str]:
    code = main(["check", *(str(a) for a in args)])
    out, _ = capsys.readouterr()
    return code, out


def blank_input_cells() -> set[tuple[str, str, str]]:
    """The (table, row, column) input cells the published table left blank."""
    blanks = set()
    for table_id, printed, columns in (("s3", PRINTED_S3, S3_COLUMNS), ("s4", PRINTED_S4, S4_COLUMNS)):
        table = get_format("gov-2019").table(table_id)
        for row_id, values in printed.items():
            for column_id, value in zip(columns, values):
                if value is None and not table.is_computed(row_id, column_id):
                    blanks.add((table_id, row_id, column_id))
    return blanks


def test_file_holds_exactly_the_printed_table():
    """Guards the transcription: inputs and printed totals in the file are the published ones."""
    loaded = load_project(SHANGHAI_2019)
    report, stated = loaded.report, loaded.stated_totals
    assert (report.format, report.year, report.agency) == ("gov-2019", 2019, "上海市人民政府办公厅")
    for (table_id, row_id), cells in PRINTED_S2.items():
        assert {c: report.value(table_id, row_id, c) for c in cells} == cells
    for table_id, printed, columns in (("s3", PRINTED_S3, S3_COLUMNS), ("s4", PRINTED_S4, S4_COLUMNS)):
        table = report.spec.table(table_id)
        for row_id, values in printed.items():
            for column_id, value in zip(columns, values):
                if table.is_computed(row_id, column_id):
                    assert stated[table_id][row_id][column_id] == value, (table_id, row_id, column_id)
                else:
                    assert report.value(table_id, row_id, column_id) == value, (table_id, row_id, column_id)
    assert len(blank_input_cells()) == EXPECTED_C5_COUNT


def test_check_finds_exactly_the_real_errors(capsys):
    code, out = run_check(capsys, SHANGHAI_2019, "--json")
    findings = json.loads(out)["findings"]

    assert code == 1
    assert Counter(f["rule"] for f in findings) == {"C3": len(EXPECTED_C3), "C5": EXPECTED_C5_COUNT}

    c3 = [f for f in findings if f["rule"] == "C3"]
    assert {f["row"]: (f["expected"], f["actual"]) for f in c3} == {row: (v, None) for row, v in EXPECTED_C3.items()}
    assert {(f["table"], f["column"], f["severity"]) for f in c3} == {("s3", "total", "error")}
    public = next(f for f in c3 if f["row"] == "public")
    assert public["message"] == "三、收到和处理申请情况「（一）予以公开」行「总计」列：原文总计为空，按各项计算应为272"

    c5 = [f for f in findings if f["rule"] == "C5"]
    assert {(f["table"], f["row"], f["column"]) for f in c5} == blank_input_cells()
    assert all(f["actual"] is None and "未填写" in f["message"] for f in c5)


def test_check_text_output_names_the_report_and_counts(capsys):
    code, out = run_check(capsys, SHANGHAI_2019)
    assert code == 1
    assert out.startswith("上海市人民政府办公厅2019年政府信息公开工作年度报告（gov-2019）")
    assert "共 124 个错误、0 个提示；有错误未解决，只能导出草稿。" in out
