"""Ctrl+N, Ctrl+I, Ctrl+E and Ctrl+P in the main window: the shown page's own add, import,
export and print, named so in the "Tệp" menu; on a page without one, the menu's item is disabled
and the key does nothing (it never adds a member, imports into or exports the roster, or prints
it from another page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import (
    BRANCHES_AREA,
    CALENDAR_AREA,
    DOSSIER_AREA,
    PLANS_AREA,
    RATING_AREA,
    RECOGNITION_AREA,
    ROSTER,
    SETTINGS,
    STATISTICS,
    YOUTH_AREA,
    MainWindow,
)
from scripted import ScriptedPrompts


def _opened(prompts: ScriptedPrompts) -> list[str]:
    """The titles of the dialogs opened from now on, each closed at once."""
    titles: list[str] = []

    def note(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = note
    return titles


def _menu_item(window: MainWindow, index: int) -> tuple[str, str, bool]:
    """(text, shortcut, enabled) of the "Tệp" menu's item ``index``, as the menu shows it (its
    text read without the "&" of its Alt letter: test_menu_keys checks those)."""
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    action = menu.actions()[index]
    shown = (action.text().replace("&", ""), action.shortcut().toString(), action.isEnabled())
    menu.aboutToHide.emit()
    return shown


NEW, IMPORT, EXPORT, PRINT = 0, 2, 3, 4  # "Thêm…", separator, "Nhập…", "Xuất…", "In…"
KEYS = {NEW: ("Ctrl+N", Qt.Key.Key_N), IMPORT: ("Ctrl+I", Qt.Key.Key_I),
        EXPORT: ("Ctrl+E", Qt.Key.Key_E), PRINT: ("Ctrl+P", Qt.Key.Key_P)}  # fmt: skip


def _press_item_key(
    qtbot: QtBot, window: MainWindow, index: int, text: str, *, area: int | None = None,
    enabled: bool = True,
) -> None:  # fmt: skip
    """On ``area`` (the page shown if None): the "Tệp" menu's item ``index`` reads ``text``
    with its key, enabled or not; then its key pressed with the focus away from the page."""
    if area is not None:
        window.show_area(area)
    shortcut, key = KEYS[index]
    assert _menu_item(window, index) == (text, shortcut, enabled)
    window.sidebar.setFocus()
    press_ctrl(qtbot, window, key)


def _files_asked(window: MainWindow) -> list[str]:
    """Which page asked for a file to import or to export to from now on (each answered with
    no file: the user cancelled)."""
    asked: list[str] = []

    def ask(what: str) -> Callable[..., Path | None]:
        def note(*_args: object) -> Path | None:
            asked.append(what)
            return None

        return note

    window.roster.io.ask_save_path = ask("roster export")
    window.youth.ask_save_path = ask("youth export")  # type: ignore[method-assign]
    window.rating.files.ask_open_path = ask("rating import")  # type: ignore[method-assign]
    window.rating.files.ask_save_path = ask("rating export")  # type: ignore[method-assign]
    templates = window.recognition.templates
    templates.ask_open_path = ask("criteria import")  # type: ignore[method-assign]
    templates.ask_save_path = ask("criteria export")  # type: ignore[method-assign]
    window.statistics.ask_save_path = ask("statistics export")  # type: ignore[method-assign]
    return asked


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_n_adds_on_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    members = demo_ws.members.count()
    window.show_area(PLANS_AREA)
    assert window.plans.plan() is not None  # the demo's plan of this year
    opened = _opened(prompts)
    for area, title, item in (
        (BRANCHES_AREA, "Thêm chi đoàn", "Thêm chi đoàn…"),
        (PLANS_AREA, f"Thêm chỉ tiêu – kế hoạch năm {window.plans.year}", "Thêm chỉ tiêu…"),
        (CALENDAR_AREA, "Thêm hoạt động", "Thêm hoạt động…"),
        (ROSTER, "Thêm đoàn viên", "Thêm đoàn viên…"),
    ):
        _press_item_key(qtbot, window, NEW, item, area=area)
        assert opened == [title]
        assert window.sidebar.currentRow() == area
        opened.clear()

    # "3 chủ động": a record of the register's section shown; nothing on the checklist.
    window.show_area(RECOGNITION_AREA)
    page = window.recognition
    assert _menu_item(window, NEW) == ("Thêm…", "Ctrl+N", False)
    page.tabs.setCurrentWidget(page.register)
    page.register.setCurrentWidget(page.register.coordination)
    _press_item_key(qtbot, window, NEW, "Thêm chương trình phối hợp…")
    assert opened == ["Thêm chương trình phối hợp"]
    opened.clear()

    for area in (RATING_AREA, DOSSIER_AREA, STATISTICS, SETTINGS):
        _press_item_key(qtbot, window, NEW, "Thêm…", area=area, enabled=False)
        assert opened == [] and window.sidebar.currentRow() == area
    assert demo_ws.members.count() == members
    # The "Đoàn viên" menu's item adds a member from any page, and claims no key.
    assert window.new_member_action.shortcut().isEmpty()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_p_prints_on_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    window.roster.io.ask_save_path = lambda *_args: pytest.fail("the roster printed")
    opened = _opened(prompts)

    _press_item_key(qtbot, window, PRINT, "In văn bản xếp loại…", area=RATING_AREA)
    assert prompts.choices_offered and prompts.choices_offered[0][0].startswith("Phiếu")

    _press_item_key(qtbot, window, PRINT, "Xuất thống kê ra PDF để in…", area=STATISTICS)
    assert opened == ["Xuất báo cáo thống kê (PDF)"]
    opened.clear()

    window.show_area(PLANS_AREA)
    year = window.plans.year
    window.plans.open_year(year + 1)  # a year without a plan: nothing to print yet
    _press_item_key(qtbot, window, PRINT, "In kế hoạch (KH)…", enabled=False)
    assert opened == []
    window.plans.open_year(year)
    _press_item_key(qtbot, window, PRINT, "In kế hoạch (KH)…")
    assert opened == ["In kế hoạch công tác (PDF)"]
    opened.clear()

    window.show_area(DOSSIER_AREA)  # nothing built: nothing to print
    assert _menu_item(window, PRINT) == ("In hồ sơ…", "Ctrl+P", False)
    assert window.dossier.print_action.shortcut().isEmpty()  # the window's key, not twice

    for area in (BRANCHES_AREA, CALENDAR_AREA, RECOGNITION_AREA, SETTINGS):
        _press_item_key(qtbot, window, PRINT, "In…", area=area, enabled=False)
        assert opened == [] and window.sidebar.currentRow() == area
    assert len(prompts.choices_offered) == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_member_items_are_disabled_with_no_member_chosen(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """ "Sửa đoàn viên…", "Xóa đoàn viên…", "Chuyển chi đoàn…", "Ghi sự kiện…" of the "Đoàn
    viên" menu act on the members chosen on the roster: disabled when none is (editing and
    recording an event: unless exactly one is); "Thêm đoàn viên…" always enabled."""
    window = active_window(qtbot, demo_ws, prompts)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Đoàn &viên")
    assert isinstance(menu, QMenu)
    items = ("Thêm đoàn viên…", "Sửa đoàn viên…", "Xóa đoàn viên…", "Chuyển chi đoàn…",
             "Ghi sự kiện…")  # fmt: skip

    def enabled() -> list[bool]:
        menu.aboutToShow.emit()
        shown = {a.text().replace("&", ""): a.isEnabled() for a in menu.actions()}
        menu.aboutToHide.emit()
        return [shown[text] for text in items]

    window.show_area(SETTINGS)
    assert window.roster.selected_count() == 0
    assert enabled() == [True, False, False, False, False]
    window.roster.select_row(0)
    assert enabled() == [True, True, True, True, True]
    selection = window.roster.table.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    selection.select(window.roster.model.index(1, 0), flags)
    assert window.roster.selected_count() == 2
    assert enabled() == [True, False, True, True, False]
    # Enter and Delete on the roster's table still reach their actions once the menu is shut.
    assert window.roster.edit_action.isEnabled() and window.roster.delete_action.isEnabled()


Acting = tuple[tuple[int, str, list[str]], ...]


def _file_key_on_every_page(
    qtbot: QtBot, window: MainWindow, prompts: ScriptedPrompts, index: int, unnamed: str,
    acting: Acting, idle: tuple[int, ...],
) -> None:  # fmt: skip
    """The key of the "Tệp" menu's item ``index`` (import or export) on every page: on each of
    ``acting`` (area, the item's text, the dialogs opened and files asked for) it does that
    page's own; on each of ``idle`` the item reads ``unnamed``, disabled, and the key does
    nothing (no page's, least of all the roster's)."""
    asked = _files_asked(window)
    opened = _opened(prompts)
    for area, item, done in acting:
        _press_item_key(qtbot, window, index, item, area=area)
        assert opened + asked == done and window.sidebar.currentRow() == area
        opened.clear()
        asked.clear()

    for area in idle:
        _press_item_key(qtbot, window, index, unnamed, area=area, enabled=False)
        assert opened == [] and asked == [] and window.sidebar.currentRow() == area


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_i_imports_on_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    _file_key_on_every_page(
        qtbot, window, prompts, IMPORT, "Nhập…",
        acting=(
            (ROSTER, "Nhập đoàn viên từ Excel…", ["Nhập danh sách đoàn viên từ Excel"]),
            (YOUTH_AREA, "Nhập thanh niên từ Excel…", ["Nhập danh sách thanh niên từ Excel"]),
            (RATING_AREA, "Nhập đề nghị từ Excel…", ["rating import"]),
            (RECOGNITION_AREA, "Nhập bộ tiêu chí…", ["criteria import"]),
        ),
        idle=(BRANCHES_AREA, PLANS_AREA, CALENDAR_AREA, DOSSIER_AREA, STATISTICS, SETTINGS),
    )  # fmt: skip


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_e_exports_on_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    _file_key_on_every_page(
        qtbot, window, prompts, EXPORT, "Xuất…",
        acting=(
            (ROSTER, "Xuất danh sách đoàn viên ra Excel/CSV…", ["roster export"]),
            (YOUTH_AREA, "Xuất danh sách thanh niên ra Excel/CSV…", ["youth export"]),
            (CALENDAR_AREA, "Xuất lịch (.ics)…", ["Xuất lịch ra tệp .ics"]),
            (RATING_AREA, "Xuất đợt xếp loại ra Excel…", ["rating export"]),
            (RECOGNITION_AREA, "Xuất bộ tiêu chí…", ["criteria export"]),
            (STATISTICS, "Xuất thống kê ra Excel…", ["statistics export"]),
        ),
        idle=(BRANCHES_AREA, PLANS_AREA, DOSSIER_AREA, SETTINGS),
    )  # fmt: skip


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_youth_register_s_add_is_the_file_menu_s_on_its_page(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """ "Thêm thanh niên…" is in no menu of its own (the "Đoàn viên" menu adds members): on the
    youth register it is the "Tệp" menu's first item, Alt+T then T, or Ctrl+N; the action
    behind it has its letter as "&Thêm đoàn viên…" has."""
    window = active_window(qtbot, demo_ws, prompts)
    assert window.new_youth_action.text() == "&Thêm thanh niên…"
    opened = _opened(prompts)
    _press_item_key(qtbot, window, NEW, "Thêm thanh niên…", area=YOUTH_AREA)
    assert opened == ["Thêm thanh niên vào sổ theo dõi"]
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    assert menu.actions()[NEW].text() == "&Thêm thanh niên…"
    menu.actions()[NEW].trigger()  # as Alt+T then T
    menu.aboutToHide.emit()
    assert opened == ["Thêm thanh niên vào sổ theo dõi"] * 2
    assert window.sidebar.currentRow() == YOUTH_AREA
