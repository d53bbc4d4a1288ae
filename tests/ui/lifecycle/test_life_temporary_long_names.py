"""The temporary stays with a long chi đoàn and a long home organisation: the period stays in
sight at the dialog's size, the long names shortened, whole on hover. The chi đoàn's column took
its whole text's width and pushed "Từ ngày" and "Đến ngày (hết hạn)", what the list is for, out
of the table's view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # a window shown offscreen

BRANCH = "Chi đoàn Khu công nghiệp Tân Tạo mở rộng phường Tân Tạo A thành phố Hồ Chí Minh"
HOME = "Đoàn Trường Đại học Sư phạm Kỹ thuật Thành phố Hồ Chí Minh"


def test_the_period_stays_in_sight(qtbot: QtBot, ws: Workspace, add_member: AddMember) -> None:
    thu = add_member("Tôn Nữ Thị Ngọc Phương Thảo Nguyên Hoàng Anh Thư", "01/01/2001",
                     branch=BRANCH)  # fmt: skip
    ws.events.record(thu, "temporary", "01/01/2024", home_organization=HOME,
                     period_start="01/01/2024", period_end="01/01/2025")  # fmt: skip
    dialog = TemporaryStaysDialog(synchronous_core(ws, ScriptedPrompts()), today=date(2025, 6, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, model = dialog.table, dialog.model
    assert model.index(0, 4).data() == "01/01/2025 (hết hạn)"
    last = model.columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert right <= table.viewport().width()
    for column in (3, 4):  # the dates whole
        text = model.index(0, column).data()
        assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text)
    tips = [model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) for column in (1, 2)]
    assert tips == [BRANCH, HOME]
