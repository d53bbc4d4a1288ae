"""The plan page in January: the target "chi đoàn meet every month" is "Chưa đến kỳ" until
January is over, as checklist item 2.3 reads, not counted missed in the summary."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.plans.targets import COL_ACHIEVED, COL_SHARE, SHARE_ROLE
from doancoso.ui.shell.undo import UndoHistory
from plan_data import make_plan_data
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _page(qtbot: QtBot, ws: Workspace, today: date) -> PlansPage:
    core = synchronous_core(ws, ScriptedPrompts())
    page = PlansPage(core, UndoHistory(core), today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1200, 680)
    page.show()
    return page


def test_chi_doan_meetings_are_not_due_until_january_is_over(ws: Workspace, qtbot: QtBot) -> None:
    """On 15/01/2026 Bà Điều has met, Xóm Mới not yet: the target read "50,0" with a red bar
    and the summary "0 đạt, 4 chưa đạt" counted it missed. It is "Chưa đến kỳ"; from 01/02
    it is judged."""
    make_plan_data(ws)
    page = _page(qtbot, ws, date(2026, 1, 15))
    assert page.summary_label.text() == (
        "5 chỉ tiêu: 0 đạt, 3 chưa đạt, 1 chưa có số liệu, 1 chưa đến kỳ (số liệu đến ngày "
        "15/01/2026). Cột “Nguồn số liệu”: “Đo tự động” là số ứng dụng tự tính."
    )
    row = 1  # "Chi đoàn sinh hoạt định kỳ hằng tháng"
    model = page.model
    assert model.target(row).text == "Chi đoàn sinh hoạt định kỳ hằng tháng"
    assert model.index(row, COL_ACHIEVED).data() == "50%"  # what was met so far
    share = model.index(row, COL_SHARE)
    assert (share.data(), share.data(SHARE_ROLE)) == ("Chưa đến kỳ", None)
    assert share.data(Qt.ItemDataRole.ToolTipRole) == (
        "Tháng 01 chưa kết thúc: chưa đánh giá đạt hay chưa đạt (số đạt được là các chi đoàn "
        "đã sinh hoạt trong tháng)."
    )
    february = _page(qtbot, ws, date(2026, 2, 1))
    assert february.summary_label.text().startswith(
        "5 chỉ tiêu: 0 đạt, 4 chưa đạt, 1 chưa có số liệu (số liệu đến ngày 01/02/2026)."
    )
    assert february.model.index(row, COL_SHARE).data() == "50,0"
