"""The page and ``doancoso checklist show`` say the same of item 2.3 (chi đoàn meeting every
month) at the edges of the year: 1 and 15 January (no month ended: not due), 1 February,
31 December, a year past, a chi đoàn added and one deleted during the year; and of item 1.2
(the members' remarks) before and from December, the month members are rated in."""

from __future__ import annotations

import datetime as dt
from html import escape
from io import StringIO

import pytest
from pytestqt.qtbot import QtBot

from doancoso.cli.checklist import checklist_json, print_checklist
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage import models
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.checklist_model import COL_INDICATOR
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from plan_data import held_meeting
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
YEAR = 2025
LABEL = "Tỉ lệ chi đoàn sinh hoạt đủ hằng tháng (%)"
JANUARY = (
    "Chưa đến kỳ đánh giá: tháng 01/2025 chưa kết thúc ({}/2 chi đoàn đã sinh hoạt trong tháng)."
)
CASES = [
    # the day, the page's cell, its verdict, the figure's words
    (dt.date(YEAR, 1, 1), "Chưa đến kỳ", "Chưa đến kỳ", JANUARY.format(0)),
    (dt.date(YEAR, 1, 15), "Chưa đến kỳ", "Chưa đến kỳ", JANUARY.format(1)),
    (dt.date(YEAR, 2, 1), "100% / ≥ 100%", "Đạt", "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%)."),
    (dt.date(YEAR, 12, 31), "50% / ≥ 100%", "Chưa đạt",
     "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."),
    (dt.date(YEAR + 1, 3, 1), "50% / ≥ 100%", "Chưa đạt",
     "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."),
]  # fmt: skip


def _page(
    qtbot: QtBot, core: Core, history: UndoHistory, day: dt.date, code: str = "2.3"
) -> RecognitionPage:
    page = RecognitionPage(core, history, today=lambda: day)
    qtbot.addWidget(page)
    page.resize(1216, 650)
    page.show()
    page.set_year(YEAR)
    page.select_item(code)
    return page


def _shown(ws: Workspace, day: dt.date, code: str = "2.3") -> list[str]:
    """The lines ``checklist show`` prints under item ``code``, on ``day``."""
    out = StringIO()
    print_checklist(ws.recognition.view(YEAR, day), out)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {code}  "))
    return [line for line in lines[start + 1 :] if line.startswith("        ")][:1]


@pytest.mark.parametrize(("day", "cell", "verdict", "text"), CASES)
def test_the_page_and_checklist_show_agree_at_the_edges_of_the_year(
    ws: Workspace, qtbot: QtBot, core: Core, history: UndoHistory,
    day: dt.date, cell: str, verdict: str, text: str,
) -> None:  # fmt: skip
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    for month in range(1, 13):
        held_meeting(ws, ap1, dt.date(YEAR, month, 10))
    held_meeting(ws, ap2, dt.date(YEAR, 1, 10 if day != dt.date(YEAR, 1, 15) else 20))
    ws.recognition.open(YEAR)
    page = _page(qtbot, core, history, day)
    index = page.model.item_index("2.3").siblingAtColumn(COL_INDICATOR)
    assert index.data() == cell
    panel = page.item_panel.indicator.text()
    assert f">{verdict}</b>" in panel and escape(text) in panel
    assert _shown(ws, day) == [f"        Chỉ số: {LABEL}: {text} ({verdict.lower()})"]
    (item,) = [i for i in checklist_json(ws.recognition.view(YEAR, day))["items"]  # type: ignore[attr-defined]
               if i["code"] == "2.3"]  # fmt: skip
    (indicator,) = item["indicators"]  # the JSON's keys as they were: a verdict, or none
    assert indicator["met"] == {"Đạt": True, "Chưa đạt": False, "Chưa đến kỳ": None}[verdict]


def test_a_figure_that_cannot_be_measured_reads_the_same(
    ws: Workspace, qtbot: QtBot, core: Core, history: UndoHistory
) -> None:
    """A rating round covering nobody: item 1.2 has no figure and no verdict. The page said
    "Chưa đo được", ``checklist show`` "(chưa đo)"; both say "chưa đo được"."""
    ws.rating.open(YEAR)
    ws.recognition.open(YEAR)
    day = dt.date(YEAR, 12, 31)
    page = _page(qtbot, core, history, day)
    page.select_item("1.2")
    assert page.model.item_index("1.2").siblingAtColumn(COL_INDICATOR).data() == "Chưa đo được"
    out = StringIO()
    print_checklist(ws.recognition.view(YEAR, day), out)
    assert (
        "        Chỉ số: Tỉ lệ đoàn viên có nhận xét năm nay (%): Đợt xếp loại năm 2025 chưa có "
        "đoàn viên nào thuộc diện xếp loại. (chưa đo được)"
    ) in out.getvalue().splitlines()


def test_a_chi_doan_added_during_the_year_reads_the_same(
    empty_ws: Workspace, qtbot: QtBot, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chi đoàn typed in on 15/07 is counted from August, on the page and in ``show``."""

    def typed_on(day: dt.date) -> None:
        monkeypatch.setattr(models, "utc_now", lambda: dt.datetime.combine(day, dt.time(3)))

    ws = empty_ws
    typed_on(dt.date(YEAR, 1, 5))
    ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="TĐ"))
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    typed_on(dt.date(YEAR, 7, 15))
    new = ws.branches.create("Chi đoàn Khu công nghiệp").id
    monkeypatch.undo()
    for month in range(1, 13):
        held_meeting(ws, ap1, dt.date(YEAR, month, 10))
        if month >= 8:
            held_meeting(ws, new, dt.date(YEAR, month, 12))
    ws.recognition.open(YEAR)
    core = synchronous_core(ws, prompts)
    history = UndoHistory(core)
    day = dt.date(YEAR, 12, 31)
    text = (
        "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn Khu công nghiệp tính từ tháng "
        "08/2025 (chi đoàn mới: thêm vào ứng dụng ngày 15/07/2025, hơn một tháng sau khi đơn vị "
        "bắt đầu dùng ứng dụng)."
    )
    page = _page(qtbot, core, history, day)
    assert page.model.item_index("2.3").siblingAtColumn(COL_INDICATOR).data() == "100% / ≥ 100%"
    assert escape(text) in page.item_panel.indicator.text()
    assert _shown(ws, day) == [f"        Chỉ số: {LABEL}: {text} (đạt)"]


def test_a_chi_doan_deleted_during_the_year_reads_the_same(
    empty_ws: Workspace, qtbot: QtBot, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ấp 2, which missed March, deleted on 10/06: held to January–May on the page and in
    ``show``, in the same words."""
    ws = empty_ws
    monkeypatch.setattr(models, "utc_now", lambda: dt.datetime(YEAR, 1, 5, 3))
    ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="TĐ"))
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    monkeypatch.undo()
    for month in range(1, 13):
        held_meeting(ws, ap1, dt.date(YEAR, month, 10))
        if month in (1, 2, 4, 5):
            held_meeting(ws, ap2, dt.date(YEAR, month, 12))
    monkeypatch.setattr(models, "utc_now", lambda: dt.datetime(YEAR, 6, 10, 3))
    ws.branches.delete(ap2)
    monkeypatch.undo()
    ws.recognition.open(YEAR)
    core = synchronous_core(ws, prompts)
    history = UndoHistory(core)
    day = dt.date(YEAR, 12, 31)
    text = (
        "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%); Chi đoàn ấp 2 tính đến tháng 05/2025 "
        "(xóa khỏi danh sách ngày 10/06/2025)."
    )
    page = _page(qtbot, core, history, day)
    assert page.model.item_index("2.3").siblingAtColumn(COL_INDICATOR).data() == "50% / ≥ 100%"
    assert escape(text) in page.item_panel.indicator.text()
    assert _shown(ws, day) == [f"        Chỉ số: {LABEL}: {text} (chưa đạt)"]


REMARKS = "Tỉ lệ đoàn viên có nhận xét năm nay (%)"
NOT_RATED_YET = "Chưa đến kỳ đánh giá: đoàn viên được xếp loại vào cuối năm (tháng 12/2025)."
NO_ROUND = "Chưa có đợt xếp loại đoàn viên năm 2025."


@pytest.mark.parametrize(
    ("day", "verdict", "text"),
    [
        (dt.date(YEAR, 1, 1), "Chưa đến kỳ", NOT_RATED_YET),
        (dt.date(YEAR, 6, 30), "Chưa đến kỳ", NOT_RATED_YET),
        (dt.date(YEAR, 12, 1), "Chưa đạt", NO_ROUND),
        (dt.date(YEAR, 12, 31), "Chưa đạt", NO_ROUND),
    ],
)
def test_the_remarks_before_and_from_december_read_the_same(
    ws: Workspace, qtbot: QtBot, core: Core, history: UndoHistory,
    day: dt.date, verdict: str, text: str,
) -> None:  # fmt: skip
    """No rating round yet: item 1.2 is not due before December, in the words of the other
    figures not due; from 1 December it is not met. The page's cell and panel, ``show`` and
    its JSON say the same."""
    ws.recognition.open(YEAR)
    page = _page(qtbot, core, history, day, "1.2")
    assert page.model.item_index("1.2").siblingAtColumn(COL_INDICATOR).data() == verdict
    panel = page.item_panel.indicator.text()
    assert f">{verdict}</b>" in panel and escape(text) in panel
    assert _shown(ws, day, "1.2") == [f"        Chỉ số: {REMARKS}: {text} ({verdict.lower()})"]
    (item,) = [i for i in checklist_json(ws.recognition.view(YEAR, day))["items"]  # type: ignore[attr-defined]
               if i["code"] == "1.2"]  # fmt: skip
    (indicator,) = item["indicators"]
    assert indicator["met"] == {"Chưa đạt": False, "Chưa đến kỳ": None}[verdict]
