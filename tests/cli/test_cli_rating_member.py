"""``rating set MEMBER``: the member named by their id or by their name, as ``members events``
names them. A name was refused with "Không tìm thấy đoàn viên (có thể đã bị xóa)." although the
member was there: the command took only the id."""

from __future__ import annotations

import json
from pathlib import Path

from rating_cli import YEAR, cli, ids

__all__ = ["ids"]  # the fixture


def _decided(data_dir: Path) -> dict[str, object]:
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")
    assert (code, err) == (0, "")
    return {row["full_name"]: row["decided"] for row in json.loads(out)}


def test_a_member_named_by_their_name(data_dir: Path, ids: dict[str, str]) -> None:
    code, out, err = cli(data_dir, "rating", "set", "tran thi binh", "--year", YEAR, "--decided",
                         "2")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Đã lưu xếp loại năm 2025 của Trần Thị Bình.\n"
    assert _decided(data_dir)["Trần Thị Bình"] == 2
    # by the id, as before
    assert cli(data_dir, "rating", "set", ids["An"], "--year", YEAR, "--decided", "1").code == 0
    assert _decided(data_dir)["Nguyễn Văn An"] == 1


def test_words_that_fit_several_members_are_refused_naming_them(
    data_dir: Path, ids: dict[str, str]
) -> None:
    before = _decided(data_dir)
    code, out, err = cli(data_dir, "rating", "set", "Văn", "--year", YEAR, "--decided", "2")
    assert (code, out) == (1, "")
    assert err.startswith("Lỗi: “Văn” khớp với 3 đoàn viên: Nguyễn Văn An (sinh 05/03/2000, ")
    assert f"mã {ids['Tạm']}" in err and f"mã {ids['Dũng']}" in err
    code, out, err = cli(data_dir, "rating", "set", "Lê Văn Không", "--year", YEAR, "--decided",
                         "2")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Không tìm thấy đoàn viên “Lê Văn Không”: ghi mã đoàn viên (id của “members list "
        "--format json”) hoặc họ tên.\n"
    )
    assert _decided(data_dir) == before
