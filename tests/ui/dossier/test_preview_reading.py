"""Reading a dossier in the preview as in any PDF reader: the zoom keys (Ctrl++ or Ctrl+=,
Ctrl+−, Ctrl+0 to fit the width) wherever the focus is in it, and the outline ("Mục lục")
showing the part or evidence item being read as the pages scroll."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import Preview

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
