"""Which column fills which field: the exact field wins over a look-alike, a header is read by
its head ("Chức vụ trong chi đoàn" is a position), and two columns for one field are named in
the preview instead of one being chosen silently."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import NEW
from doancoso.core.workspace import Workspace

MEMBER = ["1", "Nguyễn Văn An", "05/03/2001"]


def test_look_alikes_never_take_the_exact_fields_place(sws: Workspace, tmp_path: Path) -> None:
    """The member code first and the position before the chi đoàn, as in the member template:
    each still goes to its own field."""
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Mã định danh đoàn viên", "Chức vụ trong chi đoàn",
         "Số CMND/CCCD", "Đơn vị"],
        [*MEMBER, "8012345", "Bí thư chi đoàn", "086201000123", "Chi đoàn 1"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {
        "full_name": 1,
        "birth_date": 2,
        "member_code": 3,
        "position": 4,
        "national_id": 5,
        "branch": 6,
    }
    assert preview.warnings == []
    assert [(r.action, r.problems) for r in preview.rows] == [(NEW, [])]
    values = preview.rows[0].values
    assert (values["member_code"], values["national_id"]) == ("8012345", "086201000123")
    assert (values["position"], values["branch"]) == ("Bí thư", "Chi đoàn 1")


def test_a_header_is_read_by_its_head(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["Họ và tên", "Ngày sinh", "Số CCCD của đoàn viên", "Chức vụ trong Đoàn",
         "Ngày vào Đoàn tại chi đoàn"],
        ["Nguyễn Văn An", "05/03/2001", "086201000123", "Đoàn viên", "26/03/2017"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {
        "full_name": 0,
        "birth_date": 1,
        "national_id": 2,
        "position": 3,
        "admission_date": 4,
    }
    assert preview.warnings == []


def test_two_columns_for_one_field_are_named_in_the_preview(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Số CMND", "Chi đoàn sinh hoạt", "Đơn vị"],
        [*MEMBER, "086201000123", "381234567", "Ấp 1", "Chi đoàn ấp 1"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    # Equals: the first is imported. A look-alike ("Chi đoàn sinh hoạt" holds the words "chi
    # đoàn") gives way to the exact header ("Đơn vị").
    assert (preview.mapping["national_id"], preview.mapping["branch"]) == (3, 6)
    assert preview.warnings == [
        "Các cột D “Số CCCD” và E “Số CMND” đều có thể là “Số CCCD/CMND”: đang nhập cột D, bỏ "
        "qua cột E. Nếu cần cột khác, hãy chọn lại ở bước ghép cột.",
        "Các cột G “Đơn vị” và F “Chi đoàn sinh hoạt” đều có thể là “Chi đoàn”: đang nhập cột "
        "G, bỏ qua cột F. Nếu cần cột khác, hãy chọn lại ở bước ghép cột.",
    ]
    assert preview.rows[0].values["national_id"] == "086201000123"
    # Choosing the other column in the wizard's mapping silences its notice.
    chosen = dict(preview.mapping, national_id=4)
    again = sws.spreadsheets.preview_import(path, mapping=chosen)
    assert len(again.warnings) == 1 and "Chi đoàn" in again.warnings[0]
    assert again.rows[0].values["national_id"] == "381234567"
