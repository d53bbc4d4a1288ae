"""``rating set --sick-months N --dues-unpaid có|không`` and the two keys of ``rating list
--format json``: saved as the grid saves them, the suggestion following; bad values refused
naming the option, nothing changed; a closed round refused."""

from __future__ import annotations

import json
from pathlib import Path

from rating_cli import YEAR, cli, ids

__all__ = ["ids"]  # the fixture


def _an(data_dir: Path, member_id: str) -> dict[str, object]:
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")
    assert (code, err) == (0, "")
    (row,) = [r for r in json.loads(out) if r["member_id"] == member_id]
    return {k: row[k] for k in ("sick_months", "dues_unpaid", "suggested")}


def test_set_sick_leave_and_dues(data_dir: Path, ids: dict[str, str]) -> None:
    an = ids["An"]  # 95%, training Xuất sắc: level 1 suggested
    assert _an(data_dir, an) == {"sick_months": None, "dues_unpaid": False, "suggested": 1}
    code, out, err = cli(data_dir, "rating", "set", "Nguyễn Văn An", "--year", YEAR,
                         "--sick-months", "4")  # fmt: skip
    assert (code, err, out) == (0, "", "Đã lưu xếp loại năm 2025 của Nguyễn Văn An.\n")
    assert _an(data_dir, an) == {"sick_months": 4, "dues_unpaid": False, "suggested": 3}
    code, out, err = cli(data_dir, "rating", "set", an, "--year", YEAR, "--dues-unpaid", "có")
    assert (code, err) == (0, "")
    assert _an(data_dir, an) == {"sick_months": 4, "dues_unpaid": True, "suggested": 4}
    code, out, err = cli(data_dir, "rating", "set", an, "--year", YEAR, "--dues-unpaid", "no",
                         "--sick-months", "")  # fmt: skip
    assert (code, err) == (0, "")
    assert _an(data_dir, an) == {"sick_months": None, "dues_unpaid": False, "suggested": 1}


def test_bad_values_are_refused_naming_the_option(data_dir: Path, ids: dict[str, str]) -> None:
    code, out, err = cli(data_dir, "rating", "set", ids["An"], "--year", YEAR,
                         "--sick-months", "13", "--dues-unpaid", "chắc vậy")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --sick-months: Số tháng nghỉ ốm phải là số nguyên từ 0 đến 12 (để trống: không "
        "nghỉ).\n"
        "  --dues-unpaid: Đoàn phí: ghi “có” (chưa đóng đủ đoàn phí) hoặc “không”.\n"
    )
    assert _an(data_dir, ids["An"])["sick_months"] is None


def test_a_closed_round_refuses_them(data_dir: Path, ids: dict[str, str]) -> None:
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    code, out, err = cli(data_dir, "rating", "set", ids["An"], "--year", YEAR,
                         "--sick-months", "5")  # fmt: skip
    assert (code, out) == (1, "")
    assert "Đợt xếp loại năm 2025 đã kết thúc" in err and "doancoso rating reopen" in err
    assert _an(data_dir, ids["An"])["sick_months"] is None
