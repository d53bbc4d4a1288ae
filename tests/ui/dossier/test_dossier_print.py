"""The built dossier printed through Qt's print dialog (to a PDF file: QPrinter's PdfFormat),
saved as a PDF anywhere (atomically; nothing on cancel) and its folder opened."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.pdfium_lock import PDFIUM_LOCK
from doancoso.ui.dossier.page import DossierPage
from scripted import ScriptedPrompts

from .print_steps import built_page, print_to, status_messages, wait_printed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
A4_POINTS = (595.3, 841.9)


def _pixels(path: Path, index: int) -> bytes:
    """Page ``index`` of ``path`` rendered 600 px wide in grey, reduced to 100, its bytes (under
    pdfium's one lock: the preview may be rendering on the pool meanwhile)."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        page = pdf[index]
        width = page.get_width()
        image = page.render(scale=600 / width, grayscale=True).to_pil()
        data = image.resize((100, 141)).tobytes()
        page.close()
        pdf.close()
    return bytes(data)


def _same_picture(a: bytes, b: bytes) -> bool:
    """Equal but for the blur of a second rasterisation: a mean difference under 2.5 of 255
    (the same page differs by about 1, two pages of text by 7 and more)."""
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a) < 2.5


def test_printed_to_a_pdf_file_all_pages_or_a_range(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    assert page.pdf is not None
    built = page.pdf.path
    pages = len(PdfReader(built).pages)
    messages = status_messages(page)

    everything = tmp_path / "in-tat-ca.pdf"
    prompts.dialog_script = print_to(everything)
    page.preview.view.setFocus()
    qtbot.keyClick(page.preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_printed(page, qtbot)
    printed = PdfReader(everything)
    assert len(printed.pages) == pages
    box = printed.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
    for index in (0, 2, pages - 1):
        assert _same_picture(_pixels(everything, index), _pixels(built, index))
    assert messages == [f"Đã gửi {pages} trang hồ sơ tới máy in."]
    # Rendered at the printer's resolution off the GUI thread: the window never waited.
    threads = [thread for _index, thread in page.pdf.renders]
    assert len(threads) >= pages
    assert threading.main_thread().ident not in threads

    some = tmp_path / "in-trang-3-4.pdf"
    prompts.dialog_script = print_to(some, 3, 4)
    page.print_action.trigger()
    wait_printed(page, qtbot)
    assert len(PdfReader(some).pages) == 2
    assert _same_picture(_pixels(some, 0), _pixels(built, 2))
    assert _same_picture(_pixels(some, 1), _pixels(built, 3))
    assert not _same_picture(_pixels(some, 0), _pixels(built, 0))


def test_a_cancelled_print_dialog_prints_nothing(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    out = tmp_path / "khong-in.pdf"

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFileName(str(out))
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = cancel
    page.print_action.trigger()
    assert page.print_job is None and not out.exists()


@pytest.mark.qt_log_ignore("QPainter::begin", "propagateSizeHints")
def test_a_printer_not_ready_says_what_to_do(
    print_page: DossierPage, prompts: ScriptedPrompts
) -> None:
    """A printer that cannot start (switched off, not plugged in, gone): the message says what
    to check and the other way to the superior body, and the page can print again. While the
    message is read, "Đang in hồ sơ…" does not come up over it: its progress window is hidden,
    with nothing left to show it half a second later (the message box's own event loop does
    not delete it)."""
    seen: list[list[tuple[bool, bool]]] = []

    def progress_windows() -> list[tuple[bool, bool]]:
        """Each progress window of the page: shown, and whether a timer is set to show it."""
        return [(d.isVisible(), any(t.isActive() for t in d.findChildren(QTimer)))
                for d in print_page.findChildren(QProgressDialog)]  # fmt: skip

    def error(parent: QWidget | None, title: str, text: str) -> None:
        seen.append(progress_windows())
        prompts.errors.append(text)

    prompts.error = error  # type: ignore[method-assign]

    def unplugged(dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setPrinterName("Máy in đã tắt")
        dialog.done(QDialog.DialogCode.Accepted)

    prompts.dialog_script = unplugged
    print_page.print_action.trigger()
    assert prompts.errors == [
        "Không bắt đầu in được: máy in chưa sẵn sàng hoặc không ghi được tệp đã chọn. Hãy kiểm "
        "tra máy in đã bật, đã nối với máy tính và còn giấy (hoặc chọn máy in khác) rồi bấm "
        "“In…” lại; hoặc bấm “Lưu thành PDF…” để chép hồ sơ sang máy khác in."
    ]
    assert seen == [[(False, False)]]
    assert print_page.print_job is None and print_page.print_action.isEnabled()


def test_a_print_cancelled_midway_leaves_the_page_ready_to_print_and_build_again(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    assert page.pdf is not None
    pages = len(page.pdf)
    messages = status_messages(page)
    prompts.dialog_script = print_to(tmp_path / "huy.pdf")
    page.print_action.trigger()
    job = page.print_job
    assert job is not None
    with qtbot.wait_signal(job.progressed):  # the first sheet sent
        pass
    (progress,) = page.findChildren(QProgressDialog)
    (cancel,) = [b for b in progress.findChildren(QPushButton) if b.text() == "Hủy"]
    cancel.click()
    assert job.cancelled and page.print_job is None
    assert messages == ["Đã hủy in hồ sơ."]
    assert prompts.errors == []

    again = tmp_path / "in-lai.pdf"
    prompts.dialog_script = print_to(again)
    page.print_action.trigger()  # "In…" works again
    wait_printed(page, qtbot)
    assert len(PdfReader(again).pages) == pages
    assert messages[-1] == f"Đã gửi {pages} trang hồ sơ tới máy in."
    with qtbot.wait_signal(page.built, timeout=60000):  # and so does "Lập hồ sơ"
        page.build()
    assert page.pdf is not None and page.pdf.path.name == "ho-so-2.pdf"


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def test_saved_as_pdf_anywhere_and_its_folder_opened(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    assert page.pdf is not None
    folder = tmp_path / "usb"
    folder.mkdir()
    asked: list[str] = []

    def cancelled(name: str) -> Path | None:
        asked.append(name)
        return None

    page.ask_save_path = cancelled  # type: ignore[method-assign]
    page.save_action.trigger()
    assert asked == ["ho-so-3-chu-dong-2025.pdf"]
    assert list(folder.iterdir()) == [] and not page.folder_action.isEnabled()

    target = folder / "ho-so.pdf"
    target.write_bytes(b"previous")
    page.ask_save_path = lambda name: target  # type: ignore[method-assign]
    messages = status_messages(page)
    page.preview.view.setFocus()
    qtbot.keyClick(page.preview.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.read_bytes() == page.pdf.path.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["ho-so.pdf"]  # no temporary left
    assert messages == [f"Đã lưu hồ sơ vào tệp {target}."]
    assert page.info.text().endswith("Đã lưu: ho-so.pdf.")

    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")  # type: ignore[arg-type]
    try:
        assert page.folder_action.isEnabled()
        page.folder_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == [QUrl.fromLocalFile(str(folder))]


def test_saving_where_it_cannot_be_written_says_so(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    target = tmp_path / "khong-co" / "ho-so.pdf"
    page.ask_save_path = lambda name: target  # type: ignore[method-assign]
    page.save_action.trigger()
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith(f"Không ghi được tệp “{target}”")
    assert not target.parent.exists() and page.saved_path is None


def test_ctrl_p_in_the_window_prints_the_dossier_on_its_page(
    qtbot: QtBot, dossier_data: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.shell.main_window import DOSSIER_AREA, ROSTER, MainWindow
    from doancoso.ui.shell.state import UiState
    from scripted import synchronous_core

    prompts = ScriptedPrompts()
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    print_list = window.print_action  # the Tệp menu's "In danh sách đoàn viên…" / "In hồ sơ…"
    assert print_list.shortcut().toString() == "Ctrl+P"
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    page.year_box.setValue(2025)
    with qtbot.wait_signal(page.built):
        page.build()
    # One key, one action: the page's own "In…" leaves Ctrl+P to the window's "In hồ sơ…".
    assert print_list.text() == "&In hồ sơ…" and print_list.shortcut().toString() == "Ctrl+P"
    assert page.print_action.shortcut().isEmpty()
    out = tmp_path / "in.pdf"
    prompts.dialog_script = print_to(out, 1, 1)
    qtbot.keyClick(page.preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_printed(page, qtbot)
    assert len(PdfReader(out).pages) == 1
    window.show_area(ROSTER)
    assert print_list.text() == "&In danh sách đoàn viên…"


def test_the_pages_chosen_in_the_dialog(qtbot: QtBot) -> None:
    from PySide6.QtGui import QPageRanges

    from doancoso.ui.dossier.printing import chosen_pages, new_printer

    printer = new_printer(10)
    assert chosen_pages(printer, 10, 4) == list(range(10))
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranges.addPage(7)
    ranges.addPage(12)  # beyond the dossier: left out
    printer.setPageRanges(ranges)
    assert chosen_pages(printer, 10, 4) == [1, 2, 6]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 10, 4) == [4]


def test_the_dossier_is_offered_in_documents_then_where_the_last_one_went(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """ "Lưu thành PDF…" opens in Documents (not the user's home folder, where a secretary on
    Windows does not look), then in the folder the last dossier went to, even once the
    dossier is built again."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import SaveDialogs

    page = built_page(dossier_data, make_page, qtbot, ScriptedPrompts())
    chosen = tmp_path / "usb" / "ho-so.pdf"
    chosen.parent.mkdir()
    dialogs = SaveDialogs(chosen).install(monkeypatch)
    page.save_action.trigger()
    assert chosen.read_bytes().startswith(b"%PDF")
    with qtbot.wait_signal(page.built):
        page.build()
    page.save_action.trigger()
    name = "ho-so-3-chu-dong-2025.pdf"
    assert dialogs.offered == [str(documents_folder() / name), str(chosen.parent / name)]


def test_a_page_larger_than_a4_is_rendered_for_the_sheet_not_at_its_own_size(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    """An evidence plan of the commune on A2 is printed on its A4 sheet from an image of the
    sheet's size at 300 dpi (2480 × 3508), not of its own (4961 × 7016: 139 MB, then a copy,
    on an old PC)."""
    from reportlab.lib.pagesizes import A2
    from reportlab.pdfgen.canvas import Canvas

    plan = tmp_path / "ban-do.pdf"
    canvas = Canvas(str(plan), pagesize=A2)
    canvas.setFont("Helvetica", 40)
    canvas.drawString(100, 1500, "Ban do dia ban")
    canvas.showPage()
    canvas.save()
    dossier_data.recognition.attach(2025, "1.1", plan, "Bản đồ địa bàn")
    prompts = ScriptedPrompts()
    page = built_page(dossier_data, make_page, qtbot, prompts)
    assert page.pdf is not None
    (entry,) = [e for e in page.pdf.outline if e.title.endswith("Bản đồ địa bàn")]
    out = tmp_path / "ban-do-in.pdf"
    prompts.dialog_script = print_to(out, entry.page + 1, entry.page + 1)
    page.print_action.trigger()
    wait_printed(page, qtbot)
    (printed,) = PdfReader(out).pages
    box = printed.mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
    resources: Any = printed["/Resources"]
    xobjects = resources["/XObject"]  # read as stored: not decoded, 139 MB before
    ((width, height),) = [(o["/Width"], o["/Height"]) for o in map(xobjects.__getitem__, xobjects)
                          if o["/Subtype"] == "/Image"]  # fmt: skip
    assert (width, height) == (pytest.approx(2480, abs=2), pytest.approx(3508, abs=2))
