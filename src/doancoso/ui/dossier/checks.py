"""The check before building, shown as lines: what the dossier would lack, each line with a
button to where it is fixed (the plan, the rating, the checklist, the settings, the number
field on this page, or the backups dialog for an evidence file lost from the store). The
dossier may be built anyway, except while evidence files are lost (the summary says so, and
their lines come first); the gaps stay named here."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.dossier.check import (
    ADVICE_COMMAND,
    COORDINATION_COMMAND,
    NOT_ALL_MET_LEAD,
    PARTS,
    Gap,
)
from ...core.dossier.lost import lost_count_text, lost_way_back
from ...core.dossier.numbers import UNNUMBERED_INFO
from ...core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE

NUMBER_FIX = "number"
"""The fix of a missing number of the tờ trình: the field on this page."""
NUMBERS_FIX = "numbers"
"""The dialog of the numbers of the dossier's other documents."""
FIX_AREAS = {
    "ke-hoach": "Kế hoạch",
    "xep-loai": "Xếp loại",
    "bao-cao": "3 chủ động",
    "bang": "3 chủ động",
    "minh-chung": "3 chủ động",
    "hoat-dong": "Lịch hoạt động",
    "doan-vien": "Đoàn viên",
    "thanh-nien": "Thanh niên",
    "thanh-nien-dan-toc": "Thanh niên",
    "thanh-nien-ton-giao": "Thanh niên",
    "bien-ban": "Lịch hoạt động",
    "tham-muu-phoi-hop": "3 chủ động",
    "gioi-thieu-dang": "Đoàn viên",
    "chi-doan": "Chi đoàn",
    "doan-vien-chi-doan": "Chi đoàn",
    "so-thanh-nien": "Thanh niên",
    "thong-ke": "Thống kê",
}
"""The area (the side bar's name) where a part's gaps are fixed."""
SETTINGS_AREA = "Thiết lập"
BACKUPS_FIX = "Sao lưu và khôi phục"
"""The fix of an evidence file lost from the store: the backups dialog, where it is taken back
from a backup on a stick ("Lấy lại tệp minh chứng bị mất từ USB…")."""
BACKUPS_TIP = ("Lấy lại tệp minh chứng bị mất từ bản sao lưu ra USB, trong "
               f"“{BACKUPS_FIX}”")  # fmt: skip
READY = "Hồ sơ đã đủ: không thiếu gì."
LOST_HEADING = f"{PARTS['minh-chung']}: tệp bị mất hoặc hỏng, cần lấy lại trước khi lập hồ sơ"
"""The heading of the lines of the files lost from the store, listed before all others."""
CHECKING = "Đang kiểm tra…"


def fix_of(gap: Gap) -> str | None:
    """Where ``gap`` is fixed: an area's name, :data:`NUMBER_FIX`, :data:`BACKUPS_FIX`, or None
    (nowhere known)."""
    if gap.lost is not None:
        return BACKUPS_FIX
    if gap.part == "to-trinh" and gap.reason.startswith(NOT_ALL_MET_LEAD):
        return FIX_AREAS["bang"]  # the self-assessment is mended on its page
    if gap.part == "to-trinh":
        return NUMBER_FIX if "số tờ trình" in gap.reason else SETTINGS_AREA
    return FIX_AREAS.get(gap.part)


REGISTER_TAB = "Sổ tham mưu, phối hợp"
EMPTY_REGISTERS = {ADVICE_COMMAND: ADVICE_TABLE, COORDINATION_COMMAND: COORDINATION_TABLE}
"""The register's table (advice, coordination) a line saying the year has no record of its
kind is mended in, by the command the line names (the command line's way to add one)."""


def register_table(gap: Gap) -> str:
    """The register's table where a record is added to mend ``gap`` (the year has none of its
    kind); "" for any other gap."""
    if gap.part != "tham-muu-phoi-hop" or gap.command is None:
        return ""
    return EMPTY_REGISTERS.get(gap.command, "")


def fix_label(fix: str, item: str = "", record: str = "", table: str = "") -> str:
    if fix == NUMBER_FIX:
        return "Nhập số"
    if fix == BACKUPS_FIX:
        return f"Mở {BACKUPS_FIX}"
    if record or table:
        return f"Mở {REGISTER_TAB[0].lower()}{REGISTER_TAB[1:]}"
    return f"Mở mục {item}" if item else f"Mở {fix}"


def fix_tip(fix: str, item: str = "", record: str = "", table: str = "") -> str:
    if fix == NUMBER_FIX:
        return "Nhập số tờ trình"
    if fix == BACKUPS_FIX:
        return BACKUPS_TIP
    if record or table:  # a record's file to caption, or a first record to write down
        return f"{'Sửa' if record else 'Ghi'} ở {fix}, tab “{REGISTER_TAB}”"
    return f"Sửa ở {fix}, mục {item}" if item else f"Sửa ở {fix}"


class ChecksPanel(QWidget):
    """The lines of the check; ``fix_requested(fix, item, target)`` when a line's button is
    pressed (``item``: the checklist item to open there, ``target``: the plan's target or the
    register's record to select there, or the register's table to add a record to; "" for
    none)."""

    fix_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(CHECKING)
        self.summary.setWordWrap(True)
        self.lines = QWidget()
        self._lines_layout = QVBoxLayout(self.lines)
        self._lines_layout.setContentsMargins(0, 0, 0, 0)
        self._lines_layout.setSpacing(4)
        self._lines_layout.addStretch(1)
        self.lines_area = QScrollArea()
        self.lines_area.setWidgetResizable(True)
        self.lines_area.setFrameShape(QFrame.Shape.NoFrame)
        self.lines_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No Tab stop of its own (it shows no focus): Tab goes from line to line, each shown
        # as it is reached (:meth:`eventFilter`); the wheel and the scroll bar still scroll.
        self.lines_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_area.setWidget(self.lines)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines_area, 1)
        self.gaps: list[Gap] = []
        self.buttons: list[QPushButton | None] = []
        """The fix button of each line (None where the fix is nowhere known)."""
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.numbers_button = QPushButton("Nhậ&p số…")
        self.numbers_button.setToolTip("Nhập số các văn bản của hồ sơ")
        self.numbers_button.clicked.connect(lambda: self.fix_requested.emit(NUMBERS_FIX, "", ""))
        info_row = QHBoxLayout()
        info_row.setContentsMargins(0, 0, 0, 0)
        info_row.addWidget(self.info, 1)
        info_row.addWidget(self.numbers_button, 0, Qt.AlignmentFlag.AlignTop)
        self.info_line = QWidget()
        self.info_line.setLayout(info_row)
        self.info_line.setVisible(False)
        layout.insertWidget(1, self.info_line)

    def checking(self) -> None:
        self.summary.setText(CHECKING)

    def show_gaps(self, gaps: Sequence[Gap], unnumbered: int = 0) -> None:
        """The gaps: the evidence files lost from the store first, under their own heading
        (they alone keep the dossier from being built), then the others part by part; and,
        apart (nothing is missing: the number is written by hand), how many documents will
        print a blank number line."""
        self.info.setText(f"Lưu ý: {UNNUMBERED_INFO.format(count=unnumbered)}." if unnumbered
                          else "")  # fmt: skip
        self.info_line.setVisible(bool(unnumbered))
        self.buttons = []
        while self._lines_layout.count() > 1:
            item = self._lines_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of the Tab order at once, not only once deleted
                widget.deleteLater()
        lost = lost_count_text(gaps)  # the build refuses until they are back
        self.summary.setText(f"Hồ sơ còn thiếu {len(gaps)} điều; {lost}:" if lost
                             else f"Hồ sơ còn thiếu {len(gaps)} điều (vẫn lập được):" if gaps
                             else READY)  # fmt: skip
        # The files lost first: they alone keep the dossier from being built, so they are
        # what is seen, and reached by Tab, first; the other lines follow part by part.
        self.gaps = [g for g in gaps if g.lost is not None] + [g for g in gaps if g.lost is None]
        row, heading = 0, None
        for gap in self.gaps:
            named = LOST_HEADING if gap.lost is not None else PARTS.get(gap.part, gap.part)
            if named != heading:  # named once above its lines
                heading = named
                header = QLabel(f"<b>{html.escape(heading)}</b>")
                header.setTextFormat(Qt.TextFormat.RichText)
                header.setWordWrap(True)
                self._lines_layout.insertWidget(row, header)
                row += 1
                if gap.lost is not None:  # the way back once, each file on a short line
                    count = sum(1 for g in self.gaps if g.lost is not None)
                    way_back = QLabel(lost_way_back(count))
                    way_back.setTextFormat(Qt.TextFormat.PlainText)
                    way_back.setWordWrap(True)
                    self._lines_layout.insertWidget(row, way_back)
                    row += 1
            self._lines_layout.insertWidget(row, self._line(gap))
            row += 1
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab through the lines as they read, after "Nhập số…" above them and so before
        what follows the panel ("Lập hồ sơ"): made after it, they would come last."""
        previous: QWidget = self.numbers_button
        for button in self.buttons:
            if button is not None:
                QWidget.setTabOrder(previous, button)
                previous = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A line's button taking the keyboard is scrolled into view, whichever way it came
        (Shift+Tab from "Lập hồ sơ" passes outside the scrolling area, which does it only for
        a Tab within)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPushButton):
            self.lines_area.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)

    def _line(self, gap: Gap) -> QWidget:
        line = QFrame()
        layout = QHBoxLayout(line)
        layout.setContentsMargins(12, 0, 0, 2)
        text = QLabel(f"• {gap.brief or gap.reason}")
        text.setTextFormat(Qt.TextFormat.PlainText)
        if gap.brief:
            text.setToolTip(gap.reason)
        text.setWordWrap(True)
        layout.addWidget(text, 1)
        fix = fix_of(gap)
        button: QPushButton | None = None
        if fix is not None:
            # A register's record goes where the plan's target goes: the place to select; a
            # register with no record of a kind, its table: the place to add one.
            item, record, table = gap.item or "", gap.record or "", register_table(gap)
            target = gap.target or record or table
            button = QPushButton(fix_label(fix, item, record, table))
            button.setToolTip(fix_tip(fix, item, record, table))
            button.clicked.connect(
                lambda _checked=False, fix=fix, item=item, target=target: self.fix_requested.emit(
                    fix, item, target
                )
            )
            button.installEventFilter(self)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons.append(button)
        return line
