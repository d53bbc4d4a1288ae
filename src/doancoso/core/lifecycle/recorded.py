"""Events as a write recorded them: what the undo of that write checks before taking them back.

Recording one event ("Ghi sự kiện…") or a decision for a list (coming of age, the end of
temporary stays) returns :class:`RecordedEvents`: the ids of the events it wrote and, for each
member concerned, their history as the write left it (:class:`MemberHistory`), read in its
transaction. ``ws.events.take_back`` (the undo) deletes the events and replays each member's
status, provided every history is still as the write left it; ``ws.events.bring_back`` (the redo)
restores them, provided every history is still as the undo left it. Each returns the histories as
it left them, for the next step.

A history "as it was" means the same live events (ids and revisions: none recorded, deleted or
changed since) and the same fields the replay of the events writes on the member (status, dates
of admission to the union and the Party, place and decision of admission). A change of other
fields (a phone number) does not stand in the way: taking the event back leaves it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang.text import vn_number

if TYPE_CHECKING:
    from ..storage.models import Member

Standing = tuple[str, dt.date | None, str | None, str | None, dt.date | None]
"""The fields of a member the replay of their events writes (:func:`standing`)."""


def standing(member: Member) -> Standing:
    return (
        member.status,
        member.admission_date,
        member.admission_place,
        member.admission_decision,
        member.party_date,
    )


@dataclass(frozen=True)
class MemberHistory:
    """A member's live events, as (id, revision), and their :data:`Standing`, at one moment."""

    member_id: str
    events: frozenset[tuple[str, int]]
    standing: Standing


@dataclass(frozen=True)
class RecordedEvents:
    """The events one write recorded (one per member, or one), with the members' histories as
    the last write of them (the recording, its undo or its redo) left them."""

    event_ids: tuple[str, ...]
    kind: str
    histories: tuple[MemberHistory, ...]

    def __len__(self) -> int:
        return len(self.event_ids)


def changed_since_message(kind_label: str, names: Sequence[str], *, undone: bool) -> str:
    """Why the undo (``undone`` False) or redo of recorded events is refused: the history of the
    members ``names`` changed since, and taking them back (or again) would make it wrong."""
    if len(names) == 1:
        whose = f"đoàn viên {names[0]}"
    else:
        shown = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
        whose = f"{vn_number(len(names))} đoàn viên ({shown})"
    if undone:
        return (
            f"Quá trình của {whose} đã thay đổi sau khi hoàn tác: không ghi lại “{kind_label}”, "
            "để không làm sai quá trình."
        )
    return (
        f"Quá trình của {whose} đã thay đổi sau khi ghi “{kind_label}” (sự kiện khác được ghi "
        "hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, không xóa sự kiện, "
        "để không làm sai quá trình."
    )
