"""The youth register's page with the app's threaded runner: the hamlet filter's choices are
read on the worker (the core's caches are the worker's), never on the GUI thread, and read
again when a young person of a new hamlet is added."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.youth.page import YouthPage
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts


def _choices(page: YouthPage) -> list[str]:
    return [page.hamlet_combo.itemText(i) for i in range(page.hamlet_combo.count())]


def test_the_hamlets_are_read_on_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_on = record_reads(youth_ws.youth, monkeypatch, "hamlets")
    core = Core(youth_ws, prompts)  # threaded, as in the app
    page = YouthPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.hamlet_combo.count() == 3, timeout=10_000)
    assert _choices(page) == ["Tất cả", "Ấp Kênh Xáng", "Ấp Tân Hưng"]
    page.hamlet_combo.setCurrentIndex(2)  # "Ấp Tân Hưng", kept when the choices are read again

    raw = {"full_name": "Lý Văn Ba", "birth_date": "02/02/2004", "hamlet": "Ấp Bào Sen"}
    CoreOp(page, lambda ws: ws.youth.save(raw), core).run()
    qtbot.waitUntil(lambda: page.hamlet_combo.count() == 4, timeout=10_000)
    assert _choices(page) == ["Tất cả", "Ấp Bào Sen", "Ấp Kênh Xáng", "Ấp Tân Hưng"]
    assert page.hamlet_combo.currentText() == "Ấp Tân Hưng"
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_form_reads_its_hamlets_on_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hamlet completer of the youth form offers the register's hamlets, read on the
    worker when the form opens (the hamlets go through the core's collation cache)."""
    from doancoso.ui.youth.form import YouthFormDialog

    read_on = record_reads(youth_ws.youth, monkeypatch, "hamlets")
    core = Core(youth_ws, prompts)  # threaded, as in the app
    dialog = YouthFormDialog(core)
    qtbot.addWidget(dialog)
    hamlet = dialog.editors["hamlet"]
    assert isinstance(hamlet, QLineEdit)
    completer = hamlet.completer()
    assert completer is not None
    qtbot.waitUntil(lambda: completer.model().rowCount() == 2, timeout=10_000)
    model = completer.model()
    offered = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert offered == ["Ấp Kênh Xáng", "Ấp Tân Hưng"]
    assert core.runner.wait()
    assert on_the_worker(read_on)
