""" "Chép ra…" on the evidence panel: the selected files copied into the folder the secretary
picks (a USB stick), each under its own name as Windows accepts it, "ảnh (2).PNG" beside
"Ảnh.png", with their content; what was done, or why not, said in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.evidence_panel import THUMB, EvidencePanel
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

TABLE = "advice"
OWNER = "0b6f8c3e-4a51-4c1e-9a53-5f0f1f6b2d10"


def _panel(qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace) -> EvidencePanel:
    panel = EvidencePanel(
        core, history, empty_text="Chưa có tệp.", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=None,
    )  # fmt: skip
    qtbot.addWidget(panel)
    panel.set_target(
        lambda ws, path: ws.evidence.attach(TABLE, OWNER, path),
        ws.evidence.attachments(TABLE, OWNER),
    )
    return panel


def _attach_photos(ws: Workspace, tmp_path: Path, names: list[str]) -> None:
    for index, name in enumerate(names):
        image = QImage(200, 100, QImage.Format.Format_RGB32)
        image.fill(QColor(("#2e7d32", "#1565c0", "#d32f2f")[index]))
        path = tmp_path / f"may-khac-{index}" / name
        path.parent.mkdir()
        assert image.save(str(path), "PNG")  # type: ignore[call-overload]
        ws.evidence.attach(TABLE, OWNER, path)


def _select_all(panel: EvidencePanel) -> None:
    selection = panel.view.selectionModel()
    for row in range(panel.model.rowCount()):
        selection.select(panel.model.index(row), QItemSelectionModel.SelectionFlag.Select)


def test_the_selected_files_are_copied_under_names_windows_accepts(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path
) -> None:
    _attach_photos(ws, tmp_path, ["Ảnh.png", "ảnh.PNG", "CON.png"])
    panel = _panel(qtbot, core, history, ws)
    assert not panel.copy_button.isEnabled()  # nothing selected
    _select_all(panel)
    assert panel.copy_button.isEnabled()
    usb = tmp_path / "USB"
    panel.ask_folder = lambda: usb  # type: ignore[method-assign]
    said: list[str] = []
    panel.status.connect(said.append)
    panel.copy_button.click()
    assert said == [f"Đã chép 3 tệp vào thư mục “{usb}”."]
    copies = ["Ảnh.png", "ảnh (2).PNG", "CON_.png"]
    assert sorted(p.name for p in usb.iterdir()) == sorted(copies)
    for copy, file in zip(copies, ws.evidence.attachments(TABLE, OWNER), strict=True):
        assert (usb / copy).read_bytes() == ws.evidence.store.path(file.sha256).read_bytes()

    panel.view.selectionModel().clearSelection()
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.copy_button.click()  # the same file again: no copy there replaced ("ảnh (2).PNG")
    assert said[-1] == f"Đã chép tệp vào “{usb / 'Ảnh (3).png'}”."
    assert len(list(usb.iterdir())) == 4


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_copied(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    _attach_photos(ws, tmp_path, ["ảnh ra quân.png"])
    panel = _panel(qtbot, core, history, ws)
    panel.view.setCurrentIndex(panel.model.index(0))
    in_the_way = tmp_path / "USB"
    in_the_way.write_bytes(b"a file where the folder should be")
    panel.ask_folder = lambda: in_the_way / "minh chứng"  # type: ignore[method-assign]
    said: list[str] = []
    panel.status.connect(said.append)
    panel.copy_button.click()
    assert said == []
    assert prompts.errors == [
        f"Không chép được tệp minh chứng vào “{in_the_way / 'minh chứng'}”: một phần của đường "
        "dẫn là tệp, không phải thư mục. Hãy kiểm tra ổ đĩa rồi thử lại."
    ]

    panel.ask_folder = lambda: None  # type: ignore[method-assign]
    panel.copy_button.click()  # cancelled: nothing said
    assert said == [] and len(prompts.errors) == 1
