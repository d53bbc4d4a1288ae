"""What a QTableWidget shows in a cell, typed: Qt may answer None (no item, no widget), which a
test reading the cell it filled takes as a failure."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

W = TypeVar("W", bound=QWidget)


def cell_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell."""
    found = table.item(row, column)
    assert found is not None, f"no item at ({row}, {column})"
    return found


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a cell."""
    return cell_item(table, row, column).text()


def header_text(table: QTableWidget, column: int) -> str:
    """The text of a column's heading."""
    found = table.horizontalHeaderItem(column)
    assert found is not None, f"no heading for column {column}"
    return found.text()


def cell_widget(table: QTableWidget, row: int, column: int, kind: type[W]) -> W:
    """The widget of a cell, of the kind the test expects there."""
    widget = table.cellWidget(row, column)
    assert isinstance(widget, kind), f"{widget!r} at ({row}, {column})"
    return widget
