"""The decision recognising a year's results (quyết định công nhận kết quả xếp loại): its number
and date once the secretary issues it.

A decision is signed and sealed: it is printed only for a closed round (:func:`open_round`
says why not otherwise), never with levels that may still change, unlike the summary, which
prints an open round's results marked provisional.

The decision is issued when it is printed for the whole organisation with a number (the rating
page's "In…", ``doancoso rating print quyet-dinh --number``); that number and date are the
union's record, so the dossier prints the same "Số: 05-QĐ/ĐTN" and the same date again, and a
second print of the decision offers them. They are kept in the organisation's settings (key
``rating_decision_YYYY``, JSON), which travel with it in a bundle, like its rating rules.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..context import WorkspaceContext
from ..documents import clean_number
from ..errors import ValidationError
from ..lang.dates import check_year
from ..storage.settings import put_setting, setting_value

MAX_NUMBER = 60
NO_NUMBER = "Cần có số của quyết định, ví dụ 05-QĐ/ĐTN."
LONG_NUMBER = f"Số văn bản dài quá {MAX_NUMBER} ký tự."


@dataclass(frozen=True)
class Decision:
    """The decision recognising the results of ``year``: its number and the day it was issued."""

    year: int
    number: str
    issued_on: dt.date


def open_round(year: int) -> str:
    """Why the decision of ``year`` is not printed while its round is open (or reopened)."""
    return (
        f"Đợt xếp loại năm {year} đang mở, các mức xếp loại còn thay đổi được: hãy kết thúc đợt "
        f"xếp loại năm {year} trước khi in quyết định công nhận kết quả."
    )


def no_decision(year: int) -> str:
    """Why the decision of ``year`` is not printed while nobody has a level decided by the
    Ban Chấp hành (said before :func:`open_round`: deciding comes first)."""
    return f"Chưa có đoàn viên nào được Ban Chấp hành quyết định mức xếp loại năm {year}."


def key_of(year: int) -> str:
    return f"rating_decision_{year}"


class DecisionRecords:
    """Each year's decision, read and recorded (``ws.rating.decision`` and
    ``ws.rating.record_decision``)."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def get(self, year: int) -> Decision | None:
        """The decision of ``year`` as recorded, None when none was issued (or the setting is
        not one this version reads: it is then issued again, never guessed)."""
        with self._ctx.db.read() as session:
            value = setting_value(session, self._ctx.organization_id, key_of(year))
            return _parsed(year, value) if value is not None else None

    def record(self, year: int, number: str, issued_on: dt.date) -> Decision:
        """Record that the decision of ``year`` was issued as ``number`` on ``issued_on``
        (a later issue replaces it); refused with a message when the number is empty."""
        check_year(year)
        cleaned = clean_number(number)
        if not cleaned:
            raise ValidationError({"number": NO_NUMBER})
        if len(cleaned) > MAX_NUMBER:
            raise ValidationError({"number": LONG_NUMBER})
        value = json.dumps(
            {"number": cleaned, "issued_on": issued_on.isoformat()}, ensure_ascii=False
        )
        with self._ctx.db.transaction() as session:
            put_setting(session, self._ctx.organization_id, key_of(year), value)
        return Decision(year, cleaned, issued_on)


def _parsed(year: int, value: str) -> Decision | None:
    try:
        raw = json.loads(value)
        number = clean_number(raw["number"]) if isinstance(raw["number"], str) else ""
        issued_on = dt.date.fromisoformat(raw["issued_on"])
    except (ValueError, TypeError, KeyError):
        return None
    return Decision(year, number, issued_on) if number else None
