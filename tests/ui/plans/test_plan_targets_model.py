"""The targets table model: what each cell says, the share's role and colour, the tester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from doancoso.core.workspace import Workspace
from doancoso.ui.plans.targets import (
    HALF_COLOUR,
    HEADERS,
    LOW_COLOUR,
    MET_COLOUR,
    SHARE_ROLE,
    TARGET_ID_ROLE,
    TargetTableModel,
    share_colour,
)
from plan_data import AS_OF, YEAR, make_plan_data


def _model(ws: Workspace) -> TargetTableModel:
    make_plan_data(ws)
    plan = ws.plans.get(YEAR, AS_OF)
    assert plan is not None
    model = TargetTableModel()
    model.set_targets(plan.targets, ws.activities.kind_names())
    return model


def test_cells(ws: Workspace) -> None:
    model = _model(ws)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))]
    assert headers == ["STT", "Tiêu chí", "Chỉ tiêu", "Kế hoạch", "Đạt được", "Tỉ lệ (%)",
                       "Nguồn số liệu"]  # fmt: skip
    rows = [[model.index(r, c).data() for c in range(len(HEADERS))] for r in range(5)]
    assert rows == [
        ["1", "1", "Kết nạp đoàn viên mới", "4 đoàn viên", "2 đoàn viên", "50,0", "Đo tự động"],
        ["2", "2", "Chi đoàn sinh hoạt định kỳ hằng tháng", "100%", "50%", "50,0", "Đo tự động"],
        ["3", "2", "Tổ chức 4 hoạt động Ngày Chủ nhật xanh", "4 hoạt động", "1 hoạt động",
         "25,0", "Đo tự động"],
        ["4", "3", "Tham mưu cấp ủy ban hành văn bản về công tác thanh niên", "2 văn bản",
         "1 văn bản", "50,0", "Nhập tay"],
        ["5", "1", "Nắm tình hình thanh niên đi làm ăn xa", "–", "–", "–", "Chưa nhập"],
    ]  # fmt: skip
    assert [model.index(r, 0).data(SHARE_ROLE) for r in range(5)] == [0.5, 0.5, 0.25, 0.5, None]
    assert model.index(0, 0).data(TARGET_ID_ROLE) == model.target(0).id
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tiêu chí 1: Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên"
    )
    assert model.index(2, 6).data(Qt.ItemDataRole.ToolTipRole) == (
        "Ứng dụng tự tính: Số hoạt động đã thực hiện (theo loại) – loại “Ngày Chủ nhật xanh”."
    )
    assert model.index(3, 6).data(Qt.ItemDataRole.ToolTipRole).startswith("Kết quả do Bí thư")


def test_share_colours() -> None:
    assert share_colour(1.0) == MET_COLOUR and share_colour(1.4) == MET_COLOUR
    assert share_colour(0.5) == HALF_COLOUR and share_colour(0.99) == HALF_COLOUR
    assert share_colour(0.49) == LOW_COLOUR and share_colour(0) == LOW_COLOUR


def test_the_share_is_drawn_as_a_bar(qtbot, ws: Workspace) -> None:
    from PySide6.QtWidgets import QTableView

    from doancoso.ui.plans.targets import COL_SHARE, ShareDelegate

    model = _model(ws)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setItemDelegateForColumn(COL_SHARE, ShareDelegate(table))
    table.resize(1000, 400)
    for row in range(model.rowCount()):
        table.setRowHeight(row, 40)
    image = table.grab().toImage()
    rect = table.visualRect(model.index(2, COL_SHARE))  # 25 %: a red bar, a quarter long
    offset = table.viewport().pos()
    pixels = {
        image.pixelColor(x + offset.x(), y + offset.y()).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert LOW_COLOUR.name() in pixels and MET_COLOUR.name() not in pixels
    rect = table.visualRect(model.index(4, COL_SHARE))  # no share: no bar
    pixels = {
        image.pixelColor(x + offset.x(), y + offset.y()).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert not pixels & {LOW_COLOUR.name(), HALF_COLOUR.name(), MET_COLOUR.name()}


def test_model_passes_the_model_tester(qtmodeltester, ws: Workspace) -> None:
    qtmodeltester.check(_model(ws))
    empty = TargetTableModel()
    qtmodeltester.check(empty)
