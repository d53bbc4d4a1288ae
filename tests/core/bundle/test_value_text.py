"""A field's value as a conflict shows it, in the import wizard and on the command line alike:
empty as "(trống)", only a whole ISO date or moment as a date, stored moments (UTC) in local
time."""

from __future__ import annotations

from doancoso.core.bundle.labels import field_value_text, moment_text, value_text


def test_only_whole_iso_values_are_dates(in_vietnam: None) -> None:
    assert value_text("2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12") == (
        "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12"
    )
    assert value_text("2024-05-01") == "01/05/2024"
    assert value_text("2024-13-45") == "2024-13-45"
    assert value_text("2026-12-05T09:04:12.123456") == "05/12/2026 16:04"
    assert value_text("2026-12-05 09:04:12") == "05/12/2026 16:04"
    assert value_text("2026-12-05T16:04:12+07:00") == "05/12/2026 16:04"
    assert value_text(None) == value_text("") == "(trống)"
    assert (value_text(True), value_text(False)) == ("Có", "Không")
    assert value_text(3) == "3"


def test_the_column_kind_decides_when_the_table_is_known(in_vietnam: None) -> None:
    assert field_value_text("members", "deleted_at", "2026-12-05T09:04:12.5") == "05/12/2026 16:04"
    assert field_value_text("members", "deleted_at", None) == "(trống)"
    assert field_value_text("members", "birth_date", "1999-04-17") == "17/04/1999"
    assert field_value_text("members", "notes", "2024-05-01") == "2024-05-01"
    assert field_value_text("future_table", "day", "2024-05-01") == "01/05/2024"
    assert moment_text("2026-12-05T09:04:00") == "05/12/2026 16:04"
