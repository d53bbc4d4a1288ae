"""The calendar page's "Xuất lịch (.ics)…" (Ctrl+E, the "Tệp" menu's export): a year or a
range of days, as ``doancoso calendar export`` takes them, the save dialog in Documents, the
.ics written on the worker and read back with ``icalendar``; a range without any activity said
in the dialog, with no save dialog and no file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.common.folders import documents_folder
from doancoso.ui.shell.main_window import CALENDAR_AREA
from doancoso.ui.shell.operations import Core
from scripted import SaveDialogs, ScriptedPrompts

from .conftest import add_activity

MEETING = "Sinh hoạt chi đoàn ấp Tân Hưng"
CLEAN_UP = "Ngày Chủ nhật xanh – dọn kênh Xáng"
CONTEST = "Hội thi tìm hiểu pháp luật"


@pytest.fixture
def calendar_2025(cal_ws: Workspace) -> dict[str, str]:
    """A meeting on the 15th of every month of 2025, a clean-up on 23/03/2025, a contest on
    10/11/2024; title → activity id."""
    return {
        MEETING: add_activity(cal_ws, MEETING, "15/01/2025", start_time="19:30",
                              kind="sinh-hoat", repeat="monthly", until="31/12/2025"),
        CLEAN_UP: add_activity(cal_ws, CLEAN_UP, "23/03/2025", place="Kênh Xáng"),
        CONTEST: add_activity(cal_ws, CONTEST, "10/11/2024"),
    }  # fmt: skip


def _summaries(path: Path) -> dict[str, str]:
    """SUMMARY → UID of every event of the .ics at ``path``."""
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["SUMMARY"]): str(e["UID"]) for e in calendar.walk("VEVENT")}


def test_a_year_is_exported_to_an_ics_in_documents(
    qtbot: QtBot,
    page: CalendarPage,
    prompts: ScriptedPrompts,
    calendar_2025: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.show_date(dt.date(2025, 3, 10))
    seen: list[tuple[int, str, str, bool]] = []

    def accept_the_year(dialog: QDialog) -> None:
        assert isinstance(dialog, CalendarExportDialog)
        seen.append((dialog.year_box.value(), dialog.from_edit.text(), dialog.to_edit.text(),
                     dialog.year_button.isChecked()))  # fmt: skip
        dialog.submit()

    prompts.dialog_script = accept_the_year
    dialogs = SaveDialogs(tmp_path / "lich").install(monkeypatch)
    assert page.export_button.text() == "Xuất &lịch (.ics)…"
    assert page.export_action.shortcut().isEmpty()  # Ctrl+E: the window's "Tệp" menu
    assert page.export_button.toolTip().endswith("(Ctrl+E)")
    with qtbot.wait_signal(page.status_message) as said:
        page.export_button.click()
    # the year and the month shown are offered; the year is what is taken
    assert seen == [(2025, "01/03/2025", "31/03/2025", True)]
    assert dialogs.offered == [str(documents_folder() / "lich-hoat-dong-2025.ics")]
    written = tmp_path / "lich.ics"  # the extension added to the name typed
    assert said.args == [
        f"Đã xuất lịch hoạt động từ 01/01/2025 đến 31/12/2025 ra tệp {written} (2 sự kiện)."
    ]
    assert _summaries(written) == {
        MEETING: f"{calendar_2025[MEETING]}@doancoso",
        CLEAN_UP: f"{calendar_2025[CLEAN_UP]}@doancoso",
    }
    assert prompts.errors == []


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, shown and active
def test_a_range_of_days_is_exported_with_the_shortcut(
    qtbot: QtBot,
    cal_ws: Workspace,
    prompts: ScriptedPrompts,
    calendar_2025: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl+E on the calendar page of the main window, the "Tệp" menu's "Xuất lịch (.ics)…"
    as the page's button says; a date typed chooses the range. Ctrl+Shift+E is no second key
    for it."""
    window = active_window(qtbot, cal_ws, prompts)
    window.show_area(CALENDAR_AREA)
    page = window.page(CALENDAR_AREA)
    assert isinstance(page, CalendarPage)
    page.show_date(dt.date(2024, 11, 1))
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    exports = [
        a
        for a in menu.actions()
        if a.text().replace("&", "") == page.export_button.text().replace("&", "")
    ]
    assert [a.shortcut().toString() for a in exports] == ["Ctrl+E"]
    menu.aboutToHide.emit()
    opened: list[QDialog] = []
    prompts.dialog_script = opened.append
    page.month.setFocus()
    qtbot.keyClick(page.month, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert opened == []

    def choose_november(dialog: QDialog) -> None:
        assert isinstance(dialog, CalendarExportDialog)
        dialog.to_edit.selectAll()
        qtbot.keyClicks(dialog.to_edit, "30/11/2024")
        assert dialog.range_button.isChecked()
        dialog.submit()

    prompts.dialog_script = choose_november
    chosen = tmp_path / "thang-11.ics"
    dialogs = SaveDialogs(chosen).install(monkeypatch)
    page.month.setFocus()
    with qtbot.wait_signal(page.status_message) as said:
        qtbot.keyClick(page.month, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.offered == [
        str(documents_folder() / "lich-hoat-dong-01-11-2024-den-30-11-2024.ics")
    ]
    assert said.args == [
        f"Đã xuất lịch hoạt động từ 01/11/2024 đến 30/11/2024 ra tệp {chosen} (1 sự kiện)."
    ]
    assert _summaries(chosen) == {CONTEST: f"{calendar_2025[CONTEST]}@doancoso"}
    window.close()


def test_nothing_to_export_is_said_in_the_dialog(
    qtbot: QtBot,
    page: CalendarPage,
    prompts: ScriptedPrompts,
    calendar_2025: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A year without activities: said under the choices, the dialog stays open for another
    choice; nothing asked where to save, nothing written."""
    page.show_date(dt.date(2026, 5, 1))
    results: list[int] = []

    def try_2026(dialog: QDialog) -> None:
        assert isinstance(dialog, CalendarExportDialog)
        dialog.submit()
        assert not dialog.message.isHidden()
        assert dialog.message.text() == (
            "Từ 01/01/2026 đến 31/12/2026 không có hoạt động nào: không có gì để xuất. Hãy chọn "
            "năm hoặc khoảng ngày khác."
        )
        results.append(dialog.result())
        dialog.reject()

    prompts.dialog_script = try_2026
    dialogs = SaveDialogs(tmp_path / "lich.ics").install(monkeypatch)
    with qtbot.assert_not_emitted(page.status_message):
        page.export_action.trigger()
    assert results == [QDialog.DialogCode.Rejected]
    assert dialogs.offered == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize(
    ("first", "last", "messages", "span"),
    [
        ("31/12/2025", "01/01/2025", {"to": "Ngày cuối 01/01/2025 trước ngày đầu 31/12/2025."},
         None),
        ("31/02/2025", "", {"from": "Ngày 31/02/2025 không có trên lịch."}, None),
        ("", "", {"from": "Cần nhập ngày đầu hoặc ngày cuối."}, None),
        ("01/10/2025", "", {}, (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("", "15/03/2025", {}, (dt.date(2025, 1, 1), dt.date(2025, 3, 15))),
    ],
)  # fmt: skip
def test_the_range_is_read_as_the_command_line_reads_it(
    qtbot: QtBot,
    core,
    calendar_2025: dict[str, str],
    first: str,
    last: str,
    messages: dict[str, str],
    span: tuple[dt.date, dt.date] | None,
) -> None:
    dialog = CalendarExportDialog(core, 2025, (dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    qtbot.addWidget(dialog)
    dialog.range_button.setChecked(True)
    dialog.from_edit.setText(first)
    dialog.to_edit.setText(last)
    dialog.submit()
    assert dialog.errors.messages() == messages
    assert dialog.span == span
    assert dialog.result() == (QDialog.DialogCode.Accepted if span else QDialog.DialogCode.Rejected)


def test_a_deleted_activity_is_exported_cancelled_and_said(
    qtbot: QtBot,
    page: CalendarPage,
    prompts: ScriptedPrompts,
    cal_ws: Workspace,
    calendar_2025: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cal_ws.activities.delete(calendar_2025[CLEAN_UP])
    page.show_date(dt.date(2025, 3, 10))
    prompts.dialog_script = lambda dialog: dialog.submit()  # type: ignore[attr-defined]
    chosen = tmp_path / "lich.ics"
    SaveDialogs(chosen).install(monkeypatch)
    with qtbot.wait_signal(page.status_message) as said:
        page.export_action.trigger()
    assert said.args == [
        f"Đã xuất lịch hoạt động từ 01/01/2025 đến 31/12/2025 ra tệp {chosen} (1 sự kiện; 1 "
        "hoạt động đã xóa được ghi là đã hủy để điện thoại xóa theo)."
    ]
    statuses = {
        str(e["SUMMARY"]): str(e.get("STATUS", ""))
        for e in Calendar.from_ical(chosen.read_bytes()).walk("VEVENT")
    }
    assert statuses == {MEETING: "", CLEAN_UP: "CANCELLED"}


def test_a_range_holding_the_end_of_an_evening_is_exported(
    qtbot: QtBot, core: Core, cal_ws: Workspace, tmp_path: Path
) -> None:
    """New Year's Eve from 20:00 to 01:00: the calendar shows it on 01/01/2026 too, so the
    dialog takes that day (it said there was no activity) and the file holds the evening."""
    vigil = add_activity(cal_ws, "Đêm hội chào năm mới", "31/12/2025", start_time="20:00",
                         end_date="01/01/2026", end_time="01:00")  # fmt: skip
    dialog = CalendarExportDialog(core, 2026, (dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    qtbot.addWidget(dialog)
    dialog.range_button.setChecked(True)
    dialog.to_edit.setText("01/01/2026")
    dialog.submit()
    assert (dialog.message.isHidden(), dialog.span) == (True, (dt.date(2026, 1, 1),) * 2)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.span is not None
    target = tmp_path / "dau-nam.ics"
    ics = cal_ws.activities.export_calendar(target, *dialog.span)
    assert ics.counts_text == "1 sự kiện"
    assert _summaries(target) == {"Đêm hội chào năm mới": f"{vigil}@doancoso"}
