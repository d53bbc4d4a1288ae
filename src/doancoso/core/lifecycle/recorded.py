"""Events as a write recorded or deleted them: what the undo of that write checks before taking
it back.

Recording one event ("Ghi sự kiện…", or in the member form's "Quá trình" tab) or a decision for a
list (coming of age, the end of temporary stays) returns :class:`RecordedEvents`: the ids of the
events it wrote and, for each member concerned, their history as the write left it
(:class:`MemberHistory`), read in its transaction. ``ws.events.take_back`` (the undo) deletes the
events and replays each member's status, provided every history is still as the write left it;
``ws.events.bring_back`` (the redo) restores them, provided every history is still as the undo
left it. Each returns the histories as it left them, for the next step. Deleting an event in the
"Quá trình" tab returns the same, marked ``deleted``: its undo is ``bring_back``, its redo
``take_back``.

A history "as it was" means the same live events (ids and contents: none recorded, deleted or
changed since; an event deleted and brought back by an undo is the same event, though its
revision moved on) and the same fields the replay of the events writes on the member (status,
dates of admission to the union and the Party, place and decision of admission). A change of
other fields (a phone number) does not stand in the way: taking the event back leaves it as it
is. Comparing contents, not revisions, lets the undo history take back one member's commands in
turn: an event recorded, then deleted, is restored by the undo of the deletion, then taken back
by the undo of the recording.
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
    """A member's live events, as the values of their columns but the bookkeeping ones (the id
    among them; not the revision, the times, the origin), and their :data:`Standing`, at one
    moment."""

    member_id: str
    events: frozenset[tuple[object, ...]]
    standing: Standing


@dataclass(frozen=True)
class RecordedEvents:
    """The events one write recorded (one per member, or one), with the members' histories as
    the last write of them (the recording, its undo or its redo) left them; ``deleted``: the
    write deleted them instead (the "Quá trình" tab's "Xóa sự kiện")."""

    event_ids: tuple[str, ...]
    kind: str
    histories: tuple[MemberHistory, ...]
    deleted: bool = False
    before: tuple[tuple[str, Standing], ...] = ()
    """Each member's :data:`Standing` before the recording: what its undo puts back into the
    fields the events taken back had given (a date typed in the form before an admission
    recorded it, which the deletion of the event clears)."""

    def __len__(self) -> int:
        return len(self.event_ids)


def changed_since_message(
    kind_label: str, names: Sequence[str], *, undone: bool, deleted: bool = False
) -> str:
    """Why the undo (``undone`` False) or redo of recorded events (``deleted``: of a deleted
    event) is refused: the history of the members ``names`` changed since, and taking them back
    (or again) would make it wrong."""
    if len(names) == 1:
        whose = f"đoàn viên {names[0]}"
    else:
        shown = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
        whose = f"{vn_number(len(names))} đoàn viên ({shown})"
    if undone:
        again = "xóa lại" if deleted else "ghi lại"
        return (
            f"Quá trình của {whose} đã thay đổi sau khi hoàn tác: không {again} “{kind_label}”, "
            "để không làm sai quá trình."
        )
    done, kept = ("xóa", "khôi phục sự kiện đã xóa") if deleted else ("ghi", "xóa sự kiện")
    return (
        f"Quá trình của {whose} đã thay đổi sau khi {done} “{kind_label}” (sự kiện khác được ghi "
        f"hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, không {kept}, "
        "để không làm sai quá trình."
    )
