"""The yearly work plan (kế hoạch công tác năm): one per organisation and year, its targets
and their progress, its registration with the superior body, a copy of last year's as a start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import ConflictError, NotFoundError, ValidationError
from ..lang.dates import DateFormatError, check_year, format_vn_date, parse_vn_date
from ..lang.numbers import parse_figure
from ..lang.text import nfc, nfc_multiline_or_none, nfc_or_none
from ..storage.live import get_live, is_live
from ..storage.models import Plan, PlanTarget
from ..storage.settings import put_setting, setting_value
from ..storage.tracking import transaction_time
from .copying import PLACES, CreatedPlan, PlanCopy, YearMention, move_title_year, move_year
from .measures import PartlyHeld, measure, measure_due, partly_held
from .registration import (
    PLAN_DEADLINE_KEY,
    Deadline,
    PlanReminder,
    check_deadline,
    is_registered,
    plan_deadline,
    reminder_due,
    stored_deadline,
)
from .rules import (
    APPROVED,
    CRITERIA,
    DEFAULT_TITLE,
    MEASURES,
    NOT_REGISTERED,
    REGISTRATION_STATES,
    SENT,
)

PLAN_TEXT_FIELDS = ("grounds", "purposes", "content", "implementation")


@dataclass(frozen=True)
class TargetInfo:
    id: str
    position: int
    text: str
    criterion: int | None
    planned: float | None
    unit: str | None
    measure: str | None
    measure_kind: str | None
    achieved: float | None
    measured: bool
    due: bool = True
    """False while its measure cannot judge it yet (:func:`~.measures.measure_due`: chi đoàn
    meetings before January is over): ``achieved`` is what was counted so far, no share."""

    @property
    def share(self) -> float | None:
        """achieved / planned (1.0 = done), None when either is unknown or it is not due."""
        if self.due and self.planned and self.achieved is not None:
            return self.achieved / self.planned
        return None


@dataclass(frozen=True)
class PlanInfo:
    id: str
    revision: int
    year: int
    number: str | None
    plan_date: dt.date | None
    title: str
    grounds: str | None
    purposes: str | None
    content: str | None
    implementation: str | None
    registration_state: str
    registered_on: dt.date | None
    registration_number: str | None
    targets: tuple[TargetInfo, ...]
    as_of: dt.date

    @property
    def started(self) -> bool:
        """Whether the plan's year had begun at ``as_of``: a plan made in advance for next year
        has no result yet, and none of its targets can be judged (they are "chưa đến kỳ")."""
        return self.as_of >= dt.date(self.year, 1, 1)


def _year(year: int) -> int:
    return check_year(year)


def _date(text: str | None, name: str, errors: dict[str, str]) -> dt.date | None:
    if not text or not str(text).strip():
        return None
    try:
        return parse_vn_date(str(text))[0]
    except DateFormatError as exc:
        errors[name] = str(exc)
        return None


def _number(text: str | None, name: str, errors: dict[str, str]) -> float | None:
    """A figure typed as "20", "12,5" or "12.5", or grouped as the page shows it ("1.500" is
    fifteen hundred: read as 1,5 it would change a target the secretary only re-saved)."""
    try:
        number = parse_figure(text)
    except ValueError:
        errors[name] = "Phải là một số, ví dụ 20 hoặc 100."
        return None
    if number is not None and not 0 <= number <= 1_000_000:
        errors[name] = "Số phải từ 0 đến 1.000.000."
    return number


def _share(text: str | None) -> tuple[str, bool]:
    """The figure of ``text`` without a trailing "%", and whether it had one ("80%")."""
    value = nfc(text)
    if value.endswith("%"):
        return value[:-1].strip(), True
    return value, False


def parse_target(raw: Mapping[str, str], kinds: Mapping[str, str]) -> dict[str, object]:
    """The columns of a target from the form's text (every problem at once)."""
    errors: dict[str, str] = {}
    text = nfc_multiline_or_none(raw.get("text"))
    if not text:
        errors["text"] = "Cần nhập nội dung chỉ tiêu."
    criterion: int | None = None
    if nfc(raw.get("criterion")):
        try:
            criterion = int(nfc(raw.get("criterion")))
        except ValueError:
            criterion = None
        if criterion not in CRITERIA:
            errors["criterion"] = "Tiêu chí phải là 1, 2 hoặc 3."
    planned_text, planned_share = _share(raw.get("planned"))
    achieved_text, achieved_share = _share(raw.get("achieved"))
    planned = _number(planned_text, "planned", errors)
    achieved = _number(achieved_text, "achieved", errors)
    key = nfc(raw.get("measure")) or None
    if key is not None and key not in MEASURES:
        errors["measure"] = "Cách đo không hợp lệ: " + ", ".join(MEASURES) + "."
    unit = nfc_or_none(raw.get("unit"))
    if planned_share or achieved_share:
        # "80%": 80 with the unit "%", as the plan prints it, unless another unit is meant.
        usual = unit or (MEASURES[key][1] if key in MEASURES else None) or "%"
        if usual != "%":
            name, typed = (
                ("planned", planned_text) if planned_share else ("achieved", achieved_text)
            )
            errors[name] = (
                f"Số có dấu % thì đơn vị phải là “%”: nhập {typed} nếu đơn vị là “{usual}”, "
                "hoặc đổi đơn vị thành %."
            )
        unit = "%"
    kind = nfc(raw.get("measure_kind")) or None
    if kind is not None and kind not in kinds:
        errors["measure_kind"] = "Loại hoạt động không có trong danh sách."
    if errors:
        raise ValidationError(errors)
    if unit is None and key is not None and planned is not None:
        unit = MEASURES[key][1]
    return {
        "text": text,
        "criterion": criterion,
        "planned": planned,
        "unit": unit,
        "measure": key,
        "measure_kind": kind if key == "activities" else None,
        "achieved": None if key else achieved,
    }


def printed_details(plan: PlanInfo, number: str, issued_on: dt.date) -> dict[str, str]:
    """The number and date a plan printed with ``number`` and ``issued_on`` is to keep, as
    :meth:`PlanService.save` takes them: the plan printed is the one sent to the superior body,
    so the report of results and the dossier cite it. Only those that differ from the plan's;
    no blank number (written by hand) and no date outside the plan's year and the year before
    (printed only)."""
    kept: dict[str, str] = {}
    if number and number != (plan.number or ""):
        kept["number"] = number
    if issued_on != plan.plan_date and _may_date(plan.year, issued_on):
        kept["plan_date"] = format_vn_date(issued_on)
    return kept


def _may_date(year: int, day: dt.date) -> bool:
    """Whether the plan of ``year`` can be dated ``day``: in its year or the year before."""
    return year - 1 <= day.year <= year


def unkept_date_text(year: int, issued_on: dt.date) -> str:
    """What to tell the secretary who printed the plan of ``year`` dated ``issued_on`` outside
    the years a plan can be dated (a mistyped year, most likely): the file carries the date, the
    plan does not. Empty when the date can be the plan's."""
    if _may_date(year, issued_on):
        return ""
    return (
        f"Ngày {format_vn_date(issued_on)} chỉ in trên tệp, không ghi vào kế hoạch: kế hoạch "
        f"năm {year} ban hành trong năm {year - 1} hoặc {year}. Nếu gõ nhầm năm, hãy in lại."
    )


def kept_text(kept: Mapping[str, str]) -> str:
    """ "Số 03-KH/ĐTN và ngày ban hành 20/01/2026", or either alone."""
    parts = []
    if "number" in kept:
        parts.append(f"Số {kept['number']}")
    if "plan_date" in kept:
        parts.append(f"ngày ban hành {kept['plan_date']}")
    text = " và ".join(parts)
    return text[:1].upper() + text[1:]


class PlanService:
    """The plans of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def years(self) -> list[int]:
        stmt = select(Plan.year).where(is_live(Plan, self._ctx.organization_id))
        with self._ctx.db.read() as session:
            return sorted(session.scalars(stmt))

    def measured(self, year: int, key: str, kind: str | None = None,
                 as_of: dt.date | None = None) -> float | None:  # fmt: skip
        """What the app counts of measure ``key`` (:data:`~.rules.MEASURES`) in ``year`` up to
        ``as_of`` (default today), as a target measured by it would show."""
        with self._ctx.db.read() as session:
            return measure(self._ctx, session, key, kind, year, as_of or dt.date.today())

    def partly_held(self, year: int, as_of: dt.date | None = None) -> list[PartlyHeld]:
        """The chi đoàn a target measured by ``branch-meetings`` holds to part of ``year`` only
        (new in it, or deleted or merged away), at ``as_of`` (default today), by name."""
        with self._ctx.db.read() as session:
            return partly_held(session, self._ctx.organization_id, year, as_of or dt.date.today())

    def get(self, year: int, as_of: dt.date | None = None) -> PlanInfo | None:
        """The plan of ``year`` with each target's progress at ``as_of`` (default: today)."""
        as_of = as_of or dt.date.today()
        with self._ctx.db.read() as session:
            plan = self._find(session, year)
            if plan is None:
                return None
            targets = tuple(
                self._target_info(session, t, year, as_of) for t in self._targets(session, plan.id)
            )
            return PlanInfo(
                plan.id,
                plan.revision,
                plan.year,
                plan.number,
                plan.plan_date,
                plan.title,
                plan.grounds,
                plan.purposes,
                plan.content,
                plan.implementation,
                plan.registration_state,
                plan.registered_on,
                plan.registration_number,
                targets,
                as_of,
            )

    def create(
        self,
        year: int,
        from_year: int | None = None,
        number: str | None = None,
        title: str | None = None,
    ) -> CreatedPlan:
        """Make the plan of ``year``, empty or copied from ``from_year``'s (its texts and
        targets, not its registration nor its results). In a copy the year moves on in the
        title, and in the texts and targets where it says "năm <from_year>" (see
        :mod:`.copying`); what moved and what the secretary should read are returned."""
        _year(year)
        org = self._ctx.organization_id
        with self._ctx.db.transaction(bulk=from_year is not None) as session:  # a copy: bulk
            if self._find(session, year) is not None:
                raise ConflictError(f"Đã có kế hoạch công tác năm {year}.")
            source = None
            if from_year is not None:
                source = self._find(session, from_year)
                if source is None:
                    raise NotFoundError(f"Chưa có kế hoạch công tác năm {from_year} để sao chép.")
            if title is not None and not nfc(title):
                raise ValidationError({"title": "Cần nhập tên kế hoạch."})
            plan = Plan(
                organization_id=org,
                year=year,
                number=nfc_or_none(number),
                title=nfc(title) if title else DEFAULT_TITLE.format(year=year),
                registration_state=NOT_REGISTERED,
            )
            if source is None or from_year is None:
                session.add(plan)
                session.flush()
                return CreatedPlan(plan.id, None)
            moved: list[str] = []
            to_check: list[YearMention] = []

            def moved_on(text: str, place: str) -> str:
                new_text, count, excerpts = move_year(text, from_year, year)
                moved.extend([PLACES[place]] * count)
                to_check.extend(YearMention(PLACES[place], e) for e in excerpts)
                return new_text

            if not title:
                plan.title, count = move_title_year(source.title, from_year, year)
                moved.extend([PLACES["title"]] * count)
            for name in PLAN_TEXT_FIELDS:
                text = getattr(source, name)
                setattr(plan, name, moved_on(text, name) if text else text)
            session.add(plan)
            session.flush()
            for t in self._targets(session, source.id):
                session.add(
                    PlanTarget(
                        organization_id=org,
                        plan_id=plan.id,
                        position=t.position,
                        text=moved_on(t.text, "targets"),
                        criterion=t.criterion,
                        planned=t.planned,
                        unit=t.unit,
                        measure=t.measure,
                        measure_kind=t.measure_kind,
                    )
                )
            return CreatedPlan(plan.id, PlanCopy(from_year, year, tuple(moved), tuple(to_check)))

    def save(self, year: int, raw: Mapping[str, str]) -> None:
        """Change the plan's number, date, title and texts (keys absent stay as they are)."""
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        if "number" in raw:
            values["number"] = nfc_or_none(raw["number"])
        if "plan_date" in raw:
            issued = _date(raw["plan_date"], "plan_date", errors)
            if issued is not None and not year - 1 <= issued.year <= year:
                # Printed on the plan: a year mistyped (2062, 0026) is caught here.
                errors["plan_date"] = (
                    f"Ngày ban hành kế hoạch năm {year} phải trong năm {year - 1} hoặc năm {year}."
                )
            values["plan_date"] = issued
        if "title" in raw:
            values["title"] = nfc(raw["title"])
            if not values["title"]:
                errors["title"] = "Cần nhập tên kế hoạch."
        for name in PLAN_TEXT_FIELDS:
            if name in raw:
                values[name] = nfc_multiline_or_none(raw[name])
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction() as session:
            plan = self._get(session, year)
            for name, value in values.items():
                if getattr(plan, name) != value:
                    setattr(plan, name, value)

    def keep_printed(self, year: int, number: str, issued_on: dt.date) -> dict[str, str]:
        """Record on the plan of ``year`` the number and date it was printed with, by the rule of
        :func:`printed_details` (the app's print and ``plan print`` alike); returns what was
        recorded (empty: nothing changed)."""
        plan = self.get(year)
        if plan is None:
            raise NotFoundError(f"Chưa có kế hoạch công tác năm {year}.")
        kept = printed_details(plan, number, issued_on)
        if kept:
            self.save(year, kept)
        return kept

    def register(
        self, year: int, state: str, on: str | dt.date | None = None, number: str | None = None
    ) -> None:
        """Record the plan's registration: ``state`` (a code or its name), the date it was sent
        and the registration's number if the superior body gave one."""
        from ..activities.rules import code_of

        errors: dict[str, str] = {}
        code = code_of(REGISTRATION_STATES, state)
        if code is None:
            errors["registration_state"] = (
                "Trạng thái phải là: " + ", ".join(REGISTRATION_STATES.values()) + "."
            )
        day = on if isinstance(on, dt.date) else _date(on, "registered_on", errors)
        if code in (SENT, APPROVED) and day is None and "registered_on" not in errors:
            errors["registered_on"] = "Cần nhập ngày gửi đăng ký."
        if day is not None and day > dt.date.today():
            errors["registered_on"] = "Ngày gửi đăng ký không thể sau hôm nay."
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction() as session:
            plan = self._get(session, year)
            if day is not None and code != NOT_REGISTERED and day.year < year - 1:
                # A plan is registered in the year before its own (by the superior body's
                # deadline) or late in its year: an earlier date is a year mistyped.
                message = f"Kế hoạch năm {year} không thể gửi đăng ký trước năm {year - 1}."
                raise ValidationError({"registered_on": message})
            values = {
                "registration_state": code,
                "registered_on": day if code != NOT_REGISTERED else None,
                "registration_number": nfc_or_none(number) if code != NOT_REGISTERED else None,
            }
            for name, value in values.items():
                if getattr(plan, name) != value:
                    setattr(plan, name, value)

    def delete(self, year: int) -> None:
        with self._ctx.db.transaction() as session:
            plan = self._get(session, year)
            when = transaction_time(session)
            for target in self._targets(session, plan.id):
                target.deleted_at = when
            plan.deleted_at = when

    # The registration deadline (a setting of the organisation) -------------------------------

    def registration_deadline(self) -> Deadline:
        """The day and month by which the superior body wants a plan registered, in the year
        before the plan's or in its own year (10/11 of the year before unless set)."""
        with self._ctx.db.read() as session:
            value = setting_value(session, self._ctx.organization_id, PLAN_DEADLINE_KEY)
        return stored_deadline(value)

    def set_registration_deadline(self, day: int, month: int, in_plan_year: bool = False) -> None:
        """Set the deadline to ``day``/``month`` of the year before the plan's, or of the
        plan's own year when ``in_plan_year``: a day of that month in every year (29/02 and
        31/04 are refused with :class:`ValidationError`, and nothing is written)."""
        day, month = check_deadline(day, month)
        with self._ctx.db.transaction() as session:
            value = Deadline(day, month, in_plan_year).stored
            put_setting(session, self._ctx.organization_id, PLAN_DEADLINE_KEY, value)

    def reminders(self, today: dt.date) -> list[PlanReminder]:
        """The plans of this year and the next still to register with the superior body (not
        made, or made and not registered), each from some weeks before its deadline on (see
        :mod:`.registration`)."""
        org = self._ctx.organization_id
        found = []
        with self._ctx.db.read() as session:
            for year in (today.year, today.year + 1):
                deadline = plan_deadline(session, org, year)
                if not reminder_due(deadline, today):
                    continue
                plan = self._find(session, year)
                if plan is not None and is_registered(plan.registration_state, plan.registered_on):
                    continue
                found.append(PlanReminder(year, deadline, plan is not None, today > deadline))
        return found

    # Targets -------------------------------------------------------------------------------

    def add_target(self, year: int, raw: Mapping[str, str], kinds: Mapping[str, str]) -> str:
        values = parse_target(raw, kinds)
        with self._ctx.db.transaction() as session:
            plan = self._get(session, year)
            last = session.scalar(
                select(func.max(PlanTarget.position)).where(
                    is_live(PlanTarget), PlanTarget.plan_id == plan.id
                )
            )
            target = PlanTarget(
                organization_id=plan.organization_id,
                plan_id=plan.id,
                position=(last or 0) + 1,
                **values,
            )
            session.add(target)
            session.flush()
            return target.id

    def save_target(self, target_id: str, raw: Mapping[str, str], kinds: Mapping[str, str]) -> None:
        values = parse_target(raw, kinds)
        with self._ctx.db.transaction() as session:
            target = self._target(session, target_id)
            for name, value in values.items():
                if getattr(target, name) != value:
                    setattr(target, name, value)

    def delete_target(self, target_id: str) -> None:
        with self._ctx.db.transaction() as session:
            self._target(session, target_id).deleted_at = transaction_time(session)

    def restore_target(self, target_id: str) -> None:
        with self._ctx.db.transaction() as session:
            target = session.get(PlanTarget, target_id)
            if target is None or target.organization_id != self._ctx.organization_id:
                raise NotFoundError("Không tìm thấy chỉ tiêu.")
            target.deleted_at = None

    def move_target(self, target_id: str, step: int) -> None:
        """Move a target up (``step`` -1) or down (+1) in its plan's list."""
        with self._ctx.db.transaction() as session:
            target = self._target(session, target_id)
            targets = self._targets(session, target.plan_id)
            index = [t.id for t in targets].index(target.id)
            other = index + step
            if not 0 <= other < len(targets):
                return
            targets[index], targets[other] = targets[other], targets[index]
            for position, t in enumerate(targets, start=1):
                if t.position != position:
                    t.position = position

    def target(self, target_id: str, as_of: dt.date | None = None) -> TargetInfo:
        with self._ctx.db.read() as session:
            t = self._target(session, target_id)
            plan = session.get(Plan, t.plan_id)
            assert plan is not None
            return self._target_info(session, t, plan.year, as_of or dt.date.today())

    # Helpers -------------------------------------------------------------------------------

    def _target_info(
        self, session: Session, t: PlanTarget, year: int, as_of: dt.date
    ) -> TargetInfo:
        achieved = t.achieved
        if t.measure:
            achieved = measure(self._ctx, session, t.measure, t.measure_kind, year, as_of)
        return TargetInfo(
            t.id,
            t.position,
            t.text,
            t.criterion,
            t.planned,
            t.unit,
            t.measure,
            t.measure_kind,
            achieved,
            bool(t.measure),
            measure_due(t.measure, year, as_of),
        )

    def _targets(self, session: Session, plan_id: str) -> list[PlanTarget]:
        stmt = (
            select(PlanTarget)
            .where(is_live(PlanTarget), PlanTarget.plan_id == plan_id)
            .order_by(PlanTarget.position, PlanTarget.created_at, PlanTarget.id)
        )
        return list(session.scalars(stmt))

    def _find(self, session: Session, year: int) -> Plan | None:
        stmt = select(Plan).where(is_live(Plan, self._ctx.organization_id), Plan.year == year)
        return session.scalar(stmt)

    def _get(self, session: Session, year: int) -> Plan:
        _year(year)  # "25" is refused, not answered "no plan of year 25"
        plan = self._find(session, year)
        if plan is None:
            raise NotFoundError(f"Chưa có kế hoạch công tác năm {year}.")
        return plan

    def _target(self, session: Session, target_id: str) -> PlanTarget:
        return get_live(
            session,
            PlanTarget,
            target_id,
            self._ctx.organization_id,
            "Không tìm thấy chỉ tiêu (có thể đã bị xóa).",
        )
