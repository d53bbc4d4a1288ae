"""The youth table model: passes the model tester, Vietnamese cells, core sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter
from doancoso.ui.youth.table import YOUTH_ID_ROLE, YouthTableModel

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Ấp/khu phố",
           "Nghề nghiệp",
           "Đi làm ăn xa (nơi)", "Hoàn cảnh khó khăn", "Đoàn viên theo dõi (1+1)",
           "Điện thoại"]  # fmt: skip


def test_model_passes_the_model_tester(qtmodeltester, demo_ws: Workspace) -> None:
    model = YouthTableModel(demo_ws.youth)
    model.reload()
    assert model.rowCount() == demo_ws.youth.count() > 0
    qtmodeltester.check(model)


def test_cells_are_vietnamese(qtbot: QtBot, youth_ws: Workspace) -> None:
    model = YouthTableModel(youth_ws.youth)
    model.reload()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == HEADERS
    cells = {
        model.data(model.index(r, 1)): [
            model.data(model.index(r, c)) for c in range(model.columnCount())
        ]
        for r in range(model.rowCount())
    }
    assert cells["Nguyễn Thị Thủy"][1:] == [
        "Nguyễn Thị Thủy", "12/03/2004", "Nữ", "", "", "Ấp Tân Hưng", "", "", "Hộ nghèo",
        "Nguyễn Thị Như Quỳnh", "",
    ]  # fmt: skip
    assert cells["Trần Thị Thuỷ"][2] == "2005"
    assert cells["Trần Thị Thuỷ"][8] == "TP. Hồ Chí Minh"
    assert cells["Đặng Thu Hà"][8] == "Có"
    assert cells["Lê Văn An"][11] == "0912345678"
    assert [model.data(model.index(r, 0)) for r in range(5)] == ["1", "2", "3", "4", "5"]
    assert model.data(model.index(0, 3), YOUTH_ID_ROLE) == youth_ws.youth.ids()[0]


def test_sorting_follows_the_core(qtbot: QtBot, youth_ws: Workspace) -> None:
    model = YouthTableModel(youth_ws.youth)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert list(model.ids) == youth_ws.youth.ids(YouthFilter(), "birth_date", True)
    model.sort(6)
    assert list(model.ids) == youth_ws.youth.ids(YouthFilter(), "hamlet")
    model.sort(7)  # the core does not sort by occupation: the order stays
    assert list(model.ids) == youth_ws.youth.ids(YouthFilter(), "hamlet")
