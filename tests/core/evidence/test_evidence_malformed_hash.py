"""An evidence row whose hash is not a SHA-256 (a damaged database, a hand edit, an old
bundle) cites a file the store cannot hold: every reader of the rows takes it for a lost file,
as the data check names it, and none crashes or reaches outside the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.dossier.check import check
from doancoso.core.errors import AppError, StorageError
from doancoso.core.evidence.store import lost_file_message
from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
from dossier_data import evidence_pdf

DAY = dt.date(2025, 12, 20)
MALFORMED = ["upper", "../doancoso.sqlite", ""]


def _malformed(ws: Workspace, sha256: str, kind: str) -> str:
    """``kind`` of a malformed hash: the file's own in capitals (as an old version wrote it),
    a path out of the store, or nothing; written into the real database's row."""
    value = sha256.upper() if kind == "upper" else kind
    with sqlite3.connect(ws.db.path) as db:
        db.execute("UPDATE evidence_files SET sha256 = ? WHERE sha256 = ?", (value, sha256))
    db.close()
    return value


@pytest.mark.parametrize("kind", MALFORMED)
def test_every_reader_takes_the_row_for_a_lost_file(
    ws: Workspace, tmp_path: Path, kind: str
) -> None:
    ws.recognition.open(2025)
    ws.recognition.attach(2025, "1.1", evidence_pdf(tmp_path / "bien-ban.pdf"), "Biên bản")
    advice = ws.registers.save_advice({"day": "10/03/2025", "title": "Đề xuất giao chỉ tiêu"})
    ws.evidence.attach(ADVICE_TABLE, advice, tmp_path / "bien-ban.pdf")
    (stored,) = ws.evidence.store.folder.iterdir()
    value = _malformed(ws, stored.name, kind)

    (item,) = [v for v in ws.recognition.view(2025, DAY).items if v.item.code == "1.1"]
    (file,) = item.files
    assert (file.sha256, file.original_name) == (value, "bien-ban.pdf")
    assert file.path.parent == ws.evidence.store.folder and not file.path.exists()
    (answer,) = ws.evidence.attachments(ADVICE_TABLE, advice)
    assert answer.path == file.path
    assert ws.evidence.missing() == 1
    assert not ws.evidence.store.has(value) and not ws.evidence.store.verify(value)

    opened = tmp_path / "xem" / "bien-ban.pdf"
    assert ws.evidence.store.copy_checked(value, opened) is False
    assert not opened.parent.exists()
    with pytest.raises(StorageError) as raised:
        ws.evidence.copy_to_folder([file], tmp_path / "usb")
    assert raised.value.message == lost_file_message("bien-ban.pdf")

    lost = [g for g in check(ws, 2025, ("bang", "minh-chung"), as_of=DAY) if g.lost is not None]
    assert [(g.item, g.lost) for g in lost] == [("1.1", value)]
    assert [p.message for p in ws.check().problems if p.kind == "evidence"] == [
        lost_file_message("bien-ban.pdf"),
        lost_file_message("bien-ban.pdf"),
    ]


def test_the_dossier_build_names_it_among_the_lost(ws: Workspace, tmp_path: Path) -> None:
    from doancoso.reports.dossier.build import build_dossier

    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat"})
    ws.recognition.attach(2025, "1.1", evidence_pdf(tmp_path / "bien-ban.pdf"), "Biên bản")
    (stored,) = ws.evidence.store.folder.iterdir()
    _malformed(ws, stored.name, "upper")
    target = tmp_path / "ho-so.pdf"
    with pytest.raises(AppError) as raised:
        build_dossier(ws, target, 2025, issued_on=DAY)
    assert str(raised.value).startswith(
        "Chưa lập được hồ sơ: 1 tệp minh chứng không còn trong thư mục dữ liệu hoặc đã bị "
        "hỏng:\n• “bien-ban.pdf” (Minh chứng 1.1.1)\n"
    )
    assert not target.exists()
