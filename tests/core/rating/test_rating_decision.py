"""The decision recognising a year's results: its number and date recorded once issued (the
dossier prints them again), a number without "Số:", an empty one refused, a later issue
replacing the earlier, and a setting this version cannot read taken as no decision."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from doancoso.core.errors import ValidationError
from doancoso.core.rating.decision import Decision
from doancoso.core.storage.models import Setting
from doancoso.core.workspace import Workspace


def test_recorded_and_replaced_by_a_later_issue(ws: Workspace) -> None:
    assert ws.rating.decision(2025) is None
    first = ws.rating.record_decision(2025, "  Số: 05-QĐ/ĐTN ", dt.date(2026, 1, 10))
    assert first == Decision(2025, "05-QĐ/ĐTN", dt.date(2026, 1, 10))
    assert ws.rating.decision(2025) == first
    ws.rating.record_decision(2025, "07-QĐ/ĐTN", dt.date(2026, 1, 12))
    assert ws.rating.decision(2025) == Decision(2025, "07-QĐ/ĐTN", dt.date(2026, 1, 12))
    assert ws.rating.decision(2024) is None  # each year its own


@pytest.mark.parametrize(
    ("number", "message"),
    [("", "Cần có số của quyết định, ví dụ 05-QĐ/ĐTN."), ("Số: ", "Cần có số của quyết định, "
     "ví dụ 05-QĐ/ĐTN."), ("1" * 61, "Số văn bản dài quá 60 ký tự.")],
)  # fmt: skip
def test_a_number_that_cannot_be_one_is_refused_and_nothing_recorded(
    ws: Workspace, number: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.rating.record_decision(2025, number, dt.date(2026, 1, 10))
    assert caught.value.field_errors == {"number": message}
    assert ws.rating.decision(2025) is None


def test_a_setting_this_version_cannot_read_is_no_decision(ws: Workspace) -> None:
    ws.rating.record_decision(2025, "05-QĐ/ĐTN", dt.date(2026, 1, 10))
    with ws.db.transaction() as session:
        session.execute(
            update(Setting).where(Setting.key == "rating_decision_2025").values(value='{"số": 5}')
        )
    assert ws.rating.decision(2025) is None
