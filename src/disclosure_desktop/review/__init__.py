"""审核与汇总: review the reports of many units in one folder, send back findings, add the figures up.

Qt-free, above export/ and below app/: everything is done with the public functions of the
layers beneath (import, load, checks, computed totals, the exporters), never a second rule.

    from disclosure_desktop.review import ReviewWorkspace, load_roster
    ws = ReviewWorkspace("各单位年报/", year=2024, roster=load_roster("名单.txt"))
    result = ws.refresh(progress=..., cancelled=...)          # workspace
    result.units[0].status, .findings, .copies, .deadline     # units
    result.rollups()                                          # rollup: Rollup(year, format, units, report, excluded)
    write_rollup_xlsx(rollup, result, "汇总.xlsx")             # rollup_xlsx
    export_rollup_document(rollup, "汇总.docx"|".pdf")         # rollup_document
    write_letters(result.units, folder, single=False)          # letters (审核意见)
    write_summary_xlsx(result, "审核情况.xlsx")                 # summary
    as_json(result)                                            # json_report (the CLI's --json)

Modules: reading (one file → report), cache (what changed), names (normalised agency names),
units (Unit, Status), deadline, copying (C21 across units), roster, workspace, rollup,
rollup_xlsx, rollup_document, letters, summary, json_report.
"""

from .roster import Roster, RosterError, RosterMatch, load_roster, match_roster
from .rollup import Rollup, rollup_for, rollups, sum_reports
from .units import Copy, Status, Unit
from .workspace import Progress, ReviewFolderError, ReviewResult, ReviewWorkspace, scan_folder

__all__ = ["Copy", "Progress", "ReviewFolderError", "ReviewResult", "ReviewWorkspace", "Roster", "RosterError",
           "RosterMatch", "Rollup", "Status", "Unit", "load_roster", "match_roster", "rollup_for", "rollups",
           "scan_folder", "sum_reports"]
