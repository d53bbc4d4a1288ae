"""The history of a demo member: the events that explain the status :mod:`.generator` gave them.

Every demo member admitted here has an admission event on their admission date; a member who
left has the event that took them off the roster (a transfer out, striking off, coming of age),
a member on temporary activity came from another organisation; a few active members have a
reprimand, an introduction to the Party or a Party admission. The events obey the rules that
:mod:`~doancoso.core.lifecycle.rules`
checks (admission first, nothing after leaving, dates after the birth and
up to today), so the timeline replays to the stored status and new events can be recorded on
top of it. A status the member's age cannot explain (coming of age before the limit) becomes
"active".
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..roster.rules import COMING_OF_AGE
from ..storage.models import new_id

_ORGANIZATIONS = (
    "Đoàn phường 5, TP. Cà Mau",
    "Đoàn xã Khánh An",
    "Đoàn xã Tân Lộc",
    "Đoàn Khu công nghiệp Tân Tạo",
    "Đoàn trường Đại học Cần Thơ",
    "Đoàn phường Dĩ An, Bình Dương",
)
_STRUCK_OFF_NOTE = "Không sinh hoạt, không đóng đoàn phí quá 6 tháng"
_REPRIMAND_NOTE = "Vắng sinh hoạt chi đoàn nhiều lần không lý do"


def _between(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` (``first`` when the range is empty)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


class _History:
    """The events of one member as they are made; ``add`` numbers their decisions."""

    def __init__(self, rng: random.Random, base: dict[str, object], member: dict[str, object]):
        self.rng, self.base, self.member = rng, base, member
        self.events: list[dict[str, object]] = []
        self._numbers = iter(range(rng.randint(1, 40), 100_000, rng.randint(1, 9)))

    def add(self, kind: str, when: date, doc: str | None = "QĐ", **details: object) -> None:
        """An event of ``kind`` on ``when``; ``doc`` is the type code of its document number."""
        self.events.append(
            dict(
                self.base,
                id=new_id(),
                member_id=self.member["id"],
                kind=kind,
                event_date=when,
                number=f"{next(self._numbers)}-{doc}/ĐTN" if doc else None,
                status_before="active",
                sequence=len(self.events) + 1,
                **details,
            )
        )


def history(
    rng: random.Random,
    base: dict[str, object],
    member: dict[str, object],
    today: date,
    coming_of_age: int = COMING_OF_AGE,
) -> list[dict[str, object]]:
    """Rows of ``member_events`` for one demo ``member`` row; may settle its status first."""
    birth, admitted = member["birth_date"], member["admission_date"]
    assert isinstance(birth, date) and isinstance(admitted, date)
    made = _History(rng, base, member)
    status = member["status"]
    if status == "temporary":
        home = rng.choice(_ORGANIZATIONS)
        start = _between(rng, max(admitted, today - timedelta(days=540)), today)
        end = start + timedelta(days=rng.choice((183, 365, 365)))  # some have ended by today
        member["admission_place"] = home
        made.add("temporary", start, None, home_organization=home, period_start=start,
                 period_end=end)  # fmt: skip
        return made.events

    made.add("admission", admitted, place=member["admission_place"])
    member["admission_decision"] = made.events[-1]["number"]  # as recording it would
    later = admitted + timedelta(days=1)  # nothing may share the admission's day
    reached = birth.year + coming_of_age  # the organisation's setting
    if later > today or (status == "matured" and reached > today.year):
        status = member["status"] = "active"
    if status == "transferred_out":
        made.add("transfer_out", _between(rng, later, today), "GT",
                 other_organization=rng.choice(_ORGANIZATIONS))  # fmt: skip
    elif status == "removed":
        made.add("struck_off", _between(rng, later, today), note=_STRUCK_OFF_NOTE)
    elif status == "matured":
        made.add("matured", max(later, min(today, date(reached, 12, rng.randint(1, 28)))))
    elif status == "active" and later <= today:
        if rng.random() < 0.02:
            made.add("discipline", _between(rng, later, today), discipline_level="reprimand",
                     note=_REPRIMAND_NOTE)  # fmt: skip
        if today.year - birth.year > 20 and rng.random() < 0.05:
            introduced = _between(rng, max(later, today - timedelta(days=700)), today)
            made.add("party_introduction", introduced, "CV")
            if rng.random() < 0.5 and introduced + timedelta(days=90) <= today:
                joined = _between(rng, introduced + timedelta(days=90), today)
                made.add("party_admission", joined, None)
                member["party_date"] = joined
    return made.events
