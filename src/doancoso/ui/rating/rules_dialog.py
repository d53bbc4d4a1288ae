"""The rules of the rating ("Quy tắc xếp loại", from Thiết lập): each rule with its value and
its source; a province's rules file imported (refused whole, naming the line, the rules in
force kept), the rules exported to a file, the shipped default taken back.

The rules apply to the rounds opened afterwards: a round keeps the rules it was opened with.
The rules in force are read on the worker (a :class:`~doancoso.ui.shell.operations.QueryOp`)
when the dialog opens and after each change; every change is an operation.

From the rating page ("Quy tắc của đợt: …"), the same dialog shows a round's own rules, which
the page already holds, to read only: nothing to import, export or take back.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.rating.rules import (
    LEVELS,
    OPTIONAL_RULES,
    RULE_LABELS,
    TRAINING_RESULTS,
    RatingRules,
    default_rules,
    percent_text,
)
from ...core.storage.files import written_atomically
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..common.folders import documents_folder, open_folder
from ..shell.operations import Core, CoreOp, QueryOp

TITLE = "Quy tắc xếp loại đoàn viên"
EXPORT_NAME = "quy-tac-xep-loai.json"
FILE_FILTER = "Tệp quy tắc xếp loại (*.json);;Mọi tệp (*)"
MAX_BYTES = 1_000_000
KEEP_NOTE = (
    "Quy tắc này dùng cho các đợt xếp loại mở sau này. Các đợt đã mở giữ nguyên quy tắc của lúc "
    "mở, kể cả khi quy tắc ở đây thay đổi."
)
HOW_TO_CHANGE = (
    "Bảng này chỉ để xem. Muốn đổi quy tắc, hãy nhập tệp quy tắc của tỉnh bằng nút “Nhập quy tắc "
    "của tỉnh…” (hoặc xuất quy tắc đang dùng ra tệp, sửa tệp rồi nhập lại)."
)
ROUND_TITLE = "Quy tắc của đợt xếp loại năm {year}"
ROUND_NOTE = (
    "Đợt xếp loại giữ quy tắc của lúc mở đợt đến khi kết thúc. Quy tắc đổi ở Thiết lập → Quy tắc "
    "xếp loại… chỉ dùng cho các đợt mở sau."
)
UNCHANGED = "Quy tắc đang dùng không thay đổi."
NOT_IN_FILE = "Không áp dụng (tệp quy tắc không có quy tắc này)"
"""The value of an optional rule (:data:`OPTIONAL_RULES`) a rules file lacks."""
NO_SOURCE = "—"
SOURCE_STYLE = "color: #555555;"


def _level(level: int) -> str:
    return f"Mức {level} — {LEVELS[level]}"


def rule_values(rules: RatingRules) -> dict[str, str]:
    """Each rule's value in words, by its key in :data:`RULE_LABELS`."""
    first, second, third = rules.thresholds
    training = rules.training_for_level1
    cap = rules.level1_cap_percent
    sick, dues = rules.sick_leave_cap, rules.unpaid_dues_cap
    off = {key: NOT_IN_FILE if key not in rules.sources else "Không áp dụng"
           for key in OPTIONAL_RULES}  # fmt: skip
    return {
        "participation_thresholds": (
            f"Mức 1: từ {percent_text(first)}; mức 2: từ {percent_text(second)}; "
            f"mức 3: từ {percent_text(third)}"
        ),
        "min_months": f"{rules.min_months} tháng",
        "temporary_remarks_only": "Có" if rules.temporary_remarks_only else "Không",
        "party_members_not_rated": "Có" if rules.party_members_not_rated else "Không",
        "reprimand_cap": _level(rules.reprimand_cap),
        "warning_cap": _level(rules.warning_cap),
        "training_for_level1": TRAINING_RESULTS[training] if training else "Không yêu cầu",
        "level1_cap_percent": percent_text(cap) if cap is not None else "Không giới hạn",
        "sick_leave_cap": (
            f"Trên {sick[0]} tháng: mức {sick[1]} — {LEVELS[sick[1]]}"
            if sick is not None
            else off["sick_leave_cap"]
        ),
        "unpaid_dues_cap": _level(dues) if dues is not None else off["unpaid_dues_cap"],
    }


class RulesDialog(QDialog):
    """See the module docstring. ``ask_open_path`` and ``ask_save_path`` are replaced by tests."""

    loaded = Signal()
    """Emitted each time the rules read on the worker are shown."""

    def __init__(
        self,
        core: Core,
        parent: QWidget | None = None,
        round_rules: tuple[int, RatingRules] | None = None,
    ) -> None:
        """``round_rules``: the year of a round and its rules, shown to read only (None: the
        rules in force, which the dialog reads and changes)."""
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.setWindowTitle(TITLE)
        self.rules: RatingRules | None = None
        self._build()
        self.resize(900, 600)
        if round_rules is None:
            self.load()
        else:
            self._show_round(*round_rules)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.name_label = WrappedLabel()
        layout.addWidget(self.name_label)
        self.note_label = WrappedLabel(KEEP_NOTE)
        self.note_label.setStyleSheet("color: #6d4c00;")
        layout.addWidget(self.note_label)
        self.how_label = WrappedLabel(HOW_TO_CHANGE)
        layout.addWidget(self.how_label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        self.grid = QGridLayout(content)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(10)
        for column, heading in enumerate(("Quy tắc", "Giá trị", "Nguồn")):
            self.grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.value_labels: dict[str, WrappedLabel] = {}
        self.source_labels: dict[str, WrappedLabel] = {}
        for row, (key, label) in enumerate(RULE_LABELS.items(), start=1):
            name = WrappedLabel(label)
            value = WrappedLabel()
            value.setStyleSheet("font-weight: bold;")
            source = WrappedLabel()
            source.setStyleSheet(SOURCE_STYLE)
            source.setTextFormat(Qt.TextFormat.PlainText)  # the province's words, as written
            source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for column, widget in enumerate((name, value, source)):
                self.grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
            self.value_labels[key], self.source_labels[key] = value, source
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 5)
        self.grid.setRowStretch(len(RULE_LABELS) + 1, 1)
        self.scroll_area.setWidget(content)
        layout.addWidget(self.scroll_area, 1)
        self.status_label = WrappedLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # may name the province's rules
        layout.addWidget(self.status_label)
        actions = QHBoxLayout()
        self.import_button = QPushButton("&Nhập quy tắc của tỉnh…")
        self.import_button.setToolTip("Thay quy tắc bằng tệp quy tắc (.json) do cấp trên gửi")
        self.export_button = QPushButton("&Xuất quy tắc…")
        self.export_button.setToolTip("Ghi quy tắc đang dùng ra tệp, để sửa hoặc gửi đơn vị khác")
        self.reset_button = QPushButton("&Dùng quy tắc mặc định")
        self.reset_button.setEnabled(False)  # until the rules read show they are not the default
        for button, slot in ((self.import_button, self.import_rules),
                             (self.export_button, self.export_rules),
                             (self.reset_button, self.reset_rules)):  # fmt: skip
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        actions.addWidget(buttons)
        layout.addLayout(actions)

    def load(self) -> None:
        """Read the rules in force on the worker, then show them."""
        op = QueryOp(self, lambda ws: ws.rating.rules(), self._core, progress=False)
        op.success(self._show).failure(
            self._core.reporter(self, "Không đọc được quy tắc xếp loại")
        ).run()

    def _show(self, rules: RatingRules) -> None:
        default = rules.text == default_rules().text
        origin = "mặc định của ứng dụng" if default else "đã nhập"
        self.name_label.setText(f"<b>Đang dùng:</b> {html.escape(rules.name)} ({origin})")
        self._fill(rules)
        self.reset_button.setEnabled(not default)
        self.loaded.emit()

    def _show_round(self, year: int, rules: RatingRules) -> None:
        """The rules of the round of ``year``, to read: the buttons that change the rules in
        force are not offered."""
        self.setWindowTitle(ROUND_TITLE.format(year=year))
        self.note_label.setText(ROUND_NOTE)
        for widget in (self.how_label, self.import_button, self.export_button, self.reset_button):
            widget.hide()
        self._fill(rules)
        self.name_label.setText(f"<b>Đợt xếp loại năm {year}:</b> {html.escape(rules.name)}")
        self.loaded.emit()

    def _fill(self, rules: RatingRules) -> None:
        self.rules = rules
        values = rule_values(rules)
        for key in RULE_LABELS:
            self.value_labels[key].setText(values[key])
            self.source_labels[key].setText(rules.sources.get(key, NO_SOURCE))

    def rows(self) -> list[tuple[str, str, str]]:
        """(rule, value, source) as the dialog shows them."""
        return [
            (label, self.value_labels[key].text(), self.source_labels[key].text())
            for key, label in RULE_LABELS.items()
        ]

    # Files --------------------------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Nhập quy tắc xếp loại", str(open_folder()),
                                                FILE_FILTER)  # fmt: skip
        return Path(chosen) if chosen else None

    def ask_save_path(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Xuất quy tắc xếp loại", str(documents_folder() / EXPORT_NAME), FILE_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".json")

    def import_rules(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        try:
            text = _read_rules_file(path)
        except AppError as exc:
            self.prompts.error(self, "Không nhập được quy tắc", f"{exc.message}\n\n{UNCHANGED}")
            return
        op = CoreOp(self, lambda ws: ws.rating.set_rules(text), self._core)
        op.success(self._imported).failure(self._not_imported).run()

    def _imported(self, rules: RatingRules) -> None:
        self.load()
        self.status_label.setText(
            f"Đã nhập quy tắc “{rules.name}”. Các đợt xếp loại đã mở vẫn giữ quy tắc cũ."
        )

    def _not_imported(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.prompts.error(self, "Không nhập được quy tắc", f"{exc.message}\n\n{UNCHANGED}")
        else:
            self._core.runner.show_error(exc, parent=self)

    def export_rules(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return

        def write(ws: Workspace) -> Path:
            text = ws.rating.rules().text
            with written_atomically(path) as temp:
                temp.write_text(text, encoding="utf-8")
            return path

        op = QueryOp(self, write, self._core, label="Đang xuất quy tắc…")
        op.success(lambda written: self.status_label.setText(
            f"Đã xuất quy tắc ra tệp {written}.")).run()  # fmt: skip

    def reset_rules(self) -> None:
        text = (
            "Dùng lại quy tắc xếp loại mặc định của ứng dụng?\n\nQuy tắc đã nhập sẽ được thay "
            "bằng quy tắc mặc định; các đợt xếp loại đã mở vẫn giữ quy tắc của lúc mở."
        )
        if not self.prompts.confirm(self, TITLE, text, yes="Dùng quy tắc mặc định", no="Không"):
            return
        op = CoreOp(self, lambda ws: ws.rating.reset_rules(), self._core)
        op.success(self._reset).run()

    def _reset(self, _result: object) -> None:
        self.load()
        self.status_label.setText("Đã dùng lại quy tắc xếp loại mặc định.")


def _read_rules_file(path: Path) -> str:
    """The text of a rules file (UTF-8, with or without the mark Notepad adds)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AppError(f"Tệp “{path.name}” quá lớn để là một tệp quy tắc xếp loại.")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AppError(
            f"Tệp “{path.name}” không phải văn bản UTF-8: hãy lưu lại tệp với mã hóa UTF-8."
        ) from exc
    except OSError as exc:
        raise AppError(f"Không đọc được tệp “{path}”.", details=repr(exc)) from exc
