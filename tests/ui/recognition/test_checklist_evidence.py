"""Evidence files on the checklist page: a photo dropped on an item is attached to it and shown
as a thumbnail (turned as the camera held it), a drop on the panel attaches to the item shown,
a file of another kind is refused with its reason, files open in the system's viewer, captions
change, and a detached file comes back with "Hoàn tác"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from doancoso.core.lang.text import size_text
from doancoso.core.workspace import Workspace
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.common.thumbnails import unreadable_pdf
from doancoso.ui.recognition.checklist_model import COL_FILES
from doancoso.ui.recognition.evidence import DECORATION, THUMB, pdf_icon
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts
from shown_thumbnails import thumbnail_of

from .conftest import drop_files

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _files(ws: Workspace, code: str) -> list[str]:
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == code)
    return [f.original_name for f in item.files]


def _thumbnail(qtbot: QtBot, page: RecognitionPage, row: int = 0) -> QImage:
    icon = thumbnail_of(qtbot, page.item_panel.files.model, row)  # read off the GUI thread
    return icon.pixmap(QSize(THUMB, THUMB)).toImage()


def test_a_photo_dropped_on_an_item_is_attached_and_shown(
    qtbot: QtBot, page: RecognitionPage, ws: Workspace, photo: Path, qtmodeltester: ModelTester
) -> None:
    tree = page.tree
    target = page.model.item_index("2.4")
    tree.scrollTo(target)
    assert drop_files(tree.viewport(), tree.visualRect(target).center(), [photo])
    assert _files(ws, "2.4") == ["anh-ra-quan.png"]
    assert tree.currentIndex().siblingAtColumn(0) == page.model.item_index("2.4")
    assert page.model.data(page.model.item_index("2.4").siblingAtColumn(COL_FILES)) == "1"
    assert page.item_panel.files_title.text() == "Tệp minh chứng (1):"
    files = page.item_panel.files.model
    qtmodeltester.check(files)
    assert files.index(0).data() == "anh-ra-quan.png"
    image = _thumbnail(qtbot, page)
    assert (image.width(), image.height()) == (96, 64)  # 300 × 200, scaled
    assert image.pixelColor(48, 32) == QColor("#d32f2f")
    first = files.index(0).data(DECORATION)
    page.select_item("2.1")
    page.item_panel.files.attach([photo])  # the same photo on another item
    again = page.item_panel.files.model.index(0).data(DECORATION)
    assert again.cacheKey() == first.cacheKey()  # kept by SHA-256, not read again


def test_a_drop_outside_an_item_attaches_nothing(
    page: RecognitionPage, ws: Workspace, photo: Path
) -> None:
    tree = page.tree
    criterion = tree.visualRect(page.model.index(0, 0)).center()
    assert not drop_files(tree.viewport(), criterion, [photo])
    assert all(not v.files for v in ws.recognition.view(2025).items)


def test_a_photo_is_turned_as_the_camera_held_it(
    qtbot: QtBot, page: RecognitionPage, ws: Workspace, tmp_path: Path
) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)  # landscape pixels...
    image.fill(QColor("#1565c0"))
    path = tmp_path / "chup-doc.jpg"
    writer = QImageWriter(str(path), b"jpeg")
    writer.setTransformation(
        QImageIOHandler.Transformation.TransformationRotate90
    )  # ...held upright
    assert writer.write(image), writer.errorString()
    page.select_item("1.5")
    page.item_panel.files.attach([path])
    assert _files(ws, "1.5") == ["chup-doc.jpg"]
    thumb = _thumbnail(qtbot, page)
    assert (thumb.width(), thumb.height()) == (48, 96)


def test_a_drop_on_the_panel_attaches_to_the_item_shown(
    page: RecognitionPage, ws: Workspace, photo: Path, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    page.select_item("1.6")
    panel = page.item_panel
    fake = tmp_path / "bao-cao.pdf"
    fake.write_bytes(b"not a pdf at all")
    drop_files(panel, panel.rect().center(), [photo, fake])
    assert _files(ws, "1.6") == ["anh-ra-quan.png"]
    assert prompts.errors == [
        "Tệp “bao-cao.pdf” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, không "
        "theo phần mở rộng). Hãy lưu lại ở một trong các dạng đó."
    ]
    messages: list[str] = []
    panel.status_message.connect(messages.append)
    drop_files(panel.files, panel.files.rect().center(), [photo])  # dropped again: told
    assert _files(ws, "1.6") == ["anh-ra-quan.png"]
    assert messages == []
    assert prompts.errors[-1] == (
        "Tệp “anh-ra-quan.png” đã được đính kèm vào mục 1.6: không đính kèm lần nữa."
    )
    assert len(list(ws.evidence.store.folder.iterdir())) == 1  # stored once


def test_open_caption_and_detach_with_undo(
    page: RecognitionPage, ws: Workspace, photo: Path, history: UndoHistory,
    prompts: ScriptedPrompts, tmp_path: Path,
) -> None:  # fmt: skip
    ws.recognition.attach(2025, "3.3", photo, "Ảnh ký kết")
    page.refresh()
    page.select_item("3.3")
    files = page.item_panel.files
    opened: list[QUrl] = []
    files.open_url = opened.append
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    assert files.open_button.isEnabled()
    files.open_button.click()
    shown = Path(opened[0].toLocalFile())
    assert shown.name == "anh-ra-quan.png" and shown.read_bytes() == photo.read_bytes()

    def caption(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.editor.setText("Lễ ký quy chế phối hợp với Công an xã")
        dialog.submit()

    prompts.dialog_script = caption
    files.caption_button.click()
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "3.3")
    assert item.files[0].caption == "Lễ ký quy chế phối hợp với Công an xã"
    assert files.model.index(0).data() == "Lễ ký quy chế phối hợp với Công an xã"

    files.view.setCurrentIndex(files.model.index(0))
    files.detach_button.click()
    assert _files(ws, "3.3") == []
    assert files.model.rowCount(QModelIndex()) == 0
    assert history.undoText() == "Gỡ tệp “anh-ra-quan.png”"
    history.undo()
    assert _files(ws, "3.3") == ["anh-ra-quan.png"]
    assert page.item_panel.files_title.text() == "Tệp minh chứng (1):"


def test_a_file_no_program_can_open_is_said_with_where_its_copy_is(
    page: RecognitionPage, ws: Workspace, photo: Path, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    files.open_url = lambda _url: False  # what Qt answers when no viewer takes the file
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    copy = next((tmp_path / "xem").iterdir()) / "anh-ra-quan.png"
    assert copy.read_bytes() == photo.read_bytes()
    assert prompts.errors == [
        "Máy này không có chương trình nào mở được ảnh PNG “anh-ra-quan.png”. Một bản sao của "
        f"tệp nằm ở:\n{copy}\nHãy mở nó bằng chương trình xem ảnh hoặc PDF khác, hoặc cài một "
        "chương trình như vậy."
    ]


def test_enter_on_a_file_opens_it(
    page: RecognitionPage, ws: Workspace, photo: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """A secretary on the keyboard: Tab to the files, arrows to one, Enter shows it."""
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    opened: list[QUrl] = []
    files.open_url = opened.append
    files.view_folder = tmp_path / "xem"
    files.view.setFocus()
    files.view.setCurrentIndex(files.model.index(0))
    qtbot.keyClick(files.view, Qt.Key.Key_Return)
    assert [Path(url.toLocalFile()).name for url in opened] == ["anh-ra-quan.png"]


def test_delete_on_a_file_detaches_it_with_undo(
    page: RecognitionPage, ws: Workspace, photo: Path, history: UndoHistory, qtbot: QtBot
) -> None:
    """On the keyboard, as in every list: Delete on the files chosen detaches them, "Hoàn tác"
    brings them back."""
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    files.view.setFocus()
    files.view.setCurrentIndex(files.model.index(0))
    qtbot.keyClick(files.view, Qt.Key.Key_Delete)
    assert _files(ws, "1.6") == []
    assert history.undoText() == "Gỡ tệp “anh-ra-quan.png”"
    history.undo()
    assert _files(ws, "1.6") == ["anh-ra-quan.png"]


def test_a_photo_gone_from_the_store_shows_the_unreadable_mark_with_why(
    qtbot: QtBot, page: RecognitionPage, ws: Workspace, tmp_path: Path
) -> None:
    """A photo moved out of the data folder by hand is not shown as a PDF (the icon of a
    file that is not a photo): it has the mark of a file that cannot be read, and its tooltip
    says why, as a PDF gone does."""
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))  # a photo of its own: no other test's thumbnail is kept for it
    photo = tmp_path / "anh-ra-quan.png"
    assert image.save(str(photo), "PNG")  # type: ignore[call-overload]
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    (stored,) = ws.evidence.store.folder.iterdir()
    stored.unlink()
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files.model
    icon = thumbnail_of(qtbot, files, 0)
    assert icon.cacheKey() == unreadable_pdf(THUMB).cacheKey()
    assert icon.cacheKey() != pdf_icon().cacheKey()
    size = size_text(photo.stat().st_size)
    assert files.index(0).data(TOOLTIP) == (
        f"anh-ra-quan.png\nảnh PNG, {size}\nẢnh ra quân\n"
        "Không đọc được tệp (tệp đã mất hoặc bị thay đổi)."
    )


@pytest.mark.parametrize("damage", ["deleted", "changed"])
def test_a_file_lost_from_the_store_says_what_to_do_when_opened(
    page: RecognitionPage, ws: Workspace, photo: Path, prompts: ScriptedPrompts, tmp_path: Path,
    damage: str,
) -> None:  # fmt: skip
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    (stored,) = ws.evidence.store.folder.iterdir()
    if damage == "deleted":
        stored.unlink()
    else:  # changed behind the app's back, its size kept
        content = bytearray(stored.read_bytes())
        content[-1] ^= 0xFF
        stored.chmod(0o644)
        stored.write_bytes(bytes(content))
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    opened: list[QUrl] = []
    files.open_url = opened.append
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    assert opened == []
    assert prompts.errors == [
        "Tệp minh chứng “anh-ra-quan.png” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: "
        "hãy "
        "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
    ]


def test_a_long_name_detached_leaves_the_way_back_in_view(
    page: RecognitionPage, ws: Workspace, history: UndoHistory, tmp_path: Path
) -> None:
    """The status bar is one line, cut at the window's edge: "Đã gỡ tệp “<a name of 150
    characters>” — bấm Hoàn tác…" lost how to get the file back, and the menu item "Hoàn tác:
    Gỡ tệp “…”" ran past a 1366 px screen. The name is shortened in the middle, its start and
    its extension kept."""
    name = (
        "Báo cáo kết quả thực hiện phong trào Ngày Chủ nhật xanh và các hoạt động tình nguyện "
        "vì cộng đồng năm 2026 của Đoàn xã Tân Hưng (bản có chữ ký, đóng dấu).png"
    )
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(tmp_path / name), "PNG")  # type: ignore[call-overload]
    ws.recognition.attach(2025, "1.6", tmp_path / name, "Báo cáo")
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    said: list[str] = []
    files.status.connect(said.append)
    files.view.setCurrentIndex(files.model.index(0))
    files.detach_button.click()
    short = "Báo cáo kết quả thực hiện phong trào Ngày Chủ … (bản có chữ ký, đóng dấu).png"
    assert said == [f"Đã gỡ tệp “{short}” — bấm Hoàn tác (Ctrl+Z) để lấy lại."]
    assert history.undoText() == f"Gỡ tệp “{short}”"
    history.undo()
    assert _files(ws, "1.6") == [name]  # the file keeps its whole name


def test_a_file_brought_back_by_undo_is_the_current_one(
    page: RecognitionPage, ws: Workspace, photo: Path, history: UndoHistory, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    """Delete on the second of two files, then Ctrl+Z: the file brought back is the current
    one, chosen, with the keyboard still in the list, so "Mở xem", "Chép ra…", "Chú thích…" and
    "Gỡ khỏi đây" act on it and ← goes to the file before it; files brought back together are all
    chosen, the first current."""
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    image = QImage(200, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    other = tmp_path / "bien-ban.png"
    assert image.save(str(other))  # a PNG, by its name
    ws.recognition.attach(2025, "1.6", other, "Biên bản ra quân")
    page.refresh()
    page.select_item("1.6")
    files = page.item_panel.files
    files.view.setFocus()
    qtbot.waitUntil(files.view.hasFocus)
    files.view.setCurrentIndex(files.model.index(1))
    qtbot.keyClick(files.view, Qt.Key.Key_Delete)
    assert _files(ws, "1.6") == ["anh-ra-quan.png"]
    history.undo()
    assert _files(ws, "1.6") == ["anh-ra-quan.png", "bien-ban.png"]
    assert files.view.hasFocus()
    assert files.view.currentIndex().row() == 1
    assert [a.caption for a in files.selected()] == ["Biên bản ra quân"]
    buttons = (files.open_button, files.copy_button, files.caption_button, files.detach_button)
    assert [b.isEnabled() for b in buttons] == [True, True, True, True]
    qtbot.keyClick(files.view, Qt.Key.Key_Left)
    assert [a.caption for a in files.selected()] == ["Ảnh ra quân"]
    qtbot.keyClick(files.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(files.view, Qt.Key.Key_Delete)  # both: back together, the first current
    assert _files(ws, "1.6") == []
    history.undo()
    assert files.view.currentIndex().row() == 0
    assert [a.caption for a in files.selected()] == ["Ảnh ra quân", "Biên bản ra quân"]
    assert [b.isEnabled() for b in buttons] == [True, True, False, True]  # a caption: one file
