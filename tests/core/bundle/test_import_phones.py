"""Phone numbers in a bundle made by hand or by an older version (written as typed): on import a
phone the member form and the youth form would take is stored as they store it (digits only,
"0912345678"), searched by those digits; one they would refuse refuses the bundle, naming the
record and the field, and nothing is written. Normalising makes no row look changed: a phone
equal once normalised is no conflict, and the same bundle imported twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_sync import edit, every_row
from data_state import data_state
from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace


def _rows(real: dict[str, bytes], table: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in real[f"data/{table}.jsonl"].splitlines()]


def _with_phone(ws: Workspace, folder: Path, table: str, row_id: str, phone: str) -> Path:
    """``ws``'s clear handover bundle, written by the app, with the phone of row ``row_id`` of
    ``table`` rewritten to ``phone`` and the manifest's hashes and sizes redone to match (as a
    bundle written by hand or by another program would be)."""
    real = members_of(ws.bundles.export(folder / "that.dcs", password=None).path)
    rows = _rows(real, table)
    [row] = [r for r in rows if r["id"] == row_id]
    row["phone"] = phone
    members = dict(real)
    members[f"data/{table}.jsonl"] = b"".join(
        json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows
    )
    manifest = matching_manifest(members, manifest_of(real))
    return build(folder / "viet-tay.dcs", members, manifest=manifest)


def _stored(ws: Workspace, table: str, row_id: str) -> tuple[str | None, str]:
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT phone, search_text FROM {table} WHERE id = ?", (row_id,))
        phone, search_text = cursor.fetchone()
    return phone, search_text


def _youth_id(ws: Workspace) -> str:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT id FROM youths WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
        (row_id,) = cursor.fetchone()
    return str(row_id)


@pytest.mark.parametrize(
    ("table", "phone", "stored"),
    [
        ("members", " 0912.345.678 ", "0912345678"),
        ("youths", "+84 912-345-679", "0912345679"),
    ],
)
def test_a_phone_written_as_typed_is_stored_as_the_forms_store_it(
    home: Workspace, tmp_path: Path, table: str, phone: str, stored: str
) -> None:
    row_id = home.members.list()[0].id if table == "members" else _youth_id(home)
    bundle = _with_phone(home, tmp_path, table, row_id, phone)
    with Workspace.open(tmp_path / "moi") as fresh:
        fresh.bundles.apply(bundle, None)
        taken, search_text = _stored(fresh, table, row_id)
        assert taken == stored
        assert search_text.split()[-1] == stored  # found by the digits the form stores
        if table == "members":
            assert fresh.members.get(row_id).fields.phone == stored
        else:
            assert fresh.youth.get(row_id).fields.phone == stored

        # The same bundle again: its row is the one stored (phone aside), so nothing changes.
        before = every_row(fresh)
        again = fresh.bundles.preview(bundle, None)
        assert (again.new, again.updated, again.deleted, again.conflicts) == ({}, {}, {}, [])
        fresh.bundles.apply(bundle, None)
        assert every_row(fresh) == before


def test_a_phone_equal_once_normalised_is_no_conflict(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """Both copies changed a member's phone to one number since they last exchanged; the other
    copy's bundle writes it as typed: the same number, so no choice is asked for."""
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    edit(home, member_id, phone="0912 345 678")
    edit(away, member_id, phone="0912.345.678")
    assert away.members.get(member_id).fields.phone == "0912345678"
    bundle = _with_phone(home, tmp_path, "members", member_id, " 0912.345.678 ")

    result = away.bundles.apply(bundle, None)

    assert result.conflicts == []
    assert _stored(away, "members", member_id)[0] == "0912345678"


@pytest.mark.parametrize(("table", "label"), [("members", "Đoàn viên"), ("youths", "Thanh niên")])
def test_a_phone_the_form_refuses_refuses_the_bundle(
    home: Workspace, away: Workspace, tmp_path: Path, table: str, label: str
) -> None:
    row_id = home.members.list()[7].id if table == "members" else _youth_id(home)
    fields = (
        home.members.get(row_id).fields if table == "members" else home.youth.get(row_id).fields
    )
    assert fields.birth_date is not None
    born = (
        f"{fields.birth_date:%Y}"
        if fields.birth_precision == "year"
        else f"{fields.birth_date:%d/%m/%Y}"
    )
    bundle = _with_phone(home, tmp_path, table, row_id, "12ab")
    before = data_state(away.data_dir)

    with pytest.raises(ImportFileError) as refused:
        away.bundles.apply(bundle, None)

    assert refused.value.message == (
        f"Tệp dữ liệu có dòng không hợp lệ ở bảng “{label}” ({table}), dòng của {fields.full_name} "
        f"(sinh {born}): "
        "“Điện thoại” phải là số điện thoại (10 chữ số, bắt đầu bằng 0, ví dụ "
        "0912345678), không phải '12ab'. Không có gì được ghi vào dữ liệu."
    )
    assert data_state(away.data_dir) == before
