"""The register of criterion 3: documents and proposals to the Party committee (tham mưu) and
coordination with other bodies (phối hợp). The introductions of outstanding members to the
Party are member events, listed here too (:meth:`RegisterService.party_introductions`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import ValidationError
from ..lang.dates import DateFormatError, check_year, format_vn_date, parse_vn_date
from ..lang.text import nfc, nfc_multiline_or_none, nfc_or_none
from ..storage.live import find_live, get_live, is_live, set_deleted
from ..storage.models import Activity, AdviceRecord, CoordinationRecord

R = TypeVar("R", AdviceRecord, CoordinationRecord)
ADVICE_TABLE = "advice_records"
COORDINATION_TABLE = "coordination_records"
NO_ANSWER = "Chưa trả lời"
"""An advice the Party committee has not answered, as the page, the command line and the
dossier's register say it."""


@dataclass(frozen=True)
class Advice:
    id: str
    day: dt.date
    number: str | None
    title: str
    summary: str | None
    answer: str | None
    answer_day: dt.date | None


@dataclass(frozen=True)
class Coordination:
    id: str
    day: dt.date
    end_day: dt.date | None
    partner: str
    title: str
    content: str | None
    results: str | None
    activity_id: str | None

    @property
    def period(self) -> str:
        """ "01/04/2025 – 31/03/2026", or its one day "01/04/2025" without an end."""
        if self.end_day is None:
            return format_vn_date(self.day)
        return f"{format_vn_date(self.day)} – {format_vn_date(self.end_day)}"


def _day(
    raw: Mapping[str, str], name: str, errors: dict[str, str], required: bool = False
) -> dt.date | None:
    text = nfc(raw.get(name))
    if not text:
        if required:
            errors[name] = "Cần nhập ngày."
        return None
    try:
        day = parse_vn_date(text)[0]
        check_year(day.year)  # "15/06/0025" would be a record out of every year's register
        return day
    except DateFormatError as exc:
        errors[name] = str(exc)
    except ValidationError as exc:
        errors[name] = exc.field_errors["year"]
    return None


def _required(raw: Mapping[str, str], name: str, message: str, errors: dict[str, str]) -> str:
    text = nfc(raw.get(name))
    if not text:
        errors[name] = message
    return text


class RegisterService:
    """Advice and coordination records of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    # Advice --------------------------------------------------------------------------------

    def save_advice(self, raw: Mapping[str, str], record_id: str | None = None, *,
                    today: dt.date | None = None) -> str:  # fmt: skip
        """Save an advice record (a new one when ``record_id`` is None); its days may not be
        after ``today`` (the real today when None; the demo's own day when it makes one)."""
        errors: dict[str, str] = {}
        day = _day(raw, "day", errors, required=True)
        answer_day = _day(raw, "answer_day", errors)
        values = {
            "day": day,
            "number": nfc_or_none(raw.get("number")),
            "title": _required(raw, "title", "Cần nhập tên văn bản tham mưu.", errors),
            "summary": nfc_multiline_or_none(raw.get("summary")),
            "answer": nfc_multiline_or_none(raw.get("answer")),
            "answer_day": answer_day,
        }
        # A document sent and answered, not one planned (as a plan's registration, evidence):
        # "15/06/2099" is a year mistyped, and would count in the dossier of a year to come.
        today = today or dt.date.today()
        if day and day > today:
            errors["day"] = "Ngày gửi văn bản không thể sau hôm nay."
        if answer_day and answer_day > today:
            errors["answer_day"] = "Ngày trả lời không thể sau hôm nay."
        elif day and answer_day and answer_day < day:
            errors["answer_day"] = "Ngày trả lời không thể trước ngày gửi văn bản."
        if errors:
            raise ValidationError(errors)
        return self._save(AdviceRecord, values, record_id)

    def advice(self, year: int | None = None) -> list[Advice]:
        rows = self._list(AdviceRecord, year)
        return [
            Advice(r.id, r.day, r.number, r.title, r.summary, r.answer, r.answer_day) for r in rows
        ]

    # Coordination --------------------------------------------------------------------------

    def save_coordination(self, raw: Mapping[str, str], record_id: str | None = None) -> str:
        errors: dict[str, str] = {}
        values: dict[str, object] = {
            "day": _day(raw, "day", errors, required=True),
            "end_day": _day(raw, "end_day", errors),
            "partner": _required(raw, "partner", "Cần nhập cơ quan, đơn vị phối hợp.", errors),
            "title": _required(raw, "title", "Cần nhập tên chương trình phối hợp.", errors),
            "content": nfc_multiline_or_none(raw.get("content")),
            "results": nfc_multiline_or_none(raw.get("results")),
            "activity_id": nfc_or_none(raw.get("activity_id")),
        }
        day, end = values["day"], values["end_day"]
        if isinstance(day, dt.date) and isinstance(end, dt.date) and end < day:
            errors["end_day"] = "Ngày kết thúc không thể trước ngày bắt đầu."
        if errors:
            raise ValidationError(errors)
        return self._save(CoordinationRecord, values, record_id)

    def coordination(self, year: int | None = None) -> list[Coordination]:
        rows = self._list(CoordinationRecord, year)
        return [
            Coordination(
                r.id, r.day, r.end_day, r.partner, r.title, r.content, r.results, r.activity_id
            )
            for r in rows
        ]

    # Shared --------------------------------------------------------------------------------

    def delete(self, table: str, record_ids: list[str]) -> int:
        with self._ctx.db.transaction() as session:
            return set_deleted(session, _model(table), record_ids, self._ctx.organization_id, True)

    def restore(self, table: str, record_ids: list[str]) -> int:
        with self._ctx.db.transaction() as session:
            return set_deleted(session, _model(table), record_ids, self._ctx.organization_id, False)

    def _save(self, model: type[R], values: Mapping[str, object], record_id: str | None) -> str:
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            activity = values.get("activity_id")
            if activity and find_live(session, Activity, str(activity), org) is None:
                raise ValidationError({"activity_id": "Hoạt động liên kết không còn trong lịch."})
            if record_id is None:
                row = model(organization_id=org, **values)
                session.add(row)
            else:
                row = self._get(session, model, record_id)
                for name, value in values.items():
                    if getattr(row, name) != value:
                        setattr(row, name, value)
            session.flush()
            return row.id

    def _list(self, model: type[R], year: int | None) -> list[R]:
        stmt = select(model).where(is_live(model, self._ctx.organization_id))
        if year is not None:
            check_year(year)  # "25" or "0" refused, not shown as an empty year (or a crash)
            stmt = stmt.where(in_period(model, dt.date(year, 1, 1), dt.date(year, 12, 31)))
        with self._ctx.db.read() as session:
            rows = list(session.scalars(stmt.order_by(model.day, model.created_at)))
            session.expunge_all()
            return rows

    def _get(self, session: Session, model: type[R], record_id: str) -> R:
        return get_live(
            session,
            model,
            record_id,
            self._ctx.organization_id,
            "Không tìm thấy hồ sơ (có thể đã bị xóa).",
        )


def in_period(
    model: type[AdviceRecord | CoordinationRecord], first: dt.date, last: dt.date
) -> ColumnElement[bool]:
    """The records of the days ``first`` to ``last``: an advice sent in them; a coordination
    programme that ran in them (one signed in October and running to June counts for both
    years, as its "end_day" says), else begun in them."""
    if model is CoordinationRecord:
        return and_(
            CoordinationRecord.day <= last,
            or_(
                CoordinationRecord.day >= first,
                and_(CoordinationRecord.end_day.is_not(None), CoordinationRecord.end_day >= first),
            ),
        )
    return and_(model.day >= first, model.day <= last)


def _model(table: str) -> type[AdviceRecord | CoordinationRecord]:
    if table == ADVICE_TABLE:
        return AdviceRecord
    if table == COORDINATION_TABLE:
        return CoordinationRecord
    raise ValueError(table)
