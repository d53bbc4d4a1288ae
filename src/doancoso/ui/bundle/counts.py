"""The import wizard's tables of counts (a row per kind of record: what the file holds, what the
import would change), sized to show every row, and the wizard's size on the screen.

A secretary at 1366×768 (about 728 px above the Windows taskbar) reads the counts whole: a
:class:`CountsTable` asks for the height of all its rows and takes no more; it shrinks (and
scrolls) only when the dialog has less room than that. :func:`dialog_size` makes the wizard as
tall as such a screen allows.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.bundle.labels import (
    EVIDENCE_SKIPPED,
    EVIDENCE_TO_REPAIR,
    MERGE_EVENTS,
    in_label_order,
    table_label,
)
from ...core.lang.text import vn_number

PLAN_HEADERS = ("Loại dữ liệu", "Mới", "Cập nhật", "Xóa", "Không đổi", "Chờ chọn")
"""The last column: the records changed on both copies that wait for the secretary's choice,
as the choices stand (one chosen leaves it at once); in none of the others until the dry run
is made again with the choice; those merged without asking are "Cập nhật"."""
WAITING = PLAN_HEADERS.index("Chờ chọn")
DIALOG_WIDTH, DIALOG_HEIGHT, TALLEST = 1000, 640, 720
"""The wizard's width and least height, and the height it takes where the screen has room."""
FRAME_ROOM = 50
"""The window's title bar and frame, outside the size Qt is given (about 31 px on Windows 10)."""
FEWEST_ROWS = 4
"""The rows a counts table still shows when the dialog is too low for all of them."""


def dialog_size(available: QSize) -> QSize:
    """The wizard's size on a screen whose room above the taskbar is ``available``: 1000×640,
    taller (up to 720) where the screen allows, so that more shows without scrolling."""
    height = max(DIALOG_HEIGHT, min(TALLEST, available.height() - FRAME_ROOM))
    return QSize(DIALOG_WIDTH, height)


def plan_rows(
    plan: Any, waiting: Counter[str] | None = None
) -> list[tuple[str, int, int, int, int, int]]:
    """(Vietnamese name, new, updated, deleted, unchanged, waiting for a choice) of every table
    the plan touches: a table whose every record is a conflict has its row too (kept when its
    conflicts are chosen); a sáp nhập's events in the history of the members it brings in, a
    row of their own. ``waiting``: the conflicts of each table still waiting for a choice as
    the secretary has chosen since the dry run (ConflictsPanel.waiting), or as it left them."""
    unresolved = Counter(c.table for c in plan.unresolved)
    waiting = unresolved if waiting is None else waiting
    tables = in_label_order(
        {*plan.new, *plan.updated, *plan.deleted, *plan.unchanged, *unresolved, *waiting}
    )
    rows = [
        (table_label(t), plan.new.get(t, 0), plan.updated.get(t, 0), plan.deleted.get(t, 0),
         plan.unchanged.get(t, 0), waiting[t])
        for t in tables
    ]  # fmt: skip
    if getattr(plan, "merge_events", 0):  # sáp nhập: on its own line, after the history's
        after = next((i + 1 for i, t in enumerate(tables) if t == "member_events"), len(rows))
        rows.insert(after, (MERGE_EVENTS, plan.merge_events, 0, 0, 0, 0))
    return rows


def empty_columns(plan: Any, rows: list[tuple[str, int, int, int, int, int]]) -> set[int]:
    """The columns of :func:`plan_rows` left out of the preview, none of their counts said:
    each of new, updated, deleted and unchanged zero in every row (a handover into a fresh
    folder: only "Mới"); "Chờ chọn" while the dry run met no conflict waiting for a choice
    (it stays once they are chosen, its counts going to 0 as each is)."""
    empty = {c for c in range(1, WAITING) if all(row[c] == 0 for row in rows)}
    return empty if plan.unresolved else empty | {WAITING}


def files_text(plan: Any) -> str:
    """The bundle's evidence files the import would copy, and those it would not (named only
    by records not taken), as the result says them once done ("" when neither)."""
    parts = []
    if plan.evidence_new:
        parts.append(f"Tệp minh chứng sẽ chép vào máy: {vn_number(plan.evidence_new)} tệp.")
    if plan.evidence_skipped:
        parts.append(f"{EVIDENCE_SKIPPED}: {vn_number(plan.evidence_skipped)} tệp.")
    if getattr(plan, "evidence_repaired", 0):
        parts.append(f"{EVIDENCE_TO_REPAIR}: {vn_number(plan.evidence_repaired)} tệp.")
    return " ".join(parts)


class CountsTable(QTableWidget):
    """A short read-only table (a row per kind of record: bounded, never a growing list) that
    asks for the height of all its rows."""

    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setTabKeyNavigation(False)  # Tab goes on to the wizard's buttons, never round it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # As tall as its rows (sizeHint), never taller; shorter only when the room is lacking.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def fill(self, rows: list[tuple[Any, ...]]) -> None:
        """Show ``rows`` (numbers right-aligned, in Vietnamese form) and ask for their height."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(vn_number(value) if isinstance(value, int) else str(value))
                if c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        self.updateGeometry()

    def hide_columns(self, hidden: set[int]) -> None:
        """Show every column but those of ``hidden``."""
        for column in range(self.columnCount()):
            self.setColumnHidden(column, column in hidden)

    def _height(self, rows: int) -> int:
        """The height that shows the header and ``rows`` rows whole."""
        header = self.horizontalHeader().sizeHint().height()
        return header + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self._height(self.rowCount()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        rows = min(self.rowCount(), FEWEST_ROWS)
        return QSize(super().minimumSizeHint().width(), self._height(rows))
