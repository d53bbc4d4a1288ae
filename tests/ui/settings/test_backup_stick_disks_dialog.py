""" "Sao lưu ra USB…" onto a write-protected stick (a read-only bind mount) and onto a stick that
fills up during the evidence copy (a small tmpfs): the dialog says which, in Vietnamese, under a
title that says whether a backup was written. Skipped where mounting is not permitted."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from breakage import read_only_mount, small_disk, snapshot
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import LACKING_TITLE, BackupsDialog
from scripted import synchronous_core

from .test_backup_stick_lacking import TitledPrompts

KIB = 1024


def _scan(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "biên bản họp.pdf"
    source.write_bytes(b"%PDF-1.4\n" + os.urandom(256 * KIB - 9))
    ws.recognition.attach(2025, "2.3", source)


def test_a_write_protected_stick_is_said_and_nothing_written(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    _scan(ws, tmp_path)
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    prompts = TitledPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    with read_only_mount(usb):
        dialog.back_up_to(usb)
        assert list(usb.iterdir()) == []
    assert prompts.titles == ["Không sao lưu được ra USB"]
    assert prompts.errors == [
        f"Không ghi được bản sao lưu vào “{usb}”: ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa "
        "ghi). Hãy gạt khóa ghi của USB (nếu có) hoặc dùng USB khác, rồi thử lại. Dữ liệu đang "
        "dùng không bị thay đổi."
    ]
    assert snapshot(ws.data_dir) == before


def test_a_stick_full_before_the_evidence_says_the_backup_was_written(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    _scan(ws, tmp_path)
    size = ws.backups.to_folder(tmp_path / "do").size
    usb = tmp_path / "usb"
    usb.mkdir()
    prompts = TitledPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    with small_disk(usb, -(-size // KIB) + 64):  # the database fits, the scan does not
        dialog.back_up_to(usb)
        (written,) = usb.glob("*.sqlite")
        assert sorted(p.name for p in usb.iterdir()) == [written.name, f"{written.name}.evidence"]
        assert list(usb.glob("*.evidence/*")) == []
    assert prompts.titles == [LACKING_TITLE]
    assert prompts.errors == [
        f"Đã sao lưu ra “{written}” và đọc lại thấy đúng (0 đoàn viên), nhưng chưa chép đủ tệp "
        f"minh chứng.\n\nKhông chép được tệp minh chứng ra “{usb}”: ổ đĩa đã đầy. Bản sao lưu dữ "
        "liệu đã ghi, nhưng USB không còn chỗ cho các tệp minh chứng: hãy giải phóng chỗ trống "
        "trên USB (hoặc dùng USB khác) rồi sao lưu lại để có đủ minh chứng."
    ]
