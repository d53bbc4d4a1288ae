"""Every date field of the GUI has its calendar (ui.common.date_popup): each dialog holding a
field whose placeholder says "dd/mm/yyyy" is opened here and its fields checked, and a module
that writes such a placeholder but whose dialog is not opened here fails the test, so that the
next date field is not added without its calendar. Picking in a real form clears the message
under the field and counts as typed."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

import doancoso.ui
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.common.date_popup import DatePopup, date_popup_of
from doancoso.ui.common.document_dialog import DocumentDialog
from doancoso.ui.common.evidence_files import CaptionDialog
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.plans.plan_form import PlanTextForm, RegistrationBox
from doancoso.ui.recognition.register_dialogs import advice_dialog, coordination_dialog
from doancoso.ui.roster.files import ROSTER_LIST
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.statistics.page import StatisticsPage
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.form import YouthFormDialog

# Showing a popup window on the offscreen platform logs harmless warnings: it cannot raise the
# window, grab the keyboard nor propagate size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATE_HINT = "dd/mm/yyyy"
DAY = date(2026, 3, 12)

Opener = Callable[[Core, Workspace, UndoHistory, Path], QWidget]


def _caption_dialog(core: Core, ws: Workspace, _history: UndoHistory, tmp: Path) -> QWidget:
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2e7d32"))
    assert photo.save(str(tmp / "don ve sinh.png"))
    owner = "0b6f8c3e-4a51-4c1e-9a53-5f0f1f6b2d10"
    ws.evidence.attach("advice", owner, tmp / "don ve sinh.png")
    (attachment,) = ws.evidence.attachments("advice", owner)
    return CaptionDialog(core, attachment)


def _member(ws: Workspace) -> str:
    return ws.members.save({"full_name": "Nguyễn Thị Như Quỳnh", "birth_date": "05/03/1996"})


def _youth(ws: Workspace) -> str:
    return ws.youth.save({"full_name": "Lê Văn An", "birth_date": "2006"})


def _occurrence(ws: Workspace) -> str:
    activity, _count = ws.activities.save(
        {"title": "Ngày Chủ nhật xanh", "start_date": "29/03/2026"}
    )
    return ws.activities.occurrence_ids_of(activity)[0]


# The module of each dialog (under doancoso/ui), how to open it, and how many date fields it has.
DIALOGS: dict[str, tuple[tuple[Opener, int], ...]] = {
    "roster/member_form.py": ((lambda c, w, h, t: MemberFormDialog(c), 4),),
    "youth/form.py": ((lambda c, w, h, t: YouthFormDialog(c), 2),),
    "youth/admit_dialog.py": ((lambda c, w, h, t: AdmitDialog(c, _youth(w)), 1),),
    "lifecycle/event_dialog.py": ((lambda c, w, h, t: EventDialog(c, _member(w)), 3),),
    "lifecycle/decision_list.py": (
        (lambda c, w, h, t: ComingOfAgeDialog(c, year=2026), 1),
        (lambda c, w, h, t: TemporaryStaysDialog(c, today=DAY), 1),
    ),
    "plans/plan_form.py": (
        (lambda c, w, h, t: PlanTextForm(c), 1),
        (lambda c, w, h, t: RegistrationBox(c), 1),
    ),
    "common/document_dialog.py": ((lambda c, w, h, t: DocumentDialog(c, ROSTER_LIST, DAY), 1),),
    "common/evidence_files.py": ((_caption_dialog, 1),),
    "recognition/register_dialogs.py": (
        (lambda c, w, h, t: advice_dialog(c, 2026, None), 2),
        (lambda c, w, h, t: coordination_dialog(c, 2026, None, {}), 2),
    ),
    "calendar/activity_dialog.py": ((lambda c, w, h, t: ActivityDialog(c, None, DAY), 3),),
    "calendar/repeat.py": ((lambda c, w, h, t: ActivityDialog(c, None, DAY), 3),),  # "Lặp đến"
    "calendar/ics_export.py": (
        (lambda c, w, h, t: CalendarExportDialog(c, 2026, (date(2026, 3, 1), DAY)), 2),
    ),
    "calendar/occurrence_dialog.py": (
        (lambda c, w, h, t: OccurrenceDialog(c, h, read_occurrence(w, _occurrence(w))), 1),
    ),
    "statistics/page.py": ((lambda c, w, h, t: StatisticsPage(c, today=lambda: DAY), 1),),
}


def _date_hint_modules() -> set[str]:
    """The modules of doancoso/ui holding a string (not a docstring) that starts with
    "dd/mm/yyyy": a date field's placeholder, or the constant one is made of."""
    root = Path(doancoso.ui.__file__).parent
    found = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }  # fmt: skip
        if any(
            isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value.startswith(DATE_HINT) and id(node) not in docstrings
            for node in ast.walk(tree)
        ):  # fmt: skip
            found.add(path.relative_to(root).as_posix())
    return found


def test_every_module_with_a_date_field_is_checked_here() -> None:
    assert _date_hint_modules() == set(DIALOGS)


def _date_fields(widget: QWidget) -> list[QLineEdit]:
    return [line for line in widget.findChildren(QLineEdit) if DATE_HINT in line.placeholderText()]


@pytest.mark.parametrize(
    ("opener", "count"),
    [pair for openers in DIALOGS.values() for pair in openers],
    ids=[f"{module}-{i}" for module, openers in DIALOGS.items() for i in range(len(openers))],
)
def test_every_date_field_has_its_calendar(
    qtbot: QtBot, core: Core, ws: Workspace, history: UndoHistory, tmp_path: Path,
    opener: Opener, count: int,
) -> None:  # fmt: skip
    dialog = opener(core, ws, history, tmp_path)
    qtbot.addWidget(dialog)
    fields = _date_fields(dialog)
    assert len(fields) == count
    for line in fields:
        assert isinstance(date_popup_of(line), DatePopup), line.placeholderText()


def _pick(qtbot: QtBot, line: QLineEdit, day: QDate) -> None:
    """Open the field's calendar with F4, move to ``day`` and press Enter, as the user does."""
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_F4)
    popup = date_popup_of(line)
    assert popup is not None
    qtbot.waitUntil(popup.is_open)
    assert popup.popup is not None
    popup.popup.calendar.setSelectedDate(day)
    qtbot.keyClick(popup.popup.calendar.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.is_open())


def test_a_picked_birth_date_clears_the_member_forms_message(
    qtbot: QtBot, core: Core, ws: Workspace
) -> None:
    dialog = MemberFormDialog(core)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_value("full_name", "Trần Văn Bảy")
    dialog.set_value("birth_date", "31/02/2005")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"birth_date": "Ngày 31/02/2005 không có trên lịch."}

    birth = dialog.editors["birth_date"]
    assert isinstance(birth, QLineEdit)
    _pick(qtbot, birth, QDate(2005, 2, 28))

    assert dialog.raw()["birth_date"] == "28/02/2005"
    assert dialog.errors.messages() == {}
    dialog.save_button.click()
    assert dialog.saved_id is not None
    assert ws.members.get(dialog.saved_id).fields.birth_date == date(2005, 2, 28)


def test_a_picked_day_chooses_the_export_range(qtbot: QtBot, core: Core) -> None:
    dialog = CalendarExportDialog(core, 2026, (date(2026, 3, 1), DAY))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.year_button.isChecked()
    _pick(qtbot, dialog.to_edit, QDate(2026, 4, 30))
    assert dialog.to_edit.text() == "30/04/2026"
    assert dialog.range_button.isChecked()  # as when the day is typed


def _opens_on(qtbot: QtBot, line: QLineEdit) -> QDate:
    """The day the field's calendar opens on when F4 is pressed in it (then closed)."""
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_F4)
    popup = date_popup_of(line)
    assert popup is not None
    qtbot.waitUntil(popup.is_open)
    assert popup.popup is not None
    day = popup.popup.calendar.selectedDate()
    qtbot.keyClick(popup.popup.calendar.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.is_open())
    return day


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


START = "14/07/2025"  # a start typed, far from today
START_DAY = QDate(2025, 7, 14)


def test_an_activitys_empty_end_dates_open_on_its_day(qtbot: QtBot, core: Core) -> None:
    dialog = ActivityDialog(core, None, DAY)
    _shown(qtbot, dialog)
    dialog.edits["start_date"].setText(START)
    assert _opens_on(qtbot, dialog.edits["end_date"]) == START_DAY  # "Ngày kết thúc"
    dialog.repeat.combo.setCurrentIndex(dialog.repeat.combo.findData("monthly"))
    assert _opens_on(qtbot, dialog.repeat.until_edit) == START_DAY  # "Lặp đến ngày"
    dialog.edits["end_date"].setText("16/07/2025")
    assert _opens_on(qtbot, dialog.edits["end_date"]) == QDate(2025, 7, 16)
    assert dialog.edits["end_date"].text() == "16/07/2025"
    assert dialog.repeat.until_edit.text() == ""


def test_a_temporary_stays_empty_end_opens_on_its_start(
    qtbot: QtBot, core: Core, ws: Workspace
) -> None:
    dialog = EventDialog(core, _member(ws))
    _shown(qtbot, dialog)
    dialog.set_kind("temporary")
    dialog.set_value("period_start", START)
    end = dialog.editors["period_end"]
    assert isinstance(end, QLineEdit)
    assert _opens_on(qtbot, end) == START_DAY
    assert end.text() == ""


def test_a_temporary_stays_empty_dates_open_on_the_events_date(
    qtbot: QtBot, core: Core, ws: Workspace
) -> None:
    """The stay's "Sinh hoạt tạm từ ngày" (which starts on it) and "Đến ngày", empty, open on
    the date typed in "Ngày" above them (the stay usually starts on the event's date), not on
    today."""
    dialog = EventDialog(core, _member(ws))
    _shown(qtbot, dialog)
    dialog.set_kind("temporary")
    dialog.set_value("date", START)
    start, end = dialog.editors["period_start"], dialog.editors["period_end"]
    assert isinstance(start, QLineEdit) and isinstance(end, QLineEdit)
    assert _opens_on(qtbot, start) == START_DAY
    assert _opens_on(qtbot, end) == START_DAY
    assert (start.text(), end.text()) == (START, "")  # the stay starts on the event's date
    start.setText("01/09/2025")  # a start typed: the end opens on it
    assert _opens_on(qtbot, end) == QDate(2025, 9, 1)


def test_the_registers_empty_end_dates_open_on_their_start(qtbot: QtBot, core: Core) -> None:
    for dialog, end_name in (
        (advice_dialog(core, 2026, None), "answer_day"),  # "Ngày trả lời" after "Ngày gửi"
        (coordination_dialog(core, 2026, None, {}), "end_day"),  # "Đến ngày" after "Từ ngày"
    ):
        _shown(qtbot, dialog)
        start, end = dialog.editors["day"], dialog.editors[end_name]
        assert isinstance(start, QLineEdit) and isinstance(end, QLineEdit)
        start.setText(START)
        assert _opens_on(qtbot, end) == START_DAY
        assert end.text() == ""


def test_the_calendar_exports_emptied_end_opens_on_its_start(qtbot: QtBot, core: Core) -> None:
    dialog = CalendarExportDialog(core, 2026, (date(2026, 3, 1), DAY))
    _shown(qtbot, dialog)
    dialog.from_edit.setText(START)
    dialog.to_edit.clear()
    assert _opens_on(qtbot, dialog.to_edit) == START_DAY


def test_the_read_only_form_of_a_member_who_left_shows_no_calendar(
    qtbot: QtBot, core: Core, ws: Workspace
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    ws.events.record(an, "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")
    dialog = MemberFormDialog(core, an)
    qtbot.addWidget(dialog)
    assert dialog.read_only
    for line in _date_fields(dialog):
        popup = date_popup_of(line)
        assert popup is not None and not popup.action.isVisible()
        qtbot.keyClick(line, Qt.Key.Key_F4)
        assert not popup.is_open()
