"""The import obeys the member form's rules: every member it writes can be saved by the form.

Dates an event recorded stay; a birth date that makes the events or stored dates impossible is
not written; admission and Party dates the form refuses for the age are left out with the form's
message; our own export of the demo roster comes back unchanged, without a word."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_xlsx

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.roster.spreadsheets import IMPORT_FIELDS, NEW, UNCHANGED, UPDATE, ImportPreview
from doancoso.core.roster.validation import MEMBER_FIELD_NAMES, MemberFields
from doancoso.core.workspace import Workspace

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Điện thoại", "Ngày vào Đoàn",
          "Ngày vào Đảng", "Nghề nghiệp"]  # fmt: skip
AN_ID, BINH_ID = "086200000001", "086200000002"  # two men born in 2000
# The warning on a row whose birth year is not the one its CCCD says (nor the stored one).
SAYS_2000 = (
    "Số CCCD cho biết nam, sinh năm 2000: khác với giới tính hoặc năm sinh đã nhập. Hãy kiểm tra "
    "lại."
)
KEEP_ADMISSION = (
    "Ngày vào Đoàn theo quyết định kết nạp là 31/12/2023: giữ nguyên; muốn sửa, hãy sửa sự kiện "
    "trong tab “Quá trình”."
)
KEEP_PARTY = (
    "Ngày vào Đảng theo sự kiện “Vào Đảng” là 01/06/2024: giữ nguyên; muốn sửa, hãy sửa sự kiện "
    "trong tab “Quá trình”."
)


def _preview(ws: Workspace, path: Path, rows: list[list[Any]]) -> ImportPreview:
    return ws.spreadsheets.preview_import(write_xlsx(path, [HEADER, *rows]))


def _rows(preview: ImportPreview) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.row, r.action, r.changed, [p.message for p in r.problems]) for r in preview.rows]


def _add(ws: Workspace, **raw: str) -> str:
    return ws.members.save(raw)


def _fields(ws: Workspace) -> dict[str, MemberFields]:
    return {r.full_name: ws.members.get(r.id).fields for r in ws.members.list()}


def _form_raw(fields: MemberFields) -> dict[str, str]:
    """The member as the form shows it (member_form._load), to save it again unchanged."""
    raw: dict[str, str] = {}
    for name in MEMBER_FIELD_NAMES:
        value = getattr(fields, name)
        if name == "birth_date":
            raw[name] = format_vn_date(value, fields.birth_precision)
        elif isinstance(value, date):
            raw[name] = format_vn_date(value)
        else:
            raw[name] = "" if value is None else str(value)
    return raw


def _form_saves_everyone(ws: Workspace) -> None:
    for row in ws.members.list():
        ws.members.save(_form_raw(ws.members.get(row.id).fields), row.id)


def test_dates_recorded_by_events_are_kept(sws: Workspace, tmp_path: Path) -> None:
    an = _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID)
    sws.events.record(an, "admission", "31/12/2023")
    sws.events.record(an, "party_admission", "01/06/2024")
    _add(sws, full_name="Trần Văn Bình", birth_date="01/01/2000", national_id=BINH_ID,
         admission_date="31/12/2023", party_date="01/06/2024")  # fmt: skip
    before = _fields(sws)

    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2000", AN_ID, None, "01/01/2024", "02/06/2024", "Công nhân"],
        [2, "Trần Văn Bình", "01/01/2000", BINH_ID, None, "01/01/2024", "02/06/2024", None],
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, UPDATE, ["occupation"], [KEEP_ADMISSION, KEEP_PARTY]),
        (3, UPDATE, ["admission_date", "party_date"], []),  # no event: the file may change them
    ]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.updated) == (0, 2)
    assert _fields(sws) == {
        "Nguyễn Văn An": replace(before["Nguyễn Văn An"], occupation="Công nhân"),
        "Trần Văn Bình": replace(before["Trần Văn Bình"], admission_date=date(2024, 1, 1),
                                 party_date=date(2024, 6, 2)),
    }  # fmt: skip
    _form_saves_everyone(sws)


def test_only_the_event_date_is_kept_when_nothing_else_changes(
    sws: Workspace, tmp_path: Path
) -> None:
    an = _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID)
    sws.events.record(an, "admission", "31/12/2023")
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2000", AN_ID, None, "01/01/2024", None, None],
    ])  # fmt: skip
    assert _rows(preview) == [(2, UNCHANGED, [], [KEEP_ADMISSION])]
    assert "admission_date" not in preview.rows[0].values


def test_a_birth_date_that_makes_the_events_impossible_is_not_written(
    sws: Workspace, tmp_path: Path
) -> None:
    an = _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID)
    sws.events.record(an, "admission", "01/06/2017")
    binh = _add(sws, full_name="Trần Văn Bình", birth_date="01/01/2000", national_id=BINH_ID)
    sws.events.record(binh, "party_admission", "01/06/2019")
    # No event, but an admission date stored by the form: the same rule.
    _add(sws, full_name="Lê Văn Cường", birth_date="01/01/2000", national_id="086200000003",
         admission_date="01/06/2017")  # fmt: skip
    _add(sws, full_name="Phạm Văn Dũng", birth_date="01/01/2000", national_id="086200000004",
         admission_date="01/06/2017")  # fmt: skip
    before = _fields(sws)

    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2005", AN_ID, "0912345678", "01/06/2017", None, None],
        [2, "Trần Văn Bình", "01/01/2002", BINH_ID, None, None, None, "Công nhân"],
        [3, "Lê Văn Cường", "2005", "086200000003", None, None, None, None],
        [4, "Phạm Văn Dũng", "01/02/2000", "086200000004", None, None, None, None],  # fine
    ])  # fmt: skip
    # The file's wrong birth years also contradict the CCCDs, which agree with the stored dates.
    assert _rows(preview) == [
        (2, UPDATE, ["phone"], [SAYS_2000,
            "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
            "sinh 01/01/2005, vào Đoàn 01/06/2017. Ngày sinh "
            "trong tệp không khớp với hồ sơ của đoàn viên: giữ nguyên ngày sinh 01/01/2000."]),
        (3, UPDATE, ["occupation"], [SAYS_2000,
            "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 01/01/2002, vào Đảng 01/06/2019. Ngày sinh "
            "trong tệp không khớp với hồ sơ của đoàn viên: giữ nguyên ngày sinh 01/01/2000."]),
        (4, UNCHANGED, [], [SAYS_2000,
            "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
            "sinh 2005, vào Đoàn 01/06/2017. Ngày sinh trong "
            "tệp không khớp với hồ sơ của đoàn viên: giữ nguyên ngày sinh 01/01/2000."]),
        (5, UPDATE, ["birth_date"], []),
    ]  # fmt: skip
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws) == {
        "Nguyễn Văn An": replace(before["Nguyễn Văn An"], phone="0912345678"),
        "Trần Văn Bình": replace(before["Trần Văn Bình"], occupation="Công nhân"),
        "Lê Văn Cường": before["Lê Văn Cường"],
        "Phạm Văn Dũng": replace(before["Phạm Văn Dũng"], birth_date=date(2000, 2, 1)),
    }
    _form_saves_everyone(sws)


def test_a_birth_date_before_an_event_is_not_written(sws: Workspace, tmp_path: Path) -> None:
    an = _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID)
    sws.events.record(an, "transfer_in", "01/06/2010", other_organization="Đoàn xã Tân Lộc")
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2011", AN_ID, None, None, None, None],
    ])  # fmt: skip
    assert _rows(preview) == [(2, UNCHANGED, [], [
        SAYS_2000,  # the file's birth year is not the CCCD's either
        "Ngày của sự kiện (01/06/2010) không thể trước ngày sinh của đoàn viên (01/01/2011). "
        "Ngày sinh trong tệp không khớp với hồ sơ của đoàn viên: giữ nguyên ngày sinh "
        "01/01/2000."])]  # fmt: skip


def test_a_new_birth_date_is_checked_with_the_new_dates_of_the_file(
    sws: Workspace, tmp_path: Path
) -> None:
    an_id = "086205000001"  # born in 2005: the file corrects the stored birth date
    _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=an_id,
         admission_date="01/06/2017")  # fmt: skip
    before = _fields(sws)["Nguyễn Văn An"]
    # Born later and admitted later: both written, the record stays consistent.
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2005", an_id, None, "01/06/2021", None, None],
    ])  # fmt: skip
    assert _rows(preview) == [(2, UPDATE, ["birth_date", "admission_date"], [])]
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws) == {"Nguyễn Văn An": replace(
        before, birth_date=date(2005, 1, 1), admission_date=date(2021, 6, 1))}  # fmt: skip
    _form_saves_everyone(sws)


def test_party_date_before_eighteen_is_left_out(sws: Workspace, tmp_path: Path) -> None:
    _add(sws, full_name="Trần Văn Bình", birth_date="01/01/2000", national_id=BINH_ID)
    before = _fields(sws)["Trần Văn Bình"]
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2000", AN_ID, None, "01/06/2017", "31/12/2017", "Công nhân"],
        [2, "Lê Văn Cường", "2000", None, None, None, "01/06/2017", None],
        [3, "Trần Văn Bình", "01/01/2000", BINH_ID, None, None, "31/12/2017", None],
        [4, "Phạm Văn Dũng", "01/01/2000", None, None, None, "01/01/2018", None],  # 18 that day
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], ["Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 01/01/2000, vào Đảng 31/12/2017."]),
        (3, NEW, [], ["Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 2000, vào Đảng 01/06/2017."]),
        (4, UNCHANGED, [], [
            "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 01/01/2000, vào Đảng 31/12/2017."]),
        (5, NEW, [], []),
    ]  # fmt: skip
    sws.spreadsheets.apply_import(preview)
    fields = _fields(sws)
    assert fields["Trần Văn Bình"] == before
    assert fields["Nguyễn Văn An"] == MemberFields(
        full_name="Nguyễn Văn An", birth_date=date(2000, 1, 1), national_id=AN_ID,
        admission_date=date(2017, 6, 1), occupation="Công nhân")  # fmt: skip
    assert fields["Lê Văn Cường"] == MemberFields(
        full_name="Lê Văn Cường", birth_date=date(2000, 1, 1), birth_precision="year"
    )
    assert fields["Phạm Văn Dũng"].party_date == date(2018, 1, 1)
    _form_saves_everyone(sws)


def test_admission_date_outside_the_age_window_is_left_out(sws: Workspace, tmp_path: Path) -> None:
    an_id, binh_id = "086204000001", "086204000002"  # born in 2004
    _add(sws, full_name="Trần Văn Bình", birth_date="04/04/2004", national_id=binh_id,
         admission_date="05/04/2019")  # fmt: skip
    before = _fields(sws)["Trần Văn Bình"]
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "04/04/2004", an_id, "0912345678", "01/01/2015", None, None],
        [2, "Trần Văn Bình", "04/04/2004", binh_id, None, "04/04/2019", None, "Công nhân"],
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], ["Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
                      "sinh 04/04/2004, vào Đoàn 01/01/2015."]),
        (3, UPDATE, ["occupation"], [
            "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
            "sinh 04/04/2004, vào Đoàn 04/04/2019."]),
    ]  # fmt: skip
    assert "admission_date" not in preview.rows[0].values
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws) == {
        "Nguyễn Văn An": MemberFields(full_name="Nguyễn Văn An", birth_date=date(2004, 4, 4),
                                      national_id=an_id, phone="0912345678"),
        "Trần Văn Bình": replace(before, occupation="Công nhân"),
    }  # fmt: skip
    _form_saves_everyone(sws)


def test_our_export_of_the_demo_roster_comes_back_unchanged_without_problems(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "ds.xlsx"
    assert demo_ws.spreadsheets.export_members(path) == 300
    preview = demo_ws.spreadsheets.preview_import(path)
    assert len(preview.rows) == 300
    assert [
        (r.row, r.action, r.problems) for r in preview.rows if r.action != UNCHANGED or r.problems
    ] == []
    assert preview.warnings == []


# Name columns -------------------------------------------------------------------------------


@pytest.mark.parametrize("last", ["Lan", None])  # filled on every row, or on most
def test_a_headerless_column_repeating_the_given_name_is_a_sort_helper(
    sws: Workspace, tmp_path: Path, last: str | None
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", None, "Ngày sinh"],
        [1, "Nguyễn Thị Như Quỳnh", "Quỳnh", "05/03/2001"],
        [2, "Trần Văn An", "An", "12/10/2003"],
        [3, "Lê Văn Cường", "Cường", "01/01/2004"],
        [4, "Phạm Thị Lan", last, "01/02/2004"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {"full_name": 1, "birth_date": 3}
    assert preview.warnings == []
    assert [(r.values["full_name"], r.problems) for r in preview.rows] == [
        ("Nguyễn Thị Như Quỳnh", []), ("Trần Văn An", []), ("Lê Văn Cường", []),
        ("Phạm Thị Lan", []),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "middle"),
    [("Họ", "Đệm"), ("Họ", "Tên đệm"), ("Họ", "Chữ đệm"), ("Họ", "Tên lót"), ("Họ", "Chữ lót"),
     ("Họ", "Họ đệm"), ("Họ", "Họ và tên đệm"), ("HỌ", "ĐỆM")],
)  # fmt: skip
def test_family_middle_and_given_names_in_three_columns(
    sws: Workspace, tmp_path: Path, family: str, middle: str
) -> None:
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", [
        ["STT", family, middle, "Tên", "Ngày sinh"],
        [1, "Nguyễn", "Thị Như", "Quỳnh", "05/03/2001"],
        [2, "Lê", None, "Quỳnh", "12/10/2003"],
    ]))  # fmt: skip
    assert preview.mapping == {
        "family_middle": 1, "middle_name": 2, "given_name": 3, "birth_date": 4}  # fmt: skip
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Thị Như Quỳnh", "Lê Quỳnh"]
    assert preview.warnings == []


def test_full_name_merged_over_three_columns(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", None, None, "Ngày sinh"],
        [None, "Họ", "Đệm", "Tên", None],
        [1, "Nguyễn", "Thị Như", "Quỳnh", "05/03/2001"],
        [2, "Trần", "Văn", "An", "12/10/2003"],
    ], merges=["B1:D1"])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {
        "family_middle": 1, "middle_name": 2, "given_name": 3, "birth_date": 4}  # fmt: skip
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Thị Như Quỳnh", "Trần Văn An"]
    sws.spreadsheets.apply_import(preview)
    assert [r.full_name for r in sws.members.list()] == ["Trần Văn An", "Nguyễn Thị Như Quỳnh"]


@pytest.mark.parametrize("header", ["Họ đệm", "Họ và tên đệm"])
def test_family_and_middle_header_without_a_family_column_keeps_its_meaning(
    sws: Workspace, tmp_path: Path, header: str
) -> None:
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", [
        ["STT", header, "Tên", "Ngày sinh"],
        [1, "Nguyễn Thị Như", "Quỳnh", "05/03/2001"],
    ]))  # fmt: skip
    assert preview.mapping == {"family_middle": 1, "given_name": 2, "birth_date": 3}
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Thị Như Quỳnh"]


def test_a_middle_name_column_chosen_in_the_wizard(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", None, None, "Ngày sinh"],
        [1, "Nguyễn", "Thị Như", "Quỳnh", "05/03/2001"],
    ])  # fmt: skip
    mapping = {"family_middle": 1, "middle_name": 2, "given_name": 3, "birth_date": 4}
    preview = sws.spreadsheets.preview_import(path, mapping=mapping)
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Thị Như Quỳnh"]
    # "Họ và tên" holding the family name only, with the middle and given names beside it
    mapping = {"full_name": 1, "middle_name": 2, "given_name": 3, "birth_date": 4}
    preview = sws.spreadsheets.preview_import(path, mapping=mapping)
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Thị Như Quỳnh"]
    assert IMPORT_FIELDS["middle_name"] == "Tên đệm / chữ lót"


# Over age -----------------------------------------------------------------------------------


def test_the_over_age_warning_states_the_age_reached_in_the_year(
    sws: Workspace, tmp_path: Path
) -> None:
    sws.spreadsheets.today = lambda: date(2026, 11, 30)  # still 30 until 01/12/2026
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/12/1995", None, None, None, None, None],
        [2, "Trần Văn Bình", "01/01/1996", None, None, None, None, None],
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], ["Đã quá tuổi Đoàn (tròn 31 tuổi trong năm 2026): cần xét trưởng thành "
                      "Đoàn."]),
        (3, NEW, [], []),
    ]  # fmt: skip


def test_an_event_recorded_after_the_previews_today_allows_a_good_birth_date(
    sws: Workspace, tmp_path: Path
) -> None:
    an = _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID)
    sws.events.record(an, "transfer_in", date.today(), other_organization="Đoàn xã Tân Lộc")
    sws.spreadsheets.today = lambda: date(2026, 1, 1)
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "02/01/2000", AN_ID, None, None, None, None],
    ])  # fmt: skip
    assert _rows(preview) == [(2, UPDATE, ["birth_date"], [])]


def test_a_new_birth_date_is_checked_with_the_stored_date_a_refused_one_leaves(
    sws: Workspace, tmp_path: Path
) -> None:
    _add(sws, full_name="Nguyễn Văn An", birth_date="01/01/2000", national_id=AN_ID,
         admission_date="01/06/2017")  # fmt: skip
    before = _fields(sws)["Nguyễn Văn An"]
    # The file's admission date is refused with either birth date, so 01/06/2017 stays: the
    # new birth date would make it an admission at 12.
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "01/01/2005", AN_ID, None, "01/01/2015", None, None],
    ])  # fmt: skip
    assert _rows(preview) == [(2, UNCHANGED, [], [
        SAYS_2000,  # the CCCD agrees with the stored birth date, not the file's
        "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/2005, vào Đoàn 01/06/2017. Ngày sinh trong "
        "tệp không khớp với hồ sơ của đoàn viên: giữ nguyên ngày sinh 01/01/2000.",
        "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/2000, vào Đoàn 01/01/2015.",
    ])]  # fmt: skip
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws) == {"Nguyễn Văn An": before}
    _form_saves_everyone(sws)


HISTORY = (
    "Vào Đoàn ngày 20/05/2013 khi chưa đủ 15 tuổi + 1 ngày (sinh 10/09/1998): ngoài độ tuổi kết "
    "nạp hiện nay (từ 16 đến 30 tuổi, áp dụng từ 28/06/2013). Vẫn giữ ngày này: kết nạp trước "
    "đó theo quy định thời đó."
)


def test_an_admission_before_todays_rules_is_kept_with_a_warning(
    sws: Workspace, tmp_path: Path
) -> None:
    """Admitted at 14 in May 2013 (the rules of the time): the date is written, the warning names
    the rule and the date; under today's rules the same age is left out, as before."""
    an_id, binh_id = "086098000001", "086098000002"  # born in 1998
    _add(sws, full_name="Trần Văn Bình", birth_date="10/09/1998", national_id=binh_id)
    preview = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "10/09/1998", an_id, None, "20/05/2013", None, None],
        [2, "Trần Văn Bình", "10/09/1998", binh_id, None, "20/05/2013", None, None],
        [3, "Lê Văn Cường", "01/01/2000", None, None, "28/06/2013", None, None],
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], [HISTORY]),
        (3, UPDATE, ["admission_date"], [HISTORY]),
        (
            4,
            NEW,
            [],
            [
                "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
                "sinh 01/01/2000, vào Đoàn 28/06/2013."
            ],
        ),
    ]
    sws.spreadsheets.apply_import(preview)
    fields = _fields(sws)
    assert fields["Nguyễn Văn An"].admission_date == date(2013, 5, 20)
    assert fields["Trần Văn Bình"].admission_date == date(2013, 5, 20)
    assert fields["Lê Văn Cường"].admission_date is None
    _form_saves_everyone(sws)
    # Imported again: nothing changes, nothing to say.
    again = _preview(sws, tmp_path / "a.xlsx", [
        [1, "Nguyễn Văn An", "10/09/1998", an_id, None, "20/05/2013", None, None],
    ])  # fmt: skip
    assert _rows(again) == [(2, UNCHANGED, [], [])]
