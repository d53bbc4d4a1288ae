"""Deleting a chi đoàn that still holds records: the refusal says what will work. Records of
people who left or came of age cannot be moved to another chi đoàn ("Chuyển chi đoàn" leaves
them where they are), so a chi đoàn holding any of them can only be merged."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.errors import ConflictError
from doancoso.core.workspace import Workspace
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


def _member(ws: Workspace, name: str, branch_id: str, birth: str = "05/03/2001") -> str:
    return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch_id})


def _refusals(qtbot: QtBot, ws: Workspace, branch_id: str) -> tuple[str, list[str]]:
    """The core's refusal and what the page shows when "Xóa" is pressed on the chi đoàn."""
    with pytest.raises(ConflictError) as refused:
        ws.branches.delete(branch_id)
    prompts = ScriptedPrompts()
    core = synchronous_core(ws, prompts)
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.select_branch(branch_id)
    page.delete_button.click()
    assert prompts.asked == []  # refused before asking
    return refused.value.message, prompts.errors


def test_a_chi_doan_of_people_who_left_is_to_be_merged(qtbot: QtBot, ws: Workspace) -> None:
    left = ws.branches.create("Chi đoàn ấp Tân Long")
    an = _member(ws, "Nguyễn Văn An", left.id)
    ws.events.record(an, "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    hoa = _member(ws, "Lê Thị Hoa", left.id, birth="10/06/1994")
    ws.events.record(hoa, "matured", "01/03/2025")
    message, shown = _refusals(qtbot, ws, left.id)
    expected = (
        "Không xóa được “Chi đoàn ấp Tân Long”: chi đoàn còn 2 hồ sơ của người đã chuyển đi, "
        "trưởng thành Đoàn, bị khai trừ hoặc xóa tên: các hồ sơ này chỉ để xem, không chuyển "
        "sang chi đoàn khác được. Hãy gộp chi đoàn này vào chi đoàn khác (nút “Gộp vào…”)."
    )
    assert message == expected
    assert shown == [expected]
    # What it says works: moving them does not, merging does.
    other = ws.branches.create("Chi đoàn ấp Cái Rắn")
    assert ws.branches.move_undoable([an, hoa], other.id).count == 0
    assert ws.branches.merge(left.id, other.id) == 2


def test_moving_the_active_members_would_not_be_enough(qtbot: QtBot, ws: Workspace) -> None:
    mixed = ws.branches.create("Chi đoàn ấp Tân Long")
    _member(ws, "Trần Văn Bình", mixed.id)
    _member(ws, "Phạm Thị Cúc", mixed.id)
    an = _member(ws, "Nguyễn Văn An", mixed.id)
    ws.events.record(an, "struck_off", "01/02/2025")
    message, shown = _refusals(qtbot, ws, mixed.id)
    expected = (
        "Không xóa được “Chi đoàn ấp Tân Long”: chi đoàn còn 3 hồ sơ đoàn viên, trong đó 1 hồ sơ "
        "của người đã chuyển đi, trưởng thành Đoàn, bị khai trừ hoặc xóa tên: các hồ sơ này chỉ "
        "để xem, không chuyển sang chi đoàn khác được. Hãy gộp chi đoàn này vào chi đoàn khác "
        "(nút “Gộp vào…”)."
    )
    assert message == expected
    assert shown == [expected]


def test_a_chi_doan_of_active_members_can_still_be_emptied(qtbot: QtBot, ws: Workspace) -> None:
    active = ws.branches.create("Chi đoàn ấp Tân Long")
    _member(ws, "Trần Văn Bình", active.id)
    message, shown = _refusals(qtbot, ws, active.id)
    expected = (
        "Không xóa được “Chi đoàn ấp Tân Long”: chi đoàn còn 1 hồ sơ đoàn viên (kể cả người đã "
        "chuyển đi, trưởng thành Đoàn). Hãy chuyển họ sang chi đoàn khác, hoặc gộp chi đoàn này "
        "vào chi đoàn khác."
    )
    assert message == expected
    assert shown == [expected]
