"""The undo of "Ghi sự kiện…" puts back what the member's record held before: an admission (a
Party admission) recorded for a member whose form already held its date, place and number
(the event dialog starts from them) took them away on its undo, the typed date with the event's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def admission(ws: Workspace, member_id: str) -> tuple[dt.date | None, str | None, str | None]:
    fields = ws.members.get(member_id).fields
    return fields.admission_date, fields.admission_place, fields.admission_decision


TYPED = (dt.date(2017, 3, 26), "Chi đoàn ấp Tân Phú", "03-QĐ/ĐTN")


def _typed_member(add_member: AddMember) -> str:
    return add_member(
        "Nguyễn Văn An", "01/01/2000", admission_date="26/03/2017",
        admission_place="Chi đoàn ấp Tân Phú", admission_decision="03-QĐ/ĐTN",
    )  # fmt: skip


def test_the_undo_of_an_admission_keeps_what_was_typed(
    ws: Workspace, add_member: AddMember
) -> None:
    an = _typed_member(add_member)
    recorded = ws.events.record_undoable(
        an, "admission", "26/03/2017", "03-QĐ/ĐTN", place="Chi đoàn ấp Tân Phú"
    )
    assert admission(ws, an) == TYPED
    taken = ws.events.take_back(recorded)  # Hoàn tác
    assert ws.events.history(an) == []
    assert admission(ws, an) == TYPED
    again = ws.events.bring_back(taken)  # Làm lại
    assert [e.kind for e in ws.events.history(an)] == ["admission"]
    assert admission(ws, an) == TYPED
    ws.events.take_back(again)  # Hoàn tác again
    assert admission(ws, an) == TYPED


def test_the_undo_of_an_admission_of_other_values_puts_the_typed_ones_back(
    ws: Workspace, add_member: AddMember
) -> None:
    an = _typed_member(add_member)
    recorded = ws.events.record_undoable(
        an, "admission", "02/04/2018", "07-QĐ/ĐTN", place="Đoàn xã Tân Hưng"
    )
    assert admission(ws, an) == (dt.date(2018, 4, 2), "Đoàn xã Tân Hưng", "07-QĐ/ĐTN")
    ws.events.take_back(recorded)
    assert admission(ws, an) == TYPED


def test_the_undo_of_a_party_admission_keeps_the_typed_date(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/1998", party_date="19/05/2024")
    recorded = ws.events.record_undoable(an, "party_admission", "19/05/2024")
    ws.events.take_back(recorded)
    assert ws.members.get(an).fields.party_date == dt.date(2024, 5, 19)


def test_the_undo_of_an_admission_on_an_empty_record_still_clears_it(
    ws: Workspace, add_member: AddMember
) -> None:
    binh = add_member("Lê Văn Bình", "01/01/2005")
    recorded = ws.events.record_undoable(binh, "admission", "26/03/2025", "1-QĐ", place="Ấp 1")
    ws.events.take_back(recorded)
    assert admission(ws, binh) == (None, None, None)
