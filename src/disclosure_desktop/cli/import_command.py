"""`disclosure-desktop import SOURCE -o FILE [--json]`: a published report becomes a project.

Exit codes: 0 every cell read; 1 some cells not read (the project is still written, and they are
listed); 2 the source is not a report or cannot be read, or the output cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from ..core.limits import listed, quote, report_limit_problems
from ..io.importer import ImportRefused, as_json, describe, import_report
from ..io.project_file import PROJECT_EXTENSION, ProjectSaveError, save_project
from .output import bad_input, emit, emit_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="导入已发布的年报（网页、文本、Word 或 PDF 文件）",
        description="把已发布的政府信息公开工作年度报告（.html/.htm 网页、.txt 文本、.docx 文档、带文字的 .pdf）导入为项目文件，"
                    "并报告未能读取的单元格、所作的假设和原文总计的核对结果。"
                    "退出码：0 全部读取；1 有单元格未能读取（仍写出项目文件）；2 不是年报或无法读取。")
    parser.add_argument("source", metavar="SOURCE", help="已发布的年报：网页（.html/.htm）、文本（.txt）、Word（.docx）或 PDF（.pdf）")
    parser.add_argument("-o", "--output", required=True, help=f"输出的项目文件（{PROJECT_EXTENSION}）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出导入报告")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（会保留 .bak 备份）")
    parser.set_defaults(handler=run_import)


def run_import(args) -> int:
    output = Path(args.output)
    if output.exists() and not args.force:
        return bad_input(f"“{output}”已存在。如需覆盖请加 --force。", args.json)
    try:
        result = import_report(args.source)
    except ImportRefused as error:
        return bad_input(f"无法导入“{quote(args.source, 80)}”：{error}", args.json)
    broken = report_limit_problems(result.report)
    if broken:  # what the project file could not hold: no report of this size was ever published
        return bad_input(f"无法导入“{quote(args.source, 80)}”：读出的内容超出项目文件的限制（{listed(broken)}），"
                       "不像是一份年报。", args.json)
    try:
        save_project(result.report, output)
    except ProjectSaveError as error:
        return bad_input(str(error), args.json)
    if args.json:
        emit_json(as_json(result, str(output)))
    else:
        emit(describe(result, str(output)))
    return result.exit_code
