"""The copy of the data a restore replaced ("Trước khi khôi phục một bản sao lưu") is what the
restore's question promises can be got back: the rotation must not drop it because a later
backup of the same day (on closing the app) holds the restored, older data, nor weeks later."""

from __future__ import annotations

from datetime import datetime, timedelta

from doancoso.core.backup.restore import restore_backup
from doancoso.core.backup.store import BACKUP_FOLDER, list_backups, rotate, take_backup
from doancoso.core.workspace import DATABASE_FILE, Workspace

RESTORED_AT = datetime(2026, 12, 4, 9, 30, 0)


def _restore_over_today(demo_ws: Workspace) -> tuple[Workspace, str]:
    """Yesterday's backup restored over a day's work (10 members deleted since): the safety
    copy, renamed as taken at :data:`RESTORED_AT`, holds the 290 members of the day's work."""
    folder = demo_ws.data_dir
    backup = demo_ws.backups.take()
    demo_ws.members.delete(demo_ws.members.ids()[:10])
    demo_ws.close()
    safety = restore_backup(folder, backup.path).safety_copy
    assert safety is not None
    name = f"truoc-khoi-phuc-{RESTORED_AT:%Y%m%d-%H%M%S}.sqlite"
    safety.rename(safety.with_name(name))
    backup.path.unlink()  # only the backups of the day below count
    return demo_ws, name


def _kept(folder_of: Workspace) -> list[tuple[str, int | None]]:
    backups = list_backups(folder_of.data_dir / BACKUP_FOLDER)
    return [(b.path.name, b.members) for b in backups if b.reason == "truoc-khoi-phuc"]


def test_the_next_day_the_copy_taken_before_the_restore_is_still_kept(
    demo_ws: Workspace,
) -> None:
    ws, name = _restore_over_today(demo_ws)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    take_backup(live, folder, "khi-dong", RESTORED_AT + timedelta(hours=7))  # closed at 16:30
    take_backup(live, folder, "hang-ngay", RESTORED_AT + timedelta(hours=23))  # opened next day
    assert _kept(ws) == [(name, 290)]


def test_daily_backups_for_weeks_after_keep_the_last_copy_taken_before_a_restore(
    demo_ws: Workspace,
) -> None:
    """Noticed weeks later that the restore lost something: the last restore's copy is there,
    whatever the daily backups taken since."""
    ws, name = _restore_over_today(demo_ws)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    for day in range(60):
        take_backup(live, folder, "hang-ngay", RESTORED_AT + timedelta(days=day, hours=8))
    assert _kept(ws) == [(name, 290)]


def test_backups_over_the_size_budget_drop_older_daily_ones_before_the_restore_copy(
    demo_ws: Workspace,
) -> None:
    ws, name = _restore_over_today(demo_ws)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    for day in range(1, 4):
        take_backup(live, folder, "hang-ngay", RESTORED_AT + timedelta(days=day))
    size = (folder / name).stat().st_size
    rotate(folder, RESTORED_AT + timedelta(days=3, hours=2), budget=2 * size)
    assert [b.path.name for b in list_backups(folder)] == [
        f"hang-ngay-{RESTORED_AT + timedelta(days=3):%Y%m%d-%H%M%S}.sqlite", name,
    ]  # fmt: skip


def test_a_second_restore_the_same_morning_keeps_the_copy_taken_before_the_first(
    demo_ws: Workspace,
) -> None:
    """Restored the wrong backup, then another: the day's work is in the copy taken before the
    first restore, not in the one taken before the second (the wrong backup's data)."""
    ws, name = _restore_over_today(demo_ws)
    live, folder = ws.data_dir / DATABASE_FILE, ws.data_dir / BACKUP_FOLDER
    second = take_backup(live, folder, "truoc-khoi-phuc", RESTORED_AT + timedelta(minutes=10))
    take_backup(live, folder, "khi-dong", RESTORED_AT + timedelta(hours=7))
    for day in range(1, 4):
        take_backup(live, folder, "hang-ngay", RESTORED_AT + timedelta(days=day))
    assert _kept(ws) == [(second.path.name, 300), (name, 290)]


def test_the_copy_taken_before_a_bundle_import_is_kept_as_a_restore_s(
    demo_ws: Workspace,
) -> None:
    """A bundle's import replaces rows with the bundle's versions: the copy taken before it is
    the only one holding them, kept the next day and weeks later as a restore's copy is."""
    live, folder = demo_ws.data_dir / DATABASE_FILE, demo_ws.data_dir / BACKUP_FOLDER
    before = take_backup(live, folder, "truoc-nhap-goi", RESTORED_AT)
    take_backup(live, folder, "khi-dong", RESTORED_AT + timedelta(hours=7))
    for day in range(1, 40):
        take_backup(live, folder, "hang-ngay", RESTORED_AT + timedelta(days=day, hours=8))
    kept = [b.path.name for b in list_backups(folder) if b.reason == "truoc-nhap-goi"]
    assert kept == [before.path.name]
