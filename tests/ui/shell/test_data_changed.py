"""Every write of the GUI is an operation that announces what it changed: one data-changed
signal carrying the tables (and rows) the core's storage saw written, and nothing for reads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.changes import Changes
from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.shell import dialogs
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.form import YouthFormDialog
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

Script = Callable[[QDialog], None]


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    """Two chi đoàn, three members (one born in 1995: 30 in 2025, one on temporary activity
    whose stay ended), one young person."""
    tan_phu = ws.branches.create("Chi đoàn ấp Tân Phú").id
    ws.branches.create("Chi đoàn ấp Xóm Mới")
    ids = {
        "an": ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                               "branch_id": tan_phu}),
        "hoa": ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "10/06/1995",
                                "branch_id": tan_phu}),
        "hanh": ws.members.save({"full_name": "Nguyễn Thị Hạnh", "birth_date": "12/03/2001"}),
        "thuy": ws.youth.save({"full_name": "Trần Thị Thủy", "birth_date": "12/03/2004",
                               "hamlet": "Ấp Tân Phú"}),
        "tan_phu": tan_phu,
    }  # fmt: skip
    ws.events.record(ids["hanh"], "temporary", "01/09/2024", home_organization="Đoàn phường 5",
                     period_start="01/09/2024", period_end="30/06/2025")  # fmt: skip
    return ids


@pytest.fixture
def window(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, people: dict[str, str]
) -> MainWindow:
    """The main window on ``people``, its roster showing every member."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.roster.status_combo.setCurrentIndex(window.roster.status_combo.findData(None))
    return window


def _announced(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> Changes:
    """The one announcement ``action`` makes."""
    seen: list[Changes] = []
    window.data_changed.changed.connect(seen.append)
    action()
    window.data_changed.changed.disconnect(seen.append)
    assert len(seen) == 1, seen
    return seen[0]


def _script(prompts: ScriptedPrompts, kind: type[QDialog], script: Script) -> None:
    def checked(dialog: QDialog) -> None:
        assert isinstance(dialog, kind)
        script(dialog)

    prompts.dialog_script = checked


def test_saving_a_member_announces_that_member(
    qtbot: QtBot, window: MainWindow, ws: Workspace, prompts: ScriptedPrompts,
    people: dict[str, str],
) -> None:  # fmt: skip
    roster = window.roster
    roster.select_member(people["an"])

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog)
        dialog.set_value("full_name", "Nguyễn Văn Ân")
        dialog.save_button.click()

    prompts.dialog_script = rename
    with qtbot.wait_signal(
        window.data_changed.changed,
        check_params_cb=lambda changes: changes.ids("members") == {people["an"]},
    ) as blocker:
        roster.edit_member()
    assert not blocker.args[0].touches("branches", "youths", "member_events")
    assert ws.members.get(people["an"]).fields.full_name == "Nguyễn Văn Ân"

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog)
        dialog.set_value("full_name", "Phạm Văn Đồng")
        dialog.set_value("birth_date", "02/09/2000")
        dialog.save_button.click()

    prompts.dialog_script = add
    changes = _announced(qtbot, window, roster.add_member)
    assert changes.ids("members") == set(roster.selected_ids())


def test_an_invalid_member_form_announces_nothing(
    qtbot: QtBot, window: MainWindow, prompts: ScriptedPrompts, people: dict[str, str]
) -> None:
    kept: list[str] = []

    def invalid(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog)
        dialog.set_value("full_name", "Phạm Văn Đồng")
        dialog.save_button.click()  # no birth date: stays open, nothing lost
        kept.append(dialog.raw()["full_name"])
        assert dialog.errors.message("birth_date") and dialog.result() == 0

    prompts.dialog_script = invalid
    with qtbot.assert_not_emitted(window.data_changed.changed):
        window.roster.add_member()
    assert kept == ["Phạm Văn Đồng"]


def test_events_announce_the_member_and_its_events(
    qtbot: QtBot, window: MainWindow, ws: Workspace, prompts: ScriptedPrompts,
    people: dict[str, str],
) -> None:  # fmt: skip
    roster = window.roster
    roster.select_member(people["an"])

    def transfer_out(dialog: EventDialog) -> None:
        dialog.set_kind("transfer_out")
        dialog.set_value("date", "15/03/2025")
        dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
        dialog.save_button.click()

    _script(prompts, EventDialog, transfer_out)  # type: ignore[arg-type]
    changes = _announced(qtbot, window, roster.record_event)
    event_id = ws.events.history(people["an"])[-1].id
    assert changes.ids("members") == {people["an"]}
    assert changes.ids("member_events") == {event_id}

    def delete_it(dialog: MemberFormDialog) -> None:
        assert dialog.timeline is not None
        dialog.timeline.select_row(0)
        dialog.timeline.delete_button.click()
        dialog.reject()

    prompts.answer = True
    _script(prompts, MemberFormDialog, delete_it)  # type: ignore[arg-type]
    roster.select_member(people["an"])
    changes = _announced(qtbot, window, roster.edit_member)
    assert changes.ids("member_events") == {event_id} and changes.touches("members")
    assert ws.members.get(people["an"]).fields.status == "active"


def test_deleting_undoing_and_moving_members(
    qtbot: QtBot, window: MainWindow, ws: Workspace, prompts: ScriptedPrompts,
    people: dict[str, str],
) -> None:  # fmt: skip
    roster = window.roster
    roster.select_member(people["an"])
    prompts.answer = True
    changes = _announced(qtbot, window, roster.delete_selected)
    assert changes.ids("members") == {people["an"]}
    assert _announced(qtbot, window, window.undo_action.trigger).ids("members") == {people["an"]}
    assert _announced(qtbot, window, window.redo_action.trigger).ids("members") == {people["an"]}
    window.undo_action.trigger()

    roster.select_member(people["hoa"])
    prompts.choice = "Chi đoàn ấp Xóm Mới"
    changes = _announced(qtbot, window, roster.move_selected)
    assert changes.ids("members") == {people["hoa"]} and not changes.touches("branches")


def _coming_of_age(dialog: ComingOfAgeDialog) -> None:
    """Everyone of 2025 come of age, confirmed on 15/12/2025 (Hoa, of ``people``)."""
    dialog.year_spin.setValue(2025)
    dialog.check_all_button.click()
    dialog.date_edit.setText("15/12/2025")
    dialog.confirm_button.click()


def _end_stays(dialog: TemporaryStaysDialog) -> None:
    """Every ended stay of temporary activity ended on 01/07/2025 (Hạnh's, of ``people``)."""
    dialog.check_all_button.click()
    dialog.date_edit.setText("01/07/2025")
    dialog.confirm_button.click()


def test_decisions_announce_the_members_and_their_events(
    qtbot: QtBot, window: MainWindow, prompts: ScriptedPrompts, people: dict[str, str]
) -> None:
    _script(prompts, ComingOfAgeDialog, _coming_of_age)  # type: ignore[arg-type]
    changes = _announced(qtbot, window, lambda: dialogs.coming_of_age(window))
    assert changes.ids("members") == {people["hoa"]} and changes.touches("member_events")

    _script(prompts, TemporaryStaysDialog, _end_stays)  # type: ignore[arg-type]
    changes = _announced(qtbot, window, lambda: dialogs.temporary_stays(window))
    assert changes.ids("members") == {people["hanh"]} and changes.touches("member_events")


def test_decisions_say_how_many_in_the_status_bar(
    window: MainWindow, prompts: ScriptedPrompts
) -> None:
    """The "Đoàn viên" menu's decisions of a whole list say in the window's status bar how
    many members they were recorded for, as the pages' own messages do."""
    _script(prompts, ComingOfAgeDialog, _coming_of_age)  # type: ignore[arg-type]
    window.coming_of_age_action.trigger()
    message = window.statusBar().currentMessage()
    assert message == "Đã ghi nhận trưởng thành Đoàn cho 1 đoàn viên."

    _script(prompts, TemporaryStaysDialog, _end_stays)  # type: ignore[arg-type]
    window.temporary_action.trigger()
    assert window.statusBar().currentMessage() == "Đã kết thúc sinh hoạt tạm cho 1 đoàn viên."
    window.show_message("Đã lưu.")  # the window's own way for any message of the shell
    assert window.statusBar().currentMessage() == "Đã lưu."


def test_the_youth_register_announces_youths(
    qtbot: QtBot, window: MainWindow, ws: Workspace, prompts: ScriptedPrompts,
    people: dict[str, str],
) -> None:  # fmt: skip
    youth = window.youth
    youth.select_youth(people["thuy"])

    def edit(dialog: YouthFormDialog) -> None:
        dialog.set_value("phone", "0912345678")
        dialog.save_button.click()

    _script(prompts, YouthFormDialog, edit)  # type: ignore[arg-type]
    changes = _announced(qtbot, window, youth.edit_youth)
    assert changes.ids("youths") == {people["thuy"]} and not changes.touches("members")

    prompts.answer = True
    changes = _announced(qtbot, window, youth.delete_selected)
    assert changes.ids("youths") == {people["thuy"]}
    window.undo_action.trigger()

    def admit(dialog: AdmitDialog) -> None:
        dialog.date_edit.setText("26/03/2025")
        dialog.admit_button.click()

    youth.select_youth(people["thuy"])
    _script(prompts, AdmitDialog, admit)  # type: ignore[arg-type]
    changes = _announced(qtbot, window, youth.admit_selected)
    admitted = ws.youth.get(people["thuy"]).admitted_member_id
    assert admitted is not None
    assert changes.ids("youths") == {people["thuy"]}
    assert changes.ids("members") == {admitted} and changes.touches("member_events")


def test_chi_doan_writes_announce_branches(
    qtbot: QtBot, window: MainWindow, ws: Workspace, prompts: ScriptedPrompts,
    people: dict[str, str],
) -> None:  # fmt: skip
    page = window.branches

    def name(text: str) -> Script:
        def script(dialog: QDialog) -> None:
            assert isinstance(dialog, BranchNameDialog)
            dialog.name_edit.setText(text)
            dialog.try_accept()

        return script

    prompts.dialog_script = name("Chi đoàn ấp Kênh Xáng")
    changes = _announced(qtbot, window, page.add_branch)
    created = ws.branches.find("Chi đoàn ấp Kênh Xáng")
    assert created is not None and changes.ids("branches") == {created.id}

    page.select_branch(created.id)
    prompts.dialog_script = name("Chi đoàn ấp Cái Đôi")
    assert _announced(qtbot, window, page.rename_selected).ids("branches") == {created.id}

    prompts.answer = True
    page.select_branch(created.id)
    assert _announced(qtbot, window, page.delete_selected).ids("branches") == {created.id}

    page.select_branch(people["tan_phu"])
    prompts.choice = "Chi đoàn ấp Xóm Mới"
    changes = _announced(qtbot, window, page.merge_selected)
    assert people["tan_phu"] in (changes.ids("branches") or {people["tan_phu"]})
    assert changes.touches("members")
    assert ws.branches.find("Chi đoàn ấp Tân Phú") is None


def test_settings_announce_the_organisation_and_the_title_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    settings = window.settings
    settings.form.editors["name"].setText("Đoàn xã Tân Hưng Đông")
    changes = _announced(qtbot, window, settings.save_button.click)
    assert changes.touches("organizations") and not changes.touches("members")
    assert window.windowTitle() == "Đoàn cơ sở 3 chủ động — Đoàn xã Tân Hưng Đông"


def test_exports_and_prints_announce_nothing(
    qtbot: QtBot, window: MainWindow, prompts: ScriptedPrompts, tmp_path: Path,
    people: dict[str, str],
) -> None:  # fmt: skip
    youth = window.youth
    paths = iter([tmp_path / "tn.xlsx", tmp_path / "tn.pdf"])
    youth.ask_save_path = lambda *_args: next(paths)  # type: ignore[method-assign]
    prompts.dialog_script = accept_print_dialog
    prompts.answer = False  # "Mở tệp để xem và in?": not opened
    with qtbot.assert_not_emitted(window.data_changed.changed):
        youth.export_button.click()
        youth.print_button.click()
    assert (tmp_path / "tn.xlsx").is_file() and (tmp_path / "tn.pdf").is_file()
