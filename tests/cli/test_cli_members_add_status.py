"""``members add --status``: a new member starts as the member form adds one, "Đang sinh hoạt";
any other status follows from an event (transfer, temporary stay...), which the command line
cannot record, so it is refused with what to do and nothing is added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.workspace import Workspace

ADD = ("--name", "Lê Thị Hoa", "--birth", "05/03/2001")


def listing(folder: str) -> list[dict[str, object]]:
    code, out, err = cli(
        "members", "list", "--data-dir", folder, "--status", "tất cả", "--format", "json"
    )
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    ws.close()
    return str(data_dir)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Sinh hoạt tạm", "Sinh hoạt tạm"),
        ("transferred_out", "Đã chuyển sinh hoạt"),
        ("da truong thanh doan", "Đã trưởng thành Đoàn"),
    ],
)
def test_a_status_that_needs_an_event_is_refused_and_nothing_added(
    folder: str, typed: str, label: str
) -> None:
    code, out, err = cli("members", "add", "--data-dir", folder, *ADD, "--status", typed)
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        f"  --status: Đoàn viên mới được thêm với trạng thái “Đang sinh hoạt”; trạng thái "
        f"“{label}” có được qua sự kiện (chuyển sinh hoạt, sinh hoạt tạm…): thêm đoàn viên rồi "
        "ghi sự kiện bằng “doancoso members event add”, hoặc trong ứng dụng ở tab “Quá trình” "
        "của hồ sơ đã lưu.\n"
    )
    assert listing(folder) == []
    with Workspace.open(Path(folder)) as ws:
        assert ws.events.temporary_stays() == []


def test_the_refusal_comes_with_the_other_problems(folder: str) -> None:
    code, _, err = cli(
        "members", "add", "--data-dir", folder, "--name", "Lê Thị 2", "--birth", "2001",
        "--status", "Sinh hoạt tạm",
    )  # fmt: skip
    assert code == 1
    assert err.splitlines()[1:] == [
        "  --name: Họ và tên không được chứa chữ số.",
        "  --status: Đoàn viên mới được thêm với trạng thái “Đang sinh hoạt”; trạng thái "
        "“Sinh hoạt tạm” có được qua sự kiện (chuyển sinh hoạt, sinh hoạt tạm…): thêm đoàn viên "
        "rồi ghi sự kiện bằng “doancoso members event add”, hoặc trong ứng dụng ở tab “Quá "
        "trình” của hồ sơ đã lưu.",
    ]
    assert listing(folder) == []


def test_active_given_by_name_is_added_as_the_form_adds(folder: str) -> None:
    code, _, err = cli("members", "add", "--data-dir", folder, *ADD, "--status", "đang sinh hoạt")
    assert code == 0, err
    [row] = listing(folder)
    assert (row["full_name"], row["status"]) == ("Lê Thị Hoa", "active")


def test_the_help_names_the_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli("members", "add", "--help")
    words = " ".join(capsys.readouterr().out.split())
    assert (
        "--status TRẠNG_THÁI trạng thái: “Đang sinh hoạt” (mặc định, như mẫu hồ sơ thêm đoàn "
        "viên); “Sinh hoạt tạm”, “Đã chuyển sinh hoạt”, “Đã trưởng thành Đoàn”, “Bị khai trừ”, "
        "“Đã xóa tên” có được qua sự kiện, ghi sau khi thêm bằng “members event add”"
    ) in words
