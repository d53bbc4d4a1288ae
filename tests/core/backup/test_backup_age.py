"""How long ago a backup was taken, as the list, the restore's question and the offer for
damaged data say it: one under a minute old was taken "vừa xong", not "0 phút trước"."""

from __future__ import annotations

from datetime import datetime, timedelta

from doancoso.core.backup.store import age_text

THEN = datetime(2026, 12, 5, 8, 30)


def test_a_backup_under_a_minute_old_was_taken_just_now() -> None:
    assert [age_text(THEN, THEN + timedelta(seconds=s)) for s in (0, 59)] == ["vừa xong"] * 2
    assert age_text(THEN, THEN - timedelta(minutes=5)) == "vừa xong"  # the clock put back
    assert [age_text(THEN, THEN + delta) for delta in (
        timedelta(minutes=1), timedelta(minutes=59), timedelta(hours=26), timedelta(days=9),
    )] == ["1 phút trước", "59 phút trước", "26 giờ trước", "9 ngày trước"]  # fmt: skip
