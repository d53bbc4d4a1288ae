"""Nhận dữ liệu từ USB given each hostile or broken bundle of #17 (tests/hostile_bundles.py),
into an installation holding data and evidence files: the wizard stops at the step that finds
it (the file at the first step, a row at the dry run) showing the exact Vietnamese message on
the page, never reaches its result, and the database (every row of every table), the evidence
store (every file's bytes) and the backups are as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bundle_gui import import_wizard
from data_state import data_state
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import FILE_PAGE, INFO_PAGE, PLAN_PAGE, RESULT_PAGE
from hostile_bundles import CASES, Sources, make_sources, no_leftovers, prepared
from scripted import ScriptedPrompts


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return make_sources(tmp_path_factory.mktemp("hostile-wizard"))


@pytest.mark.parametrize("case", list(CASES))
def test_the_wizard_refuses_a_hostile_bundle_and_changes_nothing(
    qtbot: QtBot, sources: Sources, tmp_path: Path, case: str
) -> None:
    receiver, bundle, message = prepared(sources, tmp_path, case)
    password = CASES[case].password
    before = data_state(receiver)
    prompts = ScriptedPrompts()
    with Workspace.open(receiver) as ws:
        wizard = import_wizard(qtbot, ws, prompts)
        wizard.ask_open_path = lambda _title: bundle
        wizard.browse_button.click()
        if password is not None:
            wizard.password_edit.setText(password)
        wizard.next_button.click()  # the file read, checked and held
        if wizard.page == FILE_PAGE:
            shown = wizard.file_error.text()
        else:
            assert wizard.page == INFO_PAGE
            wizard.next_button.click()  # the dry run
            if wizard.page == INFO_PAGE:
                shown = wizard.info_error.text()
            else:
                assert wizard.page == PLAN_PAGE
                wizard.import_button.click()
                shown = wizard.plan_error.text()
        assert shown == message
        assert wizard.page != RESULT_PAGE and wizard.applied is None
        assert prompts.errors == []  # said on the page, no message box
        wizard.close()
    assert data_state(receiver) == before
    assert no_leftovers(receiver)
