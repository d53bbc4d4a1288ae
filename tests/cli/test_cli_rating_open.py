"""``doancoso rating open``: a year's round is opened by its own command, as the page's “Mở đợt
xếp loại năm …” opens it; ``set``, ``accept``, ``import`` and ``export`` of a year never opened
are refused (exit 1) naming that command, as the page's buttons wait for it, and open no round
unasked with the rules of today."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.workspace import Workspace
from rating_cli import YEAR, cli, ids

__all__ = ["ids"]  # the fixture

NOT_OPENED = (
    "Lỗi: Chưa mở đợt xếp loại năm 2024: mở đợt bằng lệnh “doancoso rating open --year 2024” "
    "trước khi xếp loại.\n"
)


def test_changes_to_a_year_never_opened_are_refused(
    ws: Workspace, data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    sheet = tmp_path / "xep-loai.xlsx"
    assert cli(data_dir, "rating", "export", "--year", YEAR, str(sheet))[0] == 0
    for argv in (
        ("set", ids["Bình"], "--year", "2024", "--decided", "2"),
        ("set", "tran thi binh", "--year", "2024", "--remark", "Nhiệt tình."),
        ("accept", "--year", "2024", "--suggestions"),
        ("import", "--year", "2024", str(sheet)),
        ("import", "--year", "2024", str(sheet), "--dry-run"),
        ("export", "--year", "2024", str(tmp_path / "xep-loai-2024.xlsx")),
    ):
        assert cli(data_dir, "rating", *argv) == (1, "", NOT_OPENED), argv
    assert ws.rating.round(2024) is None and ws.rating.round_years() == [2025]
    assert not (tmp_path / "xep-loai-2024.xlsx").exists()


def test_open_then_set(ws: Workspace, data_dir: Path, ids: dict[str, str]) -> None:
    rules = ws.rating.rules().name
    assert cli(data_dir, "rating", "open", "--year", "2024") == (
        0, f"Đã mở đợt xếp loại năm 2024 với quy tắc “{rules}”.\n", ""
    )  # fmt: skip
    info = ws.rating.round(2024)
    assert info is not None and not info.closed and info.rules.name == rules
    assert cli(data_dir, "rating", "set", ids["Bình"], "--year", "2024", "--decided", "2") == (
        0, "Đã lưu xếp loại năm 2024 của Trần Thị Bình.\n", ""
    )  # fmt: skip
    decided = {r.member_id: r.decided_level for r in ws.rating.rows(2024)}
    assert decided[ids["Bình"]] == 2
    # Asked again: the round stays as it was, said so.
    assert cli(data_dir, "rating", "open", "--year", "2024") == (
        0, f"Đợt xếp loại năm 2024 đã mở từ trước, với quy tắc “{rules}”.\n", ""
    )  # fmt: skip


def test_open_a_closed_round(ws: Workspace, data_dir: Path, ids: dict[str, str]) -> None:
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    assert cli(data_dir, "rating", "open", "--year", YEAR) == (
        1, "", "Lỗi: Đợt xếp loại năm 2025 đã kết thúc: mở lại đợt bằng lệnh “doancoso rating "
        "reopen --year 2025” để sửa.\n",
    )  # fmt: skip
    info = ws.rating.round(2025)
    assert info is not None and info.closed


def test_open_a_mistyped_year(ws: Workspace, data_dir: Path) -> None:
    code, out, err = cli(data_dir, "rating", "open", "--year", "25")
    assert (code, out) == (1, "")
    assert err.startswith("Lỗi: ") and "Năm 25 không hợp lệ" in err
    assert ws.rating.round_years() == []


def test_open_a_year_after_2027_says_its_rules_are_those_of_2023_2027(
    ws: Workspace, data_dir: Path
) -> None:
    """The app holds only the default rules of 2023–2027: a round of 2028 opens with them,
    named as carried over, and the command says so; asked again, the name says it."""
    carried = "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ 2023–2027, dùng tiếp cho năm 2028"
    assert cli(data_dir, "rating", "open", "--year", "2028") == (
        0,
        f"Đã mở đợt xếp loại năm 2028 với quy tắc “{carried}”.\n"
        "Năm 2028 không thuộc nhiệm kỳ 2023–2027, nhưng ứng dụng chỉ có quy tắc xếp loại của "
        "nhiệm kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm 2028 dùng tiếp quy "
        "tắc đó cho đến khi Đoàn ban hành hướng dẫn mới. Khi có hướng dẫn mới, hãy nhập tệp quy "
        "tắc mới ở Thiết lập → Quy tắc xếp loại…; mỗi đợt xếp loại giữ quy tắc của lúc mở đợt.\n",
        "",
    )
    info = ws.rating.round(2028)
    assert info is not None and info.rules.name == carried
    assert cli(data_dir, "rating", "open", "--year", "2028") == (
        0, f"Đợt xếp loại năm 2028 đã mở từ trước, với quy tắc “{carried}”.\n", ""
    )  # fmt: skip


def test_open_a_year_before_2023_says_its_rules_are_those_of_2023_2027(
    ws: Workspace, data_dir: Path
) -> None:
    """A past year rated late: the round of 2022 opens with the rules of 2023–2027, named as
    used for 2022, and the command says why, in words that fit a year gone by."""
    used = "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ 2023–2027, dùng cho năm 2022"
    assert cli(data_dir, "rating", "open", "--year", "2022") == (
        0,
        f"Đã mở đợt xếp loại năm 2022 với quy tắc “{used}”.\n"
        "Năm 2022 không thuộc nhiệm kỳ 2023–2027, nhưng ứng dụng chỉ có quy tắc xếp loại của "
        "nhiệm kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm 2022 dùng quy tắc "
        "đó thay cho quy tắc đã áp dụng năm ấy. Nếu có tệp quy tắc của năm 2022, hãy nhập ở "
        "Thiết lập → Quy tắc xếp loại… trước khi mở đợt; mỗi đợt xếp loại giữ quy tắc của lúc "
        "mở đợt.\n",
        "",
    )
    info = ws.rating.round(2022)
    assert info is not None and info.rules.name == used
