"""The rating round of the year its page shows: its state ("Đợt xếp loại năm 2025: đang mở"),
its rules (a link that shows them) and history with the decision recognising it, what changed
since its closing, and the buttons that open, close (after the core's warnings and a question)
and reopen it.

The page lays out the labels and buttons made here and says, after each read of the round,
what to show (:meth:`RoundControls.show_round`); the keyboard goes back to its grid once a
button did its work (the button pressed is hidden then)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ...core.rating.decision import Decision
from ...core.rating.rules import DEFAULT_PERIOD, carried_over
from ...core.rating.service import RatingRow, RoundInfo
from ..common.fields import WrappedLabel
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, CoreOp
from ..shell.tasks import FAILED_TITLE
from .round_texts import changed_text, history_html

OPEN_STYLE = "color: #2e7d32; font-weight: bold;"
CLOSED_STYLE = "color: #c62828; font-weight: bold;"
NONE_STYLE = "color: #616161; font-weight: bold;"
CHANGED_STYLE = "color: #8d4e00;"
NO_ROUND_HISTORY = (
    "Đợt xếp loại được mở với quy tắc xếp loại đang dùng (Thiết lập → Quy tắc xếp loại…) và giữ "
    "quy tắc đó đến khi kết thúc."
)

OPEN_CARRIED = (
    "Mở đợt xếp loại năm {year} với quy tắc của nhiệm kỳ "
    f"{DEFAULT_PERIOD[0]}–{DEFAULT_PERIOD[1]}?"
)
"""The question after :func:`~doancoso.core.rating.rules.carried_over`'s notice."""


class RoundControls(QObject):
    """The state, history and "changed since" labels of the rating page, and its buttons "Mở
    đợt xếp loại năm …", "Kết thúc đợt xếp loại" and "Mở lại"."""

    status_message = Signal(str)

    def __init__(
        self, core: Core, parent: QWidget, year: Callable[[], int], to_grid: Callable[[], None]
    ) -> None:
        """``year``: the year the page shows; ``to_grid``: puts the keyboard in the page's
        grid once the round is opened, closed or reopened."""
        super().__init__(parent)
        self._core = core
        self._parent = parent
        self._asking = OpenAfterRead(parent, core)  # what is read before a round opens or closes
        self._year = year
        self._to_grid = to_grid
        self.state_label = QLabel()
        self.history_label = QLabel()
        self.history_label.setStyleSheet("color: #616161;")
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)  # the rules' name: a link
        self.history_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.history_label.linkActivated.connect(self.show_rules)
        self._info: RoundInfo | None = None
        self.changed_label = WrappedLabel()
        self.changed_label.setStyleSheet(CHANGED_STYLE)
        self.changed_label.hide()
        self.open_button = QPushButton("Mở đợt xếp l&oại")
        self.close_button = QPushButton("&Kết thúc đợt xếp loại")
        self.reopen_button = QPushButton("Mở l&ại")
        for button, slot in ((self.open_button, self.open_round),
                             (self.close_button, self.close_round),
                             (self.reopen_button, self.reopen_round)):  # fmt: skip
            button.clicked.connect(slot)
            button.hide()

    def buttons(self) -> list[QPushButton]:
        return [self.open_button, self.close_button, self.reopen_button]

    def show_state(self, year: int, info: RoundInfo | None, decision: Decision | None) -> None:
        """The state and the history of the round of ``year`` (``info``; None: not opened)."""
        self._info = info
        if info is None:
            self.state_label.setText(f"Chưa mở đợt xếp loại năm {year}.")
            self.state_label.setStyleSheet(NONE_STYLE)
            self.history_label.setText(html.escape(NO_ROUND_HISTORY))
            return
        closed = info.closed
        state = "đã kết thúc: chỉ xem" if closed else "đang mở"
        self.state_label.setText(f"Đợt xếp loại năm {year}: {state}")
        self.state_label.setStyleSheet(CLOSED_STYLE if closed else OPEN_STYLE)
        self.history_label.setText(history_html(info, decision if closed else None))

    def show_rules(self, _link: str = "") -> None:
        """The rules the round shown was opened with, to read (the rules dialog)."""
        if self._info is None:
            return
        from .rules_dialog import RulesDialog

        dialog = RulesDialog(self._core, self._parent, (self._info.year, self._info.rules))
        self._core.prompts.run(dialog)
        dialog.deleteLater()

    def show_round(self, year: int, info: RoundInfo | None, rows: Sequence[RatingRow]) -> None:
        """What changed since the closing of a closed round (of its ``rows``), and the buttons
        the round of ``year`` has."""
        changed = changed_text(rows) if info is not None and info.closed else ""
        self.changed_label.setText(changed)
        self.changed_label.setVisible(bool(changed))
        self.open_button.setVisible(info is None)
        self.open_button.setText(f"Mở đợt xếp l&oại năm {year}")
        self.close_button.setVisible(info is not None and not info.closed)
        self.reopen_button.setVisible(info is not None and info.closed)

    def open_round(self) -> None:
        """Open the year's round; first asked when it would open with the rules of 2023–2027
        carried over past them (:func:`~doancoso.core.rating.rules.carried_over`): a round keeps
        its rules, so newer ones are imported before."""
        year = self._year()
        self._asking.run(lambda ws: carried_over(ws.rating.rules(year), year),
                         lambda notice: self._confirm_open(year, notice))  # fmt: skip

    def _confirm_open(self, year: int, notice: str) -> None:
        if notice and not self._core.prompts.confirm(
            self._parent, "Mở đợt xếp loại", f"{notice}\n\n{OPEN_CARRIED.format(year=year)}",
            yes="Mở đợt", no="Quay lại",
        ):  # fmt: skip
            return

        def opened(info: RoundInfo) -> None:
            self._to_grid()
            self.status_message.emit(
                f"Đã mở đợt xếp loại năm {year} với quy tắc “{info.rules.name}”."
            )

        CoreOp(self._parent, lambda ws: ws.rating.open(year), self._core).success(opened).run()

    def close_round(self) -> None:
        """Show what the core warns about, ask, then close (asked once however often it was
        pressed before the warnings were read)."""
        year = self._year()
        self._asking.run(lambda ws: ws.rating.close_warnings(year),
                         lambda warnings: self._confirm_close(year, warnings),
                         label="Đang kiểm tra đợt xếp loại…", failed=FAILED_TITLE)  # fmt: skip

    def _confirm_close(self, year: int, warnings: list[str]) -> None:
        text = f"Kết thúc đợt xếp loại năm {year}?"
        if warnings:
            text += "\n\nCần lưu ý:\n" + "\n".join(f"• {w}" for w in warnings)
        text += (
            "\n\nSau khi kết thúc, bảng xếp loại chỉ để xem; mức quyết định và nhận xét được ghi "
            "vào quá trình của từng đoàn viên. Muốn sửa phải “Mở lại” đợt xếp loại."
        )
        if not self._core.prompts.confirm(self._parent, "Kết thúc đợt xếp loại", text,
                                          yes="Kết thúc đợt", no="Quay lại"):  # fmt: skip
            return

        def closed(_result: object) -> None:
            self._to_grid()
            self.status_message.emit(f"Đã kết thúc đợt xếp loại năm {year}.")

        CoreOp(self._parent, lambda ws: ws.rating.close(year), self._core).success(closed).run()

    def reopen_round(self) -> None:
        year = self._year()
        text = (
            f"Mở lại đợt xếp loại năm {year}?\n\nCác mức xếp loại sẽ sửa được cho đến khi kết "
            "thúc lại; việc mở lại được ghi vào lịch sử của đợt."
        )
        if not self._core.prompts.confirm(self._parent, "Mở lại đợt xếp loại", text,
                                          yes="Mở lại", no="Không"):  # fmt: skip
            return

        def reopened(_result: object) -> None:
            self._to_grid()
            self.status_message.emit(f"Đã mở lại đợt xếp loại năm {year}.")

        op = CoreOp(self._parent, lambda ws: ws.rating.reopen(year), self._core)
        op.success(reopened).run()
