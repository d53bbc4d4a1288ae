"""Migration 0006 (the fields of the union's member template): a database at 0005 is backed up,
then upgraded with every row and value kept, the seven new fields empty, the member code unique
in the organisation, and the upgraded members searchable by the code they are then given; its
schema is a new database's."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.roster.service import MemberFilter
from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import columns, copied, schema, table_rows

SCHEMA_0005 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0005.sqlite"
TABLES = ("organizations", "branches", "members", "member_events", "youths", "app_meta")
NEW_COLUMNS = (
    "member_code",
    "email",
    "national_id_date",
    "national_id_place",
    "computer_skills",
    "admission_decision",
    "association",
)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: table_rows(path, t) for t in TABLES}


def test_upgrade_from_0005_keeps_every_value_and_adds_the_template_fields(tmp_path: Path) -> None:
    target = copied(SCHEMA_0005, tmp_path / "old")
    before = _rows(target)
    assert not set(NEW_COLUMNS) & {c[1] for c in columns(target, "members")}
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = _rows(target)
        assert {t: r for t, r in after.items() if t not in ("members", "organizations")} == {
            t: r for t, r in before.items() if t not in ("members", "organizations")
        }
        # 0007 appends the organisation's leave_counts_as_attended (off)
        assert after["organizations"] == [(*row, 0) for row in before["organizations"]]
        width = len(NEW_COLUMNS)
        assert sorted(r[:-width] for r in after["members"]) == before["members"]
        assert {r[-width:] for r in after["members"]} == {(None,) * width}

        du = ws.members.ids(MemberFilter(search="huynh thi du"))
        assert len(du) == 1
        fields = ws.members.get(du[0]).fields
        assert (fields.national_id, fields.qualification, fields.card_number, fields.notes) == (
            "096300004567",
            "Đại học",
            "TĐ-0123",
            "Mã đoàn viên 1234567 ghi tạm ở đây\n(chưa có ô riêng).",
        )
        assert (fields.member_code, fields.email, fields.national_id_date) == (None, None, None)

        # The form saves the upgraded member with a code, which is then searchable and unique.
        raw = {
            name: "" if value is None else str(value)
            for name, value in fields.__dict__.items()
            if name not in ("birth_date", "admission_date", "birth_precision")
        }
        raw.update(
            birth_date="12/08/2000",
            admission_date="26/03/2016",
            gender="Nữ",
            member_code="7654321",
            email="huynhthidu@gmail.com",
        )
        ws.members.save(raw, du[0])
        assert ws.members.ids(MemberFilter(search="7654321")) == du
        assert ws.members.list(MemberFilter(search="7654321"))[0].member_code == "7654321"
        dat = ws.members.ids(MemberFilter(search="nguyen van dat"))[0]
        with pytest.raises(ValidationError) as info:
            ws.members.save({"full_name": "Nguyễn Văn Đạt", "birth_date": "05/03/2001",
                             "member_code": "7654321"}, dat)  # fmt: skip
        assert info.value.field_errors == {
            "member_code": "Mã định danh đoàn viên này đã dùng cho đoàn viên Huỳnh Thị Đủ."
        }
    backups = list((target.parent / "backups").glob("truoc-nang-cap-0005-*.sqlite"))
    assert len(backups) == 1
    assert _rows(backups[0]) == before  # the database as it was, still at 0005


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0005, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    new = tmp_path / "new" / DATABASE_FILE
    assert schema(old) == schema(new)
    # Same columns in the same order: the new ones last, nullable, without defaults.
    assert columns(old, "members") == columns(new, "members")
    assert [c[1:] for c in columns(new, "members")[-len(NEW_COLUMNS) :]] == [
        ("member_code", "VARCHAR(20)", 0, None, 0),
        ("email", "VARCHAR(200)", 0, None, 0),
        ("national_id_date", "DATE", 0, None, 0),
        ("national_id_place", "VARCHAR(200)", 0, None, 0),
        ("computer_skills", "VARCHAR(100)", 0, None, 0),
        ("admission_decision", "VARCHAR(100)", 0, None, 0),
        ("association", "VARCHAR(200)", 0, None, 0),
    ]
    assert ("index", "uq_members_org_member_code") in {s[:2] for s in schema(new)}
