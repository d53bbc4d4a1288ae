"""The results of a round, under the grid: the decided levels counted by chi đoàn and in total
(``ws.rating.summary``) with each chi đoàn's own level (editable while the round is open, typed
1–4 as in the grid), the organisation's own level and remark, and the members decided "Hoàn
thành xuất sắc nhiệm vụ" (for commendation and for introducing to the Party).

Nothing is saved here: the edits are handed to the page
(:attr:`ResultsPanel.branch_level_requested`, :attr:`ResultsPanel.own_level_requested`), which
saves them through the core.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.text import nfc_multiline_or_none, vn_number
from ...core.rating.rules import LEVELS
from ...core.rating.service import LevelCounts, RatingRow
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP
from .model import SHORT_LEVELS, birth_text, level_text
from .view import NO_LEVEL, ChoiceDelegate

Index = QModelIndex | QPersistentModelIndex
SUMMARY_HEADERS = ("Chi đoàn", *SHORT_LEVELS.values(), "Chưa quyết định", "Không xếp loại",
                   "Xếp loại chi đoàn")  # fmt: skip
COL_BRANCH_LEVEL = len(SUMMARY_HEADERS) - 1
EXCELLENT_HEADERS = ("STT", "Họ và tên", "Ngày sinh", "Chi đoàn", "Nhận xét")
_FONT = int(Qt.ItemDataRole.FontRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class SummaryModel(QAbstractTableModel):
    """One row per chi đoàn (``LevelCounts``), the whole organisation last (in bold)."""

    branch_level_requested = Signal(str, object)
    """(chi đoàn id, level or None)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LevelCounts] = []
        self.read_only = True
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[LevelCounts], read_only: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.read_only = read_only
        self.endResetModel()

    @property
    def rows(self) -> Sequence[LevelCounts]:
        return self._rows

    def row_texts(self) -> list[tuple[str, ...]]:
        """The table as the user reads it."""
        return [
            tuple(str(self.index(r, c).data() or "") for c in range(len(SUMMARY_HEADERS)))
            for r in range(len(self._rows))
        ]

    def _is_total(self, row: int) -> bool:
        return row == len(self._rows) - 1

    def _editable(self, index: Index) -> bool:
        return (
            not self.read_only
            and index.column() == COL_BRANCH_LEVEL
            and not self._is_total(index.row())
            and self._rows[index.row()].branch_id is not None
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SUMMARY_HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS | Qt.ItemFlag.ItemIsEditable if self._editable(index) else CELL_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(SUMMARY_HEADERS):
            return SUMMARY_HEADERS[section]
        if horizontal and role == TOOLTIP and 1 <= section <= len(LEVELS):
            return f"{LEVELS[section]}: số đoàn viên (tỉ lệ trên số đã quyết định)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        counts, column = self._rows[index.row()], index.column()
        if role == ALIGNMENT:
            return ALIGN_LEFT if column in (0, COL_BRANCH_LEVEL) else ALIGN_RIGHT
        if role == _FONT:
            return self._bold if self._is_total(index.row()) else None
        if role == _EDIT:
            return counts.branch_level if column == COL_BRANCH_LEVEL else None
        if role == TOOLTIP and column == COL_BRANCH_LEVEL:
            if self._is_total(index.row()) or counts.branch_id is None:
                return None
            lines = [LEVELS[counts.branch_level]] if counts.branch_level else []
            if counts.branch_remark:
                lines.append(counts.branch_remark)
            return "\n".join(lines) or "Chưa xếp loại chi đoàn: gõ 1–4 hoặc bấm đúp để chọn mức."
        if role != DISPLAY:
            return None
        if column == 0:
            return counts.branch
        if column <= len(LEVELS):
            return counts.count_text(column)  # "12 (30,0%)", as printed
        if column == len(LEVELS) + 1:
            return vn_number(counts.undecided)
        if column == len(LEVELS) + 2:
            return vn_number(counts.not_rated)
        return level_text(counts.branch_level)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _EDIT or not index.isValid() or not self._editable(index):
            return False
        branch_id = self._rows[index.row()].branch_id
        assert branch_id is not None
        self.branch_level_requested.emit(branch_id, value)
        return True


class ExcellentModel(QAbstractTableModel):
    """The members decided at level 1."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RatingRow] = []

    def set_rows(self, rows: Sequence[RatingRow]) -> None:
        self.beginResetModel()
        self._rows = [r for r in rows if r.eligible and r.decided_level == 1]
        self.endResetModel()

    @property
    def names(self) -> list[str]:
        return [r.full_name for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EXCELLENT_HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(EXCELLENT_HEADERS):
            return EXCELLENT_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (DISPLAY, ALIGNMENT):
            return None
        column = index.column()
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column == 0 else ALIGN_LEFT
        r = self._rows[index.row()]
        cells = (str(index.row() + 1), r.full_name, birth_text(r), r.branch or "", r.remark or "")
        return cells[column]


class SummaryView(QTableView):
    """The counts by chi đoàn; in the chi đoàn's own level, as in the grid above, the digits
    1–4 set the level and Delete (or 0) clears it (a double click or F2 opens the list)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.currentIndex()
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            self.state() != QTableView.State.EditingState
            and index.isValid()
            and index.column() == COL_BRANCH_LEVEL
            and modifiers == Qt.KeyboardModifier.NoModifier
            and (Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or key in _CLEAR_KEYS)
        ):
            level = key - Qt.Key.Key_0 if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 else 0
            editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
            if editable and level <= len(LEVELS) and index.data(_EDIT) != (level or None):
                self.model().setData(index, level or None, _EDIT)
            return
        super().keyPressEvent(event)


def _table(
    model: QAbstractTableModel, stretch: int, widths: tuple[int, ...] | None = None,
    view: QTableView | None = None,
) -> QTableView:  # fmt: skip
    """A read-only looking table (``view``, a new one by default); columns fitted to their
    contents, or of ``widths`` (a list that can hold thousands of rows is not measured row by
    row)."""
    view = view if view is not None else QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as it leaves the grid above
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif widths is not None:
            view.setColumnWidth(column, widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


def _as_stored(level: int | None, remark: str | None) -> tuple[int | None, str]:
    """A level and remark as the core stores them (the remark in NFC, trimmed)."""
    return level, nfc_multiline_or_none(remark) or ""


class ResultsPanel(QTabWidget):
    """The three tabs under the grid; see the module docstring."""

    branch_level_requested = Signal(str, object)
    own_level_requested = Signal(object, str)
    """(level or None, remark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = SummaryModel(self)
        self.summary.branch_level_requested.connect(self.branch_level_requested)
        self.summary_view = _table(self.summary, 0, view=SummaryView())
        self.summary_view.setItemDelegateForColumn(COL_BRANCH_LEVEL, ChoiceDelegate(self))
        self.summary_view.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.SelectedClicked
        )  # fmt: skip
        self.addTab(self.summary_view, "Kết quả theo mức")
        self.excellent = ExcellentModel(self)
        self.addTab(self._excellent_tab(), "")
        self.addTab(self._own_tab(), "Xếp loại Đoàn cơ sở")
        self._own_shown = _as_stored(None, None)  # the level and remark stored, last shown
        self._set_excellent_title()

    def _excellent_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        hint = QLabel(
            f"Đoàn viên được Ban Chấp hành xếp loại “{LEVELS[1]}”: để đề nghị khen thưởng và "
            "giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.excellent_view = _table(self.excellent, 4, (40, 180, 85, 150, 0))
        self.excellent_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.excellent_view, 1)
        return box

    def _own_tab(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.own_level = QComboBox()
        self.own_level.addItem(NO_LEVEL, None)
        for level, name in LEVELS.items():
            self.own_level.addItem(f"{level}. {name}", level)
        # Letters no menu (Alt+T, S, X, V, G) nor the page (N, K, C, Q, L, M, E, H, I, U) takes:
        # "Nhận xét" has none of its own.
        self.own_level_label = QLabel("Mức xế&p loại:")
        self.own_level_label.setBuddy(self.own_level)
        form.addRow(self.own_level_label, self.own_level)
        self.own_remark = QLineEdit()
        self.own_remark.setMinimumWidth(560)
        self.own_remark.setPlaceholderText("Nhận xét chung về Đoàn cơ sở trong năm")
        self.own_remark_label = QLabel("Nội &dung nhận xét:")
        self.own_remark_label.setBuddy(self.own_remark)
        form.addRow(self.own_remark_label, self.own_remark)
        row = QHBoxLayout()
        self.own_save = QPushButton("Lư&u xếp loại Đoàn cơ sở")
        self.own_save.setToolTip("Lưu mức và nhận xét của Đoàn cơ sở (Enter)")
        self.own_save.clicked.connect(self._own_save_clicked)
        self.own_remark.returnPressed.connect(self._own_save_clicked)  # as the settings' form
        row.addWidget(self.own_save)
        row.addStretch(1)
        form.addRow("", row)
        note = QLabel("Kết quả “Đoàn cơ sở 3 chủ động” là căn cứ quan trọng khi tự xếp loại.")
        note.setStyleSheet("color: #616161;")
        form.addRow("", note)
        return box

    def _own_save_clicked(self) -> None:
        self.own_level_requested.emit(self.own_level.currentData(), self.own_remark.text())

    def _set_excellent_title(self) -> None:
        count = self.excellent.rowCount()
        self.setTabText(1, f"Hoàn thành xuất sắc ({vn_number(count)})")

    def show_results(
        self, summary: Sequence[LevelCounts], rows: Sequence[RatingRow], read_only: bool
    ) -> None:
        view, current = self.summary_view, self.summary_view.currentIndex()
        kept = (self.summary.rows[current.row()].branch, current.column()) if (
            current.isValid()) else None  # fmt: skip
        self.summary.set_rows(summary, read_only)
        if kept is not None:  # the cell a level was just typed in stays current
            row = next((n for n, c in enumerate(summary) if c.branch == kept[0]), None)
            if row is not None:
                view.setCurrentIndex(self.summary.index(row, kept[1]))
        self.excellent.set_rows(rows)
        self._set_excellent_title()

    def own_typed(self) -> tuple[int | None, str]:
        """The organisation's level and remark as they stand in the tab."""
        return self.own_level.currentData(), self.own_remark.text()

    def own_modified(self) -> bool:
        """Whether the tab holds a level or remark typed and not saved (an open round)."""
        return self.own_level.isEnabled() and _as_stored(*self.own_typed()) != self._own_shown

    def own_saved(self, level: int | None, remark: str) -> None:
        """``level`` and ``remark`` were saved: what the tab holds is no longer unsaved."""
        self._own_shown = _as_stored(level, remark)

    def show_own(self, level: int | None, remark: str | None, read_only: bool) -> None:
        """Show the organisation's level and remark as stored; a level or remark typed and
        not saved is kept while the round stays open (the round is read again after many a
        change: they are the secretary's until saved)."""
        keep = not read_only and self.own_modified()
        self._own_shown = _as_stored(level, remark)
        if not keep:
            self.own_level.setCurrentIndex(max(0, self.own_level.findData(level)))
            self.own_remark.setText(remark or "")
        # The labels grey with their fields: a closed round's letters lead nowhere.
        for widget in (self.own_level_label, self.own_level, self.own_remark_label,
                       self.own_remark, self.own_save):  # fmt: skip
            widget.setEnabled(not read_only)
