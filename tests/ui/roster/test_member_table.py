"""The roster table model: ids only, lazy rows, Vietnamese cells, core sorting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.vocab import GENDERS, STATUSES
from doancoso.core.workspace import Workspace
from doancoso.ui.roster import member_table
from doancoso.ui.roster.member_table import MEMBER_ID_ROLE, SORT_ROLE, MemberTableModel


def test_model_passes_the_model_tester(qtmodeltester, demo_ws: Workspace) -> None:
    model = MemberTableModel(demo_ws.members)
    model.reload()
    assert model.rowCount() == 300
    qtmodeltester.check(model)


def test_cells_are_vietnamese(qtbot: QtBot, demo_ws: Workspace) -> None:
    model = MemberTableModel(demo_ws.members)
    model.reload()
    rows = demo_ws.members.list()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Chức vụ",
                       "Trạng thái", "CCCD", "Điện thoại", "Mã đoàn viên", "Tham gia"]  # fmt: skip
    for i in (0, 1, 150, 299):
        row = rows[i]
        cells = [model.data(model.index(i, c)) for c in range(model.columnCount())]
        assert cells[0] == str(i + 1)
        assert cells[1] == row.full_name
        assert cells[2] == format_vn_date(row.birth_date, row.birth_precision)
        assert cells[3] == GENDERS[row.gender or ""]
        assert cells[3] in ("Nam", "Nữ")
        assert cells[4] == row.branch_name
        assert cells[6] == STATUSES[row.status]
        assert model.data(model.index(i, 0), MEMBER_ID_ROLE) == row.id
        assert model.data(model.index(i, 3), SORT_ROLE) == row.gender
        assert model.data(model.index(i, 2), SORT_ROLE) == row.birth_date.isoformat()
    day_dates = [model.data(model.index(i, 2)) for i in range(300)]
    assert any(len(d) == 10 and d[2] == "/" and d[5] == "/" for d in day_dates)


def test_rows_are_fetched_in_blocks(qtbot: QtBot, demo_ws: Workspace, monkeypatch) -> None:
    monkeypatch.setattr(member_table, "BLOCK", 50)
    calls: list[int] = []
    rows = demo_ws.members.rows
    monkeypatch.setattr(demo_ws.members, "rows", lambda ids: calls.append(len(ids)) or rows(ids))
    model = MemberTableModel(demo_ws.members)
    model.reload()
    for i in range(60):
        model.data(model.index(i, 1))
    assert calls == [50, 50]


def test_sorting_follows_the_core(qtbot: QtBot, demo_ws: Workspace) -> None:
    model = MemberTableModel(demo_ws.members)
    model.reload()
    assert list(model.ids) == demo_ws.members.ids()
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert list(model.ids) == demo_ws.members.ids(sort="birth_date", descending=True)
    model.sort(4, Qt.SortOrder.AscendingOrder)
    assert list(model.ids) == demo_ws.members.ids(sort="branch")
    model.set_filter(MemberFilter(gender="female"))
    assert list(model.ids) == demo_ws.members.ids(MemberFilter(gender="female"), sort="branch")


def test_the_member_code_is_shown_and_sorts(qtbot: QtBot, ws: Workspace) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001",
                          "member_code": "8000002"})  # fmt: skip
    binh = ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "05/03/2001",
                            "member_code": "8000001"})  # fmt: skip
    ws.members.save({"full_name": "Lê Văn Cường", "birth_date": "05/03/2001"})
    model = MemberTableModel(ws.members)
    model.reload()
    column = model.columnCount() - 2
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Mã đoàn viên"
    assert [model.data(model.index(i, column)) for i in range(3)] == ["8000002", "8000001", ""]
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert list(model.ids)[:2] == [an, binh]
    assert model.data(model.index(0, column), SORT_ROLE) == "8000002"


def test_the_participation_column_shows_and_sorts_the_years_rates(
    qtbot: QtBot, ws: Workspace
) -> None:
    names = ("Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường")
    born = {"birth_date": "05/03/2001", "admission_date": "01/01/2020"}
    ids = [ws.members.save({"full_name": n, **born}) for n in names]
    for day in ("10/03/2025", "10/04/2025"):
        ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": day})
    for number, row in enumerate(
        ws.activities.occurrences(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    ):
        ws.attendance.save(
            row.id, {ids[0]: ("present", None), ids[1]: ("present" if number else "excused", None)}
        )
    model = MemberTableModel(ws.members)
    model.reload()
    column = model.columnCount() - 1
    model.set_rates(2025, ws.participation.counts(2025))
    assert [model.data(model.index(i, column)) for i in range(3)] == ["100,0%", "50,0%", ""]
    assert model.data(model.index(1, column), Qt.ItemDataRole.ToolTipRole) == (
        "Năm 2025: tham gia 1/2 buổi, vắng có phép 1"
    )
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert list(model.ids) == [ids[1], ids[0], ids[2]]  # Cường has no rate: last
