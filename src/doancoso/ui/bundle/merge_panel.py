"""Sáp nhập: where each chi đoàn of the other organisation goes, and who is the same person.

The dry run proposes (a chi đoàn of the same name joined with ours, the others kept; people
matched by CCCD, then by mã định danh, then by name and birth date); the secretary confirms or
changes it: for each of their chi đoàn "Giữ riêng" under its own or a new name, or "Gộp vào"
one of ours; each matched person, shown as both organisations hold them (name, birth date, chi
đoàn, CCCD, quê quán, why matched) on two lines of one row, can be unticked to keep them apart
(and stays unticked, listed in its place, when the preview is made again), except a match by
CCCD or by mã định danh: two people cannot hold one, so its box is disabled and its tooltip
says why. Each is a tab of
its own, after a first tab holding the wizard's counts (:meth:`MergePanel.hold`) and what becomes of
their plan, checklist and rating round of a year we have: each has the whole height of the
page, so that at 1366×768 the counts, the chi đoàn and the people are each read without
scrolling a small box. :meth:`MergePanel.options` gives the ``branch_map``, ``branch_names``
and ``unmatch`` that the preview and the import take; any change emits ``changed`` (the wizard
then wants the preview made again, "Xem lại với lựa chọn này", before it imports).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.labels import filled_text
from ...core.bundle.orgmerge import year_text
from ...core.lang.text import fold, name_sort_key, vn_number
from ..common.wheel import wheel_needs_focus

KEEP = ""
SUMMARY_TAB = "Số liệu thay đổi"
REASONS = {
    "cccd": "Cùng số CCCD",
    "member_code": "Cùng mã định danh",
    "name_birth": "Cùng họ tên, ngày sinh",
}
SAME_CCCD = (
    "Cùng số CCCD nên là cùng một người: không thể thêm mới như một người khác, vì hai người "
    "không thể có cùng một số CCCD. Nếu số CCCD bị nhập sai, hãy sửa ở máy này hoặc trong tệp "
    "rồi nhập lại."
)
SAME_CODE = (
    "Cùng mã định danh đoàn viên nên là cùng một người: không thể thêm mới như một người khác, "
    "vì hai người không thể có cùng một mã định danh. Nếu mã định danh bị nhập sai, hãy sửa ở "
    "máy này hoặc trong tệp rồi nhập lại."
)
BOUND = {"cccd": SAME_CCCD, "member_code": SAME_CODE}
"""The matches that cannot be unticked, each with why (their box's and reason's tooltip): the
person of the file, added as another, would hold the CCCD or the code of ours, which the import
refuses."""
MATCH_HEADERS = ("Ghép", "Họ và tên", "Ngày sinh", "Chi đoàn", "Số CCCD", "Quê quán", "Lý do")
SIDES = "Máy này\nTrong tệp"
Index = QModelIndex | QPersistentModelIndex


def _person_cells(person: Any) -> tuple[str, ...]:
    if person is None:
        return ("", "", "", "", "")
    return (
        person.full_name, person.birth_text(), person.branch or "",
        person.national_id or "", person.hometown or "",
    )  # fmt: skip


def match_order(match: Any) -> tuple[str, str]:
    """Where a person matched stands in the list: as the plan sorts them (orgmerge.py), by
    given name, middle and family name in Vietnamese order, then birth date."""
    return name_sort_key(match.full_name), match.birth_date


def _edit_width(table: QTableWidget, text: str) -> int:
    """The width of a :class:`QLineEdit` showing ``text`` whole (as ``QLineEdit.sizeHint``
    makes its own from its font, margins and frame), or the column's header if wider."""
    edit = QLineEdit(text)
    margins, text_margins = edit.contentsMargins(), edit.textMargins()
    inner = edit.fontMetrics().horizontalAdvance(text) + 4 + 1  # its 2 px each side, a cursor
    inner += margins.left() + margins.right() + text_margins.left() + text_margins.right()
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    size = edit.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit, option, QSize(inner, edit.sizeHint().height()), edit
    )
    return max(size.width(), table.horizontalHeader().sectionSizeHint(2))


class MatchModel(QAbstractTableModel):
    """The people found in both organisations: a row each, ours on the first line of every
    cell and theirs on the second; column 0 ticks the match."""

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[Any] = []
        self.apart: set[str] = set()
        """Their ids the secretary keeps apart (unticked)."""

    def set_matches(self, matches: Sequence[Any], apart: set[str]) -> None:
        self.beginResetModel()
        self.matches, self.apart = list(matches), apart
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(MATCH_HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return MATCH_HEADERS[section]
        return None

    def text(self, row: int, column: int) -> str:
        """The cell's two lines: ours, then theirs (column 0: which is which)."""
        match = self.matches[row]
        if column == 0:
            return SIDES
        if column == len(MATCH_HEADERS) - 1:
            reason = REASONS.get(match.reason, match.reason)
            return f"{reason}\nLấy thêm: {filled_text(match.filled)}" if match.filled else reason
        ours = _person_cells(match.mine)[column - 1]
        theirs = _person_cells(match.theirs)[column - 1]
        return f"{ours}\n{theirs}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        why = BOUND.get(self.matches[row].reason)
        if role == Qt.ItemDataRole.ToolTipRole and why is not None:
            if column == 0:
                return why
            if column == len(MATCH_HEADERS) - 1:
                return f"{self.text(row, column)}\n{why}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            apart = self.matches[row].theirs_id in self.apart
            return Qt.CheckState.Unchecked if apart else Qt.CheckState.Checked
        return None

    def _bound(self, row: int) -> bool:
        """Whether the match of ``row`` is by CCCD or mã định danh: the two cannot be kept
        apart (:data:`BOUND`)."""
        return self.matches[row].reason in BOUND

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            if self._bound(index.row()):
                flags &= ~Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if self._bound(index.row()):
            return False
        theirs = self.matches[index.row()].theirs_id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked == (theirs not in self.apart):
            return False
        (self.apart.discard if checked else self.apart.add)(theirs)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit()
        return True


class MergePanel(QWidget):
    """Chi đoàn mapping and matched people (module docstring)."""

    changed = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.branches: list[Any] = []
        self.matches: list[Any] = []
        self._apart: dict[str, Any] = {}
        """The matches the secretary unticked (their id → match), kept across previews."""
        self._ours: list[str] = []
        """The names of this organisation's chi đoàn, as the plan shown was given them."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        summary = QWidget()
        self.summary_layout = QVBoxLayout(summary)
        self.years_label = QLabel()
        self.years_label.setWordWrap(True)
        self.summary_layout.addWidget(self.years_label)
        self.summary_layout.addStretch(1)
        self.tabs.addTab(summary, SUMMARY_TAB)
        self.branch_table = QTableWidget(0, 3)
        self.branch_table.setHorizontalHeaderLabels(
            ["Chi đoàn trong tệp", "Xử lý", "Tên sau khi nhận"]
        )
        self.branch_table.verticalHeader().hide()
        self.branch_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.branch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.branch_table.setTabKeyNavigation(False)  # Tab: to each choice and name, then on
        # The two names each as wide as their longest, the choice the rest: a long "Gộp vào “…”"
        # is cut in its box (its list shows it whole), a chi đoàn's name never.
        header = self.branch_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tabs.addTab(self.branch_table, "Chi đoàn")
        people = QWidget()
        people_layout = QVBoxLayout(people)
        self.match_heading = QLabel()
        self.match_heading.setWordWrap(True)
        people_layout.addWidget(self.match_heading)
        self.match_model = MatchModel(self)
        self.match_model.toggled.connect(self._toggled)
        self.match_view = QTableView()
        self.match_view.setModel(self.match_model)
        self.match_view.setWordWrap(True)
        self.match_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.match_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.match_view.setTabKeyNavigation(False)
        self.match_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.match_view.verticalHeader().hide()
        lines = self.match_view.fontMetrics().lineSpacing()
        self.match_view.verticalHeader().setDefaultSectionSize(2 * lines + 8)
        stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
        modes = (fit, stretch, fit, stretch, fit, stretch, stretch)
        for column, mode in enumerate(modes):
            self.match_view.horizontalHeader().setSectionResizeMode(column, mode)
        people_layout.addWidget(self.match_view, 1)
        self.tabs.addTab(people, "Người có trong cả hai tổ chức")
        self.refresh_button = QPushButton("&Xem lại với lựa chọn này")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh_requested)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)

    def hold(self, counts: QWidget) -> None:
        """Show ``counts`` (the wizard's table of the rows new, updated...) in the first tab,
        above what becomes of their records of our years."""
        self.summary_layout.insertWidget(0, counts)
        self.tabs.setCurrentIndex(0)

    def release(self, counts: QWidget) -> None:
        self.summary_layout.removeWidget(counts)

    def holds(self, counts: QWidget) -> bool:
        return self.summary_layout.indexOf(counts) >= 0

    def forget(self) -> None:
        """Another file: the people kept apart for the last one are forgotten."""
        self._apart.clear()

    def set_plan(self, branches: Sequence[Any], matches: Sequence[Any],
                 ours: Sequence[tuple[str, str]], years: Sequence[Any] = (),
                 theirs_name: str = "") -> None:  # fmt: skip
        """Show the plan's proposal; ``ours``: (id, name) of this organisation's chi đoàn;
        ``years``: the plan's year-bound records of ``theirs_name``."""
        self.branches = list(branches)
        self._ours = [name for _id, name in ours]
        found = {m.theirs_id for m in matches}
        apart = [m for i, m in self._apart.items() if i not in found]
        # Each in its place in the plan's order, ticked or not: a person unticked keeps the row
        # the secretary unticked (they went to the end of the list, out of sight).
        self.matches = sorted([*matches, *apart], key=match_order)
        table = self.branch_table
        table.setRowCount(len(self.branches))
        previous: QWidget = table  # Tab: from the table to each row's choice and name
        for r, branch in enumerate(self.branches):
            theirs_item = QTableWidgetItem(branch.theirs_name)
            theirs_item.setToolTip(branch.theirs_name)  # a long name is cut short in its cell
            table.setItem(r, 0, theirs_item)
            combo = QComboBox()
            wheel_needs_focus(combo)  # the wheel scrolls the table past it
            combo.addItem("Giữ riêng", KEEP)
            for branch_id, name in ours:
                combo.addItem(f"Gộp vào “{name}”", branch_id)
            joined = branch.action == "joined" and branch.mine_id
            combo.setCurrentIndex(max(combo.findData(branch.mine_id if joined else KEEP), 0))
            name_edit = QLineEdit(branch.name)
            name_edit.setCursorPosition(0)  # a long name shows from its start, not its end
            name_edit.setEnabled(not joined)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, e=name_edit: self._action_chosen(c, e)
            )
            name_edit.textChanged.connect(lambda _t: self.changed.emit())
            table.setCellWidget(r, 1, combo)
            table.setCellWidget(r, 2, name_edit)
            QWidget.setTabOrder(previous, combo)
            QWidget.setTabOrder(combo, name_edit)
            previous = name_edit
            # the height of the choice itself (the rows' contents would make it far taller)
            table.setRowHeight(r, max(combo.sizeHint().height(), name_edit.sizeHint().height()))
        names = [b.name for b in self.branches] + [b.theirs_name for b in self.branches]
        table.setColumnWidth(2, max([_edit_width(table, n) for n in names] + [0]))
        self.tabs.setTabText(1, f"Chi đoàn ({vn_number(len(self.branches))})")
        self.match_model.set_matches(self.matches, set(self._apart))
        self.tabs.setTabText(2, f"Người có trong cả hai tổ chức ({vn_number(len(self.matches))})")
        self._show_heading()
        lines = [year_text(y, theirs_name) for y in years]
        self.years_label.setText("\n".join(f"• {line}" for line in lines))
        self.years_label.setVisible(bool(lines))

    def focus_name_taken(self) -> bool:
        """The preview refused a chi đoàn kept under a name already held ("Đã có chi đoàn tên
        …"): show the chi đoàn tab and put the focus on the first such name, selected to be
        typed over; whether one was found."""
        held = {fold(name) for name in self._ours}
        for r, branch in enumerate(self.branches):
            combo = self.branch_table.cellWidget(r, 1)
            edit = self.branch_table.cellWidget(r, 2)
            if not isinstance(combo, QComboBox) or not isinstance(edit, QLineEdit):
                continue
            if combo.currentData() != KEEP:
                continue
            key = fold(edit.text().strip() or branch.name)
            if key in held:
                self.tabs.setCurrentWidget(self.branch_table)
                edit.setFocus()
                edit.selectAll()
                return True
            held.add(key)  # two of theirs kept under one name: the second is refused
        return False

    def _action_chosen(self, combo: QComboBox, name_edit: QLineEdit) -> None:
        name_edit.setEnabled(combo.currentData() == KEEP)
        self.changed.emit()

    def _show_heading(self) -> None:
        """The people listed, and those unticked as they stand (said at once, before the
        preview is made again: the list holds them all)."""
        if not self.matches:
            self.match_heading.setText(
                "<b>Không có người nào trùng</b>: mọi đoàn viên của tệp được thêm mới."
            )
            return
        apart = len(self._apart)
        self.match_heading.setText(
            f"<b>Người có trong cả hai tổ chức: {vn_number(len(self.matches))}</b> (dòng trên: "
            "máy này; dòng dưới: trong tệp). Được ghép làm một (gộp quá trình sinh hoạt). Bỏ "
            "chọn người nào không phải cùng một người; người cùng số CCCD hoặc mã định danh "
            "luôn được ghép."
            + (f" <b>Đã bỏ chọn {vn_number(apart)} người</b>: thêm mới như một người khác, "
               "không ghép." if apart else "")
        )  # fmt: skip

    def _toggled(self) -> None:
        by_id = {m.theirs_id: m for m in self.matches}
        self._apart = {i: by_id[i] for i in self.match_model.apart}
        self._show_heading()
        self.changed.emit()

    def options(self) -> dict[str, Any]:
        """``branch_map``, ``branch_names`` and ``unmatch`` as chosen."""
        branch_map: dict[str, str | None] = {}
        names: dict[str, str] = {}
        for r, branch in enumerate(self.branches):
            combo = self.branch_table.cellWidget(r, 1)
            edit = self.branch_table.cellWidget(r, 2)
            assert isinstance(combo, QComboBox) and isinstance(edit, QLineEdit)
            target = combo.currentData()
            branch_map[branch.theirs_id] = target or None
            if not target and edit.text().strip() and edit.text().strip() != branch.theirs_name:
                names[branch.theirs_id] = edit.text().strip()
        return {"branch_map": branch_map, "branch_names": names, "unmatch": sorted(self._apart)}
