"""A member who transferred out and later transfers back in holds no post on return: the post
they held was vacated when they left (``held_position``), and coming back does not give it to
them again (nor make them a second Bí thư of their chi đoàn). Undo and redo of the return put
the stored post back and take it away again exactly; a post given after the return stays."""

from __future__ import annotations

from collections.abc import Callable

from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def _position(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.position or ""


def _secretary_warning(ws: Workspace, member_id: str) -> str | None:
    """The one-Bí-thư warning for making ``member_id`` Bí thư of their chi đoàn."""
    fields = ws.members.get(member_id).fields
    raw = {"full_name": fields.full_name, "birth_date": "02/02/2001",
           "branch_id": fields.branch_id or "", "position": "Bí thư"}  # fmt: skip
    return ws.members.warnings(raw, member_id).get("position")


def _left_and_back(ws: Workspace, add_member: AddMember) -> tuple[str, str]:
    an = add_member("Trần Công An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    position="Bí thư", admission_date="26/03/2016")  # fmt: skip
    bo = add_member("Lê Văn Bo", "02/02/2001", branch="Chi đoàn ấp Tân Phú")
    ws.events.record(an, "transfer_out", "01/03/2025", other_organization="Đoàn xã Tân Lộc")
    assert _position(ws, an) == "Bí thư"  # kept, read-only: the history names the post held
    assert _secretary_warning(ws, bo) is None  # the post is vacated
    return an, bo


def test_a_member_back_from_a_transfer_holds_no_post(ws: Workspace, add_member: AddMember) -> None:
    an, bo = _left_and_back(ws, add_member)
    ws.events.record(an, "transfer_in", "01/09/2025", other_organization="Đoàn xã Tân Lộc")
    assert ws.members.get(an).fields.status == "active"
    assert _position(ws, an) == ""
    assert _secretary_warning(ws, bo) is None  # not counted as the chi đoàn's Bí thư again


def test_undo_and_redo_of_the_return_restore_the_post_exactly(
    ws: Workspace, add_member: AddMember
) -> None:
    an, _bo = _left_and_back(ws, add_member)
    recorded = ws.events.record_undoable(
        an, "transfer_in", "01/09/2025", other_organization="Đoàn xã Tân Lộc"
    )
    assert _position(ws, an) == ""
    taken = ws.events.take_back(recorded)  # Ctrl+Z
    assert ws.members.get(an).fields.status == "transferred_out"
    assert _position(ws, an) == "Bí thư"  # as before the return
    again = ws.events.bring_back(taken)  # Ctrl+Y
    assert (ws.members.get(an).fields.status, _position(ws, an)) == ("active", "")
    ws.events.take_back(again)
    assert (ws.members.get(an).fields.status, _position(ws, an)) == ("transferred_out", "Bí thư")


def test_a_post_given_after_the_return_stays_when_the_return_is_undone(
    ws: Workspace, add_member: AddMember
) -> None:
    an, _bo = _left_and_back(ws, add_member)
    recorded = ws.events.record_undoable(
        an, "transfer_in", "01/09/2025", other_organization="Đoàn xã Tân Lộc"
    )
    fields = ws.members.get(an).fields
    ws.members.save({"full_name": fields.full_name, "birth_date": "01/01/2000",
                     "admission_date": "26/03/2016", "branch_id": fields.branch_id or "",
                     "position": "Phó Bí thư"}, an)  # fmt: skip
    ws.events.take_back(recorded)
    assert _position(ws, an) == "Phó Bí thư"  # typed by the secretary: never overwritten


def test_other_events_leave_the_post_alone(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Trần Công An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    position="Bí thư", admission_date="26/03/2016")  # fmt: skip
    ws.events.record(an, "discipline", "01/03/2025", level="reprimand")
    ws.events.record(an, "temporary", "01/04/2025", home_organization="Đoàn xã Tân Lộc")
    assert _position(ws, an) == "Bí thư"
