"""The event dialog shows the core's age and home-organisation rules under the right field, and
writes nothing until they are met."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core
from steady import messages_fit, shown, spot

from .conftest import AddMember

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _dialog(qtbot: QtBot, ws: Workspace, member_id: str, prompts: ScriptedPrompts) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    return dialog


def _caption(dialog: EventDialog, name: str) -> str:
    item = dialog.form.itemAt(dialog._rows[name], QFormLayout.ItemRole.LabelRole)
    assert item is not None
    label = item.widget()
    assert isinstance(label, QLabel)
    return label.text()


def test_temporary_activity_without_a_home_organisation_is_shown_under_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.set_kind("temporary")
    assert dialog.field_shown("home_organization")
    assert "*" in _caption(dialog, "home_organization")  # marked required
    dialog.set_value("date", "01/03/2025")
    dialog.set_value("period_end", "01/03/2026")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "home_organization": "Cần nhập tên đơn vị gốc của đoàn viên."
    }
    assert dialog.errors.message("home_organization") != ""
    assert (dialog.event_id, prompts.errors, ws.events.history(an)) == (None, [], [])
    dialog.set_value("home_organization", "Đoàn phường 5")
    dialog.save_button.click()
    assert dialog.event_id is not None
    assert ws.members.get(an).fields.status == "temporary"


def test_coming_of_age_too_early_is_shown_under_the_date(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    young = add_member("Trần Thị Bé", "15/06/2007")
    dialog = _dialog(qtbot, ws, young, prompts)
    dialog.set_kind("matured")
    dialog.set_value("date", "15/06/2025")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "date": "Đoàn viên Trần Thị Bé chưa đến tuổi trưởng thành Đoàn (30 tuổi): sinh "
        "15/06/2007, đến năm 2037 mới tròn 30 tuổi."
    }
    assert (dialog.event_id, prompts.errors) == (None, [])
    assert ws.members.get(young).fields.status == "active"


def test_party_admission_before_eighteen_is_shown_under_the_date(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Võ Thị Em", "15/06/2007")
    dialog = _dialog(qtbot, ws, member, prompts)
    dialog.set_kind("party_admission")
    dialog.set_value("date", "14/06/2025")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 15/06/2007, vào Đảng 14/06/2025."
    }
    assert (dialog.event_id, prompts.errors) == (None, [])
    dialog.set_value("date", "15/06/2025")
    dialog.save_button.click()
    assert dialog.event_id is not None
    assert dialog.errors.messages() == {}


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_changing_the_kind_keeps_the_dialog_and_its_buttons_in_place(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.show()
    qtbot.waitExposed(dialog)

    def placed() -> tuple[QSize, QPoint, QPoint]:
        layout = dialog.layout()
        assert layout is not None
        layout.activate()
        corner = QPoint(0, 0)
        return (
            dialog.size(),
            dialog.save_button.mapTo(dialog, corner),
            dialog.date_edit.mapTo(dialog, corner),  # the column of fields stays put too
        )

    first = placed()
    shown = []
    for kind in dialog.kinds:
        dialog.set_kind(kind)
        shown.append(sum(dialog.field_shown(name) for name in dialog._rows))
        assert placed() == first, kind
    assert min(shown) < max(shown)  # the kinds do show different rows
    size = dialog.size()
    assert size.height() >= dialog.sizeHint().height()  # nothing squeezed


def test_the_buttons_stay_in_place_under_two_messages_of_the_tallest_kind(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _dialog(qtbot, ws, an, prompts)
    shown(qtbot, dialog)
    dialog.set_kind("temporary")
    before = spot(qtbot, dialog.save_button)
    dialog.set_value("date", "")
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) == 2
    assert spot(qtbot, dialog.save_button) == before
