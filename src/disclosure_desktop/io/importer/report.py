"""The import report: what was read, what was not, what was assumed, what the checks found.

A reviewer reads it to know which figures to trust: every cell the import could not read is
named (it stays blank in the project, never a silent 0), every assumption is named with the
cell it concerns, and every printed total that is not the sum of its parts is listed with the
printed and the computed value.
"""

from __future__ import annotations

from ...core.checks import ERROR, Finding
from ...core.values import format_value
from .result import ImportResult, cell_name


def _printed(result: ImportResult, cell: tuple[str, str, str]) -> str:
    value = result.stated_totals[cell[0]][cell[1]][cell[2]]
    return "空白" if value is None else format_value(value)


def _finding_line(finding: Finding) -> str:
    label = "错误" if finding.severity == ERROR else "提示"
    return f"  · [{finding.rule} {label}] {finding.message}"


def describe(result: ImportResult, output: str | None = None) -> str:
    report = result.report
    lines = [
        f"导入的年报：{report.title}",
        f"来源：{result.source_kind_name}" + (f"（{result.encoding}编码）" if result.encoding else ""),
        f"格式：{result.source_format_note}",
        f"单元格：共{result.cell_count}个，已读取{len(result.read_cells)}个，未能读取{len(result.unread)}个。",
    ]
    if report.front.published_on:
        lines.append(f"公开日期：{report.front.published_on.year}年{report.front.published_on.month}月"
                     f"{report.front.published_on.day}日")
    for note in result.notes:
        lines.append(f"注意：{note}")
    lines.append("")
    if result.unread:
        lines.append(f"未能读取（{len(result.unread)}项，在项目中保持空白，请对照原文填写）：")
        lines += [f"  · {item.where}：{item.reason}" for item in result.unread]
    else:
        lines.append("所有单元格均已读取。")
    if result.assumptions:
        lines.append(f"假设与换算（{len(result.assumptions)}项）：")
        lines += [f"  · {item.where}：{item.message}" for item in result.assumptions]
    totals = result.total_findings
    printed = sum(len(columns) for rows in result.stated_totals.values() for columns in rows.values())
    checked = printed - len(result.unchecked_totals)
    if totals:
        lines.append(f"原文总计核对：已核对{checked}个总计，其中{len(totals)}个与各项之和不符或为空（项目中使用计算值）：")
        lines += [_finding_line(f) + (f"（{result.source_address(f)}）" if result.source_address(f) else "")
                  for f in totals]
    elif checked:
        lines.append(f"原文总计核对：已核对{checked}个总计，均等于各项之和。")
    if result.unchecked_totals:
        fmt = report.spec
        lines.append(f"另有{len(result.unchecked_totals)}个原文总计含有未能读取的单元格，暂无法核对（填写后在检查中核对）：")
        lines += [f"  · {cell_name(fmt, *cell)}（原文为{_printed(result, cell)}）" for cell in result.unchecked_totals]
    others = result.other_findings
    if others:
        errors = sum(f.severity == ERROR for f in others)
        lines.append(f"其他检查发现（{errors}个错误、{len(others) - errors}个提示）：")
        lines += [_finding_line(f) for f in others]
    if output:
        lines.append("")
        lines.append(f"已写入项目文件：{output}")
    return "\n".join(lines)


def as_json(result: ImportResult, output: str | None = None) -> dict:
    report = result.report
    return {
        "output": output,
        "title": report.title,
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "format_note": result.source_format_note,
        "source_kind": result.source_kind,
        "encoding": result.encoding,
        "published_on": report.front.published_on.isoformat() if report.front.published_on else None,
        "cells_total": result.cell_count,
        "cells_read": len(result.read_cells),
        "complete": result.complete,
        "unread": [item.to_dict() for item in result.unread],
        "assumptions": [item.to_dict() for item in result.assumptions],
        "stated_totals": result.stated_totals,
        "total_findings": [{**f.to_dict(), "source_address": result.source_address(f)} for f in result.total_findings],
        "unchecked_totals": [{"table": t, "row": r, "column": c} for t, r, c in result.unchecked_totals],
        "findings": [f.to_dict() for f in result.findings],
        "notes": result.notes,
        "exit_code": result.exit_code,
    }
