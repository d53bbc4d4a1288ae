"""One date of an activity changed alone (the date's form): moved, its status set, its results
recorded, each value checked as the form's field says it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..context import WorkspaceContext
from ..errors import ValidationError
from ..lang.dates import DateFormatError
from ..lang.numbers import parse_count
from ..lang.text import nfc_multiline_or_none, nfc_or_none
from ..storage.models import Activity
from .dates import live_occurrence
from .fields import END_DATE_LABEL, activity_day
from .rules import DONE, STATUSES, code_of, parse_time


def update_occurrence(ctx: WorkspaceContext, occurrence_id: str, raw: Mapping[str, str]) -> None:
    """See :meth:`.service.ActivityService.update_occurrence`."""
    errors: dict[str, str] = {}
    mentions: dict[str, tuple[str, str]] = {}
    changes: dict[str, object] = {}
    today = dt.date.today()
    if "day" in raw:
        try:
            changes["day"] = activity_day(str(raw["day"]))
        except DateFormatError as exc:
            errors["day"] = str(exc)
    for name in ("start_time", "end_time"):
        if name in raw:
            try:
                changes[name] = parse_time(raw[name])
            except ValueError as exc:
                errors[name] = str(exc)
    if "place" in raw:
        changes["place"] = nfc_or_none(raw["place"])
    if "status" in raw:
        status = code_of(STATUSES, raw["status"])
        if status is None:
            errors["status"] = "Trạng thái phải là: " + ", ".join(STATUSES.values()) + "."
        changes["status"] = status
    if "participants" in raw:
        try:
            count = parse_count(raw["participants"])  # "1.200", "1 200" as plans read them
            if count is not None and not 0 <= count <= 100_000:
                raise ValueError
        except ValueError:
            errors["participants"] = "Số người tham gia phải là số nguyên không âm."
            count = None
        changes["participants"] = count
    for name in ("results", "resources"):
        if name in raw:
            changes[name] = nfc_multiline_or_none(raw[name])
    with ctx.db.transaction() as session:
        occ = live_occurrence(session, ctx.organization_id, occurrence_id)
        day = changes.get("day", occ.day)
        assert isinstance(day, dt.date)
        if changes.get("status", occ.status) == DONE and day > today:
            # Refused whether the status is set or a date done is moved (a year mistyped):
            # a date "done" in the future would leave the year's participation unsaid.
            if "status" in changes:
                errors["status"] = (
                    f"Hoạt động ngày {day:%d/%m/%Y} chưa diễn ra: chưa thể ghi “Đã thực hiện”."
                )
            elif day != occ.day:
                errors["day"] = (
                    f"Buổi hoạt động đã thực hiện: không thể dời sang ngày {day:%d/%m/%Y} "
                    "chưa diễn ra."
                )
        start = changes.get("start_time", occ.start_time)
        end = changes.get("end_time", occ.end_time)
        if start and end and occ.end_day is None and str(end) < str(start):
            # A date has no end day of its own to type here: say where an evening past
            # midnight is entered (as the activity's form says it).
            activity = session.get(Activity, occ.activity_id)
            errors["end_time"] = "Giờ kết thúc không thể trước giờ bắt đầu. " + (
                "Một buổi của hoạt động lặp lại phải kết thúc trong ngày: nếu kéo dài qua "
                "nửa đêm, hãy để trống giờ kết thúc."
                if activity is not None and activity.rule
                else "Nếu hoạt động kéo dài qua nửa đêm, hãy sửa hoạt động (“Sửa hoạt "
                f"động…”) và nhập “{END_DATE_LABEL}” là ngày hôm sau."
            )
            if activity is None or not activity.rule:
                mentions["end_time"] = ("end_date", END_DATE_LABEL)
        if "day" in changes and occ.end_day is not None:
            changes["end_day"] = occ.end_day + (day - occ.day)
        if errors:
            raise ValidationError(errors, mentions=mentions)
        for name, value in changes.items():
            if getattr(occ, name) != value:
                setattr(occ, name, value)
