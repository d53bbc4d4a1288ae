"""Where the last backup written outside the data folder went (onto a USB stick: "Sao lưu ra
USB…", ``doancoso backup --to``), and when it was taken.

The list of backups shows only those in the data folder's ``backups/``: once the "Đã sao lưu ra
…" message was closed, nothing said where the last backup onto a stick went. It is remembered
in ``last-outside-backup.json`` beside the database (as the document numbers are, see
:mod:`~..document_memory`): what this data folder last did, not a record of the union. Data
that can only be read are backed up onto a stick too: a memory that cannot be written there is
left as it was, the backup done all the same. A damaged file reads as nothing remembered.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import AppError
from ..storage.files import written_atomically

OUTSIDE_FILE = "last-outside-backup.json"
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutsideBackup:
    """The last backup written outside the data folder: its file, when it was taken (the time
    in its name), and whether the file was there when asked (a stick not plugged in: not)."""

    path: Path
    taken_at: datetime
    present: bool


def remember_outside(data_dir: Path, path: Path, taken_at: datetime) -> None:
    """Remember ``path``, taken at ``taken_at``, as the last backup outside ``data_dir`` (one
    inside it is not remembered: the list shows it). Never raises: the backup is done."""
    try:
        if path.resolve().is_relative_to(data_dir.resolve()):
            return
        text = json.dumps({"path": str(path), "taken_at": taken_at.isoformat()})
        with written_atomically(data_dir / OUTSIDE_FILE) as temp:
            temp.write_text(text, encoding="utf-8")
    except (AppError, OSError) as exc:  # read-only data, a full disk: the backup itself stands
        _LOG.warning("could not remember the backup %s: %s", path, exc)


def last_outside(data_dir: Path) -> OutsideBackup | None:
    """The last backup written outside ``data_dir`` (None: none, or the memory is damaged),
    looked for where it was written."""
    try:
        held = json.loads((data_dir / OUTSIDE_FILE).read_text(encoding="utf-8"))
        path = Path(held["path"])
        taken_at = datetime.fromisoformat(held["taken_at"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as exc:
        _LOG.warning("the memory of the last backup outside is unreadable: %r", exc)
        return None
    try:
        present = path.is_file()
    except OSError:  # a stick failing: not there to restore from
        present = False
    return OutsideBackup(path, taken_at, present)


def outside_text(last: OutsideBackup) -> str:
    """Where the last backup onto a stick went, as the backups dialog says it ("Lần sao lưu ra
    USB gần nhất: “E:\\…” lúc 08:30 ngày 05/12/2026."), said missing when it is not there."""
    said = (
        f"Lần sao lưu ra USB gần nhất: “{last.path}” lúc {last.taken_at:%H:%M} ngày "
        f"{last.taken_at:%d/%m/%Y}"
    )
    if last.present:
        return f"{said}."
    return (
        f"{said}, nhưng hiện không thấy tệp đó (USB chưa được cắm vào, hoặc tệp đã bị xóa hay "
        "chuyển đi)."
    )
