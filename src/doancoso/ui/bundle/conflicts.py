"""The conflicts of an import shown side by side, field by field, with a choice per field.

A conflict is a row changed on both machines since they last exchanged (or deleted on one and
changed on the other). The list at left names each row (whose it is); the table at right shows
each differing field: the value on this machine, the value in the file, and a choice "Giữ của
tôi" / "Lấy của tệp". A row deleted on one side and changed on the other is said as what it is
("Máy này đã xóa … lúc …; máy kia (trong tệp) vẫn giữ và đã sửa: …") with one choice for the
whole record, "Xóa" or "Giữ lại" (the side that deleted it, or the side that kept it, for every
field: a deleted record with the other side's phone means nothing); its fields changed are
shown without a choice of their own. Where this copy kept the row as both copies last held it
(core/bundle/threeway.py), a column says who changed each field since ("chỉ máy này sửa", "chỉ
máy kia sửa", "cả hai cùng sửa") and a field changed on one side only starts on that side (the
user may still change it); a row whose every field is so needs no choice ("tự gộp"). Two
records made apart where the organisation holds one (the plan of a year, a setting:
core/bundle/one_per_year.py) show what each holds, with one choice, the record kept. Two
buttons choose either side for every field left to the user (changed on both sides, or where
who changed it is not known) of every conflict.
:meth:`ConflictsPanel.choices` is what ``ws.bundles.apply(on_conflict=...)`` takes:
``{(table, id): {field: "mine" | "theirs"}}`` (a record the file brings back that clashes with
one of ours is two conflicts of one id: its deletion, then the two records; their fields differ).
Given the conflicts again (the dry run made once more with the choices), the panel keeps the
choice made for each conflict it already showed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.deletions import (
    DELETED,
    MINE,
    THEIRS,
    conflict_title,
    deleted_side,
    deletion_text,
)
from ...core.bundle.labels import field_value_text
from ...core.bundle.outcome import APART_CHOICE, AUTOMATIC_TEXT, CHANGED_TEXT
from ...core.lang.text import vn_number
from ..common.wheel import wheel_needs_focus

CHOICES = (("— Chọn —", None), ("Giữ của tôi", MINE), ("Lấy của tệp", THEIRS))
DELETE, KEEP = "delete", "keep"
DELETION_CHOICES = (("— Chọn —", None), ("Xóa", DELETE), ("Giữ lại", KEEP))
FIELD_HEADERS = ("Thông tin", "Trên máy này", "Trong tệp", "Ai đã sửa", "Chọn")
WHO, CHOICE = 3, 4
"""The columns of who changed a field and of the choice."""
TOP = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
"""Each cell read from the top of its row: a note of several lines beside one-line cells."""
Key = tuple[str, str]


def apart_text(conflict: Any) -> str:
    """Two records made apart on the two machines (the plan of a year...), in words."""
    return (
        f"“{conflict.label}”: mỗi máy có một bản riêng, lập khi hai máy chưa trao đổi. "
        f"{APART_CHOICE}"
    )


class ChoiceAtTop(QStyledItemDelegate):
    """The choice column's: each field's choice as tall as a choice is, at the top of its row
    (the view would stretch it to the row, as tall as a note of several lines beside it)."""

    def updateEditorGeometry(  # noqa: N802 (Qt's name)
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        box = editor.geometry()
        box.setHeight(min(box.height(), editor.sizeHint().height()))
        editor.setGeometry(box)


class ConflictsPanel(QWidget):
    """The conflicts and the user's choices (module docstring)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[Any] = []
        self._choices: list[dict[str, str | None]] = []
        """The choice of each field of each of :attr:`conflicts`, in their order."""
        self._titles: Counter[str] = Counter()
        """How many of :attr:`conflicts` bear each title (two: a record brought back)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        top.addWidget(self.heading, 1)
        self.all_mine = QPushButton("&Giữ của tôi cho tất cả")
        self.all_theirs = QPushButton("&Lấy của tệp cho tất cả")
        for button, side in ((self.all_mine, "của máy này"), (self.all_theirs, "trong tệp")):
            button.setToolTip(
                f"Chọn bản {side} cho mọi thông tin mà cả hai máy cùng sửa (hoặc chưa rõ máy "
                "nào sửa). Thông tin chỉ một máy sửa vẫn theo máy đó."
            )
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        for button in (self.all_mine, self.all_theirs):
            button.setAutoDefault(False)
            top.addWidget(button)
        layout.addLayout(top)
        body = QHBoxLayout()
        self.rows = QListWidget()
        self.rows.setMaximumWidth(380)
        self.rows.setWordWrap(True)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.currentRowChanged.connect(self._show_conflict)
        body.addWidget(self.rows)
        right = QVBoxLayout()
        self.deletion_box = QWidget()
        deletion_row = QVBoxLayout(self.deletion_box)
        deletion_row.setContentsMargins(0, 0, 0, 0)
        self.deletion = QLabel()
        self.deletion.setWordWrap(True)
        deletion_row.addWidget(self.deletion)
        choice_row = QHBoxLayout()
        self.deletion_choice = QComboBox()
        self.deletion_label = QLabel("&Chọn:")  # Alt+C: the one choice of the record
        self.deletion_label.setBuddy(self.deletion_choice)
        choice_row.addWidget(self.deletion_label)
        for text, value in DELETION_CHOICES:
            self.deletion_choice.addItem(text, value)
        self.deletion_choice.setToolTip(
            "Xóa: bản ghi bị xóa ở cả hai máy. Giữ lại: bản ghi còn lại, với các thông tin đã sửa."
        )
        self.deletion_choice.currentIndexChanged.connect(self._deletion_chosen)
        choice_row.addWidget(self.deletion_choice)
        choice_row.addStretch(1)
        deletion_row.addLayout(choice_row)
        right.addWidget(self.deletion_box)
        self.apart = QLabel()  # two records made apart: what choosing one does
        self.apart.setWordWrap(True)
        right.addWidget(self.apart)
        self.fields = QTableWidget(0, len(FIELD_HEADERS))
        self.fields.setHorizontalHeaderLabels(list(FIELD_HEADERS))
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields.setTabKeyNavigation(False)  # Tab: from the table to each choice, then on
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.setItemDelegateForColumn(CHOICE, ChoiceAtTop(self.fields))
        # A value wraps anew as the columns take the window's width: the rows follow it (they
        # kept the height of their lines in the columns the table had before it was shown).
        header.sectionResized.connect(lambda *_: self.fields.resizeRowsToContents())
        right.addWidget(self.fields, 1)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self.set_conflicts([])

    def set_conflicts(self, conflicts: Sequence[Any]) -> None:
        """Show ``conflicts``; those shown before keep their choices (and the one shown stays
        shown), the others start as their defaults say."""
        before = dict(zip(map(_signature, self.conflicts), self._choices, strict=True))
        current = self.rows.currentRow()
        shown = _signature(self.conflicts[current]) if 0 <= current < len(self.conflicts) else None
        self.conflicts = list(conflicts)
        self._titles = Counter(map(conflict_title, self.conflicts))
        self._choices = []
        for c in self.conflicts:  # a field changed on one side only starts on that side
            own = _defaults(c)
            fresh = {f.name: own.get(f.name) for f in c.fields}
            self._choices.append(before.get(_signature(c), fresh))
        self.rows.blockSignals(True)
        self.rows.clear()
        for index in range(len(self.conflicts)):
            self.rows.addItem(self._row_text(index))
        self.rows.blockSignals(False)
        automatic = sum(1 for c in self.conflicts if _automatic(c))
        heading = f"Xung đột: {vn_number(len(self.conflicts))}"
        if automatic:
            heading += f" (tự gộp: {vn_number(automatic)})"
        self.heading.setText(heading)
        self.setVisible(bool(self.conflicts))
        if self.conflicts:
            signatures = [_signature(c) for c in self.conflicts]
            self.rows.setCurrentRow(signatures.index(shown) if shown in signatures else 0)
        self._show_conflict(self.rows.currentRow())
        self.changed.emit()

    def _row_text(self, index: int) -> str:
        conflict, chosen = self.conflicts[index], self._choices[index]
        mark = "✓ " if chosen and all(v is not None for v in chosen.values()) else "• "
        title = conflict_title(conflict)
        if self._titles[title] > 1:  # a record brought back: its deletion, then its two records
            title += " (hai bản riêng)" if getattr(conflict, "apart", False) else " (bị xóa)"
        if _automatic(conflict) and chosen == _defaults(conflict):
            return f"{mark}{title} ({AUTOMATIC_TEXT})"
        return f"{mark}{title}"

    def _show_conflict(self, index: int) -> None:
        self.fields.setRowCount(0)
        self.deletion_box.hide()
        self.apart.hide()
        if not 0 <= index < len(self.conflicts):
            return
        conflict, chosen = self.conflicts[index], self._choices[index]
        side = deleted_side(conflict)
        shown = [f for f in conflict.fields if side is None or f.name != DELETED]
        self.fields.setColumnHidden(CHOICE, side is not None)  # the choice is the whole record's
        self.fields.setColumnHidden(WHO, all(_changed(f) is None for f in shown))
        self.fields.setRowCount(len(shown))
        previous: QWidget = self.fields  # Tab: from the table to each choice, in its order
        for r, diff in enumerate(shown):
            texts = [getattr(diff, "label", "") or diff.name]
            for value in (diff.mine, diff.theirs):
                texts.append(field_value_text(conflict.table, diff.name, value, conflict.names))
            texts.append(CHANGED_TEXT.get(_changed(diff) or "", ""))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(TOP)
                self.fields.setItem(r, column, item)
            if side is not None:
                continue  # the whole record's choice, above
            combo = QComboBox()
            wheel_needs_focus(combo)  # the wheel scrolls the table past it
            for text, value in CHOICES:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(chosen[diff.name]), 0))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, at=index, name=diff.name: self._choose(
                    at, name, c.currentData()
                )
            )
            self.fields.setCellWidget(r, CHOICE, combo)
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.fields.resizeRowsToContents()
        if getattr(conflict, "apart", False):
            self.apart.setText(apart_text(conflict))
            self.apart.show()
        if side is not None:
            self.deletion.setText(deletion_text(conflict))
            sides = set(chosen.values())
            kept = THEIRS if side == MINE else MINE
            value = DELETE if sides == {side} else KEEP if sides == {kept} else None
            self.deletion_choice.blockSignals(True)
            self.deletion_choice.setCurrentIndex(max(self.deletion_choice.findData(value), 0))
            self.deletion_choice.blockSignals(False)
            self.deletion_box.show()

    def _deletion_chosen(self, _index: int) -> None:
        """ "Xóa": the deleting side for every field; "Giữ lại": the keeping side's."""
        index = self.rows.currentRow()
        if not 0 <= index < len(self.conflicts):
            return
        conflict = self.conflicts[index]
        side, value = deleted_side(conflict), self.deletion_choice.currentData()
        if side is None:
            return
        kept = THEIRS if side == MINE else MINE
        chosen = None if value is None else side if value == DELETE else kept
        for name in self._choices[index]:
            self._choices[index][name] = chosen
        self.rows.item(index).setText(self._row_text(index))
        self.changed.emit()

    def choose(self, key: Key, field: str, side: str | None) -> None:
        """Choose ``side`` for one field of the conflict of ``key`` that has it, as its combo
        does."""
        index = next(
            i for i, c in enumerate(self.conflicts)
            if (c.table, c.id) == key and field in self._choices[i]
        )  # fmt: skip
        self._choose(index, field, side)

    def _choose(self, index: int, field: str, side: str | None) -> None:
        self._choices[index][field] = side
        self.rows.item(index).setText(self._row_text(index))
        self.changed.emit()

    def choose_all(self, side: str) -> None:
        """``side`` for every field left to the user; a field changed on one side only keeps
        its choice."""
        for conflict, chosen in zip(self.conflicts, self._choices, strict=True):
            own = _defaults(conflict)
            for field in chosen:
                if field not in own:
                    chosen[field] = side
        for index in range(len(self.conflicts)):
            self.rows.item(index).setText(self._row_text(index))
        self._show_conflict(self.rows.currentRow())
        self.changed.emit()

    def focus_first_waiting(self) -> None:
        """Show the first conflict with a field still waiting for a choice and put the focus on
        that choice (its field's, or the whole record's for a deletion); none waiting: nothing
        moves."""
        index = next((i for i, chosen in enumerate(self._choices)
                      if any(v is None for v in chosen.values())), None)  # fmt: skip
        if index is None:
            return
        self.rows.setCurrentRow(index)
        if deleted_side(self.conflicts[index]) is not None:
            self.deletion_choice.setFocus()
            return
        for row in range(self.fields.rowCount()):
            combo = self.fields.cellWidget(row, CHOICE)
            if isinstance(combo, QComboBox) and combo.currentData() is None:
                self.fields.scrollTo(self.fields.model().index(row, CHOICE))
                combo.setFocus()
                return

    def waiting(self) -> Counter[str]:
        """How many conflicts of each table have a field still waiting for a choice, as the
        choices stand now (the dry run counted them as they stood when it was made)."""
        return Counter(
            c.table for c, chosen in zip(self.conflicts, self._choices, strict=True)
            if any(v is None for v in chosen.values())
        )  # fmt: skip

    def complete(self) -> bool:
        """Whether every field of every conflict has a choice."""
        return all(v is not None for chosen in self._choices for v in chosen.values())

    def choices(self) -> dict[Key, dict[str, str]]:
        """The choices made, as ``ws.bundles.apply(on_conflict=...)`` takes them (the fields
        of two conflicts of one record together); a field without a choice is left out."""
        given: dict[Key, dict[str, str]] = {}
        for conflict, chosen in zip(self.conflicts, self._choices, strict=True):
            made = {f: str(v) for f, v in chosen.items() if v is not None}
            given.setdefault((conflict.table, conflict.id), {}).update(made)
        return given


def _signature(conflict: Any) -> tuple[str, str, tuple[str, ...]]:
    """A conflict as found again by a later dry run: its record and its fields."""
    return conflict.table, conflict.id, tuple(f.name for f in conflict.fields)


def _changed(diff: Any) -> str | None:
    return getattr(diff, "changed", None)


def _defaults(conflict: Any) -> dict[str, str]:
    """The side each field changed on one side only starts on (none for a deletion)."""
    defaults = getattr(conflict, "defaults", None)
    return dict(defaults()) if callable(defaults) else {}


def _automatic(conflict: Any) -> bool:
    return bool(getattr(conflict, "automatic", False))
