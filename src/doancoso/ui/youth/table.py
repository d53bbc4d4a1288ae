"""The youth register table model: the ordered ids of a :class:`YouthFilter`, rows fetched lazily.

The same pattern as :mod:`..roster.member_table` (the register is small, but a view never asks the
core for more rows than it paints): ids only in the model, rows read ``BLOCK`` at a time and kept in
a
small LRU cache, sorting and filtering done by the core (``YouthService.ids``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.youth.export import youth_cells
from ...core.youth.service import YouthFilter, YouthRow, YouthService
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP
from ..common.lazy_rows import LazyRows

YOUTH_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The id of the young person on a row."""
_YOUTH_ID = int(YOUTH_ID_ROLE)

BLOCK = 200
MAX_BLOCKS = 20

# (header, core sort key or None when the core cannot sort on it, default width in pixels)
COLUMNS: tuple[tuple[str, str | None, int], ...] = (
    ("STT", "name", 45),
    ("Họ và tên", "name", 185),
    ("Ngày sinh", "birth_date", 85),
    ("Giới tính", None, 65),
    ("Dân tộc", None, 70),
    ("Tôn giáo", None, 80),
    ("Ấp/khu phố", "hamlet", 110),
    ("Nghề nghiệp", None, 110),
    ("Đi làm ăn xa (nơi)", None, 135),
    ("Hoàn cảnh khó khăn", None, 150),
    ("Đoàn viên theo dõi (1+1)", None, 175),
    ("Điện thoại", None, 95),
)
COL_STT, COL_NAME, COL_BIRTH, COL_ETHNICITY, COL_RELIGION = 0, 1, 2, 4, 5
LENDERS = (COL_NAME, 7, 8, 9, 10)
"""The wide columns (the name, occupation to the 1+1 member) that give "Dân tộc" or "Tôn giáo"
their width while shown (:func:`lent_widths`), so that the phone stays in sight."""
SORTABLE = frozenset(i for i, (_, key, _) in enumerate(COLUMNS) if key)

Index = QModelIndex | QPersistentModelIndex


def table_cells(youth: YouthRow) -> list[str]:
    """The cells of :data:`COLUMNS` after the STT: the register's (:func:`youth_cells`), with
    the dân tộc and tôn giáo after the gender, as the printed lists put them."""
    cells = youth_cells(youth)
    return [*cells[:3], youth.ethnicity or "", youth.religion or "", *cells[3:]]


def hidden_columns(flt: YouthFilter) -> set[int]:
    """The columns the page hides for ``flt``: "Dân tộc" but on the list of ethnic-minority
    youth, "Tôn giáo" but on that of religious youth, as the printed lists show them (every
    other column stays in sight at 1366×768), each showing why a person is on its list."""
    shown = ((COL_ETHNICITY, flt.minority_only), (COL_RELIGION, flt.religious_only))
    return {column for column, on in shown if not on}


def lent_widths(hidden: set[int]) -> list[int]:
    """What each column gives up while the columns not in ``hidden`` of "Dân tộc" and "Tôn
    giáo" are shown: their default widths, taken from :data:`LENDERS` in proportion to those
    columns' default widths, so that the table keeps its width."""
    lent = [0] * len(COLUMNS)
    owed = sum(COLUMNS[c][2] for c in (COL_ETHNICITY, COL_RELIGION) if c not in hidden)
    room = sum(COLUMNS[c][2] for c in LENDERS)
    for column in LENDERS[:-1]:
        lent[column] = owed * COLUMNS[column][2] // room
    lent[LENDERS[-1]] = owed - sum(lent)
    return lent


class YouthTableModel(QAbstractTableModel):
    """Young people shown by a :class:`YouthFilter`, in the order of a core sort."""

    reloaded = Signal()
    """Emitted after the ids were queried again (filter, sort or data changed)."""

    def __init__(self, youth: YouthService, parent: Any = None) -> None:
        super().__init__(parent)
        self._youth = youth
        self._rows: LazyRows[YouthRow] = LazyRows(self._youth.rows, BLOCK, MAX_BLOCKS)
        self._filter = YouthFilter()
        self._sort = "name"
        self._descending = False
        self.total = 0

    # Query --------------------------------------------------------------------------------

    @property
    def youth_filter(self) -> YouthFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: YouthFilter) -> None:
        self._filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the core by the column's key; columns the core cannot sort on are ignored."""
        if column not in SORTABLE:
            return
        self._sort = COLUMNS[column][1] or "name"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def reload(self) -> None:
        """Ask the core again for the ids (after a filter, a sort or a change of the data)."""
        self.beginResetModel()
        self._rows.reset(self._youth.ids(self._filter, self._sort, self._descending))
        self.total = self._youth.count(YouthFilter(include_admitted=self._filter.include_admitted))
        self.endResetModel()
        self.reloaded.emit()

    # Lookup -------------------------------------------------------------------------------

    @property
    def ids(self) -> Sequence[str]:
        return self._rows.ids

    def youth_id(self, row: int) -> str:
        return self._rows.ids[row]

    def row_of(self, youth_id: str) -> int | None:
        return self._rows.position_of(youth_id)

    def youth_row(self, row: int) -> YouthRow | None:
        """The fetched row at ``row`` (None if the young person was deleted since)."""
        return self._rows.row(row)

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (DISPLAY, TOOLTIP, ALIGNMENT, _YOUTH_ID) or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _YOUTH_ID:
            return self._rows.ids[row]
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column in (COL_STT, COL_BIRTH) else ALIGN_LEFT
        if column == COL_STT:
            return str(row + 1)
        youth = self.youth_row(row)
        if youth is None:
            return ""
        text = table_cells(youth)[column - 1]
        if youth.admitted_member_id and column == COL_NAME:
            text += " (đã kết nạp)"
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS
