"""The register of criterion 3 as tables: advice to the Party committee and coordination with
other bodies, each row a record of the year with its number of files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...core.lang.dates import format_vn_date
from ...core.recognition.registers import NO_ANSWER, Advice, Coordination
from ..common.cells import CELL_FLAGS, DISPLAY, TOOLTIP

R = TypeVar("R", Advice, Coordination)
Index = QModelIndex | QPersistentModelIndex
RECORD_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
Column = tuple[str, Callable[[Any, "RecordsModel[Any]"], str]]


def _answer(record: Advice, _model: RecordsModel[Any]) -> str:
    return record.answer or ("" if record.answer_day else NO_ANSWER)


ADVICE_COLUMNS: tuple[Column, ...] = (
    ("Ngày", lambda r, _m: format_vn_date(r.day)),
    ("Số", lambda r, _m: r.number or ""),
    ("Tên văn bản, đề xuất", lambda r, _m: r.title),
    ("Trả lời của cấp ủy", _answer),
    ("Ngày trả lời", lambda r, _m: format_vn_date(r.answer_day)),
    ("Tệp", lambda r, m: str(m.file_count(r.id) or "")),
)
COORDINATION_COLUMNS: tuple[Column, ...] = (
    ("Thời gian", lambda r, _m: r.period),
    ("Cơ quan, đơn vị phối hợp", lambda r, _m: r.partner),
    ("Chương trình, nội dung", lambda r, _m: r.title),
    ("Kết quả", lambda r, _m: r.results or ""),
    ("Hoạt động liên kết", lambda r, m: m.activities.get(r.activity_id or "", "")),
    ("Tệp", lambda r, m: str(m.file_count(r.id) or "")),
)


class RecordsModel(QAbstractTableModel, Generic[R]):
    """Rows of records of one kind, in the order the core lists them (by date)."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.records: list[R] = []
        self.files: dict[str, int] = {}
        self.activities: dict[str, str] = {}

    def set_records(
        self, records: Sequence[R], files: dict[str, int], activities: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.files = dict(files)
        self.activities = dict(activities)
        self.endResetModel()

    def file_count(self, record_id: str) -> int:
        return self.files.get(record_id, 0)

    def row_of(self, record_id: str) -> int | None:
        return next((n for n, r in enumerate(self.records) if r.id == record_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role in (DISPLAY, TOOLTIP):
            text = self.columns[index.column()][1](record, self)
            return text if role == DISPLAY else (text or None)
        if role == RECORD_ID_ROLE:
            return record.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
