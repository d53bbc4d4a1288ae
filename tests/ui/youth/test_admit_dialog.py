"""The admit dialog: errors next to the fields, and a young person admitted only once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.youth.admit_dialog import AdmitDialog
from scripted import ScriptedPrompts, synchronous_core
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _youth_id(ws: Workspace, name: str) -> str:
    return next(r.id for r in ws.youth.list() if r.full_name == name)


def test_bad_date_is_shown_next_to_the_field(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    dialog = AdmitDialog(synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Lê Văn An"))
    qtbot.addWidget(dialog)
    assert dialog.introducer.member_id() == ""  # no follow-up member: no introducer
    dialog.date_edit.setText("")
    dialog.admit_button.click()
    assert dialog.errors.messages() == {"admission_date": "Cần nhập ngày kết nạp."}
    dialog.date_edit.setText("31/02/2025")
    dialog.admit_button.click()
    assert set(dialog.errors.messages()) == {"admission_date"}
    assert dialog.member_id is None and youth_ws.members.count() == 2


def test_admitted_twice_is_refused(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    youth_id = _youth_id(youth_ws, "Lê Văn An")
    first = AdmitDialog(synchronous_core(youth_ws, prompts), youth_id)
    second = AdmitDialog(synchronous_core(youth_ws, prompts), youth_id)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.date_edit.setText("02/09/2025")
    first.admit_button.click()
    assert first.member_id
    second.date_edit.setText("02/09/2025")
    second.admit_button.click()
    assert prompts.errors == ["Lê Văn An đã được kết nạp Đoàn."]
    assert second.member_id is None and youth_ws.members.count() == 3


def test_the_new_member_carries_the_register_and_shows_where_from(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    dialog = AdmitDialog(
        synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Nguyễn Thị Thủy")
    )
    qtbot.addWidget(dialog)
    assert dialog.introducer.member_id() != ""  # the member who followed her up
    dialog.date_edit.setText("02/09/2025")
    dialog.admit_button.click()
    assert dialog.member_id is not None and prompts.errors == []
    form = MemberFormDialog(synchronous_core(youth_ws, prompts), dialog.member_id)
    qtbot.addWidget(form)
    assert (form.raw()["address_hamlet"], form.raw()["gender"]) == ("Ấp Tân Hưng", "female")
    assert form.raw()["notes"] == "Hoàn cảnh khó khăn: Hộ nghèo"
    assert form.timeline is not None
    (row,) = form.timeline.rows()
    assert row[:2] == ("02/09/2025", "Kết nạp Đoàn")
    assert row[3].splitlines() == [
        "Nơi kết nạp: Đoàn xã Tân Hưng",
        "Người giới thiệu: Nguyễn Thị Như Quỳnh",
        "Ghi chú: Kết nạp từ sổ theo dõi thanh niên.",
    ]


def test_the_buttons_stay_in_place_under_the_date_and_a_general_message(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    dialog = AdmitDialog(synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Lê Văn An"))
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.admit_button)
    dialog.date_edit.setText("31/02/2025")
    dialog.admit_button.click()
    assert len(messages_fit(qtbot, dialog)) == 1
    assert spot(qtbot, dialog.admit_button) == before
    # What the roster's rules refuse in the record itself is said above the buttons.
    dialog._refused(ValidationError({
        "admission_date": "Ngày kết nạp không thể trước ngày sinh.",
        "phone": "Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).",
        "ethnicity": "Dân tộc không có trong danh mục 54 dân tộc Việt Nam.",
    }))  # fmt: skip
    assert len(messages_fit(qtbot, dialog)) == 2
    assert spot(qtbot, dialog.admit_button) == before


@pytest.mark.parametrize(
    ("hamlet", "chosen"),
    [
        ("Ấp 3", "Chi đoàn Ấp 3"),  # not "Ấp 13", listed first, whose name ends in "3"
        ("ấp 1", "(Chưa thuộc chi đoàn)"),  # no chi đoàn of Ấp 1: not "Ấp 11" nor "Ấp 21"
        ("Phú", "(Chưa thuộc chi đoàn)"),  # not "Tân Phú"
        ("Tân Phú", "Chi đoàn Tân Phú"),
        ("Khu phố Tân Phú", "Chi đoàn Tân Phú"),
        ("Xóm Mới", "Chi đoàn xóm Mới"),
    ],
)
def test_the_chi_doan_guessed_from_the_hamlet_is_that_hamlets_own(
    qtbot: QtBot, ws: Workspace, prompts, hamlet: str, chosen: str
) -> None:
    for name in ("Chi đoàn Ấp 3", "Chi đoàn Ấp 13", "Chi đoàn Ấp 11", "Chi đoàn Ấp 21",
                 "Chi đoàn Tân Phú", "Chi đoàn xóm Mới"):  # fmt: skip
        ws.branches.create(name)
    youth_id = ws.youth.save({"full_name": "Lê Văn An", "birth_date": "01/01/2003",
                              "hamlet": hamlet})  # fmt: skip
    dialog = AdmitDialog(synchronous_core(ws, prompts), youth_id)
    qtbot.addWidget(dialog)
    assert dialog.branch_combo.currentText() == chosen


def test_no_introducer_chosen_records_none(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    # "(Không ghi)" chosen over the follow-up member offered: the admission still named the
    # follow-up member as introducer (the core took a missing introducer for its default).
    dialog = AdmitDialog(
        synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Nguyễn Thị Thủy")
    )
    qtbot.addWidget(dialog)
    assert dialog.introducer.combo.currentText().startswith("Nguyễn Thị Như Quỳnh")
    dialog.introducer.set_member(None)
    assert dialog.introducer.combo.currentText() == "(Không ghi)"
    dialog.date_edit.setText("02/09/2025")
    dialog.admit_button.click()
    assert dialog.member_id is not None and prompts.errors == []
    (event,) = youth_ws.events.history(dialog.member_id)
    assert (event.kind, event.introducer_id, event.introducer_name) == ("admission", None, None)


def test_a_follow_up_member_who_left_is_not_offered_as_introducer(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    # The member who followed Thủy up transferred out: she was offered, and recorded, as the
    # introducer of an admission made after she left.
    thuy = next(r for r in youth_ws.youth.list() if r.full_name == "Nguyễn Thị Thủy")
    assert thuy.follow_up_member_id is not None
    youth_ws.events.record(thuy.follow_up_member_id, "transfer_out", "01/03/2025",
                           other_organization="Đoàn xã A")  # fmt: skip
    dialog = AdmitDialog(synchronous_core(youth_ws, prompts), thuy.id)
    qtbot.addWidget(dialog)
    assert dialog.introducer.member_id() == ""
    dialog.date_edit.setText("02/09/2025")
    dialog.admit_button.click()
    assert dialog.member_id is not None and prompts.errors == []
    (event,) = youth_ws.events.history(dialog.member_id)
    assert (event.introducer_id, event.introducer_name) == (None, None)


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_enter_in_the_introducer_search_admits_no_one(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """A name typed in "Người giới thiệu" and Enter: the default "Kết nạp" admitted the young
    person at once; Enter picks the one member found, or leaves the choice when none or
    several are found, and admits no one."""
    youth_ws.members.save({"full_name": "Võ Thị Lan", "birth_date": "03/04/1999"})
    dialog = AdmitDialog(synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Lê Văn An"))
    shown(qtbot, dialog)
    search, combo = dialog.introducer.search, dialog.introducer.combo
    search.setFocus()
    qtbot.keyClicks(search, "xyz")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert combo.currentText() == "(Không ghi)"
    search.clear()
    qtbot.keyClicks(search, "vo")  # two members: their list opens
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert dialog.introducer.found == 2 and combo.view().isVisible()
    combo.hidePopup()
    assert dialog.isVisible() and dialog.member_id is None
    search.clear()
    qtbot.keyClicks(search, "tung")
    qtbot.keyClick(search, Qt.Key.Key_Enter)
    assert combo.currentText() == "Võ Văn Tùng"
    assert dialog.isVisible() and dialog.member_id is None and youth_ws.members.count() == 3
    dialog.admit_button.click()
    assert dialog.member_id is not None and youth_ws.members.count() == 4


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_enter_on_the_closed_introducer_list_opens_it_and_admits_no_one(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """Enter on the closed list of "Người giới thiệu": the default "Kết nạp" admitted the young
    person at once; the list opens instead, and no one is admitted."""
    dialog = AdmitDialog(synchronous_core(youth_ws, prompts), _youth_id(youth_ws, "Lê Văn An"))
    shown(qtbot, dialog)
    combo = dialog.introducer.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert combo.view().isVisible()
    assert dialog.isVisible() and dialog.member_id is None and youth_ws.members.count() == 2


def test_escape_asks_before_throwing_away_what_was_typed(
    qtbot: QtBot, youth_ws: Workspace, fake_prompts: ScriptedPrompts
) -> None:
    """Esc in the admission closed it at once, the decision's number and the chi đoàn typed
    lost, where the other forms ask first; untouched, it still closes without a question."""
    youth_id = _youth_id(youth_ws, "Lê Văn An")
    dialog = AdmitDialog(synchronous_core(youth_ws, fake_prompts), youth_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.number_edit.setFocus()
    qtbot.keyClicks(dialog.number_edit, "12-QD/DTN")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Escape)
    assert fake_prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    assert dialog.isVisible() and dialog.number_edit.text() == "12-QD/DTN"  # "Không": kept

    fake_prompts.answer = True
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert youth_ws.members.count() == 2  # nobody admitted

    untouched = AdmitDialog(synchronous_core(youth_ws, fake_prompts), youth_id)
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.waitExposed(untouched)
    qtbot.keyClick(untouched.date_edit, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and len(fake_prompts.asked) == 2
