"""The target dialog: "Lưu" stays in place while the messages it can show at once appear."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.shell.operations import Core
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
