"""Recording events in the GUI: the event dialog, the roster's active view, the read-only form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    return window


def _dialog(qtbot: QtBot, ws: Workspace, member_id: str, prompts: ScriptedPrompts) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    return dialog


def test_transfer_out_leaves_the_active_roster_and_the_form_turns_read_only(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú")
    binh = add_member("Trần Văn Bình", "02/02/2001", branch="Chi đoàn ấp Tân Phú")
    page = _window(qtbot, ws, prompts).roster
    assert page.status_combo.currentText() == "Đang sinh hoạt và sinh hoạt tạm"
    assert set(page.model.ids) == {an, binh}
    page.select_member(an)
    assert page.event_button.isEnabled()

    def transfer_out(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        dialog.set_kind("transfer_out")
        dialog.set_value("date", "15/03/2025")
        dialog.set_value("number", "12-QĐ/ĐTN")
        dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
        dialog.save_button.click()

    prompts.dialog_script = transfer_out
    page.event_button.click()
    assert prompts.errors == []
    assert ws.members.get(an).fields.status == "transferred_out"
    assert list(page.model.ids) == [binh]  # left the active roster
    page.status_combo.setCurrentIndex(page.status_combo.findText("Đã chuyển sinh hoạt"))
    assert list(page.model.ids) == [an]
    page.status_combo.setCurrentIndex(page.status_combo.findText("Tất cả trạng thái"))
    assert set(page.model.ids) == {an, binh}

    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    assert form.read_only
    assert not form.banner.isHidden()
    assert "đã chuyển sinh hoạt đi" in form.banner.text()
    assert form.save_button.isHidden()
    assert form.windowTitle() == "Thông tin đoàn viên (chỉ xem)"
    assert form.editors["full_name"].isReadOnly()  # type: ignore[union-attr]
    assert not form.editors["branch_id"].isEnabled()
    assert form.tabs.tabText(form.tabs.count() - 1) == "&Quá trình"
    assert form.timeline is not None
    assert form.timeline.rows()[0][:3] == ("15/03/2025", "Chuyển sinh hoạt đi", "12-QĐ/ĐTN")
    # Only a transfer back in is offered.
    assert EventDialog(synchronous_core(ws, prompts), an).kinds == ("transfer_in",)


def test_read_only_form_can_still_record_a_transfer_in(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "transfer_out", "15/03/2024", other_organization="Đoàn xã Tân Lộc")
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    assert form.read_only and form.timeline is not None

    def transfer_in(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())] == [
            "Chuyển sinh hoạt đến"
        ]
        dialog.set_value("date", "01/06/2025")
        dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
        dialog.save_button.click()

    prompts.dialog_script = transfer_in
    form.timeline.record_button.click()
    assert ws.members.get(an).fields.status == "active"
    assert form.events_changed
    assert not form.read_only and form.banner.isHidden() and not form.save_button.isHidden()
    assert form.editors["status"].currentText() == "Đang sinh hoạt"  # type: ignore[union-attr]
    assert not form.editors["status"].isEnabled()  # status only changes through events
    assert not form.is_modified
    assert [row[1] for row in form.timeline.rows()] == [
        "Chuyển sinh hoạt đi",
        "Chuyển sinh hoạt đến",
    ]


def test_refused_transition_shows_the_core_message_and_records_nothing(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017", place="Chi đoàn ấp Tân Phú")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_in")
    dialog.set_value("date", "01/02/2025")
    dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
    dialog.save_button.click()
    assert prompts.errors == [
        "Đoàn viên Nguyễn Văn An đang sinh hoạt tại đơn vị: "
        "không thể ghi nhận chuyển sinh hoạt đến."
    ]
    assert dialog.event_id is None and dialog.result() == 0
    assert [e.kind for e in ws.events.history(an)] == ["admission"]
    assert ws.members.get(an).fields.status == "active"


def test_the_dialog_opens_on_an_event_the_member_can_have(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú")
    ws.events.record(an, "admission", "26/03/2017", place="Chi đoàn ấp Tân Phú")
    page = _window(qtbot, ws, prompts).roster
    page.select_member(an)
    opened_on: list[str] = []

    def record_default(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        opened_on.append(dialog.kind_combo.currentText())
        assert dialog.field_shown("other_organization") and not dialog.field_shown("place")
        dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
        dialog.save_button.click()  # the kind and the date as the dialog opened

    prompts.dialog_script = record_default
    page.event_button.click()
    # Not "Kết nạp Đoàn" (already recorded) nor "Chuyển sinh hoạt đến" (active here).
    assert opened_on == ["Chuyển sinh hoạt đi"]
    assert prompts.errors == []
    assert [e.kind for e in ws.events.history(an)] == ["admission", "transfer_out"]
    assert ws.members.get(an).fields.status == "transferred_out"

    # A member with no event yet: the admission can still come first.
    binh = add_member("Trần Văn Bình", "02/02/2001")
    assert _dialog(qtbot, ws, binh, prompts).kind == "admission"


def test_kinds_refused_whatever_the_date_are_greyed_out_with_the_core_reason(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú")
    ws.events.record(an, "admission", "26/03/2017", place="Chi đoàn ấp Tân Phú")
    dialog = _dialog(qtbot, ws, an, prompts)
    combo = dialog.kind_combo

    def item(kind: str, combo: QComboBox = combo) -> tuple[bool, str]:
        index = combo.model().index(combo.findData(kind), 0)
        enabled = bool(combo.model().flags(index) & Qt.ItemFlag.ItemIsEnabled)
        return enabled, combo.itemData(index.row(), Qt.ItemDataRole.ToolTipRole) or ""

    assert item("admission") == (False, "Đoàn viên Nguyễn Văn An đã có quyết định kết nạp Đoàn.")
    assert item("transfer_in") == (
        False,
        "Đoàn viên Nguyễn Văn An đang sinh hoạt tại đơn vị: không thể ghi nhận chuyển sinh "
        "hoạt đến.",
    )
    assert item("transfer_out") == (True, "")
    assert item("discipline") == (True, "")
    # The arrow keys pass over them: up from the first kind offered stays on it.
    assert combo.currentText() == "Chuyển sinh hoạt đi"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "Chuyển sinh hoạt đi"
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert combo.currentText() == "Chuyển sinh hoạt đi"
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Sinh hoạt tạm"

    # A member with no event yet can have every kind.
    binh = add_member("Trần Văn Bình", "02/02/2001")
    other = _dialog(qtbot, ws, binh, prompts)
    assert [item(k, other.kind_combo) for k in other.kinds] == [(True, "")] * len(other.kinds)


def test_missing_required_field_is_shown_next_to_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_out")
    assert dialog.field_shown("other_organization") and not dialog.field_shown("place")
    dialog.set_value("date", "")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "date": "Cần nhập ngày của sự kiện.",
        "other_organization": "Cần nhập tên đơn vị chuyển đến.",
    }
    dialog.set_kind("discipline")
    assert dialog.field_shown("level") and not dialog.field_shown("other_organization")
    dialog.set_value("date", "01/02/2025")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "level": "Cần chọn hình thức kỷ luật: Khiển trách, Cảnh cáo, Khai trừ."
    }
    assert prompts.errors == []
    assert ws.events.history(an) == []
    assert ws.members.get(an).fields.status == "active"

    dialog.set_value("level", "warning")
    dialog.save_button.click()
    assert dialog.event_id is not None
    assert [(e.kind, e.discipline_level) for e in ws.events.history(an)] == [
        ("discipline", "warning")
    ]


def test_admission_with_an_introducer_from_the_roster(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    quynh = add_member("Nguyễn Thị Như Quỳnh", "05/03/1996")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.set_kind("admission")
    assert dialog.field_shown("place") and dialog.field_shown("introducer")
    dialog.set_value("introducer", "quynh")
    assert dialog._suggestions.stringList() == ["Nguyễn Thị Như Quỳnh (sinh 05/03/1996)"]
    dialog._introducer_chosen("Nguyễn Thị Như Quỳnh (sinh 05/03/1996)")
    dialog.set_value("date", "26/03/2017")
    dialog.set_value("place", "Chi đoàn ấp Tân Phú")
    dialog.save_button.click()
    [event] = ws.events.history(an)
    assert (event.introducer_id, event.introducer_name) == (quynh, "Nguyễn Thị Như Quỳnh")
    assert ws.members.get(an).fields.admission_place == "Chi đoàn ấp Tân Phú"
