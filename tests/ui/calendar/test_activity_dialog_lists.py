"""The activity form's lists at the size it opens with: fifteen chi đoàn and the plan's targets
read whole, long targets wrapped (no horizontal scrollbar), the form within a 1366×768 screen,
its buttons still while messages appear (the lists give up the height)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.checklist import CheckList
from doancoso.ui.shell.operations import Core
from scripted import ScriptedPrompts
from steady import messages_fit, settle, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HAMLETS = (
    "Bà Điều", "Bào Sen", "Cái Đôi", "Cây Dương", "Đất Sét", "Giồng Kè", "Kênh Xáng A",
    "Lung Tràm", "Ông Muộn", "Rạch Ráng", "Tân Điền", "Tân Thành", "Thạnh Điền", "Xóm Mới",
)  # fmt: skip
TARGETS = (
    "Kết nạp 285 đoàn viên mới",
    "Vận động 33 thanh niên trong sổ theo dõi vào Đoàn",
    "100% chi đoàn sinh hoạt định kỳ hằng tháng",
    "Tổ chức 4 đợt ra quân “Ngày Chủ nhật xanh”",
    "Tỉ lệ đoàn viên tham gia hoạt động đạt từ 80% trở lên",
    "Phối hợp Công an xã tổ chức 2 buổi tuyên truyền pháp luật cho thanh niên",
    "Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp",
)


@pytest.fixture
def big_ws(cal_ws: Workspace) -> Workspace:
    """Fifteen chi đoàn (the two of the calendar's tests and thirteen more) and a plan of 2026
    with seven targets, some longer than a line of the list."""
    for hamlet in HAMLETS[:13]:
        cal_ws.branches.create(f"Chi đoàn ấp {hamlet}")
    cal_ws.plans.create(2026)
    kinds = cal_ws.activities.kind_names()
    for text in TARGETS:
        cal_ws.plans.add_target(2026, {"text": text}, kinds)
    return cal_ws


def _opened(qtbot: QtBot, core: Core) -> ActivityDialog:
    dialog = ActivityDialog(core, None, dt.date(2026, 12, 5))
    shown(qtbot, dialog)  # within the usable height of a 768 px screen
    return dialog


def _rows_seen(view: CheckList) -> int:
    """The rows wholly inside the list's viewport."""
    height = view.viewport().height()
    rows = (view.visualRect(view.choices.index(r, 0)) for r in range(view.choices.rowCount()))
    return sum(1 for rect in rows if rect.top() >= 0 and rect.bottom() < height)


def test_every_chi_doan_and_target_is_read_whole(
    qtbot: QtBot, core: Core, big_ws: Workspace
) -> None:
    dialog = _opened(qtbot, core)
    assert dialog.width() <= 1366 and dialog.height() <= 728
    branches, targets = dialog.organiser.branches, dialog.targets
    assert branches.choices.rowCount() == 15 and targets.choices.rowCount() == 7
    assert _rows_seen(branches) == 15
    assert not branches.verticalScrollBar().isVisible()
    assert _rows_seen(targets) == 7
    assert not targets.verticalScrollBar().isVisible()
    for view in (branches, targets):
        assert not view.horizontalScrollBar().isVisible()
    # The long target wraps onto a second line, whole; its tooltip holds it too.
    fifth = targets.choices.item(4)
    assert fifth.text() == "5. Tỉ lệ đoàn viên tham gia hoạt động đạt từ 80% trở lên"
    assert fifth.toolTip() == fifth.text()
    one_line = targets.visualRect(targets.choices.index(0, 0)).height()
    assert targets.visualRect(targets.choices.index(4, 0)).height() > one_line
    assert targets.visualRect(targets.choices.index(4, 0)).width() <= targets.viewport().width()


def test_the_chi_doan_read_on_the_worker_are_read_whole(
    qtbot: QtBot, big_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """With the app's threaded runner the chi đoàn arrive once the form is open: it grows to
    show all fifteen."""
    core = Core(big_ws, prompts)
    dialog = ActivityDialog(core, None, dt.date(2026, 12, 5))
    shown(qtbot, dialog)
    branches = dialog.organiser.branches
    qtbot.waitUntil(lambda: branches.choices.rowCount() == 15, timeout=10_000)
    settle(qtbot)
    assert dialog.height() <= 728
    assert _rows_seen(branches) == 15
    assert not branches.verticalScrollBar().isVisible()
    assert core.runner.wait()


def test_a_small_screen_still_shows_a_few_rows(qtbot: QtBot, core: Core, big_ws: Workspace) -> None:
    dialog = _opened(qtbot, core)
    dialog.resize(dialog.width(), dialog.minimumSizeHint().height())
    settle(qtbot)
    assert _rows_seen(dialog.organiser.branches) >= 4
    assert _rows_seen(dialog.targets) >= 3  # four rows of room, some of them wrapped


def test_the_buttons_stay_in_place_under_the_messages(
    qtbot: QtBot, core: Core, big_ws: Workspace
) -> None:
    dialog = _opened(qtbot, core)
    before = spot(qtbot, dialog.save_button)
    dialog.edits["start_date"].setText("")
    dialog.edits["expected_participants"].setText("-3")
    dialog.organiser.some.setChecked(True)
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == [
        "Cần nhập tên hoạt động.",
        "Cần nhập ngày diễn ra.",
        "Chọn ít nhất một chi đoàn tổ chức (hoặc “Toàn Đoàn cơ sở”).",
        "Số người dự kiến phải là số nguyên dương.",
    ]
    assert spot(qtbot, dialog.save_button) == before
    assert _rows_seen(dialog.organiser.branches) >= 8
