"""The bundle wizards as a secretary walks them at 1366×768: a handover taken at first start,
conflicts, a sáp nhập. What was cut, unfocused or unclear on the way, as the secretary sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from bundle_gui import export_through_gui, export_wizard, import_wizard, stick
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.secretary import SecretaryDialog
from scripted import ScriptedPrompts
from table_cells import cell_text

LONG_NAME = "Huỳnh Thị Ngọc Phương Thảo"
"""A new Bí thư's full name as long as names commonly are."""


def shows_whole(edit: QLineEdit, text: str) -> bool:
    """Whether ``text`` fits in ``edit`` without scrolling (its frame and margins aside)."""
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 8
    return edit.fontMetrics().horizontalAdvance(text) <= room


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_new_secretary_s_name_and_its_example_show_whole(qtbot: QtBot) -> None:
    """The dialog asking the new Bí thư's name after a handover was as narrow as its buttons:
    its introduction ran over six lines and its field cut its own example ("Ví dụ: Trần Văn
    Đ…") and a full name typed into it."""
    dialog = SecretaryDialog("Đoàn xã Tân Hưng", "Nguyễn Thị Như Quỳnh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.name_edit
    assert edit.placeholderText() == "Ví dụ: Trần Văn Đức"
    assert shows_whole(edit, edit.placeholderText())
    assert shows_whole(edit, LONG_NAME)


def test_the_new_secretary_dialog_quotes_the_organisation_s_name(qtbot: QtBot) -> None:
    """The dialog named the organisation without quotes ("Dữ liệu của Đoàn xã Tân Hưng đã…"),
    unlike every other bundle message."""
    dialog = SecretaryDialog("Đoàn xã Tân Hưng", "Nguyễn Thị Như Quỳnh")
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith(
        "Dữ liệu của “Đoàn xã Tân Hưng” đã được nhận vào máy này. Nhập họ và tên Bí thư mới "
        "(trước đây: Nguyễn Thị Như Quỳnh) để ký"
    )


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_password_is_typed_right_after_choosing_the_file(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Once the file is chosen, what is typed goes into "Mật khẩu" and Enter goes on (the focus
    stayed on "Chọn tệp…": the password typed went nowhere)."""
    from doancoso.ui.bundle.import_wizard import INFO_PAGE

    typed = "Hoa sen no tren dam 1990!"  # QTest types no Vietnamese letters
    bundle = export_through_gui(qtbot, ws, tmp_path, password=typed)
    wizard = import_wizard(qtbot, ws, ScriptedPrompts())
    wizard.ask_open_path = lambda _title: bundle
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    qtbot.keyClick(wizard.browse_button, Qt.Key.Key_Space)  # "Chọn tệp…", from the keyboard
    assert wizard.file_edit.text() == str(bundle)
    assert QApplication.focusWidget() is wizard.password_edit
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.page == INFO_PAGE, wizard.file_error.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_bien_ban_s_print_dialog_asks_no_recipients_and_says_none(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """A biên bản bàn giao has no "Nơi nhận": its print dialog hid that row but still said
    "Số, địa danh, ngày tháng và nơi nhận được in trên văn bản", the secretary looking for a
    field that was not there."""
    from doancoso.ui.common.document_dialog import DocumentDialog

    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    prompts = wizard.prompts
    assert isinstance(prompts, ScriptedPrompts)
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    wizard.export_button.click()
    seen: list[list[str]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        dialog.show()
        seen.append([label.text() for label in dialog.findChildren(QLabel)
                     if label.isVisible() and label.text()])  # fmt: skip
        assert not dialog.recipients_edit.isVisible()
        dialog.submit()

    prompts.dialog_script = look
    prompts.answer = False  # "Mở biên bản để in ngay?"
    wizard.ask_save_path = lambda *_a: tmp_path / "bien-ban.pdf"
    wizard.print_button.click()
    assert wizard.handover_pdf == tmp_path / "bien-ban.pdf"
    [texts] = seen
    assert texts[0] == (
        "Số, địa danh và ngày tháng được in trên văn bản. Bấm “Chọn nơi lưu…” để chọn tệp PDF."
    )
    assert not any("nơi nhận" in text.lower() for text in texts)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_first_start_takes_the_handover_with_alt_n(qtbot: QtBot, empty_ws: Workspace) -> None:
    """At first start the focus is in the organisation's name; "Nhận bàn giao từ USB…" was
    seven Tabs away, with no Alt+letter (nor "Khôi phục bản sao lưu…"): Alt+N and Alt+K now."""
    from doancoso.ui.settings.setup_dialog import SetupDialog

    opened: list[str] = []
    dialog = SetupDialog(
        empty_ws.organization, ScriptedPrompts(),
        receive_handover=lambda _w: opened.append("bàn giao") is not None,
        restore_backup=lambda _w: opened.append("sao lưu") and None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.handover_button is not None and dialog.restore_button is not None
    assert dialog.handover_button.text() == "&Nhận bàn giao từ USB…"
    assert dialog.restore_button.text() == "&Khôi phục bản sao lưu…"
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    for key, said in ((Qt.Key.Key_N, ["bàn giao"]), (Qt.Key.Key_K, ["bàn giao", "sao lưu"])):
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        qtbot.keyRelease(dialog, Qt.Key.Key_Alt)

        def shown(said: list[str] = said) -> bool:
            return opened == said

        qtbot.waitUntil(shown)  # a mnemonic clicks as a click shows


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_dry_run_puts_the_focus_on_the_first_choice_waiting(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Conflicts waiting for a choice: the focus is on the first "— Chọn —", so that the arrow
    keys choose (it was in the counts table above, five Tabs away from it)."""
    from bundle_gui import open_bundle
    from bundle_sync import both_changed
    from doancoso.ui.bundle.conflicts import CHOICE
    from doancoso.ui.bundle.import_wizard import PLAN_PAGE

    mine, theirs, bundle = both_changed(tmp_path, 2)
    try:
        wizard = import_wizard(qtbot, mine, ScriptedPrompts())
        with qtbot.wait_active(wizard):
            wizard.show()
            wizard.activateWindow()
        open_bundle(wizard, bundle)
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE
        panel = wizard.conflicts
        assert panel.rows.currentRow() == 0
        waiting = panel.fields.cellWidget(0, CHOICE)
        assert isinstance(waiting, QComboBox) and waiting.currentText() == "— Chọn —"
        assert cell_text(panel.fields, 0, 0) == "Điện thoại"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is waiting)
        qtbot.keyClick(waiting, Qt.Key.Key_Down)
        assert waiting.currentText() == "Giữ của tôi"
        assert panel.rows.item(0).text().startswith("✓ ")
    finally:
        mine.close()
        theirs.close()


def test_a_young_person_changed_on_both_copies_names_each_field_in_vietnamese(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The hamlet heads' lists imported on both machines: the conflict's fields were named by
    their columns ("away_place", "in_hardship", "hardship_kind"), in English; they read as the
    youth form writes them."""
    from bundle_gui import PASSWORD, import_to_plan

    youth = ws.youth.save({"full_name": "Lê Văn Tài", "birth_date": "02/05/2004"})
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    with Workspace.open(tmp_path / "may-ap") as hamlet:
        hamlet.bundles.apply(handover, PASSWORD)
        raw = {"full_name": "Lê Văn Tài", "birth_date": "02/05/2004", "working_away": "Có",
               "in_hardship": "Có"}  # fmt: skip
        ws.youth.save({**raw, "away_place": "Bình Dương", "hardship_kind": "Hộ nghèo"}, youth)
        hamlet.youth.save({**raw, "away_place": "Đồng Nai", "hardship_kind": "Hộ cận nghèo"}, youth)
        bundle = hamlet.bundles.export(tmp_path / "tu-ap.dcs", password=PASSWORD).path
    wizard = import_to_plan(qtbot, ws, bundle)
    fields = wizard.conflicts.fields
    shown = [tuple(cell_text(fields, r, c) for c in range(3)) for r in range(fields.rowCount())]
    assert shown == [
        ("Nơi làm ăn xa", "Bình Dương", "Đồng Nai"),
        ("Loại hoàn cảnh", "Hộ nghèo", "Hộ cận nghèo"),
    ]


def test_every_field_a_conflict_can_show_is_named_in_vietnamese() -> None:
    """Every column the conflicts panel can list (a travelling table's, but the version stamps
    and the columns computed from others) has a Vietnamese name: a plan's "grounds", an
    activity's "start_time", a rating's "participation" were shown as such."""
    from doancoso.core.bundle.labels import field_label, table_label
    from doancoso.core.bundle.rows import columns_of, travelling_tables
    from doancoso.core.bundle.walk import DERIVED, STAMPS

    unnamed = [
        f"{table_label(table)}: {column}"
        for table in travelling_tables()
        for column in columns_of(table)
        if column not in STAMPS and column not in DERIVED.get(table, ())
        and field_label(column) == column
    ]  # fmt: skip
    assert unnamed == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_no_password_is_chosen_with_alt_k_and_warned_of(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """ "Không đặt mật khẩu" had no Alt+letter (only "Hiện mật khẩu" had one): Alt+K ticks it,
    the warning about personal data shows and "Tiếp" goes on."""
    from doancoso.ui.bundle.password import UNENCRYPTED_WARNING

    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    wizard.next_button.click()
    panel = wizard.password_panel
    assert panel.unencrypted.text() == "&Không đặt mật khẩu (tệp không được mã hóa)"
    assert not wizard.next_button.isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(wizard, Qt.Key.Key_Alt)
    qtbot.waitUntil(panel.unencrypted.isChecked)
    assert panel.warning.isVisible() and panel.warning.text() == UNENCRYPTED_WARNING
    assert wizard.next_button.isEnabled()
