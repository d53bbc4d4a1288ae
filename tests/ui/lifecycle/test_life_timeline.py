"""The member's history in the form's "Quá trình" tab: order, details, deleting an event."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.timeline import TimelineWidget
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def test_timeline_lists_events_oldest_first(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    # Recorded out of date order: shown in date order.
    ws.events.record(an, "temporary", "01/05/2024", "07-GT", home_organization="Đoàn xã Tân Lộc",
                     period_start="01/05/2024", period_end="30/04/2025")  # fmt: skip
    ws.events.record(an, "admission", "26/03/2017", "03-QĐ/ĐTN", place="Chi đoàn ấp Tân Phú",
                     introducer_name="Lê Văn Cường")  # fmt: skip
    ws.events.record(an, "transfer_in", "01/02/2025", other_organization="Đoàn xã Tân Lộc",
                     note="Về địa phương")  # fmt: skip
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    assert timeline.rows() == [
        ("26/03/2017", "Kết nạp Đoàn", "03-QĐ/ĐTN",
         "Nơi kết nạp: Chi đoàn ấp Tân Phú\nNgười giới thiệu: Lê Văn Cường", "Đang sinh hoạt"),
        ("01/05/2024", "Sinh hoạt tạm", "07-GT",
         "Tổ chức Đoàn gốc: Đoàn xã Tân Lộc\nThời gian: 01/05/2024 – 30/04/2025",
         "Sinh hoạt tạm"),
        ("01/02/2025", "Chuyển sinh hoạt đến", "",
         "Chuyển đến từ: Đoàn xã Tân Lộc\nGhi chú: Về địa phương", "Đang sinh hoạt"),
    ]  # fmt: skip
    assert timeline.empty_label.isHidden()
    assert not timeline.delete_button.isEnabled()


def test_deleting_an_event_restores_the_status(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017")
    ws.events.record(an, "transfer_out", "15/03/2025", other_organization="Đoàn xã Tân Lộc")
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    assert form.read_only and form.timeline is not None
    form.timeline.select_row(1)
    prompts.answer = False
    form.timeline.delete_button.click()
    assert prompts.asked == [
        "Xóa sự kiện “Chuyển sinh hoạt đi” ngày 15/03/2025?\n\n"
        "Trạng thái của đoàn viên sẽ được tính lại từ các sự kiện còn lại."
    ]
    assert ws.members.get(an).fields.status == "transferred_out"
    prompts.answer = True
    form.timeline.delete_button.click()
    assert ws.members.get(an).fields.status == "active"
    assert [row[1] for row in form.timeline.rows()] == ["Kết nạp Đoàn"]
    assert form.events_changed and not form.read_only and form.banner.isHidden()


def test_refused_delete_shows_the_core_message(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017")
    ws.events.record(an, "transfer_out", "15/03/2024", other_organization="Đoàn xã Tân Lộc")
    ws.events.record(an, "transfer_in", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    timeline.select_row(1)
    timeline.delete_button.click()
    assert prompts.errors == [
        "Không thể xóa sự kiện “Chuyển sinh hoạt đi”: Đoàn viên Nguyễn Văn An đang sinh hoạt "
        "tại đơn vị: không thể ghi nhận chuyển sinh hoạt đến."
    ]
    assert len(timeline.rows()) == 3


def test_new_member_form_has_no_timeline_and_status_is_not_editable(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    form = MemberFormDialog(synchronous_core(ws, prompts), None)
    qtbot.addWidget(form)
    assert form.timeline is None and not form.read_only
    assert not form.editors["status"].isEnabled()
    form.set_value("full_name", "Lê Thị Hoa")
    form.set_value("birth_date", "05/03/2001")
    form.save_button.click()
    assert form.saved_id is not None
    assert ws.members.get(form.saved_id).fields.status == "active"


def test_a_number_typed_and_not_saved_stays_when_an_event_changes(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """The fields the events decide are shown anew after an event is recorded or deleted in the
    tab; one the secretary had typed over, which the event did not change, kept being replaced
    by the stored value: her correction was gone before she saved."""
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017", "03-QĐ/ĐTN", place="Chi đoàn ấp Tân Phú")
    ws.events.record(an, "party_introduction", "01/05/2024")
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    assert form.timeline is not None
    form.set_value("admission_decision", "04-QĐ/ĐTN")
    prompts.answer = True
    form.timeline.select_row(1)
    form.timeline.delete_button.click()
    assert [row[1] for row in form.timeline.rows()] == ["Kết nạp Đoàn"]
    assert form.raw()["admission_decision"] == "04-QĐ/ĐTN"
    assert form.raw()["admission_place"] == "Chi đoàn ấp Tân Phú"
    assert form.is_modified
    form.save_button.click()
    assert ws.members.get(an).fields.admission_decision == "04-QĐ/ĐTN"


def test_deleting_a_return_gives_back_the_post_it_vacated(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    position="Bí thư", admission_date="26/03/2016")  # fmt: skip
    ws.events.record(an, "transfer_out", "15/03/2024", other_organization="Đoàn xã Tân Lộc")
    ws.events.record(an, "transfer_in", "01/02/2025", other_organization="Đoàn xã Tân Lộc",
                     note="Về địa phương")  # fmt: skip
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    assert form.timeline is not None
    assert form.timeline.rows()[-1][3] == "Chuyển đến từ: Đoàn xã Tân Lộc\nGhi chú: Về địa phương"
    assert ws.members.get(an).fields.position is None
    form.timeline.select_row(1)
    prompts.answer = True
    form.timeline.delete_button.click()  # "Xóa sự kiện"
    assert prompts.errors == []
    fields = ws.members.get(an).fields
    assert (fields.status, fields.position) == ("transferred_out", "Bí thư")
    assert form.timeline.rows()[0][3] == (
        "Chức vụ trước khi chuyển sinh hoạt: Bí thư\nChuyển đi đến: Đoàn xã Tân Lộc"
    )
