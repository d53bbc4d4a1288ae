"""A closed round on the page: a member whose record was edited after the closing (nothing
stored keeps it as it was) or who was deleted since is said, on the row and above the grid, so
that the secretary knows the page and a decision printed again may differ from the one
signed; reopening the round says nothing of it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from doancoso.ui.rating.model import COL_BRANCH, COL_NAME, COL_RATE, COL_REMARK, GREY
from doancoso.ui.rating.page import RatingPage

from .conftest import SHOWN, YEAR, Round

pytestmark = SHOWN


def test_a_closed_round_says_whose_record_changed_since(page: RatingPage, rated: Round) -> None:
    ws, ids = rated.ws, rated.ids
    ws.rating.set_levels(YEAR, "decided_level", {ids[n]: 2 for n in ("Nguyễn Văn An",
                         "Trần Thị Bình", "Võ Thị Em")})  # fmt: skip
    ws.rating.close(YEAR)
    page.refresh()
    assert page.changed_label.isHidden()

    ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "07/03/2000",
                     "branch_id": rated.branches["Chi đoàn ấp 1"],
                     "admission_date": "01/01/2020"}, ids["Trần Thị Bình"])  # fmt: skip
    ws.members.delete([ids["Võ Thị Em"]])
    page.refresh()

    assert not page.changed_label.isHidden()
    assert page.changed_label.text() == (
        "Hồ sơ của 1 đoàn viên đã sửa sau khi khóa đợt (Trần Thị Bình): trang này và quyết định "
        "in lại theo hồ sơ hiện tại, có thể khác quyết định đã ký; 1 đoàn viên đã xóa khỏi danh "
        "sách sau khi khóa đợt (Võ Thị Em) vẫn thuộc đợt này."
    )
    today = dt.date.today().strftime("%d/%m/%Y")
    row = page.model.row_of(ids["Trần Thị Bình"])
    assert row is not None
    remark = page.model.index(row, COL_REMARK)
    assert remark.data() == f"Hồ sơ đã sửa sau khi khóa đợt: {today}"
    assert remark.data(Qt.ItemDataRole.ForegroundRole) == GREY  # not a remark: a note
    assert page.model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Trần Thị Bình\nSinh ngày 07/03/2000\nHồ sơ đã sửa sau khi khóa đợt: {today}"
    )
    gone = page.model.row_of(ids["Võ Thị Em"])
    assert gone is not None
    assert page.model.index(gone, COL_REMARK).data() == (
        f"Đã xóa khỏi danh sách đoàn viên sau khi khóa đợt: {today}"
    )

    ws.rating.reopen(YEAR)
    page.refresh()
    assert page.changed_label.isHidden()
    assert page.model.row_of(ids["Võ Thị Em"]) is None


def test_a_closed_round_says_whose_attendance_changed_since(page: RatingPage, rated: Round) -> None:
    """A mark changed in place after the closing (present to absent) changes the count the
    page shows: the row and the text above the grid say so; the rate's tooltip too."""
    ws, ids = rated.ws, rated.ids
    ws.rating.set_levels(YEAR, "decided_level", {ids["Nguyễn Văn An"]: 1})
    ws.rating.close(YEAR)
    day = dt.date(YEAR, 2, 10)
    (occ,) = ws.activities.occurrences(day, day)
    marks = {m.member_id: (m.state, m.reason) for m in ws.attendance.sheet(occ.id)}
    ws.attendance.save(occ.id, {**marks, ids["Nguyễn Văn An"]: ("absent", None)})
    page.refresh()

    assert page.changed_label.text() == (
        "Điểm danh của 1 đoàn viên đã sửa sau khi khóa đợt (Nguyễn Văn An): tỉ lệ tham gia và "
        "mức gợi ý tính theo điểm danh hiện tại, có thể khác lúc khóa đợt."
    )
    today = dt.date.today().strftime("%d/%m/%Y")
    row = page.model.row_of(ids["Nguyễn Văn An"])
    assert row is not None
    assert page.model.index(row, COL_REMARK).data() == f"Điểm danh đã sửa sau khi khóa đợt: {today}"
    assert page.model.index(row, COL_RATE).data() == "90,0%"
    assert page.model.index(row, COL_RATE).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Có mặt 9/10 buổi theo điểm danh hiện tại. Điểm danh đã sửa sau khi khóa đợt: {today}; "
        "tỉ lệ có thể khác lúc khóa đợt."
    )
    other = page.model.row_of(ids["Trần Thị Bình"])
    assert other is not None and page.model.index(other, COL_REMARK).data() == ""


def test_a_closed_round_says_which_chi_doan_was_renamed_since(
    page: RatingPage, rated: Round
) -> None:
    """The round names a chi đoàn as it is now (its name of then is kept nowhere): renamed
    after the closing, the text above the grid and its members' chi đoàn say so."""
    ws = rated.ws
    ws.rating.close(YEAR)
    ws.branches.rename(rated.branches["Chi đoàn ấp 2"], "Chi đoàn ấp Kênh Xáng")
    page.refresh()

    today = dt.date.today().strftime("%d/%m/%Y")
    assert page.changed_label.text() == (
        f"Chi đoàn đã đổi tên sau khi khóa đợt: Chi đoàn ấp Kênh Xáng ({today}); trang này và "
        "bản in ghi tên hiện tại."
    )
    row = page.model.row_of(rated.ids["Phạm Văn Dũng"])
    assert row is not None
    branch = page.model.index(row, COL_BRANCH)
    assert branch.data() == "ấp Kênh Xáng"
    assert branch.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Chi đoàn ấp Kênh Xáng\nChi đoàn đã đổi tên sau khi khóa đợt: {today}"
    )
    other = page.model.row_of(rated.ids["Nguyễn Văn An"])
    assert other is not None
    assert page.model.index(other, COL_BRANCH).data(Qt.ItemDataRole.ToolTipRole) == (
        "Chi đoàn ấp 1"
    )


def test_two_changes_since_the_closing_read_as_two_sentences(
    page: RatingPage, rated: Round
) -> None:
    """A member whose record was edited and whose attendance was changed after the closing:
    the remark's cell says both, each its own sentence (they ran together as one)."""
    ws, ids = rated.ws, rated.ids
    ws.rating.close(YEAR)
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/05/2001",
                     "branch_id": rated.branches["Chi đoàn ấp 1"],
                     "admission_date": "01/01/2020"}, ids["Nguyễn Văn An"])  # fmt: skip
    day = dt.date(YEAR, 2, 10)
    (occ,) = ws.activities.occurrences(day, day)
    marks = {m.member_id: (m.state, m.reason) for m in ws.attendance.sheet(occ.id)}
    ws.attendance.save(occ.id, {**marks, ids["Nguyễn Văn An"]: ("absent", None)})
    page.refresh()

    today = dt.date.today().strftime("%d/%m/%Y")
    row = page.model.row_of(ids["Nguyễn Văn An"])
    assert row is not None
    assert page.model.index(row, COL_REMARK).data() == (
        f"Hồ sơ đã sửa sau khi khóa đợt: {today}. Điểm danh đã sửa sau khi khóa đợt: {today}"
    )


def test_an_event_brought_back_since_is_not_said_as_a_record_edited(
    page: RatingPage, rated: Round
) -> None:
    """Bình's transfer out, undone before the closing and redone since: the closed round leaves
    it out and keeps her decision. The text above the grid says so, not that her record was
    edited and the decision may differ; An's record edited since is still said."""
    ws, ids = rated.ws, rated.ids
    recorded = ws.events.record_undoable(ids["Trần Thị Bình"], "transfer_out", "01/09/2025",
                                         other_organization="Đoàn xã Khánh An")  # fmt: skip
    away = ws.events.take_back(recorded)
    ws.rating.set_levels(YEAR, "decided_level", {ids["Trần Thị Bình"]: 1})
    ws.rating.close(YEAR)
    ws.events.bring_back(away)
    page.refresh()

    assert page.changed_label.text() == (
        "Sự kiện của 1 đoàn viên đã khôi phục sau khi khóa đợt (Trần Thị Bình): đợt đã khóa "
        "không tính sự kiện đó, giữ mức đã quyết định."
    )

    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/05/2001",
                     "branch_id": rated.branches["Chi đoàn ấp 1"],
                     "admission_date": "01/01/2020"}, ids["Nguyễn Văn An"])  # fmt: skip
    page.refresh()

    assert page.changed_label.text() == (
        "Hồ sơ của 1 đoàn viên đã sửa sau khi khóa đợt (Nguyễn Văn An): trang này và quyết định "
        "in lại theo hồ sơ hiện tại, có thể khác quyết định đã ký; sự kiện của 1 đoàn viên đã "
        "khôi phục sau khi khóa đợt (Trần Thị Bình): đợt đã khóa không tính sự kiện đó, giữ mức "
        "đã quyết định."
    )
