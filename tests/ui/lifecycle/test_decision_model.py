"""The check list of the decision dialogs: a model with one list of check states, "tick all"
in one pass, and the dialog's buttons on it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.decision_list import ALERT_COLOR, DecisionModel
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

CHECK = Qt.ItemDataRole.CheckStateRole


def _model(count: int) -> DecisionModel:
    model = DecisionModel(("Họ và tên", "Ngày sinh", "Chi đoàn"))
    ids = [f"id-{i:04d}" for i in range(count)]
    cells = [(f"Đoàn viên {i}", "01/01/1995", "Chi đoàn ấp Tân Phú") for i in range(count)]
    model.set_rows(ids, cells, [(2,) if i % 3 == 0 else () for i in range(count)])
    return model


def test_the_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = _model(5)
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert index.data(CHECK) == Qt.CheckState.Unchecked  # nobody is ticked at first
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) == QColor(ALERT_COLOR)
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    # A click on a box: the view hands the new state as a number.
    assert model.setData(index, Qt.CheckState.Checked.value, CHECK)
    assert index.data(CHECK) == Qt.CheckState.Checked
    assert not model.setData(model.index(0, 1), Qt.CheckState.Unchecked.value, CHECK)
    qtmodeltester.check(model)


def test_ticking_all_of_a_thousand_rows(qtbot: QtBot) -> None:
    model = _model(1000)
    assert model.checked_ids() == [] and model.checked_count == 0
    model.set_checked(10, True)
    assert model.checked_ids() == ["id-0010"]
    changed: list[tuple[QModelIndex, QModelIndex, list[int]]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first, last, roles)))
    with qtbot.wait_signal(model.checks_changed) as blocker:
        model.set_all_checked(True)
    assert blocker.args == [1000]
    assert model.checked_count == 1000
    assert model.checked_ids() == [f"id-{i:04d}" for i in range(1000)]
    assert all(model.index(row, 0).data(CHECK) == Qt.CheckState.Checked for row in range(1000))
    [(first, last, roles)] = changed  # one signal for the whole column
    assert (first.row(), first.column(), last.row(), last.column()) == (0, 0, 999, 0)
    assert roles == [CHECK]


def test_ticks_stay_on_the_members_still_listed() -> None:
    model = _model(4)
    model.set_checked(1, True)
    model.set_checked(3, True)
    ids = ["id-0003", "id-0009", "id-0000"]
    model.set_rows(ids, [("", "", "")] * 3, [()] * 3)
    assert model.checked_ids() == ["id-0003"] and model.checked_count == 1


def test_the_dialog_buttons_tick_and_untick_every_row(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    add_member("Lê Thị Hoa", "10/06/1995")
    add_member("Trần Văn Bình", "1995")
    dialog = ComingOfAgeDialog(synchronous_core(ws, ScriptedPrompts()), year=2025)
    qtbot.addWidget(dialog)
    assert dialog.checked_ids() == [] and not dialog.confirm_button.isEnabled()  # at first
    assert dialog.summary.text().endswith("— đã chọn 0.")
    dialog.check_all_button.click()
    assert len(dialog.checked_ids()) == 2 and dialog.confirm_button.isEnabled()
    assert dialog.summary.text().endswith("— đã chọn 2.")
    dialog.check_none_button.click()
    assert dialog.checked_ids() == [] and not dialog.confirm_button.isEnabled()
    assert dialog.summary.text().endswith("— đã chọn 0.")
