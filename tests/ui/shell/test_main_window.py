"""The main window: title, areas, and window state kept in the data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell import dialogs
from doancoso.ui.shell.main_window import (
    CALENDAR_AREA,
    RECOGNITION_AREA,
    ROSTER,
    SETTINGS,
    YOUTH_AREA,
    MainWindow,
)
from doancoso.ui.shell.state import STATE_FILE, UiState
from scripted import synchronous_core


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    return window


def test_title_and_areas(qtbot: QtBot, ws: Workspace) -> None:
    window = _window(qtbot, ws)
    assert window.windowTitle() == "Đoàn cơ sở 3 chủ động — Đoàn xã Tân Hưng"
    areas = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert areas == [
        "Đoàn viên", "Thanh niên", "Chi đoàn", "Kế hoạch", "Lịch hoạt động", "Xếp loại",
        "3 chủ động", "Hồ sơ",
        "Thống kê", "Thiết lập",
    ]  # fmt: skip
    assert window.stack.count() == len(areas)
    window.sidebar.setCurrentRow(SETTINGS)
    assert window.stack.currentWidget() is window.settings
    window.settings.form.editors["name"].setText("Đoàn xã Tân Hưng Đông")
    window.settings.save_button.click()
    assert window.windowTitle() == "Đoàn cơ sở 3 chủ động — Đoàn xã Tân Hưng Đông"
    window.find_action.trigger()
    assert window.stack.currentWidget() is window.roster


def test_window_state_is_saved_in_the_data_folder(qtbot: QtBot, ws: Workspace) -> None:
    window = _window(qtbot, ws)
    window.resize(720, 510)
    window.roster.set_column_widths([50, 333, 99])
    window.close()
    path = ws.data_dir / STATE_FILE
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "geometry" in text and "333" in text

    again = _window(qtbot, ws)
    assert again.roster.column_widths()[:3] == [50, 333, 99]
    assert (again.width(), again.height()) == (720, 510)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_keyboard_shortcuts(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    table = window.roster.table
    table.setFocus()
    assert table.hasFocus()
    table.selectRow(0)
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())

    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Sửa thông tin đoàn viên", "Thêm đoàn viên"]

    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert demo_ws.members.count() == 299
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_ws.members.count() == 300

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.roster.search.hasFocus()
    qtbot.keyClick(window.roster.search, Qt.Key.Key_Delete)  # edits the text, deletes nobody
    assert demo_ws.members.count() == 300


def test_dialogs_are_deleted_after_use(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    """Ten openings of each form leave no hidden dialog behind (each was parented to its page)."""
    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    roster, youth = window.roster, window.youth
    opened: list[str] = []

    def close(dialog: QDialog) -> None:
        opened.append(type(dialog).__name__)
        dialog.reject()

    prompts.dialog_script = close
    for _ in range(10):
        roster.select_row(0)
        roster.edit_member()
        roster.add_member()
        roster.record_event()
        youth.select_row(0)
        youth.edit_youth()
        youth.add_youth()
        youth.admit_selected()
        dialogs.coming_of_age(window)
        dialogs.temporary_stays(window)
        dialogs.party_introductions(window)
    assert len(opened) == 90 and len(set(opened)) == 7  # add and edit share their form
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QDialog) == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_each_area_has_its_key(qtbot: QtBot, ws: Workspace, prompts) -> None:
    """Ctrl+1 … Ctrl+9 and Ctrl+0 open the areas in the sidebar's order, from anywhere in the
    window; the "Xem" menu lists them with their keys, as the sidebar's tooltips say."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Sửa", "&Xem", "Đoàn &viên", "Trợ &giúp"]
    listed = [(a.text(), a.shortcut().toString()) for a in window.area_actions]
    assert listed == [
        ("Đoàn &viên", "Ctrl+1"), ("Thanh &niên", "Ctrl+2"), ("&Chi đoàn", "Ctrl+3"),
        ("&Kế hoạch", "Ctrl+4"), ("&Lịch hoạt động", "Ctrl+5"), ("&Xếp loại", "Ctrl+6"),
        ("&3 chủ động", "Ctrl+7"), ("&Hồ sơ", "Ctrl+8"), ("&Thống kê", "Ctrl+9"),
        ("Th&iết lập", "Ctrl+0"),
    ]  # fmt: skip
    assert window.sidebar.item(6).toolTip() == "3 chủ động (Ctrl+7)"
    window.roster.search.setFocus()  # typing in the search box: the keys still work
    keys = [Qt.Key.Key_7, Qt.Key.Key_0, Qt.Key.Key_2, Qt.Key.Key_1]
    for key, area in zip(keys, (RECOGNITION_AREA, SETTINGS, YOUTH_AREA, ROSTER), strict=True):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert window.sidebar.currentRow() == area
        assert window.stack.currentWidget() is window.page(area)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_f_goes_to_the_search_of_the_page_shown(qtbot: QtBot, ws: Workspace, prompts) -> None:
    """On the youth register or the calendar, Ctrl+F goes to that page's search box (the
    secretary stays where she is); on a page without one, to the roster's."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for area, search in ((YOUTH_AREA, window.youth.search),
                         (CALENDAR_AREA, window.calendar.search)):  # fmt: skip
        window.show_area(area)
        search.setText("Lan")
        window.sidebar.setFocus()
        qtbot.keyClick(window.sidebar, Qt.Key.Key_F, ctrl)
        assert window.sidebar.currentRow() == area
        assert search.hasFocus() and search.selectedText() == "Lan"
    window.show_area(SETTINGS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, ctrl)
    assert window.sidebar.currentRow() == ROSTER
    assert window.roster.search.hasFocus()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_i_and_ctrl_e_act_on_the_list_of_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts, tmp_path
) -> None:
    """On the youth register (Thanh niên), Ctrl+I opens the youth register's import and
    Ctrl+E writes the young people shown, as the page's own buttons do, and the "Tệp" menu
    says so; on the roster they are the roster's (every page: test_page_keys.py)."""
    from openpyxl import load_workbook

    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    ctrl = Qt.KeyboardModifier.ControlModifier

    window.show_area(YOUTH_AREA)
    assert [a.text() for a in file_menu.actions()[2:5]] == [
        "&Nhập thanh niên từ Excel…", "&Xuất danh sách thanh niên ra Excel/CSV…",
        "&In danh sách thanh niên…",
    ]  # fmt: skip
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_I, ctrl)
    assert opened == ["Nhập danh sách thanh niên từ Excel"]
    youth_file, roster_file = tmp_path / "tn.xlsx", tmp_path / "dv.xlsx"
    window.youth.ask_save_path = lambda *_args: youth_file  # type: ignore[method-assign]
    window.roster.io.ask_save_path = lambda *_args: roster_file
    qtbot.keyClick(window.sidebar, Qt.Key.Key_E, ctrl)
    assert youth_file.is_file() and not roster_file.exists()
    sheet = load_workbook(youth_file).active
    assert sheet["A1"].value == "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
    shown = [window.youth.model.youth_row(row).full_name  # type: ignore[union-attr]
             for row in range(window.youth.model.rowCount())]  # fmt: skip
    assert [row[1].value for row in sheet.iter_rows(min_row=4)] == shown

    window.show_area(ROSTER)
    assert [a.text() for a in file_menu.actions()[2:4]] == [
        "&Nhập đoàn viên từ Excel…", "&Xuất danh sách đoàn viên ra Excel/CSV…",
    ]  # fmt: skip
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_I, ctrl)
    assert opened[1:] == ["Nhập danh sách đoàn viên từ Excel"]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_E, ctrl)
    assert roster_file.is_file()
    assert load_workbook(roster_file).active["A1"].value == "DANH SÁCH ĐOÀN VIÊN"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_p_prints_the_list_of_the_page_shown(
    qtbot: QtBot, demo_ws: Workspace, prompts, tmp_path
) -> None:
    """On the youth register, Ctrl+P prints the young people shown (as its "In danh sách…"
    button does), not the roster's list; on the roster, the roster's."""
    from pypdf import PdfReader

    from scripted import accept_print_dialog

    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    prompts.dialog_script = accept_print_dialog
    prompts.answer = False  # the roster's "Mở tệp để xem và in?"
    youth_file, roster_file = tmp_path / "tn.pdf", tmp_path / "dv.pdf"
    window.youth.ask_save_path = lambda *_args: youth_file  # type: ignore[method-assign]
    window.roster.io.ask_save_path = lambda *_args: roster_file
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    ctrl = Qt.KeyboardModifier.ControlModifier

    window.show_area(YOUTH_AREA)
    assert file_menu.actions()[4].text() == "&In danh sách thanh niên…"
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_P, ctrl)
    assert youth_file.is_file() and not roster_file.exists()
    text = " ".join(page.extract_text() for page in PdfReader(youth_file).pages)
    assert "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG" in " ".join(text.split())
    assert window.youth.model.youth_row(0).full_name in text  # type: ignore[union-attr]

    window.show_area(ROSTER)
    assert file_menu.actions()[4].text() == "&In danh sách đoàn viên…"
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_P, ctrl)
    text = " ".join(page.extract_text() for page in PdfReader(roster_file).pages)
    assert "DANH SÁCH ĐOÀN VIÊN" in text


OLD_STATE = """[roster]
columns="60,210,95,75,170,110,145,115,105,95,75"
"""
"""``ui-state.ini`` as the app wrote it before the roster's default widths were narrowed to fit
1366×768: the old defaults, saved at closing by a secretary who never resized a column."""


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_widths_saved_over_the_old_defaults_give_way_to_the_fitting_ones(
    qtbot: QtBot, ws: Workspace
) -> None:
    """A secretary who used the app before the roster's columns were made to fit 1366×768
    gets the fitting widths, not the old ones her state file holds (which cut "Mã đoàn viên"
    and "Tham gia" off the screen); a column she widens afterwards is still kept."""
    from PySide6.QtWidgets import QApplication as App

    from doancoso.ui.roster.member_table import COLUMNS

    (ws.data_dir / STATE_FILE).write_text(OLD_STATE, encoding="utf-8")
    window = _window(qtbot, ws)
    defaults = [width for _, _, width in COLUMNS]
    assert window.roster.column_widths()[:-1] == defaults[:-1]  # the last one stretches
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    App.processEvents()
    assert window.roster.table.horizontalScrollBar().maximum() == 0
    window.roster.table.setColumnWidth(1, 230)  # "Họ và tên" widened by hand
    window.close()

    again = _window(qtbot, ws)
    assert again.roster.column_widths()[:3] == [defaults[0], 230, defaults[2]]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_empty_lists_say_what_to_do_first(qtbot: QtBot, ws: Workspace, prompts) -> None:
    """A new secretary's first screen, the empty roster, says where to begin (chi đoàn first,
    then "Thêm" or "Nhập Excel…"), as the empty youth register does; once someone is listed
    the hint goes, and a search that finds nobody does not bring it back."""
    from doancoso.ui.shell.operations import CoreOp

    core = synchronous_core(ws, prompts)
    window = MainWindow(core, UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    roster_hint = window.roster.empty_hint
    assert roster_hint.isVisible()
    assert roster_hint.text() == (
        "Chưa có đoàn viên nào. Trước hết tạo các chi đoàn ở mục “Chi đoàn” (Ctrl+3), rồi bấm "
        "“Thêm” để nhập từng đoàn viên hoặc “Nhập Excel…” (Ctrl+I) để nhập danh sách có sẵn (có "
        "tệp mẫu để điền). Dữ liệu ở máy khác: Tệp → “Nhận dữ liệu từ USB…”."
    )
    viewport = window.roster.table.viewport()
    assert viewport.rect().contains(roster_hint.geometry())  # all of it shows
    window.show_area(YOUTH_AREA)
    youth_hint = window.youth.empty_hint
    assert youth_hint.isVisible() and youth_hint.text() == (
        "Sổ theo dõi chưa có thanh niên nào. Bấm “Thêm” để ghi từng người, hoặc “Nhập Excel…” "
        "(Ctrl+I) để nhập danh sách thanh niên của các ấp/khu phố."
    )

    an = {"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001"}
    lan = {"full_name": "Lê Thị Lan", "birth_date": "2004"}
    CoreOp(window, lambda ws: ws.members.save(an), core).run()
    CoreOp(window, lambda ws: ws.youth.save(lan), core).run()
    assert not youth_hint.isVisible()
    window.show_area(ROSTER)
    assert window.roster.model.rowCount() == 1 and not roster_hint.isVisible()
    window.roster.search.setText("không có ai")
    window.roster.apply_filter()
    assert window.roster.model.rowCount() == 0 and not roster_hint.isVisible()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_youth_registers_column_widths_are_kept(qtbot: QtBot, ws: Workspace) -> None:
    """A column of the youth register widened by the secretary is as wide at the next start
    (as the roster's are); a window closed without opening that page keeps them too."""
    from doancoso.ui.youth.table import COLUMNS

    hardship = [header for header, _, _ in COLUMNS].index("Hoàn cảnh khó khăn")
    window = _window(qtbot, ws)
    window.show_area(YOUTH_AREA)
    window.youth.table.setColumnWidth(hardship, 260)  # widened by hand
    window.close()

    again = _window(qtbot, ws)
    again.close()  # the youth register not opened this time
    third = _window(qtbot, ws)
    third.show_area(YOUTH_AREA)
    widths = third.youth.column_widths()
    assert widths[hardship] == 260
    # The others as they were; "Dân tộc" and "Tôn giáo" hidden (the whole register is shown).
    shown = [0 if h in ("Dân tộc", "Tôn giáo") else w for h, _, w in COLUMNS]
    assert widths[:hardship] == shown[:hardship]
