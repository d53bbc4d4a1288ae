"""The repeat of an activity in its form: a preset or an RRULE, its end date, and how many dates
that makes ("12 buổi, từ 15/01/2027 đến 15/12/2027"), counted as the user types by the core's
own :func:`~doancoso.core.activities.recurrence.expand`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from ...core.activities.recurrence import PRESETS, expand, normalize_rule, preset_rule
from ...core.errors import ValidationError
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ..common.date_popup import attach_date_popup
from ..common.fields import FieldErrors, WrappedLabel

CUSTOM = "custom"
CHOICES: tuple[tuple[str, str], ...] = (
    ("", "Không lặp lại"),
    ("weekly", PRESETS["weekly"]),
    ("monthly", PRESETS["monthly"]),
    ("last-sunday", PRESETS["last-sunday"]),
    (CUSTOM, "Lặp theo quy tắc tự nhập"),
)
UNTIL_REQUIRED = "Cần nhập ngày kết thúc lặp lại."
PREVIEW_STYLE = "color: #1565c0;"


def _parse(text: str) -> dt.date | None:
    try:
        return parse_vn_date(text)[0] if text.strip() else None
    except DateFormatError:
        return None


class RepeatFields(QObject):
    """The rows "Lặp lại", "Lặp đến ngày" and the count of dates, added to a form."""

    changed = Signal()

    def __init__(self, parent: QWidget, start: QLineEdit | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for code, label in CHOICES:
            self.combo.addItem(label, code)
        self.rule_edit = QLineEdit()
        self.rule_edit.setPlaceholderText("Ví dụ: FREQ=MONTHLY;BYMONTHDAY=15")
        self.rule_edit.hide()
        self.row = QWidget()
        row_layout = QHBoxLayout(self.row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.combo)
        row_layout.addWidget(self.rule_edit, 1)
        self.row.setFocusProxy(self.combo)
        self.until_edit = QLineEdit()
        self.until_label: QWidget | None = None  # "Lặp đến ngày", once in a form
        self.until_edit.setPlaceholderText("dd/mm/yyyy")
        self.until_edit.setMaximumWidth(220)
        attach_date_popup(self.until_edit, start=start)  # empty, opens on the activity's day
        self.preview = WrappedLabel()
        self.preview.setStyleSheet(PREVIEW_STYLE)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.combo.currentIndexChanged.connect(self._repeat_chosen)
        self.rule_edit.textChanged.connect(self.changed)
        self.until_edit.textChanged.connect(self.changed)
        self._repeat_chosen()

    def add_rows(self, form: QFormLayout, errors: FieldErrors) -> None:
        errors.add_row(form, "rule", "Lặp lạ&i", self.row)
        errors.add_row(form, "until", "Lặp đến ngà&y", self.until_edit, check=self.until_check)
        box = self.until_edit.parentWidget()  # (the row holding the field and its message)
        assert box is not None
        self.until_label = form.labelForField(box)
        self.until_label.setEnabled(self.until_edit.isEnabled())  # greyed with its field
        form.addRow("", self.preview)
        self.rule_edit.textChanged.connect(lambda _text: errors.recheck("rule"))
        self.combo.currentIndexChanged.connect(lambda _index: errors.recheck("until"))

    def _repeat_chosen(self) -> None:
        self.rule_edit.setVisible(self.code() == CUSTOM)
        self.until_edit.setEnabled(bool(self.code()))
        if self.until_label is not None:  # (a letter that can do nothing is not offered)
            self.until_label.setEnabled(bool(self.code()))
        self.changed.emit()

    # Values -------------------------------------------------------------------------------

    def code(self) -> str:
        return str(self.combo.currentData() or "")

    def repeat_text(self) -> str:
        """What the core takes as ``repeat``: a preset's code, an RRULE, or "" (once)."""
        code = self.code()
        return self.rule_edit.text().strip() if code == CUSTOM else code

    def until_text(self) -> str:
        return self.until_edit.text() if self.code() else ""

    def until_check(self) -> str:
        """A preset needs its end date (a custom rule may end by its COUNT instead)."""
        if self.code() and self.code() != CUSTOM and not self.until_edit.text().strip():
            return UNTIL_REQUIRED
        return ""

    def set_rule(self, rule: str | None, start: dt.date) -> None:
        """Show a saved rule: the preset it was made from, or the RRULE; its UNTIL goes into
        "Lặp đến ngày"."""
        if not rule:
            self.combo.setCurrentIndex(0)
            return
        parts = [p for p in rule.split(";") if not p.upper().startswith("UNTIL=")]
        until = next((p[6:] for p in rule.split(";") if p.upper().startswith("UNTIL=")), "")
        base = ";".join(parts)
        code = next((c for c in PRESETS if preset_rule(c, start) == base), CUSTOM)
        self.combo.setCurrentIndex(self.combo.findData(code))
        if code == CUSTOM:
            self.rule_edit.setText(base)
        if len(until) >= 8:
            self.until_edit.setText(
                format_vn_date(dt.date(int(until[:4]), int(until[4:6]), int(until[6:8])))
            )

    def update_preview(self, start_text: str) -> None:
        """Count the dates the repeat makes from the start date typed (or say why it cannot)."""
        self.preview.setText(self.preview_text(start_text))

    def preview_text(self, start_text: str) -> str:
        repeat = self.repeat_text()
        start = _parse(start_text)
        if not self.code() or start is None or not repeat:
            return ""
        if self.code() != CUSTOM and not self.until_edit.text().strip():
            return ""
        until = _parse(self.until_edit.text())
        if self.until_edit.text().strip() and until is None:
            return ""
        try:
            dates = expand(normalize_rule(repeat, start, until), start)
        except ValidationError as exc:
            return " ".join(exc.field_errors.values())
        if len(dates) == 1:
            return f"1 buổi, ngày {format_vn_date(dates[0])}"
        first, last = format_vn_date(dates[0]), format_vn_date(dates[-1])
        return f"{len(dates)} buổi, từ {first} đến {last}"
