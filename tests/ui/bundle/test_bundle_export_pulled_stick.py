"""Xuất dữ liệu ra USB with the stick pulled out mid-way (#17): half way through the write, at
the flush or at the read-back (:func:`breakage.pulled_stick`). The wizard stays at its target
step saying, on the page, that the stick was pulled out or cannot be written and to plug it back
and export again; no file is on the stick, under the final name or a temporary one; once the
stick is back, "Xuất" again writes the bundle. A cancel whose temporary file the stick keeps
names it too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from breakage import backing_of, pulled_stick
from bundle_gui import PASSWORD, add_people_and_a_scan, export_wizard, long_export, stick
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import DONE_PAGE, TARGET_PAGE
from scripted import ScriptedPrompts

NAME = "doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs"


@pytest.mark.parametrize(
    ("at", "error", "gone"),
    [("write", "EIO", False), ("fsync", "ENXIO", False), ("read", "ENODEV", False),
     ("write", "ENODEV", True)],
)  # fmt: skip
def test_a_stick_pulled_out_is_said_on_the_page_and_leaves_no_file(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, at: str, error: str, gone: bool
) -> None:
    add_people_and_a_scan(ws, tmp_path)
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.name_edit.text() == NAME
    with pulled_stick(usb.root, at, error, gone=gone):
        wizard.export_button.click()
        assert wizard.page == TARGET_PAGE and wizard.result_ is None
        left = [p.name for p in backing_of(usb.root).iterdir()]
        kept = "không có tệp dở dang nào được để lại."
        if gone:  # the temporary file could not be removed: named, never under the final name
            (temp,) = left
            assert temp.startswith(f".{NAME}.") and temp.endswith(".doancoso.tmp")
            kept = (
                f"Tệp dở dang “{temp}” có thể còn trên USB: đó không phải gói dữ liệu, có thể "
                "xóa đi; lần xuất sau vào thư mục này sẽ tự xóa nó."
            )
        else:
            assert left == []
        assert wizard.target_error.text() == (
            f"Không ghi được gói dữ liệu “{usb.root / NAME}”: USB đã bị rút ra hoặc ổ đĩa không "
            "còn đọc ghi được: hãy cắm lại USB rồi xuất lại. Tệp cũ cùng tên (nếu có) vẫn còn "
            f"nguyên{'. ' if gone else '; '}{kept}"
        )
        assert wizard.export_button.isEnabled()
    wizard.export_button.click()  # the stick plugged back in
    assert wizard.page == DONE_PAGE and wizard.target_error.text() == ""
    assert [p.name for p in usb.root.iterdir()] == [NAME]
    assert ws.bundles.inspect(usb.root / NAME, PASSWORD).evidence_files == 1


def test_a_cancel_whose_temporary_file_stays_on_the_stick_names_it(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """ "Hủy" half way, and the stick pulled out as the temporary file is being removed: the
    page names that file rather than saying nothing was left (a cancel that removed it says
    "Đã hủy: chưa có tệp nào được lưu.": test_bundle_export_wizard.py)."""
    core, wizard, usb = long_export(qtbot, ws, tmp_path)
    with pulled_stick(usb.root, "unlink", "ENODEV", gone=True):
        backing = backing_of(usb.root)
        wizard.export_button.click()
        qtbot.waitUntil(lambda: core.runner.dialog is not None and any(backing.iterdir()))
        assert core.runner.dialog is not None
        (cancel,) = core.runner.dialog.findChildren(QPushButton)
        cancel.click()  # while the temporary file is being written
        qtbot.waitUntil(lambda: not core.runner.busy, timeout=20000)
        (temp,) = [p.name for p in backing.iterdir()]
        assert temp.startswith(f".{NAME}.") and temp.endswith(".doancoso.tmp")
        assert wizard.target_error.text() == (
            f"Đã hủy: gói dữ liệu chưa được lưu. Tệp cũ cùng tên (nếu có) vẫn còn nguyên. Tệp "
            f"dở dang “{temp}” có thể còn trên USB: đó không phải gói dữ liệu, có thể xóa đi; "
            "lần xuất sau vào thư mục này sẽ tự xóa nó."
        )
        assert wizard.page == TARGET_PAGE and wizard.result_ is None
        assert wizard.export_button.isEnabled()
