"""Alt+letter in the forms of one date: the date and its results, its roll call, its minutes;
no letter taken twice in a form, and a few put the keyboard where the user expects."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog, read_attendance
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.calendar.minutes_dialog import MinutesDialog, read_minutes
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.calendar.text_dialog import TextDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    return first_occurrence(cal_ws, activity)


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()


def test_the_date_form_s_letters(
    qtbot: QtBot, core: Core, history: UndoHistory, meeting: str
) -> None:
    dialog = OccurrenceDialog(core, history, read_occurrence(core.ws, meeting))
    _shown(qtbot, dialog)
    found = letters(dialog)
    assert {"Alt+N", "Alt+A", "Alt+T", "Alt+S", "Alt+D", "Alt+M", "Alt+I", "Alt+G", "Alt+X",
            "Alt+L"} <= set(found)  # fmt: skip
    assert twice(found) == []
    assert dialog.minutes_button.text() == "Biên bản s&inh hoạt…"
    dialog.editors["place"].setFocus()
    press_alt(qtbot, Qt.Key.Key_S)
    assert QApplication.focusWidget() is dialog.editors["participants"]


def test_the_date_form_s_close_is_alt_g(
    qtbot: QtBot, core: Core, history: UndoHistory, meeting: str
) -> None:
    """ "Đón&g" (Alt+G, as the app's other "Đóng") closes the date's form; "Sửa h&oạt động…"
    (Alt+O) opens the activity's."""
    dialog = OccurrenceDialog(core, history, read_occurrence(core.ws, meeting))
    _shown(qtbot, dialog)
    assert dialog.edit_button.text() == "Sửa h&oạt động…"
    found = letters(dialog)
    assert {"Alt+G", "Alt+O"} <= set(found) and twice(found) == []
    dialog.editors["place"].setFocus()
    press_alt(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # (a letter's click comes a moment after)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_roll_call_s_letters(qtbot: QtBot, core: Core, meeting: str) -> None:
    dialog = AttendanceDialog(core, read_attendance(core.ws, meeting))
    _shown(qtbot, dialog)
    found = letters(dialog)
    assert {"Alt+T", "Alt+E", "Alt+N", "Alt+V", "Alt+M", "Alt+B", "Alt+L"} <= set(found)
    assert twice(found) == []
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is dialog.picker.search


def test_the_minutes_letters(qtbot: QtBot, core: Core, meeting: str) -> None:
    dialog = MinutesDialog(core, read_minutes(core.ws, meeting))
    _shown(qtbot, dialog)
    found = letters(dialog)
    assert {"Alt+B", "Alt+C", "Alt+K", "Alt+T", "Alt+M", "Alt+H", "Alt+N", "Alt+Q", "Alt+I",
            "Alt+L"} <= set(found)  # fmt: skip
    assert twice(found) == []
    press_alt(qtbot, Qt.Key.Key_Q)
    assert QApplication.focusWidget() is dialog.editors["resolutions"]


def test_the_minutes_hu_y_is_alt_y(
    qtbot: QtBot, core: Core, prompts: ScriptedPrompts, meeting: str
) -> None:
    """The minutes' "Hủy" is Alt+Y ("C&hương trình" has H): pressed with the content typed, it
    asks before dropping it, and "Không" keeps the form and the text."""
    dialog = MinutesDialog(core, read_minutes(core.ws, meeting))
    _shown(qtbot, dialog)
    assert "Alt+Y" in letters(dialog) and twice(letters(dialog)) == []
    content = dialog.editors["content"]
    assert isinstance(content, QPlainTextEdit)
    content.setPlainText("Đ/c Bí thư phát biểu")
    content.setFocus()
    prompts.answer = False
    press_alt(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: prompts.asked != [])  # (a letter's click comes a moment after)
    assert prompts.asked == ["Biên bản chưa được lưu. Bỏ các thay đổi này?"]
    assert dialog.isVisible() and dialog.raw()["content"] == "Đ/c Bí thư phát biểu"
    prompts.answer = True
    press_alt(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_export_and_the_new_kind_letters(
    qtbot: QtBot, core: Core, prompts: ScriptedPrompts
) -> None:
    export = CalendarExportDialog(core, 2026, (dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    _shown(qtbot, export)
    found = letters(export)
    assert {"Alt+C", "Alt+Y", "Alt+T", "Alt+N", "Alt+X", "Alt+H"} <= set(found)
    assert twice(found) == []
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is export.to_edit
    export.reject()

    seen: list[list[str]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, TextDialog)
        seen.append(letters(dialog))

    form = ActivityDialog(core, None, dt.date(2026, 3, 10))
    _shown(qtbot, form)

    def shown_then_looked(dialog: QDialog) -> None:
        with qtbot.wait_active(dialog):
            dialog.show()
            dialog.activateWindow()
        look(dialog)

    prompts.dialog_script = shown_then_looked
    form.add_kind_button.click()
    assert seen == [["Alt+T", "Alt+L", "Alt+H"]]


def test_the_organiser_s_letter_lands_on_the_chosen_option(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    """Alt+V ("Đơn vị tổ chức") puts the keyboard on the option chosen, as a radio group does:
    "Toàn Đoàn cơ sở" at first, "Một hoặc nhiều chi đoàn" once chosen, and when an activity of
    some chi đoàn opens."""
    dialog = ActivityDialog(core, None, dt.date(2026, 3, 15))
    _shown(qtbot, dialog)
    organiser, title = dialog.organiser, dialog.edits["title"]
    title.setFocus()
    press_alt(qtbot, Qt.Key.Key_V)
    assert QApplication.focusWidget() is organiser.whole
    organiser.some.setChecked(True)
    title.setFocus()
    press_alt(qtbot, Qt.Key.Key_V)
    assert QApplication.focusWidget() is organiser.some
    organiser.whole.setChecked(True)
    title.setFocus()
    press_alt(qtbot, Qt.Key.Key_V)
    assert QApplication.focusWidget() is organiser.whole
    dialog.reject()

    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    activity = add_activity(cal_ws, "Họp chi đoàn", "12/03/2026", branch_ids=[tan_hung])
    dialog = ActivityDialog(core, activity, dt.date(2026, 3, 12))
    _shown(qtbot, dialog)
    dialog.edits["title"].setFocus()
    press_alt(qtbot, Qt.Key.Key_V)
    assert QApplication.focusWidget() is dialog.organiser.some


def test_lap_den_ngay_greys_with_its_field(qtbot: QtBot, core: Core) -> None:
    """The label "Lặp đến ngày" and its Alt+Y are offered only while the activity repeats."""
    dialog = ActivityDialog(core, None, dt.date(2026, 3, 15))
    _shown(qtbot, dialog)
    until = dialog.repeat.until_edit
    (label,) = [label for label in dialog.findChildren(QLabel) if label.buddy() is until]
    assert label.text() == "Lặp đến ngà&y"
    assert (label.isEnabled(), until.isEnabled()) == (False, False)  # "Không lặp"
    combo = dialog.repeat.combo
    combo.setCurrentIndex(combo.findData("weekly"))
    assert (label.isEnabled(), until.isEnabled()) == (True, True)
    combo.setCurrentIndex(0)
    assert (label.isEnabled(), until.isEnabled()) == (False, False)
