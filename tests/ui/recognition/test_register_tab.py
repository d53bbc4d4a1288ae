"""Criterion 3's register on the page: the advice and coordination dialogs refuse bad input
under its field and save nothing, then save; records listed by year with their files; delete
with "Hoàn tác"; the Party introductions of the year shown read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
from doancoso.ui.common.list_page import UNDO_HINT
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.recognition.register import RecordsSection
from doancoso.ui.recognition.register_dialogs import (
    RecordDialog,
    advice_dialog,
    coordination_dialog,
)
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Fill:
    """A dialog script typing ``values``, then pressing "Lưu"; the messages the dialog showed
    are kept in ``shown``, and a dialog that stayed open is closed as "Hủy" would."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.shown: dict[str, str] = {}

    def __call__(self, dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        for name, value in self.values.items():
            dialog.set_value(name, value)
        dialog.submit()
        self.shown = dialog.errors.messages()
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.done(QDialog.DialogCode.Rejected)


def test_advice_dialog_refuses_bad_input_then_saves(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts,
    qtmodeltester: ModelTester,
) -> None:  # fmt: skip
    section = page.register.advice
    script = Fill({"day": "31/02/2025", "title": "", "answer_day": "01/01/2025"})
    prompts.dialog_script = script
    section.add_button.click()
    assert script.shown == {
        "day": "Ngày 31/02/2025 không có trên lịch.",
        "title": "Cần nhập tên văn bản tham mưu.",
    }
    assert ws.registers.advice() == []
    title = "Tờ trình về công tác thanh niên"
    script = Fill({"day": "15/06/2025", "number": "05-TTr/ĐTN", "title": title,
                   "answer_day": "01/06/2025"})  # fmt: skip
    prompts.dialog_script = script
    section.add_button.click()
    assert script.shown == {"answer_day": "Ngày trả lời không thể trước ngày gửi văn bản."}
    assert ws.registers.advice() == []
    answered = {"answer": "Đảng ủy đồng ý.", "answer_day": "20/06/2025"}
    prompts.dialog_script = Fill({**script.values, **answered})
    section.add_button.click()
    (record,) = ws.registers.advice(2025)
    assert (record.number, record.answer) == ("05-TTr/ĐTN", "Đảng ủy đồng ý.")
    qtmodeltester.check(section.model)
    row = [section.model.index(0, c).data() for c in range(section.model.columnCount())]
    assert row == ["15/06/2025", "05-TTr/ĐTN", "Tờ trình về công tác thanh niên",
                   "Đảng ủy đồng ý.", "20/06/2025", ""]  # fmt: skip
    assert page.register.tabText(0) == "Tham mưu cấp ủy (1)"
    assert section.selected_ids() == [record.id]  # the new record is selected
    assert section.files.attach_button.isEnabled()


def test_a_year_typed_short_is_told_the_years_taken(page: RecognitionPage, ws: Workspace,
                                                    prompts: ScriptedPrompts) -> None:  # fmt: skip
    """ "Năm 25 không hợp lệ." said nothing of the years the register takes."""
    script = Fill({"day": "15/06/0025", "title": "Tờ trình", "answer_day": "01/07/2205"})
    prompts.dialog_script = script
    page.register.advice.add_button.click()
    assert script.shown == {
        "day": "Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100.",
        "answer_day": "Năm 2205 không hợp lệ: chỉ nhận các năm 2000–2100.",
    }
    assert ws.registers.advice() == []


def test_an_advice_sent_after_today_is_refused_under_its_field(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    script = Fill({"day": "15/06/2099", "title": "Tờ trình"})
    prompts.dialog_script = script
    page.register.advice.add_button.click()
    assert script.shown == {"day": "Ngày gửi văn bản không thể sau hôm nay."}
    assert ws.registers.advice() == []


def test_a_field_message_goes_as_soon_as_the_field_is_fixed(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    kept: list[RecordDialog] = []

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        dialog.set_value("day", "15/13/2025")
        dialog.submit()
        kept.append(dialog)

    prompts.dialog_script = script
    page.register.coordination.add_button.click()
    dialog = kept[0]
    assert dialog.errors.messages() == {
        "day": "Ngày 15/13/2025 không có trên lịch.",
        "partner": "Cần nhập cơ quan, đơn vị phối hợp.",
        "title": "Cần nhập tên chương trình phối hợp.",
    }
    day = dialog.editors["day"]
    assert isinstance(day, QLineEdit)
    day.setText("15/12/2025")
    partner = dialog.editors["partner"]
    assert isinstance(partner, QLineEdit)
    partner.setText("Công an xã")
    assert dialog.errors.messages() == {"title": "Cần nhập tên chương trình phối hợp."}
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    prompts.answer = False  # "Hủy" with what was typed: asked, and kept open when refused
    dialog.reject()
    assert prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    assert closed == []
    prompts.answer = True
    dialog.reject()
    assert closed == [QDialog.DialogCode.Rejected.value]
    assert ws.registers.coordination() == []


def test_the_buttons_stay_in_place_while_messages_come_and_go(qtbot: QtBot, core: Core) -> None:
    dialog = advice_dialog(core, 2025, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def buttons() -> tuple[QRect, QRect]:
        for _ in range(3):  # let the layouts run (a message sized by its text asks twice)
            qtbot.wait(10)
        save = dialog.save_button
        return QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()), dialog.geometry()

    before = buttons()
    for name, value in {"day": "15/06/2025", "title": "Tờ trình về công tác thanh niên",
                        "answer_day": "01/06/2025"}.items():  # fmt: skip
        dialog.set_value(name, value)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "answer_day": "Ngày trả lời không thể trước ngày gửi văn bản.",
    }
    assert buttons() == before
    dialog.set_value("title", "")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "title": "Cần nhập tên văn bản tham mưu.",
        "answer_day": "Ngày trả lời không thể trước ngày gửi văn bản.",
    }
    assert buttons() == before
    dialog.set_value("title", "Tờ trình về công tác thanh niên")
    dialog.set_value("answer_day", "20/06/2025")
    assert dialog.errors.messages() == {}
    assert buttons() == before
    assert core.ws.registers.advice() == []


def test_coordination_linked_to_an_activity_then_deleted_with_undo(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory
) -> None:
    activity, _ = ws.activities.save({"title": "Tuyên truyền pháp luật", "kind": "tuyen-truyen",
                                      "start_date": "18/04/2025"})  # fmt: skip
    page.refresh()
    section = page.register.coordination

    seen: dict[str, object] = {}

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        combo = dialog.editors["activity_id"]
        assert isinstance(combo, QComboBox)
        seen["offered"] = [combo.itemText(i) for i in range(combo.count())]
        for name, value in {"partner": "Công an xã Tân Hưng", "title": "Quy chế phối hợp",
                            "day": "01/04/2025", "end_day": "01/03/2025",
                            "activity_id": activity}.items():  # fmt: skip
            dialog.set_value(name, value)
        dialog.submit()
        seen["first"] = dialog.errors.messages()
        dialog.set_value("end_day", "31/12/2025")
        dialog.submit()

    prompts.dialog_script = script
    section.add_button.click()
    assert seen["offered"] == ["(Không liên kết)", "18/04/2025 – Tuyên truyền pháp luật"]
    assert seen["first"] == {"end_day": "Ngày kết thúc không thể trước ngày bắt đầu."}
    (record,) = ws.registers.coordination(2025)
    assert record.activity_id == activity
    assert section.model.index(0, 0).data() == "01/04/2025 – 31/12/2025"
    assert section.model.index(0, 4).data() == "18/04/2025 – Tuyên truyền pháp luật"
    section.select(record.id)
    section.delete_button.click()
    assert prompts.asked[-1] == (
        "Xóa chương trình phối hợp “Quy chế phối hợp”?\n\nCó thể lấy lại bằng “Hoàn tác” "
        "(Ctrl+Z) cho đến khi đóng chương trình."
    )
    assert ws.registers.coordination() == [] and section.model.rowCount() == 0
    assert history.undoText() == "Xóa chương trình phối hợp"
    history.undo()
    assert [c.id for c in ws.registers.coordination()] == [record.id]
    assert section.model.rowCount() == 1


def test_records_of_the_year_with_their_files_and_introductions(
    ws: Workspace, page: RecognitionPage, photo: Path
) -> None:
    this = ws.registers.save_advice({"day": "10/03/2025", "title": "Tờ trình năm nay"})
    ws.registers.save_advice({"day": "10/03/2024", "title": "Tờ trình năm trước"})
    ws.evidence.attach(ADVICE_TABLE, this, photo, "Bản chụp tờ trình")
    member = ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "01/01/2000"})
    ws.events.record(member, "party_introduction", "05/09/2025", number="12-GT/ĐTN")
    page.refresh()
    section = page.register.advice
    assert [r.title for r in section.model.records] == ["Tờ trình năm nay"]
    assert section.count.text() == "1 văn bản tham mưu năm 2025"
    assert section.model.index(0, 5).data() == "1"
    assert section.model.index(0, 3).data() == "Chưa trả lời"  # as the dossier and CLI say
    section.select(this)
    assert section.files.model.rowCount() == 1
    assert section.files_title.text() == "Tệp minh chứng (1):"
    intro = page.register.introductions_model
    assert intro.rows() == [("Lê Thị Hoa", "01/01/2000", "", "05/09/2025", "12-GT/ĐTN", "")]
    assert page.register.introductions_count.text() == (
        "1 lượt giới thiệu đoàn viên ưu tú cho Đảng trong năm 2025."
    )
    page.set_year(2024)
    assert [r.title for r in section.model.records] == ["Tờ trình năm trước"]
    assert page.register.introductions_count.text() == (
        "Năm 2024 chưa có đoàn viên nào được giới thiệu cho Đảng."
    )


def test_four_messages_at_once_leave_the_buttons_in_place(qtbot: QtBot, core: Core) -> None:
    dialog = coordination_dialog(core, 2025, None, {})
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.set_value("day", "31/02/2025")
    dialog.set_value("end_day", "32/13/2025")
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) == 4
    assert spot(qtbot, dialog.save_button) == before


def test_a_programme_running_into_the_year_shown_is_not_said_to_be_of_another_year(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Signed in October 2024 and running to June 2025, it is listed in 2025's register (as
    the dossier of 2025 counts it): the message must not send the secretary to 2024."""
    section = page.register.coordination
    messages: list[str] = []
    section.status_message.connect(messages.append)
    prompts.dialog_script = Fill({"partner": "Hội Nông dân xã", "title": "Chương trình phối hợp",
                                  "day": "01/10/2024", "end_day": "30/06/2025"})  # fmt: skip
    section.add_button.click()
    (record,) = ws.registers.coordination(2025)
    assert [r.id for r in section.model.records] == [record.id]
    assert section.model.index(0, 0).data() == "01/10/2024 – 30/06/2025"  # its period
    assert messages[-1] == "Đã thêm chương trình phối hợp."
    prompts.dialog_script = Fill({"partner": "Công an xã", "title": "Quy chế năm trước",
                                  "day": "01/03/2024", "end_day": "30/11/2024"})  # fmt: skip
    section.add_button.click()
    assert messages[-1] == ("Đã thêm chương trình phối hợp (thuộc năm 2024: chọn năm 2024 để xem).")


def test_the_files_panel_says_what_can_be_done_with_and_without_a_record(
    ws: Workspace, page: RecognitionPage, photo: Path
) -> None:
    """No record chosen: choose one (a drop there attaches nothing). A record chosen with no
    file: it has none, attach or drop one; not "choose a record" again."""
    first = ws.registers.save_advice({"day": "10/03/2025", "title": "Tờ trình Chủ nhật xanh"})
    second = ws.registers.save_advice({"day": "20/06/2025", "title": "Báo cáo thanh niên"})
    page.refresh()
    section = page.register.advice
    choose = "Chọn một văn bản tham mưu để xem và đính kèm tệp minh chứng của nó."
    assert section.files.view.empty_text == choose
    assert not section.files.attach_button.isEnabled()
    section.select(second)
    assert section.files.view.empty_text == (
        "Chưa có tệp minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, PDF vào đây."
    )
    assert section.files.attach_button.isEnabled()
    section.select(first, add=True)  # two records: whose files?
    assert section.files.view.empty_text == choose
    assert not section.files.attach_button.isEnabled()


def test_enter_edits_and_delete_deletes_a_record_as_in_every_list(
    qtbot: QtBot, ws: Workspace, page: RecognitionPage, prompts: ScriptedPrompts,
    history: UndoHistory,
) -> None:  # fmt: skip
    """A secretary on the keyboard: Enter on a record opens it, Delete asks then deletes it
    (with "Hoàn tác"), as in the roster, the chi đoàn and the plan's targets."""
    record = ws.registers.save_advice({"day": "10/03/2025", "title": "Tờ trình Chủ nhật xanh"})
    page.refresh()
    with qtbot.wait_active(page):  # keys reach the shortcuts of the active window only
        page.activateWindow()
    page.tabs.setCurrentWidget(page.register)
    section = page.register.advice
    section.select(record)
    section.table.setFocus()
    opened: list[str] = []

    def cancel(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = cancel
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    qtbot.keyClick(section.table, Qt.Key.Key_Enter)
    assert opened == ["Sửa văn bản tham mưu"] * 2
    prompts.answer = True
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert prompts.asked == ["Xóa văn bản tham mưu “Tờ trình Chủ nhật xanh”?\n\n" + UNDO_HINT]
    assert ws.registers.advice() == []
    history.undo()
    assert [r.id for r in ws.registers.advice()] == [record]
    # Keys only, as in the other lists: no "Sửa…", "Xóa…" named for a menu no one opens.
    assert [(a.text(), a.shortcut().toString()) for a in section.table.actions()] == [
        ("", "Return"), ("", "Del"),
    ]  # fmt: skip


def _selected_rows(section: RecordsSection) -> list[int]:
    return sorted({i.row() for i in section.table.selectionModel().selectedRows()})


LONG_TITLE = (
    "Tờ trình đề nghị Đảng ủy xã quan tâm chỉ đạo, hỗ trợ kinh phí cho công tác Đoàn và phong "
    "trào thanh thiếu nhi, đặc biệt là thanh niên đi làm ăn xa, thanh niên có hoàn cảnh khó khăn"
)
LONG_PARTNER = (
    "Công an xã Tân Hưng, Hội Liên hiệp Phụ nữ xã, Trường THCS Tân Hưng và Trạm Y tế xã Tân Hưng"
)


def _reads_from_its_start(editor: QLineEdit) -> bool:
    """The field shows its text's first words: the cursor at the start, drawn at the left."""
    return editor.cursorPosition() == 0 and editor.cursorRect().left() < 10


def test_a_long_title_opened_to_edit_shows_from_its_start(
    qtbot: QtBot, ws: Workspace, core: Core
) -> None:
    """Editing a record whose title or partner is longer than the field (640 px at
    1366×768) showed its last words ("…đi làm ăn xa, thanh niên có hoàn cảnh khó khăn"), its
    first ones hidden: every field now reads from its start, the first still all selected."""
    advice = ws.registers.save_advice({"day": "10/03/2025", "number": "05-TTr/ĐTN",
                                       "title": LONG_TITLE})  # fmt: skip
    (record,) = [r for r in ws.registers.advice() if r.id == advice]
    dialog = advice_dialog(core, 2025, record)
    shown(qtbot, dialog)
    title = dialog.editors["title"]
    assert isinstance(title, QLineEdit)
    assert title.text() == LONG_TITLE
    assert title.fontMetrics().horizontalAdvance(LONG_TITLE) > title.width()
    assert _reads_from_its_start(title)
    programme = ws.registers.save_coordination({"day": "01/04/2025", "partner": LONG_PARTNER,
                                                "title": LONG_TITLE})  # fmt: skip
    (coordination,) = [r for r in ws.registers.coordination() if r.id == programme]
    dialog = coordination_dialog(core, 2025, coordination, {})
    shown(qtbot, dialog)
    partner, title = dialog.editors["partner"], dialog.editors["title"]
    assert isinstance(partner, QLineEdit) and isinstance(title, QLineEdit)
    assert partner.selectedText() == LONG_PARTNER  # typing replaces it, as before
    assert _reads_from_its_start(partner)
    assert _reads_from_its_start(title)


def test_a_record_shown_is_the_current_row_with_the_keyboard_on_it(
    qtbot: QtBot, ws: Workspace, page: RecognitionPage, prompts: ScriptedPrompts
) -> None:
    """A record opened from elsewhere (the dossier's check) or just added is the table's
    current row with the keyboard in the table: ↓ goes to the record below it, not from the
    first row or from the field the keyboard was in."""
    titles = ["Báo cáo tình hình thanh niên", "Đề xuất giao chỉ tiêu", "Tờ trình Chủ nhật xanh"]
    ids = [ws.registers.save_advice({"day": f"{10 + n}/03/2025", "title": title})
           for n, title in enumerate(titles)]  # fmt: skip
    page.refresh()
    with qtbot.wait_active(page):
        page.activateWindow()
    page.year_combo.setFocus()
    qtbot.waitUntil(page.year_combo.hasFocus)
    section = page.register.advice
    page.open_record(2025, ids[1])
    assert QApplication.focusWidget() is section.table
    assert section.model.records[section.table.currentIndex().row()].title == titles[1]
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    assert [section.model.records[r].title for r in _selected_rows(section)] == [titles[2]]
    page.year_combo.setFocus()
    qtbot.waitUntil(page.year_combo.hasFocus)
    prompts.dialog_script = Fill({"day": "20/05/2025", "title": "Đề xuất thành lập đội hình"})
    section.add_button.click()
    assert QApplication.focusWidget() is section.table
    current = section.model.records[section.table.currentIndex().row()]
    assert current.title == "Đề xuất thành lập đội hình"
    assert section.selected_ids() == [current.id]
