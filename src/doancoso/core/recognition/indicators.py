"""What the app proves from its own records for a checklist item: an indicator's value, its
threshold, whether it is met, where the figure comes from and the day it was computed.

Each indicator reads the records it names at the moment it is computed (never a copy); a missing
source (no plan, no rating round) gives no value and says what is missing. A year not begun yet
(a checklist opened in advance, as a plan is made for next year) has nothing done in it: its
figures are "chưa đến kỳ", neither met nor failed, as the plan's targets read
(:attr:`~doancoso.core.plans.service.PlanInfo.started`); so is what the year cannot have done
yet: the members' remarks before the month they are rated in (:data:`RATING_MONTH`), the chi
đoàn's meetings before a month has ended, a plan not registered before its deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities.rules import BUILTIN_KINDS
from ..context import WorkspaceContext
from ..lang.dates import format_vn_date
from ..lang.text import one_decimal, percent_cell, vn_number
from ..plans.figures import NOT_DUE_TEXT, not_started_text
from ..plans.measures import branch_meetings_tally, measure, measure_due, partly_held
from ..plans.registration import plan_deadline
from ..plans.rules import NOT_REGISTERED
from ..storage.live import is_live
from ..storage.models import (
    AdviceRecord,
    Branch,
    CoordinationRecord,
    Member,
    MemberEvent,
    Plan,
    PlanTarget,
    Youth,
)
from ..youth.service import admitted_live
from .registers import in_period
from .template import INDICATORS, Item


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    value: float | None
    text: str  # the value in words, with where it comes from
    threshold: float | None
    met: bool | None  # None: nothing to measure yet
    computed_on: dt.date
    due: bool = True
    """False when it is too early to judge (the year has not begun, a deadline or the rating
    month has not come): ``met`` is then None."""

    @property
    def verdict(self) -> str:
        """ "Đạt", "Chưa đạt", "Chưa đo được" (no figure to judge), or "Chưa đến kỳ" (too early
        to judge): the words of the page and of ``checklist show``."""
        if not self.due:
            return NOT_DUE_TEXT.capitalize()
        return {True: "Đạt", False: "Chưa đạt", None: "Chưa đo được"}[self.met]


YEAR_BOUND = frozenset(
    {
        "remarks-share",
        "admissions-vs-plan",
        "branch-meetings",
        "activities-done",
        "party-introductions",
        "advice-count",
        "coordination-count",
    }
)
"""The indicators counting what was done in the year (``targets-met`` too, through its plan);
the roster and the youth register are read as they are today, whatever the year."""
NOT_BEGUN = f"{NOT_DUE_TEXT.capitalize()} đánh giá: {{}}."


RATING_MONTH = 12
"""The month members are rated in: the annual evaluation is made at the year's end (DOMAIN.md
§3: each member's self-assessment, the chi đoàn's meeting, the BCH's decision, the remark in
the sổ đoàn viên). Item 1.2 (``remarks-share``) is due from its first day: before it the year's
round not opened yet, or not all written, is "chưa đến kỳ", not a failure (every remark written
early is met early, as a plan registered before its deadline); from it what is written is
judged, so the secretary sees in December what remains. A year past is judged on its own round
(closed, as the superior body checks it)."""
NEW_SINCE_TYPED = "thêm vào ứng dụng ngày {}, hơn một tháng sau khi đơn vị bắt đầu dùng ứng dụng"
"""Why item 2.3 holds a chi đoàn from its first whole month only: typed in after the
organisation's first month in the app (:data:`~..plans.measures.SETTLING`), it is new."""
NEW_SINCE_ACTIVITY = "hoạt động đầu tiên ngày {}"
"""… or its own activity recorded before it was typed in, from which it is counted."""


def _branch_notes(session: Session, org: str, year: int, as_of: dt.date) -> str:
    """What item 2.3 says of each chi đoàn not held to every month read, as the plans page
    names them (:func:`~..plans.measures.partly_held`: the same chi đoàn, months and Vietnamese
    order of names): one the app knows to be new in ``year`` counted from its first whole
    month, "; Chi đoàn Khu công nghiệp tính từ tháng 08/2025 (chi đoàn mới: thêm vào ứng dụng
    ngày 15/07/2025, hơn một tháng sau khi đơn vị bắt đầu dùng ứng dụng)", or "… chưa tính
    (…)" before that month has ended; one deleted or merged away in the months read until the
    last month that ended before it went, "; Chi đoàn ấp 3 tính đến tháng 05/2025 (xóa khỏi
    danh sách ngày 10/06/2025)", or "… không tính (…)" when none had."""
    partly = partly_held(session, org, year, as_of)
    if not partly:
        return ""
    # Stored UTC, said locally (as branch_starts reads it).
    typed = {
        branch: created.replace(tzinfo=dt.UTC).astimezone().date()
        for branch, created in session.execute(
            select(Branch.id, Branch.created_at).where(Branch.id.in_([p.branch_id for p in partly]))
        )
    }
    said = []
    for branch in partly:
        why = []
        if branch.start is not None:
            since = (
                NEW_SINCE_TYPED if branch.start == typed[branch.branch_id] else NEW_SINCE_ACTIVITY
            )
            why.append("chi đoàn mới: " + since.format(format_vn_date(branch.start)))
        if branch.end is not None:
            why.append(f"xóa khỏi danh sách ngày {format_vn_date(branch.end)}")
        reasons = "; ".join(why)
        if not branch.months:
            said.append(f"; {branch.name} {'không' if branch.end else 'chưa'} tính ({reasons})")
            continue
        months = [f"từ tháng {branch.months[0]:02d}/{year}"] if branch.start else []
        months += [f"đến tháng {branch.months[-1]:02d}/{year}"] if branch.end else []
        said.append(f"; {branch.name} tính {' '.join(months)} ({reasons})")
    return "".join(said)


def compute(
    ctx: WorkspaceContext,
    session: Session,
    item: Item,
    year: int,
    as_of: dt.date,
    remarks: tuple[int, int] | None,
) -> Indicator | None:
    """The indicator of ``item`` (None if it has none). ``remarks`` is (members with this
    year's remark, members the rating round covers), read by the caller."""
    if item.indicator is None:
        return None
    key, threshold = item.indicator, item.threshold
    org = ctx.organization_id
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)
    label = INDICATORS[key]

    def result(value: float | None, text: str, met: bool | None = None) -> Indicator:
        if met is None and value is not None and threshold is not None:
            met = value >= threshold - 1e-9
        return Indicator(key, label, value, text, threshold, met, as_of)

    def not_due(text: str) -> Indicator:
        return Indicator(key, label, None, text, threshold, None, as_of, due=False)

    # As PlanInfo.started: before 1 January nothing of the year can have been done.
    if key in YEAR_BOUND and as_of < first:
        return not_due(NOT_BEGUN.format(not_started_text(year)))
    if key == "roster-updated":
        changed = max(
            session.scalar(select(func.max(Member.updated_at)).where(Member.organization_id == org))
            or dt.datetime.min,
            session.scalar(
                select(func.max(MemberEvent.updated_at)).where(MemberEvent.organization_id == org)
            )
            or dt.datetime.min,
        )
        if changed == dt.datetime.min:
            return result(None, "Danh sách đoàn viên chưa có ai.", False)
        day = changed.replace(tzinfo=dt.UTC).astimezone().date()  # stored UTC; said locally
        months = max(0, (as_of - day).days) / 30.44  # stamped later (a clock ahead): fresh
        met = threshold is None or months <= threshold
        return result(round(months, 1), f"Cập nhật lần cuối ngày {format_vn_date(day)}.", met)
    if key == "remarks-share":  # due from RATING_MONTH (its docstring says why)
        due = as_of >= dt.date(year, RATING_MONTH, 1)
        when = f"đoàn viên được xếp loại vào cuối năm (tháng {RATING_MONTH:02d}/{year})"
        if not remarks:
            if not due:
                return not_due(NOT_BEGUN.format(when))
            return result(None, f"Chưa có đợt xếp loại đoàn viên năm {year}.", False)
        if not remarks[1]:  # nobody to remark on: nothing to judge, never "0/0"
            return result(
                None, f"Đợt xếp loại năm {year} chưa có đoàn viên nào thuộc diện xếp loại."
            )
        share = 100 * remarks[0] / remarks[1]
        written = f"{vn_number(remarks[0])}/{vn_number(remarks[1])} đoàn viên thuộc diện xếp loại"
        if not due and (threshold is None or round(share, 1) < threshold - 1e-9):
            return not_due(NOT_BEGUN.format(f"{when}; {written} đã có nhận xét"))
        return result(round(share, 1), f"{written} có nhận xét năm {year}.")
    if key == "admissions-vs-plan":
        has_plan = session.scalar(select(Plan.id).where(is_live(Plan, org), Plan.year == year))
        planned = session.scalar(
            select(PlanTarget.planned)
            .join(Plan, Plan.id == PlanTarget.plan_id)
            .where(
                is_live(Plan, org),
                Plan.year == year,
                is_live(PlanTarget),
                PlanTarget.measure == "admissions",
            )
        )
        done = measure(ctx, session, "admissions", None, year, as_of) or 0
        if not planned:
            why = (
                f"kế hoạch năm {year} chưa có chỉ tiêu kết nạp"
                if has_plan
                else f"chưa có kế hoạch công tác năm {year}"
            )
            return result(None, f"Đã kết nạp {vn_number(round(done))} đoàn viên; {why}.", False)
        return result(
            one_decimal(100 * done / planned),
            f"Đã kết nạp {vn_number(round(done))}/{vn_number(round(planned))} đoàn viên "
            "theo chỉ tiêu.",
        )
    if key == "youth-register":
        live = (is_live(Youth, org), ~admitted_live())
        total = session.scalar(select(func.count()).select_from(Youth).where(*live)) or 0
        hardship = (
            session.scalar(
                select(func.count()).select_from(Youth).where(*live, Youth.in_hardship.is_(True))
            )
            or 0
        )
        return result(
            float(total),
            f"{vn_number(total)} thanh niên trong sổ theo dõi, {vn_number(hardship)} có hoàn "
            "cảnh khó khăn.",
        )
    if key == "plan-registered":
        plan = session.scalar(select(Plan).where(is_live(Plan, org), Plan.year == year))
        deadline = plan_deadline(session, org, year)
        early = as_of <= deadline  # not made or not registered yet is not late yet
        if plan is None and early:
            return not_due(
                f"Chưa có kế hoạch công tác năm {year} (hạn đăng ký {format_vn_date(deadline)})."
            )
        if plan is None:
            return result(None, f"Chưa có kế hoạch công tác năm {year}.", False)
        if plan.registration_state == NOT_REGISTERED or plan.registered_on is None:
            when = format_vn_date(deadline) + (": chưa đến hạn" if early else "")
            text = f"Kế hoạch năm {year} chưa đăng ký với cấp trên (hạn {when})."
            return not_due(text) if early else result(None, text, False)
        on_time = plan.registered_on <= deadline
        return result(
            None,
            f"Đăng ký ngày {format_vn_date(plan.registered_on)} (hạn {format_vn_date(deadline)}).",
            on_time,
        )
    if key == "targets-met":
        from ..plans.service import PlanService

        info = PlanService(ctx).get(year, as_of)
        if info is not None and not info.started:  # as the plan's page reads them
            return not_due(
                f"Kế hoạch có {vn_number(len(info.targets))} chỉ tiêu, {NOT_DUE_TEXT} đánh giá: "
                f"{not_started_text(year)}."
            )
        if info is None and as_of < first:
            return not_due(NOT_BEGUN.format(not_started_text(year)))
        judged = [t for t in (info.targets if info else ()) if t.share is not None]
        if info is None:
            return result(None, f"Chưa có kế hoạch công tác năm {year}.", False)
        if not judged and any(not t.due for t in info.targets):  # measured, but not yet
            return not_due(
                f"Kế hoạch có {vn_number(len(info.targets))} chỉ tiêu, {NOT_DUE_TEXT} đánh giá: "
                f"tháng 01/{year} chưa kết thúc."
            )
        if not judged:
            return result(None, f"Kế hoạch năm {year} chưa có chỉ tiêu đo được.", False)
        reached = sum(1 for t in judged if (t.share or 0) >= 1 - 1e-9)
        return result(
            one_decimal(100 * reached / len(judged)),
            f"Đạt {vn_number(reached)}/{vn_number(len(judged))} chỉ tiêu của kế hoạch.",
        )
    if key == "branch-meetings":
        tally = branch_meetings_tally(ctx, session, year, as_of)
        if tally is None:
            return result(None, "Chưa có chi đoàn nào.", False)
        full, total = tally
        if not total:  # only chi đoàn new this year, none of whose months has ended yet
            new = _branch_notes(session, org, year, as_of)
            return not_due(NOT_BEGUN.format(f"chi đoàn chưa qua trọn tháng nào{new}"))
        if not measure_due("branch-meetings", year, as_of):  # no month ended: who met so far
            return not_due(
                NOT_BEGUN.format(f"tháng 01/{year} chưa kết thúc ({vn_number(full)}/"
                                 f"{vn_number(total)} chi đoàn đã sinh hoạt trong tháng)")
            )  # fmt: skip
        value = round(100 * full / total, 1)  # the plan's measure (plans/measures.py)
        return result(
            value,
            f"{vn_number(full)}/{vn_number(total)} chi đoàn sinh hoạt đủ hằng tháng "
            f"({percent_cell(value)}){_branch_notes(session, org, year, as_of)}.",
        )
    if key == "activities-done":
        value = measure(ctx, session, "activities", item.kind, year, as_of) or 0.0
        kind = BUILTIN_KINDS.get(item.kind or "", (item.kind or "mọi loại", ""))[0]
        done_text = vn_number(round(value))
        return result(value, f"{done_text} hoạt động “{kind}” đã thực hiện trong năm.")
    if key == "party-introductions":  # as a plan's target measures it (plans/measures.py)
        count = int(measure(ctx, session, "party-introductions", None, year, as_of) or 0)
        return result(
            float(count),
            f"{vn_number(count)} đoàn viên ưu tú được giới thiệu cho Đảng trong năm.",
        )
    if key in ("advice-count", "coordination-count"):
        model = AdviceRecord if key == "advice-count" else CoordinationRecord
        count = (
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(is_live(model, org), in_period(model, first, last))
            )
            or 0
        )
        what = "văn bản tham mưu" if key == "advice-count" else "chương trình phối hợp"
        return result(float(count), f"{vn_number(count)} {what} trong năm.")
    raise ValueError(f"unknown indicator {key!r}")
