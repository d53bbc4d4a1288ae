"""``doancoso participation --year Y``: each member's dates expected, attended and excused, and
the rate — members who left or joined during the year counted only on the dates of their time
on the roster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from calendar_cli import add_members, in_folder
from cli_run import usage_error
from doancoso.core.workspace import Workspace

_YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture
def year_2025(ws: Workspace, data_dir: Path) -> dict[str, str]:
    """Three meetings of the whole organisation (15/01, 15/02, 15/03/2025), attendance taken
    through the CLI. Dung transferred out on 15/02; Em was admitted on 10/03; Giang on 01/06,
    after the last meeting."""
    ids = add_members(ws)
    ws.events.record(ids["Dung"], "transfer_out", "15/02/2025", other_organization="Đoàn phường 5")
    for name, given, admitted in (("Võ Thị Em", "Em", "10/03/2025"),
                                  ("Đặng Văn Giang", "Giang", "01/06/2025")):  # fmt: skip
        ids[given] = ws.members.save({"full_name": name, "birth_date": "02/09/2004"})
        ws.events.record(ids[given], "admission", admitted)
    added = in_folder(data_dir, "activity", "add", "--title", "Sinh hoạt", "--date", "15/01/2025",
                      "--repeat", "monthly", "--until", "15/03/2025")  # fmt: skip
    assert added.code == 0, added.err
    january, february, march = (r.id for r in ws.activities.occurrences(*_YEAR))
    marks = {
        january: ["--present", ids["An"], ids["Bình"], "--excused", ids["Cường"]],
        february: ["--present", ids["An"], "--excused", ids["Bình"]],
        march: ["--present", ids["An"], ids["Em"]],
    }
    for occurrence, options in marks.items():
        result = in_folder(data_dir, "activity", "attend", occurrence, *options)
        assert result.code == 0, result.err
    return ids


def rates(folder: Path) -> Any:
    result = in_folder(folder, "participation", "--year", "2025", "--format", "json")
    assert (result.code, result.err) == (0, ""), result.err
    return result.json()


def test_json(year_2025: dict[str, str], data_dir: Path) -> None:
    ids = year_2025
    # the chi đoàn the table shows (null: none), the rate rounded as rating list's participation
    assert rates(data_dir) == [
        {"member_id": ids["An"], "full_name": "Nguyễn Văn An", "branch": "Chi đoàn ấp 1",
         "expected": 3, "attended": 3, "excused": 0, "rate": 1.0},
        {"member_id": ids["Bình"], "full_name": "Trần Thị Bình", "branch": "Chi đoàn ấp 1",
         "expected": 3, "attended": 1, "excused": 1, "rate": 0.3333},
        {"member_id": ids["Cường"], "full_name": "Lê Hoàng Cường", "branch": "Chi đoàn ấp 2",
         "expected": 3, "attended": 0, "excused": 1, "rate": 0.0},
        {"member_id": ids["Dung"], "full_name": "Phạm Thị Dung", "branch": "Chi đoàn ấp 2",
         "expected": 1, "attended": 0, "excused": 0, "rate": 0.0},
        {"member_id": ids["Em"], "full_name": "Võ Thị Em", "branch": None,
         "expected": 1, "attended": 1, "excused": 0, "rate": 1.0},
        {"member_id": ids["Giang"], "full_name": "Đặng Văn Giang", "branch": None,
         "expected": 0, "attended": 0, "excused": 0, "rate": None},
    ]  # fmt: skip
    # In 2024 the four members of 2018 were on the roster, with no date expected of them.
    earlier = in_folder(data_dir, "participation", "--year", "2024", "--format", "json").json()
    assert [(r["full_name"], r["expected"], r["rate"]) for r in earlier] == [
        ("Nguyễn Văn An", 0, None),
        ("Trần Thị Bình", 0, None),
        ("Lê Hoàng Cường", 0, None),
        ("Phạm Thị Dung", 0, None),
    ]


def test_text_and_the_leave_setting(
    ws: Workspace, year_2025: dict[str, str], data_dir: Path
) -> None:
    result = in_folder(data_dir, "participation", "--year", "2025")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "1\tNguyễn Văn An\tChi đoàn ấp 1\t3/3\tvắng có phép 0\t100%",
        "2\tTrần Thị Bình\tChi đoàn ấp 1\t1/3\tvắng có phép 1\t33,3%",
        "3\tLê Hoàng Cường\tChi đoàn ấp 2\t0/3\tvắng có phép 1\t0%",
        "4\tPhạm Thị Dung\tChi đoàn ấp 2\t0/1\tvắng có phép 0\t0%",
        "5\tVõ Thị Em\tChưa có chi đoàn\t1/1\tvắng có phép 0\t100%",
        "6\tĐặng Văn Giang\tChưa có chi đoàn\t0/0\tvắng có phép 0\t—",
        "Tổng cộng: 6 đoàn viên; tỉ lệ tham gia bình quân 46,7%.",
        "Vắng có phép không được tính là có tham gia.",
    ]
    ws.participation.set_leave_counts(True)
    assert [(r["attended"], r["rate"]) for r in rates(data_dir)] == [
        (3, 1.0), (2, 0.6667), (1, 0.3333), (0, 0.0), (1, 1.0), (0, None),
    ]  # fmt: skip
    result = in_folder(data_dir, "participation", "--year", "2025")
    assert result.out.splitlines()[-2:] == [
        "Tổng cộng: 6 đoàn viên; tỉ lệ tham gia bình quân 60%.",
        "Vắng có phép được tính là có tham gia.",
    ]


def test_a_thousand_members_or_more_are_counted_with_the_thousands_dot(
    ws: Workspace, data_dir: Path
) -> None:
    day = dt.date(2026, 11, 20)  # late in the demo's year: its attendance taken (none on 2/1)
    ws.generate_demo(members=1300, seed=1, today=day)  # its activities are of that year
    year = str(day.year)
    counted = in_folder(data_dir, "participation", "--year", year, "--format", "json").json()
    assert 1000 <= len(counted) < 10_000
    shown = f"{len(counted) // 1000}.{len(counted) % 1000:03d}"
    result = in_folder(data_dir, "participation", "--year", year)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[-2].startswith(f"Tổng cộng: {shown} đoàn viên; ")


def test_bad_year(ws: Workspace, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = in_folder(data_dir, "participation", "--year", "20255")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 20255 không hợp lệ: chỉ nhận các năm "
        "2000–2100.\n"
    )
    err = usage_error(capsys, "participation", "--data-dir", str(data_dir))
    assert err.endswith("Lỗi cú pháp lệnh: thiếu tham số bắt buộc: --year\n")
    err = usage_error(capsys, "participation", "--year", "2025", "--format", "csv")
    assert err.endswith(
        "Lỗi cú pháp lệnh: tùy chọn --format: lựa chọn không hợp lệ “csv” (chọn một trong: "
        "table, json)\n"
    )


def test_no_data_folder(tmp_path: Path) -> None:
    """A command that only reads creates nothing and says how to set the folder up."""
    folder = tmp_path / "khong-co"
    result = in_folder(folder, "participation", "--year", "2025")
    assert (result.code, result.out) == (1, "")
    assert "doancoso init" in result.err
    assert not folder.exists()
