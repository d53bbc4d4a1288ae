"""Deleting a member's return ("Xóa sự kiện" of the "Quá trình" tab, ``members event undo``)
puts back the post the return vacated, as the undo of its recording does: the post is kept in
the return's note (core.lifecycle.transfer), never shown there as a raw label, and carried by a
bundle to another installation. A post the secretary gave after the return is hers: deleting
the return leaves it as it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from doancoso.core.lifecycle.transfer import TransferNote, compose, parse
from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]

PASSWORD = "Chuyển giao 2026"
TAN_LOC = "Đoàn xã Tân Lộc"


def _position(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.position or ""


def _stored_note(ws: Workspace, event_id: str) -> str | None:
    with ws._ctx.db.read() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None
        return event.note


def _back(ws: Workspace, add_member: AddMember, note: str | None = None) -> tuple[str, str]:
    """A Bí thư who left on 01/03/2025 and came back on 01/09/2025: (member, return)."""
    an = add_member("Trần Công An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    position="Bí thư", admission_date="26/03/2016")  # fmt: skip
    ws.events.record(an, "transfer_out", "01/03/2025", other_organization=TAN_LOC)
    back = ws.events.record(an, "transfer_in", "01/09/2025", note=note, other_organization=TAN_LOC)
    assert (ws.members.get(an).fields.status, _position(ws, an)) == ("active", "")
    return an, back


def test_deleting_the_return_puts_the_vacated_post_back(
    ws: Workspace, add_member: AddMember
) -> None:
    an, back = _back(ws, add_member)
    ws.events.delete(back)
    assert ws.members.get(an).fields.status == "transferred_out"
    assert _position(ws, an) == "Bí thư"  # as before the return, read-only again
    assert [e.kind for e in ws.events.history(an)] == ["transfer_out"]


def test_a_post_given_after_the_return_is_not_overwritten(
    ws: Workspace, add_member: AddMember
) -> None:
    an, back = _back(ws, add_member)
    fields = ws.members.get(an).fields
    ws.members.save({"full_name": fields.full_name, "birth_date": "01/01/2000",
                     "admission_date": "26/03/2016", "branch_id": fields.branch_id or "",
                     "position": "Phó Bí thư"}, an)  # fmt: skip
    ws.events.delete(back)
    assert ws.members.get(an).fields.status == "transferred_out"
    assert _position(ws, an) == "Phó Bí thư"  # typed by the secretary: never overwritten


def test_the_undo_of_the_deletion_vacates_the_post_again(
    ws: Workspace, add_member: AddMember
) -> None:
    an, back = _back(ws, add_member)
    deleted = ws.events.delete_undoable(back)
    assert _position(ws, an) == "Bí thư"
    restored = ws.events.bring_back(deleted)  # Ctrl+Z of "Xóa sự kiện"
    assert (ws.members.get(an).fields.status, _position(ws, an)) == ("active", "")
    ws.events.take_back(restored)  # Ctrl+Y
    assert (ws.members.get(an).fields.status, _position(ws, an)) == ("transferred_out", "Bí thư")


def test_the_post_is_kept_in_the_note_and_the_history_shows_no_raw_label(
    ws: Workspace, add_member: AddMember
) -> None:
    an, back = _back(ws, add_member, note="Chuyển về theo gia đình.")
    assert _stored_note(ws, back) == (
        "Chức vụ để trống khi trở lại: Bí thư\nGhi chú: Chuyển về theo gia đình."
    )  # what an older installation shows as the note: readable as it is
    returned = ws.events.history(an)[-1]
    assert (returned.note, returned.vacated_position) == ("Chuyển về theo gia đình.", "Bí thư")


def test_a_return_that_vacated_nothing_keeps_its_note_plain(
    ws: Workspace, add_member: AddMember
) -> None:
    bo = add_member("Lê Văn Bo", "02/02/2001", admission_date="26/03/2017")
    ws.events.record(bo, "transfer_out", "01/03/2025", other_organization=TAN_LOC)
    typed = "Chức vụ để trống khi trở lại: chỉ là ghi chú"
    back = ws.events.record(bo, "transfer_in", "01/09/2025", note=typed,
                            other_organization=TAN_LOC)  # fmt: skip
    returned = ws.events.history(bo)[-1]
    assert (returned.note, returned.vacated_position) == (typed, None)
    ws.events.delete(back)
    assert _position(ws, bo) == ""  # a note typed like the label gives no post


def test_a_note_of_a_return_written_before_is_its_free_note() -> None:
    assert parse("Nhận xét: tích cực.", "transfer_in") == TransferNote(note="Nhận xét: tích cực.")
    parts = TransferNote(note="Nhận xét: tích cực.", vacated_position="Bí thư")
    assert parse(compose(parts), "transfer_in") == parts


def test_the_rating_reads_the_old_remarks_without_the_post(
    ws: Workspace, add_member: AddMember
) -> None:
    """Back for less than the months asked: rated on the previous organisation's remarks (the
    return's note), which must not read "Chức vụ để trống khi trở lại"."""
    an, _back_id = _back(ws, add_member, note="Đơn vị cũ: tích cực, gương mẫu.")
    [row] = [r for r in ws.rating.rows(2025, as_of=dt.date(2025, 12, 31)) if r.member_id == an]
    assert row.arrival_remarks == "Đơn vị cũ: tích cực, gương mẫu."


def test_a_bundle_carries_the_vacated_post_to_another_installation(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    an, back = _back(ws, add_member)
    result = ws.bundles.export(tmp_path / "ban-giao.dcs", kind="handover", password=PASSWORD)
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        fresh.bundles.apply(result.path, PASSWORD)
        assert (fresh.members.get(an).fields.status, _position(fresh, an)) == ("active", "")
        assert fresh.events.history(an)[-1].vacated_position == "Bí thư"
        fresh.events.delete(back)
        assert fresh.members.get(an).fields.status == "transferred_out"
        assert _position(fresh, an) == "Bí thư"
    finally:
        fresh.close()
