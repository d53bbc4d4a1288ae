"""Step 2 of the import wizard: which column of the file fills which field of a member.

A table with a row per field: its name, then a combo of the file's columns ("— không nhập —"
first). The field names are never cut: their column fits the longest one and the column of
choices takes the rest. The wheel scrolls the table and never changes a combo the user has not
clicked (:mod:`..common.wheel`).

A column of the file chosen for two fields (or more) is almost always a slip, and it silently
fills the second field with the wrong data ("Ngày vào Đoàn" read from "Dân tộc"): both rows
are marked, each naming the other field, and :meth:`MappingTable.clash_text` names the column
and the fields, for the wizard to show and to refuse "Tiếp" until one of them is changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)

from ...core.roster.spreadsheets import IMPORT_FIELDS, column_letter
from ..common.wheel import wheel_needs_focus

NOT_IMPORTED = "— không nhập —"
COMBO_WIDTH = 420  # a full-width combo reads as one bar
CLASH_STYLE = "color: #b71c1c;"  # not bold: the field's name keeps the width it was fitted to
LABEL_INDENT = "  "


class MappingTable(QTableWidget):
    """The field → column choices; ``changed`` after the user changes one of them."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        fields: Mapping[str, str] = IMPORT_FIELDS,
        who: str = "đoàn viên",
    ) -> None:
        super().__init__(len(fields), 2, parent)
        self.fields = fields
        self.setHorizontalHeaderLabels([f"Thông tin {who}", "Lấy từ cột của tệp"])
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        self.clash_notes: dict[str, QLabel] = {}
        self.headers: list[str] = []
        for row, (name, label) in enumerate(fields.items()):
            self.labels[name] = QLabel(f"{LABEL_INDENT}{label}")
            self.labels[name].setContentsMargins(0, 0, 8, 0)  # clear of the combo's edge
            self.setCellWidget(row, 0, self.labels[name])
            combo = QComboBox()
            combo.setFixedWidth(COMBO_WIDTH)
            wheel_needs_focus(combo)
            combo.currentIndexChanged.connect(self._combo_changed)
            note = QLabel()
            note.setStyleSheet(CLASH_STYLE)
            cell = QWidget()
            box = QHBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(combo)
            box.addWidget(note, 1)
            self.combos[name], self.clash_notes[name] = combo, note
            self.setCellWidget(row, 1, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)

    def fill(self, headers: list[str], mapping: dict[str, int]) -> None:
        """Offer the columns of ``headers``, each field's combo set as ``mapping`` says."""
        self.headers = list(headers)
        items = [(NOT_IMPORTED, -1)] + [
            (f"Cột {column_letter(i)}: {header.strip() or '(không tiêu đề)'}", i)
            for i, header in enumerate(headers)
        ]
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            for text, column in items:
                combo.addItem(text, column)
            combo.setCurrentIndex(max(combo.findData(mapping.get(name, -1)), 0))
            combo.blockSignals(False)
        self._mark_clashes()

    def chosen(self) -> dict[str, int]:
        """Field → 0-based column, as the combos say."""
        mapping = {}
        for name, combo in self.combos.items():
            column = combo.currentData()
            if isinstance(column, int) and column >= 0:
                mapping[name] = column
        return mapping

    def set_column(self, name: str, column: int | None) -> None:
        """Choose the column of ``name`` (None: not imported), as the user would."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(combo.findData(-1 if column is None else column), 0))

    # Columns chosen twice -----------------------------------------------------------------

    def clashes(self) -> dict[int, list[str]]:
        """Each column chosen for more than one field → those fields, in the table's order."""
        fields: dict[int, list[str]] = {}
        for name, column in self.chosen().items():
            fields.setdefault(column, []).append(name)
        return {column: names for column, names in fields.items() if len(names) > 1}

    def clash_text(self) -> str:
        """What is wrong with the choices, in Vietnamese ("" when nothing is)."""
        lines = []
        for column, names in sorted(self.clashes().items()):
            labels = [f"“{self.fields[name]}”" for name in names]
            both = "cả hai" if len(labels) == 2 else f"cả {len(labels)}"
            listed = ", ".join(labels[:-1]) + " và " + labels[-1]
            lines.append(
                f"{self._column_name(column)} đang được chọn cho {both} thông tin {listed}. "
                "Mỗi cột của tệp chỉ ghép với một thông tin: hãy chọn lại cho thông tin không "
                f"lấy từ cột {column_letter(column)}."
            )
        return "\n".join(lines)

    def _column_name(self, column: int) -> str:
        header = self.headers[column].strip() if column < len(self.headers) else ""
        name = f"Cột {column_letter(column)}"
        return f"{name} (“{header}”)" if header else name

    def _combo_changed(self, _index: int) -> None:
        self._mark_clashes()
        self.changed.emit()

    def _mark_clashes(self) -> None:
        clashing = {name: names for names in self.clashes().values() for name in names}
        for name, label in self.labels.items():
            others = [self.fields[other] for other in clashing.get(name, []) if other != name]
            label.setStyleSheet(CLASH_STYLE if others else "")
            note = self.clash_notes[name]
            note.setText(f"⚠ Cùng cột với “{'”, “'.join(others)}”" if others else "")
            note.setToolTip(note.text())
