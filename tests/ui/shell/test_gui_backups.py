"""The GUI's automatic backups (#12): the day's backup after a write, at most once a day, and a
backup when the app closes after a change (none when nothing changed); a day's backup that
cannot be written (a full disk) is told once, the write itself kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from breakage import small_disk
from doancoso.core.backup.store import BACKUP_FOLDER
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import CoreOp, QueryOp
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core


def _reasons(ws: Workspace) -> list[str]:
    return [b.reason for b in ws.backups.list()]


def test_a_write_takes_the_days_backup_once(ws: Workspace) -> None:
    core = synchronous_core(ws)
    QueryOp(None, lambda w: w.members.count(), core).run()
    assert _reasons(ws) == []  # a read backs nothing up
    for name in ("Nguyễn Văn An", "Trần Thị Bích"):
        CoreOp(None, lambda w, n=name: w.members.save({"full_name": n, "birth_date": "01/01/2000"}),
               core).run()  # fmt: skip
    assert _reasons(ws) == ["hang-ngay"]
    (daily,) = ws.backups.list()
    assert daily.members == 1  # taken right after the first write of the day
    assert core.wrote


def test_closing_after_a_change_backs_up(demo_ws: Workspace, qtbot: QtBot) -> None:
    core = synchronous_core(demo_ws)
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    window.close()
    assert "khi-dong" not in _reasons(demo_ws)  # nothing changed: no backup
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    member = demo_ws.members.ids()[0]
    CoreOp(window, lambda w: w.members.delete([member]), core).run()
    window.close()
    closing = [b for b in demo_ws.backups.list() if b.reason == "khi-dong"]
    assert len(closing) == 1 and closing[0].members == 299


def test_a_days_backup_on_a_full_disk_is_told_once_and_the_write_kept(demo_ws: Workspace) -> None:
    """An old PC whose disk is full: the day's backup fails after a write that fitted. The
    secretary is told that nothing is backed up and what to do, once a session, not after
    every later write; the writes are kept."""
    folder = demo_ws.data_dir / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    prompts = ScriptedPrompts()
    core = synchronous_core(demo_ws, prompts)
    with small_disk(folder, 200):  # the database (3 MB) cannot be copied there
        for name in ("Nguyễn Văn An", "Trần Thị Bích"):
            CoreOp(None, lambda w, n=name: w.members.save(
                {"full_name": n, "birth_date": "01/01/2000"}), core).run()  # fmt: skip
        assert list(folder.iterdir()) == []  # no half backup left
    assert demo_ws.members.count() == 302
    assert prompts.errors == [
        f"Không sao lưu được dữ liệu. Không ghi được dữ liệu: ổ đĩa chứa thư mục “{folder}” đã "
        "đầy. Hãy giải phóng chỗ trống (xóa bớt tệp không cần, dọn Thùng rác) rồi thử lại. Dữ "
        "liệu đang dùng không bị thay đổi.\n\nThay đổi vừa rồi đã được lưu, nhưng chưa có bản sao "
        "lưu hằng ngày: ứng dụng sẽ thử lại sau mỗi lần ghi. Sau khi khắc phục, hãy bấm “Sao "
        "lưu ngay” trong “Sao lưu và khôi phục…” (menu Tệp)."
    ]


def test_a_backup_at_closing_on_a_full_disk_is_told(demo_ws: Workspace, qtbot: QtBot) -> None:
    """The day's backup was taken; the one at closing fails on a disk that filled up since:
    said before the window goes, the change itself saved."""
    prompts = ScriptedPrompts()
    core = synchronous_core(demo_ws, prompts)
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    member = demo_ws.members.ids()[0]
    CoreOp(window, lambda w: w.members.delete([member]), core).run()  # the day's backup: taken
    folder = demo_ws.data_dir / BACKUP_FOLDER
    kept = sorted(p.name for p in folder.iterdir())
    with small_disk(folder, 200):  # mounted over it: the day's backup out of sight, the disk full
        window.close()
        assert list(folder.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == kept
    assert prompts.errors == [
        f"Không sao lưu được dữ liệu. Không ghi được dữ liệu: ổ đĩa chứa thư mục “{folder}” đã "
        "đầy. Hãy giải phóng chỗ trống (xóa bớt tệp không cần, dọn Thùng rác) rồi thử lại. Dữ "
        "liệu đang dùng không bị thay đổi.\n\nThay đổi đã được lưu, nhưng bản sao lưu khi đóng ứng "
        "dụng chưa tạo được. Sau khi khắc phục, hãy mở ứng dụng và bấm “Sao lưu ngay” trong “Sao "
        "lưu và khôi phục…” (menu Tệp)."
    ]
    assert demo_ws.members.count() == 299
