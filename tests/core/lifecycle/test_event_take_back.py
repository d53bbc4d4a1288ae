"""Taking back recorded events (the undo of "Ghi sự kiện…" and of a decision for a list) and
bringing them back (its redo): the events deleted or restored with the status replayed, refused
when a member's history changed since."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from doancoso.core.changes import Changes
from doancoso.core.errors import ConflictError
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def status(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.status


def kinds(ws: Workspace, member_id: str) -> list[str]:
    return [event.kind for event in ws.events.history(member_id)]


def test_one_event_taken_back_and_brought_back(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "temporary", "01/02/2025", home_organization="Đoàn xã Tân Lộc")
    recorded = ws.events.record_undoable(
        an, "transfer_out", "01/06/2025", "3-GT/ĐTN", other_organization="Đoàn phường 5"
    )
    assert status(ws, an) == "transferred_out"
    taken = ws.events.take_back(recorded)
    assert status(ws, an) == "temporary"
    assert kinds(ws, an) == ["temporary"]
    again = ws.events.bring_back(taken)
    assert status(ws, an) == "transferred_out"
    assert [e.id for e in ws.events.history(an)][-1] == recorded.event_ids[0]
    ws.events.take_back(again)  # and again: each step checks what the last one left
    assert status(ws, an) == "temporary"


def test_an_admission_taken_back_clears_its_date(ws: Workspace, add_member: AddMember) -> None:
    binh = add_member("Lê Văn Bình", "01/01/2005")  # active: entered with an existing roster
    recorded = ws.events.record_undoable(binh, "admission", "26/03/2025", place="Ấp 1")
    assert ws.members.get(binh).fields.admission_date is not None
    taken = ws.events.take_back(recorded)
    assert ws.members.get(binh).fields.admission_date is None
    ws.events.bring_back(taken)
    fields = ws.members.get(binh).fields
    assert (fields.status, str(fields.admission_date)) == ("active", "2025-03-26")


def test_take_back_refused_after_another_event(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    recorded = ws.events.record_undoable(an, "discipline", "01/03/2025", level="reprimand")
    ws.events.record(an, "transfer_out", "01/06/2025", other_organization="Đoàn phường 5")
    with pytest.raises(ConflictError) as info:
        ws.events.take_back(recorded)
    assert info.value.message == (
        "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi ghi “Kỷ luật” (sự kiện khác "
        "được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, không xóa "
        "sự kiện, để không làm sai quá trình."
    )
    assert kinds(ws, an) == ["discipline", "transfer_out"]


def test_take_back_not_stopped_by_an_edit_of_other_fields(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    recorded = ws.events.record_undoable(an, "discipline", "01/03/2025", level="reprimand")
    raw = {"full_name": "Trần Công An", "birth_date": "01/01/2000", "phone": "0912345678"}
    ws.members.save(raw, an)
    ws.events.take_back(recorded)
    assert kinds(ws, an) == []
    assert ws.members.get(an).fields.phone == "0912345678"


def test_bring_back_refused_after_another_event(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    taken = ws.events.take_back(
        ws.events.record_undoable(an, "discipline", "01/03/2025", level="reprimand")
    )
    ws.events.record(an, "party_introduction", "01/04/2025")
    with pytest.raises(ConflictError) as info:
        ws.events.bring_back(taken)
    assert info.value.message == (
        "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi hoàn tác: không ghi lại "
        "“Kỷ luật”, để không làm sai quá trình."
    )


def test_coming_of_age_for_many_taken_back_in_one_write(
    ws: Workspace, add_member: AddMember
) -> None:
    ids = [add_member(f"Nguyễn Văn {name}", "01/01/1995") for name in ("An", "Bình", "Châu")]
    ws.events.record(ids[2], "temporary", "01/02/2025", home_organization="Đoàn xã Tân Lộc")
    recorded = ws.events.confirm_coming_of_age(ids, "15/12/2025", "7-QĐ/ĐTN")
    assert len(recorded) == 3
    assert {status(ws, i) for i in ids} == {"matured"}
    taken = ws.events.take_back(recorded)
    assert [status(ws, i) for i in ids] == ["active", "active", "temporary"]
    ws.events.bring_back(taken)
    assert {status(ws, i) for i in ids} == {"matured"}


def test_coming_of_age_take_back_refused_when_one_changed(
    ws: Workspace, add_member: AddMember
) -> None:
    ids = [add_member(f"Nguyễn Văn {name}", "01/01/1995") for name in ("An", "Bình", "Châu")]
    reprimand = ws.events.record(ids[1], "discipline", "01/03/2025", level="reprimand")
    recorded = ws.events.confirm_coming_of_age(ids, "15/12/2025", "7-QĐ/ĐTN")
    ws.events.delete(reprimand)  # deleted from the "Quá trình" tab since
    with pytest.raises(ConflictError) as info:
        ws.events.take_back(recorded)
    assert "Quá trình của đoàn viên Nguyễn Văn Bình đã thay đổi" in info.value.message
    assert [status(ws, i) for i in ids] == ["matured"] * 3  # nothing written


def last(ws: Workspace) -> Changes:
    """What the last committed transaction changed."""
    return ws.changes.since(ws.changes.generation - 1)


def test_decisions_for_a_list_are_not_bulk(ws: Workspace, add_member: AddMember) -> None:
    """They are undoable, so they keep the GUI's undo history (``Changes.bulk`` would clear it)."""
    an = add_member("Nguyễn Văn An", "01/01/1995")
    binh = add_member("Lê Văn Bình", "01/01/1995")
    ws.events.record(binh, "temporary", "01/02/2025", home_organization="Đoàn xã Tân Lộc",
                     period_end="30/06/2025")  # fmt: skip
    ws.events.confirm_coming_of_age([an], "15/12/2025")
    assert last(ws) and not last(ws).ends_undo
    ws.events.end_temporary([binh], "01/07/2025")
    assert last(ws) and not last(ws).ends_undo
    assert status(ws, binh) == "transferred_out"


def test_a_deleted_event_brought_back_and_deleted_again(
    ws: Workspace, add_member: AddMember
) -> None:
    """The undo of "Xóa sự kiện" in the "Quá trình" tab restores the event, its redo deletes it
    again; each refused when the history changed since the step before."""
    an = add_member("Trần Công An", "01/01/2000")
    event = ws.events.record(an, "transfer_out", "01/06/2025", other_organization="Đoàn phường 5")
    deleted = ws.events.delete_undoable(event)
    assert (deleted.event_ids, deleted.kind, deleted.deleted) == ((event,), "transfer_out", True)
    assert (status(ws, an), kinds(ws, an)) == ("active", [])
    restored = ws.events.bring_back(deleted)
    assert (status(ws, an), kinds(ws, an)) == ("transferred_out", ["transfer_out"])
    again = ws.events.take_back(restored)
    assert (status(ws, an), kinds(ws, an)) == ("active", [])
    ws.events.record(an, "party_introduction", "01/07/2025")
    with pytest.raises(ConflictError) as info:
        ws.events.bring_back(again)
    assert info.value.message == (
        "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi xóa “Chuyển sinh hoạt đi” (sự "
        "kiện khác được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, "
        "không khôi phục sự kiện đã xóa, để không làm sai quá trình."
    )
    assert kinds(ws, an) == ["party_introduction"]


def test_redoing_a_deletion_refused_after_another_event(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    event = ws.events.record(an, "discipline", "01/03/2025", level="reprimand")
    restored = ws.events.bring_back(ws.events.delete_undoable(event))
    ws.events.record(an, "party_introduction", "01/04/2025")
    with pytest.raises(ConflictError) as info:
        ws.events.take_back(restored)
    assert info.value.message == (
        "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi hoàn tác: không xóa lại "
        "“Kỷ luật”, để không làm sai quá trình."
    )
    assert kinds(ws, an) == ["discipline", "party_introduction"]


def test_a_recording_is_taken_back_after_the_undo_of_its_deletion(
    ws: Workspace, add_member: AddMember
) -> None:
    """The event brought back has a new revision but is the same event: the history is as the
    recording left it (two commands of the undo history, undone last first)."""
    an = add_member("Trần Công An", "01/01/2000")
    recorded = ws.events.record_undoable(an, "discipline", "01/03/2025", level="reprimand")
    ws.events.bring_back(ws.events.delete_undoable(recorded.event_ids[0]))
    ws.events.take_back(recorded)
    assert kinds(ws, an) == []


def test_a_refused_deletion_writes_nothing(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017")
    out = ws.events.record(an, "transfer_out", "15/03/2024", other_organization="Đoàn phường 5")
    ws.events.record(an, "transfer_in", "01/02/2025", other_organization="Đoàn phường 5")
    generation = ws.changes.generation
    with pytest.raises(ConflictError) as info:
        ws.events.delete_undoable(out)
    assert info.value.message == (
        "Không thể xóa sự kiện “Chuyển sinh hoạt đi”: Đoàn viên Trần Công An đang sinh hoạt tại "
        "đơn vị: không thể ghi nhận chuyển sinh hoạt đến."
    )
    assert ws.changes.generation == generation
    assert kinds(ws, an) == ["admission", "transfer_out", "transfer_in"]
