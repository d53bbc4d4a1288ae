"""The undo history is forgotten when the data change wholesale: after a backup is restored or
a bundle imported, "Làm lại" must not delete a member of the new data unasked (nor "Hoàn tác"
bring back one), whoever started the change: the history listens to the data-changed signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui
from doancoso.core.changes import NOTHING, REPLACED, Changes
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import RESULT_PAGE, BundleImportWizard
from doancoso.ui.settings.backups_dialog import BackupsDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


def _deleted_and_undone(qtbot: QtBot, history: UndoHistory, ws: Workspace, member: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    history.delete_members(parent, [member], "Xóa đoàn viên Nguyễn Văn An")
    assert member not in ws.members.ids()
    history.undo()  # restored: "Làm lại" would delete it again
    assert member in ws.members.ids() and history.canRedo()


def test_a_restore_forgets_the_history(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    people = add_people(ws)
    member = people["Nguyễn Văn An"]
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    _deleted_and_undone(qtbot, history, ws, member)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert prompts.infos[-1].startswith("Đã khôi phục dữ liệu từ ")
    assert history.count() == 0 and not history.canUndo() and not history.canRedo()
    history.redo()  # Ctrl+Shift+Z: nothing to do
    assert member in ws.members.ids() and ws.members.count() == 3


def test_a_refused_restore_keeps_the_history(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory, tmp_path: Path
) -> None:
    member = add_people(ws)["Nguyễn Văn An"]
    _deleted_and_undone(qtbot, history, ws, member)
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database")
    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    dialog.restore_file(bogus)
    assert history.canRedo()  # nothing changed: the history holds


def test_a_bundle_import_forgets_the_history(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    people = add_people(ws)
    first = export_through_gui(qtbot, ws, tmp_path / "1")
    other = Workspace.open(tmp_path / "may-khac")
    try:
        prompts = ScriptedPrompts()
        core = synchronous_core(other, prompts)
        _import(qtbot, core, first)
        history = UndoHistory(core)
        member = people["Nguyễn Văn An"]
        _deleted_and_undone(qtbot, history, other, member)
        bich = people["Trần Thị Bích"]
        ws.members.edit({"full_name": "Trần Thị Bích", "birth_date": "02/09/2001",
                         "phone": "0900000000"}, bich)  # fmt: skip
        second = export_through_gui(qtbot, ws, tmp_path / "2")
        _import(qtbot, core, second)
        assert history.count() == 0 and not history.canUndo() and not history.canRedo()
        history.redo()
        assert member in other.members.ids() and other.members.count() == 3
        assert other.members.get(bich).fields.phone == "0900000000"
    finally:
        other.close()


def _import(qtbot: QtBot, core: Core, bundle: Path) -> None:
    wizard = BundleImportWizard(core)
    qtbot.addWidget(wizard)
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    wizard.password_edit.setText(PASSWORD)
    wizard.next_button.click()
    wizard.next_button.click()
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE


def test_only_a_wholesale_change_forgets(history: UndoHistory, core: Core) -> None:
    history.push(QUndoCommand("Xóa đoàn viên Nguyễn Văn An"))  # one that does nothing
    core.announce(Changes.of({"members": None}))  # an ordinary write (another process's too)
    core.data_changed.changed.emit(Changes(everything=True))
    assert history.count() == 1
    core.announce(REPLACED)
    assert history.count() == 0
    assert not NOTHING.wholesale and Changes.of({"members": ["m"]}).merged(REPLACED).wholesale
