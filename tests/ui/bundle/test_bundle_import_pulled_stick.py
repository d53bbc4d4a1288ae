"""Nhận dữ liệu từ USB with the stick pulled out while the file is read at step 1
(:func:`breakage.pulled_stick`): whatever the system's error for a device gone (EIO, ENODEV,
ENXIO), the page says that the USB may have been pulled out (ENODEV and ENXIO were "lỗi của hệ
điều hành (mã 19)"); nothing is kept of the reading;
once the stick is back, "Tiếp" reads the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from breakage import backing_of, pulled_stick
from bundle_gui import PASSWORD, add_people_and_a_scan, export_through_gui, import_wizard
from doancoso.core.bundle.service import TEMP_FOLDER
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import FILE_PAGE, INFO_PAGE
from scripted import ScriptedPrompts

IO_ERROR = "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra)"
DEVICE_GONE = "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)"


@pytest.mark.parametrize(
    ("error", "gone", "reason"),
    [("EIO", False, IO_ERROR), ("ENODEV", True, DEVICE_GONE), ("ENXIO", False, DEVICE_GONE)],
)
def test_a_stick_pulled_out_while_the_file_is_read(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, error: str, gone: bool, reason: str
) -> None:
    add_people_and_a_scan(ws, tmp_path)
    bundle = export_through_gui(qtbot, ws, tmp_path / "xuat")
    usb = tmp_path / "usb"
    usb.mkdir()
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        wizard = import_wizard(qtbot, fresh, ScriptedPrompts())
        wizard.ask_open_path = lambda _title: usb / bundle.name
        with pulled_stick(usb, "read", error, gone=gone):
            shutil.copy(bundle, backing_of(usb) / bundle.name)
            wizard.browse_button.click()
            wizard.password_edit.setText(PASSWORD)
            wizard.next_button.click()
            assert wizard.page == FILE_PAGE and wizard.held is None
            assert wizard.file_error.text() == (
                f"Không đọc được gói dữ liệu: {reason}. Không có gì được thay đổi."
            )
            assert list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []
        shutil.copy(bundle, usb / bundle.name)  # the stick plugged back in
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE, wizard.file_error.text()
        assert fresh.organization.get() is None
    finally:
        fresh.close()
