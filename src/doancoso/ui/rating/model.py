"""The grid of a rating round: one row per member of the year (:class:`RatingRow` from
``ws.rating.rows``), filtered by chi đoàn, by "not decided yet" and by a part of the name
(toneless) in memory.

A round holds at most a few thousand members: the rows are read whole on the worker (they need
the year's participation) and handed to :meth:`RatingModel.set_rows`. The model never writes:
an edit (a digit typed in a level column, a remark, a participation rate, the training
programme's result) is handed on through
:attr:`RatingModel.edit_requested`, the page saves it through the core, and the saved values
come back with :meth:`RatingModel.patch` or the next :meth:`set_rows`.

Members who are not rated this year are greyed, their reason shown across the level columns
(the view spans them); a decided level that differs from the suggestion or from the chi đoàn's
proposal is coloured, with the difference in its tooltip. In a closed round, a member whose
record was edited or who was deleted after the closing has it said in the empty remark, greyed,
and in the name's tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...core.lang.dates import DAY, format_vn_date
from ...core.lang.text import fold, percent_cell
from ...core.lifecycle.rules import DISCIPLINE_LEVELS
from ...core.rating.rules import LEVELS, SHORT_FORMS, SHORT_LEVELS, TRAINING_RESULTS
from ...core.rating.service import RatingRow
from ...core.rating.since import BRANCH_RENAMED
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""The id of the member on a row."""
_MEMBER_ID = int(MEMBER_ID_ROLE)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_EDIT = int(Qt.ItemDataRole.EditRole)

# (header, default width in pixels: the view widens a column to its longest value, FIT_TEXTS)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 38),
    ("Họ và tên", 145),
    ("Chi đoàn", 95),
    ("Tham gia", 56),
    ("Kỷ luật", 64),
    ("Rèn luyện", 64),
    ("Ốm", 30),
    ("Phí", 30),
    ("Gợi ý", 60),
    ("Tự đánh giá", 60),
    ("Chi đoàn đề nghị", 110),
    ("BCH quyết định", 110),
    ("Nhận xét", 200),
)
HEADER_TIPS: dict[int, str] = {
    2: "Tên chi đoàn viết gọn (bỏ chữ “Chi đoàn”); tên đầy đủ trong chú thích của ô",
    3: "Tỉ lệ tham gia hoạt động trong năm; dấu * là tỉ lệ nhập tay (không theo điểm danh)",
    6: "Nghỉ ốm: số tháng nghỉ ốm trong năm (gõ 0–12; Delete để xóa). Nghỉ ốm quá số tháng "
    "trong quy tắc hạ mức gợi ý",
    7: "Đoàn phí: gõ 1 nếu đoàn viên chưa đóng đủ đoàn phí trong năm (Delete hoặc 0 để xóa). "
    "Chưa đóng đủ đoàn phí hạ mức gợi ý theo quy tắc",
    8: "Mức gợi ý theo quy tắc của đợt, viết tắt: HTXS xuất sắc, HTT tốt, HT hoàn thành, KHT "
    "không hoàn thành; tên đầy đủ và lý do trong chú thích của ô",
    9: "Mức đoàn viên tự đánh giá, viết tắt: HTXS xuất sắc, HTT tốt, HT hoàn thành, KHT không "
    "hoàn thành; tên đầy đủ trong chú thích của ô",
}
(COL_STT, COL_NAME, COL_BRANCH, COL_RATE, COL_DISCIPLINE, COL_TRAINING, COL_SICK, COL_DUES,
 COL_SUGGESTED, COL_SELF, COL_PROPOSED, COL_DECIDED, COL_REMARK) = range(len(COLUMNS))  # fmt: skip
LEVEL_COLUMNS: dict[int, str] = {
    COL_SELF: "self_level",
    COL_PROPOSED: "proposed_level",
    COL_DECIDED: "decided_level",
}
"""The level columns one types 1–4 into, and the core's field of each."""
SHORT_COLUMNS = (COL_SUGGESTED, COL_SELF)
"""The narrow level columns (they give the facts of sick leave and dues their room): the levels
shortened as secretaries write them ("4. KHT"), the full name in the tooltip. A level cut in the
middle ("4. Không hoàn ...") would mislead the eye in a grid of levels."""
TEXT_COLUMNS: dict[int, str] = {
    COL_RATE: "participation",
    COL_SICK: "sick_months",
    COL_REMARK: "remark",
}
"""The columns edited as text (the core parses them)."""
TRAINING_CODES: tuple[str, ...] = tuple(TRAINING_RESULTS)
"""The results of the member training programme, as the digits 1–4 choose them."""
CHOICE_COLUMNS: dict[int, tuple[object, ...]] = {
    **{column: tuple(LEVELS) for column in LEVEL_COLUMNS},
    COL_TRAINING: TRAINING_CODES,
    COL_DUES: (True,),
}
"""The columns one types a digit into: the value each digit 1–4 chooses (in the dues column,
1 alone: not paid in full)."""
FIELDS: dict[int, str] = {
    **LEVEL_COLUMNS,
    **TEXT_COLUMNS,
    COL_TRAINING: "training_result",
    COL_DUES: "dues_unpaid",
}
"""The core's field edited in each editable column."""
REFRESHING_FIELDS = ("participation", "training_result", "sick_months", "dues_unpaid")
"""Fields whose change changes the suggestion: the round is read again after them."""
REASON_SPAN = (COL_SUGGESTED, COL_DECIDED - COL_SUGGESTED + 1)
"""Where a member who is not rated shows the reason: first column, number of columns."""

GREY = QBrush(QColor("#8a8a8a"))
DIFFERS = QBrush(QColor("#ffe0b2"))
"""The background of a decided level that differs from the suggestion or the proposal."""
ENTERED_MARK = "*"
BRANCH_PREFIX = "chi đoàn "
UNPAID = "Nợ"
"""The dues column of a member whose year's dues are not paid in full (nợ đoàn phí)."""
DUES_TIP = "Gõ 1 nếu chưa đóng đủ đoàn phí trong năm; Delete hoặc 0 để xóa."
SICK_TIP = "Số tháng nghỉ ốm trong năm: gõ 0–12; Delete để xóa."
TRAINING_TIP = "Kết quả chương trình rèn luyện đoàn viên: gõ " + ", ".join(
    f"{digit} {name}" for digit, name in enumerate(TRAINING_RESULTS.values(), start=1)
)

Index = QModelIndex | QPersistentModelIndex


def branch_key(row: RatingRow) -> str:
    """The key of the row's chi đoàn in the page's filter: its id, "" for a member in none (or
    in one deleted)."""
    return (row.branch_id or "") if row.branch else ""


def birth_text(row: RatingRow) -> str:
    """ "05/03/2001", or "2001" for a member known by the birth year alone."""
    return format_vn_date(row.birth_date, row.birth_precision)


def born_text(row: RatingRow) -> str:
    """ "Sinh ngày 05/03/2001", or "Sinh năm 2001" (the name's tooltip)."""
    return f"Sinh {'ngày' if row.birth_precision == DAY else 'năm'} {birth_text(row)}"


def level_text(level: int | None) -> str:
    """2 → "2. Tốt"; None → ""."""
    return "" if level is None else f"{level}. {SHORT_LEVELS[level]}"


def short_level_text(level: int | None) -> str:
    """4 → "4. KHT" (:data:`SHORT_COLUMNS`); None → ""."""
    return "" if level is None else f"{level}. {SHORT_FORMS[level]}"


def short_branch(name: str | None) -> str:
    """ "Chi đoàn ấp Giồng Kè" → "ấp Giồng Kè" (the column is headed "Chi đoàn")."""
    if not name:
        return ""
    if name.lower().startswith(BRANCH_PREFIX) and len(name) > len(BRANCH_PREFIX):
        return name[len(BRANCH_PREFIX) :]
    return name


def rate_text(row: RatingRow) -> str:
    if row.participation is None:
        return "—"
    text = percent_cell(row.participation * 100)  # a column of figures: "85,0%" by "57,9%"
    return text + ENTERED_MARK if row.participation_entered else text


def _old_remarks(row: RatingRow) -> str | None:
    """The note of the transfer in of a member rated on the previous organisation's remarks,
    where those remarks are written (the remark's and the name's tooltips)."""
    if not (row.note and row.arrival_remarks):
        return None
    return f"Nhận xét của đơn vị cũ (ghi khi chuyển đến): {row.arrival_remarks}"


def _arrival_hint(row: RatingRow) -> str:
    """What the empty remark of a member rated on the previous organisation's remarks shows,
    greyed, until the remark is written: those remarks (the transfer's note) first, then the
    note (the cell is narrower than both: the tooltip has them whole). In a closed round, what
    changed on the member's record since the closing comes first. Each is its own sentence: a
    flag ends with its date, not a full stop, so one is put after it when more follows."""
    said = [p for p in (row.changed_after_closing, row.attendance_changed, _old_remarks(row),
                        row.note) if p]  # fmt: skip
    return " ".join(
        part if n == len(said) - 1 or part.endswith((".", "!", "?")) else f"{part}."
        for n, part in enumerate(said)
    )


def _rate_tooltip(row: RatingRow) -> str:
    if row.attendance_changed:  # in a closed round: the count is today's, not the closing's
        return (
            f"Có mặt {row.attended}/{row.expected} buổi theo điểm danh hiện tại. "
            f"{row.attendance_changed}; tỉ lệ có thể khác lúc khóa đợt."
        )
    if row.participation_entered:
        return "Tỉ lệ nhập tay (*). Xóa ô này (Delete) để tính theo điểm danh" + (
            f" (có mặt {row.attended}/{row.expected} buổi)." if row.expected else "."
        )
    if row.expected:
        return f"Có mặt {row.attended}/{row.expected} buổi hoạt động đã điểm danh."
    return "Chưa có buổi hoạt động nào được điểm danh: nhập tỉ lệ (ví dụ 85 hoặc 85%)."


def decided_tooltip(row: RatingRow) -> str:
    """The decided level's full name, and how it differs from the suggestion and proposal."""
    if row.decided_level is None:
        return "Chưa quyết định: gõ 1–4."
    lines = [LEVELS[row.decided_level]]
    if row.differs_from_suggestion:
        lines.append(f"Khác mức gợi ý ({level_text(row.suggested)}): {row.suggestion}")
    if row.differs_from_proposal:
        lines.append(f"Khác đề nghị của chi đoàn ({level_text(row.proposed_level)}).")
    return "\n".join(lines)


def _level_tooltip(level: int | None, text: str | None) -> str | None:
    parts = [LEVELS[level]] if level is not None else []
    if text:
        parts.append(text)
    return "\n".join(parts) or None


class RatingModel(QAbstractTableModel):
    """The members of a round; see the module docstring."""

    edit_requested = Signal(str, str, object)
    """(member id, core field, value): a level (int or None) or the text typed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RatingRow] = []
        self._rows: list[RatingRow] = []
        self._branch: str | None = None
        self._undecided = False
        self._name = ""
        self.read_only = True

    # Rows and filter ----------------------------------------------------------------------

    @property
    def all_rows(self) -> Sequence[RatingRow]:
        return self._all

    @property
    def rows(self) -> Sequence[RatingRow]:
        """The rows shown, in order."""
        return self._rows

    def row(self, row: int) -> RatingRow:
        return self._rows[row]

    def row_of(self, member_id: str) -> int | None:
        for number, r in enumerate(self._rows):
            if r.member_id == member_id:
                return number
        return None

    def set_rows(self, rows: Sequence[RatingRow], read_only: bool) -> bool:
        """Show ``rows`` (the whole round). When the same members are shown in the same order,
        their cells are updated in place (the current cell, the selection and the scroll stay);
        otherwise the model is reset. Returns whether it was reset."""
        self._all = list(rows)
        shown = self._filtered()
        same = (
            [r.member_id for r in shown] == [r.member_id for r in self._rows]
            and [r.eligible for r in shown] == [r.eligible for r in self._rows]
            and read_only == self.read_only
        )
        if same:
            self._rows = shown
            if shown:
                last = self.index(len(shown) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return False
        self.beginResetModel()
        self.read_only = read_only
        self._rows = shown
        self.endResetModel()
        return True

    def set_filter(self, branch: str | None, undecided_only: bool, name: str = "") -> None:
        """``branch``: a chi đoàn's id, "" for the members in none, None for all; ``name``: a
        part of the members' names, typed with or without tones (see :func:`fold`)."""
        self.beginResetModel()
        self._branch, self._undecided, self._name = branch, undecided_only, fold(name)
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[RatingRow]:
        rows = self._all
        if self._name:
            rows = [r for r in rows if self._name in fold(r.full_name)]
        if self._branch is not None:
            rows = [r for r in rows if branch_key(r) == self._branch]
        if self._undecided:
            rows = [r for r in rows if r.eligible and r.decided_level is None]
        return list(rows)

    def patch(self, member_id: str, **values: Any) -> None:
        """Put the values the core saved for one member into its row (the filter is not
        applied again: a row just decided stays in the "not decided" view until reloaded)."""
        self.patch_many({member_id: values})

    def patch_many(self, values: Mapping[str, Mapping[str, Any]]) -> None:
        """:meth:`patch` for many members at once (a bulk action): member → field → value."""
        for rows in (self._all, self._rows):
            for position, r in enumerate(rows):
                new = values.get(r.member_id)
                if new is not None:
                    rows[position] = replace(r, **new)
        if len(values) == 1:
            shown = self.row_of(next(iter(values)))
            if shown is not None:
                last = self.index(shown, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(shown, 0), last)
        elif self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # Editing ------------------------------------------------------------------------------

    def editable(self, index: Index) -> bool:
        if self.read_only or not index.isValid():
            return False
        column = index.column()
        if column == COL_REMARK:
            return True
        return self._rows[index.row()].eligible and column in FIELDS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _EDIT or not self.editable(index):
            return False
        field = FIELDS[index.column()]
        self.edit_requested.emit(self._rows[index.row()].member_id, field, value)
        return True

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.editable(index):
            return CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
        return CELL_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        if horizontal and role == TOOLTIP:
            return HEADER_TIPS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self._display(r, column, index.row())
        if role == _EDIT:
            return self._edit_value(r, column)
        if role == TOOLTIP:
            return self._tooltip(r, column)
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column in (COL_STT, COL_RATE, COL_SICK) else ALIGN_LEFT
        if role == _FOREGROUND:
            hint = (
                column == COL_REMARK
                and not r.remark
                and (r.note or r.changed_after_closing or r.attendance_changed)
            )
            return GREY if not r.eligible or hint else None
        if role == _BACKGROUND:
            differs = r.differs_from_suggestion or r.differs_from_proposal
            return DIFFERS if column == COL_DECIDED and differs else None
        if role == _MEMBER_ID:
            return r.member_id
        return None

    def _display(self, r: RatingRow, column: int, number: int) -> str | None:
        if column == COL_STT:
            return str(number + 1)
        if column == COL_NAME:
            return r.full_name
        if column == COL_BRANCH:
            return short_branch(r.branch)
        if column == COL_RATE:
            return rate_text(r) if r.eligible else ""
        if column == COL_DISCIPLINE:
            return DISCIPLINE_LEVELS.get(r.discipline or "", "")
        if column == COL_TRAINING:
            return TRAINING_RESULTS.get(r.training_result or "", "") if r.eligible else ""
        if column == COL_SICK:
            return str(r.sick_months) if r.eligible and r.sick_months else ""
        if column == COL_DUES:
            return UNPAID if r.eligible and r.dues_unpaid else ""
        if column == COL_REMARK:
            return r.remark or _arrival_hint(r)
        if not r.eligible:
            return r.reason if column == COL_SUGGESTED else None
        if column == COL_SUGGESTED:
            return short_level_text(r.suggested) if r.suggested is not None else "—"
        level = getattr(r, LEVEL_COLUMNS[column])
        return short_level_text(level) if column in SHORT_COLUMNS else level_text(level)

    @staticmethod
    def _edit_value(r: RatingRow, column: int) -> Any:
        if column in LEVEL_COLUMNS:
            return getattr(r, LEVEL_COLUMNS[column])
        if column == COL_TRAINING:
            return r.training_result
        if column == COL_SICK:
            return str(r.sick_months) if r.sick_months else ""
        if column == COL_DUES:
            return True if r.dues_unpaid else None
        if column == COL_RATE:
            if r.participation is None or not r.participation_entered:
                return ""
            return percent_cell(r.participation * 100)  # as shown; "95" and "95%" are taken
        if column == COL_REMARK:
            return r.remark or ""
        return None

    @staticmethod
    def _tooltip(r: RatingRow, column: int) -> str | None:
        if column == COL_NAME:  # the name first: whole where the column cuts it
            return "\n".join(filter(None, (r.full_name, born_text(r), r.changed_after_closing,
                                            r.attendance_changed, r.note,
                                            _old_remarks(r))))  # fmt: skip
        if column == COL_BRANCH:  # in a closed round: renamed since, the name of now
            renamed = r.branch_renamed and BRANCH_RENAMED.format(day=r.branch_renamed)
            return "\n".join(filter(None, (r.branch, renamed)))
        if column == COL_REMARK:
            return "\n".join(filter(None, (r.remark, r.changed_after_closing,
                                            r.attendance_changed, r.note,
                                            _old_remarks(r)))) or None  # fmt: skip
        if not r.eligible:
            return r.reason if column in range(COL_SUGGESTED, COL_DECIDED + 1) else None
        if column == COL_RATE:
            return _rate_tooltip(r)
        if column == COL_TRAINING:
            return TRAINING_TIP
        if column == COL_SICK:
            said = f"Nghỉ ốm {r.sick_months} tháng trong năm." if r.sick_months else ""
            return " ".join(filter(None, (said, SICK_TIP)))
        if column == COL_DUES:
            said = "Chưa đóng đủ đoàn phí trong năm." if r.dues_unpaid else "Đã đóng đủ đoàn phí."
            return f"{said} {DUES_TIP}"
        if column == COL_SUGGESTED:
            return "\n".join(filter(None, (r.suggestion, r.note)))
        if column == COL_SELF:
            return _level_tooltip(r.self_level, r.self_text)
        if column == COL_PROPOSED:
            return _level_tooltip(r.proposed_level, r.proposed_remark)
        if column == COL_DECIDED:
            return decided_tooltip(r)
        return None
