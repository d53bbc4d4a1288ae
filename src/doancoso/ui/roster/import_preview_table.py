"""The import wizard's preview table: every row of the sheet and what importing it would do.

A plain list model over :attr:`ImportPreview.rows` (an import file holds a few thousand rows at
most); "only rows with problems" is a list of visible positions, rebuilt when the switch flips.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.lang.dates import DAY, format_vn_date
from ...core.roster.spreadsheets import (
    ERROR,
    IMPORT_FIELDS,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ImportPreview,
    ImportRow,
)

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, int], ...] = (
    ("Dòng", 50),
    ("Họ và tên", 190),
    ("Ngày sinh", 90),
    ("CCCD", 110),
    ("Chi đoàn", 150),
    ("Kết quả", 190),
    ("Vấn đề", 400),
)
COL_ROW, COL_NAME, COL_BIRTH, COL_ID, COL_BRANCH, COL_ACTION, COL_PROBLEMS = range(len(COLUMNS))

ACTION_LABELS = {NEW: "Thêm mới", UPDATE: "Cập nhật", UNCHANGED: "Không đổi", REJECTED: "Bị loại"}
ACTION_COLOURS = {
    NEW: QColor("#1b6e20"),
    UPDATE: QColor("#0d47a1"),
    UNCHANGED: QColor("#616161"),
    REJECTED: QColor("#b71c1c"),
}
REJECTED_BACKGROUND = QColor("#fdecea")
WARNING_BACKGROUND = QColor("#fff8e1")


def field_label(name: str) -> str:
    """The label of an import field inside a sentence: "ngày sinh", "số CCCD/CMND"."""
    label = IMPORT_FIELDS.get(name, name)
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def action_text(row: ImportRow) -> str:
    """ "Thêm mới", "Cập nhật (ngày sinh, chi đoàn)", "Không đổi", "Bị loại"."""
    text = ACTION_LABELS.get(row.action, row.action)
    if row.action == UPDATE and row.changed:
        text += f" ({', '.join(field_label(name) for name in row.changed)})"
    return text


def problems_text(row: ImportRow) -> str:
    """The row's problems as sentences: "Thiếu ngày sinh. Số CCCD “12” không hợp lệ: …"."""
    return " ".join(
        p.message if p.message.endswith((".", "!", "?", "…")) else f"{p.message}."
        for p in row.problems
    )


def summary_text(preview: ImportPreview) -> str:
    """ "Thêm mới 120 · Cập nhật 3 · Không đổi 10 · Bị loại 2"."""
    return (
        f"Thêm mới {preview.count(NEW)} · Cập nhật {preview.count(UPDATE)} · "
        f"Không đổi {preview.count(UNCHANGED)} · Bị loại {preview.count(REJECTED)}"
    )


def _birth(values: dict[str, object]) -> str:
    birth = values.get("birth_date")
    if isinstance(birth, date):
        return format_vn_date(birth, str(values.get("birth_precision", DAY)))
    return "" if birth is None else str(birth)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an :class:`ImportPreview`; ``problems_only`` hides the rows without problems."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self._visible: list[int] = []
        self._problems_only = False

    # Content ------------------------------------------------------------------------------

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self._rebuild()
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        if on == self._problems_only:
            return
        self.beginResetModel()
        self._problems_only = on
        self._rebuild()
        self.endResetModel()

    @property
    def problems_only(self) -> bool:
        return self._problems_only

    def _rebuild(self) -> None:
        rows = self.preview.rows if self.preview is not None else []
        self._visible = [
            i
            for i, row in enumerate(rows)
            if not self._problems_only or row.problems or row.action == REJECTED
        ]

    def import_row(self, row: int) -> ImportRow:
        assert self.preview is not None
        return self.preview.rows[self._visible[row]]

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self.import_row(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(row, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text or None
            return text
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_ACTION:
            return QBrush(ACTION_COLOURS.get(row.action, QColor("black")))
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.action == REJECTED:
                return QBrush(REJECTED_BACKGROUND)
            if any(p.severity != ERROR for p in row.problems):
                return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: ImportRow, column: int) -> str:
        values = row.values
        if column == COL_ROW:
            return str(row.row)
        if column == COL_NAME:
            return _text(values.get("full_name"))
        if column == COL_BIRTH:
            return _birth(values)
        if column == COL_ID:
            return _text(values.get("national_id"))
        if column == COL_BRANCH:
            return _text(values.get("branch"))
        if column == COL_ACTION:
            return action_text(row)
        return problems_text(row)
