"""The grid's model: Qt's model tester, what each cell says, the reason of a member not rated
across the level columns, the colour and tooltip of a decided level that differs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from doancoso.ui.rating.model import (
    COL_DECIDED,
    COL_NAME,
    COL_PROPOSED,
    COL_RATE,
    COL_REMARK,
    COL_SUGGESTED,
    COLUMNS,
    DIFFERS,
    GREY,
    RatingModel,
)
from doancoso.ui.rating.page import RatingPage

from .conftest import GUEST, SHOWN, TODAY, YEAR, Round

pytestmark = SHOWN


def _texts(model: RatingModel, row: int) -> list[Any]:
    return [model.index(row, column).data() for column in range(len(COLUMNS))]


def test_model_passes_the_model_tester(qtmodeltester: Any, rated: Round) -> None:
    model = RatingModel()
    model.set_rows(rated.ws.rating.rows(YEAR, as_of=TODAY), read_only=False)
    qtmodeltester.check(model)
    model.set_filter(rated.branches["Chi đoàn ấp 2"], undecided_only=True)
    qtmodeltester.check(model)


def test_cells_say_what_the_core_read(page: RatingPage, rated: Round) -> None:
    ws, ids = rated.ws, rated.ids
    values = {"participation": "85%", "proposed_level": 3, "decided_level": 1,
              "remark": "Gương mẫu"}  # fmt: skip
    ws.rating.set(YEAR, ids["Trần Thị Bình"], values)
    ws.events.record(ids["Lê Văn Cường"], "discipline", "15/06/2025", level="reprimand")
    page.refresh()
    model = page.model
    assert [_texts(model, row) for row in range(model.rowCount())] == [
        ["1", "Nguyễn Văn An", "ấp 1", "100,0%", "", "", "", "", "2. HTT", "", "", "", ""],
        ["2", "Trần Thị Bình", "ấp 1", "85,0%*", "", "", "", "", "2. HTT", "",
         "3. Hoàn thành", "1. Xuất sắc", "Gương mẫu"],
        ["3", "Lê Văn Cường", "ấp 1", "60,0%", "Khiển trách", "", "", "", "3. HT", "",
         "", "", ""],
        ["4", "Phạm Văn Dũng", "ấp 2", "40,0%", "", "", "", "", "4. KHT", "", "",
         "", ""],
        ["5", "Võ Thị Em", "ấp 2", "90,0%", "", "", "", "", "2. HTT", "", "", "", ""],
        ["6", GUEST, "ấp 2", "", "", "", "", "", "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây "
         "chỉ nhận xét.", None, None, None, ""],
    ]  # fmt: skip
    bình = model.index(1, COL_DECIDED)
    assert bình.data(Qt.ItemDataRole.BackgroundRole) == DIFFERS
    assert bình.data(Qt.ItemDataRole.ToolTipRole) == (
        "Hoàn thành xuất sắc nhiệm vụ\n"
        "Khác mức gợi ý (2. Tốt): Tham gia 85,0% hoạt động (từ 70%) — Hoàn thành tốt nhiệm vụ\n"
        "Khác đề nghị của chi đoàn (3. Hoàn thành)."
    )
    assert model.index(0, COL_DECIDED).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, COL_RATE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tỉ lệ nhập tay (*). Xóa ô này (Delete) để tính theo điểm danh (có mặt 8/10 buổi)."
    )
    assert model.index(0, COL_RATE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Có mặt 10/10 buổi hoạt động đã điểm danh."
    )
    assert model.index(0, COL_SUGGESTED).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tham gia 100,0% hoạt động (từ 90%); chưa có kết quả rèn luyện “xuất sắc” — Hoàn thành "
        "tốt nhiệm vụ"
    )
    guest = model.index(5, COL_SUGGESTED)
    assert guest.data(Qt.ItemDataRole.ForegroundRole) == GREY
    assert page.view.columnSpan(5, COL_SUGGESTED) == 4
    assert page.view.columnSpan(4, COL_SUGGESTED) == 1
    # The guest's remark can be written (remarks only); the levels cannot.
    assert model.flags(model.index(5, COL_REMARK)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(5, COL_PROPOSED)) & Qt.ItemFlag.ItemIsEditable


def test_filters_by_chi_doan_and_not_decided(page: RatingPage, rated: Round) -> None:
    rated.ws.rating.set(YEAR, rated.ids["Võ Thị Em"], {"decided_level": 2})
    page.refresh()
    boxes = [page.branch_box.itemText(i) for i in range(page.branch_box.count())]
    assert boxes == ["Tất cả chi đoàn", "Chi đoàn ấp 1", "Chi đoàn ấp 2"]
    page.branch_box.setCurrentIndex(2)
    assert [r.full_name for r in page.model.rows] == ["Phạm Văn Dũng", "Võ Thị Em", GUEST]
    page.undecided_box.setChecked(True)
    assert [r.full_name for r in page.model.rows] == ["Phạm Văn Dũng"]
    # The chi đoàn's own figures (3 members, 2 rated: Dũng and Em), the whole's after them.
    assert page.count_label.text() == (
        "Đang hiện 1/3 đoàn viên (Chi đoàn ấp 2); 2 thuộc diện xếp loại, 1 đã quyết định; "
        "toàn Đoàn cơ sở: 1/5 đã quyết định"
    )
    page.branch_box.setCurrentIndex(0)
    assert [r.full_name for r in page.model.rows] == [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"
    ]  # fmt: skip
    assert page.count_label.text() == (
        "Đang hiện 4/6 đoàn viên; 5 thuộc diện xếp loại, 1 đã quyết định"
    )


def test_escape_in_the_search_box_clears_it(page: RatingPage) -> None:
    page.search.setFocus()
    QTest.keyClicks(page.search, "thi")
    assert [r.full_name for r in page.model.rows] == ["Trần Thị Bình", "Võ Thị Em"]
    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert page.model.rowCount() == 6
    assert page.count_label.text() == (
        "Đang hiện 6/6 đoàn viên; 5 thuộc diện xếp loại, 0 đã quyết định"
    )


def test_a_member_transferred_in_for_less_says_so(page: RatingPage, rated: Round) -> None:
    """A member transferred in during October is rated on the previous organisation's remarks:
    until the remark is written, its cell shows, greyed, on what the rating rests and the
    transfer's note (the old remarks); the name's, the suggestion's and the remark's tooltips
    keep saying so once it is."""
    ws = rated.ws
    member = ws.members.save({"full_name": "Phan Văn Đến", "birth_date": "01/01/2000",
                              "branch_id": rated.branches["Chi đoàn ấp 1"]})  # fmt: skip
    ws.events.record(member, "transfer_in", "01/10/2025", note="Tích cực, gương mẫu.",
                     other_organization="Đoàn xã Tân Phú")  # fmt: skip
    page.refresh()
    model = page.model
    row = next(n for n in range(model.rowCount()) if model.row(n).member_id == member)
    note = ("Chuyển đến ngày 01/10/2025 (từ Đoàn xã Tân Phú): "
            "xếp loại căn cứ nhận xét của đơn vị cũ.")  # fmt: skip
    old = "Nhận xét của đơn vị cũ (ghi khi chuyển đến): Tích cực, gương mẫu."
    tip, colour = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole
    remark = model.index(row, COL_REMARK)
    assert (remark.data(), remark.data(colour)) == (f"{old} {note}", GREY)
    assert remark.data(Qt.ItemDataRole.EditRole) == ""  # nothing of it is the member's remark
    assert remark.data(tip) == f"{note}\n{old}"
    assert model.index(row, COL_NAME).data() == "Phan Văn Đến"
    assert (
        model.index(row, COL_NAME).data(tip) == f"Phan Văn Đến\nSinh ngày 01/01/2000\n{note}\n{old}"
    )
    assert model.index(row, COL_SUGGESTED).data(tip).endswith(f"\n{note}")
    assert model.index(row, COL_DECIDED).data() == ""  # rated: a level to decide, no reason
    assert model.index(row, COL_NAME).data(colour) is None
    ws.rating.set(YEAR, member, {"remark": "Mới chuyển đến, tích cực."})
    page.refresh()
    assert (remark.data(), remark.data(colour)) == ("Mới chuyển đến, tích cực.", None)
    assert remark.data(tip) == f"Mới chuyển đến, tích cực.\n{note}\n{old}"
