"""Khôi phục từ tệp… (#12): a backup saved onto a stick ("Sao lưu ra USB…") restored from the
app, checked first as the restore checks it, after the same question naming its time and
members; a file that is not one is refused with nothing changed; "Không" changes nothing."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from breakage import hot_journal, read_only_mount, snapshot
from doancoso.core.backup.store import BackupInfo, age_text
from doancoso.core.bundle.firststart import created_day
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace
from doancoso.ui.common import folders
from doancoso.ui.common.drives import Drive
from doancoso.ui.settings.backups_dialog import BackupsDialog, restore_question
from scripted import ScriptedPrompts, synchronous_core

PEOPLE = (("Nguyễn Văn An", "12/08/2000"), ("Trần Thị Bình", "03/02/2001"),
          ("Lê Văn Cường", "21/11/1999"))  # fmt: skip
REPLACES = (
    "Toàn bộ dữ liệu hiện tại sẽ được thay bằng bản sao lưu này; mọi thay đổi sau thời điểm đó "
    "sẽ không còn. Dữ liệu hiện tại được sao lưu trước (“Trước khi khôi phục một bản sao lưu”), "
    "nên vẫn lấy lại được."
)


def replaces(current: int) -> str:
    """:data:`REPLACES` over data holding ``current`` members (an organisation set up)."""
    return REPLACES.replace("hiện tại sẽ", f"hiện tại ({current} đoàn viên) sẽ", 1)


def _dialog(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> BackupsDialog:
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    return dialog


def _people(ws: Workspace) -> list[str]:
    return [ws.members.save({"full_name": n, "birth_date": b}) for n, b in PEOPLE]


def _reasons(dialog: BackupsDialog) -> list[str]:
    return [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]


def test_a_backup_on_a_stick_is_restored_after_the_question(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ids = _people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")  # "Sao lưu ra USB…"
    ws.members.delete(ids[:2])
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    assert dialog.file_button.text() == "Khôi phục từ &tệp…"
    dialog.restore_file(saved.path)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{saved.path.name}” lúc {saved.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        f"(vừa xong, 3 đoàn viên)?\n\n{replaces(1)}"
    ]
    assert sorted(ws.members.ids()) == sorted(ids)
    [safety] = dialog.model.backups  # what it replaced
    assert safety.reason_label == "Trước khi khôi phục một bản sao lưu" and safety.members == 1
    assert prompts.infos == [
        f"Đã khôi phục dữ liệu từ “{saved.path.name}” (3 đoàn viên).\n\nDữ liệu trước khi khôi "
        f"phục (1 đoàn viên) đã được sao lưu lúc {safety.taken_at:%H:%M:%S ngày %d/%m/%Y}, dòng "
        "“Trước khi khôi phục một bản sao lưu” trong danh sách: khôi phục bản đó nếu cần lấy lại."
    ]
    assert prompts.errors == []


def test_a_renamed_backup_is_dated_by_its_file(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    _people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    renamed = saved.path.rename(tmp_path / "usb" / "ban sao doan xa.sqlite")
    moment = datetime(2026, 11, 20, 16, 5)
    os.utime(renamed, (moment.timestamp(), moment.timestamp()))
    prompts = ScriptedPrompts()
    prompts.answer = False
    _dialog(qtbot, ws, prompts).restore_file(renamed)
    age = age_text(moment, datetime.now())  # "17 ngày trước" on 07/12/2026
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “ban sao doan xa.sqlite” lúc 16:05:00 ngày 20/11/2026 "
        f"({age}, 3 đoàn viên)?\n\n{replaces(3)}"
    ]


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ids = _people(ws)
    bogus = tmp_path / "usb" / "anh-the.sqlite"
    bogus.parent.mkdir()
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4000))
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    dialog.restore_file(bogus)
    assert prompts.errors == [
        "Bản sao lưu “anh-the.sqlite” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
        "được khôi phục. Dữ liệu đang dùng không bị thay đổi."
    ]
    assert prompts.asked == [] and prompts.infos == []  # refused before any question
    assert sorted(ws.members.ids()) == sorted(ids)
    assert dialog.model.rowCount() == 0 and ws.backups.list() == []  # not even a backup taken


def test_a_backup_of_a_newer_version_is_refused(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    _people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    conn = sqlite3.connect(saved.path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ff99ff99ff99'")
    conn.close()
    prompts = ScriptedPrompts()
    _dialog(qtbot, ws, prompts).restore_file(saved.path)
    assert prompts.errors == [
        f"Bản sao lưu “{saved.path.name}” được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài "
        "phiên bản mới nhất rồi khôi phục. Dữ liệu đang dùng không bị thay đổi."
    ]
    assert prompts.asked == [] and ws.members.count() == 3


def test_no_at_the_question_changes_nothing(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    ids = _people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    ws.members.delete(ids[:1])
    prompts = ScriptedPrompts()
    prompts.answer = False
    dialog = _dialog(qtbot, ws, prompts)
    generation = ws.changes.generation
    dialog.restore_file(saved.path)
    assert len(prompts.asked) == 1 and prompts.infos == [] and prompts.errors == []
    assert sorted(ws.members.ids()) == sorted(ids[1:])
    assert ws.backups.list() == [] and ws.changes.generation == generation


def test_counts_are_written_as_vietnamese_write_numbers(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch
) -> None:
    taken = datetime(2026, 12, 5, 8, 30, 7)
    info = BackupInfo(tmp_path / "thu-cong-20261205-083007.sqlite", taken, "thu-cong", 1, 2009,
                      True)  # fmt: skip
    assert restore_question(info, current=1200, now=datetime(2026, 12, 7, 9, 0)) == (
        "Khôi phục bản sao lưu lúc 08:30:07 ngày 05/12/2026 (2 ngày trước, 2.009 đoàn viên)?\n\n"
        f"{REPLACES.replace('hiện tại sẽ', 'hiện tại (1.200 đoàn viên) sẽ', 1)}"
    )
    monkeypatch.setattr(ws.backups, "take", lambda reason="thu-cong": info)
    monkeypatch.setattr(ws.backups, "to_folder", lambda folder, report=None: info)
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    dialog.back_up()
    dialog.back_up_to(tmp_path)
    assert prompts.infos == [
        "Đã sao lưu dữ liệu lúc 08:30:07 ngày 05/12/2026 (2.009 đoàn viên).",
        f"Đã sao lưu ra “{info.path}” và đọc lại thấy đúng (2.009 đoàn viên).",
    ]


def test_the_file_choosers_open_where_the_last_backup_onto_a_stick_went(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def open_file(parent: object, caption: str, folder: str, filters: str) -> tuple[str, str]:
        opened.append(folder)
        return "", ""

    def choose_folder(parent: object, caption: str, folder: str) -> str:
        opened.append(folder)
        return ""

    drives: list[Drive] = []  # the sticks plugged in
    monkeypatch.setattr(folders, "removable_drives", lambda: list(drives))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    documents = folders.documents_folder()
    assert documents != Path.home()
    _people(ws)
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    # Nothing remembered yet, no stick: Documents, as every other open dialog of the app.
    dialog.file_button.click()
    dialog.stick_button.click()
    assert opened == [str(documents), str(documents)]
    del opened[:]
    usb = tmp_path / "usb"
    usb.mkdir()
    drives.append(Drive(usb, "USB_DOAN", "vfat", 3 * 1024**3, 8 * 1024**3))
    dialog.stick_button.click()  # nothing remembered yet: the stick plugged in
    dialog.file_button.click()
    assert opened == [str(usb), str(usb)]
    del opened[1:]
    drives.clear()
    dialog.back_up_to(usb)  # "Sao lưu ra USB…" into the chosen folder
    assert prompts.infos and prompts.infos[-1].startswith(f"Đã sao lưu ra “{usb}")
    dialog.file_button.click()
    dialog.stick_button.click()
    assert opened[1:] == [str(usb), str(usb)]
    # remembered in the data folder: the next session too
    again = _dialog(qtbot, ws, prompts)
    again.file_button.click()
    assert opened[-1] == str(usb)
    # the stick taken out: Documents again
    for path in sorted(usb.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    usb.rmdir()
    again.file_button.click()
    assert opened[-1] == str(documents)


def test_a_damaged_backup_of_the_list_is_refused_before_the_question(
    qtbot: QtBot, ws: Workspace
) -> None:
    ids = _people(ws)
    taken = ws.backups.take()
    taken.path.write_bytes(taken.path.read_bytes()[:5000])  # cut short, as a full disk leaves it
    prompts = ScriptedPrompts()
    dialog = _dialog(qtbot, ws, prompts)
    assert dialog.model.index(0, 5).data() == "Hỏng"
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert prompts.errors == [
        f"Bản sao lưu “{taken.path.name}” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
        "được khôi phục. Dữ liệu đang dùng không bị thay đổi."
    ]
    assert prompts.asked == [] and prompts.infos == []  # never asked to replace the data
    assert sorted(ws.members.ids()) == sorted(ids)


def test_a_backup_restored_without_its_evidence_folder_says_what_is_missing(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Only the .sqlite was copied from the stick to the new PC: the photos its records cite are
    not there, and the secretary is told so, with where they are."""
    import shutil

    ids = _people(ws)
    for i, name in enumerate(("anh-ra-quan.pdf", "bien-ban.pdf")):
        scan = tmp_path / name
        scan.write_bytes(b"%PDF-1.4\n" + bytes([i]) * 2000 + b"\n%%EOF\n")
        ws.evidence.attach("members", ids[0], scan)
    saved = ws.backups.to_folder(tmp_path / "usb")
    shutil.rmtree(saved.path.with_name(saved.path.name + ".evidence"))
    other = Workspace.open(tmp_path / "may-moi")  # the new PC
    try:
        info = ws.organization.get()
        assert info is not None
        other.organization.create(info)
        prompts = ScriptedPrompts()
        _dialog(qtbot, other, prompts).restore_file(saved.path)
        [safety] = [b for b in other.backups.list() if b.reason == "truoc-khoi-phuc"]
        assert prompts.infos == [
            f"Đã khôi phục dữ liệu từ “{saved.path.name}” (3 đoàn viên).\n\nDữ liệu trước khi "
            f"khôi phục (0 đoàn viên) đã được sao lưu lúc {safety.taken_at:%H:%M:%S ngày %d/%m/%Y}"
            ", dòng “Trước khi khôi phục một bản sao lưu” trong danh sách: khôi phục bản đó nếu "
            "cần lấy lại.\n\nThiếu 2 tệp minh "
            "chứng (ảnh, văn bản scan) mà dữ liệu có ghi: chúng nằm trong thư mục "
            f"“{saved.path.name}.evidence” cạnh tệp sao lưu khi sao lưu ra USB. Hãy chép cả thư "
            "mục đó vào cùng chỗ với tệp sao lưu rồi khôi phục lại."
        ]
        assert other.members.count() == 3
    finally:
        other.close()


def test_at_the_first_start_the_question_replaces_nothing(
    qtbot: QtBot, empty_ws: Workspace, tmp_path: Path
) -> None:
    """Before the organisation is set up there are no data to replace nor to back up: the
    question says the backup becomes the app's data, not that data are replaced."""
    other = Workspace.open(tmp_path / "may-cu")  # the dead PC's data, backed up onto a stick
    other.organization.create(
        OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
    )
    _people(other)
    saved = other.backups.to_folder(tmp_path / "usb")
    other.close()
    prompts = ScriptedPrompts()
    _dialog(qtbot, empty_ws, prompts).restore_file(saved.path)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{saved.path.name}” lúc {saved.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        "(vừa xong, 3 đoàn viên)?\n\nỨng dụng chưa có dữ liệu nào (tổ chức chưa được thiết "
        "lập): dữ liệu trong bản sao lưu này sẽ trở thành dữ liệu của ứng dụng."
    ]
    assert prompts.infos == [f"Đã khôi phục dữ liệu từ “{saved.path.name}” (3 đoàn viên)."]
    assert empty_ws.members.count() == 3


def test_a_backup_of_another_union_is_named_in_the_question(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """A stick shared with the next commune: the file chosen holds another union's data. The
    question says whose they are before they replace these; "Không" changes nothing."""
    ids = _people(ws)
    other = Workspace.open(tmp_path / "xa-ben")
    other.organization.create(
        OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn Cà Mau")
    )
    _people(other)
    saved = other.backups.to_folder(tmp_path / "usb")
    other.close()
    prompts = ScriptedPrompts()
    prompts.answer = False
    _dialog(qtbot, ws, prompts).restore_file(saved.path)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{saved.path.name}” lúc {saved.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        "(vừa xong, 3 đoàn viên)?\n\nLưu ý: bản sao lưu này là dữ liệu của “Đoàn xã Tân Lộc”, "
        "không phải của “Đoàn xã Tân Hưng” đang dùng.\n\n" + replaces(3)
    ]
    assert sorted(ws.members.ids()) == sorted(ids) and ws.backups.list() == []


def _other_union(tmp_path: Path, name: str) -> Workspace:
    """Another data folder (the next commune's), set up apart as ``name``, with three members."""
    other = Workspace.open(tmp_path / "xa-ben")
    other.organization.create(OrganizationInfo(name=name, superior_name="Tỉnh đoàn Cà Mau"))
    _people(other)
    return other


def _setup_words(ws: Workspace) -> str:
    """How the question tells apart a union of the same name: its setup day and id."""
    org = ws.organization.get()
    assert org is not None
    return f"lập ngày {created_day(ws)}, mã {org.id[:8]}"


def test_a_backup_of_our_union_before_it_was_renamed_is_ours(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """A union renamed after the 2025 mergers: its backup of before is still its own, asked
    about without the "another union" note."""
    _people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    org = ws.organization.get()
    assert org is not None
    ws.organization.update(replace(org, name="Đoàn xã Tân Hưng Mới"))
    prompts = ScriptedPrompts()
    prompts.answer = False
    _dialog(qtbot, ws, prompts).restore_file(saved.path)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{saved.path.name}” lúc {saved.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        f"(vừa xong, 3 đoàn viên)?\n\n{replaces(3)}"
    ]


def test_another_union_of_the_same_name_is_told_apart_in_the_question(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Two unions named Tân Hưng set up apart: the other's backup is named as another union's,
    each told by its setup day and id; "Không" changes nothing."""
    ids = _people(ws)
    other = _other_union(tmp_path, "Đoàn xã Tân Hưng")
    saved = other.backups.to_folder(tmp_path / "usb")
    theirs = _setup_words(other)
    other.close()
    prompts = ScriptedPrompts()
    prompts.answer = False
    _dialog(qtbot, ws, prompts).restore_file(saved.path)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{saved.path.name}” lúc {saved.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        "(vừa xong, 3 đoàn viên)?\n\nLưu ý: bản sao lưu này là dữ liệu của một Đoàn cơ sở khác "
        f"cũng tên “Đoàn xã Tân Hưng” ({theirs}), không phải của “Đoàn xã Tân Hưng” "
        f"({_setup_words(ws)}) đang dùng.\n\n" + replaces(3)
    ]
    assert sorted(ws.members.ids()) == sorted(ids) and ws.backups.list() == []


def test_another_union_s_backup_beside_a_hot_journal_on_a_write_protected_stick_is_named(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, temp: Path
) -> None:
    """The next commune's backup left on a write-protected stick beside a hot journal (a
    writer killed mid-transaction): read from a private copy, as the restore reads it, so
    that the question names its union; the stick is left as it was."""
    _people(ws)
    _other_union(tmp_path, "Đoàn xã Tân Lộc").close()
    usb = tmp_path / "usb"
    hot_journal(tmp_path / "xa-ben", usb)
    backup = usb / DATABASE_FILE
    moment = datetime(2026, 11, 20, 16, 5)
    os.utime(backup, (moment.timestamp(), moment.timestamp()))
    before = snapshot(usb)
    prompts = ScriptedPrompts()
    prompts.answer = False
    with read_only_mount(usb):
        _dialog(qtbot, ws, prompts).restore_file(backup)
    assert prompts.asked == [
        f"Khôi phục bản sao lưu “{DATABASE_FILE}” lúc 16:05:00 ngày 20/11/2026 "
        f"({age_text(moment, datetime.now())}, 3 đoàn viên)?\n\nLưu ý: bản sao lưu này là dữ "
        "liệu của “Đoàn xã Tân Lộc”, không phải của “Đoàn xã Tân Hưng” đang dùng.\n\n" + replaces(3)
    ]
    assert snapshot(usb) == before and ws.members.count() == 3
