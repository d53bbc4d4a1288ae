"""The coming-of-age age in the organisation form: a keyboard-usable spin box on the settings
page and the setup dialog; after saving, the coming-of-age dialog and the statistics follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, synchronous_core

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MESSAGE = "Tuổi trưởng thành Đoàn phải là số nguyên từ 25 đến 35."
CARD = "Đến tuổi trưởng thành Đoàn ({} tuổi) năm 2026"


def _members(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Long").id
    for name, birth in (
        ("Võ Thị Mười", "14/07/1996"),  # 30 in 2026, 31 in 2027
        ("Trần Văn Chín", "1995"),  # 30 in 2025, 31 in 2026
        ("Nguyễn Văn An", "01/01/2005"),
    ):
        ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch})


def _age(ws: Workspace) -> int:
    info = ws.organization.get()
    assert info is not None
    return info.coming_of_age


def test_settings_page_shows_saves_and_reloads_the_age(qtbot: QtBot, ws: Workspace) -> None:
    core = synchronous_core(ws)
    page = SettingsPage(core)
    qtbot.addWidget(page)
    spin = page.form.age_spin
    assert (spin.value(), spin.suffix(), spin.minimum(), spin.maximum()) == (30, " tuổi", 25, 35)
    assert spin.text() == "30 tuổi"
    row = spin.parentWidget()  # the spin and its hint, in the box that holds the error label
    assert row is not None
    box, layout = row.parentWidget(), page.form.layout()
    assert box is not None and isinstance(layout, QFormLayout)
    label = layout.labelForField(box)
    assert isinstance(label, QLabel) and label.text() == "Tuổ&i trưởng thành Đoàn"
    assert label.buddy() is row and row.focusProxy() is spin  # focus from the label and on error
    assert page.form.age_hint.text() == (
        "Mặc định 30. Dùng cho danh sách trưởng thành Đoàn và thống kê."
    )

    qtbot.keyClick(spin, Qt.Key.Key_Up)  # keyboard only
    assert spin.value() == 31
    with qtbot.wait_signal(core.data_changed.changed) as blocker:
        page.save_button.click()
    assert blocker.args[0].touches("organizations")
    assert (page.saved_label.text(), _age(ws)) == ("Đã lưu.", 31)

    again = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(again)
    assert again.form.age_spin.value() == 31
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "28")
    assert spin.value() == 28
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    page.save_button.click()
    assert _age(ws) == 27
    # "again" listens to another Core's signal: call what a change of organizations would.
    again.load()
    assert again.form.age_spin.value() == 27
    # The spin box cannot go past the range the core accepts.
    spin.setValue(40)
    assert spin.value() == 35


def test_enter_in_any_field_of_the_form_saves(qtbot: QtBot, ws: Workspace) -> None:
    """The "Lưu" button's tooltip promises Enter: in the age box as in every text field."""
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    assert page.save_button.toolTip() == "Lưu thông tin Đoàn cơ sở (Enter hoặc Ctrl+S)"
    spin = page.form.age_spin
    for key, typed in ((Qt.Key.Key_Return, "33"), (Qt.Key.Key_Enter, "26")):  # keypad's too
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, typed)
        qtbot.keyClick(spin, key)
        assert (page.saved_label.text(), _age(ws)) == ("Đã lưu.", int(typed))
        assert not page.form.is_modified()
    for name, editor in page.form.editors.items():
        editor.setText(f"{editor.text()} mới" if name != "superior_short" else "TĐ")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        info = ws.organization.get()
        assert info is not None and getattr(info, name) == editor.text(), name


def test_saving_other_fields_keeps_the_age(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.form.age_spin.setValue(32)
    page.save_button.click()
    page.form.editors["secretary_name"].setText("Lê Văn Tám")
    page.save_button.click()
    info = ws.organization.get()
    assert info is not None and (info.secretary_name, info.coming_of_age) == ("Lê Văn Tám", 32)


def test_a_core_message_about_the_age_is_shown_under_it(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.form.show_errors(ValidationError({"coming_of_age": MESSAGE}))
    assert page.form.errors.messages() == {"coming_of_age": MESSAGE}


def test_setup_dialog_creates_the_organisation_with_the_age(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    assert dialog.form.age_spin.value() == 30
    dialog.form.editors["name"].setText("Đoàn phường 5")
    dialog.form.editors["superior_name"].setText("Thành đoàn Cần Thơ")
    dialog.form.editors["province"].setText("Cần Thơ")  # the place of its documents
    dialog.form.age_spin.setValue(29)
    dialog.save_button.click()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert _age(empty_ws) == 29


def test_the_coming_of_age_dialog_follows_the_saved_age(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    _members(ws)
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    seen: list[tuple[str, str, list[str], list[str], str]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ComingOfAgeDialog)
        # "quá hạn" judged on a day of 2026 (the dialog's own clock): from 2027 the member who
        # reached 30 in 2026 is rightly overdue.
        dialog.today = date(2026, 12, 7)
        dialog.year_spin.setValue(2026)
        dialog.reload()  # the year shown may have been 2026 already: listed on that day
        seen.append(
            (
                dialog.caption.text(),
                dialog.model.headerData(4, Qt.Orientation.Horizontal),
                dialog.names(),
                [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())],
                dialog.summary.text(),
            )
        )

    prompts.dialog_script = look
    window.coming_of_age_action.trigger()
    window.settings.form.age_spin.setValue(31)
    window.settings.save_button.click()
    window.coming_of_age_action.trigger()
    assert seen == [
        (
            "Đoàn viên đủ 30 tuổi trong &năm:",
            "Đủ 30 tuổi năm",
            ["Trần Văn Chín", "Võ Thị Mười"],
            ["2025 (quá hạn)", "2026"],
            "2 đoàn viên đủ 30 tuổi (trong đó 1 quá hạn, từ các năm trước) — đã chọn 0.",
        ),
        (
            "Đoàn viên đủ 31 tuổi trong &năm:",
            "Đủ 31 tuổi năm",
            ["Trần Văn Chín"],
            ["2026"],
            "1 đoàn viên đủ 31 tuổi — đã chọn 0.",
        ),
    ]


def test_an_empty_year_names_the_age_in_force(qtbot: QtBot, ws: Workspace) -> None:
    _members(ws)
    info = ws.organization.get()
    assert info is not None
    ws.organization.update(replace(info, coming_of_age=33))
    dialog = ComingOfAgeDialog(synchronous_core(ws, ScriptedPrompts()), year=2026)
    qtbot.addWidget(dialog)
    assert dialog.names() == []
    assert dialog.summary.text() == (
        "Không có đoàn viên nào đủ 33 tuổi trong năm 2026 cần xác nhận."
    )


def test_the_statistics_page_recounts_after_the_age_is_saved(qtbot: QtBot, ws: Workspace) -> None:
    _members(ws)
    core = synchronous_core(ws)
    stats = StatisticsPage(core, today=lambda: date(2026, 6, 1))
    qtbot.addWidget(stats)
    stats.resize(1200, 700)
    stats.show()

    def card(age: int = 30) -> int:
        caption = CARD.format(age)
        [value] = [int(c.value.text()) for c in stats.cards if c.caption.text() == caption]
        return value

    assert card() == 2  # Mười (30 in 2026) and Chín (overdue)
    settings = SettingsPage(core)
    qtbot.addWidget(settings)
    settings.form.age_spin.setValue(31)
    with qtbot.wait_signal(stats.refreshed, timeout=2000):
        settings.save_button.click()
    assert card(31) == 1  # Chín only
    stats.hide()
    settings.form.age_spin.setValue(29)
    settings.save_button.click()
    stats.show()  # a hidden page counts again when shown
    assert card(29) == 2  # An is 21: Chín and Mười, both overdue
