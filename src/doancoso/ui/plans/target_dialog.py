"""Add or edit one target of the plan: its text, criterion, planned quantity and unit, and how
its result is known — entered by the secretary, or measured by the app (admissions, activities
of a kind, chi đoàn meeting every month, participation, youth admitted).

The dialog only collects text; the core validates it (``PlanService.add_target`` /
``save_target``, on the worker) and each message is shown under its field, the dialog staying
open until the target is saved. A measured target has no achieved figure to type: the dialog
says what the app counts, and for an existing target what it counts today.

A figure typed for a target whose wording names something the app counts ("Giới thiệu 3 đoàn
viên ưu tú cho Đảng", see :func:`~doancoso.core.plans.crosscheck.suggested_measure`) would
make the dossier print two figures of one thing; under "Đạt được" the dialog says what the app
counts and offers to choose that measure, after which the figure follows the data.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.lang.dates import format_vn_date
from ...core.plans.crosscheck import measure_phrase, suggested_measure
from ...core.plans.figures import NOT_DUE_TEXT, not_started_text, number_text, quantity_text
from ...core.plans.measures import measure_due
from ...core.plans.rules import CRITERIA, MEASURES
from ...core.plans.service import TargetInfo
from ...core.workspace import Workspace
from ..common.fields import FieldErrors, WrappedLabel, open_with_room
from ..shell.operations import Core, CoreOp, QueryOp

log = logging.getLogger(__name__)
NO_CRITERION = "(Không gắn tiêu chí)"
ENTERED_BY_HAND = "Bí thư nhập kết quả"
ANY_KIND = "(Mọi loại hoạt động)"
HINT_STYLE = "color: #616161;"
MEASURED_HINT = "Ứng dụng tự tính từ dữ liệu (sổ đoàn viên, lịch hoạt động, điểm danh)."
ACHIEVED_PLACEHOLDER = "Số đã đạt được đến nay"
USE_COUNT = "&Dùng cách đếm của ứng dụng"
DISCARD_TEXT = "Chỉ tiêu đã nhập chưa được lưu. Bỏ các thay đổi này?"


def figure_text(value: float) -> str:
    """A figure in its field as the page shows it ("1.500", "12,5"), every decimal kept
    ("66,67", where the page rounds to "66,7"): saving the target unchanged keeps it."""
    if round(value, 1) == value:
        return number_text(value)
    return repr(float(value)).replace(".", ",")


class TargetDialog(QDialog):
    """Add (``target`` None) or edit a target of the plan of ``year``; ``saved_id`` once saved.
    Figures are counted up to ``as_of`` (default today), said as ``as_of_text``."""

    def __init__(
        self, core: Core, year: int, target: TargetInfo | None = None,
        as_of_text: str = "", parent: QWidget | None = None, as_of: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._as_of = as_of
        self._counts: dict[str, float | None] = {}  # measure → the app's count, once read
        self._typed_achieved = ""
        self._core = core
        self.year = year
        self.target = target
        self.saved_id: str | None = None
        self._saving = False
        self._as_of_text = as_of_text
        self.kinds = core.ws.activities.kind_names()
        self.setWindowTitle("Sửa chỉ tiêu" if target else f"Thêm chỉ tiêu – kế hoạch năm {year}")
        self._build()
        if target is not None:
            self._load(target)
        self._measure_changed()
        self._initial = self.raw()  # what Esc or "Hủy" may drop without asking
        # The most it shows at once: the text, the planned and the achieved numbers.
        open_with_room(self, 3, 560)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.form = form = QFormLayout()
        self.errors = FieldErrors()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText("Ví dụ: Kết nạp đoàn viên mới")
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.errors.add_row(form, "text", "&Nội dung chỉ tiêu", self.text_edit, required=True)

        self.criterion_combo = QComboBox()
        self.criterion_combo.addItem(NO_CRITERION, "")
        for number, name in CRITERIA.items():
            self.criterion_combo.addItem(f"{number}. {name}", str(number))
        self.errors.add_row(form, "criterion", "&Tiêu chí", self.criterion_combo)

        self.planned_edit = QLineEdit()
        self.planned_edit.setPlaceholderText("Ví dụ: 20 (để trống nếu không định lượng)")
        self.errors.add_row(form, "planned", "Số lượng &kế hoạch", self.planned_edit)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText("Ví dụ: đoàn viên, hoạt động, %")
        self.errors.add_row(form, "unit", "Đơn &vị tính", self.unit_edit)

        self.measure_combo = QComboBox()
        self.measure_combo.addItem(ENTERED_BY_HAND, "")
        for key, (description, _unit) in MEASURES.items():
            self.measure_combo.addItem(f"Tự tính: {description}", key)
        self.errors.add_row(form, "measure", "Kết &quả", self.measure_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(ANY_KIND, "")
        for code, name in self.kinds.items():
            self.kind_combo.addItem(name, code)
        self.errors.add_row(form, "measure_kind", "Loại &hoạt động", self.kind_combo)

        self.achieved_edit = QLineEdit()
        self.achieved_edit.setPlaceholderText(ACHIEVED_PLACEHOLDER)
        self.errors.add_row(form, "achieved", "Đạt đượ&c", self.achieved_edit)
        self.count_row = QWidget()
        row = QHBoxLayout(self.count_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.count_label = WrappedLabel()
        self.use_count_button = QPushButton(USE_COUNT)
        self.use_count_button.setAutoDefault(False)  # Enter still saves
        self.use_count_button.clicked.connect(self.use_count)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.use_count_button)
        self.count_row.hide()
        form.addRow("", self.count_row)
        self.measure_hint = WrappedLabel()
        self.measure_hint.setStyleSheet(HINT_STYLE)
        form.addRow("", self.measure_hint)
        layout.addLayout(form)
        layout.addStretch(1)  # the room of the messages, "Lưu" staying in place

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        # Alt+Y: the app's H ("&Hủy") is "Loại &hoạt động"'s here.
        self.cancel_button = buttons.addButton("Hủ&y", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        # Enter makes a new line in "Nội dung chỉ tiêu": Ctrl+Enter saves from any field, as in
        # the activity form.
        self.save_button.setToolTip("Lưu chỉ tiêu (Enter, hoặc Ctrl+Enter trong mọi ô)")
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # either Enter key
            QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | enter), self, self.save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._last_measure = ""
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._measure_changed())
        for signal in (self.text_edit.textChanged, self.achieved_edit.textChanged,
                       self.unit_edit.textChanged):  # fmt: skip
            signal.connect(self._offer_count)
        self.setMinimumWidth(560)

    def _load(self, target: TargetInfo) -> None:
        self.text_edit.setPlainText(target.text)
        self.criterion_combo.setCurrentIndex(
            max(0, self.criterion_combo.findData(str(target.criterion or "")))
        )
        self.planned_edit.setText(figure_text(target.planned) if target.planned is not None else "")
        self.unit_edit.setText(target.unit or "")
        self.measure_combo.setCurrentIndex(
            max(0, self.measure_combo.findData(target.measure or ""))
        )
        self._last_measure = target.measure or ""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(target.measure_kind or "")))
        if not target.measured and target.achieved is not None:
            self.achieved_edit.setText(figure_text(target.achieved))

    def _measure_changed(self) -> None:
        """Achieved is typed only for a target the app does not measure, once the plan's year
        has begun (before, the page reads its targets "chưa đến kỳ"); the kind of activity
        only matters for "activities"; the unit follows the measure while it was its default."""
        key = str(self.measure_combo.currentData() or "")
        self._enable(self.kind_combo, key == "activities")
        if self.achieved_edit.isEnabled():  # kept for a return to "Bí thư nhập kết quả"
            self._typed_achieved = self.achieved_edit.text()
        self._enable(self.achieved_edit, not key and self._started())
        self.achieved_edit.setPlaceholderText(
            ACHIEVED_PLACEHOLDER if self._started() else NOT_DUE_TEXT.capitalize()
        )
        unit = self.unit_edit.text().strip()
        previous = MEASURES[self._last_measure][1] if self._last_measure else ""
        if key and (not unit or unit == previous):
            self.unit_edit.setText(MEASURES[key][1])
        self._last_measure = key
        counted = self._counted(key) if self._started() else None
        if key:  # the field shows the app's figure, not one typed before the choice
            self.achieved_edit.setText(number_text(counted) if counted is not None else "")
        else:
            self.achieved_edit.setText(self._typed_achieved)
        if not key and not self._started():  # why "Đạt được" is greyed, as the page says it
            self.measure_hint.setText(
                f"{NOT_DUE_TEXT.capitalize()} ({not_started_text(self.year)}): kết quả đạt được "
                f"nhập từ ngày {format_vn_date(date(self.year, 1, 1))}."
            )
        elif not key:
            self.measure_hint.setText("")
        elif not self._started():  # a plan made in advance: nothing to count yet
            self.measure_hint.setText(
                f"{MEASURED_HINT} Năm {self.year} chưa bắt đầu: ứng dụng tính từ ngày "
                f"{format_vn_date(date(self.year, 1, 1))}."
            )
        elif counted is not None:
            figure = quantity_text(counted, self.unit_edit.text())
            when = f" đến ngày {self._as_of_text}" if self._as_of_text else ""
            if not measure_due(key, self.year, self._as_of or date.today()):
                figure += (  # what was met so far, as the page's "Chưa đến kỳ" tooltip says
                    f" ({NOT_DUE_TEXT} đánh giá: tháng 01/{self.year} chưa kết thúc, số đạt "
                    "được là các chi đoàn đã sinh hoạt trong tháng)"
                )
            self.measure_hint.setText(f"{MEASURED_HINT} Hiện tính được{when}: {figure}.")
        elif self.target is not None and self.target.measure == key and self.target.measured:
            when = f" đến ngày {self._as_of_text}" if self._as_of_text else ""
            self.measure_hint.setText(f"{MEASURED_HINT} Hiện tính được{when}: chưa có số liệu.")
        else:
            self.measure_hint.setText(MEASURED_HINT)
        self.measure_hint.setVisible(bool(self.measure_hint.text()))
        self._offer_count()

    def _enable(self, field: QWidget, enabled: bool) -> None:
        """Grey ``field`` out or back, with its label: a label's letter that can do nothing is
        not offered."""
        field.setEnabled(enabled)
        box = field.parentWidget()  # (the row holding the field and its message)
        label = self.form.labelForField(box) if box is not None else None
        if label is not None:
            label.setEnabled(enabled)

    def _started(self) -> bool:
        """Whether the plan's year has begun at the day figures are counted to (as
        :attr:`~doancoso.core.plans.service.PlanInfo.started`)."""
        return (self._as_of or date.today()) >= date(self.year, 1, 1)

    def _counted(self, key: str) -> float | None:
        """What the app counts of measure ``key`` as far as the dialog knows it: the target's
        own figure for its measure, else a count read for the offer (any kind of activity)."""
        target = self.target
        if target is not None and target.measured and target.measure == key:
            return target.achieved
        return self._counts.get(key) if key and key != "activities" else None

    def _offered_measure(self) -> str | None:
        """The measure to offer: the one the text names, while a figure is typed by hand."""
        if self.measure_combo.currentData() or not self.achieved_edit.text().strip():
            return None
        return suggested_measure(self.text_edit.toPlainText())

    def _offer_count(self) -> None:
        """Show under "Đạt được" what the app counts of what the text names (read once per
        measure on the worker), or nothing when there is no such thing to offer."""
        key = self._offered_measure() if self._started() else None
        if key is not None and key not in self._counts:
            self._read_count(key)
            return
        counted = self._counts.get(key) if key is not None else None
        if key is None or counted is None:
            self.count_row.hide()
            return
        unit = self.unit_edit.text().strip() or MEASURES[key][1]
        self.count_label.setText(
            f"Ứng dụng đếm được {quantity_text(counted, unit)} ({measure_phrase(key)})."
        )
        self.count_row.show()

    def _read_count(self, key: str) -> None:
        self._counts[key] = None  # asked once: no second read while this one runs
        year, as_of = self.year, self._as_of

        def counted(value: float | None) -> None:
            self._counts[key] = value
            self._offer_count()

        def failed(exc: BaseException) -> None:  # the offer is a help: none without a count
            log.warning("could not count %s for the target dialog: %s", key, exc)

        op = QueryOp(self, lambda ws: ws.plans.measured(year, key, None, as_of), self._core,
                     progress=False)  # fmt: skip
        op.success(counted).failure(failed).run()

    def use_count(self) -> None:
        """Choose the measure the offer names: from the save on, the app counts the figure."""
        key = self._offered_measure()
        if key is not None:
            self.measure_combo.setCurrentIndex(self.measure_combo.findData(key))

    def raw(self) -> dict[str, str]:
        key = str(self.measure_combo.currentData() or "")
        return {
            "text": self.text_edit.toPlainText(),
            "criterion": str(self.criterion_combo.currentData() or ""),
            "planned": self.planned_edit.text(),
            "unit": self.unit_edit.text(),
            "measure": key,
            "measure_kind": str(self.kind_combo.currentData() or "") if key == "activities" else "",
            "achieved": "" if key else self.achieved_edit.text(),
        }

    def save(self) -> None:
        """Validate and save on the worker; close once saved, else show the messages."""
        if self._saving:
            return
        raw, kinds, year = self.raw(), self.kinds, self.year
        target_id = self.target.id if self.target else None

        def write(ws: Workspace) -> str:
            if target_id is None:
                return ws.plans.add_target(year, raw, kinds)
            ws.plans.save_target(target_id, raw, kinds)
            return target_id

        def saved(new_id: str) -> None:
            self._saving = False
            self.saved_id = new_id
            self.accept()

        def failed(exc: BaseException) -> None:
            self._saving = False
            if isinstance(exc, ValidationError):
                self.errors.show(exc.field_errors)
            else:
                self._core.runner.show_error(exc, "Không lưu được chỉ tiêu", self)

        self._saving = True
        CoreOp(self, write, self._core).success(saved).failure(failed).run()

    def reject(self) -> None:
        """Esc, "Hủy" or the window's close: what was typed is asked about first, as in the
        activity, roll-call and minutes dialogs."""
        if self._saving:
            return
        if (
            self.saved_id is None
            and self.raw() != self._initial
            and not self._core.prompts.confirm(self, "Bỏ thay đổi?", DISCARD_TEXT)
        ):
            return
        super().reject()
