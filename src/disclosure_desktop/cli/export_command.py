"""`disclosure-desktop export FILE -o OUT.docx|.pdf|.html|.xlsx [--draft] [--json]`.

Exit codes: 0 exported; 1 refused as final because errors stand (the message lists them and
suggests --draft); 2 bad input (unreadable project, unknown extension, failed write); 3 internal
error (cli/failure.py).
"""

from __future__ import annotations

from ..export import EXPORTERS, ExportError, ExportRefused, export_report, exporter_for, listed
from ..io.project_file import ProjectFileError, load_project
from .failure import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED
from .output import emit, emit_json
from .project_commands import finding_as_json


def register(subparsers) -> None:
    formats = "、".join(EXPORTERS)
    parser = subparsers.add_parser(
        "export", help="导出年报（Word、PDF、网页或 Excel）",
        description=f"把项目文件导出为 {formats} 文件，格式由输出文件的扩展名决定。"
                    "有错误未解决时不导出正式版（退出码 1），可加 --draft 导出带“草稿”标记的草稿。"
                    "退出码：0 成功；1 有错误，拒绝导出正式版；2 输入有误或无法写入；3 程序内部错误。")
    parser.add_argument("file", help="项目文件（.gknb）")
    parser.add_argument("-o", "--output", required=True, help=f"输出文件，扩展名为 {formats} 之一")
    parser.add_argument("--draft", action="store_true", help="导出草稿（带“草稿”标记），即使还有错误")
    parser.add_argument("--previous", metavar="上年项目文件", help="上年度的项目文件，用于跨年度核对")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.set_defaults(handler=run_export)


def _emit(args, payload: dict, message: str, code: int) -> int:
    if args.json:
        emit_json(payload if code == EXIT_OK else {**payload, "exit_code": code})
    else:
        emit(message, error=code != EXIT_OK)
    return code


def run_export(args) -> int:
    try:
        exporter_for(args.output)
        loaded = load_project(args.file)
        previous = load_project(args.previous).report if args.previous else None
    except (ExportError, ProjectFileError) as error:
        return _emit(args, {"error": str(error)}, str(error), EXIT_BAD_INPUT)
    try:
        result = export_report(loaded.report, args.output, draft=True if args.draft else None,
                               previous=previous, stated_totals=loaded.stated_totals)
    except ExportRefused as refused:
        message = f"{refused}\n如需先导出草稿，请加 --draft。"
        payload = {"error": str(refused), "refused": True,
                   "findings": [finding_as_json(f) for f in refused.findings]}
        return _emit(args, payload, message, EXIT_REFUSED)
    except ExportError as error:
        return _emit(args, {"error": str(error)}, str(error), EXIT_BAD_INPUT)

    payload = {"path": str(result.path), "format": result.format, "pages": result.pages,
               "substituted_fonts": result.substituted_fonts, "draft": result.draft,
               "draft_reasons": result.draft_reasons}
    lines = [f"已导出{'草稿' if result.draft else '正式版'}：{result.path}"]
    if result.pages is not None:
        lines.append(f"  共 {result.pages} 页")
    if result.substituted_fonts:
        lines.append(f"  替代字体：{'；'.join(result.substituted_fonts)}")
    if result.draft_reasons:
        lines.append("  草稿原因（改正后可导出正式版）：")
        lines += listed(result.draft_reasons, indent="    ")
    return _emit(args, payload, "\n".join(lines), EXIT_OK)
