"""Trưởng thành Đoàn (coming of age): members reaching the organisation's coming-of-age age
(a setting, 30 by default) in a year, confirmed in one decision.

The age is read from the settings when the dialog opens and shown in its texts; the list comes
from ``ws.events.coming_of_age(year, age=...)`` with that age (the organisation's own active
members, not those here on temporary activity, whose home organisation decides; those who
reached it before this year, whatever year is viewed, and still wait for their decision are
marked "quá hạn"). Each member's union position is shown; those who hold one (Bí thư, Phó Bí
thư, Ủy viên BCH…) come first, in red: that post must be filled again before they leave. The
list opens with no one ticked (see :mod:`.decision_list`). "Xác nhận" records ``matured`` for
the checked ones in one operation, all or none, once the secretary said yes to the question,
which first names the checked members not yet of age on the decision's date (their birthday
comes later that year: allowed, the year counts); the list is read, and the decision recorded, on
the worker (a progress dialog shows when it takes more than half a second: a thousand members
of a large roster do). "In danh sách…" prints the year's list as listed here (every member
on it, ticked or not: the list presented to the meeting) to a PDF
(:func:`~doancoso.reports.coming_of_age.print_coming_of_age`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from ...core.lang.dates import format_vn_date
from ...core.lang.text import fold, vn_number
from ...core.lifecycle.recorded import RecordedEvents
from ...core.lifecycle.service import ComingOfAge
from ...core.roster.rules import (
    COMING_OF_AGE,
    early_coming_of_age,
    early_coming_of_age_message,
)
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import ask_save_path, open_file, open_or_say
from ..shell.operations import Core, QueryOp
from .decision_list import DecisionListDialog

POSITION_COLUMN, YEAR_COLUMN = 3, 4
MEMBER = fold("Đoàn viên")  # the position of a member who holds none
COMING_OF_AGE_LIST = DocumentKind("DS", "In danh sách đoàn viên trưởng thành Đoàn")


def headers(age: int) -> tuple[str, ...]:
    return ("Họ và tên", "Ngày sinh", "Chi đoàn", "Chức vụ", f"Đủ {age} tuổi năm")


def holds_post(entry: ComingOfAge) -> bool:
    """A member with a union position other than "Đoàn viên" (a post to fill again)."""
    position = entry.row.position
    return bool(position) and fold(position) != MEMBER


def _post_last(entry: ComingOfAge) -> bool:
    return not holds_post(entry)


class ComingOfAgeDialog(DecisionListDialog):
    """Pick a year, check the members, confirm their coming of age with one decision."""

    title = "Trưởng thành Đoàn"

    def __init__(
        self,
        core: Core,
        year: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.today = today or dt.date.today()  # "quá hạn" is measured against it
        info = core.ws.organization.get()
        self.age = info.coming_of_age if info is not None else COMING_OF_AGE
        super().__init__(core, headers(self.age), parent)
        self.open_file: Callable[[Path], object] = open_file  # the PDF's viewer; tests replace it
        self.entries: list[ComingOfAge] = []
        top = QHBoxLayout()
        self.caption = caption = QLabel(f"Đoàn viên đủ {self.age} tuổi trong &năm:")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1950, 2100)
        self.year_spin.setValue(year or self.today.year)
        caption.setBuddy(self.year_spin)
        self.year_spin.valueChanged.connect(self.reload)
        top.addWidget(caption)
        top.addWidget(self.year_spin)
        self.print_button = QPushButton("&In danh sách…")
        self.print_button.setToolTip(
            "Lưu danh sách đoàn viên trưởng thành Đoàn của năm này ra tệp PDF để in"
        )
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.print_button)
        self.build(top, stretch_columns=(2,))
        self.reload()

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def query(self) -> Callable[[Workspace], list[Any]]:
        year, age, today = self.year, self.age, self.today
        # Those holding a post first (their post must be filled again), each group in name order.
        return lambda ws: sorted(
            ws.events.coming_of_age(year, age=age, today=today), key=_post_last
        )

    def cells(self, entry: ComingOfAge) -> tuple[str, ...]:
        member = entry.row
        reached = str(entry.year_reached) + (" (quá hạn)" if entry.overdue else "")
        return (
            member.full_name,
            format_vn_date(member.birth_date, member.birth_precision),
            member.branch_name or "",
            member.position or "",
            reached,
        )

    def alert_columns(self, entry: ComingOfAge) -> tuple[int, ...]:
        posts = (POSITION_COLUMN,) if holds_post(entry) else ()
        return posts + ((YEAR_COLUMN,) if entry.overdue else ())

    def summary_text(self, checked: int) -> str:
        total = len(self.entries)
        if total == 0:
            return f"Không có đoàn viên nào đủ {self.age} tuổi trong năm {self.year} cần xác nhận."
        overdue = sum(entry.overdue for entry in self.entries)
        text = f"{vn_number(total)} đoàn viên đủ {self.age} tuổi"
        if overdue:
            text += f" (trong đó {vn_number(overdue)} quá hạn, từ các năm trước)"
        posts = [entry.row.position for entry in self.entries if holds_post(entry)]
        if posts:
            names = ", ".join(dict.fromkeys(p for p in posts if p))
            text += (
                f"; {vn_number(len(posts))} người đang giữ chức vụ ({names}), ở đầu danh sách: "
                "cần kiện toàn trước khi trưởng thành Đoàn"
            )
        return text + f" — đã chọn {vn_number(checked)}."

    def date_warning(self, ids: list[str], day: dt.date) -> str:
        """The members of ``ids`` not yet of age on the decision's ``day`` (their birthday
        later that year): allowed, said before the question (:func:`early_coming_of_age`)."""
        chosen = set(ids)
        early = []
        for entry in self.entries:
            member = entry.row
            if member.id in chosen:
                birthday = early_coming_of_age(
                    member.birth_date, member.birth_precision, day, self.age
                )
                if birthday is not None:
                    early.append((member.full_name, birthday))
        return early_coming_of_age_message(early, day, self.age) if early else ""

    def _loaded(self, entries: list[Any]) -> None:
        super()._loaded(entries)
        self.print_button.setEnabled(bool(self.entries))  # an empty list is not printed

    # Printing -----------------------------------------------------------------------------

    def ask_save_path(self, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled); tests replace this."""
        return ask_save_path(self, "Lưu danh sách đoàn viên trưởng thành Đoàn", name,
                             "Tệp PDF (*.pdf)", ".pdf")  # fmt: skip

    def print_list(self) -> None:
        """The year's list as listed here, printed to a PDF (written on the worker) after the
        print dialog every document shares, then offered to open."""
        details = ask_document_details(self._core, COMING_OF_AGE_LIST, self)
        if details is None:
            return
        year, age, today = self.year, self.age, self.today
        path = self.ask_save_path(f"danh-sach-truong-thanh-doan-{year}.pdf")
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            from ...reports.coming_of_age import print_coming_of_age  # reportlab: on use

            return print_coming_of_age(
                ws, path, year, age=age, today=today, number=details.number,
                place=details.place, issued_on=details.issued_on, recipients=details.recipients,
            )  # fmt: skip

        def done(written: Path) -> None:
            remember_document(self._core, COMING_OF_AGE_LIST, details)
            if self._prompts.confirm(
                self, "In danh sách",
                f"Đã lưu danh sách vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                open_or_say(self, self._prompts, written, self.open_file)

        op = QueryOp(self, job, self._core, label="Đang tạo tệp PDF…")
        op.success(done).failure(self._core.reporter(self, "Không in được")).run()

    def record(self, ws: Workspace, ids: list[str], date: str, number: str) -> RecordedEvents:
        return ws.events.confirm_coming_of_age(ids, date, number)

    def progress_text(self, count: int) -> str:
        return f"Đang ghi nhận trưởng thành Đoàn cho {vn_number(count)} đoàn viên…"

    def undo_text(self, who: str) -> str:
        return f"Ghi nhận trưởng thành Đoàn cho {who}"

    def done_text(self, count: int) -> str:
        return (
            f"Đã ghi nhận trưởng thành Đoàn cho {vn_number(count)} đoàn viên. "
            "Các đoàn viên này không còn trong danh sách đang sinh hoạt."
        )
