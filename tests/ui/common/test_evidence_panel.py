"""The evidence panel the calendar and the checklist share, where their own tests do not reach:
no record shown (nothing can be attached, a drop is refused), what is said after a caption
(the checklist's words, nothing in the calendar), the selection kept when only a caption
changed, what each empty list says, a photo that cannot be read, and the thumbnails kept
(read off the GUI thread: :mod:`test_evidence_thumbnails`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.errors import ValidationError
from doancoso.core.evidence.service import Attachment
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.evidence import EvidencePanel as DatePanel
from doancoso.ui.common import thumbnails
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.common.evidence_files import CaptionDialog
from doancoso.ui.common.evidence_panel import DECORATION, THUMB, EvidencePanel
from doancoso.ui.recognition.evidence import EvidencePanel as ChecklistPanel
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts
from shown_thumbnails import is_placeholder, thumbnail_of
from steady import messages_fit, shown, spot

TABLE = "advice"
OWNER = "0b6f8c3e-4a51-4c1e-9a53-5f0f1f6b2d10"


def _photo(folder: Path, name: str, colour: str) -> Path:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path), "PNG")  # type: ignore[call-overload]
    return path


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return _photo(tmp_path, "anh-sinh-hoat.png", "#2e7d32")


def _panel(qtbot: QtBot, core: Core, history: UndoHistory, said: str | None) -> EvidencePanel:
    panel = EvidencePanel(
        core, history, empty_text="Chưa có tệp.", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=said,
    )  # fmt: skip
    qtbot.addWidget(panel)
    return panel


def _files(ws: Workspace) -> list[Attachment]:
    return ws.evidence.attachments(TABLE, OWNER)


def _attach_here(ws: Workspace, path: Path) -> object:
    return ws.evidence.attach(TABLE, OWNER, path)


def _drag_and_drop(panel: EvidencePanel, paths: list[Path]) -> tuple[bool, bool]:
    """Whether the drag's entry and the drop were accepted."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(panel.rect().center(), action, data, button, modifiers)
    enter.ignore()
    panel.dragEnterEvent(enter)
    drop = QDropEvent(QPointF(panel.rect().center()), action, data, button, modifiers)
    drop.ignore()
    panel.dropEvent(drop)
    return enter.isAccepted(), drop.isAccepted()


def test_nothing_is_attached_while_no_record_is_shown(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, photo: Path
) -> None:
    panel = _panel(qtbot, core, history, "Đã lưu chú thích.")
    asked: list[bool] = []
    panel.ask_open_paths = lambda: asked.append(True) or [photo]  # type: ignore[method-assign]
    assert not panel.attach_button.isEnabled()
    panel.choose_files()  # e.g. from a shortcut: the file dialog is not even shown
    assert asked == [] and _files(ws) == []
    assert _drag_and_drop(panel, [photo]) == (False, False)
    panel.attach([photo])
    assert _files(ws) == []

    panel.set_target(_attach_here, [])
    assert panel.attach_button.isEnabled()
    assert _drag_and_drop(panel, [photo]) == (True, True)
    assert [f.original_name for f in _files(ws)] == ["anh-sinh-hoat.png"]
    panel.set_target(None, [])
    assert not panel.attach_button.isEnabled()


@pytest.mark.parametrize(
    ("said", "accepted", "messages"),
    [
        ("Đã lưu chú thích.", True, ["Đã lưu chú thích."]),  # the checklist
        ("Đã lưu chú thích.", False, []),  # "Hủy"
        (None, True, []),  # the calendar's date says nothing
    ],
)
def test_what_is_said_once_a_caption_is_saved(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, photo: Path,
    prompts: ScriptedPrompts, said: str | None, accepted: bool, messages: list[str],
) -> None:  # fmt: skip
    ws.evidence.attach(TABLE, OWNER, photo)
    panel = _panel(qtbot, core, history, said)
    panel.set_target(_attach_here, _files(ws))
    panel.view.setCurrentIndex(panel.model.index(0))
    shown: list[str] = []
    panel.status.connect(shown.append)

    def caption(dialog: QDialog) -> None:
        dialog.editor.setText("Sinh hoạt chi đoàn tháng 3")  # type: ignore[attr-defined]
        if accepted:
            dialog.submit()  # type: ignore[attr-defined]
        else:
            dialog.reject()

    prompts.dialog_script = caption
    panel.caption_button.click()
    assert shown == messages
    assert _files(ws)[0].caption == ("Sinh hoạt chi đoàn tháng 3" if accepted else None)


def test_a_new_caption_keeps_the_selection_other_files_do_not(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path
) -> None:
    for name, colour in (("a.png", "#2e7d32"), ("b.png", "#1565c0")):
        ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, name, colour))
    panel = _panel(qtbot, core, history, None)
    panel.set_target(_attach_here, _files(ws))
    panel.view.setCurrentIndex(panel.model.index(1))
    ws.evidence.caption(_files(ws)[1].id, "Ra quân", "")
    panel.set_target(_attach_here, _files(ws))
    assert panel.model.index(1).data() == "Ra quân"
    assert [a.original_name for a in panel.selected()] == ["b.png"]
    assert panel.caption_button.isEnabled() and panel.detach_button.isEnabled()

    panel.set_target(_attach_here, _files(ws)[:1])  # b.png detached elsewhere
    assert panel.selected() == [] and not panel.detach_button.isEnabled()


def test_each_empty_list_says_how_to_add_files(
    qtbot: QtBot, core: Core, history: UndoHistory
) -> None:
    date_panel = DatePanel(core, history, OWNER, [])
    checklist_panel = ChecklistPanel(core, history)
    for panel in (date_panel, checklist_panel):
        qtbot.addWidget(panel)
    assert date_panel.view.empty_text == (
        "Chưa có minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, tệp PDF vào đây."
    )
    assert checklist_panel.view.empty_text == (
        "Chưa có tệp minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, PDF vào đây."
    )
    assert date_panel.attach_button.isEnabled()  # a date is always there to attach to
    assert not checklist_panel.attach_button.isEnabled()  # until a record is chosen


def test_a_photo_gone_from_the_store_is_marked_unreadable_not_shown_as_a_document(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, photo: Path, tmp_path: Path
) -> None:
    ws.evidence.attach(TABLE, OWNER, photo)
    stored = _files(ws)[0]
    lost = replace(stored, sha256="0" * 64, path=photo.with_name("lost.png"))  # not on disk
    damaged = tmp_path / "hong.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # there, but not a photo
    broken = replace(stored, sha256="1" * 64, path=damaged)
    panel = _panel(qtbot, core, history, None)
    panel.set_target(None, [lost, stored, broken])
    assert is_placeholder(panel.model.index(0).data(DECORATION))  # until it is tried
    unreadable = thumbnails.unreadable_pdf(THUMB).cacheKey()
    assert thumbnail_of(qtbot, panel.model, 0).cacheKey() == unreadable
    assert str(panel.model.index(0).data(TOOLTIP)).endswith(
        "\nKhông đọc được tệp (tệp đã mất hoặc bị thay đổi)."
    )
    assert thumbnail_of(qtbot, panel.model, 1).cacheKey() != pdf_icon().cacheKey()
    assert thumbnail_of(qtbot, panel.model, 2).cacheKey() == pdf_icon().cacheKey()


def test_thumbnails_kept_are_bounded(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(thumbnails, "THUMBS_KEPT", 1)
    for name, colour in (("a.png", "#2e7d32"), ("b.png", "#1565c0")):
        ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, name, colour))
    panel = _panel(qtbot, core, history, None)
    panel.set_target(None, _files(ws))

    def key(row: int) -> int:
        return thumbnail_of(qtbot, panel.model, row).cacheKey()

    first = key(0)
    assert key(0) == first  # kept
    key(1)  # the second photo pushes the first out
    assert key(0) != first  # read again


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_caption_dialog_keeps_its_buttons_in_place(
    qtbot: QtBot, core: Core, ws: Workspace, photo: Path
) -> None:
    ws.evidence.attach(TABLE, OWNER, photo)
    (attachment,) = _files(ws)
    dialog = CaptionDialog(core, attachment)
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.date_edit.setText("31/02/2026")
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) == 1
    assert spot(qtbot, dialog.save_button) == before
    dialog._refused(ValidationError({"file": "Tệp minh chứng không còn trong dữ liệu."}))
    assert len(messages_fit(qtbot, dialog)) == 1
    assert spot(qtbot, dialog.save_button) == before


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_new_caption_is_laid_out_at_once_as_after_a_refresh(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path
) -> None:
    """The label wraps onto its lines as soon as the caption is saved, not "Vận đ…anh …"
    until the list is read again: every file has the room of its cell (two lines or more
    under the photo), before the caption, once saved and after a refresh alike."""
    ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, "a.png", "#2e7d32"))
    panel = _panel(qtbot, core, history, None)
    panel.resize(600, 400)
    panel.set_target(_attach_here, _files(ws))
    with qtbot.wait_exposed(panel):
        panel.show()
    short = panel.view.visualRect(panel.model.index(0))
    ws.evidence.caption(_files(ws)[0].id, "Vận động thanh niên “1+1” ấp Tân Hưng", "")
    panel.set_target(_attach_here, _files(ws))  # the same file: its caption changed
    qtbot.wait(50)  # the view's delayed layout
    saved = panel.view.visualRect(panel.model.index(0))
    panel.set_target(_attach_here, [])
    panel.set_target(_attach_here, _files(ws))  # read again, as a refresh does
    qtbot.wait(50)
    refreshed = panel.view.visualRect(panel.model.index(0))
    lines = panel.view.fontMetrics().lineSpacing()
    assert refreshed.height() >= THUMB + 2 * lines  # room for the long caption's lines
    assert short == saved == refreshed


def test_the_attach_dialog_starts_on_the_stick_else_in_documents(
    qtbot: QtBot, core: Core, history: UndoHistory, tmp_path: Path, photo: Path, monkeypatch
) -> None:
    """Photos and scans reach the commune's PC on a USB stick: the dialog opens there when one
    is plugged in, else in Documents, never in the home folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import OpenDialogs

    panel = _panel(qtbot, core, history, None)
    stick = tmp_path / "USB"
    dialogs = OpenDialogs(photo, stick).install(monkeypatch)
    assert panel.ask_open_paths() == [photo]
    dialogs.stick = None
    OpenDialogs.install(dialogs, monkeypatch)
    assert panel.ask_open_paths() == [photo]
    assert dialogs.offered == [str(stick), str(documents_folder())]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_name_has_the_room_of_its_cell_whatever_the_other_files(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path
) -> None:
    """A photo named at length on the stick ("Ảnh hoạt động Ngày Chủ nhật xanh tại ấp…") is
    shown on the lines its cell holds, not cut to one line "Ảnh h…ộng …" because a file with a
    short name was attached after it (Qt sized every file as the last one)."""
    long = "Ảnh hoạt động Ngày Chủ nhật xanh tại ấp Tân Hưng Đông tháng 3 năm 2026.png"
    ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, long, "#2e7d32"))
    panel = _panel(qtbot, core, history, None)
    panel.resize(600, 400)
    panel.set_target(_attach_here, _files(ws))
    with qtbot.wait_exposed(panel):
        panel.show()
    qtbot.wait(50)  # the view's delayed layout
    alone = panel.view.visualRect(panel.model.index(0))
    ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, "z.png", "#1565c0"))
    panel.set_target(_attach_here, _files(ws))
    qtbot.wait(50)
    among = [panel.view.visualRect(panel.model.index(row)) for row in (0, 1)]
    assert among[0].size() == alone.size() == among[1].size()
    lines = panel.view.fontMetrics().lineSpacing()
    assert alone.height() >= THUMB + 2 * lines  # the photo, then two lines of its name


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize(
    "name",
    [
        "Báo cáo kết quả thực hiện phong trào Ngày Chủ nhật xanh và các hoạt động tình nguyện vì "
        "cộng đồng năm 2026 của Đoàn xã Tân Hưng (bản có chữ ký, đóng dấu).png",
        "Bao_cao_ket_qua_thuc_hien_phong_trao_Ngay_Chu_nhat_xanh_va_cac_hoat_dong_tinh_nguyen_vi_"
        "cong_dong_an_sinh_xa_hoi_nam_2026_cua_Doan_xa_Tan_Hung_tinh_Ca_Mau.png",
    ],
)
def test_the_caption_dialog_of_a_long_file_name_fits_the_screen(
    qtbot: QtBot, core: Core, ws: Workspace, tmp_path: Path, name: str
) -> None:
    """A report saved under a long name (Windows allows 255 characters; Linux 255 bytes, which
    bounds the names here): the name is wrapped over lines, not one line that pushed "Lưu" past
    the right edge of a 1366 px screen."""
    ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, name, "#2e7d32"))
    (attachment,) = _files(ws)
    dialog = CaptionDialog(core, attachment)
    shown(qtbot, dialog)
    assert dialog.width() <= 1000
    assert dialog.file_label.text().replace("\u200b", "") == f"Tệp: {name}"
    assert dialog.file_label.height() >= 2 * dialog.file_label.fontMetrics().lineSpacing()
    assert dialog.save_button.geometry().right() < dialog.width()


def _ink_rows(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    """The rows of ``image`` between ``top`` and ``bottom`` with dark pixels (text)."""
    return [
        y for y in range(top, bottom + 1)
        if any(image.pixelColor(x, y).lightness() < 110 for x in range(left, right + 1))
    ]  # fmt: skip


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_caption_shows_whole_lines_only(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, tmp_path: Path
) -> None:
    """The lines a cell holds, the last one elided: not, under it, the top half of one more
    line that Qt starts inside the item and the cell cuts off."""
    ws.evidence.attach(TABLE, OWNER, _photo(tmp_path, "a.png", "#ffffff"))
    (attachment,) = _files(ws)
    caption = (
        "Kế hoạch công tác năm 2026 và văn bản đăng ký với Tỉnh đoàn Cà Mau đúng hạn, kèm "
        "biên bản họp Ban Chấp hành thông qua kế hoạch và danh sách chỉ tiêu từng chi đoàn"
    )
    ws.evidence.caption(attachment.id, caption, "")
    panel = _panel(qtbot, core, history, None)
    panel.resize(600, 400)
    panel.set_target(_attach_here, _files(ws))
    with qtbot.wait_exposed(panel):
        panel.show()
    qtbot.wait(50)
    rect = panel.view.visualRect(panel.model.index(0))
    image = panel.view.viewport().grab().toImage()
    rows = _ink_rows(image, rect.left(), rect.right(), rect.top() + THUMB, rect.bottom())
    lines = panel.view.fontMetrics().lineSpacing()
    assert rows and rows[-1] - rows[0] >= lines  # two lines at least
    assert rows[-1] < rect.bottom() - 1  # the last one whole, nothing cut at the edge
