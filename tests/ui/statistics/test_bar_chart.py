"""The bar chart widget: paints without warnings, exposes its numbers, readable tooltips."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from doancoso.ui.statistics.bar_chart import BarChart


def _painted(chart: BarChart) -> QImage:
    return chart.grab().toImage()


def test_paints_bars_and_exposes_data(qtbot: QtBot) -> None:
    chart = BarChart("Theo giới tính")
    qtbot.addWidget(chart)
    chart.set_data({"Nam": 3, "Nữ": 2})
    chart.resize(440, chart.sizeHint().height())
    assert chart.data() == [("Nam", 3), ("Nữ", 2)]
    assert chart.total() == 5
    assert chart.as_text() == "Theo giới tính\nNam: 3 (60,0%)\nNữ: 2 (40,0%)"
    assert chart.accessibleDescription() == chart.as_text()
    image = _painted(chart)
    blue = QColor(21, 101, 192).rgb()
    rows = {y for y in range(image.height()) for x in range(0, image.width(), 4)
            if image.pixel(x, y) == blue}  # fmt: skip
    assert rows  # bars were drawn
    assert chart.sizeHint().height() > 2 * chart.fontMetrics().height()


def test_rows_under_the_mouse(qtbot: QtBot) -> None:
    chart = BarChart("Theo chi đoàn")
    qtbot.addWidget(chart)
    chart.set_data({"Chi đoàn ấp Thạnh Điền": 1234, "Chi đoàn ấp Xóm Mới": 0})
    chart.resize(300, chart.sizeHint().height())
    _painted(chart)  # long labels are elided, never overlap the bars
    top = chart._title_height()
    assert chart._row_at(QPoint(10, 2)) is None
    assert chart._row_at(QPoint(10, top + 2)) == 0
    assert chart._row_at(QPoint(10, top + chart._row_height() + 2)) == 1
    assert chart.row_text(0) == "Chi đoàn ấp Thạnh Điền: 1.234 (100,0%)"


def test_empty_chart_paints(qtbot: QtBot) -> None:
    """No item, or only zeros: the chart shows "Chưa có số liệu", and says it to screen
    readers too rather than its title alone or rows of zeros it does not show."""
    chart = BarChart("Theo dân tộc")
    qtbot.addWidget(chart)
    chart.set_data({})
    chart.resize(chart.sizeHint())
    assert not _painted(chart).isNull()
    assert chart.as_text() == "Theo dân tộc\nChưa có số liệu"
    assert chart.accessibleDescription() == "Theo dân tộc\nChưa có số liệu"
    chart.set_data({"Kinh": 0, "Khmer": 0})
    assert chart.as_text() == "Theo dân tộc\nChưa có số liệu"
    assert chart.accessibleDescription() == "Theo dân tộc\nChưa có số liệu"
