"""The demo made as it stands on a day after the real today (a screenshot or a test of next
year's dossier): it is made, its register's records sent or begun on or before that day, as
for the real today; its advice, dated in the year, were refused as "after today" by the real
clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from doancoso.core.workspace import Workspace

DAY = dt.date(2027, 11, 20)


def test_the_demo_of_a_day_in_late_2027_is_made_and_dated_up_to_that_day(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "home") as ws:
        assert ws.generate_demo(members=40, seed=1, today=DAY) == 40
        advice = ws.registers.advice(2027)
        coordination = ws.registers.coordination(2027)
        assert [a.number for a in advice] == ["03-TTr/ĐTN", "07-BC/ĐTN"]
        assert [(a.day, a.answer_day) for a in advice] == [
            (dt.date(2027, 2, 20), dt.date(2027, 3, 5)),
            (dt.date(2027, 6, 20), None),
        ]
        assert [c.day for c in coordination] == [dt.date(2027, 1, 15), dt.date(2027, 7, 1)]
        sent = [d for a in advice for d in (a.day, a.answer_day) if d is not None]
        assert max(sent + [c.day for c in coordination]) <= DAY
        assert ws.recognition.opened(2027) is not None


def test_the_demo_of_early_2027_dates_its_register_on_or_before_that_day(
    tmp_path: Path,
) -> None:
    """On 10/01 nothing of February or June has happened: the advice are dated that day."""
    early = dt.date(2027, 1, 10)
    with Workspace.open(tmp_path / "home") as ws:
        ws.generate_demo(members=40, seed=1, today=early)
        advice = ws.registers.advice(2027)
        assert [(a.day, a.answer_day) for a in advice] == [(early, early), (early, None)]
        assert [c.day for c in ws.registers.coordination(2027)] == [early, early]
