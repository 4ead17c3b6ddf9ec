"""`disclosure-desktop review FOLDER`: review every unit's report in a folder, add the figures up.

Exit codes: 0 every unit passes (warnings allowed); 1 a unit has errors, cannot be read, or a
roster unit is missing; 2 the folder (or the roster) cannot be read or holds no report file, or an
output cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from ..export import ExportError
from ..review import ReviewFolderError, ReviewWorkspace, RosterError, load_roster
from .output import bad_input, emit, emit_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "review", help="审核与汇总：检查一个文件夹中各单位的年报并汇总",
        description="读取文件夹（含子文件夹）中各单位的年报（.gknb 项目文件、.html/.htm 网页、.docx、.pdf、.txt），"
                    "逐份检查（文件夹中有该单位上年报告时一并核对），找出抄用其他单位的正文，对照名册找出未报送的单位，"
                    "并按年度和格式汇总各项数字。退出码：0 全部通过；1 有单位有错误、无法读取或未报送；2 文件夹或名册无法读取。")
    parser.add_argument("folder", metavar="FOLDER", help="存放各单位年报的文件夹")
    parser.add_argument("--year", type=int, help="只审核这一年度的报告（其他年度的报告仍用于跨年度核对）")
    parser.add_argument("--roster", metavar="FILE", help="应报送单位名册：.txt（每行一个单位）或 .xlsx（一列单位名称）")
    parser.add_argument("--accept-near", action="store_true",
                        help="名册中的名称与报告中的机关名称相近（如少一个字）时视为同一单位（默认列为待确认、按未报送处理）")
    parser.add_argument("-o", "--output", metavar="汇总.xlsx",
                        help="写出汇总：.xlsx（汇总表、各单位明细及合计公式）或 .docx/.pdf/.html（汇总表）")
    parser.add_argument("--letters", metavar="DIR", help="在此文件夹中为每个有问题的单位写出审核意见（.docx）和审核情况汇总表")
    parser.add_argument("--single-letter", action="store_true", help="审核意见写成一个文档（每个单位一节）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出审核结果")
    parser.set_defaults(handler=run_review)


def run_review(args) -> int:
    try:
        roster = load_roster(args.roster) if args.roster else None
    except RosterError as error:
        return bad_input(str(error), args.json)
    workspace = ReviewWorkspace(args.folder, year=args.year, roster=roster)
    try:
        result = workspace.refresh()
        if roster is not None and args.accept_near and result.roster.near:
            workspace.confirmed = {near.name for near in result.roster.near}
            result = workspace.refresh()  # from the cache: nothing is read twice
    except ReviewFolderError as error:
        return bad_input(str(error), args.json)
    if not result.all_units:  # most likely the wrong folder: say so rather than "all passed"
        return bad_input(f"文件夹“{args.folder}”（含子文件夹）中没有年报文件（.gknb、.html、.htm、.docx、.pdf、.txt）。",
                     args.json)
    rollups = result.rollups()
    to_stderr = args.json  # with --json, what was written is told on stderr, so stdout stays JSON
    try:
        if args.output:
            _write_rollup(result, rollups, Path(args.output), to_stderr)
        if args.letters:
            _write_letters(result, Path(args.letters), args.single_letter, to_stderr)
    except ExportError as error:
        return bad_input(str(error), args.json)
    except OSError as error:  # the letters folder cannot be made (a file of that name, no permission)
        return bad_input(f"无法写出审核意见：{error.strerror or error}（{error.filename or args.letters}）", args.json)
    if args.json:
        from ..review.json_report import as_json

        emit_json(as_json(result, rollups))
    else:
        _print_board(result, rollups)
    return result.exit_code


def _print_board(result, rollups) -> None:
    if not result.units:
        emit(f"文件夹“{result.folder}”中没有{result.year}年度的报告。")
    for unit in result.units:
        counts = f"错误{unit.errors}、提示{unit.warnings}" if unit.readable else ""
        year = f"{unit.year}年" if unit.year else ""
        emit(f"[{unit.status.value}] {unit.agency} {year} {unit.source} {counts}".rstrip())
        if unit.error:
            emit(f"    {unit.error.splitlines()[0]}")
        for copy in unit.copied_from_others:
            emit(f"    正文「{unit.report.spec.section(copy.section).display_title}」与"
                  f"{copy.other_agency}的报告{copy.share:.0%}相同")
    if result.roster is not None:
        for near in result.roster.near:
            emit(f"待确认：名册中的“{near.name}”与报告中的“{near.unit.agency}”（{near.unit.source}）相近，"
                  f"是同一单位吗？确认后请加 --accept-near 重新运行。")
        missing = result.roster.unanswered
        if missing:
            emit(f"未报送（{len(missing)}个）：{'、'.join(missing)}")
        if result.roster.unexpected:
            emit(f"名册中没有的单位：{'、'.join(u.agency for u in result.roster.unexpected)}")
    if result.skipped_note:
        emit(result.skipped_note)
    for rollup in rollups:
        emit(f"汇总 {rollup.year}年（{rollup.report.spec.name}）：{len(rollup.units)}个单位"
              + (f"；未计入 {len(rollup.excluded)} 份" if rollup.excluded else ""))
    statuses = {}
    for unit in result.units:
        statuses[unit.status.value] = statuses.get(unit.status.value, 0) + 1
    emit("共 " + "，".join(f"{name} {count}" for name, count in statuses.items()) if statuses else "共 0 个单位")


def _write_rollup(result, rollups, path: Path, to_stderr: bool) -> None:
    """The first roll-up (year and format with the most units) to `path`; the others are named."""
    if not rollups:
        emit("没有可以汇总的报告，未写出汇总。", error=to_stderr)
        return
    rollup = rollups[0]
    if path.suffix.lower() == ".xlsx":
        from ..review.rollup_xlsx import write_rollup_xlsx

        write_rollup_xlsx(rollup, path, board=result.units)
    else:
        from ..review.rollup_document import export_rollup_document

        export_rollup_document(rollup, path)
    others = [f"{other.year}年 {other.format}" for other in rollups[1:]]
    emit(f"已写出汇总（{rollup.year}年，{rollup.report.spec.name}，{len(rollup.units)}个单位）：{path}"
          + (f"；另有 {'、'.join(others)} 的报告未计入" if others else ""), error=to_stderr)


def _write_letters(result, folder: Path, single: bool, to_stderr: bool) -> None:
    from ..review.letters import write_letters
    from ..review.summary import write_summary_xlsx

    written = write_letters(result.units, folder, single=single)
    folder.mkdir(parents=True, exist_ok=True)
    summary = write_summary_xlsx(result.units, folder / "审核情况汇总表.xlsx")
    emit(f"已写出审核意见 {len(written)} 份和审核情况汇总表：{folder}（{summary.name}）", error=to_stderr)
