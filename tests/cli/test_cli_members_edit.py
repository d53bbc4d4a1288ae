"""``members edit``: a member's record corrected from a script, as the member form saves it.
Only the values given change (an empty one clears an optional value); bad input changes
nothing and says why on stderr with exit 1; no value at all is bad usage."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.workspace import Workspace


@pytest.fixture
def binh(ws: Workspace, data_dir: Path) -> str:
    """Trần Thị Bình, of Chi đoàn Ấp 1, with a phone, an admission and a note."""
    ws.branches.create("Chi đoàn Ấp 1")
    ws.branches.create("Chi đoàn Ấp 2")
    branch = ws.branches.list()[0].id
    member_id = ws.members.save(
        {"full_name": "Trần Thị Bình", "birth_date": "12/02/2006", "gender": "Nữ",
         "branch_id": branch, "phone": "0912345678", "admission_date": "26/03/2022",
         "admission_place": "Đoàn xã Tân Hưng", "ethnicity": "Kinh", "notes": "dòng 1\ndòng 2"}
    )  # fmt: skip
    ws.close()
    return member_id


def _fields(data_dir: Path, member_id: str) -> dict[str, object]:
    with Workspace.open(data_dir) as ws:
        record = ws.members.get(member_id)
        fields = vars(record.fields).copy()
        fields["branch"] = record.branch_name
        return fields


def test_only_the_values_given_change(data_dir: Path, binh: str) -> None:
    before = _fields(data_dir, binh)
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), "tran thi binh",
                         "--phone", "0987 654 321", "--branch", "Ấp 2")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Đã sửa thông tin đoàn viên Trần Thị Bình.\n"
    after = _fields(data_dir, binh)
    assert (after["phone"], after["branch"]) == ("0987654321", "Chi đoàn Ấp 2")
    unchanged = {k: v for k, v in after.items() if k not in ("phone", "branch", "branch_id")}
    assert unchanged == {k: v for k, v in before.items() if k in unchanged}


def test_an_empty_value_clears_an_optional_one(data_dir: Path, binh: str) -> None:
    result = cli("members", "edit", "--data-dir", str(data_dir), binh, "--phone", "",
                 "--name", "trần thị bình an", "--format", "json")  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.json() == {"id": binh, "full_name": "Trần Thị Bình An", "warnings": []}
    after = _fields(data_dir, binh)
    assert (after["phone"], after["full_name"]) == (None, "Trần Thị Bình An")


@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_branch_takes_the_member_out_of_their_chi_doan(
    data_dir: Path, binh: str, blank: str
) -> None:
    """As an empty ``--phone`` clears the phone, and as the form's "Chi đoàn" left empty: the
    member is then counted under "Chưa có chi đoàn"; the rest of the record is kept."""
    before = _fields(data_dir, binh)
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), binh, "--branch", blank)
    assert (code, err) == (0, "")
    assert out == "Đã sửa thông tin đoàn viên Trần Thị Bình.\n"
    after = _fields(data_dir, binh)
    assert (after["branch_id"], after["branch"]) == (None, None)
    unchanged = {k: v for k, v in after.items() if k not in ("branch", "branch_id")}
    assert unchanged == {k: v for k, v in before.items() if k in unchanged}
    listed = cli("members", "list", "--data-dir", str(data_dir), "--format", "json")
    assert [(m["full_name"], m["branch"]) for m in listed.json()] == [("Trần Thị Bình", None)]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--name", "  --name: Cần nhập họ và tên.\n"),
        ("--birth", "  --birth: Cần nhập ngày sinh.\n"),
    ],
)
def test_an_empty_required_value_is_refused(
    data_dir: Path, binh: str, option: str, message: str
) -> None:
    before = _fields(data_dir, binh)
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), binh, option, "",
                         "--branch", "")  # fmt: skip
    assert (code, out, err) == (1, "", "Lỗi: Dữ liệu không hợp lệ:\n" + message)
    assert _fields(data_dir, binh) == before


def test_bad_input_changes_nothing(data_dir: Path, binh: str) -> None:
    before = _fields(data_dir, binh)
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), "Trần Thị Bình",
                         "--birth", "31/02/2006", "--phone", "0987654321")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "Lỗi: Dữ liệu không hợp lệ:\n  --birth: Ngày 31/02/2006 không có trên lịch.\n"
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), "Lê Văn Không",
                         "--phone", "0987654321")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Không tìm thấy đoàn viên “Lê Văn Không”: ghi mã đoàn viên (id của “members list "
        "--format json”) hoặc họ tên.\n"
    )
    code, out, err = cli("members", "edit", "--data-dir", str(data_dir), "Trần Thị Bình",
                         "--branch", "Ấp 9")  # fmt: skip
    assert (code, out) == (1, "")
    assert err.startswith("Lỗi: Không có chi đoàn “Ấp 9”")
    assert _fields(data_dir, binh) == before


def test_no_value_is_bad_usage(
    capsys: pytest.CaptureFixture[str], data_dir: Path, binh: str
) -> None:
    err = usage_error(capsys, "members", "edit", "--data-dir", str(data_dir), "Trần Thị Bình")
    assert err.startswith("cách dùng: doancoso members edit ")
    assert err.endswith(
        "Lỗi cú pháp lệnh: cần ít nhất một trong --name, --birth, --gender, --branch, "
        "--national-id, --phone, --admission-date, --admission-place, --position, --ethnicity, "
        "--religion\n"
    )
