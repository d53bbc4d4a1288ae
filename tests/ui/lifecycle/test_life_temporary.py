"""Sinh hoạt tạm: the stays that ended, ending them together, and the reminder at start."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def record_stay_without_home(ws: Workspace, member_id: str, when: str, **details: str) -> str:
    """A temporary stay with no home organisation, as recorded before it was required: recorded
    with one, then blanked in the database."""
    event_id = ws.events.record(member_id, "temporary", when, home_organization="?", **details)
    with ws.db.transaction() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None
        event.home_organization = None
    return event_id


def _stays(ws: Workspace, add_member: AddMember) -> dict[str, str]:
    ids = {
        "hanh": add_member("Nguyễn Thị Hạnh", "12/03/2001", branch="Chi đoàn ấp Tân Phú"),
        "bao": add_member("Trần Văn Bảo", "01/02/2000", branch="Chi đoàn ấp Tân Phú"),
        "an": add_member("Lê Văn An", "05/05/2002"),
    }
    ws.events.record(ids["hanh"], "temporary", "01/09/2024", home_organization="Đoàn phường 5",
                     period_start="01/09/2024", period_end="30/06/2025")  # fmt: skip
    ws.events.record(ids["bao"], "temporary", "15/01/2025", home_organization="Đoàn xã Khánh An",
                     period_start="15/01/2025", period_end="15/01/2100")  # fmt: skip
    return ids


def test_lists_the_ended_stays_then_every_stay(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    _stays(ws, add_member)
    dialog = TemporaryStaysDialog(synchronous_core(ws, prompts), today=date(2025, 7, 1))
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Nguyễn Thị Hạnh"]
    assert [dialog.model.index(0, c).data() for c in range(5)] == [
        "Nguyễn Thị Hạnh", "Chi đoàn ấp Tân Phú", "Đoàn phường 5", "01/09/2024",
        "30/06/2025 (hết hạn)",
    ]  # fmt: skip
    assert dialog.summary.text().startswith("1 đoàn viên sinh hoạt tạm đã hết hạn — đã chọn 0.")
    assert not dialog.confirm_button.isEnabled()  # nobody is ticked at first
    dialog.check_all_button.click()
    dialog.ended_check.setChecked(False)
    assert dialog.names() == ["Trần Văn Bảo", "Nguyễn Thị Hạnh"]  # Vietnamese name order
    assert dialog.model.index(0, 4).data() == "15/01/2100"
    # the stay that goes on is not ticked by the change of filter; Hạnh's tick stays
    assert dialog.summary.text().startswith(
        "2 đoàn viên sinh hoạt tạm (trong đó 1 đã hết hạn) — đã chọn 1."
    )
    dialog.check_none_button.click()
    assert not dialog.confirm_button.isEnabled()


def test_ending_the_checked_stays_from_the_menu(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _stays(ws, add_member)
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.load_rest()
    assert window.statusBar().currentMessage() == (
        "Có 1 đoàn viên đã hết thời hạn sinh hoạt tạm: xem ở Đoàn viên → Sinh hoạt tạm…"
    )
    assert set(window.roster.model.ids) == set(ids.values())

    def end(dialog: QDialog) -> None:
        assert isinstance(dialog, TemporaryStaysDialog)
        dialog.ended_check.setChecked(False)
        assert dialog.checked_ids() == []
        dialog.set_checked(ids["bao"], True)
        assert dialog.checked_ids() == [ids["bao"]]
        dialog.date_edit.setText("01/07/2025")
        dialog.number_edit.setText("12-GT/ĐTN")
        dialog.confirm_button.click()

    prompts.dialog_script = end
    window.temporary_action.trigger()
    assert prompts.infos == [
        "Đã kết thúc sinh hoạt tạm cho 1 đoàn viên (chuyển sinh hoạt về đơn vị gốc). "
        "Các đoàn viên này không còn trong danh sách đang sinh hoạt."
    ]
    last = ws.events.history(ids["bao"])[-1]
    assert (last.kind, last.other_organization, last.number) == (
        "transfer_out", "Đoàn xã Khánh An", "12-GT/ĐTN"
    )  # fmt: skip
    assert set(window.roster.model.ids) == {ids["hanh"], ids["an"]}
    assert window.statusBar().currentMessage() == "Đã kết thúc sinh hoạt tạm cho 1 đoàn viên."


def test_a_stay_without_home_is_refused_and_nothing_changes(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _stays(ws, add_member)
    record_stay_without_home(ws, ids["an"], "01/01/2025", period_end="31/05/2025")
    dialog = TemporaryStaysDialog(synchronous_core(ws, prompts), today=date(2025, 7, 1))
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Lê Văn An", "Nguyễn Thị Hạnh"]
    dialog.check_all_button.click()
    dialog.confirm_button.click()
    assert prompts.errors == [
        "Chưa ghi đơn vị gốc của đoàn viên Lê Văn An: hãy ghi “Chuyển sinh hoạt đi” cho đoàn "
        "viên này trong tab “Quá trình”."
    ]
    assert dialog.confirmed == 0
    assert [len(ws.events.history(ids[k])) for k in ("an", "hanh")] == [1, 1]
