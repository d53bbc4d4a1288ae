"""A closed round tells an event recorded, deleted or brought back since its closing from an
edit of the member's record: each such write of an event rewrites the record (the status the
events decide), so the round counts the versions the events added since. An event changed
several times since (deleted, then brought back by "Hoàn tác", then deleted again) is no edit of
the record; an edit with it still is. An event deleted at the closing and brought back since is
not the round's: left out, its row says so. The page's rows and ``rating list`` say the same."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from doancoso.core.rating.eligibility import not_rated
from doancoso.core.storage.models import RatingRound
from doancoso.core.workspace import Workspace
from rating_cli import YEAR, cli
from rating_data import meetings

EDITED = "Hồ sơ đã sửa sau khi khóa đợt: {day}"


def _member(ws: Workspace, branch: str, name: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _said(ws: Workspace, data_dir: Path) -> tuple[dict[str, str | None], list[str]]:
    """What the page's rows say of each member's record, and ``rating list``'s lines."""
    rows = {r.full_name: r.changed_after_closing for r in ws.rating.rows(int(YEAR))}
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    return rows, out.splitlines()


def test_an_event_changed_several_times_since_the_closing_is_no_edit(
    ws: Workspace, data_dir: Path
) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    discipline = ws.events.record(binh, "discipline", "15/06/2025", level="reprimand")
    ws.rating.set_levels(int(YEAR), "decided_level", {an: 1, binh: 3, cuong: 2})
    ws.rating.close(int(YEAR))

    # Bình's discipline (recorded before the closing): deleted, its deletion undone, redone.
    deleted = ws.events.delete_undoable(discipline)
    ws.events.take_back(ws.events.bring_back(deleted))
    # Cường's transfer out (recorded since): recorded, undone, redone.
    recorded = ws.events.record_undoable(cuong, "transfer_out", "01/09/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
    ws.events.bring_back(ws.events.take_back(recorded))
    # An's record edited, then an event recorded and undone: the edit is still said.
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "07/03/2000", "branch_id": branch,
                     "admission_date": "01/01/2020"}, an)  # fmt: skip
    recorded = ws.events.record_undoable(an, "transfer_out", "01/10/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
    ws.events.bring_back(ws.events.take_back(recorded))

    today = dt.date.today().strftime("%d/%m/%Y")
    rows, lines = _said(ws, data_dir)
    assert rows == {
        "Lê Văn An": EDITED.format(day=today),
        "Trần Thị Bình": None,
        "Võ Cường": None,
    }
    assert lines == [
        f"1\tLê Văn An\tChi đoàn ấp 1\t\t\t\t\t1\t{EDITED.format(day=today)}",
        "2\tTrần Thị Bình\tChi đoàn ấp 1\t\t\t\t\t3",
        "3\tVõ Cường\tChi đoàn ấp 1\t\t\t\t\t2",
        "Đợt xếp loại năm 2025 (đã kết thúc): 3 đoàn viên, 3 thuộc diện xếp loại, 3 đã có mức "
        "Ban Chấp hành quyết định.",
        "Sau khi khóa đợt: hồ sơ của 1 đoàn viên đã sửa. Danh sách này đọc theo dữ liệu hiện tại, "
        "có thể khác lúc khóa đợt.",
    ]


MARKS_CHANGED = "Điểm danh đã sửa sau khi khóa đợt: {day}"
BROUGHT_BACK = "Sự kiện đã khôi phục sau khi khóa đợt: {day}"
LEFT = "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị."


def _june(ws: Workspace) -> tuple[str, dict[str, tuple[str, str | None]]]:
    day = dt.date(int(YEAR), 6, 10)
    (occ,) = ws.activities.occurrences(day, day)
    return occ.id, {m.member_id: (m.state, m.reason) for m in ws.attendance.sheet(occ.id)}


@pytest.mark.parametrize("older", [False, True], ids=["closed-now", "closed-by-older-version"])
def test_figures_changed_by_an_event_alone_do_not_say_the_attendance_changed(
    ws: Workspace, data_dir: Path, older: bool
) -> None:
    """Bình's and Cường's transfer out in March and back in May, taken back before the closing
    and brought back since ("Làm lại"): the closed round leaves them out, its figures those of
    the closing (10 meetings each), each row saying an event was brought back. A round closed by
    an older version (which kept no ids of the events deleted then) reads them again: the
    meetings of March and April no longer count for them (10 → 8). June's meeting had its
    results entered since, and An's and Cường's marks of June changed since: their attendance
    changed the figures; Bình's changed by her events alone, not by the attendance."""
    branch = ws.branches.create("Chi đoàn ấp 2").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    meetings(ws, {an: 10, binh: 10, cuong: 10})
    taken = []
    for member in (binh, cuong):
        away = ws.events.record_undoable(member, "transfer_out", "01/03/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
        home = ws.events.record_undoable(member, "transfer_in", "01/05/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
        taken += [ws.events.take_back(home), ws.events.take_back(away)]
    ws.rating.set_levels(int(YEAR), "decided_level", {an: 1, binh: 1, cuong: 2})
    ws.rating.close(int(YEAR))
    if older:
        with ws.db.transaction() as session:
            history = json.loads(session.scalar(select(RatingRound.history)) or "[]")
            for entry in history:
                entry.pop("deleted_events")
            session.execute(update(RatingRound).values(history=json.dumps(history)))

    for events in (taken[1], taken[0], taken[3], taken[2]):  # each one's transfer out first
        ws.events.bring_back(events)
    occ, marks = _june(ws)
    ws.activities.update_occurrence(occ, {"participants": "25", "results": "Tốt."})
    ws.attendance.save(occ, {**marks, an: ("absent", None), cuong: ("absent", None)})

    today = dt.date.today().strftime("%d/%m/%Y")
    marked, back = MARKS_CHANGED.format(day=today), BROUGHT_BACK.format(day=today)
    rows = {r.full_name: (r.expected, r.attended, r.attendance_changed, r.changed_after_closing)
            for r in ws.rating.rows(int(YEAR))}  # fmt: skip
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    if older:
        assert rows == {
            "Lê Văn An": (10, 9, marked, None),
            "Trần Thị Bình": (8, 8, None, None),
            "Võ Cường": (8, 7, marked, None),
        }
        assert out.splitlines()[:3] == [
            f"1\tLê Văn An\tChi đoàn ấp 2\t90,0%\t2\t\t\t1\t{marked}",
            "2\tTrần Thị Bình\tChi đoàn ấp 2\t100,0%\t2\t\t\t1",
            f"3\tVõ Cường\tChi đoàn ấp 2\t87,5%\t2\t\t\t2\t{marked}",
        ]
        return
    assert rows == {
        "Lê Văn An": (10, 9, marked, None),
        "Trần Thị Bình": (10, 10, None, back),
        "Võ Cường": (10, 9, marked, back),
    }
    assert out.splitlines()[:3] == [
        f"1\tLê Văn An\tChi đoàn ấp 2\t90,0%\t2\t\t\t1\t{marked}",
        f"2\tTrần Thị Bình\tChi đoàn ấp 2\t100,0%\t2\t\t\t1\t{back}",
        f"3\tVõ Cường\tChi đoàn ấp 2\t90,0%\t2\t\t\t2\t{back}; {marked}",
    ]


def _decision(data_dir: Path, target: Path, *issued: str) -> str:
    code, _, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(target),
                       "--document", "quyet-dinh", *issued)  # fmt: skip
    assert (code, err) == (0, "")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(target).pages))


def test_an_event_taken_back_before_the_closing_and_brought_back_since_is_not_the_rounds(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """Bình's transfer out, recorded and undone ("Hoàn tác") before the closing, redone ("Làm
    lại") since; Cường's discipline, deleted before the closing, its deletion undone since: the
    closed round reads them as they were at the closing (absent), the decision printed again
    keeps Bình, and each row says an event was brought back since."""
    branch = ws.branches.create("Chi đoàn ấp 3").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    recorded = ws.events.record_undoable(binh, "transfer_out", "01/09/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
    away = ws.events.take_back(recorded)
    discipline = ws.events.record(cuong, "discipline", "15/06/2025", level="warning")
    deleted = ws.events.delete_undoable(discipline)
    ws.rating.set_levels(int(YEAR), "decided_level", {an: 2, binh: 1, cuong: 1})
    ws.rating.close(int(YEAR))
    issued = _decision(data_dir, tmp_path / "issued.pdf", "--number", "15-QĐ/ĐTN", "--date",
                       "20/12/2025")  # fmt: skip
    assert "2 Trần Thị Bình 01/01/2000 Chi đoàn ấp 3 Hoàn thành xuất sắc nhiệm vụ" in issued
    code, before, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")

    ws.events.bring_back(away)
    ws.events.bring_back(deleted)

    today = dt.date.today().strftime("%d/%m/%Y")
    flag = BROUGHT_BACK.format(day=today)
    rows = {r.full_name: (r.eligible, r.reason, r.decided_level, r.discipline,
                          r.changed_after_closing) for r in ws.rating.rows(int(YEAR))}  # fmt: skip
    assert rows == {
        "Lê Văn An": (True, None, 2, None, None),
        "Trần Thị Bình": (True, None, 1, None, flag),
        "Võ Cường": (True, None, 1, None, flag),
    }
    code, out, err = cli(data_dir, "rating", "list", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1\tLê Văn An\tChi đoàn ấp 3\t\t\t\t\t2",
        f"2\tTrần Thị Bình\tChi đoàn ấp 3\t\t\t\t\t1\t{flag}",
        f"3\tVõ Cường\tChi đoàn ấp 3\t\t\t\t\t1\t{flag}",
        "Đợt xếp loại năm 2025 (đã kết thúc): 3 đoàn viên, 3 thuộc diện xếp loại, 3 đã có mức "
        "Ban Chấp hành quyết định.",
        # Only events brought back, which the round leaves out: the list reads as it was closed.
        "Sau khi khóa đợt: sự kiện của 2 đoàn viên đã khôi phục, đợt không tính.",
    ]
    unflagged = [line.partition(f"\t{flag}")[0] for line in out.splitlines()[:3]]
    assert before.splitlines()[:3] == unflagged  # as listed at the closing, the flag apart
    assert _decision(data_dir, tmp_path / "again.pdf") == issued
    assert ws.rating.covered(int(YEAR)) == {an, binh, cuong}
    assert [(h.year, h.level) for h in ws.rating.member_history(binh)] == [(2025, 1)]
    info = ws.rating.round(int(YEAR))
    assert info is not None
    with ws.db.read() as session:  # the member template's rating column
        assert not_rated(session, ws._ctx.organization_id, int(YEAR), info.rules, [binh]) == set()

    # Reopened, the round reads today's events: Bình left in the year, Cường disciplined.
    ws.rating.reopen(int(YEAR))
    reopened = {r.full_name: (r.eligible, r.reason, r.discipline, r.changed_after_closing)
                for r in ws.rating.rows(int(YEAR))}  # fmt: skip
    assert reopened == {
        "Lê Văn An": (True, None, None, None),
        "Trần Thị Bình": (False, LEFT, None, None),
        "Võ Cường": (True, None, "warning", None),
    }
