"""FieldErrors: each message under its field, the others together in one general label."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.fields import ErrorLabel, FieldErrors


def test_show_all_puts_the_messages_without_a_field_in_the_general_label(qtbot: QtBot) -> None:
    form_widget = QWidget()
    qtbot.addWidget(form_widget)
    form = QFormLayout(form_widget)
    errors = FieldErrors()
    errors.add_row(form, "date", "Ngày", QLineEdit(), required=True)
    general = ErrorLabel()
    form.addRow(general)
    assert general.isHidden()

    errors.show_all(
        {"date": "Ngày không hợp lệ.", "gender": "Chưa rõ.", "birth_date": "Thiếu ngày sinh."},
        general, "Chưa kết nạp được: {} Hãy sửa rồi thử lại.",
    )  # fmt: skip
    assert errors.messages() == {"date": "Ngày không hợp lệ."}
    assert not general.isHidden()
    assert general.text() == "Chưa kết nạp được: Chưa rõ. Thiếu ngày sinh. Hãy sửa rồi thử lại."

    errors.show_all({"date": "Ngày không hợp lệ."}, general)
    assert general.isHidden() and general.text() == ""
