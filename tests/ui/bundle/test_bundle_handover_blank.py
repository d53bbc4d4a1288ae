"""The biên bản bàn giao saved before the receiver is known: printed to be filled and signed by
hand, the receiver's name a dotted line as the union's forms leave a name to write."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, export_wizard, stick
from doancoso.core.workspace import Workspace
from doancoso.reports.handover import BLANK
from doancoso.ui.bundle.export_wizard import DONE_PAGE
from scripted import ScriptedPrompts, accept_print_dialog


def test_an_empty_receiver_prints_a_dotted_line_to_write_by_hand(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    wizard = export_wizard(qtbot, ws, prompts, [stick(tmp_path)])
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    assert wizard.receiver_name.text() == ""  # the new secretary not known yet
    pdf_path = tmp_path / "bien-ban.pdf"
    wizard.ask_save_path = lambda *_a: pdf_path
    prompts.answer = False  # do not open it
    prompts.dialog_script = accept_print_dialog
    wizard.print_button.click()
    assert wizard.handover_pdf == pdf_path
    assert not prompts.errors  # nothing refused: the name is written by hand on the paper
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    lines = [line.strip() for line in text.splitlines()]
    receiver = lines.index("II. BÊN NHẬN")
    assert lines[receiver + 1 : receiver + 3] == [
        f"- Đồng chí: {BLANK}",
        "- Chức vụ: Bí thư Đoàn xã Tân Hưng",
    ]
