"""The dossier's lists (activities, members, young people, chi đoàn, statistics) and its evidence
annex, and when each is left out:
one reading for the pre-build check (:func:`~doancoso.core.dossier.check.left_out_lists`) and
the build (``reports.dossier.build``), so that what the check says will be left out is what the
built dossier leaves out.

Every list is counted at the end of one day, :func:`counted_on`: the year's end (the dossier of
a past year prints its lists of then), or the day of issue when earlier.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..lang.dates import format_vn_date
from ..lifecycle.rules import ACTIVE_STATUSES
from ..recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from ..roster.branches import BranchInfo
from ..youth.service import YouthFilter
from .check import register_item

if TYPE_CHECKING:
    from ..workspace import Workspace

LISTS = ("hoat-dong", "doan-vien", "thanh-nien", "thanh-nien-dan-toc", "thanh-nien-ton-giao",
         "chi-doan", "doan-vien-chi-doan", "so-thanh-nien", "thong-ke")  # fmt: skip
"""The list parts (codes of :data:`~doancoso.core.dossier.check.PARTS`) left out when empty,
in the order of the parts."""
ANNEX = "minh-chung"
"""The evidence annex, left out when no file would be in it (after the lists, as in the parts)."""
NO_EVIDENCE = "Chưa có tệp minh chứng nào."

HARDSHIP = YouthFilter(hardship_only=True)
YOUTH_LISTS = {
    "thanh-nien": HARDSHIP,
    "thanh-nien-dan-toc": YouthFilter(minority_only=True),
    "thanh-nien-ton-giao": YouthFilter(religious_only=True),
    "so-thanh-nien": YouthFilter(),
}
"""A youth list part → the register's filter (its check boxes) that lists its young people."""
NO_YOUTH = {
    "thanh-nien": "Không có thanh niên có hoàn cảnh khó khăn.",
    "thanh-nien-dan-toc": "Không có thanh niên dân tộc thiểu số.",
    "thanh-nien-ton-giao": "Không có thanh niên có tôn giáo.",
    "so-thanh-nien": "Chưa có thanh niên nào trong danh sách.",
}
"""A youth list part → why it is left out when nobody is on it."""


def counted_on(year: int, issued_on: dt.date) -> dt.date:
    """The day the dossier of ``year`` issued on ``issued_on`` counts its lists at."""
    return min(issued_on, dt.date(year, 12, 31))


def empty_lists(
    ws: Workspace, year: int, parts: Sequence[str], issued_on: dt.date
) -> dict[str, str]:
    """The list parts among ``parts`` that the dossier of ``year`` issued on ``issued_on``
    leaves out, each with why (the sentence its contents page prints), in :data:`LISTS` order;
    then the evidence annex (:data:`ANNEX`) when chosen and no file would be in it."""
    day = counted_on(year, issued_on)
    reasons: dict[str, str] = {}
    for part in (p for p in LISTS if p in parts):
        reason = _no_activity(ws, year) if part == "hoat-dong" else _empty(ws, part, day)
        if reason is not None:
            reasons[part] = reason
    if ANNEX in parts and not _has_evidence(ws, year, parts, day):
        reasons[ANNEX] = NO_EVIDENCE
    return reasons


def _has_evidence(ws: Workspace, year: int, parts: Sequence[str], day: dt.date) -> bool:
    """Whether the annex of the dossier of ``year`` with ``parts`` would hold a file: one
    attached to a checklist item, or to an advice or coordination record of the year that the
    annex takes (``reports.dossier.register.with_register``): under the item citing or counting
    the register, else numbered by the register itself when the register is in the dossier."""
    opened = ws.recognition.opened(year) is not None
    view = ws.recognition.view(year, day, with_indicators=False) if opened else None
    if view is not None and any(v.files for v in view.items):
        return True
    in_dossier = "tham-muu-phoi-hop" in parts
    registers = (("advice", ADVICE_TABLE, ws.registers.advice(year)),
                 ("coordination", COORDINATION_TABLE, ws.registers.coordination(year)))  # fmt: skip
    for record, table, rows in registers:
        taken = in_dossier or register_item(view, record) is not None
        if rows and taken and any(ws.evidence.attachments_of(table, [r.id for r in rows]).values()):
            return True
    return False


def _no_activity(ws: Workspace, year: int) -> str | None:
    """Why the list of the year's activities would be empty (none in ``year``), or None."""
    if ws.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        return None
    return f"Chưa có hoạt động nào trong năm {year}."


def _empty(ws: Workspace, part: str, day: dt.date) -> str | None:
    """Why the list ``part`` counted at the end of ``day`` would be empty, or None."""
    if part == "doan-vien":
        if any(s in ACTIVE_STATUSES for s in ws.statistics.statuses_on(day).values()):
            return None
        return f"Không có đoàn viên nào đang sinh hoạt ngày {format_vn_date(day)}."
    if part in YOUTH_LISTS:
        return None if youth_on(ws, YOUTH_LISTS[part], day) else NO_YOUTH[part]
    if part == "chi-doan":
        return None if any(b.id for b in branches_on(ws, day)) else "Chưa có chi đoàn nào."
    if part == "doan-vien-chi-doan":
        if any(b.active_count for b in branches_on(ws, day)):
            return None
        return "Chưa có chi đoàn nào có đoàn viên."
    if part == "thong-ke":
        if ws.statistics.statuses_on(day) or youth_on(ws, YouthFilter(), day):
            return None
        return "Chưa có đoàn viên, thanh niên nào."
    raise ValueError(part)


def youth_ids_on(ws: Workspace, flt: YouthFilter, day: dt.date) -> list[str]:
    """The young people ``flt`` shows of the register as it stood at the end of the past
    ``day``, in name order: those admitted into the union since are there (as the statistics of
    that day count them, :meth:`~doancoso.core.statistics.service.StatisticsService.youths_on`),
    those admitted by then are not. Their details (hardship, work away...) are today's."""
    then = ws.statistics.youths_on(day)
    return [i for i in ws.youth.ids(dataclasses.replace(flt, include_admitted=True)) if i in then]


def youth_on(ws: Workspace, flt: YouthFilter, day: dt.date) -> list[str]:
    """The young people ``flt`` shows at the end of ``day``: today's register for today or
    later, else as the list of that day prints them (:func:`youth_ids_on`)."""
    return ws.youth.ids(flt) if day >= dt.date.today() else youth_ids_on(ws, flt, day)


def branches_on(ws: Workspace, day: dt.date) -> list[BranchInfo]:
    """The chi đoàn with their members counted at the end of ``day``, then the members in no
    chi đoàn (``ws.branches.unassigned()``, "Chưa có chi đoàn") when some are active, as the
    roster counts them: on a past day (the dossier of a past year) as the roster stood then
    (the statistics' replay,
    :meth:`~doancoso.core.statistics.service.StatisticsService.statuses_on`), so that the list
    of chi đoàn and the members listed by chi đoàn agree with the dossier's member list."""
    branches = [*ws.branches.list(), ws.branches.unassigned()]
    if day < dt.date.today():
        then = ws.statistics.statuses_on(day)
        members: Counter[str] = Counter()
        active: Counter[str] = Counter()
        temporary: Counter[str] = Counter()
        for row in ws.members.rows(list(then)):
            status, key = then[row.id], row.branch_id or ""
            members[key] += 1
            active[key] += status in ACTIVE_STATUSES
            temporary[key] += status == "temporary"
        branches = [dataclasses.replace(b, member_count=members[b.id], active_count=active[b.id],
                                        temporary_count=temporary[b.id])
                    for b in branches]  # fmt: skip
    return [b for b in branches if b.id or b.active_count]
