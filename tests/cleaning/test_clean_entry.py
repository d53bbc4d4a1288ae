"""Control characters pasted from other programs (Word's line break \\x0b, \\x07, \\x01...) never
reach the database, whichever way the text comes in: form/service, CLI, import, youth register,
branches, the organisation, lifecycle events."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run
from doancoso.core.errors import ValidationError
from doancoso.core.lang.text import (
    clean_controls,
    fold,
    nfc,
    nfc_multiline,
    nfc_multiline_or_none,
    nfc_or_none,
)
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

# -- text.py ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nông\x07dân", "Nôngdân"),  # a control character is dropped, not replaced
        ("Nông\x07 dân", "Nông dân"),
        (" Nông\x0bdân\tvùng\r\nsâu\x01 ", "Nông dân vùng sâu"),  # breaks and tabs: a space
        ("A\rB\x0cC\x85D\u2028E\u2029F", "A B C D E F"),  # every kind of line break
        ("A\x00B\x1fC\x7fD\x80E\x9fF", "ABCDEF"),  # C0, DEL, C1
        ("A\ud800B\ufffeC\uffffD", "ABCD"),  # lone surrogate, non-characters
        ("a\x07\u0301", "á"),  # a control between a letter and its mark: NFC after dropping
        ("Nguyễn Thị Như Quỳnh", "Nguyễn Thị Như Quỳnh"),  # clean text is unchanged
        ("\x07\x0b\t", ""),
    ],
)
def test_nfc_is_one_line_without_control_characters(raw: str, expected: str) -> None:
    assert nfc(raw) == expected
    assert nfc_or_none(raw) == (expected or None)


WHITESPACE = [chr(i) for i in range(0x3001) if chr(i).isspace()]


@pytest.mark.parametrize("space", WHITESPACE, ids=[f"U+{ord(c):04X}" for c in WHITESPACE])
def test_nfc_collapses_every_kind_of_whitespace(space: str) -> None:
    # The information separators U+001C..U+001F count as whitespace in Python but are control
    # characters: dropped like the others.
    joined = "Nôngdân" if "\x1c" <= space <= "\x1f" else "Nông dân"
    assert nfc(f"Nông{space}dân") == joined
    assert nfc(f"{space}Nông{space}{space}dân{space} ") == joined


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dòng 1\x0bDòng 2\r\nDòng 3\rDòng 4", "Dòng 1\nDòng 2\nDòng 3\nDòng 4"),
        ("Dòng 1\x0cDòng 2\u2028Dòng 3\x85Dòng 4", "Dòng 1\nDòng 2\nDòng 3\nDòng 4"),
        ("  a\x07b\tc  d\x01\n\n", "ab c  d"),  # inner spaces kept, the ends trimmed
        ("e\u0301\x0b", "é"),
        ("\x07\r\n", ""),
    ],
)
def test_nfc_multiline_keeps_line_breaks_as_newlines(raw: str, expected: str) -> None:
    assert nfc_multiline(raw) == expected
    assert nfc_multiline_or_none(raw) == (expected or None)


def test_clean_controls_and_fold() -> None:
    assert clean_controls("a\x0bb\r\nc\td\x07e") == "a\nb\nc de"
    text = "Nguyễn Văn An"
    assert clean_controls(text) is text  # the usual case costs one scan, no copy
    assert fold("Chi đoàn\x07 ấp\x0bTân Hưng") == "chi doan ap tan hung"
    assert nfc(None) == "" and nfc_multiline(None) == "" and nfc_multiline_or_none(None) is None


# -- the services (the forms go through these) ----------------------------------------------


def test_the_reported_case_saves_clean_and_exports(ws: Workspace, tmp_path: Path) -> None:
    member_id = ws.members.save(
        {"full_name": "Nguyễn Văn An", "birth_date": "01/02/2000", "occupation": "Nông\x07dân"}
    )
    assert ws.members.get(member_id).fields.occupation == "Nôngdân"
    assert ws.spreadsheets.export_members(tmp_path / "o.xlsx") == 1  # used to raise


def test_member_fields(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    member_id = ws.members.save(
        {
            "full_name": "nguyễn\x0bvăn\x07 an",
            "birth_date": "01/02/\x072000",
            "branch_id": branch,
            "gender": "Nam\x01",
            "occupation": "Nông\x07 dân",
            "hometown": "Ấp\tTân\r\nHưng",
            "national_id": "0862\x0701000123",
            "phone": "0912\x1f345678",
            "admission_place": "Nhà\x0bvăn hóa",
            "notes": "Ghi chú 1\x0bGhi chú 2\r\nGhi chú 3\x07",
        }
    )
    fields = ws.members.get(member_id).fields
    assert fields.full_name == "Nguyễn Văn An"
    assert fields.gender == "male"
    assert fields.occupation == "Nông dân"
    assert fields.hometown == "Ấp Tân Hưng"
    assert fields.national_id == "086201000123"
    assert fields.phone == "0912345678"
    assert fields.admission_place == "Nhà văn hóa"
    assert fields.notes == "Ghi chú 1\nGhi chú 2\nGhi chú 3"
    # The uniqueness check reads the CCCD as the parser does, control characters dropped.
    with pytest.raises(ValidationError) as caught:
        ws.members.validate(
            {"full_name": "Trần Bình", "birth_date": "2001", "national_id": "086201\x00000123"}
        )
    assert caught.value.field_errors == {
        "national_id": "Số CCCD này đã dùng cho đoàn viên Nguyễn Văn An."
    }


def test_youth_fields(ws: Workspace) -> None:
    youth_id = ws.youth.save(
        {
            "full_name": "trần\x0bthị\x07 bích",
            "birth_date": "12/10/2003",
            "hamlet": "Ấp\x0bKênh Xáng",
            "occupation": "Công\x01 nhân",
            "away_place": "TP.\tHồ Chí Minh",
            "hardship_kind": "Hộ\x07 nghèo",
            "hardship_support": "Dòng 1\x0bDòng 2\x07",
            "notes": "a\rb\x0bc",
        }
    )
    fields = ws.youth.get(youth_id).fields
    assert fields.full_name == "Trần Thị Bích"
    assert fields.hamlet == "Ấp Kênh Xáng"
    assert fields.occupation == "Công nhân"
    assert fields.away_place == "TP. Hồ Chí Minh"
    assert fields.hardship_kind == "Hộ nghèo"
    assert fields.hardship_support == "Dòng 1\nDòng 2"
    assert fields.notes == "a\nb\nc"
    assert ws.youth.hamlets() == ["Ấp Kênh Xáng"]


def test_branch_and_organization_names(empty_ws: Workspace) -> None:
    info = empty_ws.organization.create(
        OrganizationInfo(
            name="Đoàn xã\x0b Tân\x07 Hưng",
            superior_name="Tỉnh đoàn\tCà Mau",
            commune="Tân\x01 Hưng",
            secretary_name="Nguyễn Thị\r\nNhư Quỳnh",
        )
    )
    assert (info.name, info.superior_name, info.commune, info.secretary_name) == (
        "Đoàn xã Tân Hưng",
        "Tỉnh đoàn Cà Mau",
        "Tân Hưng",
        "Nguyễn Thị Như Quỳnh",
    )
    branch = empty_ws.branches.create("Chi đoàn\x07 ấp\x0bTân Hưng")
    assert branch.name == "Chi đoàn ấp Tân Hưng"
    empty_ws.branches.rename(branch.id, "Chi đoàn\x1f ấp\tKênh Xáng")
    assert [b.name for b in empty_ws.branches.list()] == ["Chi đoàn ấp Kênh Xáng"]


def test_lifecycle_event_texts(ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Lê Văn Bình", "birth_date": "01/01/2000"})
    ws.events.record(
        member_id, "transfer_out", "15/03/2025", "12\x07-QĐ/ĐTN", "Dòng 1\x0bDòng 2\x01",
        other_organization="Đoàn phường\x0b An Lạc",
    )  # fmt: skip
    (event,) = ws.events.history(member_id)
    assert (event.number, event.note, event.other_organization) == (
        "12-QĐ/ĐTN",
        "Dòng 1\nDòng 2",
        "Đoàn phường An Lạc",
    )


def test_admitting_a_young_person(ws: Workspace) -> None:
    youth_id = ws.youth.save({"full_name": "Phạm Minh Bảo", "birth_date": "20/10/2006"})
    member_id = ws.youth.admit(youth_id, "26/03/2025", "Hội trường\x0bấp\x07 3", None, "5\x07/QĐ")
    assert ws.members.get(member_id).fields.admission_place == "Hội trường ấp 3"
    (event,) = ws.events.history(member_id)
    assert (event.place, event.number) == ("Hội trường ấp 3", "5/QĐ")


# -- the command line and the import ---------------------------------------------------------


def test_cli_members_add(ws: Workspace) -> None:
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    out, err = StringIO(), StringIO()
    code = run(
        ["members", "add", "--name", "Nguyễn\x0bVăn\x07 An", "--birth", "01/02/2000",
         "--branch", "Chi đoàn\x07 ấp Tân Hưng", "--ethnicity", "Kinh\x01",
         "--admission-place", "Nhà\tvăn hóa", "--format", "json",
         "--data-dir", str(ws.data_dir)],
        out=out, err=err,
    )  # fmt: skip
    assert (code, err.getvalue()) == (0, "")
    assert '"full_name": "Nguyễn Văn An"' in out.getvalue()
    (row,) = ws.members.list()
    fields = ws.members.get(row.id).fields
    assert (fields.full_name, fields.ethnicity, fields.admission_place) == (
        "Nguyễn Văn An",
        "Kinh",
        "Nhà văn hóa",
    )
    assert row.branch_name == "Chi đoàn ấp Tân Hưng"


def test_import_from_csv(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và\x0btên,Ngày sinh,Dân tộc,Nghề nghiệp,Quê quán,Ghi chú\r\n"
        '"Trần\x0bThị\x07 Bích",12/10/2003,Kinh\x01,Nông\x07dân,"Ấp\tTân Hưng",'
        '"Dòng 1\x0bDòng 2"\r\n',
        encoding="utf-8-sig",
    )
    preview = ws.spreadsheets.preview_import(path)
    assert [(r.row, r.problems) for r in preview.rows] == [(2, [])]
    ws.spreadsheets.apply_import(preview)
    (row,) = ws.members.list()
    fields = ws.members.get(row.id).fields
    assert (fields.full_name, fields.ethnicity, fields.occupation, fields.hometown) == (
        "Trần Thị Bích",
        "Kinh",
        "Nôngdân",
        "Ấp Tân Hưng",
    )
    assert fields.notes == "Dòng 1\nDòng 2"  # notes keep their line breaks, as in the form
