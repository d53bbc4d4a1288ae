"""The copies taken automatically before the other operations that write: the rotation keeps
those that are the way back the app promises, and drops like any backup those that replaced
nothing.

A member sheet import's copy ("Trước khi nhập danh sách") is what the import's message sends
the secretary to ("Nếu nhập nhầm tệp: … chọn bản sao lưu lúc đó … rồi bấm “Khôi phục bản đã
chọn…”"): it alone holds the rows the import changed, so it is kept as a restore's copy is (a
rating sheet's and a youth sheet's import take it under the same reason). A check's copy holds
what the data still hold (a repair only fills what the data derive), and closing a rating round
adds to the data (its way back is "Mở lại"): theirs are dropped as any other backup is."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from doancoso.core.backup.store import BACKUP_FOLDER, list_backups, rotate, take_backup
from doancoso.core.workspace import DATABASE_FILE, Workspace

IMPORTED_AT = datetime(2026, 12, 4, 9, 30, 0)  # a Friday


def _name(reason: str, when: datetime) -> str:
    return f"{reason}-{when:%Y%m%d-%H%M%S}.sqlite"


def _import_a_member(ws: Workspace, tmp_path: Path) -> str:
    """A sheet of one member imported into Tân Hưng (no member yet): the copy the import took
    first, renamed as taken at :data:`IMPORTED_AT`, holds the data without that member."""
    sheet = tmp_path / "danh-sach.csv"
    sheet.write_text("STT,Họ và tên,Ngày sinh\n1,Nguyễn Văn An,01/01/2000\n", encoding="utf-8")
    result = ws.spreadsheets.apply_import(ws.spreadsheets.preview_import(sheet))
    assert result.created == 1 and result.backup is not None
    name = _name("truoc-nhap", IMPORTED_AT)
    result.backup.path.rename(result.backup.path.with_name(name))
    return name


def _listed(folder: Path) -> list[tuple[str, int | None]]:
    return [(b.path.name, b.members) for b in list_backups(folder)]


def test_the_next_day_the_copy_taken_before_a_member_import_is_still_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    """Imported the wrong sheet in the morning, closed the app in the afternoon, noticed the
    next morning: the copy the message named is there, holding the data before the import."""
    name = _import_a_member(ws, tmp_path)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    closed = take_backup(live, folder, "khi-dong", IMPORTED_AT + timedelta(hours=7))
    daily = take_backup(live, folder, "hang-ngay", IMPORTED_AT + timedelta(hours=23))
    assert _listed(folder) == [(daily.path.name, 1), (closed.path.name, 1), (name, 0)]


def test_daily_backups_for_weeks_after_keep_the_last_member_import_s_copy(
    ws: Workspace, tmp_path: Path
) -> None:
    name = _import_a_member(ws, tmp_path)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    for day in range(1, 40):
        take_backup(live, folder, "hang-ngay", IMPORTED_AT + timedelta(days=day, hours=8))
    kept = [(b.path.name, b.members) for b in list_backups(folder) if b.reason == "truoc-nhap"]
    assert kept == [(name, 0)]


def test_over_the_size_budget_older_daily_backups_go_before_the_import_s_copy(
    ws: Workspace, tmp_path: Path
) -> None:
    name = _import_a_member(ws, tmp_path)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    for day in range(1, 4):
        take_backup(live, folder, "hang-ngay", IMPORTED_AT + timedelta(days=day))
    size = (folder / name).stat().st_size
    rotate(folder, IMPORTED_AT + timedelta(days=3, hours=2), budget=2 * size)
    assert [b.path.name for b in list_backups(folder)] == [
        _name("hang-ngay", IMPORTED_AT + timedelta(days=3)), name,
    ]  # fmt: skip


def test_a_check_s_and_a_round_closing_s_copies_go_as_any_backup(ws: Workspace) -> None:
    """Neither replaced anything the backups taken after them lack: the next day, the newest of
    their day is kept, the others dropped."""
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    take_backup(live, folder, "truoc-kiem-tra", IMPORTED_AT)
    take_backup(live, folder, "truoc-ket-thuc-xep-loai", IMPORTED_AT + timedelta(hours=1))
    closed = take_backup(live, folder, "khi-dong", IMPORTED_AT + timedelta(hours=7))
    daily = take_backup(live, folder, "hang-ngay", IMPORTED_AT + timedelta(hours=23))
    assert [b.path.name for b in list_backups(folder)] == [daily.path.name, closed.path.name]
