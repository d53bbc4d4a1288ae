"""The plan page names the chi đoàn its "chi đoàn meet every month" figure holds to part of the
year only: one new in the year (from its first whole month, or not yet), one deleted or merged
away (until the last whole month before it went), in Vietnamese order (d before đ)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage import models
from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.shell.undo import UndoHistory
from plan_data import held_meeting
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

YEAR = 2026
TODAY = dt.date(2026, 11, 30)
TAN_HUNG = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
MEETINGS = {"text": "100% chi đoàn sinh hoạt hằng tháng", "criterion": "2", "planned": "100",
            "unit": "%", "measure": "branch-meetings"}  # fmt: skip
SUMMARY = (
    "1 chỉ tiêu: 0 đạt, 1 chưa đạt (số liệu đến ngày 30/11/2026). Cột “Nguồn số liệu”: “Đo tự "
    "động” là số ứng dụng tự tính."
)


def _on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """What is written from now on is stamped on ``day`` (the storage's clock)."""
    monkeypatch.setattr(models, "utc_now", lambda: dt.datetime.combine(day, dt.time(3, 0)))


def _branch(ws: Workspace, monkeypatch: pytest.MonkeyPatch, name: str, day: dt.date) -> str:
    _on(monkeypatch, day)
    branch_id = ws.branches.create(name).id
    monkeypatch.undo()
    return branch_id


def _page(qtbot: QtBot, ws: Workspace) -> PlansPage:
    core = synchronous_core(ws, ScriptedPrompts())
    page = PlansPage(core, UndoHistory(core), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 680)
    page.show()
    return page


@pytest.fixture
def tan_hung(empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Set up in the app on 05/01/2026 with chi đoàn ấp Bà Điều, which met every month, and
    this year's plan."""
    ws = empty_ws
    _on(monkeypatch, dt.date(YEAR, 1, 5))
    ws.organization.create(TAN_HUNG)
    monkeypatch.undo()
    ba_dieu = _branch(ws, monkeypatch, "Chi đoàn ấp Bà Điều", dt.date(YEAR, 1, 5))
    for month in range(1, 12):
        held_meeting(ws, ba_dieu, dt.date(YEAR, month, 10))
    ws.plans.create(YEAR)
    return ws


def test_the_chi_doan_held_to_part_of_the_year_are_named_in_vietnamese_order(
    tan_hung: Workspace, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    ws = tan_hung
    dau_sau = _branch(ws, monkeypatch, "Chi đoàn ấp Đầu Sấu", dt.date(YEAR, 1, 5))
    _branch(ws, monkeypatch, "Chi đoàn ấp Dinh Điền", dt.date(YEAR, 7, 15))
    _branch(ws, monkeypatch, "Chi đoàn ấp Cái Rô", dt.date(YEAR, 11, 20))
    _on(monkeypatch, dt.date(YEAR, 6, 10))
    ws.branches.delete(dau_sau)
    monkeypatch.undo()
    ws.plans.add_target(YEAR, MEETINGS, ws.activities.kind_names())

    page = _page(qtbot, ws)

    assert page.model.target(0).achieved == 33.3  # Bà Điều of Bà Điều, Dinh Điền, Đầu Sấu
    assert page.summary_label.text() == (
        f"{SUMMARY}\nChi đoàn không tính đủ cả năm trong tỉ lệ sinh hoạt đủ hằng tháng: "
        "Chi đoàn ấp Cái Rô chưa tính (chi đoàn mới từ ngày 20/11/2026); "
        "Chi đoàn ấp Dinh Điền tính từ tháng 08/2026 (chi đoàn mới từ ngày 15/07/2026); "
        "Chi đoàn ấp Đầu Sấu tính đến tháng 05/2026 (xóa khỏi danh sách ngày 10/06/2026)."
    )


def test_a_chi_doan_deleted_before_a_whole_month_is_not_counted(
    tan_hung: Workspace, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    ws = tan_hung
    ap_moi = _branch(ws, monkeypatch, "Chi đoàn ấp Mới", dt.date(YEAR, 3, 10))
    _on(monkeypatch, dt.date(YEAR, 4, 20))
    ws.branches.delete(ap_moi)
    monkeypatch.undo()
    ws.plans.add_target(YEAR, MEETINGS, ws.activities.kind_names())

    page = _page(qtbot, ws)

    assert page.model.target(0).achieved == 100.0
    assert page.summary_label.text() == (
        f"{SUMMARY.replace('0 đạt, 1 chưa đạt', '1 đạt, 0 chưa đạt')}\nChi đoàn không tính đủ "
        "cả năm trong tỉ lệ sinh hoạt đủ hằng tháng: Chi đoàn ấp Mới không tính (chi đoàn mới "
        "từ ngày 10/03/2026, xóa khỏi danh sách ngày 20/04/2026)."
    )


def test_nothing_is_said_without_a_meetings_target(
    tan_hung: Workspace, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    ws = tan_hung
    _branch(ws, monkeypatch, "Chi đoàn ấp Dinh Điền", dt.date(YEAR, 7, 15))
    ws.plans.add_target(YEAR, {"text": "Kết nạp 4 đoàn viên", "criterion": "1", "planned": "4",
                               "measure": "admissions"}, ws.activities.kind_names())  # fmt: skip

    page = _page(qtbot, ws)

    assert page.summary_label.text() == SUMMARY
