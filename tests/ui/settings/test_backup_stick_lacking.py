"""A backup onto a stick written and read back sound, but without an evidence file lost from
the data folder: the dialog says it was written and what it lacks, under a title that says so
(not "Không thực hiện được", as if nothing was written); a backup now is told to the second,
as the list shows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog, taken_at_text
from scripted import ScriptedPrompts, synchronous_core

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40


class TitledPrompts(ScriptedPrompts):
    """Also records the title of each message."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.titles.append(title)
        super().error(parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.titles.append(title)
        super().information(parent, title, text)


def test_a_stick_backup_lacking_a_lost_file_says_it_was_written(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "biên bản họp.pdf"
    source.write_bytes(SCAN)
    ws.recognition.attach(2025, "2.3", source)
    (stored,) = [p for p in (ws.data_dir / "evidence").iterdir() if p.is_file()]
    stored.unlink()
    usb = tmp_path / "usb"
    usb.mkdir()
    prompts = TitledPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)

    dialog.back_up_to(usb)

    (written,) = usb.glob("*.sqlite")
    assert prompts.titles == ["Đã sao lưu ra USB, còn thiếu minh chứng"]
    assert prompts.errors == [
        f"Đã sao lưu ra “{written}” và đọc lại thấy đúng (0 đoàn viên), nhưng bản sao lưu này "
        "thiếu 1 tệp minh chứng.\n\n"
        f"Bản sao lưu dữ liệu đã ghi ra “{usb}” và đọc lại thấy đúng, nhưng thiếu minh chứng do "
        "lỗi ở thư mục dữ liệu trên máy này, không phải ở USB. Tệp minh chứng “biên bản họp.pdf” "
        "không còn trong thư mục dữ liệu hoặc đã bị thay đổi: hãy lấy lại từ một bản sao lưu ra "
        "USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu và khôi phục…”, "
        "lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc. Bản sao lưu vừa ghi không "
        "có tệp đó; các tệp minh chứng khác đã chép đủ."
    ]
    assert dialog.stick_folder() == usb  # remembered, as after a backup without a problem


def test_a_backup_now_is_told_to_the_second(qtbot: QtBot, ws: Workspace) -> None:
    prompts = TitledPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    (taken,) = ws.backups.list()
    at = taken.taken_at
    assert prompts.infos == [f"Đã sao lưu dữ liệu lúc {at:%H:%M:%S ngày %d/%m/%Y} (0 đoàn viên)."]
    assert dialog.model.index(0, 0).data() == taken_at_text(at) == f"{at:%d/%m/%Y %H:%M:%S}"
