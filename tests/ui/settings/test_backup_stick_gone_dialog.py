"""A backup onto a stick cancelled while the stick is gone (in its place a disk that takes no
write, as in ``tests/core/backup/test_backup_stick_gone.py``): the dialog names the file the
cancel could not remove instead of saying nothing was written."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog
from scripted import ScriptedPrompts


def test_a_cancel_after_the_stick_is_gone_names_the_file_left_on_it(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from doancoso.ui.shell.operations import Core

    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command on this machine")
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000"})
    ws.evidence.set_max_size_mb(100)
    for i in range(3):  # 3 × 40 MB of scans, the evidence a backup copies
        scan = tmp_path / f"scan-{i}.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(40 * 1024 * 1024) + b"\n%%EOF\n")
        ws.evidence.attach("members", member, scan)
    # The backup's first report of its evidence waits there until the stick is pulled and "Hủy"
    # pressed: on a fast machine the 120 MB were copied before the test could pull it.
    reached, pulled = threading.Event(), threading.Event()
    real = ws.backups.to_folder

    def to_folder(target: Path, report: Callable[[int, int], None] | None = None) -> object:
        def held(done: int, total: int) -> None:
            if not reached.is_set():
                reached.set()
                pulled.wait(60)
            if report is not None:
                report(done, total)

        return real(target, held)

    monkeypatch.setattr(ws.backups, "to_folder", to_folder)
    prompts = ScriptedPrompts()
    core = Core(ws, prompts, delay_ms=0)
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    stick = tmp_path / "usb"
    stick.mkdir()
    dialog.back_up_to(stick)
    qtbot.waitUntil(lambda: core.runner.dialog is not None)
    progress = core.runner.dialog
    assert progress is not None
    qtbot.waitUntil(reached.is_set)  # the backup written, its evidence going
    (backup,) = stick.glob("thu-cong-*.sqlite")
    gone = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(stick)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    try:
        if gone.returncode != 0:
            progress.findChildren(QPushButton)[0].click()  # stopped, then skipped
            pulled.set()
            qtbot.waitUntil(lambda: not core.runner.busy, timeout=30000)
            pytest.skip(f"mount is not permitted here ({gone.stderr.strip()})")
        (cancel,) = progress.findChildren(QPushButton)
        cancel.click()
        pulled.set()
        qtbot.waitUntil(lambda: not core.runner.busy, timeout=30000)
    finally:
        pulled.set()
        if gone.returncode == 0:
            subprocess.run(["umount", str(stick)], capture_output=True, timeout=60)
    assert prompts.infos == [
        f"Đã hủy: bản sao lưu ra USB không được tính. Tệp “{backup}” đã ghi ra chưa xóa "
        "được (USB có thể đã bị rút ra): khi cắm lại USB, hãy xóa tệp đó đi."
    ]
    assert backup.exists()  # the stick back in: the file the message names is there
