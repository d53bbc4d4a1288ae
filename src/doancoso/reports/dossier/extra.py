"""The dossier's parts chosen or added when there is something to add: the minutes of the chi
đoàn meetings of the year, the decision recognising the rating's results once the round is
closed, and the other lists the secretary may tick (the chi đoàn, the members chi đoàn by chi
đoàn, the whole youth register, the statistics). Each one is written by the report module that
prints it alone, without its own page numbers (the dossier numbers the pages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from ...core.lang.text import vn_number
from ...core.organization import OrganizationInfo
from ...core.roster.branches import BranchInfo
from ...core.workspace import Workspace
from ..document import UnionDocument
from ..roster import as_of_note
from ..styles import markup, styles
from ..tables import Column, PagedTable
from .parts import AFTER_TABLE

BRANCHES_KIND = "DANH SÁCH CHI ĐOÀN"


def minutes_title(ws: Workspace, occurrence_id: str) -> str:
    """ "12/03/2025 – Sinh hoạt tháng 3 (Chi đoàn ấp 1)": a minutes' line in the table of
    contents (the chi đoàn named unless the title already names it)."""
    row = ws.activities.occurrence(occurrence_id).row
    names = {b.id: b.name for b in ws.branches.list()}
    title = f"{row.day:%d/%m/%Y} – {row.title}"
    named = [names[b] for b in row.branch_ids if b in names]
    branches = ", ".join(n for n in named if n.casefold() not in title.casefold())
    return f"{title} ({branches})" if branches else title


def decision_issue(ws: Workspace, year: int) -> tuple[dt.date, str | None] | None:
    """The day and number of the decision recognising the results of ``year``: as it was
    issued (:mod:`~doancoso.core.rating.decision`), else the day the round was closed and no
    number; None while the round is open or no member has a level decided (no decision)."""
    info = ws.rating.round(year)
    if info is None or not info.closed or info.closed_at is None:
        return None
    if not any(r.eligible and r.decided_level is not None for r in ws.rating.rows(year)):
        return None
    issued = ws.rating.decision(year)
    if issued is None:  # the local day: closed_at is UTC, a day behind before 07:00 here
        return info.closed_at.replace(tzinfo=dt.UTC).astimezone().date(), None
    return issued.issued_on, issued.number


def branch_total(branches: list[BranchInfo]) -> str:
    """The list's total; the members on sinh hoạt tạm (of other organisations) said apart, as
    the statistics say them, so that communes' totals can be added up."""
    members = sum(b.active_count for b in branches)
    temporary = sum(b.temporary_count for b in branches)
    held = f" (kể cả {vn_number(temporary)} sinh hoạt tạm)" if temporary else ""
    named = sum(1 for b in branches if b.id)  # not the row of the members in no chi đoàn
    return f"Tổng số: {vn_number(named)} chi đoàn, {vn_number(members)} đoàn viên{held}."


def _branch_rows(branches: list[BranchInfo]) -> list[tuple[str, str, str]]:
    """(STT, name, members) of each row of the list: the chi đoàn numbered, then the members
    in no chi đoàn ("Chưa có chi đoàn"), unnumbered since they are no chi đoàn (the last
    number is how many chi đoàn there are, as the total says)."""
    named = [b for b in branches if b.id]
    rows = [(str(i), b.name, vn_number(b.active_count)) for i, b in enumerate(named, start=1)]
    return rows + [("", b.name, vn_number(b.active_count)) for b in branches if not b.id]


def write_branches(path: Path, org: OrganizationInfo, branches: list[BranchInfo],
                   issued_on: dt.date, number: str | None = None,
                   as_of: dt.date | None = None,
                   recorded_on: dt.date | None = None) -> Path:  # fmt: skip
    """The chi đoàn of the organisation with their members on the active roster; ``as_of`` a
    past day (the dossier of a past year) they were counted on, said under the title with the
    day the chi đoàn are of (today: which chi đoàn a member was in then is not kept)."""
    today = recorded_on or dt.date.today()  # the caller's clock, else the system's
    past = as_of is not None and as_of < today
    subtitle = as_of_note(as_of, "chi đoàn", today) if past and as_of is not None else ""
    doc = UnionDocument(org, kind=BRANCHES_KIND, code="DS", title=org.name, number=number,
                        issued_on=issued_on, subtitle=subtitle,
                        recipients=(f"{org.superior_name} (b/c)",),
                        page_numbers=False)  # fmt: skip
    rows = _branch_rows(branches)
    columns = [Column("STT", 1.2, "CENTER"), Column("Chi đoàn", 9),
               Column("Số đoàn viên", 3, "CENTER")]  # fmt: skip
    total = Paragraph(f"<b>{markup(branch_total(branches))}</b>", styles()["body_left"])
    return doc.build(path, [PagedTable(columns, rows, font_size=12), Spacer(1, AFTER_TABLE)],
                     closing_lead=[total])  # fmt: skip
