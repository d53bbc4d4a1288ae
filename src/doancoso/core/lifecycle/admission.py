""" "Số nghị quyết chuẩn y kết nạp" (``members.admission_decision``) follows the member's
admission event, as "Ngày vào Đoàn" does: recording the event copies its number
(``member_fields.apply_timeline``), deleting it takes that number away again
(``member_fields.forget_event``). Data written before that rule (a database upgraded by
migration 0012, a bundle made by an older version) hold it empty:
:func:`fill_admission_decisions` fills it from the event where it is empty, as migration 0012
does, and the data check reports what is left.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..storage.live import is_live
from ..storage.models import Member, MemberEvent


def admission_numbers(session: Session, org: str) -> dict[str, str]:
    """The number of each member's live admission event that has one (the last in timeline
    order, as the replay stores it), by member id."""
    rows = session.execute(
        select(MemberEvent.member_id, MemberEvent.number)
        .where(is_live(MemberEvent, org), MemberEvent.kind == "admission")
        .where(MemberEvent.number.is_not(None), MemberEvent.number != "")
        .order_by(MemberEvent.event_date, MemberEvent.sequence, MemberEvent.id)
    )
    return {member_id: number for member_id, number in rows if number}


def fill_admission_decisions(session: Session, org: str) -> int:
    """Fill the empty admission decision of each live member whose admission event has a number
    (how many). Plain SQL, so no new revision: like migration 0012, every copy derives the same
    value from the event, which travels with the member, and a new revision on each machine
    would make the member a conflict at the next exchange."""
    numbers = admission_numbers(session, org)
    if not numbers:
        return 0
    empty = session.scalars(
        select(Member.id).where(
            is_live(Member, org),
            (Member.admission_decision.is_(None)) | (Member.admission_decision == ""),
        )
    ).all()
    rows = [{"row_id": i, "number": numbers[i]} for i in empty if i in numbers]
    if rows:
        session.execute(
            text("UPDATE members SET admission_decision = :number WHERE id = :row_id"), rows
        )
    return len(rows)
