"""``doancoso rating list|set|accept|close|reopen``: the JSON keys and values scripts rely on,
the messages, a closed round refusing changes (exit 1), bad usage (exit 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from doancoso.core.demo.generator import generate
from doancoso.core.lang.text import vn_number
from doancoso.core.workspace import Workspace
from rating_cli import CLOSED, YEAR, cli, ids, usage

__all__ = ["ids"]  # the fixture


def _listed(data_dir: Path, *extra: str) -> list[dict[str, object]]:
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json", *extra)
    assert (code, err) == (0, "")
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def test_list_json(data_dir: Path, ids: dict[str, str]) -> None:
    assert _listed(data_dir) == [
        {"member_id": ids["An"], "full_name": "Nguyễn Văn An", "branch": "Chi đoàn ấp Tân Hưng",
         "eligible": True, "reason": None, "participation": 0.95, "suggested": 1, "self": None,
         "proposed": 1, "decided": None, "remark": None, "note": None, "sick_months": None,
         "dues_unpaid": False},
        {"member_id": ids["Bình"], "full_name": "Trần Thị Bình",
         "branch": "Chi đoàn ấp Tân Hưng", "eligible": True, "reason": None,
         "participation": 0.725, "suggested": 2, "self": None, "proposed": None,
         "decided": None, "remark": None, "note": None, "sick_months": None,
         "dues_unpaid": False},
        {"member_id": ids["Dũng"], "full_name": "Phạm Văn Dũng", "branch": "Chi đoàn ấp Kênh Xáng",
         "eligible": True, "reason": None, "participation": 0.4, "suggested": 4, "self": None,
         "proposed": 3, "decided": None, "remark": None, "note": None, "sick_months": None,
         "dues_unpaid": False},
        {"member_id": ids["Tạm"], "full_name": "Đỗ Văn Tạm", "branch": "Chi đoàn ấp Tân Hưng",
         "eligible": False, "reason": "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.",
         "participation": None, "suggested": None, "self": None, "proposed": None,
         "decided": None, "remark": None, "note": None, "sick_months": None,
         "dues_unpaid": None},
    ]  # fmt: skip
    names = [r["full_name"] for r in _listed(data_dir, "--branch", "chi doan ap kenh xang")]
    assert names == ["Phạm Văn Dũng"]


def test_list_table(data_dir: Path, ids: dict[str, str]) -> None:
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out == (
        "1\tNguyễn Văn An\tChi đoàn ấp Tân Hưng\t95,0%\t1\t\t1\n"
        "2\tTrần Thị Bình\tChi đoàn ấp Tân Hưng\t72,5%\t2\n"
        "3\tPhạm Văn Dũng\tChi đoàn ấp Kênh Xáng\t40,0%\t4\t\t3\n"
        "4\tĐỗ Văn Tạm\tChi đoàn ấp Tân Hưng\t\t\t\t\t\tSinh hoạt tạm: đơn vị gốc xếp loại, ở đây "
        "chỉ nhận xét.\n"
        "Đợt xếp loại năm 2025 (đang mở): 4 đoàn viên, 3 thuộc diện xếp loại, 0 đã có mức Ban "
        "Chấp hành quyết định.\n"
    )


def test_list_of_a_year_without_a_round(data_dir: Path, ids: dict[str, str]) -> None:
    """2024 was never opened: the list says so (as the page does), not "đang mở"."""
    code, out, err = cli(data_dir, "rating", "list", "--year", "2024")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "Đợt xếp loại năm 2024 (chưa mở): 3 đoàn viên, 3 thuộc diện xếp loại, 0 đã có mức Ban "
        "Chấp hành quyết định."
    )


def test_set(data_dir: Path, ids: dict[str, str]) -> None:
    code, out, err = cli(data_dir, "rating", "set", ids["Bình"], "--year", YEAR,
                         "--participation", "85", "--self", "Hoàn thành tốt nhiệm vụ",
                         "--proposed", "2", "--decided", "hoan thanh xuat sac nhiem vu",
                         "--remark", "Tích cực, gương mẫu.")  # fmt: skip
    assert (code, err, out) == (0, "", "Đã lưu xếp loại năm 2025 của Trần Thị Bình.\n")
    (binh,) = [r for r in _listed(data_dir) if r["member_id"] == ids["Bình"]]
    assert {k: binh[k] for k in ("participation", "self", "proposed", "decided", "remark")} == {
        "participation": 0.85, "self": 2, "proposed": 2, "decided": 1,
        "remark": "Tích cực, gương mẫu.",
    }  # fmt: skip
    code, out, err = cli(data_dir, "rating", "set", ids["Bình"], "--year", YEAR, "--decided", "",
                         "--participation", "")  # fmt: skip
    assert code == 0
    (binh,) = [r for r in _listed(data_dir) if r["member_id"] == ids["Bình"]]
    assert (binh["decided"], binh["participation"]) == (None, None)  # cleared: no attendance
    code, out, err = cli(data_dir, "rating", "set", ids["Tạm"], "--year", YEAR, "--decided", "3")
    assert (code, err) == (0, "")
    assert out == (
        "Đã lưu xếp loại năm 2025 của Đỗ Văn Tạm.\n"
        "Cảnh báo: Đỗ Văn Tạm không xếp loại năm 2025: Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây "
        "chỉ nhận xét.\n"
    )


def test_set_refuses_bad_values(data_dir: Path, ids: dict[str, str]) -> None:
    before = _listed(data_dir)
    code, out, err = cli(data_dir, "rating", "set", ids["An"], "--year", YEAR, "--decided", "5",
                         "--participation", "120%", "--self", "Giỏi")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --participation: Tỉ lệ tham gia phải là số từ 0 đến 100 (ví dụ 85 hoặc 85%).\n"
        "  --self: Mức xếp loại phải từ 1 đến 4 (hoặc tên mức).\n"
        "  --decided: Mức xếp loại phải từ 1 đến 4 (hoặc tên mức).\n"
    )
    code, out, err = cli(data_dir, "rating", "set", "khong-co", "--year", YEAR, "--decided", "1")
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Không tìm thấy đoàn viên “khong-co”: ghi mã đoàn viên (id của “members list "
        "--format json”) hoặc họ tên.\n",
    )
    code, out, err = cli(data_dir, "rating", "list", "--year", "1999")
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 1999 không hợp lệ: "
        "chỉ nhận các năm 2000–2100.\n",
    )
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR, "--branch", "Ấp 9")
    assert (code, out, err) == (
        1,
        "",
        "Lỗi: Không có chi đoàn “Ấp 9”; các chi đoàn đang có: Chi đoàn ấp Kênh Xáng, Chi đoàn "
        "ấp Tân Hưng.\n",
    )
    assert _listed(data_dir) == before


def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, ids: dict[str, str]
) -> None:
    code, err = usage(capsys, data_dir, "rating", "set", ids["An"], "--year", YEAR)
    assert code == 2 and err.endswith(
        "Lỗi cú pháp lệnh: cần ít nhất một trong --participation, --self, --proposed, "
        "--decided, --remark, --training, --sick-months, --dues-unpaid\n"
    )
    code, err = usage(capsys, data_dir, "rating", "accept", "--year", YEAR)
    assert code == 2 and err.endswith("Lỗi cú pháp lệnh: cần một trong các tùy chọn: "
                                      "--proposals, --suggestions\n")  # fmt: skip
    code, err = usage(capsys, data_dir, "rating", "accept", "--year", YEAR, "--proposals",
                      "--suggestions")  # fmt: skip
    assert code == 2 and err.endswith(
        "Lỗi cú pháp lệnh: tùy chọn --suggestions: không dùng cùng với --proposals\n"
    )
    code, err = usage(capsys, data_dir, "rating", "list")
    assert code == 2 and err.endswith("Lỗi cú pháp lệnh: thiếu tham số bắt buộc: --year\n")
    code, err = usage(capsys, data_dir, "rating", "close", "--year", "năm nay")
    assert code == 2 and err.endswith(
        "Lỗi cú pháp lệnh: tùy chọn --year: giá trị không hợp lệ “năm nay” (cần một số nguyên)\n"
    )
    code, err = usage(capsys, data_dir, "rating", "list", "--year", YEAR, "--format", "xml")
    assert code == 2 and "lựa chọn không hợp lệ “xml” (chọn một trong: table, json)" in err
    code, err = usage(capsys, data_dir, "rating", "frob", "--year", YEAR)
    assert code == 2 and "lựa chọn không hợp lệ “frob”" in err


def test_accept_usage_says_one_of_the_two_is_required(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    with pytest.raises(SystemExit) as info:
        cli(data_dir, "rating", "accept", "--help")
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith(
        "cách dùng: doancoso rating accept [-h] [--data-dir THƯ_MỤC] --year NĂM\n"
        "                                  (--proposals | --suggestions) [--branch TÊN]\n"
    )


def test_accept(data_dir: Path, ids: dict[str, str]) -> None:
    code, out, err = cli(data_dir, "rating", "accept", "--year", YEAR, "--proposals",
                         "--branch", "Chi đoàn ấp Tân Hưng")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Đã lấy mức chi đoàn đề nghị làm mức quyết định cho 1 đoàn viên.\n"
    code, out, err = cli(data_dir, "rating", "accept", "--year", YEAR, "--suggestions")
    assert (code, err) == (0, "")
    assert out == "Đã lấy mức gợi ý làm mức quyết định cho 2 đoàn viên.\n"
    decided = {r["full_name"]: r["decided"] for r in _listed(data_dir)}
    assert decided == {"Nguyễn Văn An": 1, "Trần Thị Bình": 2, "Phạm Văn Dũng": 4,
                       "Đỗ Văn Tạm": None}  # fmt: skip


def test_close_refuses_changes_until_reopened(data_dir: Path, ids: dict[str, str]) -> None:
    cli(data_dir, "rating", "set", ids["An"], "--year", YEAR, "--decided", "1")
    code, out, err = cli(data_dir, "rating", "close", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out == (
        "Cảnh báo: Còn 2 đoàn viên chưa có mức xếp loại do Ban Chấp hành quyết định.\n"
        "Đã kết thúc đợt xếp loại năm 2025: mức xếp loại của 1 đoàn viên đã ghi vào lịch sử của "
        "đoàn viên.\n"
    )
    before = _listed(data_dir)
    for argv in (
        ("set", ids["Bình"], "--year", YEAR, "--decided", "2"),
        ("accept", "--year", YEAR, "--suggestions"),
        ("close", "--year", YEAR),
    ):
        assert cli(data_dir, "rating", *argv) == (1, "", CLOSED), argv
    assert _listed(data_dir) == before
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert out.endswith("Đợt xếp loại năm 2025 (đã kết thúc): 4 đoàn viên, 3 thuộc diện xếp "
                        "loại, 1 đã có mức Ban Chấp hành quyết định.\n")  # fmt: skip
    assert cli(data_dir, "rating", "reopen", "--year", YEAR) == (
        0, "Đã mở lại đợt xếp loại năm 2025.\n", ""
    )  # fmt: skip
    assert cli(data_dir, "rating", "reopen", "--year", YEAR) == (
        1, "", "Lỗi: Đợt xếp loại năm 2025 đang mở.\n"
    )  # fmt: skip
    assert cli(data_dir, "rating", "reopen", "--year", "2024") == (
        1, "", "Lỗi: Chưa có đợt xếp loại năm 2024.\n"
    )  # fmt: skip
    assert cli(data_dir, "rating", "set", ids["Bình"], "--year", YEAR, "--decided", "2")[0] == 0


def test_member_not_rated_shows_no_level(data_dir: Path, ids: dict[str, str]) -> None:
    """Levels saved for a member the round does not rate (here on temporary activity) are not
    the round's: the list (JSON and table) shows none, as the page and the printed forms do,
    and closing does not count them as written into the members' history."""
    code, out, err = cli(data_dir, "rating", "set", ids["Tạm"], "--year", YEAR, "--self", "2",
                         "--proposed", "2", "--decided", "1",
                         "--remark", "Nhiệt tình.")  # fmt: skip
    assert (code, err) == (0, "")
    (tam,) = [r for r in _listed(data_dir) if r["member_id"] == ids["Tạm"]]
    assert tam == {
        "member_id": ids["Tạm"], "full_name": "Đỗ Văn Tạm", "branch": "Chi đoàn ấp Tân Hưng",
        "eligible": False, "reason": "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.",
        "participation": None, "suggested": None, "self": None, "proposed": None,
        "decided": None, "remark": "Nhiệt tình.", "note": None, "sick_months": None,
        "dues_unpaid": None,
    }  # fmt: skip
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert "4\tĐỗ Văn Tạm\tChi đoàn ấp Tân Hưng\t\t\t\t\t\tSinh hoạt tạm: đơn vị gốc xếp loại, ở " \
           "đây chỉ nhận xét.\n" in out  # fmt: skip
    assert out.endswith("4 đoàn viên, 3 thuộc diện xếp loại, 0 đã có mức Ban Chấp hành quyết "
                        "định.\n")  # fmt: skip
    cli(data_dir, "rating", "set", ids["An"], "--year", YEAR, "--decided", "1")
    code, out, err = cli(data_dir, "rating", "close", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out.endswith("Đã kết thúc đợt xếp loại năm 2025: mức xếp loại của 1 đoàn viên đã ghi "
                        "vào lịch sử của đoàn viên.\n")  # fmt: skip


def test_counts_of_a_large_round_group_thousands(
    data_dir: Path, empty_ws: Workspace, tmp_path: Path
) -> None:
    """A merged commune union of 1.500 members: every count the commands print groups its
    thousands with a dot, as the page does ("1.151 đoàn viên", never "1151")."""
    generate(empty_ws._ctx, members=1500, seed=3, today=dt.date(2026, 11, 20))
    rows = empty_ws.rating.rows(2026)
    rated = [r for r in rows if r.eligible]
    undecided = [r for r in rated if r.decided_level is None]
    decided = len(rated) - len(undecided)
    assert len(rows) > len(rated) > len(undecided) > 999
    code, out, err = cli(data_dir, "rating", "list", "--year", "2026")
    assert (code, err) == (0, "")
    assert out.endswith(
        f"Đợt xếp loại năm 2026 (đang mở): {vn_number(len(rows))} đoàn viên, "
        f"{vn_number(len(rated))} thuộc diện xếp loại, {decided} đã có mức Ban Chấp hành quyết "
        "định.\n"
    )
    code, out, err = cli(data_dir, "rating", "export", "--year", "2026", str(tmp_path / "xl.xlsx"))
    assert (code, err, out) == (0, "", f"Đã xuất {vn_number(len(rows))} đoàn viên ra "
                                       f"{tmp_path / 'xl.xlsx'}.\n")  # fmt: skip
    code, out, err = cli(data_dir, "rating", "close", "--year", "2026")
    assert (code, err) == (0, "")
    assert out.startswith(f"Cảnh báo: Còn {vn_number(len(undecided))} đoàn viên chưa có mức "
                          "xếp loại do Ban Chấp hành quyết định.\n")  # fmt: skip
    cli(data_dir, "rating", "reopen", "--year", "2026")
    accepted = sum(r.suggested is not None for r in undecided)
    assert accepted > 999
    code, out, err = cli(data_dir, "rating", "accept", "--year", "2026", "--suggestions")
    assert (code, err) == (0, "")
    assert out == f"Đã lấy mức gợi ý làm mức quyết định cho {vn_number(accepted)} đoàn viên.\n"
    code, out, err = cli(data_dir, "rating", "close", "--year", "2026")
    assert out.endswith(f"mức xếp loại của {vn_number(decided + accepted)} đoàn viên đã ghi vào "
                        "lịch sử của đoàn viên.\n")  # fmt: skip


def test_set_refuses_a_member_not_in_the_years_round(
    data_dir: Path, ws: Workspace, ids: dict[str, str]
) -> None:
    """A member who left before the year, or was admitted after it (a year mistyped), is not
    in its round: `set` refuses, naming the member and the year, and saves nothing (the
    round's list would otherwise grow a member who "left in the year")."""
    branch = ws.branches.find("Chi đoàn ấp Tân Hưng")
    assert branch is not None
    gone = ws.members.save({"full_name": "Trần Văn Cũ", "birth_date": "05/03/2000",
                            "branch_id": branch.id, "admission_date": "01/01/2020"})  # fmt: skip
    ws.events.record(gone, "transfer_out", "15/09/2024", other_organization="Đoàn xã Tân Lộc")
    late = ws.members.save({"full_name": "Lê Thị Mới", "birth_date": "05/03/2008",
                            "branch_id": branch.id, "admission_date": "26/03/2026"})  # fmt: skip
    before = _listed(data_dir)
    for member, name in ((gone, "Trần Văn Cũ"), (late, "Lê Thị Mới")):
        code, out, err = cli(data_dir, "rating", "set", member, "--year", YEAR, "--remark", "Tốt",
                             "--proposed", "2")  # fmt: skip
        assert (code, out) == (1, "")
        assert err == (f"Lỗi: {name} không có trong đợt xếp loại năm 2025: không sinh hoạt tại "
                       "đơn vị trong năm này.\n")  # fmt: skip
    assert _listed(data_dir) == before
    # A member of the round who left during the year still takes a remark.
    ws.events.record(ids["Bình"], "transfer_out", "01/10/2025", other_organization="Đoàn xã B")
    code, out, err = cli(data_dir, "rating", "set", ids["Bình"], "--year", YEAR, "--remark", "Tốt")
    assert (code, err, out) == (0, "", "Đã lưu xếp loại năm 2025 của Trần Thị Bình.\n")


def test_close_refuses_a_year_without_a_round(
    data_dir: Path, ws: Workspace, ids: dict[str, str]
) -> None:
    """`close` of a year whose round was never opened (a year mistyped) says so, as `reopen`
    does, and changes nothing: no round made and closed, no backup taken."""
    code, out, err = cli(data_dir, "rating", "close", "--year", "2024")
    assert (code, out, err) == (1, "", "Lỗi: Chưa có đợt xếp loại năm 2024.\n")
    assert ws.rating.round(2024) is None and ws.rating.round_years() == [2025]
    assert not list((ws.data_dir / "backups").glob("truoc-ket-thuc-xep-loai-*"))


def test_training_result_ignores_tones_and_case(
    data_dir: Path, ws: Workspace, ids: dict[str, str]
) -> None:
    """`--training` takes the result's name as a level's is taken, tones and case ignored
    ("xuất sắc", "XUAT SAC", "khá"), or its code; anything else is refused, naming the five."""
    for typed, stored in (("xuất sắc", "xuat-sac"), ("XUAT SAC", "xuat-sac"), ("khá", "kha"),
                          ("Không đạt", "khong-dat"),
                          ("chua-dang-ky", "chua-dang-ky")):  # fmt: skip
        code_out = cli(data_dir, "rating", "set", ids["Bình"], "--year", YEAR, "--training", typed)
        assert code_out[0] == 0, (typed, code_out)
        (binh,) = [r for r in ws.rating.rows(2025) if r.member_id == ids["Bình"]]
        assert binh.training_result == stored, typed
    code, out, err = cli(
        data_dir, "rating", "set", ids["Bình"], "--year", YEAR, "--training", "Giỏi"
    )
    assert (code, out) == (1, "")
    assert err == ("Lỗi: Dữ liệu không hợp lệ:\n  --training: Kết quả rèn luyện phải là: Xuất sắc, "
                   "Khá, Đạt, Không đạt, Chưa đăng ký.\n")  # fmt: skip


def test_a_member_without_admission_date_is_in_no_round_before_the_admission_age(
    data_dir: Path, ws: Workspace
) -> None:
    """A member whose admission date was never recorded counts as on the roster from the day
    they could be admitted (15 years and 1 day; a birth known by its year: in the year of 16),
    not from always: a round of a year before that neither lists nor rates them."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    names = {"Trần Văn Tám": "05/03/2008", "Lê Văn Chín": "05/03/2009", "Võ Thị Năm": "2009"}
    ids = {name: ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch})
           for name, birth in names.items()}  # fmt: skip

    def listed(year: str) -> dict[object, object]:
        code, out, err = cli(data_dir, "rating", "list", "--year", year, "--format", "json")
        assert (code, err) == (0, "")
        return {r["full_name"]: r["eligible"] for r in json.loads(out)}

    assert listed("2022") == {}
    assert listed("2023") == {"Trần Văn Tám": True}  # from 06/03/2023: ten months
    assert listed("2024") == {"Trần Văn Tám": True, "Lê Văn Chín": True}
    assert listed("2025") == {"Trần Văn Tám": True, "Lê Văn Chín": True, "Võ Thị Năm": True}
    assert cli(data_dir, "rating", "open", "--year", "2023")[0] == 0
    code, out, err = cli(data_dir, "rating", "set", ids["Lê Văn Chín"], "--year", "2023",
                         "--remark", "Tốt")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == ("Lỗi: Lê Văn Chín không có trong đợt xếp loại năm 2023: không sinh hoạt tại "
                   "đơn vị trong năm này.\n")  # fmt: skip


def test_a_member_transferred_in_for_less_is_listed_as_rated_with_a_note(
    data_dir: Path, ws: Workspace, ids: dict[str, str]
) -> None:
    """A member transferred in during October is rated on the previous organisation's remarks:
    `rating list` counts the member as rated, the JSON says why under a new key "note" (None
    for the others), and the table's last column shows it; `set` takes a level, no warning."""
    branch = ws.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    came = ws.members.save({"full_name": "Phan Văn Đến", "birth_date": "05/03/2000",
                            "branch_id": branch.id})  # fmt: skip
    ws.events.record(came, "transfer_in", "01/10/2025", other_organization="Đoàn xã Tân Phú")
    note = ("Chuyển đến ngày 01/10/2025 (từ Đoàn xã Tân Phú): "
            "xếp loại căn cứ nhận xét của đơn vị cũ.")  # fmt: skip
    code, out, err = cli(data_dir, "rating", "set", came, "--year", YEAR, "--decided", "2")
    assert (code, err, out) == (0, "", "Đã lưu xếp loại năm 2025 của Phan Văn Đến.\n")
    listed = {r["full_name"]: r for r in _listed(data_dir)}
    assert {k: listed["Phan Văn Đến"][k] for k in ("eligible", "reason", "note", "decided")} == {
        "eligible": True, "reason": None, "note": note, "decided": 2,
    }  # fmt: skip
    assert listed["Nguyễn Văn An"]["note"] is None
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert f"Phan Văn Đến\tChi đoàn ấp Kênh Xáng\t\t\t\t\t2\t{note}\n" in out
    assert "5 đoàn viên, 4 thuộc diện xếp loại, 1 đã có mức" in out
