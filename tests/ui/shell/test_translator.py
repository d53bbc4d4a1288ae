"""Qt's own strings in Vietnamese: text fields' right-click menus, standard buttons, key names;
installed by the app's start-up; the table kept as data in resources/translations."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.paths import resource
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.shell.translator import TABLE, read_table
from scripted import synchronous_core

EDIT_MENU = ["Hoàn tác", "Làm lại", "", "Cắt", "Sao chép", "Dán", "Xóa", "", "Chọn tất cả"]
NATIVE = QKeySequence.SequenceFormat.NativeText


def _texts(menu: QMenu) -> list[str]:
    """What a menu shows, without its mnemonics' "&" and its shortcuts."""
    return [action.text().split("\t")[0].replace("&", "") for action in menu.actions()]


def test_text_fields_right_click_menus(qtbot: QtBot) -> None:
    line, text = QLineEdit(), QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(text)
    line_menu, text_menu = line.createStandardContextMenu(), text.createStandardContextMenu()
    assert _texts(line_menu) == EDIT_MENU
    assert _texts(text_menu) == EDIT_MENU
    # Shortcuts keep their usual names.
    assert line_menu.actions()[0].text() == "&Hoàn tác\tCtrl+Z"
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    assert _texts(bar.createStandardContextMenu(bar.rect().center())) == [
        "Cuộn đến đây", "", "Lên đầu", "Xuống cuối", "", "Lên một trang", "Xuống một trang", "",
        "Cuộn lên", "Cuộn xuống",
    ]  # fmt: skip


def test_standard_buttons(qtbot: QtBot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question, "Xóa", "Xóa?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )  # fmt: skip
    qtbot.addWidget(box)
    yes, no = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
    assert (yes.text().replace("&", ""), no.text().replace("&", "")) == ("Có", "Không")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
    )  # fmt: skip
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Hủy", "Đóng", "Đồng ý"]


def test_the_arrows_of_tabs_that_do_not_fit(qtbot: QtBot) -> None:
    """The member form's tabs on a narrow window scroll by two arrows, which a screen reader
    names by their accessible names: Qt's "Scroll Left"/"Scroll Right" read in Vietnamese."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    for title in ("Thông tin chung", "Địa chỉ – liên hệ", "Học vấn", "Đoàn – Đảng", "Gia đình"):
        tabs.addTab(QWidget(), title)
    tabs.resize(160, 120)
    tabs.show()
    arrows = tabs.tabBar().findChildren(QToolButton)
    assert sorted(arrow.accessibleName() for arrow in arrows) == [
        "Cuộn sang phải",
        "Cuộn sang trái",
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_print_dialog(qtbot: QtBot) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    shown |= {w.text().replace("&", "") for w in dialog.findChildren(QAbstractButton)}
    shown |= {w.title() for w in dialog.findChildren(QGroupBox)}
    shown |= {c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())}
    assert dialog.windowTitle() == "In"
    assert {"Máy in", "Tên:", "Phạm vi in", "In tất cả", "Từ trang", "Số bản:", "In theo bộ",
            "Tùy chọn >>", "In", "Hủy", "Tất cả các trang", "In ra tệp (PDF)"} <= shown  # fmt: skip
    dialog.reject()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's, at show()
@pytest.mark.parametrize(
    ("mode", "action"),
    [("Directory", "Chọn"), ("ExistingFile", "Mở"), ("AnyFile", "Lưu")],
    ids=["a-folder", "a-file-to-open", "a-file-to-save"],
)
def test_the_file_dialogs(qtbot: QtBot, tmp_path: Path, mode: str, action: str) -> None:
    """Every word the app's file dialogs show (Qt's own, not the system's: the app asks for
    it, ``DontUseNativeDialog``), its file-type list too: "Directories" was left in English."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QTreeView

    dialog = QFileDialog(None, "Chọn", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(getattr(QFileDialog.FileMode, mode))
    if mode == "AnyFile":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    shown |= {w.text().replace("&", "") for w in dialog.findChildren(QAbstractButton)}
    shown |= {w.toolTip() for w in dialog.findChildren(QAbstractButton)}
    shown |= {c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())}
    tree = dialog.findChild(QTreeView)
    assert tree is not None
    header = tree.model()
    shown |= {header.headerData(c, Qt.Orientation.Horizontal) for c in range(header.columnCount())}
    shown -= {"", str(tmp_path)}
    kind = "Thư mục" if mode == "Directory" else "Mọi tệp (*)"
    common = {"Tìm trong:", "Kiểu tệp:", "Hủy", "Quay lại", "Tiến tới", "Thư mục cha",
              "Tạo thư mục mới", "Dạng danh sách", "Dạng chi tiết", "Tên", "Kích thước", "Kiểu",
              "Ngày sửa"}  # fmt: skip
    named = {"Thư mục:"} if mode == "Directory" else {"Tên tệp:"}
    assert shown == common | named | {action, kind}
    dialog.reject()


def test_key_names_in_menus(qtbot: QtBot, ws: Workspace) -> None:
    assert QKeySequence(Qt.Key.Key_Return).toString(NATIVE) == "Enter"
    assert QKeySequence(QKeySequence.StandardKey.Delete).toString(NATIVE) == "Delete"
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString(NATIVE) == "Ctrl+Z"
    assert QKeySequence("Ctrl+I").toString(NATIVE) == "Ctrl+I"  # typed shortcuts still read
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    # The "Đoàn viên" menu shows the roster's table actions with their keys.
    roster = window.roster
    assert roster.edit_action.shortcut().toString(NATIVE) == "Enter"
    assert roster.delete_action.shortcut().toString(NATIVE) == "Delete"
    menus = {m.title().replace("&", ""): m for m in window.menuBar().findChildren(QMenu)}
    assert roster.edit_action in menus["Đoàn viên"].actions()


def test_the_app_installs_it_at_start_up() -> None:
    """In a fresh interpreter (this session installed it already): the app's QApplication."""
    script = (
        "from PySide6.QtWidgets import QLineEdit\n"
        "from doancoso.ui.shell.app import _application\n"
        "app = _application()\n"
        "edit = QLineEdit()\n"
        "menu = edit.createStandardContextMenu()\n"
        "print('|'.join(a.text().split('\\t')[0] for a in menu.actions()))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          encoding="utf-8", env=env, check=True, timeout=60)  # fmt: skip
    assert done.stdout.strip().split("|")[:2] == ["&Hoàn tác", "&Làm lại"]


def test_the_table_is_data_in_nfc_keeping_placeholders() -> None:
    path = resource(*TABLE)
    assert path.parent.name == "translations" and path.name == "qt_vi.json"
    table = read_table()
    assert {"QLineEdit", "QWidgetTextControl", "QPlatformTheme", "QShortcut"} <= set(table)
    for context, strings in table.items():
        for source, text in strings.items():
            where = f"{context}: {source!r}"
            assert text and unicodedata.is_normalized("NFC", text), where
            assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), where
            assert text.replace("&&", "").count("&") <= 1, where
    assert not list(path.parent.glob("*.qm"))  # no generated .qm in the repository


def test_a_broken_table_leaves_qt_in_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "qt_vi.json"
    broken.write_text(json.dumps({"QLineEdit": []}), encoding="utf-8")
    assert read_table(broken) == {}
    assert read_table(tmp_path / "missing.json") == {}
    assert "Qt's Vietnamese strings not loaded" in caplog.text
