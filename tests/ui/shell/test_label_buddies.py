"""Every Alt letter of a field's label leads somewhere: on every page of the main window, in
the dialogs its pages' "Thêm…" (Ctrl+N) and "In…" (Ctrl+P) open and in the other forms with
lettered labels, each label with an "&" letter has a buddy that takes the keyboard, and pressing
the letter puts the cursor in it.

A label's letter focuses its buddy only when the buddy itself accepts focus: a box holding a
field (even one passing its focus on to the field) leaves the cursor where it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, shown_active
from doancoso.core.lifecycle.rules import EVENT_KINDS
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.calendar.minutes_dialog import MinutesDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.rating.import_preview import ImportPreviewDialog
from doancoso.ui.rating.rules_dialog import RulesDialog
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.main_window import AREAS
from doancoso.ui.shell.undo import UndoHistory
from mnemonics import letters, mnemonic, press_alt, twice
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _lettered(window: QWidget) -> list[QLabel]:
    """The visible labels of ``window`` with an Alt letter."""
    return [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and mnemonic(label.text())
    ]


def _unlettered(window: QWidget) -> list[QLabel]:
    """The visible labels of ``window`` naming a field (a buddy) without an Alt letter."""
    return [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None and not mnemonic(label.text())
    ]


def _unlettered_buttons(window: QWidget) -> list[str]:
    """The visible buttons of ``window`` without an Alt letter, as the failure names them."""
    return [
        f"{window.windowTitle()}: {button.text()!r} (button without a letter)"
        for button in window.findChildren(QPushButton)
        if button.isVisible() and not mnemonic(button.text())
    ]


def _where(label: QLabel) -> str:
    """The label as the failure names it: its text and the window showing it."""
    return f"{label.window().windowTitle() or type(label.window()).__name__}: {label.text()!r}"


def _takes_keyboard(widget: QWidget | None) -> bool:
    """Whether a label's letter can put the keyboard in ``widget``: the label focuses its buddy
    only when the buddy itself accepts focus (a field greyed out for now still counts)."""
    return widget is not None and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _focus_target(widget: QWidget) -> QWidget:
    """Where the keyboard goes when ``widget`` takes the focus (its focus proxy's, if any)."""
    while (proxy := widget.focusProxy()) is not None:
        widget = proxy
    return widget


def _key(label: QLabel) -> Qt.Key:
    return Qt.Key(ord(mnemonic(label.text()).removeprefix("Alt+")))


def _leads_nowhere(qtbot: QtBot, window: QWidget) -> list[str]:
    """The labels of ``window`` whose letter leads nowhere: no buddy, a buddy that does not take
    the keyboard, a label offering its letter while its field is greyed out, or a letter (one no
    other widget of the window shows) that leaves the cursor out of its enabled buddy when
    pressed from another field."""
    labels = _lettered(window)
    shown = letters(window)
    wrong = [_where(label) for label in labels if not _takes_keyboard(label.buddy())]
    wrong += [  # a letter that can do nothing is not offered: the label greys with its field
        _where(label) + " (field greyed out)"
        for label in labels
        if (buddy := label.buddy()) is not None and label.isEnabled() and not buddy.isEnabled()
    ]
    pressed = [
        (label, buddy)
        for label in labels
        if _takes_keyboard(buddy := label.buddy())
        and buddy.isEnabled()
        and shown.count(mnemonic(label.text())) == 1
    ]
    for index, (label, buddy) in enumerate(pressed):
        if len(pressed) > 1:  # the cursor starts elsewhere: in another label's field
            _focus_target(pressed[index - 1][1]).setFocus()
        press_alt(qtbot, _key(label))
        if QApplication.focusWidget() is not _focus_target(buddy):
            wrong.append(_where(label) + " (pressed)")
    return wrong


def test_every_lettered_label_puts_the_cursor_in_its_field(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    wrong: list[str] = []
    dialogs: list[str] = []

    def check(dialog: QDialog) -> None:
        dialog.show()  # (qtbot.wait_active returns before a dialog with a parent is active)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialogs.append(dialog.windowTitle())
        wrong.extend(_leads_nowhere(qtbot, dialog))
        dialog.reject()

    prompts.dialog_script = check
    for area in range(len(AREAS)):
        window.activateWindow()  # again, after the last dialog
        qtbot.waitUntil(window.isActiveWindow)
        window.show_area(area)
        wrong.extend(f"{AREAS[area]}: {w}" for w in _leads_nowhere(qtbot, window))
        for action in (window.new_action, window.print_action):
            if action.isEnabled():
                action.trigger()
    assert wrong == []
    assert {"Thêm đoàn viên", "Thêm chi đoàn", "Thêm hoạt động", "In danh sách đoàn viên",
            "In kế hoạch công tác (PDF)"} <= set(dialogs)  # fmt: skip


def test_the_other_forms_lettered_labels_put_the_cursor_in_their_fields(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The forms with lettered labels opened from a list's row or a page's button: a date of the
    calendar, its roll call and its minutes, the calendar's export, the first start's form, the
    coming of age's and the ended stays' decisions and the rating's rules; every label naming a
    field has a letter (the minutes' read-only "Có mặt, vắng mặt" too: it scrolls), and so does
    every button of the decision lists; none shows a letter twice."""
    core = synchronous_core(demo_ws, prompts)
    (occurrence, *_) = demo_ws.activities.search("", dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    forms: list[Callable[[], QDialog]] = [  # (an admission: no letters)
        lambda: OccurrenceDialog(core, UndoHistory(core), occurrence.id),
        lambda: AttendanceDialog(core, occurrence.id),
        lambda: MinutesDialog(core, occurrence.id),
        lambda: SetupDialog(demo_ws.organization),
        lambda: CalendarExportDialog(core, 2026, (dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
        lambda: ComingOfAgeDialog(core, 2026),
        lambda: TemporaryStaysDialog(core),
        lambda: RulesDialog(core),
    ]
    wrong: list[str] = []
    for form in forms:
        dialog = shown_active(qtbot, form())
        wrong.extend(_leads_nowhere(qtbot, dialog))
        wrong.extend(f"{_where(label)} (no letter)" for label in _unlettered(dialog))
        if isinstance(dialog, ComingOfAgeDialog | TemporaryStaysDialog):  # its buttons too
            wrong.extend(_unlettered_buttons(dialog))
        wrong.extend(f"{dialog.windowTitle()}: twice {t}" for t in twice(letters(dialog)))
        dialog.reject()
    assert wrong == []


def test_a_member_events_lettered_labels_put_the_cursor_in_their_fields(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Every field and button of a member's event, whatever the kind shows, has its own
    letter."""
    core = synchronous_core(demo_ws, prompts)
    member_id = demo_ws.members.ids()[0]
    dialog = shown_active(qtbot, EventDialog(core, member_id, tuple(EVENT_KINDS)))
    wrong: list[str] = []
    for kind in EVENT_KINDS:
        dialog.set_kind(kind)
        wrong.extend(f"{kind}: {_where(label)} (no letter)" for label in _unlettered(dialog))
        wrong.extend(f"{kind}: {w}" for w in _unlettered_buttons(dialog))
        wrong.extend(f"{kind}: {w}" for w in _leads_nowhere(qtbot, dialog))
        wrong.extend(f"{kind}: twice {t}" for t in twice(letters(dialog)))
    assert wrong == []


def test_the_ratings_dialogs_buttons_have_letters(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The rating's rules and the confirmation of a chi đoàn's sheet (with changes to write and
    with none): every button has its own letter ("Đón&g", "&Hủy" as elsewhere in the app)."""
    core = synchronous_core(demo_ws, prompts)
    year = max(set(demo_ws.rating.round_years()) - set(demo_ws.rating.closed_years()))
    sheet = tmp_path / "xep-loai.xlsx"
    demo_ws.rating_sheets.export(sheet, year)
    unchanged = demo_ws.rating_sheets.preview(sheet, year)
    book = openpyxl.load_workbook(sheet)
    rows = book.active
    assert rows is not None
    header = next(r for r in rows.iter_rows() if any(c.value == "Chi đoàn đề nghị" for c in r))
    column = next(c.column for c in header if c.value == "Chi đoàn đề nghị")
    first = rows.cell(header[0].row + 1, column)
    first.value = 4 if first.value != 4 else 3
    book.save(sheet)
    changed = demo_ws.rating_sheets.preview(sheet, year)
    assert changed.changes and not unchanged.changes
    forms: list[Callable[[], QDialog]] = [
        lambda: RulesDialog(core),
        lambda: ImportPreviewDialog(None, changed),
        lambda: ImportPreviewDialog(None, unchanged),
    ]
    wrong: list[str] = []
    for form in forms:
        dialog = shown_active(qtbot, form())
        wrong.extend(_unlettered_buttons(dialog))
        wrong.extend(f"{dialog.windowTitle()}: twice {t}" for t in twice(letters(dialog)))
        dialog.reject()
    assert wrong == []


def test_the_bundle_wizards_password_labels_put_the_cursor_in_their_fields(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The import wizard's first page and the export wizard's password page: "Mật khẩu:" and
    "Nhập lại mật khẩu:" had no letter; each field's label has its own, none shown twice."""
    from bundle_gui import export_wizard, import_wizard, stick
    from doancoso.ui.bundle.export_wizard import PASSWORD_PAGE

    importing = import_wizard(qtbot, ws, prompts)
    exporting = export_wizard(qtbot, ws, prompts, [stick(tmp_path)])
    exporting.next_button.click()
    assert exporting.page == PASSWORD_PAGE
    wrong: list[str] = []
    for wizard in (importing, exporting):
        shown_active(qtbot, wizard)
        wrong.extend(_leads_nowhere(qtbot, wizard))
        wrong.extend(f"{_where(label)} (no letter)" for label in _unlettered(wizard))
        wrong.extend(f"{wizard.windowTitle()}: twice {t}" for t in twice(letters(wizard)))
    assert wrong == []

    def buddies(wizard: QWidget) -> dict[str, QWidget | None]:
        return {label.text(): label.buddy() for label in _lettered(wizard)}

    assert buddies(importing)["&Mật khẩu:"] is importing.password_edit
    panel = exporting.password_panel
    assert [buddies(exporting).get(t) for t in ("&Mật khẩu:", "Nhập &lại mật khẩu:")] == [
        panel.first, panel.second,
    ]  # fmt: skip
    assert panel.show_box.text() == importing.show_password.text() == "&Hiện mật khẩu"
