"""Sinh hoạt tạm (temporary activity): the members doing it here, with their home organisation
and period, and the end of their stay in one decision.

Temporary activity does not end by itself; by default the list holds the stays whose period has
ended, so the secretary sees who should go back. "Kết thúc sinh hoạt tạm" records a transfer out
back to each checked member's home organisation (``ws.events.end_temporary``), all or none. A
stay that goes on is renewed by recording a new "Sinh hoạt tạm" in the member's history. Like
the coming-of-age list, it opens with no one ticked (see :mod:`.decision_list`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ...core.lang.dates import format_vn_date
from ...core.lang.text import vn_number
from ...core.lifecycle.recorded import RecordedEvents
from ...core.lifecycle.service import TemporaryStay
from ...core.workspace import Workspace
from ..shell.operations import Core
from .decision_list import DecisionListDialog

HEADERS = ("Họ và tên", "Chi đoàn", "Đơn vị gốc", "Từ ngày", "Đến ngày")
END_COLUMN = 4


def _day(value: dt.date | None) -> str:
    return format_vn_date(value) if value else ""


class TemporaryStaysDialog(DecisionListDialog):
    """The members on temporary activity; end the checked stays with one decision."""

    title = "Sinh hoạt tạm"
    confirm_text = "&Kết thúc sinh hoạt tạm"
    number_example = "12-GT/ĐTN"

    def __init__(
        self, core: Core, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(core, HEADERS, parent)
        self.today = today or dt.date.today()
        self.entries: list[TemporaryStay] = []
        top = QHBoxLayout()
        self.ended_check = QCheckBox("Chỉ &hiện người đã hết thời hạn sinh hoạt tạm")
        self.ended_check.setChecked(True)
        self.ended_check.toggled.connect(self.reload)
        top.addWidget(self.ended_check)
        self.build(top, stretch_columns=(1, 2))  # chi đoàn, đơn vị gốc
        self.reload()

    def query(self) -> Callable[[Workspace], list[Any]]:
        today, ended_only = self.today, self.ended_check.isChecked()
        return lambda ws: list(ws.events.temporary_stays(today, ended_only))

    def cells(self, entry: TemporaryStay) -> tuple[str, ...]:
        end = _day(entry.period_end) + (" (hết hạn)" if entry.ended else "")
        return (
            entry.row.full_name,
            entry.row.branch_name or "",
            entry.home_organization or "",
            _day(entry.period_start),
            end,
        )

    def alert_columns(self, entry: TemporaryStay) -> tuple[int, ...]:
        return (END_COLUMN,) if entry.ended else ()

    def summary_text(self, checked: int) -> str:
        if not self.entries:
            if self.ended_check.isChecked():
                return "Không có đoàn viên nào đã hết thời hạn sinh hoạt tạm."
            return "Không có đoàn viên nào đang sinh hoạt tạm tại đơn vị."
        ended = sum(entry.ended for entry in self.entries)
        text = f"{vn_number(len(self.entries))} đoàn viên sinh hoạt tạm"
        if ended and not self.ended_check.isChecked():
            text += f" (trong đó {vn_number(ended)} đã hết hạn)"
        elif self.ended_check.isChecked():
            text += " đã hết hạn"
        return (
            text + f" — đã chọn {vn_number(checked)}. Kết thúc sinh hoạt tạm ghi “Chuyển sinh hoạt "
            "đi” về đơn vị gốc; để gia hạn, ghi “Sinh hoạt tạm” mới trong quá trình của đoàn viên."
        )

    def record(self, ws: Workspace, ids: list[str], date: str, number: str) -> RecordedEvents:
        return ws.events.end_temporary(ids, date, number)

    def undo_text(self, who: str) -> str:
        return f"Kết thúc sinh hoạt tạm cho {who}"

    def done_text(self, count: int) -> str:
        return (
            f"Đã kết thúc sinh hoạt tạm cho {vn_number(count)} đoàn viên (chuyển sinh hoạt về đơn "
            "vị gốc). Các đoàn viên này không còn trong danh sách đang sinh hoạt."
        )
