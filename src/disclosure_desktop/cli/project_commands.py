"""Subcommands on project files: new, check, schema."""

from __future__ import annotations

from pathlib import Path

from ..core import limits
from ..core.carry_forward import carry_forward, carry_forward_note
from ..core.format_switch import switch_format
from ..core.checks import ERROR, Finding, blocking_findings, check_report
from ..core.formats import format_ids
from ..core.model import Report, new_report
from ..io.project_file import (PROJECT_EXTENSION, ProjectFileError, ProjectSaveError, load_project,
                               save_project)
from ..io.schema import project_schema
from .failure import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED
from .output import bad_input, emit, emit_json, failure_json


def register(subparsers) -> None:
    new = subparsers.add_parser("new", help="新建年度报告项目文件", description="新建年度报告项目文件。")
    new.add_argument("--year", type=int, required=True, help="报告年度，例如 2025")
    new.add_argument("--agency", help="机关全称（基于上年报告新建时可省略）")
    new.add_argument("--kind", choices=("department", "government"), default=None,
                     help="department：政府部门（默认）；government：一级人民政府")
    new.add_argument("--format", choices=format_ids(), help="强制使用的格式（默认按年度选择，与年度不符会提示错误）")
    new.add_argument("--from", dest="source", metavar="上年项目文件", help="基于上年报告新建（结转数据与正文草稿）")
    new.add_argument("-o", "--output", required=True, help=f"输出的项目文件（{PROJECT_EXTENSION}）")
    new.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（会保留 .bak 备份）")
    new.set_defaults(handler=run_new)

    check = subparsers.add_parser(
        "check", help="检查项目文件",
        description="按格式规则检查项目文件。退出码：0 无错误；1 有错误；2 文件无法读取或无效。")
    check.add_argument("file", help="项目文件")
    check.add_argument("--previous", metavar="上年项目文件", help="上年度的项目文件，用于跨年度核对（C10–C12、C21）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出发现项")
    check.set_defaults(handler=run_check)

    schema = subparsers.add_parser("schema", help="输出项目文件的 JSON Schema", description="输出项目文件的 JSON Schema。")
    schema.set_defaults(handler=run_schema)


def run_new(args) -> int:
    output = Path(args.output)
    if output.exists() and not args.force:
        return bad_input(f"“{output}”已存在。如需覆盖请加 --force。")
    if not limits.YEARS[0] <= args.year <= limits.YEARS[1]:
        return bad_input(f"报告年度应在{limits.YEARS[0]}—{limits.YEARS[1]}之间。")
    if args.source:
        try:
            last = load_project(args.source).report
        except ProjectFileError as error:
            return bad_input(str(error))
        report = carry_forward(last, args.year)
        if args.agency:
            report.agency = args.agency
    else:
        if not args.agency:
            return bad_input("请用 --agency 给出机关全称。")
        report = new_report(args.year, args.agency)
    if args.kind:
        report.front.agency_kind = args.kind
    if args.format and args.format != report.format:
        switched = switch_format(report, args.format)  # the editor's rules: shared cells kept, the rest listed
        report = switched.report
        for line in switched.dropped:
            emit(f"改用 {args.format} 格式，未带入：{line}")
    try:
        save_project(report, output)
    except ProjectSaveError as error:
        return bad_input(str(error))
    emit(f"已新建 {report.title}（{report.spec.name}，{report.format}）：{output}")
    if args.source:
        emit(carry_forward_note(last, args.year))
    return EXIT_OK


def finding_as_json(finding: Finding) -> dict:
    return {"rule": finding.rule, "severity": finding.severity, "table": finding.table, "row": finding.row,
            "column": finding.column, "section": finding.section, "expected": finding.expected,
            "actual": finding.actual, "message": finding.message, "key": finding.key,
            "acknowledged": finding.acknowledged}


def run_check(args) -> int:
    try:
        loaded = load_project(args.file)
        previous: Report | None = load_project(args.previous).report if args.previous else None
    except ProjectFileError as error:
        if args.json:
            failure_json(str(error), EXIT_BAD_INPUT, problems=[str(p) for p in error.problems])
        return bad_input(str(error))
    report = loaded.report
    findings = check_report(report, previous, loaded.stated_totals)
    blocking = blocking_findings(findings)
    if args.json:
        emit_json({"findings": [finding_as_json(f) for f in findings], "notices": loaded.notices})
    else:
        emit(f"{report.title}（{report.format}）")
        for notice in loaded.notices:
            emit(f"  注意：{notice}")
        for finding in findings:
            label = "错误" if finding.severity == ERROR else "提示"
            mark = "（已说明）" if finding.acknowledged else ""
            emit(f"  [{finding.rule} {label}{mark}] {finding.message}")
        errors = sum(f.severity == ERROR for f in findings)
        warnings = len(findings) - errors
        acknowledged = sum(f.acknowledged for f in findings)
        emit(f"共 {errors} 个错误、{warnings} 个提示" + (f"（其中 {acknowledged} 个已说明）" if acknowledged else "")
              + ("；可以导出正式版。" if not blocking else "；有错误未解决，只能导出草稿。"))
    return EXIT_REFUSED if blocking else EXIT_OK


def run_schema(args) -> int:
    emit_json(project_schema())
    return EXIT_OK
