"""FieldErrors: each message under its field, the others together in one general label; a
message never changes its field's height and goes as soon as the field is valid."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.fields import ErrorLabel, FieldErrors
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.main_window import SETTINGS, MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.youth.form import YouthFormDialog
from scripted import synchronous_core


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


# A message never changes its field's height, and goes as soon as the field is valid ----------

# Showing a top-level window on the offscreen platform logs this harmless warning.
SIZE_HINTS = "propagateSizeHints"


def _settle(qtbot: QtBot) -> None:
    """Let the layouts run (a label sized by its text asks for a second pass)."""
    for _ in range(3):
        qtbot.wait(10)


def _not_cut(label: QLabel) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width()) > 0


def _heights(editors: Mapping[str, QWidget]) -> dict[str, int]:
    return {name: editor.height() for name, editor in editors.items()}


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_setup_dialog_fields_keep_their_height_with_a_message(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    editors = dict(dialog.form.editors)
    before = _heights(editors)
    assert before["name"] >= 20
    dialog.save_button.click()
    _settle(qtbot)
    assert set(dialog.form.errors.messages()) == {"name", "commune", "superior_name"}
    assert _heights(editors) == before
    for name in ("name", "commune", "superior_name"):
        _editor, label = dialog.form.errors._fields[name]
        assert _not_cut(label), name
    # Typing a valid value takes the message away at once, not on the next save.
    dialog.form.editors["name"].setText("Đoàn xã Tân Hưng")
    assert "name" not in dialog.form.errors.messages()
    _settle(qtbot)
    assert _heights(editors) == before


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_settings_page_fields_keep_their_height_at_1366x768(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_area(SETTINGS)
    page = window.settings
    _settle(qtbot)
    editors = dict(page.form.editors)
    before = _heights(editors)
    age_row = page.form.age_spin.parentWidget()
    assert age_row is not None
    age_height = age_row.height()
    for name in ("name", "superior_name"):
        editors[name].setText("")
    page.save_button.click()
    _settle(qtbot)
    assert set(page.form.errors.messages()) == {"name", "superior_name"}
    assert _heights(editors) == before and age_row.height() == age_height
    for name in ("name", "superior_name"):
        assert _not_cut(page.form.errors._fields[name][1]), name
    editors["superior_name"].setText("Tỉnh đoàn Cà Mau")
    assert set(page.form.errors.messages()) == {"name"}


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_youth_form_fields_keep_their_height(qtbot: QtBot, ws: Workspace) -> None:
    dialog = YouthFormDialog(synchronous_core(ws))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    editors = {name: dialog.editors[name] for name in ("full_name", "birth_date", "phone")}
    before = _heights(editors)
    dialog.set_value("phone", "12345")
    dialog.save_button.click()
    _settle(qtbot)
    assert set(dialog.errors.messages()) == {"full_name", "birth_date", "phone"}
    assert _heights(editors) == before
    dialog.set_value("phone", "0912345678")  # any edit: the core checks it again on saving
    dialog.set_value("full_name", "Lê Văn An")
    assert set(dialog.errors.messages()) == {"birth_date"}


def test_a_required_field_keeps_its_message_while_empty_and_a_check_decides(
    qtbot: QtBot,
) -> None:
    form_widget = QWidget()
    qtbot.addWidget(form_widget)
    form = QFormLayout(form_widget)
    errors = FieldErrors()
    name, day = QLineEdit(), QLineEdit()
    errors.add_row(form, "name", "Họ và tên", name, required=True)
    errors.add_row(form, "day", "Ngày", day, check=lambda: "" if "/" in day.text() else "Sai.")
    errors.show({"name": "Cần nhập họ và tên.", "day": "Sai."})
    name.setText("   ")
    day.setText("5")
    assert errors.messages() == {"name": "Cần nhập họ và tên.", "day": "Sai."}
    name.setText("An")
    day.setText("05/12/2026")
    assert errors.messages() == {}
    day.setText("x")  # no message shown: editing does not start showing one
    assert errors.messages() == {}
    assert errors.check() is day and errors.messages() == {"day": "Sai."}
