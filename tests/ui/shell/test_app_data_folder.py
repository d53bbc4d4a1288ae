"""The app given a data folder it cannot use says why in a message box and opens no window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.backup.store import parse_name
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.shell.app import run_app
from scripted import ScriptedPrompts


def test_a_file_as_data_folder_is_explained(tmp_path: Path, qapp: QApplication) -> None:
    plain = tmp_path / "ds.txt"
    plain.write_text("x")
    prompts = ScriptedPrompts()
    assert run_app(plain, prompts) == 1
    assert prompts.errors == [
        f"Thư mục dữ liệu “{plain}” là một tệp, không phải thư mục. "
        "Hãy chọn một thư mục để chứa dữ liệu."
    ]
    assert [w for w in qapp.topLevelWidgets() if w.isVisible()] == []
    assert plain.read_text() == "x"


def _damaged_with_a_backup(data_dir: Path) -> Path:
    with Workspace.open(data_dir) as ws:
        ws.generate_demo(members=40, seed=2)
        backup = ws.backups.take().path
    with open(data_dir / DATABASE_FILE, "r+b") as handle:
        handle.write(b"not a database any more")
    return backup


def _closed_once_shown(qapp: QApplication, qtbot: QtBot) -> list[QWidget]:
    """The windows the app about to run will show: once one is on screen, each is noted (in the
    list returned, filled then) and handed to qtbot to close, and the app's loop ends."""
    before = set(qapp.topLevelWidgets())
    shown: list[QWidget] = []

    def close_the_window() -> None:
        opened = [w for w in qapp.topLevelWidgets() if w not in before and w.isVisible()]
        if not opened:
            QTimer.singleShot(10, close_the_window)
            return
        for window in opened:
            shown.append(window)
            qtbot.addWidget(window)
        QApplication.exit(0)

    QTimer.singleShot(0, close_the_window)
    return shown


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen: no maximising
def test_damaged_data_are_restored_from_the_newest_backup_when_asked(
    data_dir: Path, qapp: QApplication, qtbot: QtBot
) -> None:
    backup = _damaged_with_a_backup(data_dir)
    prompts = ScriptedPrompts()
    prompts.answer = True
    shown = _closed_once_shown(qapp, qtbot)
    assert run_app(data_dir, prompts) == 0 and shown  # the window opened on the backup
    (question,) = prompts.asked
    assert question.startswith("Tệp dữ liệu bị hỏng (không còn là tệp cơ sở dữ liệu).")
    taken = parse_name(backup)[1]  # type: ignore[index]
    assert f"Bản sao lưu gần nhất còn tốt: lúc {taken:%H:%M ngày %d/%m/%Y} (" in question
    assert question.endswith("40 đoàn viên; sao lưu theo yêu cầu).\n\nKhôi phục bản sao lưu "
                             "này ngay?")  # fmt: skip
    # the window itself restores: no command line, no "open the app" (it is open)
    assert "doancoso restore" not in question and "mở ứng dụng" not in question
    assert prompts.infos == [  # as the backups dialog says it: when, and the members
        f"Đã khôi phục dữ liệu từ bản sao lưu lúc {taken:%H:%M:%S ngày %d/%m/%Y} (40 đoàn viên)."
    ]
    with Workspace.open(data_dir, create=False) as ws:
        assert ws.members.count() == 40
    assert len(list(data_dir.glob("doancoso-hong-*.sqlite"))) == 1  # the damaged file is kept


def test_damaged_data_left_alone_when_the_secretary_declines(
    data_dir: Path, qapp: QApplication
) -> None:
    _damaged_with_a_backup(data_dir)
    prompts = ScriptedPrompts()
    prompts.answer = False
    assert run_app(data_dir, prompts) == 1
    assert not (data_dir / DATABASE_FILE).exists()  # no empty database put in its place


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen: no maximising
def test_after_declining_the_next_start_offers_the_backup_before_a_new_setup(
    data_dir: Path, qapp: QApplication, qtbot: QtBot
) -> None:
    """ "Không" at the damaged data's question, then the app opened again: the folder holds no
    data but its backups; the backup is offered before the first-start setup, not forgotten."""
    backup = _damaged_with_a_backup(data_dir)
    declined = ScriptedPrompts()
    declined.answer = False
    assert run_app(data_dir, declined) == 1
    prompts = ScriptedPrompts()
    prompts.answer = True
    shown = _closed_once_shown(qapp, qtbot)
    assert run_app(data_dir, prompts) == 0 and shown
    assert [type(w).__name__ for w in shown] == ["MainWindow"]  # no setup dialog
    taken = parse_name(backup)[1]  # type: ignore[index]
    (question,) = prompts.asked
    assert question.startswith(
        f"Thư mục dữ liệu “{data_dir}” chưa có dữ liệu đang dùng nhưng có bản sao lưu. Bản sao "
        f"lưu gần nhất còn tốt: lúc {taken:%H:%M ngày %d/%m/%Y} ("
    )
    assert question.endswith(
        "40 đoàn viên; sao lưu theo yêu cầu).\n\nKhôi phục bản sao lưu này thay vì thiết lập "
        "mới từ đầu?"
    )
    assert prompts.infos == [  # as the backups dialog says it: when, and the members
        f"Đã khôi phục dữ liệu từ bản sao lưu lúc {taken:%H:%M:%S ngày %d/%m/%Y} (40 đoàn viên)."
    ]
    with Workspace.open(data_dir, create=False) as ws:
        assert ws.members.count() == 40
