"""The youth form: Vietnamese messages under the fields, nothing saved until valid, edit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from scripted import synchronous_core
from steady import messages_fit, shown, spot


def _form(qtbot: QtBot, ws: Workspace, prompts, youth_id: str | None = None) -> YouthFormDialog:
    dialog = YouthFormDialog(
        synchronous_core(ws, prompts), read_youth(ws, youth_id) if youth_id else None
    )
    qtbot.addWidget(dialog)
    return dialog


def test_messages_under_the_fields_and_nothing_saved(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "full_name": "Cần nhập họ và tên.",
        "birth_date": "Cần nhập ngày sinh.",
    }
    future = (dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y")
    for name, value in (("full_name", "Lê Văn 2"), ("birth_date", "12/03/2004"),
                        ("phone", "12345"), ("away_since", future)):  # fmt: skip
        dialog.set_value(name, value)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "full_name": "Họ và tên không được chứa chữ số.",
        "phone": "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).",
        "away_since": "Ngày đi làm ăn xa không thể sau ngày hôm nay.",
    }
    assert dialog.saved_id is None and youth_ws.youth.count() == 5


def test_save_new_with_follow_up_member(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "  huỳnh thị mai ")
    dialog.set_value("birth_date", "2004")
    dialog.set_value("gender", "female")
    kind, in_hardship = dialog.editors["hardship_kind"], dialog.editors["in_hardship"]
    assert isinstance(kind, QLineEdit) and isinstance(in_hardship, QCheckBox)
    kind.setText("Mồ côi")
    kind.textEdited.emit("Mồ côi")
    assert in_hardship.isChecked()
    dialog.picker.search.setText("tung")
    dialog.picker.refresh()
    assert dialog.picker.combo.currentText() == "Võ Văn Tùng"
    dialog.save_button.click()
    assert dialog.saved_id and dialog.result() == dialog.DialogCode.Accepted
    record = youth_ws.youth.get(dialog.saved_id)
    assert record.fields.full_name == "Huỳnh Thị Mai"
    assert record.fields.birth_precision == "year"
    assert record.fields.in_hardship and record.fields.hardship_kind == "Mồ côi"
    assert record.follow_up_name == "Võ Văn Tùng"


def test_edit_loads_every_field(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    thuy = next(r for r in youth_ws.youth.list() if r.full_name == "Nguyễn Thị Thủy")
    dialog = _form(qtbot, youth_ws, prompts, thuy.id)
    raw = dialog.raw()
    assert raw["full_name"] == "Nguyễn Thị Thủy" and raw["birth_date"] == "12/03/2004"
    assert raw["in_hardship"] == "1" and raw["hardship_kind"] == "Hộ nghèo"
    assert raw["follow_up_member_id"] == thuy.follow_up_member_id
    assert dialog.picker.combo.currentText().startswith("Nguyễn Thị Như Quỳnh")
    assert not dialog.is_modified
    dialog.set_value("occupation", "Thợ may")
    prompts.answer = False
    dialog.reject()  # asks first: the change is kept
    assert prompts.asked and dialog.isVisible() is False and dialog.result() == 0
    dialog.save_button.click()
    assert youth_ws.youth.get(thuy.id).fields.occupation == "Thợ may"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_buttons_stay_in_place_under_many_messages(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    dialog = YouthFormDialog(synchronous_core(ws, prompts))
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    for name, value in {"birth_date": "31/02/2005", "phone": "12345", "away_since": "13/2024",
                        "ethnicity": "Không rõ"}.items():  # fmt: skip
        dialog.set_value(name, value)
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) >= 4
    assert spot(qtbot, dialog.save_button) == before


def test_the_follow_up_member_is_chosen_among_members_still_active(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    # A namesake who transferred out (and one who came of age) cannot follow a young person up
    # (1+1): offered, they were told apart from the active member by nothing but their chi đoàn.
    left = youth_ws.members.save({"full_name": "Võ Văn Tùng", "birth_date": "01/02/1990"})
    youth_ws.events.record(left, "transfer_out", "01/03/2025", other_organization="Đoàn xã A")
    old = youth_ws.members.save({"full_name": "Võ Thị Tuyết", "birth_date": "01/02/1990"})
    youth_ws.events.record(old, "matured", "01/03/2020")
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.picker.search.setText("vo")
    dialog.picker.refresh()
    combo = dialog.picker.combo
    offered = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
    assert [text for text, _ in offered] == ["Võ Văn Tùng"]
    assert left not in [member_id for _, member_id in offered]


def test_a_follow_up_member_deleted_from_the_roster_does_not_block_saving(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    # Thủy's follow-up member deleted from the roster: the form showed her still chosen, and
    # every save of Thủy was refused with "Đoàn viên theo dõi không có trong danh sách.".
    thuy = next(r for r in youth_ws.youth.list() if r.full_name == "Nguyễn Thị Thủy")
    assert thuy.follow_up_member_id is not None
    youth_ws.members.delete([thuy.follow_up_member_id])
    dialog = _form(qtbot, youth_ws, prompts, thuy.id)
    assert dialog.picker.combo.currentText() == "(Chưa có)"
    dialog.set_value("occupation", "Thợ may")
    dialog.save_button.click()
    assert dialog.errors.messages() == {} and dialog.saved_id == thuy.id
    fields = youth_ws.youth.get(thuy.id).fields
    assert (fields.occupation, fields.follow_up_member_id) == ("Thợ may", None)


def test_khong_typed_in_the_form_is_a_no_as_the_import_reads_it(
    qtbot: QtBot, youth_ws: Workspace, prompts, tmp_path
) -> None:
    """ "Nơi làm ăn xa" and "Loại hoàn cảnh" are the import's "Đi làm ăn xa (nơi)" and
    "Hoàn cảnh khó khăn" columns, where "Không" says no: typed in the form it unticks the box
    rather than ticking it (no place called "Không" is kept), "Có" ticks it without a place, and
    what the form saved goes out to Excel and comes back unchanged."""
    from doancoso.core.roster.spreadsheets import UNCHANGED

    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "Lê Văn Tư")
    dialog.set_value("birth_date", "2003")
    away, away_box = dialog.editors["away_place"], dialog.editors["working_away"]
    hardship, hardship_box = dialog.editors["hardship_kind"], dialog.editors["in_hardship"]
    assert isinstance(away, QLineEdit) and isinstance(hardship, QLineEdit)
    assert isinstance(away_box, QCheckBox) and isinstance(hardship_box, QCheckBox)
    away_box.setChecked(True)
    for line, text in ((away, "Không"), (hardship, "có")):
        line.insert(text)  # as typed (textEdited)
    assert not away_box.isChecked() and hardship_box.isChecked()
    dialog.save_button.click()
    assert dialog.saved_id is not None
    fields = youth_ws.youth.get(dialog.saved_id).fields
    assert (fields.working_away, fields.away_place) == (False, None)
    assert (fields.in_hardship, fields.hardship_kind) == (True, None)

    path = tmp_path / "thanh-nien.xlsx"
    youth_ws.spreadsheets.export_youth(path)
    preview = youth_ws.youth_import.preview_import(path)
    assert [(r.action, r.changed, r.problems) for r in preview.rows] == [(UNCHANGED, [], [])] * 6
    assert youth_ws.youth_import.apply_import(preview).unchanged == 6
    assert youth_ws.youth.get(dialog.saved_id).fields == fields


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_follow_up_member_and_chi_doan_read_in_full(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """The form opened on a 1366×768 screen shows the follow-up member (1+1) with her chi đoàn
    whole in its box, not cut off after "Chi đoàn ấp T"."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    thuy = next(r.id for r in youth_ws.youth.list() if r.full_name == "Nguyễn Thị Thủy")
    dialog = _form(qtbot, youth_ws, prompts, thuy)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.picker.combo
    assert combo.currentText() == "Nguyễn Thị Như Quỳnh – Chi đoàn ấp Tân Hưng"
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= room.width()
    assert dialog.width() <= 1366 - 100  # still within the screen, beside the window's edge


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_in_the_member_search_picks_the_member_and_saves_nothing(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """A name typed in "Đoàn viên theo dõi (1+1)" and Enter: the dialog's default "Lưu" saved
    the young person at once, with the member chosen before the name was typed (no one)."""
    dialog = YouthFormDialog(synchronous_core(youth_ws, prompts))
    shown(qtbot, dialog)
    dialog.set_value("full_name", "Huỳnh Thị Mai")
    dialog.set_value("birth_date", "2004")
    dialog.picker.search.setFocus()
    qtbot.keyClicks(dialog.picker.search, "tung")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved_id is None and youth_ws.youth.count() == 5
    assert dialog.picker.combo.currentText() == "Võ Văn Tùng"
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # again: still nothing saved
    assert dialog.saved_id is None and youth_ws.youth.count() == 5
    dialog.save_button.click()
    assert dialog.saved_id and youth_ws.youth.get(dialog.saved_id).follow_up_name == "Võ Văn Tùng"


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_enter_on_the_closed_member_list_opens_it_and_saves_nothing(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """Enter on the closed list of "Đoàn viên theo dõi (1+1)": the dialog's default "Lưu"
    saved the young person at once; the list opens for the secretary to choose, Enter there
    picks the member, and nothing is saved until "Lưu"."""
    dialog = YouthFormDialog(synchronous_core(youth_ws, prompts))
    shown(qtbot, dialog)
    dialog.set_value("full_name", "Huỳnh Thị Mai")
    dialog.set_value("birth_date", "2004")
    combo = dialog.picker.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert combo.view().isVisible()
    assert dialog.isVisible() and dialog.saved_id is None and youth_ws.youth.count() == 5
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert not combo.view().isVisible() and combo.currentIndex() == 1
    assert dialog.isVisible() and dialog.saved_id is None and youth_ws.youth.count() == 5
    qtbot.keyClick(combo, Qt.Key.Key_Enter)  # the keypad's: the list again, still no save
    assert combo.view().isVisible() and dialog.saved_id is None


def test_a_month_and_year_for_the_birth_date_says_what_to_type(
    qtbot: QtBot, youth_ws: Workspace, prompts
) -> None:
    """As the member form: "3/2006" is told the whole date or the year of birth alone."""
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "Lê Văn Tâm")
    dialog.set_value("birth_date", "3/2006")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "birth_date": "Nhập đủ ngày/tháng/năm (ví dụ 01/03/2006) hoặc chỉ năm sinh (2006)."
    }
    assert dialog.saved_id is None and youth_ws.youth.count() == 5


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_birth_date_placeholder_reads_whole(qtbot: QtBot, youth_ws: Workspace, prompts) -> None:
    """At 1366×768 the birth date's box shows its whole hint, "dd/mm/yyyy (hoặc chỉ năm
    sinh)", not cut at "năm s…"."""
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.editors["birth_date"]
    assert isinstance(line, QLineEdit)
    assert line.placeholderText() == "dd/mm/yyyy (hoặc chỉ năm sinh)"
    needed = line.fontMetrics().horizontalAdvance(line.placeholderText())
    # the date popup's button sits inside the box, at its end
    buttons = sum(b.width() for b in line.findChildren(QToolButton) if b.isVisible())
    assert buttons > 0
    assert line.width() - buttons - needed >= 12  # the box's frame and text margins
