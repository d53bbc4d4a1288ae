"""A list typed without tones (no Unikey at hand) updating members entered with them: what the
file only says without its tones is no change, as for the name."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import UPDATE
from doancoso.core.workspace import Workspace


def test_a_file_typed_without_tones_does_not_overwrite_the_toned_values(
    sws: Workspace, tmp_path: Path
) -> None:
    member_id = sws.members.save({
        "full_name": "Nguyễn Văn Đạt", "birth_date": "05/03/2001", "hometown": "Cà Mau",
        "occupation": "Làm ruộng", "address_hamlet": "Ấp Tân Long",
        "address_commune": "Tân Hưng", "address_province": "Cà Mau", "phone": "0912345678",
    })  # fmt: skip
    path = write_xlsx(tmp_path / "khong_dau.xlsx", [
        ["Họ và tên", "Ngày sinh", "Quê quán", "Nghề nghiệp", "Địa chỉ", "Điện thoại"],
        ["Nguyen Van Dat", "05/03/2001", "CA MAU", "lam ruong", "Ap Tan Long, Tan Hung, Ca Mau",
         "0987654321"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.changed, r.problems) for r in preview.rows] == [(UPDATE, ["phone"], [])]
    sws.spreadsheets.apply_import(preview)
    f = sws.members.get(member_id).fields
    assert (f.full_name, f.hometown, f.occupation, f.phone) == (
        "Nguyễn Văn Đạt", "Cà Mau", "Làm ruộng", "0987654321",
    )  # fmt: skip
    assert (f.address_hamlet, f.address_commune, f.address_province) == (
        "Ấp Tân Long", "Tân Hưng", "Cà Mau",
    )  # fmt: skip


def test_a_correction_of_the_tones_is_still_written(sws: Workspace, tmp_path: Path) -> None:
    member_id = sws.members.save(
        {"full_name": "Nguyễn Văn Đạt", "birth_date": "05/03/2001", "hometown": "Ca Mau"}
    )
    path = write_xlsx(tmp_path / "co_dau.xlsx", [
        ["Họ và tên", "Ngày sinh", "Quê quán"],
        ["Nguyễn Văn Đạt", "05/03/2001", "Cà Mau"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.changed) for r in preview.rows] == [(UPDATE, ["hometown"])]
    sws.spreadsheets.apply_import(preview)
    assert sws.members.get(member_id).fields.hometown == "Cà Mau"
