"""A member's "Số nghị quyết chuẩn y kết nạp" follows the admission event: recording it fills
the field, migration 0012 fills the fields a database at 0011 left empty (never one typed, no
new revision), and ``doancoso check`` reports and repairs one left empty since."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import update

from doancoso.core.storage.db import head_revision
from doancoso.core.storage.models import Member
from doancoso.core.workspace import DATABASE_FILE, Workspace

BIRTH = "05/03/2000"


def _member(ws: Workspace, name: str, number: str | None, decision: str = "") -> str:
    member_id = ws.members.save({"full_name": name, "birth_date": BIRTH,
                                 "admission_decision": decision})  # fmt: skip
    if number is not None:
        ws.events.record(member_id, "admission", "26/03/2018", number or None, place="Đoàn xã")
    return member_id


def _rows(path: Path) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return {r[0]: tuple(r) for r in conn.execute("SELECT * FROM members")}
    finally:
        conn.close()


def test_recording_the_admission_fills_the_decision(ws: Workspace) -> None:
    member_id = _member(ws, "Lê Thị Hoa", "40-QĐ/ĐTN")
    assert ws.members.get(member_id).fields.admission_decision == "40-QĐ/ĐTN"
    typed = _member(ws, "Lê Văn Tám", "", decision="12-NQ/ĐTN")  # an event without a number
    assert ws.members.get(typed).fields.admission_decision == "12-NQ/ĐTN"


def test_0012_fills_only_the_empty_decisions_of_admitted_members(ws: Workspace) -> None:
    empty = _member(ws, "Lê Thị Hoa", "40-QĐ/ĐTN")
    typed = _member(ws, "Trần Văn Bình", "41-QĐ/ĐTN", decision="7-NQ/ĐTN")
    no_number = _member(ws, "Phạm Văn Cường", "")
    no_event = _member(ws, "Võ Thị Dung", None)
    folder = ws.data_dir
    ws.close()
    path = folder / DATABASE_FILE
    conn = sqlite3.connect(path)
    with conn:  # as the code before 0012 left them: the number never copied
        conn.execute(f"UPDATE members SET admission_decision = NULL WHERE id != '{typed}'")
        conn.execute(f"UPDATE members SET admission_decision = '7-NQ/ĐTN' WHERE id = '{typed}'")
        conn.execute("DROP TABLE exchange_bases")  # made by 0013
        for column in ("sick_months", "dues_unpaid"):  # made by 0014
            conn.execute(f"ALTER TABLE ratings DROP COLUMN {column}")
        conn.execute("UPDATE alembic_version SET version_num = '0011'")
    conn.close()
    before = _rows(path)

    with Workspace.open(folder) as reopened:
        assert reopened.db.current_revision() == head_revision()
        decisions = {m: reopened.members.get(m).fields.admission_decision
                     for m in (empty, typed, no_number, no_event)}  # fmt: skip
        assert decisions == {empty: "40-QĐ/ĐTN", typed: "7-NQ/ĐTN", no_number: None,
                             no_event: None}  # fmt: skip
        assert reopened.check().problems == []
    after = _rows(path)
    for member_id, row in before.items():  # only the decision of one row, not its revision
        changed = [i for i, (a, b) in enumerate(zip(row, after[member_id], strict=True)) if a != b]
        assert len(changed) == (1 if member_id == empty else 0), (member_id, changed)


def test_check_reports_and_repairs_an_empty_decision(ws: Workspace) -> None:
    member_id = _member(ws, "Lê Thị Hoa", "40-QĐ/ĐTN")
    with ws.db.transaction() as session:  # as a bundle of an older version brings it back
        session.execute(
            update(Member).where(Member.id == member_id).values(admission_decision=None)
        )
    found = [(p.kind, p.id, p.message) for p in ws.check().problems]
    assert found == [(
        "decision", member_id, "Số nghị quyết chuẩn y kết nạp của Lê Thị Hoa còn trống nhưng "
        "quyết định kết nạp trong quá trình là 40-QĐ/ĐTN (sửa bằng: doancoso check --repair).",
    )]  # fmt: skip
    report = ws.check(repair=True)
    assert report.repaired == 1 and report.problems == []
    assert ws.members.get(member_id).fields.admission_decision == "40-QĐ/ĐTN"
    assert ws.check().problems == []
