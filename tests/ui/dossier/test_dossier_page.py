"""The "Hồ sơ" page: the check's lines and where they lead, the build shown in the preview
(every page, the outline, the zoom, the keys), a cancelled build and an unreadable evidence
file writing nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.dossier.check import DEFAULT_PARTS, PARTS
from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.page import DossierPage
from doancoso.ui.dossier.preview import SIDE_MIN_WIDTH
from doancoso.ui.shell.main_window import DOSSIER_AREA, RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from dossier_data import evidence_pdf
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NUMBER = "15-TTr/ĐTN"


def _lines(page: DossierPage) -> list[tuple[str, str, str | None]]:
    buttons = page.checks.buttons
    return [(g.part, g.reason, b.text() if b else None)
            for g, b in zip(page.checks.gaps, buttons, strict=True)]  # fmt: skip


def _outline(reader: PdfReader) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def test_the_area_after_3_chu_dong_and_its_check_leading_to_each_fix(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.show()
    assert window.sidebar.item(DOSSIER_AREA).text() == "Hồ sơ"
    assert window.sidebar.item(DOSSIER_AREA - 1).text() == "3 chủ động"
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    assert window.stack.currentWidget() is page
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    lines = _lines(page)
    assert page.checks.summary.text() == f"Hồ sơ còn thiếu {len(lines)} điều (vẫn lập được):"
    assert lines[:4] == [
        ("to-trinh", "Chưa có số tờ trình.", "Nhập số"),
        ("to-trinh", "Tự đánh giá mới đạt 1/14 nội dung, mà tờ trình đề nghị công nhận đạt "
                     "tiêu chuẩn: theo Hướng dẫn 18-HD/TWĐTN-BTC phải đạt đủ cả ba tiêu chí. Xem "
                     "các nội dung chưa đạt ở trang “3 chủ động”.", "Mở 3 chủ động"),
        ("ke-hoach", "Kế hoạch năm 2025 chưa được cấp trên duyệt.", "Mở Kế hoạch"),
        ("xep-loai", "Chưa có đợt đánh giá, xếp loại năm 2025.", "Mở Xếp loại"),
    ]  # fmt: skip
    assert ("bao-cao", "Mục 1.2 tự đánh giá “Chưa đạt”.", "Mở mục 1.2") in lines
    assert (
        "tham-muu-phoi-hop",
        "Chưa có văn bản tham mưu cấp ủy nào trong năm 2025: ghi ở "
        "trang “3 chủ động”, tab “Sổ tham mưu, phối hợp”.",
        "Mở sổ tham mưu, phối hợp",
    ) in lines
    assert [b for p, _, b in lines if p == "gioi-thieu-dang"] == ["Mở Đoàn viên"]
    # Each button leads to where its line is fixed.
    qtbot.mouseClick(page.checks.buttons[1], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert window.sidebar.currentRow() == RECOGNITION_AREA
    window.show_area(DOSSIER_AREA)
    qtbot.mouseClick(page.checks.buttons[2], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert window.stack.currentWidget() is window.plans
    window.show_area(DOSSIER_AREA)
    gap, bao_cao = [(g, b) for g, b in zip(page.checks.gaps, page.checks.buttons, strict=True)
                    if g.part == "bao-cao"][0]  # fmt: skip
    assert isinstance(bao_cao, QPushButton) and bao_cao.text() == f"Mở mục {gap.item}"
    qtbot.mouseClick(bao_cao, Qt.MouseButton.LeftButton)
    assert window.sidebar.currentRow() == RECOGNITION_AREA
    recognition = window.recognition  # on the table's tab, the item selected
    assert recognition.tabs.currentIndex() == 0
    assert recognition.tree.code_at(recognition.tree.currentIndex()) == gap.item
    window.show_area(DOSSIER_AREA)
    window.activateWindow()
    qtbot.mouseClick(page.checks.buttons[0], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.number_edit)
    # The number given, its line goes; the plan approved, its line goes.
    with qtbot.wait_signal(page.checked):
        page.number_edit.setText(NUMBER)  # QTest types Latin-1 only
    dossier_data.plans.register(2025, "da-duyet", "09/11/2024", "15-ĐK/TĐ")
    page.refresh_check()
    assert [line[0] for line in _lines(page)][:2] == ["to-trinh", "xep-loai"]


def test_a_figure_printed_twice_leads_to_its_target_and_is_asked_before_building(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    kinds = dossier_data.activities.kind_names()
    dossier_data.plans.add_target(2025, {"text": "Tổ chức 2 buổi tuyên truyền"}, kinds)
    target = "Giới thiệu 3 đoàn viên ưu tú cho Đảng"
    dossier_data.plans.add_target(
        2025, {"text": target, "planned": "3", "unit": "đoàn viên", "achieved": "2"}, kinds
    )
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.show()
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    (button,) = [b for g, b in zip(page.checks.gaps, page.checks.buttons, strict=True)
                 if g.contradiction]  # fmt: skip
    assert isinstance(button, QPushButton) and button.text() == "Mở Kế hoạch"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    plans = window.plans
    assert window.stack.currentWidget() is plans and plans.year == 2025
    qtbot.waitUntil(lambda: plans.selected_target_id() is not None)
    assert plans.model.target(plans.table.currentIndex().row()).text == target
    # "Quay lại": nothing is built; "Vẫn lập": built.
    window.show_area(DOSSIER_AREA)
    page.number_edit.setText(NUMBER)
    prompts.answer = False
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.job is None and page.pdf is None and page.build_button.isEnabled()
    assert prompts.asked == [
        f"Hồ sơ sẽ in hai số khác nhau cho chỉ tiêu “{target}” (nhập tay 2 đoàn viên, ứng "
        "dụng đếm 0 đoàn viên): vẫn lập?"
    ]
    assert prompts.buttons == [("Vẫn lập", "Quay lại")]
    prompts.answer = True
    with qtbot.wait_signal(page.built, timeout=20000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.pdf is not None and len(prompts.asked) == 2
    page.close_pdf()


def test_ordinary_gaps_build_without_asking(
    dossier_data: Workspace,
    make_page: Callable[..., DossierPage],
    qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> None:
    page = make_page(dossier_data, prompts)
    page.number_edit.setText(NUMBER)
    page.refresh_check()
    assert page.checks.gaps  # items missing, not asked about
    with qtbot.wait_signal(page.built, timeout=20000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.pdf is not None and prompts.asked == []


def test_the_secretarys_name_is_fixed_in_the_settings(
    ws: Workspace, make_page: Callable[..., DossierPage]
) -> None:
    info = ws.organization.get()
    assert info is not None
    ws.organization.update(dataclasses.replace(info, secretary_name=""))
    page = make_page(ws)
    page.number_edit.setText(NUMBER)
    page.refresh_check()
    assert ("to-trinh", "Chưa có họ tên Bí thư (phần Thiết lập).", "Mở Thiết lập") in _lines(page)


def test_the_parts_follow_the_core_and_can_be_moved_and_left_out(page: DossierPage) -> None:
    assert page.parts.codes() == list(PARTS)
    assert page.parts.chosen() == list(DEFAULT_PARTS)
    assert not page.parts.up_button.isEnabled()
    page.parts.list.setCurrentRow(1)
    page.parts.down_button.click()
    assert page.parts.codes()[:3] == [list(PARTS)[0], list(PARTS)[2], list(PARTS)[1]]
    page.parts.up_button.click()
    assert page.parts.codes() == list(PARTS)
    page.parts.set_ticked("to-trinh", False)
    page.parts.set_ticked("thong-ke", True)
    page.parts.list.setCurrentRow(page.parts.codes().index("thong-ke"))
    page.parts.up_button.click()
    chosen = page.parts.chosen()
    assert chosen[0] == "bao-cao" and "to-trinh" not in chosen
    codes = page.parts.codes()
    assert codes.index("thong-ke") == codes.index("so-thanh-nien") - 1
    assert chosen[-2:] == ["thong-ke", "minh-chung"]
    page.refresh_check()
    assert "to-trinh" not in [g.part for g in page.checks.gaps]
    page.parts.default_button.click()
    assert page.parts.chosen() == list(DEFAULT_PARTS)


def _built(page: DossierPage, qtbot: QtBot) -> PdfReader:
    page.number_edit.setText(NUMBER)
    with qtbot.wait_signal(page.built):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.pdf is not None
    return PdfReader(page.pdf.path)


def test_the_built_dossier_is_previewed_page_by_page_with_its_outline(
    page: DossierPage, qtbot: QtBot
) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    reader = _built(page, qtbot)
    pages = len(reader.pages)
    preview = page.preview
    assert messages == [f"Đã lập hồ sơ năm 2025: {pages} trang."]
    assert page.info.text() == f"Hồ sơ năm 2025: {pages} trang."
    assert len(preview.view.pdf or []) == pages and pages > 10
    assert preview.thumbnails_model.rowCount() == pages
    assert preview.page_count.text() == f"/ {pages}"
    assert page.print_action.isEnabled() and page.save_action.isEnabled()
    assert not page.folder_action.isEnabled()
    # The outline is the dossier's bookmarks: parts, and evidence items under the annex.
    model = preview.outline_model
    tops = [model.item(row).text() for row in range(model.rowCount())]
    bookmarks = _outline(reader)
    assert tops == [t for t, _ in bookmarks if not t.startswith("Minh chứng")]
    annex = model.item(tops.index("Phụ lục minh chứng"))
    assert [annex.child(r).text() for r in range(annex.rowCount())] == [
        "Minh chứng 1.1.1: Biên bản rà soát đoàn viên",
        "Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn",
    ]
    # Each entry says its full title when the pane is too narrow for it; the pane starts wide
    # enough for most titles and its handle widens it.
    page_number = dict(bookmarks)[annex.child(0).text()]
    assert page_number is not None
    assert annex.child(0).toolTip() == f"{annex.child(0).text()} — trang {page_number + 1}"
    assert preview.side.minimumWidth() == SIDE_MIN_WIDTH
    # A title longer than the pane is wide wraps onto a second line rather than ending in "…".
    outline = preview.outline
    outline.resize(SIDE_MIN_WIDTH, 400)
    outline.show()
    qtbot.waitExposed(outline)
    outline.doItemsLayout()
    short = outline.visualRect(model.item(0).index())
    long = outline.visualRect(annex.child(0).index())
    metrics = outline.fontMetrics()
    assert metrics.horizontalAdvance(annex.child(0).text()) > long.width()  # needs two lines
    assert long.height() >= 2 * metrics.lineSpacing() > short.height()
    # A click on an evidence item shows its first page.
    item = annex.child(0)
    preview.outline.clicked.emit(item.index())
    target = dict(bookmarks)["Minh chứng 1.1.1: Biên bản rà soát đoàn viên"]
    assert preview.view.current_page == target
    assert reader.pages[target].extract_text().startswith("Biên bản trang 1")
    assert preview.page_box.value() == target + 1
    assert preview.thumbnails.currentIndex().row() == target
    # Only what was seen was rendered: not 300 pages' thumbnails for a look at one.
    assert preview.view.visible_pages().start <= target
    assert len(preview.thumbnails_model.rendered) < pages


def test_a_build_of_some_parts_says_the_report_bundle_keeps_the_whole_one(
    page: DossierPage, dossier_data: Workspace, qtbot: QtBot
) -> None:
    from doancoso.core.lang.dates import format_vn_datetime

    kept = dossier_data.data_dir / "ho-so" / "ho-so-nam-2025.pdf"
    whole = len(_built(page, qtbot).pages)
    assert page.info.text() == f"Hồ sơ năm 2025: {whole} trang."
    full = kept.read_bytes()
    built = dossier_data.bundles.dossier(2025)
    assert built is not None
    for code in PARTS:
        page.parts.set_ticked(code, code == "to-trinh")
    pages = len(_built(page, qtbot).pages)
    missing = len(DEFAULT_PARTS) - 1
    assert page.info.text() == (
        f"Hồ sơ năm 2025: {pages} trang. Hồ sơ này thiếu {missing} phần mặc định nên không được "
        "lưu để kèm gói báo cáo năm 2025: gói báo cáo vẫn kèm hồ sơ đủ các phần tạo lúc "
        f"{format_vn_datetime(built.built_at)}."
    )
    assert kept.read_bytes() == full  # the whole one, as it was
    page.parts.default_button.click()
    _built(page, qtbot)
    assert page.info.text() == f"Hồ sơ năm 2025: {whole} trang."


def test_keys_move_page_by_page(page: DossierPage, qtbot: QtBot) -> None:
    reader = _built(page, qtbot)
    view = page.preview.view
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page == 2
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page == len(reader.pages) - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page == 0
    page.preview.page_box.setValue(5)
    assert view.current_page == 4


def _white_span(page: DossierPage) -> int:
    """How wide the first page shows: the run of white pixels across its top margin."""
    view = page.preview.view
    view.go_to_page(0)
    image = view.viewport().grab().toImage()
    y = view.page_rect(0).top() - view.verticalScrollBar().value() + 6
    white = [x for x in range(image.width()) if image.pixelColor(x, y).lightness() > 250]
    return max(white) - min(white) + 1


def test_zoom_changes_the_size_pages_are_rendered_at(page: DossierPage, qtbot: QtBot) -> None:
    for code in PARTS:  # pages of one size (A4 upright): the column is as wide as they are
        page.parts.set_ticked(code, code in ("to-trinh", "bao-cao"))
    _built(page, qtbot)
    view, preview = page.preview.view, page.preview
    fitted = _white_span(page)
    assert fitted == view.page_rect(0).width()
    assert view.viewport().width() - fitted <= 2 * 12 + 1  # fits the width
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    assert _white_span(page) == pytest.approx(fitted / 1.25, abs=2)
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    smaller = _white_span(page)
    assert smaller == pytest.approx(fitted / 1.25 / 1.25, abs=2)
    wheel = QWheelEvent(QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert _white_span(page) == pytest.approx(smaller * 1.25 * 1.25, abs=3)
    assert preview.zoom_label.text().endswith("%")
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert _white_span(page) == fitted


def test_a_cancelled_build_writes_nothing(page: DossierPage, qtbot: QtBot) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.progress.valueChanged.connect(lambda _value: page.cancel_build())
    with qtbot.wait_signal(page.built):
        page.build()
    assert messages == ["Đã hủy lập hồ sơ; chưa ghi gì."]
    assert page.pdf is None and page.job is None
    assert list(page.folder.iterdir()) == []
    assert page.build_button.isEnabled() and not page.progress.isVisible()


def test_an_encrypted_evidence_pdf_is_named_and_nothing_is_written(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    writer = PdfWriter(clone_from=PdfReader(evidence_pdf(tmp_path / "plain.pdf", 1)))
    writer.encrypt("mat-khau")
    locked = tmp_path / "khoa.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    dossier_data.recognition.attach(2025, "1.3", locked, "Kế hoạch rèn luyện")
    prompts = ScriptedPrompts()
    page = make_page(dossier_data, prompts)
    page.number_edit.setText(NUMBER)
    with qtbot.wait_signal(page.built):
        page.build()
    assert prompts.errors == [
        "Tệp minh chứng “khoa.pdf” (Minh chứng 1.3.1) có mật khẩu. "
        "Hãy thay hoặc gỡ tệp này rồi lập lại hồ sơ; chưa ghi gì."
    ]
    assert page.pdf is None and list(page.folder.iterdir()) == []
    assert not page.save_action.isEnabled() and not page.print_action.isEnabled()


def test_the_number_of_the_to_trinh_is_offered_again_for_its_year(
    page: DossierPage, dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    _built(page, qtbot)  # with NUMBER, for 2025
    again = make_page(dossier_data)  # the page of the next start of the app
    assert (again.year, again.number_edit.text()) == (2025, NUMBER)
    again.year_box.setValue(2024)
    assert again.number_edit.text() == ""  # none used for 2024
    again.number_edit.setText("03-TTr/ĐTN")
    again.year_box.setValue(2025)
    assert again.number_edit.text() == "03-TTr/ĐTN"  # typed: kept
    again.number_edit.clear()
    again.year_box.setValue(2024)
    again.year_box.setValue(2025)
    assert again.number_edit.text() == NUMBER


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type ``text`` as a user does: the ASCII keys pressed, "ĐTN" committed as a Vietnamese
    input method commits it (QTest cannot press "Đ")."""
    head, tail = text.split("Đ")
    qtbot.keyClicks(edit, head)
    edit.insert("Đ" + tail)


def test_a_typed_number_is_kept_without_building(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    """The number is typed from the office's register, then the app is closed before the
    dossier is built (the evidence is not all in yet): the next start offers it for its year,
    with no question on closing; each year keeps its own."""
    page = make_page(dossier_data)
    assert page.year == 2025 and page.number_edit.text() == ""
    page.number_edit.setFocus()
    _type(qtbot, page.number_edit, NUMBER)
    page.year_box.setValue(2024)
    assert page.number_edit.text() == ""  # 2024's own: none
    _type(qtbot, page.number_edit, "03-TTr/ĐTN")
    page.close()
    again = make_page(dossier_data)  # the page of the next start of the app
    assert (again.year, again.number_edit.text()) == (2025, NUMBER)
    again.year_box.setValue(2024)
    assert again.number_edit.text() == "03-TTr/ĐTN"
    again.number_edit.selectAll()
    qtbot.keyClick(again.number_edit, Qt.Key.Key_Delete)  # cleared: forgotten too
    again.close()
    assert make_page(dossier_data).number_edit.text() == NUMBER
    third = make_page(dossier_data)
    third.year_box.setValue(2024)
    assert third.number_edit.text() == ""


def test_a_file_without_caption_is_named_with_a_button_to_its_item(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    dossier_data.recognition.attach(2025, "1.7", evidence_pdf(tmp_path / "bien-ban-1cong1.pdf"))
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.show()
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    (line,) = [line for line in _lines(page) if "bien-ban-1cong1.pdf" in line[1]]
    assert line[0] == "minh-chung" and line[2] == "Mở mục 1.7"
    button = page.checks.buttons[_lines(page).index(line)]
    assert isinstance(button, QPushButton)
    assert button.toolTip() == "Sửa ở 3 chủ động, mục 1.7"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.recognition
    assert window.recognition.item_panel.view is not None
    assert window.recognition.item_panel.view.item.code == "1.7"


def test_a_register_file_without_caption_is_named_with_its_record(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], tmp_path: Path
) -> None:
    """A file of the coordination register, annexed under item 3.3, is named as an item's
    file is, with its record and the register's tab where it is captioned."""
    from doancoso.core.recognition.registers import COORDINATION_TABLE

    program = dossier_data.registers.save_coordination(
        {"day": "01/04/2025", "partner": "Hội Nông dân xã", "title": "Hỗ trợ thu hoạch lúa"}
    )
    dossier_data.evidence.attach(
        COORDINATION_TABLE, program, evidence_pdf(tmp_path / "gat-lua.pdf", pages=1)
    )
    page = make_page(dossier_data)
    (line,) = [line for line in _lines(page) if "gat-lua.pdf" in line[1]]
    assert line == (
        "minh-chung",
        "Chương trình phối hợp với Hội Nông dân xã “Hỗ trợ thu hoạch lúa”: tệp minh chứng "
        "“gat-lua.pdf” chưa có chú thích; hồ sơ in tên chương trình thay cho tên tệp. Ghi chú "
        "thích (ví dụ “Buổi tuyên truyền tại ấp Bà Điều”) ở trang “3 chủ động”, tab “Sổ tham "
        "mưu, phối hợp”.",
        "Mở sổ tham mưu, phối hợp",
    )


def test_a_register_file_without_caption_leads_to_its_record(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The line's button opens the register's tab on the record whose file needs a caption,
    the record selected with its files shown, as an item's line opens the item."""
    from doancoso.core.recognition.registers import ADVICE_TABLE

    dossier_data.registers.save_advice({"day": "02/09/2025", "title": "Báo cáo tình hình"})
    advice = dossier_data.registers.save_advice(
        {"day": "15/10/2025", "title": "Đề xuất giao chỉ tiêu"}
    )
    dossier_data.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "de-xuat.pdf", 1))
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.show()
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    (line,) = [line for line in _lines(page) if "de-xuat.pdf" in line[1]]
    assert line[2] == "Mở sổ tham mưu, phối hợp"
    button = page.checks.buttons[_lines(page).index(line)]
    assert isinstance(button, QPushButton)
    assert button.toolTip() == "Sửa ở 3 chủ động, tab “Sổ tham mưu, phối hợp”"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    recognition = window.recognition
    assert window.stack.currentWidget() is recognition
    assert recognition.tabs.currentWidget() is recognition.register
    assert recognition.register.currentWidget() is recognition.register.advice
    assert recognition.register.advice.selected_ids() == [advice]


def test_before_a_build_the_choices_and_the_check_have_room_at_1366x768(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """In the window of a 1366×768 screen, before any dossier is built (the preview has nothing
    to show), every part's name reads on one line and the check's lines and buttons read in
    full, not squeezed into a third of the page; once a dossier is shown the preview gets its
    room, unless the secretary moved the divider herself."""
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 705)  # maximised, under the taskbar and the title bar
    window.show()
    qtbot.waitExposed(window)
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    QApplication.processEvents()
    parts = page.parts.list
    one_line = parts.visualItemRect(parts.item(0)).height()
    heights = {parts.item(r).text(): parts.visualItemRect(parts.item(r)).height()
               for r in range(parts.count())}  # fmt: skip
    assert heights == dict.fromkeys(PARTS.values(), one_line)
    assert page.checks.buttons and all(
        b.width() >= b.sizeHint().width() for b in page.checks.buttons if b is not None
    )
    left, right = page.splitter.sizes()
    assert left >= right * 0.9

    with qtbot.wait_signal(page.built):
        page.build_button.click()
    left, right = page.splitter.sizes()
    assert right >= 2 * left  # the preview's room
    page.splitter.moveSplitter(500, 1)  # the secretary's choice stays through a rebuild
    kept = page.splitter.sizes()
    with qtbot.wait_signal(page.built):
        page.build_button.click()
    assert page.splitter.sizes() == kept
    window.close()


def test_the_year_box_and_its_neighbours_keep_their_natural_width_at_1366x768(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """The "Năm" box is as wide as four digits and its arrows, as on the other pages, not a
    bar across the whole form; "Văn bản khác…" and "Ảnh minh chứng" as wide as their words."""
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    qtbot.waitExposed(window)
    window.show_area(DOSSIER_AREA)
    QApplication.processEvents()
    box = window.dossier.year_box
    assert box.width() == box.sizeHint().width()
    assert box.width() < window.dossier.number_edit.width() / 2
    # The button and the photos' choice too: as wide as their words.
    for natural in (window.dossier.numbers_button, window.dossier.photos_box):
        assert natural.width() == natural.sizeHint().width()
    window.close()


def test_the_year_cannot_change_while_the_dossier_is_checked_or_built(
    page: DossierPage, qtbot: QtBot
) -> None:
    """The year could be changed while a build ran: the preview then showed the earlier year's
    dossier under the new year. It is fixed until the build ends (and while the check before
    it runs)."""
    page.number_edit.setText(NUMBER)
    during: list[bool] = []
    page.progress.valueChanged.connect(lambda _value: during.append(page.year_box.isEnabled()))
    with qtbot.wait_signal(page.built):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert during and not any(during)
    assert page.year_box.isEnabled()
    assert (page.built_year, page.year) == (2025, 2025)
    assert page.info.text().startswith("Hồ sơ năm 2025: ")


def test_a_built_file_that_cannot_be_opened_leaves_the_page_ready_to_build_again(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    """The build ended but its file cannot be opened (a disk that failed it): the error is
    shown and the page can build again (its button, its year and no progress bar left on)."""
    prompts = ScriptedPrompts()
    page = make_page(dossier_data, prompts)
    broken = page.folder / "ho-so-hong.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF")
    page._set_building(True)
    with qtbot.wait_signal(page.built):
        page._built(broken, 2025, object(), None)
    assert len(prompts.errors) == 1 and page.pdf is None
    assert page.build_button.isEnabled() and page.year_box.isEnabled()
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
