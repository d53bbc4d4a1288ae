"""The member's history shows the levels of the closed rating rounds among the events, at the
end of their year, with the remark; they cannot be deleted from there."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.timeline import RATING_TIP, TimelineWidget
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core


def test_closed_rounds_show_in_the_history(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    ws.events.record(an, "admission", "26/03/2017", "03-QĐ/ĐTN")
    ws.events.record(an, "discipline", "10/05/2025", "05-QĐ/ĐTN", level="reprimand")
    ws.rating.set(2024, an, {"decided_level": 1, "remark": "Gương mẫu, có tinh thần trách nhiệm"})
    ws.rating.close(2024)
    ws.rating.set(2025, an, {"decided_level": "Hoàn thành tốt nhiệm vụ"})
    ws.rating.close(2025)
    ws.rating.set(2026, an, {"decided_level": 3})  # still open: not in the history
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    timeline = form.timeline
    assert isinstance(timeline, TimelineWidget)
    assert timeline.rows() == [
        ("26/03/2017", "Kết nạp Đoàn", "03-QĐ/ĐTN", "", "Đang sinh hoạt"),
        ("Năm 2024", "Xếp loại năm 2024: Hoàn thành xuất sắc nhiệm vụ", "",
         "Nhận xét: Gương mẫu, có tinh thần trách nhiệm", ""),
        ("10/05/2025", "Kỷ luật", "05-QĐ/ĐTN", "Hình thức: Khiển trách", "Đang sinh hoạt"),
        ("Năm 2025", "Xếp loại năm 2025: Hoàn thành tốt nhiệm vụ", "", "", ""),
    ]  # fmt: skip
    timeline.select_row(1)
    assert timeline.selected_event() is None and not timeline.delete_button.isEnabled()
    item = timeline.table.item(1, 1)
    assert item is not None and item.toolTip() == RATING_TIP
    timeline.select_row(2)
    assert timeline.delete_button.isEnabled()
    # Reopening a round takes its level out of the history.
    ws.rating.reopen(2025)
    timeline.reload()
    assert [row[1] for row in timeline.rows()][-1] == "Kỷ luật"


def test_a_round_that_did_not_rate_the_member_shows_no_level(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """A guest on temporary activity is given remarks only: a level saved for her in the round
    (before she came here as a guest, or typed by mistake) is not shown as her level."""
    guest = ws.members.save({"full_name": "Đỗ Thị Tạm", "birth_date": "01/01/2000"})
    ws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.rating.set(2025, guest, {"decided_level": 1, "remark": "Nhiệt tình tình nguyện."})
    ws.rating.close(2025)
    form = MemberFormDialog(synchronous_core(ws, prompts), guest)
    qtbot.addWidget(form)
    timeline = form.timeline
    assert isinstance(timeline, TimelineWidget)
    assert timeline.rows()[-1] == (
        "Năm 2025", "Xếp loại năm 2025: Không xếp loại", "",
        "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.\n"
        "Nhận xét: Nhiệt tình tình nguyện.", "",
    )  # fmt: skip
