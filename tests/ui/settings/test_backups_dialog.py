"""Sao lưu và khôi phục (#12): the list of backups, back up now and onto a stick, restore after
a confirmation that says what it replaces (every page reloads), check the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.backup.check import CheckReport, Problem, fixable
from doancoso.core.changes import Changes
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog, check_text
from scripted import ScriptedPrompts, synchronous_core


def _dialog(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> BackupsDialog:
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    return dialog


def test_back_up_now_and_see_it_listed(qtbot: QtBot, demo_ws: Workspace, qtmodeltester) -> None:
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    assert dialog.model.rowCount() == 0 and not dialog.empty_label.isHidden()
    dialog.backup_button.click()
    assert prompts.infos[-1].startswith("Đã sao lưu dữ liệu lúc ")
    assert prompts.infos[-1].endswith(" (300 đoàn viên).") and dialog.empty_label.isHidden()
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == ["vừa xong", "Sao lưu theo yêu cầu", row[3], "300", "Tốt"]
    assert row[3].endswith(" MB")
    qtmodeltester.check(model)


def test_backups_of_the_same_minute_are_told_apart_and_numbers_right_aligned(
    qtbot: QtBot, ws: Workspace
) -> None:
    from datetime import datetime

    from PySide6.QtCore import Qt

    folder = ws.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    for stamp in ("20261205-064612", "20261205-064639"):  # a backup now, then another
        ws.backups.take("thu-cong")
        newest = max(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime_ns)
        newest.rename(folder / f"thu-cong-{stamp}.sqlite")
    dialog = _dialog(qtbot, ws, ScriptedPrompts())
    model = dialog.model
    assert [model.index(r, 0).data() for r in range(2)] == [
        "05/12/2026 06:46:39", "05/12/2026 06:46:12",
    ]  # fmt: skip
    assert model.backups[0].taken_at == datetime(2026, 12, 5, 6, 46, 39)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    alignment = Qt.ItemDataRole.TextAlignmentRole
    for column in (3, 4):  # Dung lượng, Số đoàn viên
        assert model.index(0, column).data(alignment) == right
        assert model.headerData(column, Qt.Orientation.Horizontal, alignment) == right
    for column in (0, 1, 2, 5):
        assert model.index(0, column).data(alignment) is None


def test_the_list_says_how_old_each_backup_is(qtbot: QtBot, ws: Workspace) -> None:
    """Before restoring "yesterday's" backup the secretary sees how long ago each was taken,
    as the offer of a backup for damaged data says it, without counting days from the date."""
    from datetime import datetime, timedelta

    from PySide6.QtCore import Qt

    folder = ws.data_dir / "backups"
    taken = [ws.backups.take("thu-cong").path for _ in range(3)]
    now = datetime.now()
    for path, ago in zip(taken, (timedelta(minutes=20, seconds=30),
                                 timedelta(hours=26, minutes=30), timedelta(days=9, hours=1)),
                         strict=True):  # fmt: skip
        path.rename(folder / f"hang-ngay-{now - ago:%Y%m%d-%H%M%S}.sqlite")
    dialog = _dialog(qtbot, ws, ScriptedPrompts())
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Thời gian", "Cách đây", "Lý do", "Dung lượng", "Số đoàn viên",
                       "Tình trạng"]  # fmt: skip
    assert [model.index(r, 1).data() for r in range(3)] == [
        "20 phút trước", "26 giờ trước", "9 ngày trước",
    ]  # fmt: skip


def test_back_up_onto_a_stick(qtbot: QtBot, demo_ws: Workspace, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    dialog.back_up_to(tmp_path / "usb")
    (copy,) = (tmp_path / "usb").glob("thu-cong-*.sqlite")
    assert prompts.infos == [
        f"Đã sao lưu ra “{copy}” và đọc lại thấy đúng (300 đoàn viên).\n\n10 tệp minh chứng "
        f"(ảnh, văn bản scan) nằm trong thư mục “{copy.name}.evidence” bên cạnh: khi chép sang "
        "máy khác, hãy chép cả tệp sao lưu và thư mục này."
    ]


def test_restore_asks_then_replaces_and_every_view_reloads(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    core = synchronous_core(demo_ws, prompts)
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    demo_ws.members.delete(demo_ws.members.ids()[:5])
    announced: list[Changes] = []
    core.data_changed.changed.connect(announced.append)
    dialog.table.clearSelection()
    dialog.restore_button.click()
    assert prompts.infos[-1] == "Hãy chọn một bản sao lưu trong danh sách."
    dialog.table.selectRow(0)
    prompts.answer = False
    dialog.restore_button.click()
    assert demo_ws.members.count() == 295  # declined: nothing replaced
    prompts.answer = True
    dialog.restore_button.click()
    question = prompts.asked[-1]
    assert question.startswith("Khôi phục bản sao lưu lúc ")
    assert "(vừa xong, 300 đoàn viên)?" in question
    assert "mọi thay đổi sau thời điểm đó sẽ không còn" in question
    assert demo_ws.members.count() == 300
    assert announced and announced[-1].everything
    reasons = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert "Trước khi khôi phục một bản sao lưu" in reasons


def test_a_restore_says_when_the_backup_was_taken_and_where_todays_data_went(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    dialog.backup_button.click()
    chosen = dialog.model.backups[0]
    demo_ws.members.delete(demo_ws.members.ids()[:5])
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert demo_ws.members.count() == 300
    safety = [b for b in dialog.model.backups if b.reason == "truoc-khoi-phuc"]
    assert len(safety) == 1 and safety[0].members == 295
    assert prompts.infos[-1] == (
        f"Đã khôi phục dữ liệu từ bản sao lưu lúc {chosen.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        "(300 đoàn viên).\n\nDữ liệu trước khi khôi phục (295 đoàn viên) đã được sao lưu lúc "
        f"{safety[0].taken_at:%H:%M:%S ngày %d/%m/%Y}, dòng “Trước khi khôi phục một bản sao "
        "lưu” trong danh sách: khôi phục bản đó nếu cần lấy lại."
    )
    assert prompts.errors == []


def test_the_question_before_a_restore_says_what_todays_data_hold(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    """The secretary compares the backup's members with today's before replacing them."""
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    dialog.backup_button.click()
    chosen = dialog.model.backups[0]
    demo_ws.members.delete(demo_ws.members.ids()[:5])
    dialog.table.selectRow(0)
    prompts.answer = False
    dialog.restore_button.click()
    assert prompts.asked == [
        f"Khôi phục bản sao lưu lúc {chosen.taken_at:%H:%M:%S ngày %d/%m/%Y} (vừa xong, 300 "
        "đoàn viên)?"
        "\n\nToàn bộ dữ liệu hiện tại (295 đoàn viên) sẽ được thay bằng bản sao lưu này; mọi "
        "thay đổi sau thời điểm đó sẽ không còn. Dữ liệu hiện tại được sao lưu trước (“Trước "
        "khi khôi phục một bản sao lưu”), nên vẫn lấy lại được."
    ]
    assert demo_ws.members.count() == 295  # "Không": nothing replaced


def test_check_reports_in_words(qtbot: QtBot, demo_ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    dialog.check_button.click()
    model = dialog.model
    assert (model.rowCount(), model.index(0, 2).data()) == (1, "Trước khi kiểm tra dữ liệu")
    listed_at = model.index(0, 0).data()  # the backup named as the list shows it
    assert prompts.infos == [
        f"Đã sao lưu trước khi kiểm tra ({listed_at}).\nDữ liệu tốt, không có lỗi."
    ]


def test_check_names_the_backup_by_its_time_not_its_file() -> None:
    backup = Path("/du-lieu/backups/truoc-kiem-tra-20261205-064639.sqlite")
    assert check_text(CheckReport(backup=backup)) == (
        "Đã sao lưu trước khi kiểm tra (05/12/2026 06:46:39).\nDữ liệu tốt, không có lỗi."
    )
    problem = Problem("branch", "members", "m1", "Nguyễn Văn An thuộc một chi đoàn đã bị xóa.")
    assert check_text(CheckReport(problems=[problem])) == (  # read-only data: no backup
        "Dữ liệu chỉ đọc: kiểm tra mà không sao lưu trước.\n"
        "Có 1 vấn đề cần xem:\n- Nguyễn Văn An thuộc một chi đoàn đã bị xóa."
    )
    stray = fixable("evidence_orphan", "evidence_files", "f1", "Tệp “f1” không thuộc hồ sơ nào")
    assert check_text(CheckReport(problems=[stray])).splitlines()[2] == (
        "- Tệp “f1” không thuộc hồ sơ nào."  # not "(sửa được)": read-only data are not repaired
    )


def test_thiet_lap_opens_the_backups(qtbot: QtBot, ws: Workspace) -> None:
    from doancoso.ui.settings.page import SettingsPage

    prompts = ScriptedPrompts()
    shown: list[str] = []
    prompts.dialog_script = lambda dialog: shown.append(dialog.windowTitle())
    page = SettingsPage(synchronous_core(ws, prompts))
    qtbot.addWidget(page)
    page.backups_button.click()
    assert shown == ["Sao lưu và khôi phục"]


def test_check_offers_the_safe_repair_in_the_window(qtbot: QtBot, ws: Workspace) -> None:
    """The secretary is never sent to the command line: what "doancoso check --repair" fixes,
    the window asks to fix, and fixes."""
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    ws.evidence.store.folder.mkdir(parents=True, exist_ok=True)
    stray = ws.evidence.store.folder / ("0" * 64)
    stray.write_bytes(b"%PDF-1.4 left by hand")
    prompts.answer = False
    dialog.check_button.click()
    listed_at = dialog.model.index(0, 0).data()
    assert prompts.asked == [
        f"Đã sao lưu trước khi kiểm tra ({listed_at}).\n"
        "Có 1 vấn đề cần xem:\n"
        f"- Tệp “{'0' * 64}” trong thư mục minh chứng không thuộc hồ sơ nào. (sửa được)\n\n"
        "Sửa ngay 1 lỗi sửa được an toàn? Chương trình sao lưu dữ liệu trước khi sửa; tệp "
        "minh chứng không thuộc hồ sơ nào được chuyển sang thư mục “evidence/.orphans” của "
        "thư mục dữ liệu, không bị xóa."
    ]
    assert prompts.buttons[-1] == ("Sửa", "Để sau")
    assert stray.exists() and prompts.infos == [] and prompts.errors == []  # "Để sau"
    prompts.answer = True
    dialog.check_button.click()
    assert not stray.exists()
    assert (ws.evidence.store.folder / ".orphans" / ("0" * 64)).exists()
    reasons = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert reasons == ["Trước khi kiểm tra dữ liệu"] * 3  # the repair backs up again
    repaired_at = dialog.model.index(0, 0).data()
    assert prompts.infos == [
        f"Đã sao lưu trước khi kiểm tra ({repaired_at}).\nĐã sửa 1 lỗi.\nDữ liệu tốt, không có lỗi."
    ]


def test_check_writes_its_counts_as_vietnamese_write_numbers(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    from sqlalchemy import update

    from doancoso.core.storage.models import Member

    empty_ws.generate_demo(members=1100, seed=3)
    with empty_ws.db.transaction() as session:  # as an upgrade changing the sort keys leaves them
        session.execute(update(Member).values(sort_key="zzz"))
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, empty_ws, prompts)
    dialog.check_button.click()
    lines = prompts.asked[-1].splitlines()
    assert lines[1] == "Có 1.100 vấn đề cần xem:"
    assert lines[14] == "… và 1.088 vấn đề khác."
    assert lines[16].startswith("Sửa ngay 1.100 lỗi sửa được an toàn?")
    assert prompts.infos[-1].splitlines()[1:] == ["Đã sửa 1.100 lỗi.", "Dữ liệu tốt, không có lỗi."]


def test_a_backup_onto_a_stick_shows_its_progress_and_can_be_cancelled(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Many photos onto a slow stick: a bar that moves and "Hủy", which leaves nothing behind."""
    import os

    from PySide6.QtWidgets import QPushButton

    from doancoso.ui.shell.operations import Core

    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000"})
    ws.evidence.set_max_size_mb(100)
    for i in range(3):  # 3 × 40 MB of scans: long enough to press "Hủy"
        scan = tmp_path / f"scan-{i}.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(40 * 1024 * 1024) + b"\n%%EOF\n")
        ws.evidence.attach("members", member, scan)
    prompts = ScriptedPrompts()
    core = Core(ws, prompts, delay_ms=0)  # on the worker, with its progress dialog
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    stick = tmp_path / "usb"
    stick.mkdir()
    dialog.back_up_to(stick)
    qtbot.waitUntil(lambda: core.runner.dialog is not None)
    progress = core.runner.dialog
    assert progress is not None
    (cancel,) = progress.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    qtbot.waitUntil(lambda: progress.maximum() > 0)  # the evidence files' bytes, moving
    cancel.click()
    qtbot.waitUntil(lambda: not core.runner.busy, timeout=30000)
    assert prompts.infos == ["Đã hủy: chưa có bản sao lưu nào được ghi ra USB."]
    assert list(stick.iterdir()) == []


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_enter_on_a_backup_asks_to_restore_it_and_makes_none(qtbot: QtBot, ws: Workspace) -> None:
    """A secretary who picks a backup with the arrow keys and presses Enter (or double-clicks
    it) is asked whether to restore that one ("Không" the default), as "Khôi phục bản đã
    chọn…" asks; Enter made a new backup instead ("Sao lưu ngay", the dialog's default)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    dialog.backup_button.click()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.waitUntil(dialog.table.hasFocus, timeout=1000)
    prompts.answer, prompts.infos = False, []
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert prompts.asked[-1].startswith("Khôi phục bản sao lưu lúc ")
    assert prompts.infos == [] and len(ws.backups.list()) == 1
    where = dialog.table.visualRect(dialog.model.index(0, 2)).center()
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(prompts.asked) == 2 and prompts.asked[-1] == prompts.asked[0]
    assert prompts.infos == [] and len(ws.backups.list()) == 1


def test_the_list_says_it_is_being_read_until_it_is(
    qtbot: QtBot, ws: Workspace, monkeypatch
) -> None:
    """Listing opens and checks every backup on the worker (seconds for a large roster on an
    old disk): meanwhile the dialog says it is reading them, not "Chưa có bản sao lưu nào",
    which would send a worried secretary to "Sao lưu ngay"; once read, an empty folder says
    so."""
    import threading

    from doancoso.ui.shell.operations import Core

    release = threading.Event()
    real = ws.backups.list
    monkeypatch.setattr(ws.backups, "list", lambda: release.wait(10) and real())
    core = Core(ws, ScriptedPrompts())  # threaded, as in the app
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    assert not dialog.empty_label.isHidden()
    assert dialog.empty_label.text() == "Đang đọc danh sách bản sao lưu…"
    release.set()
    qtbot.waitUntil(lambda: dialog.empty_label.text() != "Đang đọc danh sách bản sao lưu…",
                    timeout=10_000)  # fmt: skip
    assert dialog.empty_label.text() == (
        "Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo bản đầu tiên."
    )
    assert core.runner.wait()


def test_a_restore_of_the_list_missing_a_file_says_it_was_lost_before(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    """An evidence file deleted by hand, then a backup of the list restored: the backups of the
    list carry no evidence, so no folder beside it is asked for; the file was lost before."""
    stored = sorted(p for p in (demo_ws.data_dir / "evidence").iterdir() if p.is_file())
    stored[0].unlink()
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, demo_ws, prompts)
    dialog.backup_button.click()
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert prompts.infos[-1].split("\n\n")[-1] == (
        "Thiếu 1 tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: tệp đó đã không còn "
        "trong thư mục dữ liệu trước khi sao lưu (các bản sao lưu trong danh sách không chứa "
        "tệp minh chứng). “Kiểm tra dữ liệu” (lệnh doancoso check) nêu tên từng tệp: hãy lấy "
        "lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” "
        "trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp "
        "gốc."
    )
    assert sorted(demo_ws.data_dir.glob("backups/*.evidence")) == []


def test_check_at_the_first_start_checks_instead_of_sending_to_the_command_line(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """The backups dialog opened from the first start's "Khôi phục bản sao lưu…", before any
    organisation is set up: "Kiểm tra dữ liệu" checks what is there, and says nothing of
    "doancoso init" (it was refused with the command line's setup hint)."""
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, empty_ws, prompts)
    dialog.check_button.click()
    [taken] = empty_ws.backups.list()
    assert prompts.errors == []
    assert prompts.infos == [
        f"Đã sao lưu trước khi kiểm tra ({taken.taken_at:%d/%m/%Y %H:%M:%S}).\n"
        "Dữ liệu tốt, không có lỗi."
    ]


def test_a_check_finding_many_lost_evidence_files_fits_the_screen(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Evidence files lost by the dozen (a data file copied to a new PC without its folder):
    each was said with the whole remedy, five lines a file, and the box grew past a 768-pixel
    screen, its end and its "Đóng" out of sight. Each file is now named on its line, the
    remedy said once, and fewer problems listed, the rest counted."""
    import os
    import shutil

    from PySide6.QtWidgets import QMessageBox

    names = [f"bien-ban-{n:02d}.pdf" for n in range(1, 26)]
    for name in names:
        source = tmp_path / "nguon" / name
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
        ws.recognition.attach(2025, "1.6", source)
    shutil.rmtree(ws.data_dir / "evidence")
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    dialog.check_button.click()
    (text,) = prompts.errors
    lines = text.splitlines()
    assert lines[1:2] + lines[14:] == [
        "Có 25 vấn đề cần xem:",
        "… và 13 vấn đề khác.",
        "Tệp minh chứng không còn: hãy bấm “Lấy lại tệp minh chứng bị mất từ USB…” và chọn một "
        "bản sao lưu ra USB có các tệp đó, hoặc đính kèm lại tệp gốc.",
    ]
    gone = "” không còn trong thư mục dữ liệu hoặc đã bị thay đổi."
    listed = [line.removeprefix("- Tệp minh chứng “").removesuffix(gone) for line in lines[2:14]]
    assert set(listed) <= set(names) and len(set(listed)) == 12
    box = QMessageBox(QMessageBox.Icon.Warning, "Kiểm tra dữ liệu", text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    qtbot.addWidget(box)
    assert box.sizeHint().height() <= 768 - 100  # the title bar and the taskbar
