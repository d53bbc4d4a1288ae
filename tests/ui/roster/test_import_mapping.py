"""Step 2 of the import wizard: the wheel scrolls the column choices instead of changing them,
a column chosen for two fields is named and stops "Tiếp", and no field name is cut."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import MAPPING_PAGE, PREVIEW_PAGE, ImportWizard
from scripted import ScriptedPrompts, synchronous_core

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Ngày vào Đoàn", "Dân tộc"]

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen only


def make_roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Nam", "Chi đoàn ấp 1", "26/03/2017", "Kinh"])
    sheet.append([2, "Trần Thị Bình", "12/11/2003", "Nữ", "Chi đoàn ấp 1", "", "Kinh"])
    book.save(path)
    return path


@pytest.fixture
def wizard(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> ImportWizard:
    dialog = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(dialog)
    dialog.set_file(make_roster(tmp_path / "ds.xlsx"))
    dialog.next()
    assert dialog.page == MAPPING_PAGE
    return dialog


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel ``steps`` notches (negative: towards the user) over ``widget``'s middle."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unclicked_choice_scrolls_the_table(
    qtbot: QtBot, wizard: ImportWizard
) -> None:
    wizard.show()
    qtbot.waitExposed(wizard)
    table = wizard.mapping_table
    combo = wizard.mapping_combos["admission_date"]
    assert combo.currentText() == "Cột F: Ngày vào Đoàn" and not combo.hasFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives it no focus
    table.scrollToTop()
    scrollbar = table.verticalScrollBar()
    assert scrollbar.maximum() > 0 and scrollbar.value() == 0
    wheel(combo)
    assert combo.currentText() == "Cột F: Ngày vào Đoàn"
    assert scrollbar.value() > 0
    assert wizard.chosen_mapping()["admission_date"] == 5
    assert wizard.mapping_error.text() == ""


def test_a_column_chosen_for_two_fields_is_named_and_stops_next(
    qtbot: QtBot, wizard: ImportWizard
) -> None:
    assert wizard.next_button.isEnabled()
    wizard.set_mapping("admission_date", 6)  # "Dân tộc", already the ethnicity's column
    message = (
        "Cột G (“Dân tộc”) đang được chọn cho cả hai thông tin “Dân tộc” và “Ngày vào Đoàn”. "
        "Mỗi cột của tệp chỉ ghép với một thông tin: hãy chọn lại cho thông tin không lấy từ "
        "cột G."
    )
    assert wizard.mapping_error.text() == message
    table = wizard.mapping_table
    assert table.clash_notes["admission_date"].text() == "⚠ Cùng cột với “Dân tộc”"
    assert table.clash_notes["ethnicity"].text() == "⚠ Cùng cột với “Ngày vào Đoàn”"
    assert "b71c1c" in table.labels["admission_date"].styleSheet()
    assert "b71c1c" in table.labels["ethnicity"].styleSheet()
    assert table.clash_notes["full_name"].text() == ""
    assert table.labels["full_name"].styleSheet() == ""
    assert not wizard.next_button.isEnabled()
    wizard.next()  # refused even when called directly
    assert wizard.page == MAPPING_PAGE
    wizard.set_mapping("admission_date", 5)
    assert wizard.mapping_error.text() == ""
    assert table.clash_notes["ethnicity"].text() == ""
    assert table.labels["ethnicity"].styleSheet() == ""
    assert wizard.next_button.isEnabled()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE


def test_no_field_name_is_cut_at_the_default_size(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.show()
    qtbot.waitExposed(wizard)
    table = wizard.mapping_table
    column = table.columnWidth(0)
    labels = table.labels
    longest = max(labels.values(), key=lambda label: len(label.text()))
    assert "Đánh giá, xếp loại đoàn viên (vào ghi chú)" in longest.text()
    for label in labels.values():
        needed = label.fontMetrics().horizontalAdvance(label.text())
        needed += label.contentsMargins().left() + label.contentsMargins().right()
        assert needed <= column, label.text()
        assert needed <= label.width(), label.text()
    # The choices take the rest of the width: nothing is left empty on the right.
    assert column + table.columnWidth(1) >= table.viewport().width() - 1
