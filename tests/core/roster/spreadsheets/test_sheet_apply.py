"""What an import stores: the same rows as the member form would, with every travelling column."""

from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_xlsx

from doancoso.core.errors import ConflictError
from doancoso.core.lang.text import name_sort_key
from doancoso.core.organization import OrganizationInfo
from doancoso.core.roster.spreadsheets import NEW, UPDATE
from doancoso.core.storage.models import utc_now
from doancoso.core.workspace import DATABASE_FILE, Workspace

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Điện thoại",
          "Chi đoàn", "Chức vụ", "Ngày vào Đoàn", "Chỗ ở hiện nay", "Nghề nghiệp"]  # fmt: skip
ROWS = [
    [1, "Nguyễn Văn An", "05/03/2001", "Nam", "Kinh", "086201000001", "0912345678", "Ấp 1",
     "Đoàn viên", "26/03/2018", "Ấp 1, xã Tân Hưng", "Làm ruộng"],
    [2, "Trần Thị Bích", "12/10/2003", "Nữ", "Khmer", None, None, "Ấp 2", None, None, None,
     None],
]  # fmt: skip
# The same people as typed in the member form (MemberService.save).
FORM = [
    {"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001", "gender": "male",
     "ethnicity": "Kinh", "national_id": "086201000001", "phone": "0912345678",
     "position": "Đoàn viên", "admission_date": "26/03/2018",
     "address_hamlet": "Ấp 1, xã Tân Hưng", "occupation": "Làm ruộng"},
    {"full_name": "Trần Thị Bích", "birth_date": "12/10/2003", "gender": "female",
     "ethnicity": "Khmer"},
]  # fmt: skip
BRANCHES = ["Ấp 1", "Ấp 2"]
STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")  # how SQLAlchemy stores DateTime


def _stored(ws: Workspace) -> list[dict[str, Any]]:
    """Every member row as SQLite holds it, in birth order, with its chi đoàn by name; the
    organisation and origin are checked to be the workspace's own and the installation's."""
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as conn:
        conn.row_factory = sqlite3.Row
        branches = dict(conn.execute("SELECT id, name FROM branches").fetchall())
        (organization,) = conn.execute("SELECT id FROM organizations").fetchone()
        rows = [dict(r) for r in conn.execute("SELECT * FROM members ORDER BY birth_date")]
    for row in rows:
        row["branch"] = branches.get(row.pop("branch_id"))
        assert row.pop("organization_id") == organization
        assert row.pop("origin") == ws.db.installation_id
    return rows


def _without_identity(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")}


def test_new_rows_are_stored_as_the_member_form_stores_them(sws: Workspace, tmp_path: Path) -> None:
    before = utc_now().isoformat(" ")
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "moi.xlsx", [HEADER, *ROWS]))
    assert [r.action for r in preview.rows] == [NEW, NEW]
    result = sws.spreadsheets.apply_import(preview)
    after = utc_now().isoformat(" ")
    assert (result.created, result.branches_created) == (2, tuple(BRANCHES))
    imported = _stored(sws)

    with Workspace.open(tmp_path / "form") as other:
        other.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="TĐ"))
        branch_ids = [other.branches.create(name).id for name in BRANCHES]
        for raw, branch_id in zip(FORM, branch_ids, strict=True):
            other.members.save({**raw, "branch_id": branch_id})
        typed = _stored(other)
    assert [_without_identity(r) for r in imported] == [_without_identity(r) for r in typed]

    assert [r.member_id for r in preview.rows] == [r["id"] for r in imported]
    for row in imported:
        assert str(uuid.UUID(row["id"])) == row["id"]
        assert STAMP.match(row["created_at"]) and row["created_at"] == row["updated_at"]
        assert before <= row["created_at"] <= after
        assert (row["revision"], row["deleted_at"]) == (1, None)
        assert row["sort_key"] == name_sort_key(row["full_name"])
    assert [(r["full_name"], r["search_text"], r["birth_date"], r["admission_date"]) for r in
            imported] == [
        ("Nguyễn Văn An", "nguyen van an 086201000001 0912345678", "2001-03-05", "2018-03-26"),
        ("Trần Thị Bích", "tran thi bich", "2003-10-12", None),
    ]  # fmt: skip


def test_updates_change_only_what_the_file_changes(sws: Workspace, tmp_path: Path) -> None:
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", [HEADER, *ROWS]))
    )
    first = {r["id"]: r for r in _stored(sws)}
    changed = [list(r) for r in ROWS]
    changed[0][1] = "Nguyễn Hoàng An"  # same CCCD and birth date: the name was corrected
    changed[0][6] = "0987 654 321"
    changed[1][1] = "TRẦN THỊ BÍCH"  # case only: not a change
    changed[1][11] = "Công nhân"
    changed.append([3, "Lê Văn Mới", "01/01/2005", "Nam", "Kinh", None, None, "Ấp 3", None, None,
                    None, None])  # fmt: skip
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", [HEADER, *changed]))
    assert [(r.action, r.changed) for r in preview.rows] == [
        (UPDATE, ["full_name", "phone"]),
        (UPDATE, ["occupation"]),
        (NEW, []),
    ]
    before = utc_now().isoformat(" ")
    result = sws.spreadsheets.apply_import(preview)
    after = utc_now().isoformat(" ")
    assert (result.created, result.updated, result.branches_created) == (1, 2, ("Ấp 3",))
    rows = {r["id"]: r for r in _stored(sws)}
    assert len(rows) == 3
    differences = {}
    for member_id, old in first.items():
        new = rows[member_id]
        differences[old["full_name"]] = {k: new[k] for k in new if new[k] != old[k]}
        assert new["created_at"] == old["created_at"] < new["updated_at"]
        assert STAMP.match(new["updated_at"]) and before <= new["updated_at"] <= after
    for changes in differences.values():
        del changes["updated_at"]
    assert differences == {
        "Nguyễn Văn An": {
            "full_name": "Nguyễn Hoàng An",
            "sort_key": name_sort_key("Nguyễn Hoàng An"),
            "search_text": "nguyen hoang an 086201000001 0987654321",
            "phone": "0987654321",
            "revision": 2,
        },
        "Trần Thị Bích": {"occupation": "Công nhân", "revision": 2},
    }
    new_member = next(r for r in rows.values() if r["full_name"] == "Lê Văn Mới")
    assert (new_member["revision"], new_member["branch"]) == (1, "Ấp 3")
    assert new_member["created_at"] == new_member["updated_at"]


@pytest.mark.parametrize(
    ("name", "edit", "row"),
    [
        ("Trần Thị Bích", "revision = revision + 1, notes = 'sửa ở máy khác'", 3),
        ("Nguyễn Văn An", "deleted_at = '2026-11-26 08:00:00.000000'", 2),
    ],
)
def test_a_member_changed_elsewhere_since_the_preview_fails_the_whole_import(
    sws: Workspace, tmp_path: Path, name: str, edit: str, row: int
) -> None:
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", [HEADER, *ROWS]))
    )
    changed = [list(r) for r in ROWS]
    changed[0][6] = "0987654321"
    changed[1][11] = "Công nhân"
    changed.append([3, "Lê Văn Mới", "01/01/2005", "Nam", "Kinh", None, None, "Ấp 3", None, None,
                    None, None])  # fmt: skip
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", [HEADER, *changed]))
    assert [r.action for r in preview.rows] == [UPDATE, UPDATE, NEW]
    # Another program (the command line, a second copy of the app) writes to the same data
    # folder meanwhile: this workspace's roster generation cannot know, the revisions do.
    with sqlite3.connect(sws.data_dir / DATABASE_FILE) as conn:
        conn.execute(f"UPDATE members SET {edit} WHERE full_name = ?", (name,))
    before = _stored(sws)
    with pytest.raises(ConflictError) as info:
        sws.spreadsheets.apply_import(preview)
    assert info.value.message == (
        f"Đoàn viên ở dòng {row} đã bị sửa hoặc xóa sau khi xem trước. Hãy xem trước lại; chưa "
        "có gì được ghi."
    )
    assert _stored(sws) == before
    assert sws.branches.find("Ấp 3") is None


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_notes_keep_their_line_breaks_through_export_and_import(
    sws: Workspace, tmp_path: Path, suffix: str
) -> None:
    member = sws.members.save(
        {"full_name": "Lê Thị Hoa", "birth_date": "10/06/2001", "notes": "Dòng 1\r\nDòng  2"}
    )
    assert sws.members.get(member).fields.notes == "Dòng 1\nDòng  2"
    path = tmp_path / f"ra{suffix}"
    sws.spreadsheets.export_members(path)
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values["notes"] for r in preview.rows] == ["Dòng 1\nDòng  2"]
    assert preview.count("unchanged") == 1
    rows = [["Họ và tên", "Ngày sinh", "Ghi chú"], ["Trần Văn Bình", "01/02/2000", "a\nb\tc\r\nd"]]
    other = write_xlsx(tmp_path / "moi.xlsx", rows)
    preview = sws.spreadsheets.preview_import(other)
    assert [r.values["notes"] for r in preview.rows] == ["a\nb c\nd"]
