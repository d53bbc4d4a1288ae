"""Stored files moved out of the data folder by hand, cut short, or put back: each check names
the files whose state turned since the last one, and records the rows citing them as changed,
so that what shows them lost or sound reads them again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from doancoso.core.workspace import Workspace


def _pdf(path: Path, filler: bytes) -> Path:
    path.write_bytes(b"%PDF-1.4\n" + filler * 100 + b"\n%%EOF\n")
    return path


def test_each_check_names_the_files_lost_or_back_since_the_last(
    ws: Workspace, tmp_path: Path
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000"})
    binh = ws.members.save({"full_name": "Trần Thị Bích", "birth_date": "02/09/2001"})
    form = _pdf(tmp_path / "Đơn vào Đoàn.pdf", b"a")
    card = _pdf(tmp_path / "the-doan.pdf", b"b")
    form_an = ws.evidence.attach("members", an, form)
    form_binh = ws.evidence.attach("members", binh, form)  # the same file, cited twice
    card_an = ws.evidence.attach("members", an, card)
    form_hash = hashlib.sha256(form.read_bytes()).hexdigest()
    card_hash = hashlib.sha256(card.read_bytes()).hexdigest()
    stored_form = ws.evidence.store.path(form_hash)
    stored_card = ws.evidence.store.path(card_hash)
    assert ws.evidence.check_lost() == frozenset()  # none lost, none was

    start = ws.changes.generation
    moved = stored_form.rename(tmp_path / "dọn dẹp")
    with stored_card.open("r+b") as handle:  # cut short by a failing disk
        handle.truncate(10)
    assert ws.evidence.check_lost() == {form_hash, card_hash}
    changes = ws.changes.since(start)
    assert not changes.everything and set(changes.tables) == {"evidence_files"}
    assert changes.ids("evidence_files") == {form_an, form_binh, card_an}

    start = ws.changes.generation
    assert ws.evidence.check_lost() == frozenset()  # still lost: nothing new
    assert ws.changes.generation == start

    moved.rename(stored_form)
    assert ws.evidence.check_lost() == {form_hash}
    assert ws.changes.since(start).ids("evidence_files") == {form_an, form_binh}
