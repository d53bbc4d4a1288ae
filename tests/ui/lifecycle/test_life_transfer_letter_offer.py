"""The transfer letter offered as the transfer out is recorded: the secretary hands the letter
to the member right then. On the roster a bar offers it ("In giấy giới thiệu…" focused, Enter
prints; "Để sau" or Escape dismisses it; Ctrl+Z of the transfer withdraws it); in the member's
history the transfer just recorded is selected with "In giấy giới thiệu…" focused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.timeline import TimelineWidget
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import AddMember

# The window is shown (shortcuts and focus need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OFFER = (
    "Đã ghi chuyển sinh hoạt đi cho <b>Nguyễn Văn An</b>. In giấy giới thiệu sinh hoạt Đoàn "
    "để trao cho đoàn viên?"
)


def _transfer_out(dialog: QDialog) -> None:
    assert isinstance(dialog, EventDialog)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "15/03/2025")
    dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
    dialog.set_value("dues_paid_until", "03/2025")
    dialog.save_button.click()


def _recorded_on_roster(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, member_id: str
) -> MainWindow:
    window = active_window(qtbot, ws, prompts)
    window.roster.select_member(member_id)
    prompts.dialog_script = _transfer_out
    window.roster.event_button.click()
    prompts.dialog_script = None
    return window


def test_the_roster_offers_the_letter_and_enter_prints_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember,
    tmp_path: Path,
) -> None:  # fmt: skip
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    admission_date="26/03/2016", gender="male")  # fmt: skip
    window = _recorded_on_roster(qtbot, ws, prompts, an)
    offer = window.roster.letter_offer
    [event] = ws.events.history(an)
    assert offer.isVisible() and offer.offered() == (an, event.id, "Nguyễn Văn An")
    assert offer.label.text() == OFFER
    qtbot.waitUntil(offer.print_button.hasFocus)  # the keyboard is on it

    target = tmp_path / "giay.pdf"
    opened: list[Path] = []
    offer.printer.ask_save_path = lambda name: target  # type: ignore[method-assign]
    offer.printer.open_file = lambda path: opened.append(path) or True
    prompts.dialog_script = accept_print_dialog
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert prompts.errors == []
    assert opened == [target]
    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN" in text
    assert "Kính gửi: Đoàn xã Tân Lộc" in text
    assert "NGUYỄN VĂN AN" in text
    assert "Đã đóng đoàn phí đến hết tháng: 03/2025" in text
    assert not offer.isVisible() and offer.offered() is None  # done: the bar goes away


def test_the_offer_goes_with_escape_or_with_the_transfer_taken_back(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    bo = add_member("Lê Văn Bo", "02/02/2001")
    window = _recorded_on_roster(qtbot, ws, prompts, an)
    offer = window.roster.letter_offer
    qtbot.waitUntil(offer.print_button.hasFocus)
    qtbot.keyClick(offer.print_button, Qt.Key.Key_Escape)
    assert not offer.isVisible()
    assert QApplication.focusWidget() is window.roster.table  # back on the list
    assert [e.kind for e in ws.events.history(an)] == ["transfer_out"]  # nothing else changed

    window.roster.select_member(bo)
    prompts.dialog_script = _transfer_out
    window.roster.event_button.click()
    prompts.dialog_script = None
    assert offer.isVisible() and offer.offered() is not None
    assert offer.offered()[0] == bo  # type: ignore[index]
    press_ctrl(qtbot, window, Qt.Key.Key_Z)  # the transfer taken back: no letter to print
    assert ws.events.history(bo) == []
    assert not offer.isVisible() and offer.offered() is None


def test_other_events_offer_no_letter(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    window = active_window(qtbot, ws, prompts)
    window.roster.select_member(an)

    def discipline(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        dialog.set_kind("discipline")
        dialog.set_value("date", "15/03/2025")
        dialog.set_value("level", "reprimand")
        dialog.save_button.click()

    prompts.dialog_script = discipline
    window.roster.event_button.click()
    assert [e.kind for e in ws.events.history(an)] == ["discipline"]
    assert not window.roster.letter_offer.isVisible()


def test_the_history_selects_the_transfer_just_recorded_with_its_letter_button_focused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    ws.events.record(an, "discipline", "01/02/2025", level="reprimand")
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    with qtbot.wait_active(timeline):
        timeline.show()
        timeline.activateWindow()
    prompts.dialog_script = _transfer_out
    timeline.record_button.click()
    assert [e.kind for e in timeline.events] == ["discipline", "transfer_out"]
    selected = timeline.selected_event()
    assert selected is not None and selected.kind == "transfer_out"
    assert timeline.letter_button.isEnabled()
    qtbot.waitUntil(timeline.letter_button.hasFocus)
