"""Texts with control characters as an older version, or another machine, may have stored them,
and the texts every file must show instead."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from doancoso.core.workspace import DATABASE_FILE

TODAY = date(2026, 6, 1)
LONG_NOTE = "x" * 40_000  # more than an Excel cell holds

# Column -> (stored text, the text every file must show).
ORGANIZATION = ("Đoàn xã\x0b Tân\x07 Hưng", "Đoàn xã Tân Hưng")
BRANCH = ("Chi đoàn\x07 ấp\x0bTân Hưng", "Chi đoàn ấp Tân Hưng")
MEMBER = {
    "full_name": ("Nguyễn\x0bVăn\x07 An", "Nguyễn Văn An"),
    "ethnicity": ("Kinh\x01", "Kinh"),
    "position": ("Bí\x07 thư", "Bí thư"),
    "occupation": ("Nông\x07dân", "Nôngdân"),
    "hometown": ("Ấp\tTân\r\nHưng\x1b", "Ấp Tân Hưng"),
    "notes": ("Ghi chú 1\x0bGhi chú 2\r\nGhi chú 3\x07", "Ghi chú 1\nGhi chú 2\nGhi chú 3"),
}
YOUTH = {
    "full_name": ("Trần\x0bThị\x07 Bích", "Trần Thị Bích"),
    "hamlet": ("Ấp\x0bKênh\x1f Xáng", "Ấp Kênh Xáng"),
    "occupation": ("Công\x01 nhân", "Công nhân"),
    "hardship_kind": ("Hộ\x07 nghèo", "Hộ nghèo"),
}


def store_dirty(folder: Path) -> None:
    """Store the texts of ORGANIZATION, BRANCH, MEMBER and YOUTH as they are, past every check."""
    with sqlite3.connect(folder / DATABASE_FILE) as conn:
        conn.execute("UPDATE organizations SET name = ?", (ORGANIZATION[0],))
        conn.execute("UPDATE branches SET name = ?", (BRANCH[0],))
        for column, (stored, _) in MEMBER.items():
            sql = f"UPDATE members SET {column} = ? WHERE national_id IS NOT NULL"
            conn.execute(sql, (stored,))
        conn.execute("UPDATE members SET notes = ? WHERE national_id IS NULL", (LONG_NOTE,))
        for column, (stored, _) in YOUTH.items():
            conn.execute(f"UPDATE youths SET {column} = ?", (stored,))
    conn.close()
