"""The command line: exit codes, Vietnamese messages on stderr, JSON listing in roster order."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cli_run import cli, usage_error
from doancoso.core.lang.text import name_sort_key
from doancoso.core.workspace import DATABASE_FILE, Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    return str(data_dir)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("demo") / "data")
    result = cli("demo", "--data-dir", folder, "--members", "500", "--seed", "2")
    assert result.code == 0, result.err
    assert "500" in result.out
    return folder


def listing(folder: str, *options: str) -> list[dict[str, object]]:
    result = cli("members", "list", "--data-dir", folder, "--format", "json", *options)
    assert result.code == 0, result.err
    return result.json()


# -- init --------------------------------------------------------------------------------------


def test_init_sets_up_the_organisation(data_dir: Path) -> None:
    result = cli("init", "--data-dir", str(data_dir), *INIT, "--secretary", "Nguyễn Thị Như Quỳnh")
    assert result.code == 0 and result.err == ""
    assert result.out == "Đã thiết lập Đoàn xã Tân Hưng (cấp trên: Tỉnh đoàn Cà Mau).\n"
    with Workspace.open(data_dir) as ws:
        org = ws.organization.get()
        assert org is not None and org.secretary_name == "Nguyễn Thị Như Quỳnh"


def test_init_names_the_option_of_a_bad_value_and_makes_no_folder(data_dir: Path) -> None:
    """Refused before the data folder is made: a refused init left a new folder holding an
    empty database (at a mistyped --data-dir, too)."""
    result = cli("init", "--data-dir", str(data_dir), "--name", " ", "--superior", "  ")
    assert result.code == 1 and result.out == ""
    assert result.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --name: Cần nhập tên Đoàn cơ sở.\n"
        "  --superior: Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp.\n"
    )
    result = cli("init", "--data-dir", str(data_dir), *INIT, "--coming-of-age", "99")
    assert result.code == 1 and result.out == ""
    assert result.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --coming-of-age: Tuổi trưởng thành Đoàn phải là số nguyên từ 25 đến 35.\n"
    )
    assert not data_dir.exists()


def test_init_twice_is_refused(folder: str) -> None:
    result = cli(
        "init", "--data-dir", folder, "--name", "Đoàn phường 5", "--superior", "Thành đoàn"
    )
    assert result.code == 1
    assert result.err.startswith(
        f"Lỗi: Thư mục “{folder}” đã có dữ liệu của Đoàn xã Tân Hưng (0 đoàn viên): lệnh init "
        "chỉ thiết lập thư mục chưa có Đoàn cơ sở nào."
    )
    with Workspace.open(Path(folder)) as ws:
        org = ws.organization.get()
        assert org is not None and org.name == "Đoàn xã Tân Hưng"


def test_demo_on_a_folder_with_data_is_refused_and_changes_nothing(folder: str) -> None:
    assert cli("members", "add", "--data-dir", folder, "--name", "Lê Thị Ánh", "--birth",
               "2003").code == 0  # fmt: skip
    before = (Path(folder) / DATABASE_FILE).read_bytes()
    result = cli("demo", "--data-dir", folder, "--members", "5")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"Lỗi: Thư mục dữ liệu “{folder}” đã có dữ liệu của Đoàn xã Tân Hưng (1 đoàn viên, 0 chi "
        "đoàn): dữ liệu mẫu chỉ tạo ở thư mục chưa có đoàn viên, chi đoàn nào, để không lẫn "
        "vào dữ liệu thật. Hãy chạy lại với --data-dir và một thư mục trống.\n"
    )
    assert (Path(folder) / DATABASE_FILE).read_bytes() == before


def test_demo_twice_is_refused(tmp_path: Path) -> None:
    folder = str(tmp_path / "demo")
    assert cli("demo", "--data-dir", folder, "--members", "40").code == 0
    with Workspace.open(Path(folder)) as ws:
        members, branches = ws.members.count(), len(ws.branches.names())
    result = cli("demo", "--data-dir", folder, "--members", "40")
    assert result.code == 1
    assert f"({members} đoàn viên, {branches} chi đoàn)" in result.err
    with Workspace.open(Path(folder)) as ws:
        assert (ws.members.count(), len(ws.branches.names())) == (members, branches)


def test_demo_fills_a_folder_just_set_up(folder: str) -> None:
    result = cli("demo", "--data-dir", folder, "--members", "5")
    assert result.out == "Đã tạo 5 đoàn viên mẫu cho Đoàn xã Tân Hưng.\n"


# -- members list ------------------------------------------------------------------------------


def test_demo_list_json_is_in_vietnamese_name_order(demo_folder: str) -> None:
    active = listing(demo_folder)
    assert {r["status"] for r in active} == {"active", "temporary"}
    rows = listing(demo_folder, "--status", "tất cả")
    assert len(rows) == 500 and len(active) < 500
    assert listing(demo_folder, "--status", "TAT CA") == rows  # tones and case ignored
    assert [r for r in rows if r["status"] in ("active", "temporary")] == active
    assert {"id", "full_name", "birth_date", "gender", "branch", "status", "national_id"} <= set(
        rows[0]
    )
    for row in rows:
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", str(row["birth_date"]))  # dd/mm/yyyy, as typed
        assert row["gender"] in ("male", "female")
        assert str(row["branch"]).startswith("Chi đoàn ấp ")
    keys = [
        (name_sort_key(str(r["full_name"])), dt.datetime.strptime(str(r["birth_date"]), "%d/%m/%Y"))
        for r in rows
    ]
    assert keys == sorted(keys)
    assert len({r["id"] for r in rows}) == 500


def test_list_json_gives_dates_as_typed(folder: str) -> None:
    """dd/mm/yyyy in and out, JSON included; the year alone when only it is known."""
    for name, birth in (("Lê Thị Hoa", "05/03/2001"), ("Lê Văn Tám", "2002")):
        added = cli("members", "add", "--data-dir", folder, "--name", name, "--birth", birth)
        assert added.code == 0, added.err
    assert [(r["full_name"], r["birth_date"]) for r in listing(folder)] == [
        ("Lê Thị Hoa", "05/03/2001"),
        ("Lê Văn Tám", "2002"),
    ]


def test_list_search_and_filters(demo_folder: str) -> None:
    everyone = listing(demo_folder)
    nguyen = listing(demo_folder, "--search", "nguyen")
    assert nguyen and all("nguyễn" in str(r["full_name"]).lower() for r in nguyen)
    assert len(nguyen) == sum(1 for r in everyone if str(r["full_name"]).startswith("Nguyễn"))

    branch = str(everyone[0]["branch"])
    in_branch = listing(demo_folder, "--branch", branch.upper())  # case ignored
    assert in_branch and all(r["branch"] == branch for r in in_branch)
    assert len(in_branch) == sum(1 for r in everyone if r["branch"] == branch)

    temporary = listing(demo_folder, "--status", "Sinh hoạt tạm")
    assert temporary and all(r["status"] == "temporary" for r in temporary)
    women = listing(demo_folder, "--gender", "Nữ", "--branch", branch, "--search", "thi")
    expected = [
        r["id"] for r in in_branch if r["gender"] == "female" and " Thị " in f" {r['full_name']} "
    ]
    assert [r["id"] for r in women] == expected


def test_list_as_table(folder: str) -> None:
    assert (
        cli("members", "add", "--data-dir", folder, "--name", "Lê Thị Ánh", "--birth", "2003").code
        == 0
    )
    result = cli("members", "list", "--data-dir", folder)
    assert result.code == 0
    assert result.out == "1\tLê Thị Ánh\t2003\t\t\tĐang sinh hoạt\t\nTổng cộng: 1 đoàn viên.\n"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ["--branch", "Chi đoàn ấp Không Có"],
            "Lỗi: Không có chi đoàn “Chi đoàn ấp Không Có”: chưa có chi đoàn nào.\n",
        ),
        (["--status", "nghỉ"], "Lỗi: Trạng thái “nghỉ” không có; chọn một trong: "),
        (["--gender", "khác"], "Lỗi: Giới tính “khác” không có; chọn một trong: Nam, Nữ.\n"),
    ],
)
def test_list_with_unknown_filter_value(folder: str, option: list[str], message: str) -> None:
    result = cli("members", "list", "--data-dir", folder, *option)
    assert result.code == 1
    assert result.err.startswith(message)
    assert result.out == ""


def test_unknown_status_is_said_back_in_nfc_with_every_choice(folder: str) -> None:
    typed = unicodedata.normalize("NFD", "nghỉ hưu")  # as pasted from some programs
    result = cli("members", "list", "--data-dir", folder, "--status", typed)
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Lỗi: Trạng thái “nghỉ hưu” không có; chọn một trong: Đang sinh hoạt, Sinh hoạt tạm, "
        "Đã chuyển sinh hoạt, Đã trưởng thành Đoàn, Bị khai trừ, Đã xóa tên, hoặc “tất cả”.\n"
    )
    result = cli(
        "members", "list", "--data-dir", folder, "--gender", unicodedata.normalize("NFD", "khác")
    )
    assert result.err == "Lỗi: Giới tính “khác” không có; chọn một trong: Nam, Nữ.\n"


# -- members add -------------------------------------------------------------------------------


def test_add_valid_member(folder: str) -> None:
    with Workspace.open(Path(folder)) as ws:
        ws.branches.create("Chi đoàn ấp Tân Long")
    result = cli(
        "members", "add", "--data-dir", folder, "--name", "nguyễn  văn đạt",
        "--birth", "05/03/2001", "--gender", "Nam", "--branch", "chi doan ap tan long",
        "--national-id", "096201001234",
        "--phone", "+84 912 345 678", "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    added = json.loads(result.out)
    assert added["full_name"] == "Nguyễn Văn Đạt"
    [row] = listing(folder, "--search", "dat")
    assert row["id"] == added["id"]
    assert (row["birth_date"], row["gender"], row["branch"]) == (
        "05/03/2001",
        "male",
        "Chi đoàn ấp Tân Long",
    )
    assert (row["national_id"], row["phone"], row["status"]) == (
        "096201001234",
        "0912345678",
        "active",
    )


def test_add_invalid_member_lists_every_problem_and_adds_nothing(folder: str) -> None:
    result = cli(
        "members", "add", "--data-dir", folder, "--name", "Trần Văn 2", "--birth", "31/02/2001",
        "--national-id", "123", "--phone", "12",
    )  # fmt: skip
    assert result.code == 1
    assert result.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --name: Họ và tên không được chứa chữ số.\n"
        "  --birth: Ngày 31/02/2001 không có trên lịch.\n"
        "  --national-id: Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số).\n"
        "  --phone: Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).\n"
    )
    assert "Traceback" not in result.err
    assert listing(folder) == []


def test_add_with_an_unknown_status_says_what_was_given_and_adds_nothing(folder: str) -> None:
    result = cli(
        "members", "add", "--data-dir", folder, "--name", "Lê Văn An", "--birth", "2001",
        "--status", "xyz", "--gender", "khác",
    )  # fmt: skip
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --gender: Giới tính “khác” không có; chọn một trong: Nam, Nữ.\n"
        "  --status: Trạng thái “xyz” không có; chọn một trong: Đang sinh hoạt, Sinh hoạt tạm, "
        "Đã chuyển sinh hoạt, Đã trưởng thành Đoàn, Bị khai trừ, Đã xóa tên.\n"
    )
    assert listing(folder, "--status", "tất cả") == []


def test_add_to_unknown_branch(folder: str) -> None:
    result = cli(
        "members",
        "add",
        "--data-dir",
        folder,
        "--name",
        "Lê Văn An",
        "--birth",
        "2001",
        "--branch",
        "X",
    )
    assert (result.code, result.err) == (
        1,
        "Lỗi: Không có chi đoàn “X”: chưa có chi đoàn nào. Chi đoàn mới được tạo trong ứng dụng "
        "(trang “Chi đoàn”, nút “Thêm”) hoặc khi nhập danh sách đoàn viên có cột “Chi đoàn” "
        "(doancoso members import).\n",
    )
    assert listing(folder) == []


def test_add_duplicate_national_id(folder: str) -> None:
    add = [
        "members",
        "add",
        "--data-dir",
        folder,
        "--birth",
        "2001",
        "--national-id",
        "096201001234",
    ]
    assert cli(*add, "--name", "Lê Văn An").code == 0
    result = cli(*add, "--name", "Võ Văn Bình")
    assert result.code == 1
    assert "Số CCCD này đã dùng cho đoàn viên Lê Văn An." in result.err
    assert [r["full_name"] for r in listing(folder)] == ["Lê Văn An"]


# -- bad usage ---------------------------------------------------------------------------------


def test_unknown_subcommand_is_bad_usage(capsys: pytest.CaptureFixture[str], folder: str) -> None:
    err = usage_error(capsys, "members", "frob", "--data-dir", folder)
    assert "Lỗi cú pháp lệnh" in err and "frob" in err and "Traceback" not in err


def test_missing_required_option_is_bad_usage(
    capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    err = usage_error(capsys, "members", "add", "--data-dir", folder, "--birth", "2001")
    assert "thiếu tham số bắt buộc: --name" in err
    assert listing(folder) == []


def test_bad_option_value_is_bad_usage(capsys: pytest.CaptureFixture[str], folder: str) -> None:
    err = usage_error(capsys, "members", "list", "--data-dir", folder, "--format", "xml")
    assert "lựa chọn không hợp lệ" in err


# -- newer schema ------------------------------------------------------------------------------


def test_newer_schema_is_refused(folder: str) -> None:
    conn = sqlite3.connect(Path(folder) / DATABASE_FILE)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    result = cli("members", "list", "--data-dir", folder)
    assert result.code == 1
    assert result.err == (
        "Lỗi: Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất để "
        "mở; dữ liệu được giữ nguyên, không bị thay đổi.\n"
    )


# -- real processes ----------------------------------------------------------------------------


def _process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doancoso", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_exit_codes_of_a_real_process(tmp_path: Path) -> None:
    folder = str(tmp_path / "data")
    ok = _process("init", "--data-dir", folder, *INIT)
    assert (ok.returncode, ok.stderr) == (0, "")
    assert "Đoàn xã Tân Hưng" in ok.stdout

    again = _process("init", "--data-dir", folder, *INIT)
    assert again.returncode == 1
    assert again.stderr.startswith(f"Lỗi: Thư mục “{folder}” đã có dữ liệu của Đoàn xã Tân Hưng")

    invalid = _process(
        "members", "add", "--data-dir", folder, "--name", "An", "--birth", "2001-03-05"
    )
    assert invalid.returncode == 1
    assert (
        "--birth: Ngày phải viết dạng dd/mm/yyyy" in invalid.stderr
        and "Traceback" not in invalid.stderr
    )

    usage = _process("members", "add", "--data-dir", folder)
    assert usage.returncode == 2
    assert "Lỗi cú pháp lệnh" in usage.stderr and "Traceback" not in usage.stderr

    listed = _process("members", "list", "--data-dir", folder, "--format", "json")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])


def test_installed_entry_point_runs() -> None:
    script = Path(sys.executable).with_name("doancoso")
    assert script.exists(), "the dev venv installs the doancoso script"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("doancoso ")
