"""The roster table model: an ordered list of member ids, with rows fetched lazily in blocks.

Only ids live in the model (100,000 ids is a few MB); the rows a view paints are fetched from
the core ``BLOCK`` at a time and kept in a small LRU cache. Sorting and filtering are done by the
core (``MemberService.ids``), never by a proxy model over every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.lang.dates import format_vn_date
from ...core.lang.text import percent_cell, vn_number
from ...core.roster.service import MemberFilter, MemberRow, MemberService
from ...core.roster.vocab import GENDERS, STATUSES
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP
from ..common.lazy_rows import LazyRows

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell (codes, ISO dates), as the core sorts on it."""
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The id of the member on a row."""

PARTICIPATION = "participation"
"""The sort key of the participation column: sorted here, from the rates the page loaded."""
BLOCK = 200
MAX_BLOCKS = 40

# (header, core sort key, default width in pixels). Together they fit the table beside the
# sidebar at 1366×768, so that no column starts off the screen (the user's own widths are kept
# in the data folder's window state).
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("STT", "name", 50),
    ("Họ và tên", "name", 190),
    ("Ngày sinh", "birth_date", 85),
    ("Giới tính", "gender", 65),
    ("Chi đoàn", "branch", 160),
    ("Chức vụ", "position", 95),
    ("Trạng thái", "status", 145),
    ("CCCD", "national_id", 105),
    ("Điện thoại", "phone", 95),
    ("Mã đoàn viên", "member_code", 95),
    ("Tham gia", PARTICIPATION, 70),
)
COL_STT, COL_NAME, COL_BIRTH = 0, 1, 2
COL_PARTICIPATION = len(COLUMNS) - 1

Index = QModelIndex | QPersistentModelIndex
_SORT, _MEMBER_ID = int(SORT_ROLE), int(MEMBER_ID_ROLE)


def _display(row: MemberRow, column: int) -> str:
    if column == 1:
        return row.full_name
    if column == 2:
        return format_vn_date(row.birth_date, row.birth_precision)
    if column == 3:
        return GENDERS.get(row.gender or "", "")
    if column == 4:
        return row.branch_name or ""
    if column == 5:
        return row.held_position
    if column == 6:
        return STATUSES.get(row.status, row.status)
    if column == 7:
        return row.national_id or ""
    if column == 8:
        return row.phone or ""
    return row.member_code or ""


def _raw(row: MemberRow, column: int) -> str:
    values = (
        row.full_name,
        row.full_name,
        row.birth_date.isoformat(),
        row.gender,
        row.branch_name,
        row.held_position,
        row.status,
        row.national_id,
        row.phone,
        row.member_code,
    )
    return values[column] or ""


class MemberTableModel(QAbstractTableModel):
    """Members shown by a :class:`MemberFilter`, in the order of a core sort."""

    reloaded = Signal()
    """Emitted after the ids were queried again (filter, sort or data changed)."""

    def __init__(self, members: MemberService, parent: Any = None) -> None:
        super().__init__(parent)
        self._members = members
        self._rows: LazyRows[MemberRow] = LazyRows(self._members.rows, BLOCK, MAX_BLOCKS)
        self._filter = MemberFilter()
        self._sort = "name"
        self._descending = False
        self.total = 0
        self._rates: dict[str, tuple[int, int, int]] = {}
        self.rates_year: int | None = None

    # Query --------------------------------------------------------------------------------

    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: MemberFilter) -> None:
        self._filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the core by the column's sort key (STT: Vietnamese name order)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def set_rates(self, year: int, rates: dict[str, tuple[int, int, int]]) -> None:
        """The participation of ``year`` (member id → expected, attended, excused), loaded by
        the page off the GUI thread; shown in the last column."""
        self._rates, self.rates_year = rates, year
        if self._sort == PARTICIPATION:
            self.reload()
        elif self._rows.ids:
            top, bottom = (
                self.index(0, COL_PARTICIPATION),
                self.index(self.rowCount() - 1, COL_PARTICIPATION),
            )
            self.dataChanged.emit(top, bottom)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_PARTICIPATION, COL_PARTICIPATION)

    def rate(self, member_id: str) -> float | None:
        expected, attended, _ = self._rates.get(member_id, (0, 0, 0))
        return attended / expected if expected else None

    def _ordered_ids(self) -> list[str]:
        if self._sort != PARTICIPATION:
            return self._members.ids(self._filter, self._sort, self._descending)
        ids = self._members.ids(self._filter, "name")  # ties in name order; no rate last
        rated = sorted(
            (i for i in ids if self.rate(i) is not None),
            key=lambda i: self.rate(i) or 0.0,
            reverse=self._descending,
        )
        return rated + [i for i in ids if self.rate(i) is None]

    def reload(self) -> None:
        """Ask the core again for the ids (after a filter, a sort or a change of the data)."""
        self.beginResetModel()
        self._rows.reset(self._ordered_ids())
        self.total = self._members.count()
        self.endResetModel()
        self.reloaded.emit()

    def refresh_rows(self) -> None:
        """Fetch the shown rows again (same ids, e.g. after a chi đoàn was renamed)."""
        self._rows.forget_rows()
        if self._rows.ids:
            last = self.index(len(self._rows.ids) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # Lookup -------------------------------------------------------------------------------

    @property
    def ids(self) -> Sequence[str]:
        return self._rows.ids

    def member_id(self, row: int) -> str:
        return self._rows.ids[row]

    def row_of(self, member_id: str) -> int | None:
        return self._rows.position_of(member_id)

    def member_row(self, row: int) -> MemberRow | None:
        """The fetched row at ``row`` (None if the member vanished since the ids were read)."""
        return self._rows.row(row)

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (DISPLAY, TOOLTIP, ALIGNMENT, _SORT, _MEMBER_ID) or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column in (COL_STT, COL_BIRTH, COL_PARTICIPATION) else ALIGN_LEFT
        if role == _MEMBER_ID:
            return self._rows.ids[row]
        if column == COL_PARTICIPATION:
            return self._participation(self._rows.ids[row], role)
        if column == COL_STT:
            return row + 1 if role == _SORT else vn_number(row + 1)
        member = self.member_row(row)
        if member is None:
            return ""
        if role == _SORT:
            return _raw(member, column)
        return _display(member, column)

    def _participation(self, member_id: str, role: int) -> Any:
        expected, attended, excused = self._rates.get(member_id, (0, 0, 0))
        if role == _SORT:
            return self.rate(member_id)
        if not expected:
            return "" if role == DISPLAY else None
        if role == TOOLTIP:
            text = f"Năm {self.rates_year}: tham gia {attended}/{expected} buổi"
            return text + (f", vắng có phép {excused}" if excused else "")
        return percent_cell(100 * attended / expected)  # as the rating page's column

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        if horizontal and role == TOOLTIP and section == COL_PARTICIPATION:
            year = self.rates_year or ""
            return f"Tỉ lệ tham gia hoạt động năm {year} (buổi có mặt / buổi phải tham gia)"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS
