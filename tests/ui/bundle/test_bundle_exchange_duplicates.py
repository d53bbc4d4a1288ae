"""The same chi đoàn added on both copies of one organisation (issue #17's walkthrough): the
import wizard's dry run says so in words, naming it on both sides, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, import_wizard
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import INFO_PAGE
from scripted import ScriptedPrompts


def test_the_dry_run_names_a_chi_doan_added_on_both_copies(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        home.branches.create("Chi đoàn 1")
        ws.branches.create("Chi đoàn 1")
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        with pytest.raises(DuplicateRecords) as caught:
            ws.bundles.preview(bundle, PASSWORD)
        expected = caught.value.message
        assert expected.startswith("Chi đoàn mới trong tệp trùng tên với chi đoàn đã có")
        branches = sorted(b.name for b in ws.branches.list())
        wizard = import_wizard(qtbot, ws, ScriptedPrompts())
        wizard.ask_open_path = lambda _title: bundle
        wizard.browse_button.click()
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and not wizard.foreign
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and wizard.info_error.text() == expected
        assert "• “Chi đoàn 1”: thêm trên máy này ngày " in expected
        assert sorted(b.name for b in ws.branches.list()) == branches
    finally:
        home.close()
