"""Reading a dossier in the preview as in any PDF reader: the zoom keys (Ctrl++ or Ctrl+=,
Ctrl+−, Ctrl+0 to fit the width) wherever the focus is in it, and the outline ("Mục lục")
showing the part or evidence item being read as the pages scroll."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from doancoso.core.workspace import Workspace
from doancoso.reports.fonts import REGULAR, register_fonts
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import Preview
from doancoso.ui.shell.main_window import DOSSIER_AREA, SETTINGS, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

from .test_preview_rebuilt import FIRST, _dossier

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def preview(qtbot: QtBot, tmp_path: Path) -> Iterator[Preview]:
    pdf = PdfFile(_dossier(tmp_path / "ho-so.pdf", FIRST))
    shown = Preview()
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.set_pdf(pdf)
    with qtbot.wait_active(shown):  # shortcuts need an active window
        shown.show()
        shown.activateWindow()
    yield shown
    shown.set_pdf(None)
    pdf.close()
    thumbnails().drain()


def test_the_zoom_keys_zoom_in_out_and_fit_the_width(qtbot: QtBot, preview: Preview) -> None:
    view = preview.view
    view.setFocus()
    assert view.fit_width
    fitted = view.scale
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)  # Ctrl+= : the "+" key without Shift
    assert not view.fit_width
    assert view.scale == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert view.scale == pytest.approx(fitted * 1.25**2)
    assert preview.zoom_label.text() == f"{round(view.scale * 72 / view.logicalDpiX() * 100)}%"
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.scale == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert view.scale == pytest.approx(fitted)  # the numeric keypad's − too
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert view.scale == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.fit_width and view.scale == pytest.approx(fitted)


def test_the_zoom_keys_work_from_the_outline_too(qtbot: QtBot, preview: Preview) -> None:
    preview.outline.setFocus()
    fitted = preview.view.scale
    qtbot.keyClick(preview.outline, Qt.Key.Key_Minus, CTRL)
    assert preview.view.scale == pytest.approx(fitted / 1.25)
    assert preview.outline.hasFocus()


def test_the_zoom_buttons_name_their_keys(preview: Preview) -> None:
    assert preview.zoom_in.toolTip() == "Phóng to (Ctrl++, Ctrl+lăn chuột)"
    assert preview.zoom_out.toolTip() == "Thu nhỏ (Ctrl+−, Ctrl+lăn chuột)"
    assert preview.fit_button.toolTip() == "Vừa chiều rộng trang (Ctrl+0)"


def _selected(preview: Preview) -> list[str]:
    return [index.data() for index in preview.outline.selectionModel().selectedIndexes()]


def test_the_outline_follows_the_pages_read(qtbot: QtBot, preview: Preview) -> None:
    view = preview.view
    assert _selected(preview) == ["Tờ trình đề nghị công nhận"]
    # Scrolled (the wheel, the scroll bar) to the 2nd page of the members' list (pages 7-10).
    view.verticalScrollBar().setValue(view.page_rect(7).top() + 20)
    assert view.current_page == 7
    assert _selected(preview) == ["Minh chứng 1.1.1: Danh sách đoàn viên"]
    assert preview.outline.currentIndex().data() == "Minh chứng 1.1.1: Danh sách đoàn viên"
    # Only the selection moved: the pages stay where the reader scrolled them.
    assert view.verticalScrollBar().value() == view.page_rect(7).top() + 20
    view.verticalScrollBar().setValue(view.page_rect(3).top())
    assert _selected(preview) == ["Báo cáo tự đánh giá"]
    view.go_to_page(5)  # the annex's own first page: the part itself
    assert _selected(preview) == ["Phụ lục minh chứng"]


def test_a_click_in_the_outline_goes_there_once_and_stays_selected(
    qtbot: QtBot, preview: Preview
) -> None:
    view = preview.view
    gone: list[int] = []
    view.page_changed.connect(gone.append)
    annex = preview.outline_model.item(2)
    item = annex.child(1)  # "Minh chứng 2.4.1: Ngày Chủ nhật xanh", page 11
    rect = preview.outline.visualRect(item.index())
    qtbot.mouseClick(preview.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_page == 10
    assert gone == [10]  # one jump, no loop back through the outline
    assert _selected(preview) == ["Minh chứng 2.4.1: Ngày Chủ nhật xanh"]


def _rating_part(path: Path) -> Path:
    """A tờ trình page, then a part whose bookmark is on the page of its first item's, as the
    built dossier's "Kết quả đánh giá, xếp loại đoàn viên": the summary, then the decision."""
    register_fonts()
    canvas = Canvas(str(path), initialFontName=REGULAR)  # type: ignore[arg-type]
    pages = [("to-trinh", [("Tờ trình đề nghị công nhận", 0)]),
             ("tong-hop", [("Kết quả đánh giá, xếp loại đoàn viên", 0),
                           ("Báo cáo tổng hợp kết quả xếp loại", 1)]),
             ("quyet-dinh", [("Quyết định công nhận kết quả xếp loại", 1)])]  # fmt: skip
    for key, entries in pages:
        for number, (title, level) in enumerate(entries):  # a key each: reportlab's identity
            canvas.bookmarkPage(f"{key}-{number}")
            canvas.addOutlineEntry(title, f"{key}-{number}", level=level)
        canvas.setFont(REGULAR, 14)
        canvas.drawString(72, 720, entries[-1][0])
        canvas.showPage()
    canvas.save()
    return path


def test_a_part_clicked_on_the_page_of_its_first_item_stays_selected(
    qtbot: QtBot, preview: Preview, tmp_path: Path
) -> None:
    previous = preview.pdf
    pdf = PdfFile(_rating_part(tmp_path / "xep-loai.pdf"))
    preview.set_pdf(pdf)
    assert previous is not None
    previous.close()
    part = preview.outline_model.item(1)
    rect = preview.outline.visualRect(part.index())
    qtbot.mouseClick(preview.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert preview.view.current_page == 1
    assert _selected(preview) == ["Kết quả đánh giá, xếp loại đoàn viên"]
    preview.view.go_to_page(2)
    assert _selected(preview) == ["Quyết định công nhận kết quả xếp loại"]
    preview.view.go_to_page(1)  # come back to by the pages: the innermost, the summary
    assert _selected(preview) == ["Báo cáo tổng hợp kết quả xếp loại"]


def test_ctrl_0_fits_the_width_in_the_preview_and_opens_the_settings_elsewhere(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Ctrl+0 is also the window's key to "Thiết lập" (Ctrl+1 … Ctrl+0 open the areas): in the
    preview it fits the width (neither key lost to an ambiguity), anywhere else it opens the
    settings as before."""
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    window.show_area(DOSSIER_AREA)
    preview = window.dossier.preview
    pdf = PdfFile(_dossier(tmp_path / "ho-so.pdf", FIRST))
    try:
        preview.set_pdf(pdf)
        for focus in (preview.view, preview.outline, preview.page_box):
            preview.view.zoom_by(1.25)
            focus.setFocus()
            qtbot.keyClick(focus, Qt.Key.Key_0, CTRL)
            assert preview.view.fit_width
            assert window.stack.currentWidget() is window.dossier
            fitted = preview.view.scale
            qtbot.keyClick(focus, Qt.Key.Key_Minus, CTRL)
            assert preview.view.scale == pytest.approx(fitted / 1.25)
        assert preview.page_box.value() == 1
        window.dossier.year_box.setFocus()
        qtbot.keyClick(window.dossier.year_box, Qt.Key.Key_0, CTRL)
        assert window.sidebar.currentRow() == SETTINGS
    finally:
        preview.set_pdf(None)
        pdf.close()
