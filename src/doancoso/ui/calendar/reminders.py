"""What is coming and what is overdue: read on the worker, shown on the calendar page and, as
one line, in the main window's status bar ("3 hoạt động trong 7 ngày tới · 2 hoạt động chưa ghi
kết quả · Kế hoạch năm 2027 chưa lập"; a click opens the calendar). Besides the dates of
activities: this year's and next year's plan while still to register with the superior body
(``PlanService.reminders``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ...core.activities.service import OccurrenceRow
from ...core.changes import Changes
from ...core.plans.registration import PlanReminder
from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp
from .words import summary_text

UPCOMING_DAYS = 7
CALENDAR_TABLES = (
    "activities", "occurrences", "attendance", "minutes", "evidence_files", "activity_kinds",
    "branches", "members",
)  # fmt: skip
"""The tables whose changes the calendar's views follow."""
PLAN_TABLES = ("plans", "settings")
"""The tables whose changes the plan reminders follow (the settings hold the deadline)."""


@dataclass(frozen=True)
class Reminders:
    today: dt.date
    upcoming: list[OccurrenceRow]
    overdue: list[OccurrenceRow]
    plans: list[PlanReminder]


def read_reminders(ws: Workspace) -> Reminders:
    """The planned dates of the next 7 days, the past ones still without results and the plans
    still to register."""
    today = dt.date.today()
    return Reminders(
        today,
        ws.activities.upcoming(today, UPCOMING_DAYS),
        ws.activities.overdue(today),
        ws.plans.reminders(today),
    )


class CalendarSummary(QToolButton):
    """The status bar's line about the calendar; hidden when nothing is coming or overdue and
    no plan is left to register."""

    open_calendar = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setToolTip("Mở Lịch hoạt động")
        self.hide()
        self.clicked.connect(self.open_calendar)
        core.data_changed.changed.connect(self._on_data_changed)

    def refresh(self) -> None:
        """Count on the worker, then show the line."""
        op = QueryOp(self, read_reminders, self._core, progress=False)
        op.success(self._show).run()

    def _show(self, found: Reminders) -> None:
        text = summary_text(len(found.upcoming), len(found.overdue), found.plans)
        self.setText(text)
        self.setVisible(bool(text))

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("activities", "occurrences", *PLAN_TABLES):
            self.refresh()
