"""A dossier built again (a gap fixed, a part added) opens in the preview where the secretary
was reading the one it replaces, not at its first page: as far into the same part or evidence
item, wherever that part now begins; built again while pages were rendering, its pages end
sharp (the renders of the one replaced are cancelled, those of the new one asked)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from doancoso.core.workspace import Workspace
from doancoso.reports.fonts import REGULAR, register_fonts
from doancoso.ui.common.pdfium_lock import PDFIUM_LOCK
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.page import DossierPage
from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import Preview
from scripted import ScriptedPrompts

from .print_steps import built_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

Part = tuple[str, int, list[tuple[str, int]]]
"""A part's title, its own pages, and its evidence items (title, pages)."""


def _dossier(path: Path, parts: list[Part]) -> Path:
    """A PDF with a bookmark for each part and, under it, each evidence item."""
    register_fonts()
    canvas = Canvas(str(path), initialFontName=REGULAR)  # type: ignore[arg-type]
    number = 0
    for part, (title, pages, items) in enumerate(parts):
        for page in range(pages):
            if page == 0:
                canvas.bookmarkPage(f"p{part}")
                canvas.addOutlineEntry(title, f"p{part}", level=0)
            canvas.setFont(REGULAR, 14)
            canvas.drawString(72, 720, f"{title} trang {page + 1}")
            canvas.showPage()
            number += 1
        for item, (item_title, item_pages) in enumerate(items):
            canvas.bookmarkPage(f"p{part}-{item}")
            canvas.addOutlineEntry(item_title, f"p{part}-{item}", level=1)
            for page in range(item_pages):
                canvas.setFont(REGULAR, 14)
                canvas.drawString(72, 720, f"{item_title} trang {page + 1}")
                canvas.showPage()
    canvas.save()
    return path


FIRST: list[Part] = [
    ("Tờ trình đề nghị công nhận", 2, []),
    ("Báo cáo tự đánh giá", 3, []),
    ("Phụ lục minh chứng", 1, [("Minh chứng 1.1.1: Danh sách đoàn viên", 4),
                               ("Minh chứng 2.4.1: Ngày Chủ nhật xanh", 2)]),
]  # fmt: skip


@pytest.fixture
def preview(qtbot: QtBot) -> Iterator[Preview]:
    shown = Preview()
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    yield shown
    pdf = shown.pdf
    shown.set_pdf(None)
    if pdf is not None:
        pdf.close()
    thumbnails().drain()


def _rebuilt(preview: Preview, path: Path) -> int:
    """The page shown once the dossier at ``path`` replaces the one shown."""
    previous = preview.pdf
    preview.set_pdf(PdfFile(path))
    if previous is not None:
        previous.close()  # as the dossier page does, after the new one is shown
    assert preview.page_box.value() == preview.view.current_page + 1
    return preview.view.current_page


def test_a_dossier_built_again_opens_where_the_last_one_was_read(
    preview: Preview, tmp_path: Path
) -> None:
    assert _rebuilt(preview, _dossier(tmp_path / "1.pdf", FIRST)) == 0  # the first: page 1
    preview.view.go_to_page(8)  # the 3rd page of the members' list (pages 7 to 10 of 12)
    # The tờ trình got a page longer, the list a page shorter: still its 3rd page.
    second = [("Tờ trình đề nghị công nhận", 3, []), FIRST[1],
              ("Phụ lục minh chứng", 1, [("Minh chứng 1.1.1: Danh sách đoàn viên", 3),
                                         ("Minh chứng 2.4.1: Ngày Chủ nhật xanh", 2)])]  # fmt: skip
    assert _rebuilt(preview, _dossier(tmp_path / "2.pdf", second)) == 9
    # A list of two pages now: its last page, not the next item's.
    third = [second[0], second[1],
             ("Phụ lục minh chứng", 1, [("Minh chứng 1.1.1: Danh sách đoàn viên", 2),
                                        ("Minh chứng 2.4.1: Ngày Chủ nhật xanh", 2)])]  # fmt: skip
    assert _rebuilt(preview, _dossier(tmp_path / "3.pdf", third)) == 8
    # The report left out: the page of the same number, no further than the last page.
    preview.view.go_to_page(3)  # the report's 1st page
    fourth = [third[0], third[2]]
    assert _rebuilt(preview, _dossier(tmp_path / "4.pdf", fourth)) == 3
    preview.view.go_to_page(7)  # the 2nd page of the Green Sunday photos
    assert _rebuilt(preview, _dossier(tmp_path / "5.pdf", [FIRST[0]])) == 1


def test_a_dossier_rebuilt_while_a_page_renders_ends_sharp(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    """The renders of the dossier replaced are cancelled with it (its file closed under them):
    the pages of the new one in sight are asked again and shown sharp, not left as stand-ins."""
    page = built_page(dossier_data, make_page, qtbot, prompts)
    preview = page.preview
    view, thumbnails_model = preview.view, preview.thumbnails_model
    view.render_timer.setInterval(0)
    first = page.pdf
    assert first is not None
    with PDFIUM_LOCK:  # the renders wait on the pool for pdfium, as a slow page does
        preview.side.setCurrentWidget(preview.thumbnails)  # the pages' list in sight
        view.go_to_page(2)
        view.viewport().repaint()
        qtbot.waitUntil(lambda: bool(view.asked) and thumbnails_model._job is not None)
        thumbnail = thumbnails_model._job
        assert thumbnail is not None
        in_flight = [*view.asked.values(), thumbnail]
        with qtbot.wait_signal(page.built):
            page.build()
        assert page.pdf is not first and first.closed
        assert all(job.cancelled for job in in_flight)
    pdf = page.pdf
    assert pdf is not None

    def sharp() -> bool:
        return not view.asked and all(
            pdf.cached(index, round(view.page_rect(index).width() * view.pixel_ratio())) is not None
            for index in view.visible_pages()
        )

    qtbot.waitUntil(sharp, timeout=20000)
    assert view.current_page == 2  # where it was read
    # the list of pages gets its thumbnails too (one render at a time: none left stuck)
    qtbot.waitUntil(lambda: {0, 1, 2} <= thumbnails_model.rendered, timeout=20000)
