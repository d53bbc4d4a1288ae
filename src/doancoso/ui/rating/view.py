"""The grid's view, driven by the keyboard: in a level column the digits 1–4 set the level and
move down to the next member the column can be edited for (the column stays), Delete (or 0)
clears it where it is (in the training programme's column the digits choose Xuất sắc, Khá, Đạt,
Không đạt, Chưa đăng ký); Enter moves down the same way without a change; typing in the remark
or participation column starts editing it (the remark with the common phrases offered), Enter
saves and moves down. A double click or F2 on a level opens a list of the four levels.

Nothing is saved here: the view asks the model (``setData``), which hands the edit to the page.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ...core.lifecycle.rules import DISCIPLINE_LEVELS
from ...core.rating.rules import LEVELS, TRAINING_RESULTS
from ..common.list_page import EMPTY_HINT_MARGIN, EMPTY_HINT_STYLE, EMPTY_HINT_WIDTH
from ..common.wheel import wheel_needs_focus
from .model import (
    CHOICE_COLUMNS,
    COL_DISCIPLINE,
    COL_DUES,
    COL_NAME,
    COL_RATE,
    COL_REMARK,
    COL_SICK,
    COL_TRAINING,
    COLUMNS,
    FIELDS,
    LEVEL_COLUMNS,
    REASON_SPAN,
    SHORT_COLUMNS,
    TEXT_COLUMNS,
    UNPAID,
    RatingModel,
    level_text,
    short_level_text,
)
from .remarks import RemarkCompleter

Index = QModelIndex | QPersistentModelIndex
_DIGITS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,  # the training programme's "Chưa đăng ký" (level columns stop at 4)
}
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NO_LEVEL = "(chưa có)"
CELL_PADDING = 5
"""Pixels on each side of a cell's text (the style's margin and the grid line)."""
ORDINARY_NAME = "Nguyễn Hoàng Phương Quỳnh"
"""A name of ordinary length (25 characters, wide letters) the name column shows whole; the
remark, the last column, gives way (cut, whole in its tooltip) to keep every column on a
1366-pixel screen."""
ORDINARY_REMARK = "Gương mẫu, tích cực tham gia các hoạt động tình nguyện của chi đoàn"
"""A remark of ordinary length: the box a remark is typed into is as wide, over the columns on
the remark's left, when its own column is narrower."""


LEVEL_CHOICES = [(f"{level}. {name}", level) for level, name in LEVELS.items()]
TRAINING_CHOICES = [
    (f"{digit}. {name}", code)
    for digit, (code, name) in enumerate(TRAINING_RESULTS.items(), start=1)
]
DUES_CHOICES: list[tuple[str, object]] = [("1. Chưa đóng đủ đoàn phí", True)]
DUES_PAID = "Đã đóng đủ"
"""The dues column's list: unpaid, or (none) paid in full."""


class ChoiceDelegate(QStyledItemDelegate):
    """A list of the choices (and none), for the mouse and F2: the four levels by default."""

    def __init__(
        self,
        parent: QObject | None = None,
        choices: list[tuple[str, object]] | None = None,
        none_text: str = NO_LEVEL,
    ) -> None:
        super().__init__(parent)
        self._choices = choices if choices is not None else list(LEVEL_CHOICES)
        self._none_text = none_text

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        wheel_needs_focus(combo)  # an editor left open never changes under a scrolling wheel
        combo.addItem(self._none_text, None)
        for text, value in self._choices:
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """A line edit; in the remark column with :class:`RemarkCompleter`. Enter in the editor
    saves and asks the view to move down."""

    def __init__(self, view: RatingView) -> None:
        super().__init__(view)
        self._view = view
        self.phrases: list[str] = []
        """The phrases offered in the remark column (see :func:`.remarks.remark_phrases`)."""

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        line = QLineEdit(parent)
        if index.column() == COL_REMARK:
            # One completer per editor: its list goes away with the editor.
            completer = RemarkCompleter(line)
            completer.set_phrases(self.phrases)
            line.setCompleter(completer)
            line.setPlaceholderText("Gõ nhận xét, hoặc vài chữ để chọn câu thường dùng")
        elif index.column() == COL_SICK:
            line.setPlaceholderText("số tháng, 0–12")
        else:
            line.setPlaceholderText("ví dụ 85 hoặc 85%")
        return line

    def updateEditorGeometry(  # noqa: N802 (Qt's name)
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if index.column() != COL_REMARK:
            return
        box = editor.geometry()
        wide = editor.fontMetrics().horizontalAdvance(ORDINARY_REMARK) + 2 * CELL_PADDING
        # Right-aligned with the cell, never past the grid's left edge.
        box.setLeft(max(0, box.right() + 1 - max(box.width(), wide)))
        editor.setGeometry(box)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        if not editor.text():  # not started by a typed key, which the editor already holds
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if text != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self._view.advance_after_edit = True
        return super().eventFilter(editor, event)


class RatingView(QTableView):
    """The grid; see the module docstring."""

    refused = Signal()
    """A key asked for a change the round does not allow now (closed, or not rated)."""
    at_end = Signal(bool)
    """Enter or a digit (True: the level was set) found no member below to move to: a digit
    more would change the same member's level again."""

    def __init__(self, model: RatingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.rating_model = model
        self.advance_after_edit = False
        self.level_delegate = ChoiceDelegate(self)
        self.training_delegate = ChoiceDelegate(self, list(TRAINING_CHOICES))
        self.dues_delegate = ChoiceDelegate(self, DUES_CHOICES, DUES_PAID)
        self.text_delegate = TextDelegate(self)
        for column in LEVEL_COLUMNS:
            self.setItemDelegateForColumn(column, self.level_delegate)
        self.setItemDelegateForColumn(COL_TRAINING, self.training_delegate)
        self.setItemDelegateForColumn(COL_DUES, self.dues_delegate)
        for column in TEXT_COLUMNS:
            self.setItemDelegateForColumn(column, self.text_delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the grid, as elsewhere in the app
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        self.fit_columns()
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.update_spans)
        self.empty_hint = QLabel(self.viewport())
        """What to do, over the grid while it has no round to show (:meth:`set_empty_hint`)."""
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet(EMPTY_HINT_STYLE)
        self.empty_hint.hide()

    def set_empty_hint(self, text: str) -> None:
        """Show ``text`` over the empty grid ("" hides it), as the lists do when empty."""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))
        self._place_empty_hint()

    def _place_empty_hint(self) -> None:
        viewport = self.viewport()
        width = max(0, min(EMPTY_HINT_WIDTH, viewport.width() - 2 * EMPTY_HINT_MARGIN))
        left = (viewport.width() - width) // 2
        self.empty_hint.setGeometry(
            left, EMPTY_HINT_MARGIN * 3, width, self.empty_hint.heightForWidth(width)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_empty_hint()

    def fit_columns(self) -> None:
        """The default widths, widened where the font needs more for the longest value."""
        cells, header = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        short = max(map(short_level_text, LEVELS), key=cells.horizontalAdvance)
        longest = {
            COL_NAME: ORDINARY_NAME,
            COL_RATE: "100%*",
            COL_DISCIPLINE: max(DISCIPLINE_LEVELS.values(), key=len),
            COL_TRAINING: max(TRAINING_RESULTS.values(), key=len),
            COL_SICK: "12",
            COL_DUES: UNPAID,
            **dict.fromkeys(LEVEL_COLUMNS, level_text(4)),
            # The suggestion and the self-assessment give the facts of sick leave and dues
            # their room: the levels shortened there ("1. HTXS"), whole in the tooltip.
            **dict.fromkeys(SHORT_COLUMNS, short),
        }
        for column, (title, width) in enumerate(COLUMNS):
            needed = header.horizontalAdvance(title) + 2 * CELL_PADDING
            if column in longest:
                needed = max(needed, cells.horizontalAdvance(longest[column]) + 2 * CELL_PADDING)
            self.setColumnWidth(column, max(width, needed))

    def update_spans(self) -> None:
        """Members not rated show their reason across the level columns."""
        self.clearSpans()
        first, width = REASON_SPAN
        for number, row in enumerate(self.rating_model.rows):
            if not row.eligible:
                self.setSpan(number, first, 1, width)

    # Keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        index = self.currentIndex()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ENTER_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            if not self.move_down() and index.isValid():
                self.at_end.emit(False)
            return
        if not index.isValid() or modifiers != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        column = index.column()
        if column in CHOICE_COLUMNS:
            if key in _DIGITS or key == Qt.Key.Key_0 or key in _CLEAR_KEYS:
                digit = _DIGITS.get(Qt.Key(key))
                choices = CHOICE_COLUMNS[column]
                if digit is not None and digit > len(choices):
                    self.refused.emit()
                    return
                # A digit is the common act, a member after another: it sets and goes on to
                # the next member in one key. A clear is a correction: the keyboard stays.
                value = None if digit is None else choices[digit - 1]
                if self._set(index, value) and digit and not self.move_down():
                    self.at_end.emit(True)
                return
            if event.text().strip():  # other printable keys mean nothing in a level column
                self.refused.emit()
                return
        elif column in TEXT_COLUMNS and key in _CLEAR_KEYS:
            self._set(index, "")
            return
        elif not self.rating_model.editable(index) and (
            event.text().strip() or key in _CLEAR_KEYS  # Delete types no text, yet asks to edit
        ):
            self.refused.emit()
            return
        super().keyPressEvent(event)

    def _set(self, index: QModelIndex, value: object) -> bool:
        """Ask for ``value`` in the cell; whether the cell takes it (False: refused, said)."""
        if not self.rating_model.editable(index):
            self.refused.emit()
            return False
        if index.data(Qt.ItemDataRole.EditRole) != value:
            self.rating_model.setData(index, value, Qt.ItemDataRole.EditRole)
        return True

    def move_down(self) -> bool:
        """To the next row whose cell in the current column can be edited (the next row when
        the column is never edited); nowhere when there is none. Whether it moved."""
        index = self.currentIndex()
        model = self.rating_model
        if not index.isValid():
            if model.rowCount():
                self.setCurrentIndex(model.index(0, 0))
            return model.rowCount() > 0
        column = index.column()
        edited = column in FIELDS
        for number in range(index.row() + 1, model.rowCount()):
            target = model.index(number, column)
            if not edited or model.editable(target) or model.read_only:
                self.setCurrentIndex(target)
                self.scrollTo(target)
                return True
        return False

    def closeEditor(  # noqa: N802 (Qt's name)
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        super().closeEditor(editor, hint)
        if self.advance_after_edit:
            self.advance_after_edit = False
            self.move_down()
