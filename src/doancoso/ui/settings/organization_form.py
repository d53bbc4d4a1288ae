"""The organisation's fields, shared by the first-start setup dialog and the settings page.

Besides what the core requires (:func:`~doancoso.core.organization.validate`), the form asks for
a place: the commune, or at least the province. Every printed document starts its date line
with it ("Tân Hưng, ngày 05 tháng 12 năm 2026", see ``reports.document.place_name``); with
neither, the line has no place. The rule lives here, in the GUI, and not in the core: scripts
set an organisation up with ``doancoso init`` and no commune, and must keep working; a secretary
setting up in the app is asked once, with the reason under the field. A field longer than any
real name (:data:`LONGEST`) is refused the same way, with its length: a paragraph pasted by
mistake.

A long name is shown from its start, where it is checked, not scrolled to its end: once loaded,
and once the focus has gone on from a name pasted (:class:`StartShownEdit`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from ...core.errors import ValidationError
from ...core.organization import (
    COMING_OF_AGE_MAX,
    COMING_OF_AGE_MIN,
    LONGEST_NAME,
    OrganizationInfo,
    too_long_message,
    validate,
)
from ...core.roster.rules import COMING_OF_AGE
from ..common.fields import FieldErrors, WrappedLabel

# (field, label, placeholder, required). Each label has its Alt letter (&), from its own words
# and taken by nothing else where the form shows: not by the main window's menus (T, S, X, V,
# G) nor the settings page's letters (L, Q, M, K, U, D, and N, Y, A of its other fields), nor
# the setup dialog's buttons (N, K, U, T). A word's first letter where one is free.
_FIELDS: tuple[tuple[str, str, str, bool], ...] = (
    ("name", "Tên Đ&oàn cơ sở", "Ví dụ: Đoàn xã Tân Hưng", True),
    ("commune", "Xã/&phường", "Ví dụ: Tân Hưng", False),
    ("province", "Tỉnh/t&hành phố", "Ví dụ: Cà Mau", False),
    ("superior_name", "Cấp bộ Đoàn cấp trên t&rực tiếp", "Ví dụ: Tỉnh đoàn Cà Mau", True),
    ("superior_short", "Tên viết tắt &của cấp trên", "Ví dụ: TĐ", False),
    ("secretary_name", "Họ tên &Bí thư", "Ví dụ: Nguyễn Thị Như Quỳnh", False),
)
PLACE_MESSAGE = (
    "Cần nhập xã/phường, hoặc ít nhất tỉnh/thành phố: địa danh này được in trước ngày tháng "
    "trên văn bản."
)
REQUIRED_NOTE = (
    "Các mục có dấu <span style='color:#c62828'>*</span> là bắt buộc, và cần nhập xã/phường "
    "hoặc ít nhất tỉnh/thành phố."
)
"""What the form requires, for the words above it: the starred fields, and the place (one of
two fields, so neither is starred)."""
LONGEST = LONGEST_NAME
"""The most characters a field of the form takes: the core's rule, shown as it is typed."""
AGE_LABEL = "Tuổ&i trưởng thành Đoàn"
AGE_HINT = f"Mặc định {COMING_OF_AGE}. Dùng cho danh sách trưởng thành Đoàn và thống kê."


_STAYING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
"""Why the focus left when the secretary comes back to the field where she was: its cursor kept."""


class StartShownEdit(QLineEdit):
    """A line edit that shows its text from the start once the focus has gone on (Tab, a click
    elsewhere): a long name pasted, or typed, reads from its first word without moving the
    cursor back. Not when a menu or another window takes the focus (the context menu's
    "Dán", a name copied from a browser): the secretary comes back to her cursor."""

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if event.reason() not in _STAYING:
            self.setCursorPosition(0)


class OrganizationForm(QWidget):
    """Line edits for :class:`OrganizationInfo`, and a spin box for its coming-of-age age, with
    messages next to invalid fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id = ""
        self.editors: dict[str, QLineEdit] = {}
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label, placeholder, required in _FIELDS:
            editor = StartShownEdit()
            editor.setPlaceholderText(placeholder)
            editor.setMinimumWidth(320)
            self.editors[name] = editor
            self.errors.add_row(form, name, label, editor, required, partial(self._check, name))
        # A province typed instead of the commune answers the commune's message too.
        self.editors["province"].textChanged.connect(lambda: self.errors.recheck("commune"))
        # The age is a setting because DOMAIN.md §4 could not verify it; the spin box only
        # offers the range the core accepts.
        self.age_spin = QSpinBox()
        self.age_spin.setRange(COMING_OF_AGE_MIN, COMING_OF_AGE_MAX)
        self.age_spin.setValue(COMING_OF_AGE)
        self.age_spin.setSuffix(" tuổi")
        self.age_spin.setAccessibleName(AGE_LABEL.replace("&", ""))
        self.age_spin.setToolTip(
            "Đoàn viên đủ tuổi này trong năm được đưa vào danh sách trưởng thành Đoàn."
        )
        age_row = QWidget()
        row = QHBoxLayout(age_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.age_spin)
        self.age_hint = WrappedLabel(AGE_HINT)
        self.age_hint.setStyleSheet("color: #616161;")  # the grey of the other hints
        row.addWidget(self.age_hint, 1)
        age_row.setFocusProxy(self.age_spin)  # the label's buddy and error focus reach the spin
        # A label gives its buddy the focus only when the buddy takes focus itself: without a
        # policy of its own, the row ignored Alt+I (Tab skips it still: it has a proxy).
        age_row.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # (a click on the hint stays there)
        self.errors.add_row(form, "coming_of_age", AGE_LABEL, age_row)
        self._shown = self._values()  # what set_info last put in the fields

    def info(self) -> OrganizationInfo:
        """What is typed, as an :class:`OrganizationInfo` (validated by the core, not here)."""
        values = {name: editor.text() for name, editor in self.editors.items()}
        return OrganizationInfo(id=self._id, coming_of_age=self.age_spin.value(), **values)

    def set_info(self, info: OrganizationInfo) -> None:
        self._id = info.id
        for name, editor in self.editors.items():
            editor.setText(getattr(info, name) or "")
            editor.setCursorPosition(0)  # a long name shows from its start, not its end
        self.age_spin.setValue(info.coming_of_age)
        self.errors.clear()
        self._shown = self._values()

    def _values(self) -> tuple[object, ...]:
        return (*(editor.text() for editor in self.editors.values()), self.age_spin.value())

    def is_modified(self) -> bool:
        """Whether a field differs from what :meth:`set_info` last put in it."""
        return self._values() != self._shown

    def length_message(self, name: str) -> str:
        """The message of field ``name`` when it is longer than :data:`LONGEST` (else "")."""
        return too_long_message(self.editors[name].text())

    def _check(self, name: str) -> str:
        """Field ``name``'s message as it is edited: the core's (a required field left empty),
        the place's, or its length's."""
        try:
            validate(self.info())
        except ValidationError as exc:
            if message := exc.field_errors.get(name):
                return message
        if name == "commune" and (place := self.place_message()):
            return place
        return self.length_message(name)

    def place_message(self) -> str:
        """The message of the place ("" when the commune or the province is typed)."""
        if self.editors["commune"].text().strip() or self.editors["province"].text().strip():
            return ""
        return PLACE_MESSAGE

    def checked_info(self) -> OrganizationInfo | None:
        """What is typed when the core and the form's own rule accept it; else None, with every
        message shown under its field (the core's and the place's at once)."""
        info = self.info()
        errors: dict[str, str] = {}
        try:
            validate(info)
        except ValidationError as exc:
            errors.update(exc.field_errors)
        if place := self.place_message():
            errors.setdefault("commune", place)
        for name in self.editors:
            if too_long := self.length_message(name):
                errors.setdefault(name, too_long)
        if errors:
            self.errors.show(errors)
            return None
        return info

    def show_errors(self, error: ValidationError) -> None:
        self.errors.show(error.field_errors)
