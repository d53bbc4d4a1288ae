"""The menu bar by keyboard: every item of every menu has an Alt letter (its mnemonic), none
repeated within its menu, on every page (the "Tệp" menu's items take the shown page's names),
and none drawn right after "ơ" (Qt underlines nothing there, though the key works). No key is
taken twice on any page; the roster's move and event have theirs (Ctrl+M, Ctrl+G)."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import AREAS, ROSTER, STATISTICS, YOUTH_AREA, MainWindow
from scripted import ScriptedPrompts


def _menus(window: MainWindow) -> dict[str, QMenu]:
    return {a.text(): cast(QMenu, a.menu()) for a in window.menuBar().actions()}


def _items(menu: QMenu) -> list[str]:
    """The texts of ``menu``'s items as it shows them (opened, then shut)."""
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.aboutToHide.emit()
    return texts


def _letter(text: str) -> str:
    return QKeySequence.mnemonic(text).toString().removeprefix("Alt+")


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_menu_item_has_its_own_alt_letter_on_every_page(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    for area in range(len(AREAS)):
        window.show_area(area)
        for title, menu in _menus(window).items():
            texts = _items(menu)
            letters = [_letter(text) for text in texts]
            assert all(len(letter) == 1 and letter.isascii() for letter in letters), (title, texts)
            assert len(set(letters)) == len(letters), (AREAS[area], title, texts)
            for text in texts:
                at = text.index("&")
                assert at == 0 or text[at - 1] not in "ơƠ", text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_alt_letters_of_the_menus(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    menus = _menus(window)
    assert list(menus) == ["&Tệp", "&Sửa", "&Xem", "Đoàn &viên", "Trợ &giúp"]
    window.show_area(ROSTER)
    assert _items(menus["&Tệp"]) == [
        "&Thêm đoàn viên…", "&Nhập đoàn viên từ Excel…",
        "&Xuất danh sách đoàn viên ra Excel/CSV…", "&In danh sách đoàn viên…",
        "&Sao lưu và khôi phục…", "Xuất dữ liệu ra &USB…", "Nhận &dữ liệu từ USB…", "Th&oát",
    ]  # fmt: skip
    window.show_area(STATISTICS)  # its print is a PDF export: still Alt+I
    assert _items(menus["&Tệp"])[:4] == [
        "&Thêm…",
        "&Nhập…",
        "&Xuất thống kê ra Excel…",
        "Xuất thống kê ra PDF để &in…",
    ]
    assert _items(menus["&Sửa"]) == ["&Hoàn tác", "&Làm lại"]
    assert _items(menus["&Xem"]) == [
        "Đoàn &viên", "Thanh &niên", "&Chi đoàn", "&Kế hoạch", "&Lịch hoạt động", "&Xếp loại",
        "&3 chủ động", "&Hồ sơ", "&Thống kê", "Th&iết lập",
    ]  # fmt: skip
    assert _items(menus["Đoàn &viên"]) == [
        "&Thêm đoàn viên…", "&Sửa đoàn viên…", "&Xóa đoàn viên…", "&Chuyển chi đoàn…",
        "&Ghi sự kiện…", "T&rưởng thành Đoàn…", "Sinh &hoạt tạm…",
        "Đoàn &viên ưu tú giới thiệu cho Đảng…", "Tìm &kiếm",
    ]  # fmt: skip
    assert _items(menus["Trợ &giúp"]) == ["&Hướng dẫn nhanh và phím tắt…", "&Giới thiệu…"]
    # The sidebar's tooltips name the pages without the "&".
    assert window.sidebar.item(1).toolTip() == "Thanh niên (Ctrl+2)"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_ampersand_in_a_command_name_is_shown_not_taken_as_the_letter(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    window.history.add("Đổi tên “Chi đoàn A & B”", lambda ws: None, lambda ws: None)
    assert window.undo_action.text() == "&Hoàn tác: Đổi tên “Chi đoàn A && B”"
    assert _letter(window.undo_action.text()) == "H"
    assert window.undo_button.toolTip() == "Hoàn tác: Đổi tên “Chi đoàn A & B”"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_q_quits_and_the_file_menu_says_so(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Tệp → "Thoát" shows Ctrl+Q beside it, and Ctrl+Q closes the window with the keyboard
    anywhere in it (here in the roster's search box). Qt's standard key for quitting is none on
    Windows 10 (only Alt+F4 closes a window there): "Thoát" showed no key and had none."""
    window = active_window(qtbot, demo_ws, prompts)
    (quit_action,) = [a for a in _menus(window)["&Tệp"].actions() if a.text() == "Th&oát"]
    assert quit_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+Q"
    window.show_area(ROSTER)
    window.start_search()
    search = QApplication.focusWidget()
    assert isinstance(search, QLineEdit)
    qtbot.keyClick(search, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert search.text() == ""  # the key quit, typing nothing


Key = tuple[str, QWidget, bool, str]
"""A key as it acts: its text ("Ctrl+M"), the widget it acts in, whether in that widget's
children too, and what it does (for the message)."""


def _scope(context: Qt.ShortcutContext, widget: QWidget) -> tuple[QWidget, bool]:
    if context == Qt.ShortcutContext.WidgetShortcut:
        return widget, False  # only while the widget itself has the keyboard
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return widget, True
    return widget.window(), True


def _keys(window: MainWindow) -> list[Key]:
    """Every key of the window: its actions (on a widget, or on a menu of the menu bar) and
    its shortcuts. An action on no widget (the roster's import, export and print, whose keys
    are the window's) has no key acting."""
    bar_menus = [a.menu() for a in window.menuBar().actions()]
    found: dict[tuple[int, int], Key] = {}
    for action in window.findChildren(QAction):
        for holder in action.associatedObjects():
            if isinstance(holder, QMenu):
                if holder not in bar_menus:
                    continue  # a context menu's: acts only while it shows
                # Through the menu bar, in the action's own context (Enter, Delete: none).
                widget, children = _scope(action.shortcutContext(), window.menuBar())
            elif isinstance(holder, QWidget):
                widget, children = _scope(action.shortcutContext(), holder)
            else:
                continue
            for key in action.shortcuts():
                found[(id(action), id(widget))] = (key.toString(), widget, children, action.text())
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        assert isinstance(parent, QWidget)
        widget, children = _scope(shortcut.context(), parent)
        sequences = shortcut.keys()
        for key in sequences:
            found[(id(shortcut), id(key))] = (key.toString(), widget, children, "QShortcut")
    return list(found.values())


def _clashes(keys: list[Key]) -> list[tuple[str, str, str]]:
    """(key, what, what) for two keys that can act at the same time: the same key where one's
    widget is the other's, or holds it while acting in its children."""

    def within(outer: Key, inner: Key) -> bool:
        return outer[1] is inner[1] or (outer[2] and outer[1].isAncestorOf(inner[1]))

    return [
        (a[0], a[3], b[3])
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if a[0] == b[0] and (within(a, b) or within(b, a))
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_no_key_is_taken_twice_on_any_page(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    for area in range(len(AREAS)):
        window.page(area)  # every page built, with its keys
    keys = _keys(window)
    assert _clashes(keys) == []
    roster = {key for key, widget, _, _ in keys if widget in (window, window.roster)}
    assert {"Ctrl+M", "Ctrl+G", "Ctrl+N", "Ctrl+F", "Ctrl+Z", "Ctrl+1"} <= roster
    assert ("Ctrl+K", window.youth, True, "Kết nạp vào Đoàn…") in keys
    for mine in ("Ctrl+M", "Ctrl+G"):  # one action each, on no other page either
        assert len({what for key, _, _, what in keys if key == mine}) == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_move_and_record_an_event_by_their_keys(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Ctrl+M moves the members chosen on the roster to another chi đoàn, Ctrl+G records an
    event for the one chosen: said in the "Đoàn viên" menu and the buttons' tooltips; on
    another page the keys touch no roster member."""
    window = active_window(qtbot, demo_ws, prompts)
    roster = window.roster
    menu = _menus(window)["Đoàn &viên"]
    shown = {a.text(): a.shortcut().toString() for a in menu.actions()}
    assert shown["&Chuyển chi đoàn…"] == "Ctrl+M" and shown["&Ghi sự kiện…"] == "Ctrl+G"
    assert roster.move_button.toolTip() == (
        "Chuyển các đoàn viên đang chọn sang chi đoàn khác (Ctrl+M)"
    )
    assert roster.event_button.toolTip() == "Ghi sự kiện cho đoàn viên đang chọn (Ctrl+G)"

    opened: list[str] = []

    def note_and_close(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = note_and_close
    window.show_area(YOUTH_AREA)
    window.youth.table.setFocus()
    window.roster.select_row(0)
    for key in (Qt.Key.Key_M, Qt.Key.Key_G):
        press_ctrl(qtbot, window, key)
    assert opened == [] and prompts.choices_offered == []

    window.show_area(ROSTER)
    roster.table.setFocus()
    press_ctrl(qtbot, window, Qt.Key.Key_G)
    name = roster.model.member_row(0).full_name  # type: ignore[union-attr]
    assert len(opened) == 1 and name in opened[0]
    press_ctrl(qtbot, window, Qt.Key.Key_M)
    assert prompts.choices_offered == [[branch.name for branch in demo_ws.branches.list()]]
