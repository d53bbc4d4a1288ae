"""Helpers of the bundle wizards' tests: members to carry, a stick, the wizards driven as a user
drives them (the real core, synchronously)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import ExportWizard
from doancoso.ui.bundle.import_wizard import BundleImportWizard
from doancoso.ui.common.drives import Drive
from doancoso.ui.shell.operations import Core
from scripted import ScriptedPrompts, synchronous_core

PASSWORD = "Hoa sen nở trên đầm 1990!"
TODAY = date(2026, 12, 4)
PEOPLE = (
    ("Nguyễn Văn An", "15/03/2000", "0912345678"),
    ("Trần Thị Bích", "02/09/2001", "0987654321"),
    ("Lê Văn Cường", "20/11/1999", "0901234567"),
)


def add_people(ws: Workspace) -> dict[str, str]:
    """The three members of :data:`PEOPLE`; name -> id."""
    return {
        name: ws.members.save({"full_name": name, "birth_date": birth, "phone": phone})
        for name, birth, phone in PEOPLE
    }


def add_people_and_a_scan(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    """:func:`add_people`, the first with a 200 KiB scan attached (random bytes: a bundle well
    past the 64 KiB a pulled-out stick takes or gives back)."""
    ids = add_people(ws)
    scan = tmp_path / "don-vao-doan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(200 * 1024) + b"\n%%EOF\n")
    ws.evidence.attach("members", ids["Nguyễn Văn An"], scan, caption="Đơn xin vào Đoàn")
    return ids


def stick(tmp_path: Path) -> Drive:
    root = tmp_path / "usb"
    root.mkdir(parents=True, exist_ok=True)
    return Drive(root, "USB_DOAN", "vfat", 3 * 1024**3, 8 * 1024**3)


def export_wizard(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts,
                  drives: list[Drive]) -> ExportWizard:  # fmt: skip
    wizard = ExportWizard(synchronous_core(ws, prompts), today=TODAY)
    wizard.find_drives = lambda: list(drives)
    qtbot.addWidget(wizard)
    return wizard


def export_through_gui(qtbot: QtBot, ws: Workspace, tmp_path: Path,
                       password: str | None = PASSWORD) -> Path:  # fmt: skip
    """Export a handover bundle onto the stick as a user does; returns the file."""
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    wizard.next_button.click()
    if password is None:
        wizard.password_panel.unencrypted.setChecked(True)
    else:
        wizard.password_panel.first.setText(password)
        wizard.password_panel.second.setText(password)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.result_ is not None, wizard.target_error.text()
    return Path(wizard.result_.path)


def long_export(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> tuple[Core, ExportWizard, Drive]:
    """The export wizard of a handover onto a stick, at its last page ("Xuất"), on the worker
    with its progress dialog: :func:`add_people`, the first with 40 MB of evidence, so that the
    export runs long enough to cancel. Returns the core, the wizard and the stick."""
    ids = add_people(ws)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(40 * 1024 * 1024) + b"\n%%EOF\n")
    ws.evidence.attach("members", ids["Nguyễn Văn An"], scan)
    usb = stick(tmp_path)
    core = Core(ws, ScriptedPrompts(), delay_ms=0)
    wizard = ExportWizard(core, today=TODAY)
    wizard.find_drives = lambda: [usb]
    qtbot.addWidget(wizard)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    return core, wizard, usb


@contextmanager
def handed_over(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> Iterator[tuple[Path, Workspace]]:
    """:func:`add_people` on ``ws``, exported as a user does (:func:`export_through_gui`), and a
    new PC's empty data folder ("may-moi") to take it: (the bundle, the new PC's workspace),
    closed at the end of the ``with``."""
    add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    with Workspace.open(tmp_path / "may-moi") as fresh:
        yield bundle, fresh


def import_wizard(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> BundleImportWizard:
    wizard = BundleImportWizard(synchronous_core(ws, prompts))
    qtbot.addWidget(wizard)
    return wizard


def open_bundle(wizard: BundleImportWizard, bundle: Path, password: str | None = PASSWORD) -> None:
    """Step 1 of the import wizard, as a user does it: ``bundle`` chosen with "Chọn tệp…",
    ``password`` typed (none typed when None), "Tiếp"."""
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    if password is not None:
        wizard.password_edit.setText(password)
    wizard.next_button.click()


def phones(ws: Workspace) -> dict[str, str | None]:
    return {
        ws.members.get(i).fields.full_name: ws.members.get(i).fields.phone
        for i in ws.members.ids()
    }  # fmt: skip


def import_to_plan(qtbot: QtBot, ws: Workspace, bundle: Path,
                   prompts: ScriptedPrompts | None = None) -> BundleImportWizard:  # fmt: skip
    """The import wizard on ``bundle`` (its password :data:`PASSWORD`), taken through "Tiếp"
    twice to its dry run, as a user does."""
    from doancoso.ui.bundle.import_wizard import PLAN_PAGE

    wizard = import_wizard(qtbot, ws, prompts or ScriptedPrompts())
    open_bundle(wizard, bundle)
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.info_error.text()
    return wizard


def tab_stops(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget | None]:
    """The widgets holding the focus as Tab is pressed ``presses`` times from ``start`` (in a
    window shown and active)."""
    start.setFocus()
    stops: list[QWidget | None] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops
