"""The target dialog: "Lưu" stays in place while the messages it can show at once appear."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.workspace import Workspace
from doancoso.ui.plans.target_dialog import MEASURED_HINT, TargetDialog
from doancoso.ui.shell.operations import Core
from plan_data import make_plan_data
from scripted import ScriptedPrompts
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_buttons_stay_in_place_under_every_message(qtbot: QtBot, core: Core) -> None:
    dialog = TargetDialog(core, 2026)
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.planned_edit.setText("hai mươi")
    dialog.achieved_edit.setText("-5")
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == [
        "Cần nhập nội dung chỉ tiêu.",
        "Phải là một số, ví dụ 20 hoặc 100.",
        "Số phải từ 0 đến 1.000.000.",
    ]
    assert spot(qtbot, dialog.save_button) == before
    assert dialog.saved_id is None


def test_saving_a_target_keeps_its_figures_of_a_thousand_and_more(qtbot: QtBot, core: Core) -> None:
    """The dialog shows 1500 as the page does, "1.500" (Vietnamese grouping); saving a corrected
    text must not read that back as 1,5, nor 66,67 as 66,7."""
    ws = core.ws
    ws.plans.create(2026)
    kinds = ws.activities.kind_names()
    target_id = ws.plans.add_target(
        2026,
        {"text": "Trồng cây xanh", "planned": "1500", "unit": "cây", "achieved": "1250,5"},
        kinds,
    )
    share_id = ws.plans.add_target(
        2026, {"text": "Chi đoàn vững mạnh", "planned": "66,67", "unit": "%"}, kinds
    )
    for tid, text in ((target_id, "Trồng 1.500 cây xanh"), (share_id, "Chi đoàn vững mạnh.")):
        dialog = TargetDialog(core, 2026, ws.plans.target(tid))
        shown(qtbot, dialog)
        dialog.text_edit.setPlainText(text)
        dialog.save()
        assert dialog.saved_id == tid
    trees, share = ws.plans.target(target_id), ws.plans.target(share_id)
    assert (trees.text, trees.planned, trees.achieved) == ("Trồng 1.500 cây xanh", 1500, 1250.5)
    assert (share.planned, share.achieved) == (66.67, None)
    # As typed by the secretary from the page: "1.000.000" is a million, "2.000,5" too grouped.
    ws.plans.save_target(target_id, {"text": "Vận động kinh phí", "planned": "1.000.000",
                                     "achieved": "2.000,5"}, kinds)  # fmt: skip
    assert (ws.plans.target(target_id).planned, ws.plans.target(target_id).achieved) == (
        1_000_000, 2000.5,
    )  # fmt: skip


def test_the_meetings_figure_of_january_says_it_is_not_due_yet(
    qtbot: QtBot, core: Core, ws: Workspace
) -> None:
    """On 15/01 the dialog of "chi đoàn meet every month" said "Hiện tính được đến ngày
    15/01/2026: 50%." as if judged, while the page reads it "Chưa đến kỳ". It says so; from
    01/02 the figure is judged and the hint is as before."""
    make_plan_data(ws)
    for day, said in (
        (date(2026, 1, 15), "Hiện tính được đến ngày 15/01/2026: 50% (chưa đến kỳ đánh giá: "
         "tháng 01/2026 chưa kết thúc, số đạt được là các chi đoàn đã sinh hoạt trong tháng)."),
        (date(2026, 2, 1), "Hiện tính được đến ngày 01/02/2026: 50%."),
    ):  # fmt: skip
        plan = ws.plans.get(2026, day)
        assert plan is not None
        target = plan.targets[1]
        assert target.measure == "branch-meetings"
        dialog = TargetDialog(core, 2026, target, format_vn_date(day), as_of=day)
        shown(qtbot, dialog)
        assert dialog.measure_hint.text() == f"{MEASURED_HINT} {said}"


DISCARD_TARGET = "Chỉ tiêu đã nhập chưa được lưu. Bỏ các thay đổi này?"


def test_esc_or_cancel_asks_before_dropping_a_typed_target(
    qtbot: QtBot, core: Core, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Esc or "Hủy" closed the dialog with its text typed and lost it without a word; the
    activity, roll-call and minutes dialogs ask first. Nothing typed, it closes at once."""
    dialog = TargetDialog(core, 2026)
    shown(qtbot, dialog)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert prompts.asked == [] and not dialog.isVisible()

    dialog = TargetDialog(core, 2026)
    shown(qtbot, dialog)
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Ket nap 20")
    prompts.answer = False
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert prompts.asked == [DISCARD_TARGET]
    assert dialog.isVisible() and dialog.text_edit.toPlainText() == "Ket nap 20"
    dialog.cancel_button.click()
    assert prompts.asked == [DISCARD_TARGET, DISCARD_TARGET] and dialog.isVisible()
    prompts.answer = True
    qtbot.keyClick(dialog.planned_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    ws.plans.create(2026)
    plan = ws.plans.get(2026, date(2026, 11, 30))
    assert plan is not None and plan.targets == ()


def test_an_existing_target_closes_at_once_when_unchanged(
    qtbot: QtBot, core: Core, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    make_plan_data(ws)
    plan = ws.plans.get(2026, date(2026, 11, 30))
    assert plan is not None
    for target in plan.targets:
        dialog = TargetDialog(core, 2026, target, "30/11/2026", as_of=date(2026, 11, 30))
        shown(qtbot, dialog)
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), target.text
    assert prompts.asked == []
    target = plan.targets[0]
    dialog = TargetDialog(core, 2026, target, "30/11/2026", as_of=date(2026, 11, 30))
    shown(qtbot, dialog)
    dialog.unit_edit.setText("người")
    prompts.answer = False
    qtbot.keyClick(dialog.unit_edit, Qt.Key.Key_Escape)
    assert prompts.asked == [DISCARD_TARGET] and dialog.isVisible()
    prompts.answer = True
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert ws.plans.target(target.id).unit == target.unit


def test_ctrl_enter_saves_from_the_target_s_text_where_enter_makes_a_new_line(
    qtbot: QtBot, core: Core
) -> None:
    """As in the activity form: Enter in "Nội dung chỉ tiêu" starts a new line, Ctrl+Enter
    saves the target from there (or from any field) without adding one."""
    core.ws.plans.create(2026)
    dialog = TargetDialog(core, 2026)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):  # shortcuts need an active window
        dialog.show()
        dialog.activateWindow()
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Trong cay xanh")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # a new line, not saved
    qtbot.keyClicks(dialog.text_edit, "o cac tuyen duong")
    assert dialog.saved_id is None and dialog.isVisible()

    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.saved_id is not None and not dialog.isVisible()
    assert core.ws.plans.target(dialog.saved_id).text == "Trong cay xanh\no cac tuyen duong"
    assert "Ctrl+Enter" in dialog.save_button.toolTip()


def test_loai_hoat_dong_greys_with_its_field(qtbot: QtBot, core: Core) -> None:
    """The label "Loại hoạt động" and its Alt+H are offered only while the result counts
    activities, "Đạt được" and its Alt+C only while the secretary types the result."""
    dialog = TargetDialog(core, 2026)
    shown(qtbot, dialog)
    kind, achieved = dialog.kind_combo, dialog.achieved_edit
    labels = {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy()}
    assert (labels[kind].text(), labels[achieved].text()) == ("Loại &hoạt động", "Đạt đượ&c")

    def greyed() -> list[bool]:
        return [not w.isEnabled() for w in (labels[kind], kind, labels[achieved], achieved)]

    assert greyed() == [True, True, False, False]  # "Bí thư nhập kết quả"
    measure = dialog.measure_combo
    measure.setCurrentIndex(measure.findData("activities"))
    assert greyed() == [False, False, True, True]
    measure.setCurrentIndex(0)
    assert greyed() == [True, True, False, False]


def test_dat_duoc_waits_for_the_plan_s_year(qtbot: QtBot, core: Core) -> None:
    """A plan made in advance: the page reads its targets "chưa đến kỳ (năm 2027 chưa bắt
    đầu)", and "Đạt được" is greyed out with its label, saying so, not offered to fill in; from
    01/01/2027 it is typed as ever."""
    dialog = TargetDialog(core, 2027, as_of=date(2026, 11, 20))
    shown(qtbot, dialog)
    achieved = dialog.achieved_edit
    labels = {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy()}
    assert (achieved.isEnabled(), labels[achieved].isEnabled()) == (False, False)
    assert achieved.placeholderText() == "Chưa đến kỳ"
    assert dialog.measure_hint.isVisible()
    assert dialog.measure_hint.text() == (
        "Chưa đến kỳ (năm 2027 chưa bắt đầu): kết quả đạt được nhập từ ngày 01/01/2027."
    )
    dialog = TargetDialog(core, 2027, as_of=date(2027, 1, 1))
    shown(qtbot, dialog)
    assert dialog.achieved_edit.isEnabled() and not dialog.measure_hint.isVisible()
    assert dialog.achieved_edit.placeholderText() == "Số đã đạt được đến nay"
