"""Evidence files of a date: attached from the file dialog or dropped, photos as thumbnails, a
refused file said, opened as a named copy, captioned, detached with undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from pytestqt.qtbot import QtBot

from doancoso.core.activities.service import OCCURRENCE_TABLE
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.common.evidence_files import CaptionDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from shown_thumbnails import thumbnail_of

from .conftest import add_activity, first_occurrence

DECORATION = Qt.ItemDataRole.DecorationRole


@pytest.fixture
def occurrence(cal_ws: Workspace) -> str:
    return first_occurrence(cal_ws, add_activity(cal_ws, "Ngày Chủ nhật xanh", "29/03/2026"))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    photo = QImage(640, 480, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2e7d32"))
    paths = {"png": tmp_path / "don ve sinh.png", "jpg": tmp_path / "ảnh tập thể.jpg"}
    assert photo.save(str(paths["png"]))
    assert photo.save(str(paths["jpg"]), "JPG")  # type: ignore[call-overload]
    paths["pdf"] = tmp_path / "bao cao.pdf"
    paths["pdf"].write_bytes(b"%PDF-1.4\n% bao cao ket qua\n%%EOF\n")
    paths["txt"] = tmp_path / "ghi chu.txt"
    paths["txt"].write_text("không phải minh chứng", encoding="utf-8")
    return paths


def _dialog(qtbot: QtBot, core: Core, history: UndoHistory, occurrence: str) -> OccurrenceDialog:
    dialog = OccurrenceDialog(core, history, read_occurrence(core.ws, occurrence))
    qtbot.addWidget(dialog)
    return dialog


def _names(ws: Workspace, occurrence: str) -> list[str]:
    return [a.original_name for a in ws.evidence.attachments(OCCURRENCE_TABLE, occurrence)]


def test_attach_from_the_file_dialog(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, occurrence: str,
    files: dict[str, Path], prompts,
) -> None:  # fmt: skip
    dialog = _dialog(qtbot, core, history, occurrence)
    panel = dialog.evidence
    panel.ask_open_paths = lambda: [files["png"], files["txt"], files["pdf"]]  # type: ignore[method-assign]
    panel.attach_button.click()
    assert _names(cal_ws, occurrence) == ["don ve sinh.png", "bao cao.pdf"]
    assert prompts.errors == [
        "Tệp “ghi chu.txt” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, "
        "không theo phần mở rộng). Hãy lưu lại ở một trong các dạng đó."
    ]
    assert dialog.message.text() == "Đã đính kèm 2 tệp minh chứng."
    model = panel.model
    assert [model.index(r, 0).data() for r in range(2)] == ["don ve sinh.png", "bao cao.pdf"]
    thumb = thumbnail_of(qtbot, model, 0).pixmap(96, 96).toImage()  # read off the GUI thread
    assert (thumb.width(), thumb.height()) == (96, 72)  # the photo, scaled, its shape kept
    assert thumb.pixelColor(48, 36) == QColor("#2e7d32")
    assert (
        model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("don ve sinh.png\nảnh PNG, ")
    )
    assert not model.index(1, 0).data(DECORATION).isNull()  # the PDF's file icon


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_drop_files_onto_the_panel(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, occurrence: str,
    files: dict[str, Path],
) -> None:  # fmt: skip
    dialog = _dialog(qtbot, core, history, occurrence)
    dialog.show()
    panel = dialog.evidence
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["jpg"])), QUrl("https://example.org/a.png")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    panel.dropEvent(event)
    assert event.isAccepted()
    assert _names(cal_ws, occurrence) == ["ảnh tập thể.jpg"]


def test_open_caption_detach_and_undo(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, occurrence: str,
    files: dict[str, Path], prompts, tmp_path: Path,
) -> None:  # fmt: skip
    cal_ws.evidence.attach(OCCURRENCE_TABLE, occurrence, files["png"])
    cal_ws.evidence.attach(OCCURRENCE_TABLE, occurrence, files["pdf"])
    dialog = _dialog(qtbot, core, history, occurrence)
    panel = dialog.evidence
    assert not panel.open_button.isEnabled() and not panel.detach_button.isEnabled()
    opened: list[QUrl] = []
    panel.open_url = opened.append
    panel.view_folder = tmp_path / "xem"
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    assert panel.open_button.isEnabled() and panel.caption_button.isEnabled()
    panel.open_button.click()
    shown = Path(opened[0].toLocalFile())
    assert shown.name == "bao cao.pdf"  # the system's viewer needs the name and extension
    assert shown.parent.parent == tmp_path / "xem"
    assert shown.read_bytes() == files["pdf"].read_bytes()

    def caption(dialog: CaptionDialog) -> None:
        dialog.editor.setText("Báo cáo kết quả ra quân")
        dialog.date_edit.setText("31/02/2026")  # no such day: said, nothing saved
        dialog.submit()
        assert dialog.errors.messages() == {"taken_on": "Ngày 31/02/2026 không có trên lịch."}
        dialog.date_edit.setText("28/02/2026")
        dialog.submit()

    prompts.dialog_script = caption
    panel.caption_button.click()
    assert panel.model.index(1, 0).data() == "Báo cáo kết quả ra quân"
    saved = cal_ws.evidence.attachments("occurrences", occurrence)[1]
    assert (saved.caption, saved.taken_on) == ("Báo cáo kết quả ra quân", date(2026, 2, 28))

    panel.view.setCurrentIndex(panel.model.index(0, 0))
    panel.detach_button.click()
    assert _names(cal_ws, occurrence) == ["bao cao.pdf"]
    assert panel.model.rowCount() == 1
    assert dialog.message.text() == (
        "Đã gỡ tệp “don ve sinh.png” — bấm Hoàn tác (Ctrl+Z) để lấy lại."
    )
    assert dialog.undo_button.isVisibleTo(dialog)
    dialog.undo_button.click()
    assert _names(cal_ws, occurrence) == ["don ve sinh.png", "bao cao.pdf"]
    assert panel.model.rowCount() == 2 and dialog.message.text() == "Đã hoàn tác."
