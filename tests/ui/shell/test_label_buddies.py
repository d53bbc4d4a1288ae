"""Every Alt letter of a field's label leads somewhere: on every page of the main window, in
the dialogs its pages' "Thêm…" (Ctrl+N) and "In…" (Ctrl+P) open and in the app's other forms,
each label with an "&" letter has a buddy that takes the keyboard, and pressing the letter puts
the cursor in it. In the other forms and on every page every label naming a field has a
letter, in the forms every button too ("Hủy", "Đóng"), and no letter shows twice.

A label's letter focuses its buddy only when the buddy itself accepts focus: a box holding a
field (even one passing its focus on to the field) leaves the cursor where it was."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QMenuBar,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from active_window import active_window, shown_active
from doancoso.core.activities.service import OCCURRENCE_TABLE
from doancoso.core.dossier.numbers import NUMBERED
from doancoso.core.lifecycle.rules import EVENT_KINDS, is_read_only
from doancoso.core.recognition.template import default_template, parse_template
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.bundle.secretary import SecretaryDialog
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog, read_attendance
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.calendar.minutes_dialog import MINUTES_DOCUMENT, MinutesDialog, read_minutes
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.calendar.text_dialog import TextDialog
from doancoso.ui.common.choice_dialog import ChoiceDialog
from doancoso.ui.common.document_dialog import DocumentDialog
from doancoso.ui.common.evidence_files import CaptionDialog
from doancoso.ui.dossier.numbers import NumbersDialog
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.party_page import PartyIntroductionsDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.rating.import_preview import ImportPreviewDialog
from doancoso.ui.rating.rules_dialog import RulesDialog
from doancoso.ui.recognition.register_dialogs import advice_dialog, coordination_dialog
from doancoso.ui.recognition.templates import TemplatePreview
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.settings.backups_dialog import BackupsDialog
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.help import HelpDialog
from doancoso.ui.shell.main_window import (
    AREAS,
    BRANCHES_AREA,
    DOSSIER_AREA,
    RATING_AREA,
    RECOGNITION_AREA,
    ROSTER,
    YOUTH_AREA,
    MainWindow,
)
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from mnemonics import letters, mnemonic, press_alt, twice
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
LETTERED_AREAS = tuple(range(len(AREAS)))
"""The pages whose every label naming a field has a letter, none taken twice with the main
window's menus: all of them."""
BUTTONS_LETTERED_AREAS = tuple(set(LETTERED_AREAS) - {ROSTER, YOUTH_AREA, BRANCHES_AREA})
"""The pages whose every button (as shown first) has a letter too. Not the lists' toolbars (the
roster's, the youth register's, the chi đoàn page's), whose actions have the menus' keys; nor
the dossier check's lines' buttons (:func:`_unletterable`)."""


def _unletterable(window: MainWindow, area: int) -> list[QPushButton]:
    """The buttons of the page of ``area`` that cannot each have a letter: the dossier check's
    lines' ("Mở mục 1.2", one per line, as many as the lines), reached by the check's own
    letter ("&Kiểm tra trước khi lập") then Tab, and pressed by Enter."""
    if area != DOSSIER_AREA:
        return []
    return [button for button in window.dossier.checks.buttons if button is not None]


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


def _unlettered_buttons(window: QWidget, but: list[QPushButton] | None = None) -> list[str]:
    """The visible buttons and check boxes of ``window`` without an Alt letter (``but`` those),
    as the failure names them (radio buttons may share their group's label's letter, which goes
    to the one chosen)."""
    return [
        f"{window.windowTitle()}: {button.text()!r} (button without a letter)"
        for button in window.findChildren(QAbstractButton)
        if isinstance(button, QPushButton | QCheckBox)
        and button.isVisible()
        and not mnemonic(button.text())
        and button not in (but or [])
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
        if area in LETTERED_AREAS:
            wrong.extend(f"{AREAS[area]}: {_where(label)} (no letter)"
                         for label in _unlettered(window))  # fmt: skip
            wrong.extend(f"{AREAS[area]}: twice {t}" for t in twice(letters(window)))
        if area in BUTTONS_LETTERED_AREAS:
            excepted = _unletterable(window, area)
            wrong.extend(f"{AREAS[area]}: {w}" for w in _unlettered_buttons(window, excepted))
        for action in (window.new_action, window.print_action):
            if action.isEnabled():
                action.trigger()
    assert wrong == []
    assert {"Thêm đoàn viên", "Thêm chi đoàn", "Thêm hoạt động", "In danh sách đoàn viên",
            "In kế hoạch công tác (PDF)"} <= set(dialogs)  # fmt: skip


def test_the_other_forms_lettered_labels_put_the_cursor_in_their_fields(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The forms opened from a list's row or a page's button: a date of the calendar, its roll
    call and its minutes, the calendar's export, an activity and a new kind of activity, the
    first start's form, the coming of age's and the ended stays' decisions, the rating's rules,
    a target of the plan, an evidence file's caption, a choice ("Chuyển chi đoàn…"), the
    dossier's numbers (every document's), the party introductions, a chi đoàn's name, the
    register's records, the print form, a criteria template's preview, an admission into the
    union, the new Bí thư's name after a handover, the quick guide (F1) and "Sao lưu và khôi
    phục" (its "Đóng" too). Every label naming
    a field has a letter (the minutes' read-only "Có mặt, vắng mặt" too: it scrolls), and so
    does every button and check box, a date's evidence files' ones included ("Mở x&em":
    "Điể&m danh" takes M); none shows a letter twice."""
    core = synchronous_core(demo_ws, prompts)
    (occurrence, *_) = demo_ws.activities.search("", dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    (youth_id, *_) = demo_ws.youth.ids()
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2e7d32"))
    assert photo.save(str(tmp_path / "don ve sinh.png"))
    demo_ws.evidence.attach(OCCURRENCE_TABLE, occurrence.id, tmp_path / "don ve sinh.png")
    (attachment,) = demo_ws.evidence.attachments(OCCURRENCE_TABLE, occurrence.id)

    def add_kind(ws: Workspace, name: str) -> str:  # the activity form's "Thêm loại…"
        return ws.activities.add_kind(name)

    forms: list[Callable[[], QDialog]] = [
        lambda: OccurrenceDialog(core, UndoHistory(core), read_occurrence(core.ws, occurrence.id)),
        lambda: AttendanceDialog(core, read_attendance(core.ws, occurrence.id)),
        lambda: MinutesDialog(core, read_minutes(core.ws, occurrence.id)),
        lambda: SetupDialog(demo_ws.organization),
        lambda: CalendarExportDialog(core, 2026, (dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
        lambda: ComingOfAgeDialog(core, 2026),
        lambda: TemporaryStaysDialog(core),
        lambda: RulesDialog(core),
        lambda: AdmitDialog(core, youth_id),
        lambda: TargetDialog(core, 2026),
        lambda: CaptionDialog(core, attachment),
        lambda: ChoiceDialog(None, "Chuyển chi đoàn", "Sang chi đoàn:", ["Ấp 1", "Ấp 2"]),
        lambda: NumbersDialog(core, list(NUMBERED), {}, None, dt.date(2026, 12, 7)),
        lambda: ActivityDialog(core, occurrence.activity_id),
        lambda: TextDialog(core, "Thêm loại hoạt động", "&Tên loại hoạt động", add_kind),
        lambda: PartyIntroductionsDialog(core),
        lambda: BranchNameDialog(core, "Thêm chi đoàn", lambda ws, name: ws.branches.create(name)),
        lambda: advice_dialog(core, 2026, None),
        lambda: coordination_dialog(core, 2026, None, {}),
        lambda: DocumentDialog(core, MINUTES_DOCUMENT),
        lambda: TemplatePreview(default_template(), []),
        lambda: SecretaryDialog("Đoàn xã Tân Hưng", "Nguyễn Thị Như Quỳnh"),
        lambda: HelpDialog(QMenuBar(), demo_ws.data_dir),
        lambda: BackupsDialog(core),
    ]
    wrong: list[str] = []
    for form in forms:
        dialog = shown_active(qtbot, form())
        wrong.extend(_leads_nowhere(qtbot, dialog))
        wrong.extend(f"{_where(label)} (no letter)" for label in _unlettered(dialog))
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
    """The rating's rules and the confirmation of a chi đoàn's sheet (with changes to write,
    with none, and with a row refused, whose rows it saves): every button has its own letter
    ("Đón&g", "&Hủy" as elsewhere in the app, "&Lưu các dòng bị loại (.xlsx)…")."""
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
    rows.cell(header[0].row + 2, column).value = "Khá"  # not a level: the row is refused
    book.save(sheet)
    refusing = demo_ws.rating_sheets.preview(sheet, year)
    assert changed.changes and not unchanged.changes and not changed.refused
    assert refusing.changes and refusing.refused
    forms: list[Callable[[], QDialog]] = [
        lambda: RulesDialog(core),
        lambda: ImportPreviewDialog(core, changed),
        lambda: ImportPreviewDialog(core, unchanged),
        lambda: ImportPreviewDialog(core, refusing),
    ]
    wrong: list[str] = []
    for form in forms:
        dialog = shown_active(qtbot, form())
        wrong.extend(_unlettered_buttons(dialog))
        wrong.extend(f"{dialog.windowTitle()}: twice {t}" for t in twice(letters(dialog)))
        dialog.reject()
    assert wrong == []


def test_the_forms_cancel_has_a_letter_of_its_own(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """ "Hủy" of the member and youth forms (adding and editing) and of an admission, and "Đóng"
    of a member's record shown read-only, each with an Alt letter no other widget of the form
    shows (the forms' tabs and columns take Alt+H, Alt+G), which closes the form."""
    core = synchronous_core(demo_ws, prompts)
    rows = demo_ws.members.rows(demo_ws.members.ids(MemberFilter()))
    member_id = next(row.id for row in rows if not is_read_only(row.status))
    left_id = next(row.id for row in rows if is_read_only(row.status))
    (youth_id, *_) = demo_ws.youth.ids()
    forms: list[tuple[Callable[[], QDialog], str]] = [
        (lambda: MemberFormDialog(core), "Hủ&y"),
        (lambda: MemberFormDialog(core, member_id), "Hủ&y"),
        (lambda: MemberFormDialog(core, left_id), "Đó&ng"),
        (lambda: YouthFormDialog(core), "Hủ&y"),
        (lambda: YouthFormDialog(core, read_youth(demo_ws, youth_id)), "Hủ&y"),
        (lambda: AdmitDialog(core, youth_id), "&Hủy"),
    ]
    for form, cancel in forms:
        dialog = shown_active(qtbot, form())
        title = dialog.windowTitle()
        shown = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        assert cancel in shown, title
        assert twice(letters(dialog)) == [], title
        if QApplication.focusWidget() is None:
            dialog.focusNextChild()
        press_alt(qtbot, Qt.Key(ord(mnemonic(cancel).removeprefix("Alt+"))))
        qtbot.waitUntil(partial(_hidden, dialog))  # (a letter clicks after a moment)


def _hidden(dialog: QDialog) -> bool:
    return not dialog.isVisible()


def test_the_rating_pages_buttons_have_letters(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The rating page with its round open, closed and not yet opened, each tab of its results
    shown: every button and every label naming a field (the Đoàn cơ sở's own rating's "Mức
    xế&p loại", "Nội &dung nhận xét" too) has a letter leading to it, none the main window's
    menus (Tệp, Sửa, Xem, Đoàn viên, Trợ giúp) or another of the page already show."""
    window = active_window(qtbot, demo_ws, prompts)
    window.show_area(RATING_AREA)
    page = window.rating
    (closed,) = demo_ws.rating.closed_years()
    (opened,) = set(demo_ws.rating.round_years()) - {closed}
    wrong: list[str] = []
    states = []
    for year in (opened, closed, closed - 1):
        page.show_year(year)

        def shown(y: int = year) -> bool:
            return page.info is None or page.info.year == y

        qtbot.waitUntil(shown)
        states.append(page.info.closed if page.info is not None else None)
        for tab in range(page.results.count()):
            page.results.setCurrentIndex(tab)
            where = f"{year}, {page.results.tabText(tab) or tab}"
            wrong.extend(f"{where}: {w}" for w in _unlettered_buttons(window))
            wrong.extend(f"{where}: {_where(label)} (no letter)" for label in _unlettered(window))
            wrong.extend(f"{where}: twice {t}" for t in twice(letters(window)))
            wrong.extend(f"{where}: {w}" for w in _leads_nowhere(qtbot, window))
    assert states == [False, True, None]
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


def test_the_export_wizard_s_every_field_has_a_letter_of_its_own(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Every step of "Xuất dữ liệu ra USB", each field's label with its letter putting the
    cursor in it, none shown twice on a step: a report's year ("Năm:", greyed out with its
    field for a handover), where to save and the file name ("Lưu vào:", "Tên tệp:"), and the
    biên bản's six names and positions (the three "Chức vụ:" each its own), which had none."""
    from bundle_gui import PASSWORD, export_wizard, stick
    from doancoso.ui.bundle.export_wizard import DONE_PAGE, TARGET_PAGE

    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000"})
    wizard = shown_active(qtbot, export_wizard(qtbot, ws, prompts, [stick(tmp_path)]))

    def buddies() -> dict[str, QWidget | None]:
        return {label.text(): label.buddy() for label in _lettered(wizard) if label.isEnabled()}

    def check(step: str) -> list[str]:
        return [
            *(f"{step}: {w}" for w in _leads_nowhere(qtbot, wizard)),
            *(f"{step}: {_where(label)} (no letter)" for label in _unlettered(wizard)),
            *(f"{step}: twice {t}" for t in twice(letters(wizard))),
        ]

    wrong = check("handover")
    assert "&Năm:" not in buddies()  # greyed out with the year
    wizard.report_radio.setChecked(True)
    wrong += check("report")
    assert buddies()["&Năm:"] is wizard.year_spin
    wizard.handover_radio.setChecked(True)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.page == TARGET_PAGE
    wrong += check("target")
    assert [buddies().get(t) for t in ("Lưu &vào:", "Tê&n tệp:")] == [
        wizard.drive_combo, wizard.name_edit,
    ]  # fmt: skip
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE, wizard.target_error.text()
    wrong += check("done")
    assert [
        buddies().get(t)
        for t in ("&Bên giao — họ và tên:", "&Chức vụ:", "Bên &nhận — họ và tên:", "C&hức vụ:",
                  "Đoàn cấp &trên (nếu có) — họ và tên:", "Chức &vụ:")
    ] == [
        wizard.giver_name, wizard.giver_position, wizard.receiver_name,
        wizard.receiver_position, wizard.witness_name, wizard.witness_position,
    ]  # fmt: skip
    assert wrong == []


def test_the_checklists_points_have_a_letter_of_their_own(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """An item scored in points on the 3 chủ động page (a province's criteria with points):
    "Điểm tự chấm" shows beside "Những việc đã làm" and the files' buttons, each with a letter
    no menu and nothing else on the page takes, which puts the cursor in its field."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    demo_ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    year = min(demo_ws.recognition.years()) - 1
    demo_ws.recognition.open(year, "Bộ tiêu chí có điểm")
    window = active_window(qtbot, demo_ws, prompts)
    window.show_area(RECOGNITION_AREA)
    window.recognition.open_item(year, "1.1")
    panel = window.recognition.item_panel
    qtbot.waitUntil(panel.points.isVisible)
    shown = {label.text() for label in _lettered(window)}
    assert {"Những việc đã &làm", "Điể&m tự chấm"} <= shown
    assert _unlettered(window) == []
    assert twice(letters(window)) == []
    assert _leads_nowhere(qtbot, window) == []


def test_the_3_chu_dong_pages_buttons_have_letters(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The 3 chủ động page with an item of its checklist shown ("Lưu nội &dung"), on each
    section of its register ("Thê&m…", "C&hỉnh sửa…", "Xó&a" and the files' buttons), and on a
    year not yet opened ("&Mở bảng tự đánh giá năm …" and its criteria's field): every button
    and every label naming a field has a letter, none the main window's menus (Tệp, Sửa, Xem,
    Đoàn viên, Trợ giúp) or another of the page already show, each leading to its field."""
    window = active_window(qtbot, demo_ws, prompts)
    window.show_area(RECOGNITION_AREA)
    page = window.recognition
    year = max(demo_ws.recognition.years())
    wrong: list[str] = []
    shown: set[str] = set()

    def check(where: str) -> None:
        shown.update(b.text() for b in window.findChildren(QPushButton) if b.isVisible())
        wrong.extend(f"{where}: {w}" for w in _unlettered_buttons(window))
        wrong.extend(f"{where}: {_where(label)} (no letter)" for label in _unlettered(window))
        wrong.extend(f"{where}: twice {t}" for t in twice(letters(window)))
        wrong.extend(f"{where}: {w}" for w in _leads_nowhere(qtbot, window))

    page.open_item(year, "1.1")
    qtbot.waitUntil(page.item_panel.save_button.isVisible)
    check("Bảng tự đánh giá")
    page.tabs.setCurrentWidget(page.register)
    for section in range(page.register.count()):
        page.register.setCurrentIndex(section)
        check(page.register.tabText(section))
    unopened = min(demo_ws.recognition.years()) - 1
    page.open_checklist(unopened)
    qtbot.waitUntil(page.open_panel.open_button.isVisible)
    check("năm chưa mở")
    assert wrong == []
    assert {"Nhập &bộ tiêu chí…", "X&uất bộ tiêu chí…", "Lưu nội &dung", "Thê&m…",
            "C&hỉnh sửa…", "Xó&a", f"&Mở bảng tự đánh giá năm {unopened}"} <= shown  # fmt: skip


def _asked(asked: list[str], count: int) -> bool:
    return len(asked) == count


def test_the_member_import_wizards_steps_letters(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The member import wizard's four steps (the file, its columns, the preview and the result
    of a file with a row refused): each lettered label puts the cursor in its field, no letter
    shows twice on a step, every button but "Hủy" (Esc) has its letter ("Tải &mẫu…", "&Chọn
    tệp…", "Chỉ hiện dòng có &vấn đề", "Đón&g" on the result), and "&Lưu các dòng bị loại
    (.xlsx)…" has its own on the preview and the result: Alt+L asks where to save the refused
    rows."""
    from doancoso.ui.roster.import_wizard import (
        FILE_PAGE,
        MAPPING_PAGE,
        PREVIEW_PAGE,
        RESULT_PAGE,
        ImportWizard,
    )

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Chi đoàn ấp 1"])
    sheet.append([2, "Lê Văn Cường", "không rõ", "Chi đoàn ấp 2"])  # refused: no birth date
    book.save(tmp_path / "ds.xlsx")
    wizard = shown_active(qtbot, ImportWizard(synchronous_core(ws, prompts)))
    asked: list[str] = []

    def ask(title: str, _default: str, _filters: str) -> Path | None:
        asked.append(title)
        return None

    wizard.ask_save_path = ask
    wrong: list[str] = []
    for step, page in (("file", FILE_PAGE), ("columns", MAPPING_PAGE), ("preview", PREVIEW_PAGE),
                       ("result", RESULT_PAGE)):  # fmt: skip
        if page == MAPPING_PAGE:
            wizard.set_file(tmp_path / "ds.xlsx")
            wizard.next()
        elif page == PREVIEW_PAGE:
            wizard.next()
        elif page == RESULT_PAGE:
            wizard.apply()
        assert wizard.page == page
        wrong.extend(f"{step}: {w}" for w in _leads_nowhere(qtbot, wizard))
        wrong.extend(f"{step}: twice {t}" for t in twice(letters(wizard)))
        # every button but "Hủy" (Esc, as in every dialog of steps: common/steps.py)
        wrong.extend(f"{step}: {w}" for w in _unlettered_buttons(wizard, [wizard.close_button])
                     if page != RESULT_PAGE)  # fmt: skip
        if page == RESULT_PAGE:  # the close button reads "Đón&g" there
            wrong.extend(f"result: {w}" for w in _unlettered_buttons(wizard))
        if page in (PREVIEW_PAGE, RESULT_PAGE):
            assert wizard.save_rejected_button.isVisible()
            wizard.back_button.setFocus()
            press_alt(qtbot, Qt.Key.Key_L)
            pressed = 1 if page == PREVIEW_PAGE else 2
            qtbot.waitUntil(partial(_asked, asked, pressed))  # a letter's click comes later
    assert wrong == []
    assert asked == ["Lưu các dòng bị loại", "Lưu các dòng bị loại"]
