"""The import wizard's preview table: every row of the sheet and what importing it would do.

A plain list model over :attr:`ImportPreview.rows` (an import file holds a few thousand rows at
most); "only rows with problems" is a list of visible positions, rebuilt when the switch flips.
A row imported with a warning says so in its "Kết quả" ("Thêm mới (có cảnh báo)") with a
warning icon and a yellow background, a rejected row with an error icon and a red background
(the wizard shows the legend); the "Vấn đề" column is one line, and the wizard shows the
selected row's problems in full under the table (:func:`row_details`). A value the import
leaves out with a warning is shown as the file gave it, marked "(bỏ qua)".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...core.lang.dates import DAY, format_vn_date
from ...core.lang.text import vn_number
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
from ...core.roster.spreadsheets.headers import field_in_sentence
from ...core.roster.spreadsheets.rejected import reasons_text

Index = QModelIndex | QPersistentModelIndex

# Widths in pixels; "Vấn đề" takes what is left (one line: the panel under the table shows
# the selected row's problems in full).
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Dòng", 50),
    ("Họ và tên", 180),
    ("Ngày sinh", 85),
    ("CCCD", 105),
    ("Chi đoàn", 150),
    ("Kết quả", 205),
    ("Vấn đề", 250),
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
WITH_WARNINGS = "có cảnh báo"
LEFT_OUT = "(bỏ qua)"  # after a value typed in the file that the import leaves out
WARNING_KIND = "warning"
_ICONS: dict[str, QIcon] = {}


def row_icon(kind: str) -> QIcon:
    """The icon of a rejected row ("rejected") or of a row with warnings ("warning"), as the
    table and its legend show it."""
    icon = _ICONS.get(kind)
    if icon is None:
        pixmap = QStyle.StandardPixmap
        which = pixmap.SP_MessageBoxCritical if kind == REJECTED else pixmap.SP_MessageBoxWarning
        style = QApplication.style()
        icon = _ICONS[kind] = style.standardIcon(which)
    return icon


def has_warnings(row: ImportRow) -> bool:
    """A row that will be imported (or left unchanged) although something in it is unusual."""
    return row.action != REJECTED and any(p.severity != ERROR for p in row.problems)


def field_label(name: str, labels: Mapping[str, str] = IMPORT_FIELDS) -> str:
    """The label of an import field inside a sentence: "ngày sinh", "số CCCD/CMND"
    (:func:`~doancoso.core.roster.spreadsheets.headers.field_in_sentence`, which ``members
    import`` says it with too)."""
    return field_in_sentence(name, labels)


def action_text(row: ImportRow, labels: Mapping[str, str] = IMPORT_FIELDS) -> str:
    """ "Thêm mới", "Thêm mới (có cảnh báo)", "Cập nhật (ngày sinh, chi đoàn)", "Cập nhật (ngày
    sinh; có cảnh báo)", "Không đổi", "Bị loại"."""
    text = ACTION_LABELS.get(row.action, row.action)
    details = ""
    if row.action == UPDATE and row.changed:
        details = ", ".join(field_label(name, labels) for name in row.changed)
    if has_warnings(row):
        details = f"{details}; {WITH_WARNINGS}" if details else WITH_WARNINGS
    return f"{text} ({details})" if details else text


def problems_text(row: ImportRow) -> str:
    """The row's problems as sentences, those that reject it first: "Thiếu ngày sinh. Số CCCD
    “12” không hợp lệ: …" (the words of the file of rejected rows)."""
    return reasons_text(row.problems)


def row_details(
    row: ImportRow, labels: Mapping[str, str] = IMPORT_FIELDS, heading_field: str | None = None
) -> str:
    """The selected row in full, for the panel under the table: what happens to it, the
    ``heading_field`` value ("chi đoàn") it takes from the group heading above it, then each
    problem on its own line."""
    name = _text(row.values.get("full_name")) or "(không có họ tên)"
    if row.action == REJECTED:
        verdict = "Bị loại, không được nhập"
    elif has_warnings(row):
        verdict = f"{action_text(row, labels)}: vẫn được nhập, hãy xem lại"
    else:
        verdict = action_text(row, labels)
    lines = [f"Dòng {row.row} — {name}: {verdict}."]
    if heading_field is not None and row.from_heading and row.values.get(heading_field):
        label = labels.get(heading_field, heading_field)
        lines.append(f"{label} theo dòng tiêu đề nhóm phía trên: {row.values[heading_field]}.")
    errors = [p for p in row.problems if p.severity == ERROR]
    warnings = [p for p in row.problems if p.severity != ERROR]
    for problem in errors:
        lines.append(f"• {problem.message}")
    imported = row.action in (NEW, UPDATE)
    for problem in warnings:
        prefix = "Cảnh báo: " if errors else ""
        text = problem.message
        if imported and problem.field in row.left_out:
            ended = text if text.endswith((".", "!", "?", "…")) else f"{text}."
            text = f"{ended} Bỏ qua {field_label(problem.field, labels)}."  # imported without it
        lines.append(f"• {prefix}{text}")
    if not row.problems:
        lines.append("Không có vấn đề.")
    return "\n".join(lines)


def summary_text(preview: ImportPreview) -> str:
    """ "Thêm mới 120 · Cập nhật 3 · Không đổi 10 · Bị loại 2", then "— 5 dòng có cảnh báo"
    when some rows will be imported with a warning."""
    text = (
        f"Thêm mới {vn_number(preview.count(NEW))} · Cập nhật {vn_number(preview.count(UPDATE))}"
        f" · Không đổi {vn_number(preview.count(UNCHANGED))} · "
        f"Bị loại {vn_number(preview.count(REJECTED))}"
    )
    warned = sum(1 for row in preview.rows if has_warnings(row))
    return f"{text} — {vn_number(warned)} dòng {WITH_WARNINGS}" if warned else text


_SHOWN_ROWS = 10  # row numbers listed for a kind of row skipped, the rest counted


def skipped_text(skipped: list[tuple[int, str]], who: str) -> str:
    """The preview's word on the rows that are no person (:attr:`ImportPreview.skipped`), a
    line for each kind with its rows: "• Dòng tổng cộng: dòng 812."; "" when none."""
    if not skipped:
        return ""
    kinds: dict[str, list[int]] = {}
    for number, reason in skipped:
        kinds.setdefault(reason, []).append(number)
    lines = [f"Bỏ qua {vn_number(len(skipped))} dòng không phải {who}:"]
    for reason, numbers in kinds.items():
        shown = ", ".join(str(n) for n in numbers[:_SHOWN_ROWS])
        if len(numbers) > _SHOWN_ROWS:
            shown += f" và {vn_number(len(numbers) - _SHOWN_ROWS)} dòng khác"
        lines.append(f"• {reason[:1].upper()}{reason[1:]}: dòng {shown}.")
    return "\n".join(lines)


def skipped_counts(skipped: list[tuple[int, str]], who: str) -> str:
    """The result's line on the rows skipped, counted by kind: "Bỏ qua 4 dòng không phải đoàn
    viên: 1 dòng tổng cộng, 3 dòng ký tên"."""
    kinds: dict[str, int] = {}
    for _number, reason in skipped:
        kinds[reason] = kinds.get(reason, 0) + 1
    counts = ", ".join(f"{vn_number(n)} {reason}" for reason, n in kinds.items())
    return f"Bỏ qua {vn_number(len(skipped))} dòng không phải {who}: {counts}"


def _birth(values: dict[str, object]) -> str:
    birth = values.get("birth_date")
    if isinstance(birth, date):
        return format_vn_date(birth, str(values.get("birth_precision", DAY)))
    return "" if birth is None else str(birth)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an :class:`ImportPreview`; ``problems_only`` hides the rows without problems.
    ``labels``: the import's fields (the roster's by default); ``extra``: the (title, value key)
    of the two columns after the birth date (CCCD and chi đoàn for the roster)."""

    def __init__(
        self,
        parent: QObject | None = None,
        labels: Mapping[str, str] = IMPORT_FIELDS,
        extra: tuple[tuple[str, str], tuple[str, str]] = (("CCCD", "national_id"),
                                                          ("Chi đoàn", "branch")),
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.labels = labels
        self._titles = [title for title, _ in COLUMNS]
        self._titles[COL_ID], self._titles[COL_BRANCH] = extra[0][0], extra[1][0]
        self._keys = {COL_ID: extra[0][1], COL_BRANCH: extra[1][1]}
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
            return self._titles[section]
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
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ACTION:
            if row.action == REJECTED:
                return row_icon(REJECTED)
            return row_icon(WARNING_KIND) if has_warnings(row) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.action == REJECTED:
                return QBrush(REJECTED_BACKGROUND)
            if has_warnings(row):
                return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _as_typed(self, row: ImportRow, field: str, value: str) -> str:
        """The cell of ``field``: ``value``, the row's, except where the sheet's cell is what
        should be seen (:attr:`ImportPreview.source` keeps those rows as read). A value an
        imported row leaves out with a warning (:attr:`ImportRow.left_out`) is shown as typed,
        followed by :data:`LEFT_OUT` ("12345 (bỏ qua)"), so that what will not be kept is seen;
        a rejected row's value that could not be read ("31/02/2004") as typed, beside the
        reason, so that what to correct is seen."""
        left_out = field in row.left_out
        if not left_out and (value or row.action != REJECTED):
            return value
        preview = self.preview
        cells = (
            None if preview is None or preview.source is None else preview.source.rows.get(row.row)
        )
        column = None if preview is None else preview.mapping.get(field)
        if cells is None or column is None or not 0 <= column < len(cells):
            return value
        cell = cells[column]
        if isinstance(cell, date):
            typed = format_vn_date(cell if not isinstance(cell, datetime) else cell.date())
        else:
            typed = _text(cell).strip()
        if left_out:
            return f"{typed} {LEFT_OUT}" if typed else value
        return typed

    def _display(self, row: ImportRow, column: int) -> str:
        values = row.values
        if column == COL_ROW:
            return str(row.row)
        if column == COL_NAME:
            return _text(values.get("full_name"))
        if column == COL_BIRTH:
            return self._as_typed(row, "birth_date", _birth(values))
        if column in self._keys:
            key = self._keys[column]
            return self._as_typed(row, key, _text(values.get(key)))
        if column == COL_ACTION:
            return action_text(row, self.labels)
        return problems_text(row)
