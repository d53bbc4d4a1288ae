"""The evidence files as the biên bản bàn giao lists them: a file by its name, every place it
is attached (kind of record and caption), its size; a file no longer attached by its hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from doancoso.core.evidence.service import ListedFile
from doancoso.core.workspace import Workspace


def _pdf(path: Path, filler: bytes) -> Path:
    path.write_bytes(b"%PDF-1.4\n" + filler * 100 + b"\n%%EOF\n")
    return path


def test_files_are_listed_by_name_with_where_they_are_attached(
    ws: Workspace, tmp_path: Path
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000"})
    binh = ws.members.save({"full_name": "Trần Thị Bích", "birth_date": "02/09/2001"})
    form = _pdf(tmp_path / "Đơn vào Đoàn.pdf", b"a")
    card = _pdf(tmp_path / "the-doan.pdf", b"b")
    ws.evidence.attach("members", an, form, caption="Đơn xin vào Đoàn")
    ws.evidence.attach("members", binh, form, caption="Đơn xin vào Đoàn")  # the same file
    ws.evidence.attach("branches", "b1", form)
    detached = ws.evidence.attach("members", an, card)
    ws.evidence.detach([detached])
    form_hash = hashlib.sha256(form.read_bytes()).hexdigest()
    card_hash = hashlib.sha256(card.read_bytes()).hexdigest()
    listed = ws.evidence.files_listed({card_hash: 111, form_hash: 222})
    assert listed == [
        ListedFile(card_hash, f"{card_hash[:12]}…", "(không còn gắn với bản ghi nào)", 111),
        ListedFile(form_hash, "Đơn vào Đoàn.pdf", "Đoàn viên: Đơn xin vào Đoàn; Chi đoàn", 222),
    ]
