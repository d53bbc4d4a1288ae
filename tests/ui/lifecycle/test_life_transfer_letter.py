"""A transfer out in the GUI: the event dialog takes the month the dues are paid up to and the
remarks on the member, the history shows them, and "In giấy giới thiệu…" prints the transfer
letter of the selected event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cli_run import cli
from doancoso.core.workspace import Workspace
from doancoso.ui.common.document_dialog import DocumentDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.timeline import TimelineWidget
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core
from table_cells import header_text

from .conftest import AddMember

REMARKS = "Nhiệt tình, gương mẫu.\nHoàn thành tốt nhiệm vụ năm 2024."


def test_the_transfer_out_dialog_takes_dues_and_remarks(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    dialog = EventDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(dialog)
    dialog.set_kind("transfer_in")
    assert not dialog.field_shown("dues_paid_until") and not dialog.field_shown("remarks")
    assert dialog.caption("number").text() == "&Số quyết định"
    dialog.set_kind("transfer_out")
    assert dialog.field_shown("dues_paid_until") and dialog.field_shown("remarks")
    # A transfer out's number is its letter's, no decision's.
    assert dialog.caption("number").text() == "&Số giấy giới thiệu"
    assert dialog.number_edit.placeholderText() == "Ví dụ: 05-GGT/ĐTN"
    dialog.set_value("date", "15/03/2025")
    dialog.set_value("other_organization", "Đoàn phường 5")
    dialog.set_value("dues_paid_until", "04/2025")
    dialog.set_value("remarks", REMARKS)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "dues_paid_until": "Tháng đã đóng đoàn phí (04/2025) không thể sau tháng chuyển sinh "
        "hoạt (03/2025)."
    }
    assert dialog.event_id is None and ws.events.history(an) == []
    dialog.set_value("dues_paid_until", "03/2025")
    dialog.save_button.click()
    assert dialog.event_id is not None
    [event] = ws.events.history(an)
    assert (event.dues_paid_until, event.remarks) == (date(2025, 3, 1), REMARKS)

    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    assert timeline.rows() == [
        ("15/03/2025", "Chuyển sinh hoạt đi", "",
         "Chuyển đi đến: Đoàn phường 5\nĐã đóng đoàn phí đến tháng 03/2025\n"
         f"Nhận xét: {REMARKS}", "Đã chuyển sinh hoạt"),
    ]  # fmt: skip


def test_the_history_prints_the_transfer_letter_of_the_selected_transfer(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember,
    tmp_path: Path,
) -> None:  # fmt: skip
    an = add_member("Nguyễn Văn An", "01/01/2000", branch="Chi đoàn ấp Tân Phú",
                    admission_date="26/03/2016", gender="male")  # fmt: skip
    ws.events.record(an, "transfer_out", "15/03/2025", "12-QĐ/ĐTN", other_organization=
                     "Đoàn phường 5", dues_paid_until="03/2025", remarks=REMARKS)  # fmt: skip
    ws.events.record(an, "transfer_in", "01/06/2025", other_organization="Đoàn phường 5")
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    assert not timeline.letter_button.isEnabled()  # nothing selected
    timeline.select_row(1)  # the transfer in: no letter
    assert not timeline.letter_button.isEnabled()
    timeline.select_row(0)
    assert timeline.letter_button.isEnabled()

    target = tmp_path / "giay.pdf"
    asked: list[str] = []
    opened: list[Path] = []
    timeline.printer.ask_save_path = lambda name: asked.append(name) or target  # type: ignore[method-assign]
    timeline.printer.open_file = lambda path: opened.append(path) or True
    prompts.dialog_script = accept_print_dialog
    timeline.letter_button.click()
    assert prompts.errors == []
    assert asked == ["giay-gioi-thieu-nguyen-van-an.pdf"]
    assert opened == [target]
    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN" in text
    assert "Kính gửi: Đoàn phường 5" in text
    assert "NGUYỄN VĂN AN" in text
    assert "Đã đóng đoàn phí đến hết tháng: 03/2025" in text
    assert "Hoàn thành tốt nhiệm vụ năm 2024." in text


def test_the_number_recorded_with_the_transfer_is_offered_and_printed_as_the_letters(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember,
    tmp_path: Path,
) -> None:  # fmt: skip
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    ws.events.record(an, "transfer_out", "15/03/2025", "07-GGT/ĐTN",
                     other_organization="Đoàn phường 5")  # fmt: skip
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    timeline.select_row(0)
    target = tmp_path / "giay.pdf"
    timeline.printer.ask_save_path = lambda _name: target  # type: ignore[method-assign, assignment]
    timeline.printer.open_file = lambda _path: True
    offered: list[str] = []

    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        offered.append(dialog.number_edit.text())
        dialog.submit()

    prompts.dialog_script = accept
    timeline.letter_button.click()
    assert prompts.errors == []
    assert offered == ["07-GGT/ĐTN"]
    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Số: 07-GGT/ĐTN" in text
    assert "Được chuyển sinh hoạt Đoàn đến Đoàn phường 5 kể từ ngày 15/03/2025." in text
    assert "Quyết định" not in text


def test_the_print_dialog_follows_the_number_the_command_line_printed(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember,
    tmp_path: Path,
) -> None:  # fmt: skip
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    ws.events.record(an, "transfer_out", "15/03/2025", other_organization="Đoàn phường 5")
    printed = cli("members", "print-transfer", an, "-o", str(tmp_path / "cli.pdf"), "--number",
                  "05-GGT/ĐTN", "--data-dir", str(ws.data_dir))  # fmt: skip
    assert printed.code == 0, printed.err
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    timeline.select_row(0)
    timeline.printer.ask_save_path = lambda _name: None  # type: ignore[method-assign, assignment]
    offered: list[str] = []

    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        offered.append(dialog.number_edit.text())
        dialog.submit()

    prompts.dialog_script = accept
    timeline.letter_button.click()
    assert offered == ["06-GGT/ĐTN"]  # numbers restart each year: printed this year


def test_the_history_column_of_numbers_is_named_for_letters_too(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    ws.events.record(an, "transfer_out", "15/03/2025", "05-GGT/ĐTN",
                     other_organization="Đoàn phường 5")  # fmt: skip
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    headers = [header_text(timeline.table, c) for c in range(5)]
    # A decision's number or a transfer letter's: the column says "văn bản", not "quyết định".
    assert headers == ["Ngày", "Sự kiện", "Số văn bản", "Chi tiết", "Trạng thái sau"]
    assert timeline.rows()[-1][:3] == ("15/03/2025", "Chuyển sinh hoạt đi", "05-GGT/ĐTN")
