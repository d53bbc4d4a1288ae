"""The print dialog shared by every printed document: what it suggests and remembers, what it
refuses, and that the PDF prints exactly what it gives (roster, youth register, statistics)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.document_memory import MEMORY_FILE, DocumentMemory
from doancoso.core.documents import place_and_date
from doancoso.core.workspace import Workspace
from doancoso.ui.common.document_dialog import DocumentDialog, DocumentKind
from doancoso.ui.roster.files import ROSTER_LIST
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.statistics.page import StatisticsPage
from doancoso.ui.youth.page import YouthPage
from mnemonics import letters, press_alt
from scripted import ScriptedPrompts, synchronous_core
from steady import messages_fit, shown, spot

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

DAY = date(2026, 12, 5)
RECIPIENTS = "- Như trên;\n- Đảng ủy xã Tân Hưng (b/c);\n- Lưu VP."


def _lines(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _fill(
    number: str | None = None, place: str | None = None, day: str | None = None,
    recipients: str | None = None, seen: list[DocumentDialog] | None = None,
) -> Callable[[QDialog], None]:  # fmt: skip
    """A dialog script typing what is given and accepting."""

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        if seen is not None:
            seen.append(dialog)
        for edit, value in ((dialog.number_edit, number), (dialog.place_edit, place),
                            (dialog.date_edit, day)):  # fmt: skip
            if value is not None:
                edit.setText(value)
        if recipients is not None:
            dialog.recipients_edit.setPlainText(recipients)
        dialog.accept_button.click()

    return script


def _dialog(qtbot: QtBot, ws: Workspace, kind: DocumentKind = ROSTER_LIST,
            today: date = DAY) -> DocumentDialog:  # fmt: skip
    dialog = DocumentDialog(synchronous_core(ws), kind, today)
    qtbot.addWidget(dialog)
    return dialog


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    return window


def test_defaults_from_the_organisation(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    assert dialog.windowTitle() == "In danh sách đoàn viên"
    assert dialog.number_edit.text() == ""  # nothing used yet: no number invented
    assert dialog.number_edit.placeholderText() == "Ví dụ: 01-DS/ĐTN; để trống để ghi số bằng tay"
    assert dialog.place_edit.text() == "Tân Hưng"
    assert dialog.date_edit.text() == "05/12/2026"
    assert dialog.preview.text() == "In là: Tân Hưng, ngày 05 tháng 12 năm 2026"
    assert dialog.recipients_edit.toPlainText() == "- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP."
    assert dialog.accept_button.text() == "&Chọn nơi lưu…"


def test_bad_input_gets_a_message_under_its_field(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    dialog.place_edit.setText("")
    dialog.date_edit.setText("31/02/2026")
    dialog.accept_button.click()
    assert dialog.errors.messages() == {
        "place": "Cần nhập địa danh (tên xã/phường), ví dụ Tân Hưng.",
        "date": "Ngày 31/02/2026 không có trên lịch.",
    }
    assert dialog.result() == 0 and dialog.details is None
    dialog.date_edit.setText("5/12")
    assert dialog.errors.message("date") == "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."
    dialog.date_edit.setText("05/12/2028")  # a year typed wrong
    assert dialog.errors.message("date") == (
        "Ngày ban hành quá xa (sau ngày 06/12/2027): kiểm tra lại năm."
    )
    dialog.date_edit.setText("")
    assert dialog.errors.message("date") == "Cần nhập ngày ban hành."
    # Fixed as typed, not only on the next click; a date ahead of today is accepted.
    dialog.date_edit.setText("20/12/2026")
    dialog.place_edit.setText("Tân Hưng")
    assert dialog.errors.messages() == {}
    assert dialog.preview.text() == "In là: Tân Hưng, ngày 20 tháng 12 năm 2026"
    dialog.number_edit.setText("Số: 15-DS/ĐTN")
    dialog.accept_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.details is not None
    assert (dialog.details.number, dialog.details.issued_on) == ("15-DS/ĐTN", date(2026, 12, 20))


def test_roster_pdf_prints_what_the_dialog_gives_and_the_next_number_is_suggested(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    prompts.answer = False  # do not open the PDF
    window = _window(qtbot, ws, prompts)
    io = window.roster.io
    io.ask_save_path = lambda *_args: tmp_path / "ds.pdf"
    today = date.today()  # the numbering is the year's: the number after is suggested this year
    prompts.dialog_script = _fill("15-DS/ĐTN", None, f"{today:%d/%m/%Y}", RECIPIENTS)
    io.print_action.trigger()
    lines = _lines(tmp_path / "ds.pdf")
    assert [line for line in lines if line.startswith("Số")] == ["Số: 15-DS/ĐTN"]
    assert [line for line in lines if "ngày" in line] == [place_and_date("Tân Hưng", today)]
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 4] == [
        "- Như trên;",
        "- Đảng ủy xã Tân Hưng (b/c);",
        "- Lưu VP.",
    ]
    assert lines[start + 4] == "TM. BAN CHẤP HÀNH"

    # Next time: the number after, the same recipients; a list of the youth register too.
    seen: list[DocumentDialog] = []
    prompts.dialog_script = _fill(seen=seen)
    io.print_action.trigger()
    assert seen[-1].number_edit.text() == "16-DS/ĐTN"
    assert seen[-1].last_hint.text() == "Số đã dùng lần trước: 15-DS/ĐTN"
    assert seen[-1].recipients_edit.toPlainText() == RECIPIENTS
    assert "Số: 16-DS/ĐTN" in _lines(tmp_path / "ds.pdf")
    youth = window.youth
    youth.ask_save_path = lambda *_args: tmp_path / "tn.pdf"  # type: ignore[method-assign]
    youth.print_list()
    assert seen[-1].windowTitle() == "In danh sách thanh niên địa phương"  # the list it prints
    assert seen[-1].number_edit.text() == "17-DS/ĐTN"  # one numbering for every list (DS)
    assert "Số: 17-DS/ĐTN" in _lines(tmp_path / "tn.pdf")


def test_numbers_restart_in_a_new_year_and_a_cancelled_save_remembers_nothing(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    prompts.answer = False
    window = _window(qtbot, ws, prompts)
    io = window.roster.io
    io.ask_save_path = lambda *_args: None  # the save dialog cancelled: nothing printed
    prompts.dialog_script = _fill("15-DS/ĐTN")
    io.print_action.trigger()
    assert _dialog(qtbot, ws).number_edit.text() == ""
    io.ask_save_path = lambda *_args: tmp_path / "ds.pdf"
    io.print_action.trigger()
    today = date.today()  # the day the window printed on
    assert _dialog(qtbot, ws, today=today).number_edit.text() == "16-DS/ĐTN"
    new_year = date(today.year + 1, 1, 4)
    assert _dialog(qtbot, ws, today=new_year).number_edit.text() == "01-DS/ĐTN"
    assert (ws.data_dir / MEMORY_FILE).is_file()  # kept in the data folder, the CLI sharing it


def test_numbers_remembered_by_an_older_version_are_taken_over(qtbot: QtBot, ws: Workspace) -> None:
    """Before the core kept them (shared with the command line), the numbers and recipients
    were in ``ui-state.ini``: the next print still follows them."""
    state = UiState(ws.data_dir)
    for key, value in (("number", "15-DS/ĐTN"), ("year", "2026"), ("recipients", RECIPIENTS)):
        state.set_text(f"documents/DS/{key}", value)
    state.set_text("documents/QĐ/number", "03-QĐ/ĐTN")  # a code with a letter QSettings escapes
    state.set_text("documents/QĐ/year", "2026")
    state.sync()
    dialog = _dialog(qtbot, ws)
    assert dialog.number_edit.text() == "16-DS/ĐTN"
    assert dialog.recipients_edit.toPlainText() == RECIPIENTS
    assert DocumentMemory(ws.data_dir).suggested_number("QĐ", 2026) == "04-QĐ/ĐTN"
    assert DocumentMemory(ws.data_dir).suggested_number("DS", 2027) == "01-DS/ĐTN"


def test_cancelling_the_dialog_asks_for_no_file(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, ws, prompts)
    asked: list[object] = []
    window.roster.io.ask_save_path = lambda *args: asked.append(args)
    prompts.dialog_script = lambda dialog: dialog.reject()
    window.roster.io.print_action.trigger()
    assert asked == []


def test_youth_pdf_prints_what_the_dialog_gives(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.shell.undo import UndoHistory

    ws.youth.save({"full_name": "Nguyễn Thị Thủy", "birth_date": "12/03/2004", "gender": "Nữ"})
    prompts = ScriptedPrompts()
    core = synchronous_core(ws, prompts)
    page = YouthPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.ask_save_path = lambda *_args: tmp_path / "tn.pdf"  # type: ignore[method-assign]
    prompts.answer = False  # "Mở tệp để xem và in?": the PDF is read here
    prompts.dialog_script = _fill("03-DS/ĐTN", "Cái Nước", "05/12/2026",
                                  "Ban Thường vụ Tỉnh đoàn (b/c)")  # fmt: skip
    page.print_list()
    lines = _lines(tmp_path / "tn.pdf")
    assert "Số: 03-DS/ĐTN" in lines
    assert "Cái Nước, ngày 05 tháng 12 năm 2026" in lines
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 3] == ["- Ban Thường vụ Tỉnh đoàn (b/c);", "- Lưu VP."]


def test_statistics_pdf_prints_what_the_dialog_gives(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    page = StatisticsPage(synchronous_core(ws, prompts), today=lambda: DAY)
    qtbot.addWidget(page)
    page.ask_save_path = lambda *_args: tmp_path / "tk.pdf"  # type: ignore[method-assign]
    prompts.answer = False  # "Mở tệp để xem và in?": the PDF is read here
    seen: list[DocumentDialog] = []
    prompts.dialog_script = _fill("07-BC/ĐTN", None, None, "Tỉnh đoàn Cà Mau (b/c)\nLưu.",
                                  seen=seen)  # fmt: skip
    page.export_pdf()
    assert seen[0].windowTitle() == "Xuất báo cáo thống kê (PDF)"
    lines = _lines(tmp_path / "tk.pdf")
    assert "Số: 07-BC/ĐTN" in lines
    assert "Tân Hưng, ngày 05 tháng 12 năm 2026" in lines  # the page's today
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 3] == ["- Tỉnh đoàn Cà Mau (b/c);", "- Lưu."]
    prompts.dialog_script = _fill(seen=seen)
    page.export_pdf()
    assert seen[1].number_edit.text() == "08-BC/ĐTN"


def test_an_organisation_without_a_place_is_asked_for_one(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    from doancoso.core.organization import OrganizationInfo

    empty_ws.organization.create(OrganizationInfo("Đoàn xã Tân Hưng", "Tỉnh đoàn Cà Mau"))
    dialog = _dialog(qtbot, empty_ws)
    assert dialog.place_edit.text() == ""
    dialog.accept_button.click()
    assert dialog.errors.messages() == {
        "place": "Cần nhập địa danh (tên xã/phường), ví dụ Tân Hưng."
    }


def test_the_buttons_stay_in_place_under_the_place_and_the_date(
    qtbot: QtBot, ws: Workspace
) -> None:
    dialog = _dialog(qtbot, ws)
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.accept_button)
    dialog.place_edit.setText("")
    dialog.date_edit.setText("31/02/2026")
    dialog.accept_button.click()
    assert len(messages_fit(qtbot, dialog)) == 2
    assert spot(qtbot, dialog.accept_button) == before
    assert dialog.details is None


def test_every_field_and_button_has_its_own_alt_key(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    with qtbot.wait_active(dialog):  # mnemonics work only in the active window
        dialog.show()
        dialog.activateWindow()
    assert sorted(letters(dialog)) == ["Alt+B", "Alt+C", "Alt+D", "Alt+H", "Alt+N", "Alt+S"]
    for key, widget in ((Qt.Key.Key_D, dialog.place_edit), (Qt.Key.Key_B, dialog.date_edit),
                        (Qt.Key.Key_N, dialog.recipients_edit),
                        (Qt.Key.Key_S, dialog.number_edit)):  # fmt: skip
        press_alt(qtbot, key)
        assert QApplication.focusWidget() is widget
    dialog.date_edit.setText("31/02/2026")
    press_alt(qtbot, Qt.Key.Key_C)  # from "Số văn bản"
    # a mnemonic presses the button as a click shows it: a moment later
    refused = {"date": "Ngày 31/02/2026 không có trên lịch."}
    qtbot.waitUntil(lambda: dialog.errors.messages() == refused)
    press_alt(qtbot, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.details is None


def test_enter_in_noi_nhan_adds_a_line_and_neither_saves_nor_closes(
    qtbot: QtBot, ws: Workspace
) -> None:
    """A secretary types one recipient a line: Enter there (the keypad's, with Shift too)
    starts the next line; only Enter in a one-line field, or on "Chọn nơi lưu…", goes on."""
    dialog = _dialog(qtbot, ws)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    edit = dialog.recipients_edit
    dialog.number_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.moveCursor(QTextCursor.MoveOperation.EndOfLine)  # after "- Tỉnh đoàn Cà Mau (b/c);"
    for key, modifier, line in (
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "- Đảng ủy xã Tân Hưng (b/c);"),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier, "- UBND xã Tân Hưng;"),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier, "- Các chi đoàn;"),
    ):
        qtbot.keyClick(edit, key, modifier)
        edit.insertPlainText(line)  # typed (keyClicks knows no "ả")
        assert dialog.isVisible() and dialog.details is None
    qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.details is not None
    assert dialog.details.recipients == (
        "- Tỉnh đoàn Cà Mau (b/c);", "- Đảng ủy xã Tân Hưng (b/c);", "- UBND xã Tân Hưng;",
        "- Các chi đoàn;", "- Lưu VP.",
    )  # fmt: skip
