"""Backups (#12): checked before they count, named by why and when, kept by rotation; taken
before an import; written to a stick; restored after backing up what they replace."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_xlsx
from sqlalchemy import update

from doancoso.cli.main import run
from doancoso.core.backup.restore import restore_backup
from doancoso.core.backup.store import BACKUP_FOLDER, list_backups, rotate, take_backup
from doancoso.core.errors import StorageError
from doancoso.core.storage.models import Member
from doancoso.core.workspace import DATABASE_FILE, Workspace

NOW = datetime(2026, 12, 4, 19, 0, 0)


def test_a_backup_is_checked_named_and_listed(demo_ws: Workspace) -> None:
    info = demo_ws.backups.take()
    assert info.path.name.startswith("thu-cong-") and info.path.parent.name == BACKUP_FOLDER
    assert (info.ok, info.members, info.reason_label) == (True, 300, "Sao lưu theo yêu cầu")
    again = demo_ws.backups.take()  # in the same second: its own file
    assert again.path != info.path
    assert [b.path for b in demo_ws.backups.list()] == [again.path, info.path]
    assert [p.name for p in info.path.parent.iterdir() if p.name.startswith(".")] == []


def test_rotation_keeps_days_weeks_months_and_every_pre_upgrade_copy(ws: Workspace) -> None:
    folder = ws.data_dir / BACKUP_FOLDER
    db = ws.db.path
    taken = [NOW - timedelta(days=d, hours=h) for d in range(0, 400, 9) for h in (2, 5)]
    for when in taken:
        take_backup(db, folder, "hang-ngay", when)
    take_backup(db, folder, "truoc-nang-cap", NOW - timedelta(days=900))
    rotate(folder, NOW)
    kept = [b.taken_at for b in list_backups(folder)]
    assert NOW - timedelta(days=900) in kept  # pre-upgrade copies are never dropped
    days = {t.date() for t in kept if NOW - t <= timedelta(days=7)}
    assert len(days) == len([t for t in kept if NOW - t <= timedelta(days=7)])  # one a day
    assert max(kept) == NOW - timedelta(hours=2)  # the newest of each day kept
    older = [t for t in kept if timedelta(weeks=5) < NOW - t < timedelta(days=800)]
    assert len({(t.year, t.month) for t in older}) == len(older)  # one a month
    assert len(kept) < 30


def test_daily_backup_at_most_once_a_day(ws: Workspace) -> None:
    first = ws.backups.daily_if_due(NOW)
    assert first is not None and first.reason == "hang-ngay"
    assert ws.backups.daily_if_due(NOW + timedelta(hours=20)) is None
    assert ws.backups.daily_if_due(NOW + timedelta(days=1, minutes=1)) is not None


def test_an_import_is_preceded_by_a_backup(ws: Workspace, tmp_path: Path) -> None:
    rows: list[list[Any]] = [["STT", "Họ và tên", "Ngày sinh"], [1, "Nguyễn Văn An", "01/01/2000"]]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", rows))
    ws.spreadsheets.apply_import(preview)
    (backup,) = ws.backups.list()
    assert (backup.reason, backup.members) == ("truoc-nhap", 0)  # the data before the import
    assert ws.members.count() == 1


def test_backup_to_a_stick_is_read_back(demo_ws: Workspace, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    info = demo_ws.backups.to_folder(stick)
    assert info.path.parent == stick and info.ok and info.members == 300


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(demo_ws: Workspace) -> None:
    folder = demo_ws.data_dir
    backup = demo_ws.backups.take()
    demo_ws.members.delete(demo_ws.members.ids()[:10])
    demo_ws.close()
    result = restore_backup(folder, backup.path)
    assert result.safety_copy is not None and result.safety_copy.name.startswith("truoc-khoi-")
    with Workspace.open(folder, create=False) as ws:
        assert ws.members.count() == 300
    (safety,) = [b for b in list_backups(folder / BACKUP_FOLDER) if b.reason == "truoc-khoi-phuc"]
    assert safety.members == 290  # what was replaced is kept


def test_a_damaged_backup_is_refused_and_nothing_changes(demo_ws: Workspace) -> None:
    folder = demo_ws.data_dir
    backup = demo_ws.backups.take()
    demo_ws.close()
    data = backup.path.read_bytes()
    backup.path.write_bytes(data[:4096] + b"\0" * (len(data) - 4096))
    before = (folder / DATABASE_FILE).read_bytes()
    with pytest.raises(StorageError) as info:
        restore_backup(folder, backup.path)
    assert info.value.message == (
        f"Bản sao lưu “{backup.path.name}” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
        "được khôi phục. Dữ liệu đang dùng không bị thay đổi."
    )
    assert (folder / DATABASE_FILE).read_bytes() == before


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    return run(list(args), out, err), out.getvalue(), err.getvalue()


def test_check_finds_reports_and_repairs(demo_ws: Workspace) -> None:
    folder = str(demo_ws.data_dir)
    demo_ws.members.save(
        {"full_name": "Lê Văn Mã", "birth_date": "01/01/2000", "member_code": "1234567"}
    )  # a member code is part of the search text: a sound member, not a problem
    code, out, err = _cli("check", "--data-dir", folder, "--format", "json")
    report = json.loads(out)
    backup = Path(report.pop("backup"))  # taken before the check, its whole path
    assert (code, report, err) == (0, {"ok": True, "problems": [], "repaired": 0}, "")
    assert backup.parent == demo_ws.data_dir / "backups" and backup.is_file()
    first, second = demo_ws.members.list()[:2]
    with demo_ws.db.transaction() as session:  # as an older version might have left them
        session.execute(update(Member).where(Member.id == first.id).values(sort_key="zzz"))
        session.execute(update(Member).where(Member.id == second.id).values(status="expelled"))
    code, out, _ = _cli("check", "--data-dir", folder, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["repaired"] == 0
    kinds = sorted((p["kind"], p["id"]) for p in report["problems"])
    assert kinds == sorted([("derived", first.id), ("status", second.id)])
    code, out, _ = _cli("check", "--data-dir", folder, "--repair", "--format", "json")
    report = json.loads(out)
    assert report["repaired"] == 1 and [p["kind"] for p in report["problems"]] == ["status"]
    code, out, _ = _cli("check", "--data-dir", folder, "--format", "json")
    assert [p["kind"] for p in json.loads(out)["problems"]] == ["status"]  # never "repaired"
    reasons = [b.reason for b in demo_ws.backups.list()]
    assert reasons.count("truoc-kiem-tra") == 4  # every check backs up first


def test_cli_backup_backups_and_restore(demo_ws: Workspace) -> None:
    folder = str(demo_ws.data_dir)
    code, out, _ = _cli("backup", "--data-dir", folder, "--format", "json")
    taken = json.loads(out)
    assert code == 0 and taken["ok"] is True and taken["members"] == 300
    assert taken["reason"] == "Sao lưu theo yêu cầu"
    code, out, _ = _cli("backups", "--data-dir", folder, "--format", "json")
    assert [b["file"] for b in json.loads(out)] == [taken["file"]]
    code, out, _ = _cli("backups", "--data-dir", folder)  # to the second, as the GUI's list
    size = f"{Path(taken['file']).stat().st_size / 1024**2:.1f}".replace(".", ",")
    assert out == (
        f"{taken['date'][:19]}  Sao lưu theo yêu cầu  {size} MB  300 đoàn viên  tốt  "
        f"{taken['file']}\n"
    )
    demo_ws.close()
    code, out, err = _cli("restore", "--data-dir", folder, taken["file"])
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã khôi phục {Path(taken['file']).name} (300 đoàn viên).\n")


def test_restore_is_refused_while_the_app_has_the_folder(demo_ws: Workspace) -> None:
    from doancoso.core.storage.lock import DataFolderLock

    backup = demo_ws.backups.take()
    lock = DataFolderLock.acquire(demo_ws.data_dir)  # as the open app holds it
    try:
        code, out, err = _cli("restore", "--data-dir", str(demo_ws.data_dir), str(backup.path))
    finally:
        lock.release()
    assert code == 1 and out == "" and err.startswith("Lỗi: ")
    with sqlite3.connect(demo_ws.db.path) as conn:
        assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == 300
    conn.close()


def test_restore_of_a_folder_says_it_is_a_folder(demo_ws: Workspace, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    demo_ws.backups.to_folder(stick)
    demo_ws.close()
    code, out, err = _cli("restore", "--data-dir", str(demo_ws.data_dir), str(stick))
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: “{stick}” là một thư mục, không phải tệp sao lưu: hãy ghi tên một tệp sao lưu "
        "(.sqlite) trong thư mục đó. Dữ liệu đang dùng không bị thay đổi.\n"
    )


def test_backup_to_a_file_not_a_folder_is_said_so(demo_ws: Workspace, tmp_path: Path) -> None:
    note = tmp_path / "saoluu.sqlite"  # the name of the copy, taken for its folder
    note.write_bytes(b"")
    folder = str(demo_ws.data_dir)
    code, out, err = _cli("backup", "--data-dir", folder, "--to", str(note))
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: “{note}” là một tệp, không phải thư mục: hãy cho thư mục (trên USB) để ghi bản "
        "sao lưu vào. Dữ liệu đang dùng không bị thay đổi.\n"
    )
    assert note.read_bytes() == b""


def test_a_backup_folder_that_cannot_be_made_is_said_so(demo_ws: Workspace, tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_bytes(b"")  # a file where the folder's parent should be
    target = blocker / "saoluu"
    code, out, err = _cli("backup", "--data-dir", str(demo_ws.data_dir), "--to", str(target))
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: Không ghi được bản sao lưu vào “{target}”: một phần của đường dẫn là tệp, không "
        "phải thư mục. Dữ liệu đang dùng không bị thay đổi.\n"
    )


def test_check_writes_its_counts_as_vietnamese_write_numbers(empty_ws: Workspace) -> None:
    empty_ws.generate_demo(members=1100, seed=3)
    with empty_ws.db.transaction() as session:  # as an upgrade changing the sort keys leaves them
        session.execute(update(Member).values(sort_key="zzz"))
    folder = str(empty_ws.data_dir)
    code, out, _ = _cli("check", "--data-dir", folder)
    assert code == 1 and out.splitlines()[-1] == "Có 1.100 vấn đề cần xem."
    code, out, _ = _cli("check", "--data-dir", folder, "--repair")
    assert code == 0
    assert out.splitlines()[-2:] == ["Đã sửa 1.100 lỗi.", "Dữ liệu tốt, không có lỗi."]


def test_restore_says_the_evidence_files_left_on_the_stick(ws: Workspace, tmp_path: Path) -> None:
    import shutil

    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000"})
    scan = tmp_path / "anh-ra-quan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(3000) + b"\n%%EOF\n")
    ws.evidence.attach("members", member, scan)
    saved = ws.backups.to_folder(tmp_path / "usb")
    shutil.rmtree(tmp_path / "usb" / f"{saved.path.name}.evidence")  # only the .sqlite copied
    new_pc = tmp_path / "may-moi"
    code, out, err = _cli("restore", "--data-dir", str(new_pc), str(saved.path))
    assert (code, err) == (0, "")
    assert out == (
        f"Đã khôi phục {saved.path.name} (1 đoàn viên).\n"
        "Thiếu 1 tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: chúng nằm trong thư mục "
        f"“{saved.path.name}.evidence” cạnh tệp sao lưu khi sao lưu ra USB. Hãy chép cả thư mục "
        "đó vào cùng chỗ với tệp sao lưu rồi khôi phục lại.\n"
    )


@pytest.mark.parametrize("password", ["Hoa sen nở 1990!", None])
def test_restore_of_a_bundle_says_it_is_a_bundle(
    demo_ws: Workspace, tmp_path: Path, password: str | None
) -> None:
    bundle = tmp_path / "usb" / "ban-giao.dcs"
    bundle.parent.mkdir()
    demo_ws.bundles.export(bundle, kind="handover", year=None, password=password)
    demo_ws.close()
    code, out, err = _cli("restore", "--data-dir", str(demo_ws.data_dir), str(bundle))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Tệp “ban-giao.dcs” là một gói dữ liệu (.dcs), không phải bản sao lưu: gói dữ liệu "
        "được nhận bằng “Nhận dữ liệu từ USB…” (Tệp) hoặc lệnh doancoso bundle import. Dữ liệu "
        "đang dùng không bị thay đổi.\n"
    )


def test_restore_of_a_spreadsheet_is_not_called_a_bundle(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    """An .xlsx (a ZIP, as a clear bundle is) given for the backup was said to be "một gói dữ
    liệu (.dcs)" and sent to `bundle import`."""
    sheet = write_xlsx(tmp_path / "danh-sach.xlsx", [["Họ và tên"], ["Lê Văn An"]])
    before = demo_ws.members.count()
    demo_ws.close()
    code, out, err = _cli("restore", "--data-dir", str(demo_ws.data_dir), str(sheet))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Bản sao lưu “danh-sach.xlsx” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
        "được khôi phục. Dữ liệu đang dùng không bị thay đổi.\n"
    )
    with Workspace.open(demo_ws.data_dir) as ws:
        assert ws.members.count() == before
    assert not list((demo_ws.data_dir / BACKUP_FOLDER).glob("truoc-khoi-phuc-*"))


def test_backup_to_a_stick_names_the_evidence_folder_beside_it(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    code, out, err = _cli("backup", "--data-dir", str(demo_ws.data_dir), "--to", str(stick))
    assert (code, err) == (0, "")
    (copy,) = stick.glob("*.sqlite")
    assert out == (
        f"Đã sao lưu: {copy}\n10 tệp minh chứng (ảnh, văn bản scan) nằm trong thư mục "
        f"“{copy.name}.evidence” bên cạnh: khi chép sang máy khác, hãy chép cả tệp sao lưu và "
        "thư mục này.\n"
    )
