"""Sao lưu và khôi phục: where the last backup onto a USB stick went, under the list (which
shows only the data folder's backups), said missing once the file is not there."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog
from scripted import ScriptedPrompts, synchronous_core


def _dialog(qtbot: QtBot, ws: Workspace) -> BackupsDialog:
    dialog = BackupsDialog(synchronous_core(ws, ScriptedPrompts()))
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_says_where_the_last_backup_onto_a_stick_went(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, ws)
    assert dialog.outside_label.isHidden()  # none yet: nothing said
    dialog.back_up_to(tmp_path / "usb")
    (copy,) = (tmp_path / "usb").glob("thu-cong-*.sqlite")
    info = ws.backups.last_outside()
    assert info is not None
    when = f"{info.taken_at:%H:%M} ngày {info.taken_at:%d/%m/%Y}"
    said = f"Lần sao lưu ra USB gần nhất: “{copy}” lúc {when}."
    assert not dialog.outside_label.isHidden() and dialog.outside_label.text() == said
    assert dialog.model.rowCount() == 0  # the list holds the data folder's backups only
    again = _dialog(qtbot, ws)  # the next time the dialog opens
    assert not again.outside_label.isHidden() and again.outside_label.text() == said
    copy.unlink()
    third = _dialog(qtbot, ws)
    assert third.outside_label.text() == (
        f"Lần sao lưu ra USB gần nhất: “{copy}” lúc {when}, nhưng hiện không thấy tệp đó (USB "
        "chưa được cắm vào, hoặc tệp đã bị xóa hay chuyển đi)."
    )
