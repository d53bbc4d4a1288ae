"""A closed rating round reads as it was closed: a departure or an admission dated in its year
but recorded after the closing changes neither ``rating list`` nor the decision issued; once
the round is reopened it counts, as for an open round."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pypdf import PdfReader

from doancoso.core.workspace import Workspace
from rating_cli import YEAR, cli, ids
from rating_data import meetings

__all__ = ["ids"]  # the fixture


def _listed(data_dir: Path) -> list[dict[str, object]]:
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")
    assert (code, err) == (0, "")
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def _decision(data_dir: Path, target: Path) -> str:
    code, _, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(target),
                       "--document", "quyet-dinh")  # fmt: skip
    assert (code, err) == (0, "")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(target).pages))


def test_events_recorded_after_closing_leave_the_closed_round_as_it_was(
    data_dir: Path, ws: Workspace, ids: dict[str, str], tmp_path: Path
) -> None:
    levels = {"An": "1", "Bình": "2", "Dũng": "3"}
    for name, level in levels.items():
        assert cli(data_dir, "rating", "set", ids[name], "--year", YEAR, "--decided", level)[0] == 0
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    code, _, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o",
                       str(tmp_path / "issued.pdf"), "--document", "quyet-dinh", "--number",
                       "15-QĐ/ĐTN", "--date", "20/12/2025")  # fmt: skip
    assert (code, err) == (0, "")
    listed, decision = _listed(data_dir), _decision(data_dir, tmp_path / "before.pdf")
    assert "3 Trần Thị Bình 05/03/2000 Chi đoàn ấp Tân Hưng Hoàn thành tốt nhiệm vụ" in decision

    # Recorded after the closing, dated in the round's year.
    ws.events.record(ids["Bình"], "transfer_out", "01/09/2025",
                     other_organization="Đoàn xã Khánh An")  # fmt: skip
    late = ws.members.save({"full_name": "Lê Văn Mới", "birth_date": "05/03/2000",
                            "admission_date": "01/02/2025"})  # fmt: skip

    assert _listed(data_dir) == listed
    assert _decision(data_dir, tmp_path / "after.pdf") == decision
    code, out, _ = cli(data_dir, "rating", "list", "--year", YEAR)
    assert out.endswith("Đợt xếp loại năm 2025 (đã kết thúc): 4 đoàn viên, 3 thuộc diện xếp "
                        "loại, 3 đã có mức Ban Chấp hành quyết định.\n")  # fmt: skip

    assert cli(data_dir, "rating", "reopen", "--year", YEAR)[0] == 0
    now = {r["full_name"]: r for r in _listed(data_dir)}
    assert (now["Trần Thị Bình"]["eligible"], now["Trần Thị Bình"]["reason"]) == (
        False, "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị."
    )  # fmt: skip
    assert (now["Trần Thị Bình"]["decided"], now["Lê Văn Mới"]["member_id"]) == (None, late)


def _attended(ws: Workspace, day: str, marks: dict[str, str]) -> tuple[str, str]:
    """A chi đoàn meeting on ``day`` with its attendance taken (member → state): the ids of the
    activity and of its date."""
    activity, _ = ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                                      "start_date": day})  # fmt: skip
    on = dt.datetime.strptime(day, "%d/%m/%Y").date()
    (occ,) = [o for o in ws.activities.occurrences(on, on) if o.activity_id == activity]
    ws.attendance.save(occ.id, {m: (state, None) for m, state in marks.items()})
    return activity, occ.id


def test_attendance_recorded_after_closing_leaves_the_closed_round_as_it_was(
    data_dir: Path, ws: Workspace, tmp_path: Path
) -> None:
    """A meeting of the round's year whose attendance is taken after the closing, or one
    deleted since, changes neither a member's participation nor the suggested level."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    an, binh = (ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                 "branch_id": branch, "admission_date": "01/01/2020"})
                for name in ("Nguyễn Văn An", "Trần Thị Bình"))  # fmt: skip
    meetings(ws, {an: 9, binh: 7})  # 9/10 and 7/10 (rating_data's ten meetings of 2025)
    early, _ = _attended(ws, "20/11/2025", {an: "present", binh: "present"})  # 10/11 and 8/11
    assert cli(data_dir, "rating", "open", "--year", YEAR)[0] == 0
    assert cli(data_dir, "rating", "set", an, "--year", YEAR, "--decided", "1", "--training",
               "Xuất sắc")[0] == 0  # fmt: skip
    assert cli(data_dir, "rating", "set", binh, "--year", YEAR, "--decided", "2")[0] == 0
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    listed, decision = _listed(data_dir), _decision(data_dir, tmp_path / "before.pdf")
    rates = {r["full_name"]: (r["participation"], r["suggested"]) for r in listed}
    assert rates == {"Nguyễn Văn An": (0.9091, 1), "Trần Thị Bình": (0.7273, 2)}
    assert "Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (50,0%);" in decision

    _attended(ws, "10/12/2025", {an: "absent", binh: "absent"})  # taken after the closing
    ws.activities.delete(early)

    assert _listed(data_dir) == listed
    assert _decision(data_dir, tmp_path / "after.pdf") == decision
    code, out, _ = cli(data_dir, "rating", "list", "--year", YEAR)
    assert "1\tNguyễn Văn An\tChi đoàn ấp Tân Hưng\t90,9%\t1\t\t\t1" in out

    assert cli(data_dir, "rating", "reopen", "--year", YEAR)[0] == 0
    now = {r["full_name"]: (r["participation"], r["suggested"]) for r in _listed(data_dir)}
    assert now == {"Nguyễn Văn An": (0.8182, 2), "Trần Thị Bình": (0.6364, 3)}


def test_a_member_deleted_after_closing_stays_on_the_decision(
    data_dir: Path, ws: Workspace, ids: dict[str, str], tmp_path: Path
) -> None:
    for name, level in {"An": "1", "Bình": "2", "Dũng": "3"}.items():
        assert cli(data_dir, "rating", "set", ids[name], "--year", YEAR, "--decided", level)[0] == 0
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    listed, decision = _listed(data_dir), _decision(data_dir, tmp_path / "before.pdf")
    assert "3 Trần Thị Bình 05/03/2000 Chi đoàn ấp Tân Hưng Hoàn thành tốt nhiệm vụ" in decision

    assert ws.members.delete([ids["Bình"]]) == 1  # as the roster's "Xóa" does

    assert _listed(data_dir) == listed
    assert _decision(data_dir, tmp_path / "after.pdf") == decision
    assert cli(data_dir, "rating", "reopen", "--year", YEAR)[0] == 0
    assert "Trần Thị Bình" not in {r["full_name"] for r in _listed(data_dir)}


def test_rating_list_says_whose_attendance_changed_after_closing(
    data_dir: Path, ws: Workspace
) -> None:
    """A mark changed in place after the closing changes the count the closed round reads:
    ``rating list`` says it on the member's line and counts it under the summary; the meeting
    deleted since, counted as it was, says nothing."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    an, binh = (ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                 "branch_id": branch, "admission_date": "01/01/2020"})
                for name in ("Nguyễn Văn An", "Trần Thị Bình"))  # fmt: skip
    meetings(ws, {an: 9, binh: 7})
    early, _ = _attended(ws, "20/11/2025", {an: "present", binh: "present"})
    _, late = _attended(ws, "10/12/2025", {an: "present", binh: "present"})
    assert cli(data_dir, "rating", "open", "--year", YEAR)[0] == 0
    assert cli(data_dir, "rating", "set", an, "--year", YEAR, "--decided", "1")[0] == 0
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    ws.activities.delete(early)
    code, out, _ = cli(data_dir, "rating", "list", "--year", YEAR)
    assert "Sau khi khóa đợt" not in out and "Điểm danh" not in out

    ws.attendance.save(late, {an: ("absent", None), binh: ("present", None)})
    today = dt.date.today().strftime("%d/%m/%Y")
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"1\tNguyễn Văn An\tChi đoàn ấp Tân Hưng\t83,3%\t2\t\t\t1\tĐiểm danh đã sửa sau khi khóa "
        f"đợt: {today}",
        "2\tTrần Thị Bình\tChi đoàn ấp Tân Hưng\t75,0%\t2",
        "Đợt xếp loại năm 2025 (đã kết thúc): 2 đoàn viên, 2 thuộc diện xếp loại, 1 đã có mức "
        "Ban Chấp hành quyết định.",
        "Sau khi khóa đợt: điểm danh của 1 đoàn viên đã sửa. Danh sách này đọc theo dữ liệu hiện "
        "tại, có thể khác lúc khóa đợt.",
    ]


def test_rating_list_says_a_chi_doan_renamed_after_closing(
    data_dir: Path, ws: Workspace, ids: dict[str, str]
) -> None:
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    two = next(b.id for b in ws.branches.list() if b.name == "Chi đoàn ấp Kênh Xáng")
    ws.branches.rename(two, "Chi đoàn ấp Kênh Xáng Mới")
    today = dt.date.today().strftime("%d/%m/%Y")
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1] == (
        "Sau khi khóa đợt: 1 chi đoàn đã đổi tên. Danh sách này đọc theo dữ liệu hiện tại, có "
        "thể khác lúc khóa đợt."
    )
    (dung,) = [line for line in lines if "Phạm Văn Dũng" in line]
    assert dung.startswith("3\tPhạm Văn Dũng\tChi đoàn ấp Kênh Xáng Mới\t")
    assert dung.endswith(f"\tChi đoàn đã đổi tên sau khi khóa đợt: {today}")
    assert not any("đổi tên" in line for line in lines if "Nguyễn Văn An" in line)
