"""The main window's menu bar and its undo button: the actions, their keys, and what the menus
do while they show (name the "Tệp" menu's items after the page shown, enable the "Đoàn viên"
menu's items for the members chosen).

Every item of every menu has an Alt letter (its mnemonic, "&" in its text), none repeated within
its menu, so that e.g. Alt+V then G records an event. None follows "ơ": Qt draws no underline
there (the key still works, but nobody sees it).

The actions are the window's attributes (``window.new_action``, ``window.undo_action``, …), as
the pages and tests reach them; this module only builds them and wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from . import dialogs
from .page_keys import (
    NO_NEW,
    PageCommand,
    export_command,
    import_command,
    new_command,
    print_command,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

AREA_ITEMS = (
    "Đoàn &viên",
    "Thanh &niên",
    "&Chi đoàn",
    "&Kế hoạch",
    "&Lịch hoạt động",
    "&Xếp loại",
    "&3 chủ động",
    "&Hồ sơ",
    "&Thống kê",
    "Th&iết lập",
)
"""The "Xem" menu's items: the sidebar's areas (``main_window.AREAS``) with their Alt letters."""
FILE_LETTERS = ("T", "N", "X", "I")
"""The Alt letters of the "Tệp" menu's add, import, export and print, whatever the page names
them: "Thêm…", "Nhập…", "Xuất…", "In…" (the statistics' "Xuất thống kê ra PDF để in…")."""
QUIT_KEY = "Ctrl+Q"
"""The "Tệp" menu's "Thoát" key, the same on every system."""
MEMBER_LETTERS = ("S", "X", "C", "G")
"""The Alt letters of the roster's "Sửa", "Xóa", "Chuyển chi đoàn" and "Ghi sự kiện" items."""


def with_letter(text: str, letter: str) -> str:
    """``text`` as a menu item's, its Alt letter the first ``letter`` in it (either case); an "&"
    of its own (a name "A & B") shown as it is, not taken as the letter."""
    shown = text.replace("&", "&&")
    at = shown.lower().find(letter.lower())
    return shown if at < 0 else f"{shown[:at]}&{shown[at:]}"


def make_undo_button(window: MainWindow) -> None:
    """The "Hoàn tác" action (Ctrl+Z) and its button at the status bar's end."""
    # Own actions rather than createUndoAction: with a prefix its text reads "Hoàn tác Xóa …"
    # (no colon), and "Hoàn tác:" with nothing to undo. The menu's items name the command,
    # "Hoàn tác: Xóa đoàn viên …" (see :func:`_undo_text_changed`); the status bar's button keeps
    # the short "Hoàn tác" (the window must fit a small screen) and names it in its tooltip.
    window.undo_action = QAction("&Hoàn tác", window)
    window.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    # Added to the window (see :func:`make_menus`), its default context (WindowShortcut) makes
    # Ctrl+Z work wherever the focus is in the window, but only while the window is active:
    # Qt matches no shortcut of any context without an active window. The prompts give the
    # window its activation back after a question (ui/shell/prompts.py).
    window.undo_action.setEnabled(False)
    window.undo_action.triggered.connect(window.undo_step)
    window.undo_button = QToolButton()
    window.undo_button.setText("Hoàn tác")
    window.undo_button.setToolTip("Hoàn tác")
    window.undo_button.setEnabled(False)
    window.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.undo_button.clicked.connect(window.undo_action.trigger)
    window.undo_action.enabledChanged.connect(window.undo_button.setEnabled)
    window.history.canUndoChanged.connect(window.undo_action.setEnabled)
    window.history.undoTextChanged.connect(lambda text: _undo_text_changed(window, text))
    window.statusBar().addPermanentWidget(window.undo_button)


def make_menus(window: MainWindow) -> None:
    """The menu bar: "Tệp", "Sửa", "Xem", "Đoàn viên" and "Trợ giúp", and their actions."""
    from .main_window import AREAS  # imported here: the window imports this module

    core = window.core
    file_menu = window.menuBar().addMenu("&Tệp")
    # Add, import, export and print act on the page shown (see .page_keys); the roster's
    # own actions, behind its buttons, are in no menu: their keys are the window's.
    window.new_action = QAction(NO_NEW, window)
    window.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
    window.new_action.triggered.connect(lambda: _run_page_command(window, new_command))
    window.new_action.setObjectName("new")  # named for every page in the help
    window.import_action = QAction(window)
    window.import_action.setShortcut(QKeySequence("Ctrl+I"))
    window.import_action.triggered.connect(lambda: _run_page_command(window, import_command))
    window.import_action.setObjectName("import")  # named for every page in the help
    window.export_action = QAction(window)
    window.export_action.setShortcut(QKeySequence("Ctrl+E"))
    window.export_action.triggered.connect(lambda: _run_page_command(window, export_command))
    window.export_action.setObjectName("export")  # named for every page in the help
    window.print_action = QAction(window)
    window.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    window.print_action.triggered.connect(lambda: _run_page_command(window, print_command))
    window.print_action.setObjectName("print")  # named for every page in the help
    file_menu.addAction(window.new_action)
    file_menu.addSeparator()
    file_menu.addActions([window.import_action, window.export_action, window.print_action])
    # Disabled while the menu shows when the page cannot act now (no plan yet, no dossier
    # built); enabled again after, the key then asking the page at the time it is pressed.
    file_menu.aboutToShow.connect(lambda: window.name_file_actions(now=True))
    file_menu.aboutToHide.connect(window.name_file_actions)
    file_menu.addSeparator()
    window.backups_action = QAction("&Sao lưu và khôi phục…", window)
    window.backups_action.triggered.connect(lambda: dialogs.show_backups(core, window))
    file_menu.addAction(window.backups_action)
    # Bundles on a USB stick (#17) ---------------------------------------------------
    window.export_bundle_action = QAction("Xuất dữ liệu ra &USB…", window)
    window.export_bundle_action.triggered.connect(lambda: dialogs.export_bundle(core, window))
    window.import_bundle_action = QAction("Nhận &dữ liệu từ USB…", window)
    window.import_bundle_action.triggered.connect(lambda: dialogs.import_bundle(core, window))
    file_menu.addAction(window.export_bundle_action)
    file_menu.addAction(window.import_bundle_action)
    file_menu.addSeparator()
    window.quit_action = QAction("Th&oát", window)
    # Ctrl+Q set, not Qt's standard Quit key: that is none on Windows, where only Alt+F4
    # closes a window, and "Thoát" would show no key (nor the help list one).
    window.quit_action.setShortcut(QKeySequence(QUIT_KEY))
    window.quit_action.triggered.connect(window.close)
    file_menu.addAction(window.quit_action)
    window.addAction(window.quit_action)  # window-wide, like the menus' other shortcuts

    edit_menu = window.menuBar().addMenu("&Sửa")
    edit_menu.addAction(window.undo_action)
    window.redo_action = QAction("&Làm lại", window)
    window.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    window.redo_action.setEnabled(False)
    window.redo_action.triggered.connect(window.redo_step)
    window.history.canRedoChanged.connect(window.redo_action.setEnabled)
    window.history.redoTextChanged.connect(lambda text: _redo_text_changed(window, text))
    edit_menu.addAction(window.redo_action)

    view_menu = window.menuBar().addMenu("&Xem")
    window.area_actions = []
    for area, (name, item) in enumerate(zip(AREAS, AREA_ITEMS, strict=True)):
        action = QAction(item, window)  # Ctrl+1 … Ctrl+9, Ctrl+0: as the sidebar reads
        key = QKeySequence(f"Ctrl+{(area + 1) % 10}")
        action.setShortcut(key)
        action.triggered.connect(lambda _=False, area=area: window.go_to_area(area))
        view_menu.addAction(action)
        window.addAction(action)  # window-wide, like the menus' other shortcuts
        window.area_actions.append(action)
        window.sidebar.item(area).setToolTip(
            f"{name} ({key.toString(QKeySequence.SequenceFormat.NativeText)})"
        )

    members_menu = window.menuBar().addMenu("Đoàn &viên")
    # Ctrl+N is the "Tệp" menu's "Thêm…", which on the roster and the youth register runs
    # these two; the "Đoàn viên" menu's item adds a member from any page. A young person is
    # added from the register's page only (Tệp → "&Thêm thanh niên…" there, its "Thêm").
    window.new_member_action = QAction("&Thêm đoàn viên…", window)
    window.new_member_action.triggered.connect(window.new_member)
    window.new_youth_action = QAction("&Thêm thanh niên…", window)
    window.new_youth_action.triggered.connect(window.new_youth)
    window.find_action = QAction("Tìm &kiếm", window)
    window.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    window.find_action.triggered.connect(window.start_search)
    window_wide = (window.new_action, window.find_action, window.undo_action, window.redo_action)
    for action in window_wide:
        window.addAction(action)
    members_menu.addAction(window.new_member_action)
    roster = window.roster
    chosen = (roster.edit_action, roster.delete_action, roster.move_action, roster.event_action)
    for action, letter in zip(chosen, MEMBER_LETTERS, strict=True):
        action.setText(with_letter(action.text(), letter))
    members_menu.addAction(window.roster.edit_action)
    members_menu.addAction(window.roster.delete_action)
    members_menu.addAction(window.roster.move_action)
    members_menu.addSeparator()
    members_menu.addAction(window.roster.event_action)
    window.coming_of_age_action = QAction("T&rưởng thành Đoàn…", window)
    window.coming_of_age_action.triggered.connect(lambda: dialogs.coming_of_age(window))
    members_menu.addAction(window.coming_of_age_action)
    window.temporary_action = QAction("Sinh &hoạt tạm…", window)
    window.temporary_action.triggered.connect(lambda: dialogs.temporary_stays(window))
    members_menu.addAction(window.temporary_action)
    window.party_action = QAction("Đoàn &viên ưu tú giới thiệu cho Đảng…", window)
    window.party_action.triggered.connect(lambda: dialogs.party_introductions(window))
    members_menu.addAction(window.party_action)
    members_menu.addSeparator()
    members_menu.addAction(window.find_action)
    # The items acting on the roster's chosen members: disabled while the menu shows when
    # none (or, to edit, not exactly one) is chosen; Enter and Delete on the table guard.
    members_menu.aboutToShow.connect(lambda: _enable_member_items(window, shown=True))
    members_menu.aboutToHide.connect(lambda: _enable_member_items(window, shown=False))

    help_menu = window.menuBar().addMenu("Trợ &giúp")
    guide_action = QAction("&Hướng dẫn nhanh và phím tắt…", window)
    guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide_action.triggered.connect(lambda: dialogs.quick_guide(window))
    help_menu.addAction(guide_action)
    window.addAction(guide_action)  # window-wide, like the menus' other shortcuts
    window.about_action = QAction("&Giới thiệu…", window)
    window.about_action.triggered.connect(lambda: dialogs.about(window))
    help_menu.addAction(window.about_action)


def _undo_text_changed(window: MainWindow, text: str) -> None:
    named = f"Hoàn tác: {text}" if text else "Hoàn tác"
    window.undo_action.setText(with_letter(named, "H"))
    window.undo_action.setToolTip(named)
    window.undo_button.setToolTip(named)


def _redo_text_changed(window: MainWindow, text: str) -> None:
    named = f"Làm lại: {text}" if text else "Làm lại"
    window.redo_action.setText(with_letter(named, "L"))
    window.redo_action.setToolTip(named)


def _enable_member_items(window: MainWindow, *, shown: bool) -> None:
    chosen = window.roster.selected_count() if shown else 1
    for action, needed in ((window.roster.edit_action, chosen == 1),
                           (window.roster.delete_action, chosen > 0),
                           (window.roster.move_action, chosen > 0),
                           (window.roster.event_action, chosen == 1)):  # fmt: skip
        action.setEnabled(needed)


def _run_page_command(
    window: MainWindow, command_of: Callable[[MainWindow, int], PageCommand | None]
) -> None:
    """Ctrl+N, Ctrl+I, Ctrl+E or Ctrl+P: the shown page's own add, import, export or print,
    if it can act now."""
    command = command_of(window, window.stack.currentIndex())
    if command is not None and command.ready():
        command.run()
