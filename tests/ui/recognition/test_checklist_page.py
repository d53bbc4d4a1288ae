"""The "3 chủ động" page: the tree of criteria and items (checked by qtmodeltester), ticking
an item and the readiness that follows, the contradiction of a tick against the app's figure
shown with its explanation, "Còn thiếu" leading to its item, the narrative saved, a year
opened with its template, and the page following changes made elsewhere."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from doancoso.core.recognition.template import default_template, parse_template
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.checklist_model import (
    CODE_ROLE,
    COL_INDICATOR,
    COL_STATUS,
    CONTRADICTION_ROLE,
)
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.operations import Core, CoreOp
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _cell(page: RecognitionPage, code: str, column: int, role: int = 0) -> object:
    index = page.model.item_index(code)
    return page.model.data(index.siblingAtColumn(column), role or Qt.ItemDataRole.DisplayRole)


def _criterion_cell(page: RecognitionPage, row: int, column: int) -> object:
    return page.model.data(page.model.index(row, column))


def test_the_tree_passes_the_model_tester(
    page: RecognitionPage, ws: Workspace, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 3
    assert [page.model.rowCount(page.model.index(r, 0)) for r in range(3)] == [7, 4, 3]
    assert _criterion_cell(page, 1, 0) == (
        "Tiêu chí 2. Chủ động xây dựng và thực hiện kế hoạch công tác"
    )
    first = page.model.index(0, 0, page.model.index(0, 0))
    assert first.data() == "1.1  Danh sách đoàn viên được lập đầy đủ, cập nhật thường xuyên"
    assert first.data(CODE_ROLE) == "1.1"
    assert page.model.index(0, 0).data(CODE_ROLE) is None
    ws.recognition.set(2025, "1.1", {"status": "dat"})
    page.refresh()  # a new view of the same items: cells change in place
    qtmodeltester.check(page.model)
    assert _cell(page, "1.1", COL_STATUS) == "Đạt"


def test_ticking_an_item_changes_the_readiness(page: RecognitionPage, ws: Workspace) -> None:
    assert page.summary.text() == (
        "Tổng: 0/14 đạt   ·   Tiêu chí 1: 0/7 đạt   ·   Tiêu chí 2: 0/4 đạt   ·   "
        "Tiêu chí 3: 0/3 đạt"
    )
    page.select_item("1.3")
    panel = page.item_panel
    assert panel.title.text() == (
        "<b>Mục 1.3.</b> Thực hiện chương trình rèn luyện đoàn viên, dùng kết quả để đánh giá, "
        "xếp loại cuối năm"
    )
    assert panel.status_buttons["chua-danh-gia"].isChecked()
    panel.status_buttons["dat"].click()
    assert page.summary.text().startswith("Tổng: 1/14 đạt   ·   Tiêu chí 1: 1/7 đạt")
    assert _criterion_cell(page, 0, COL_STATUS) == "1/7 đạt"
    assert _cell(page, "1.3", COL_STATUS) == "Đạt"
    panel.status_buttons["khong-ap-dung"].click()  # not counted any more
    assert page.summary.text().startswith("Tổng: 0/13 đạt   ·   Tiêu chí 1: 0/6 đạt")
    assert next(v for v in ws.recognition.view(2025).items if v.item.code == "1.3").status == (
        "khong-ap-dung"
    )
    assert page.tree.currentIndex().data(CODE_ROLE) == "1.3"  # still on the item


def test_a_tick_against_the_apps_figure_is_shown_with_why(
    page: RecognitionPage, core: Core
) -> None:
    page.select_item("3.1")
    panel = page.item_panel
    assert panel.contradiction.isHidden()
    assert _cell(page, "3.1", COL_INDICATOR) == "0 / ≥ 1"
    panel.status_buttons["dat"].click()
    assert _cell(page, "3.1", COL_INDICATOR) == "⚠ 0 / ≥ 1"
    assert _cell(page, "3.1", COL_INDICATOR, CONTRADICTION_ROLE) is True
    assert _cell(page, "3.1", COL_INDICATOR, Qt.ItemDataRole.BackgroundRole) is not None
    explanation = (
        "Mục 3.1 được tự đánh giá “Đạt” nhưng số liệu của ứng dụng chưa đạt: Số văn bản tham mưu "
        "cấp ủy trong năm: 0 / ≥ 1. 0 văn bản tham mưu trong năm. Hãy kiểm tra lại đánh giá hoặc "
        "bổ sung số liệu."
    )
    assert not panel.contradiction.isHidden()
    assert panel.contradiction.text() == f"⚠ {explanation}"
    assert _cell(page, "3.1", COL_INDICATOR, Qt.ItemDataRole.ToolTipRole) == explanation
    assert "Số liệu: 0 — ngưỡng ≥ 1" in panel.indicator.text()
    assert "Tính ngày 31/12/2025 từ dữ liệu của ứng dụng." in panel.indicator.text()
    # An advice record saved anywhere in the app: the page reads again, the flag goes.
    record = {"day": "15/06/2025", "title": "Tờ trình về công tác thanh niên"}
    CoreOp(None, lambda ws: ws.registers.save_advice(record), core).run()
    assert _cell(page, "3.1", COL_INDICATOR) == "1 / ≥ 1"
    assert panel.contradiction.isHidden()
    # The register itself is cited as live evidence, with its figure now
    assert panel.records.text() == (
        "Hồ sơ trong ứng dụng:\n• Sổ tham mưu cấp ủy: 1 văn bản trong năm 2025"
    )


def test_missing_lines_lead_to_their_item(page: RecognitionPage) -> None:
    lines = [page.missing.item(row).text() for row in range(page.missing.count())]
    assert lines[:3] == [
        "Mục 1.1 chưa tự đánh giá.",
        "Mục 1.1: chỉ số “Danh sách đoàn viên cập nhật trong vòng (tháng)” chưa đạt — Danh sách "
        "đoàn viên chưa có ai.",
        "Mục 1.2 chưa tự đánh giá.",
    ]
    assert page.missing_title.text() == f"<b>Còn thiếu ({len(lines)})</b>"
    assert page.verdict.text() == f"<b style='color:#c62828'>Còn thiếu {len(lines)} việc</b>"
    entry = next(
        page.missing.item(r)
        for r in range(page.missing.count())
        if page.missing.item(r).text() == "Mục 1.5 chưa có tệp minh chứng."
    )
    page.tabs.setCurrentIndex(1)
    page.missing.itemClicked.emit(entry)
    assert page.tabs.currentIndex() == 0
    assert page.tree.currentIndex().data(CODE_ROLE) == "1.5"
    assert page.item_panel.title.text().startswith("<b>Mục 1.5.</b>")


def test_the_narrative_is_saved_and_kept_when_switching(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    page.select_item("1.5")
    panel = page.item_panel
    assert not panel.save_button.isEnabled()
    panel.note.setPlainText("Lập nhóm Zalo cho từng chi đoàn.")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "1.5")
    assert item.note == "Lập nhóm Zalo cho từng chi đoàn."
    assert not panel.save_button.isEnabled()
    panel.note.setPlainText("Lập nhóm Zalo; họp mặt thanh niên dịp Tết.")
    prompts.answer = True  # "Lưu" before going to another item
    page.select_item("1.6")
    assert prompts.asked == ["Nội dung của mục 1.5 chưa được lưu. Lưu lại trước khi chuyển?"]
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "1.5")
    assert item.note == "Lập nhóm Zalo; họp mặt thanh niên dịp Tết."
    assert panel.title.text().startswith("<b>Mục 1.6.</b>")


def test_points_are_checked_under_their_field(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    page = make_page()
    page.select_item("1.1")
    panel = page.item_panel
    assert panel.points.isVisibleTo(panel) and panel.points_max.text() == "/ 10 điểm"
    panel.points.setText("12")
    panel.save_button.click()
    assert panel.errors.message("points") == "Điểm phải từ 0 đến 10."
    panel.points.setText("8,5")
    panel.save_button.click()
    assert panel.errors.message("points") == ""
    assert page.summary.text().startswith("Tổng: 0/14 đạt · 8,5/10 điểm")
    assert _criterion_cell(page, 0, COL_INDICATOR) == "8,5/10 điểm"
    assert _criterion_cell(page, 0, COL_STATUS) == "0/7 đạt"
    page.select_item("1.2")
    assert not panel.points.isVisibleTo(panel)  # the template gives 1.2 no points


def test_an_item_not_applicable_leaves_the_points_possible(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """An item "Không áp dụng" is not scored: its points drop out of the total possible of the
    page and of its criterion, as it drops out of the items counted."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    data["criteria"][0]["items"][1]["points"] = 5
    data["criteria"][1]["items"][0]["points"] = 20
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8"})
    ws.recognition.set(2025, "1.2", {"status": "Không áp dụng", "points": "5"})
    page = make_page()
    assert ws.recognition.view(2025).points() == (8, 30)
    assert page.summary.text().startswith("Tổng: 1/13 đạt · 8/30 điểm   ·   Tiêu chí 1: 1/6 "
                                          "đạt · 8/10 điểm")  # fmt: skip
    assert _criterion_cell(page, 0, COL_INDICATOR) == "8/10 điểm"
    assert _criterion_cell(page, 1, COL_INDICATOR) == "0/20 điểm"


def test_a_year_not_opened_offers_the_templates(
    qtbot: QtBot, ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    page = make_page()
    assert page.checklist_stack.currentWidget() is page.open_panel
    assert page.open_panel.title.text() == "Năm 2025 chưa có bảng tự đánh giá “3 chủ động”."
    assert page.open_panel.contents.text() == "3 tiêu chí, 14 mục"
    assert [page.year_combo.itemText(i) for i in range(page.year_combo.count())] == [
        "2026", "2025", "2024",
    ]  # fmt: skip
    assert ws.recognition.years() == []  # looking opens nothing
    page.open_panel.open_button.click()
    assert ws.recognition.years() == [2025]
    assert page.checklist_stack.currentIndex() == 1
    assert page.template_label.full_text == (
        "Bộ tiêu chí: Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định) (nguồn: Hướng dẫn "
        "18-HD/TWĐTN-BTC ngày 24/05/2023 và hướng dẫn của các tỉnh)"
    )
    # At 1366×768 (the page 1216 px wide) the whole source is shown, wrapped, never cut.
    label = page.template_label
    assert label.text() == label.full_text == label.toolTip()
    line = label.fontMetrics().lineSpacing()
    assert label.fontMetrics().horizontalAdvance(label.full_text) > label.width()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()) >= 2 * line)
    assert page.width() == 1216
    page.set_year(2024)
    assert page.checklist_stack.currentWidget() is page.open_panel
    assert page.model.rowCount(QModelIndex()) == 0


def test_quarter_points_stay_when_the_narrative_is_saved_again(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """8,25 points given in an earlier session show as typed ("8,25", not "8,2"), and saving
    the item's narrative later keeps them: nothing the secretary did not touch changes."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    ws.recognition.set(2025, "1.1", {"points": "8,25"})
    page = make_page()
    page.select_item("1.1")
    panel = page.item_panel
    assert panel.points.text() == "8,25"
    assert page.summary.text().startswith("Tổng: 0/14 đạt · 8,25/10 điểm")
    assert _criterion_cell(page, 0, COL_INDICATOR) == "8,25/10 điểm"
    panel.note.setPlainText("Cập nhật danh sách hằng quý.")
    panel.save_button.click()
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "1.1")
    assert (item.note, item.points) == ("Cập nhật danh sách hằng quý.", 8.25)


def test_the_points_of_an_item_not_applicable_are_locked_and_kept(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """Points of an item "Không áp dụng" count nowhere: the field is locked, saying why, and
    keeps what was given (saved or only typed), which comes back with another status."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8"})
    page = make_page()
    page.select_item("1.1")
    panel = page.item_panel
    assert panel.points.isEnabled() and panel.points_max.text() == "/ 10 điểm"
    panel.status_buttons["khong-ap-dung"].click()
    assert not panel.points.isEnabled()
    assert panel.points.text() == "8"
    assert panel.points_max.text() == "/ 10 điểm (không tính: mục không áp dụng)"
    panel.status_buttons["dat"].click()
    assert panel.points.isEnabled() and panel.points.text() == "8"
    assert panel.points_max.text() == "/ 10 điểm"
    assert page.summary.text().startswith("Tổng: 1/14 đạt · 8/10 điểm")
    # Typed, not yet saved: still there, locked, and saved with "Lưu nội dung" once back.
    panel.points.setText("9,5")
    panel.status_buttons["khong-ap-dung"].click()
    assert not panel.points.isEnabled() and panel.points.text() == "9,5"
    panel.status_buttons["chua-dat"].click()
    assert panel.points.isEnabled() and panel.points.text() == "9,5"
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "1.1")
    assert (item.status, item.points) == ("chua-dat", 9.5)


def test_a_criterion_without_points_shows_no_points(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """A template giving points to criterion 1 only: criteria 2 and 3 have nothing to score,
    and say nothing of points (never "0/0 điểm")."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8"})
    page = make_page()
    assert page.summary.text() == (
        "Tổng: 1/14 đạt · 8/10 điểm   ·   Tiêu chí 1: 1/7 đạt · 8/10 điểm   ·   "
        "Tiêu chí 2: 0/4 đạt   ·   Tiêu chí 3: 0/3 đạt"
    )
    assert _criterion_cell(page, 0, COL_INDICATOR) == "8/10 điểm"
    assert _criterion_cell(page, 1, COL_INDICATOR) == ""
    assert _criterion_cell(page, 2, COL_INDICATOR) == ""


def test_invalid_points_of_an_item_set_not_applicable_are_shown_open_to_correct(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """Invalid points typed, then "Không áp dụng" (the field locks), then "Lưu": the message is
    shown under a field open again to correct them, without going back to another status;
    once saved, the field locks again and keeps them."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm"
    data["criteria"][0]["items"][0]["points"] = 10
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm")
    page = make_page()
    page.select_item("1.1")
    panel = page.item_panel
    panel.note.setPlainText("Cập nhật danh sách hằng quý.")
    panel.points.setText("12")
    panel.status_buttons["khong-ap-dung"].click()
    assert not panel.points.isEnabled()
    panel.save_button.click()
    assert panel.errors.message("points") == "Điểm phải từ 0 đến 10."
    assert panel.points.isEnabled() and panel.window().focusWidget() is panel.points
    assert panel.points_max.text() == "/ 10 điểm (không tính: mục không áp dụng)"
    assert panel.status_buttons["khong-ap-dung"].isChecked()
    panel.points.setText("9")
    panel.save_button.click()
    assert panel.errors.message("points") == ""
    assert not panel.points.isEnabled() and panel.points.text() == "9"
    item = next(v for v in ws.recognition.view(2025).items if v.item.code == "1.1")
    assert (item.status, item.points) == ("khong-ap-dung", 9)
    assert item.note == "Cập nhật danh sách hằng quý."


def test_tab_from_the_missing_list_reaches_the_items_assessment(
    page: RecognitionPage, qtbot: QtBot
) -> None:
    """On the keyboard, Tab goes from "Còn thiếu" to the item's "Tự đánh giá" (Space ticks),
    not to an invisible stop on the panel's scrolling area first."""
    page.window().activateWindow()
    page.select_item("1.5")
    page.missing.setFocus()
    qtbot.waitUntil(page.missing.hasFocus)
    qtbot.keyClick(page.missing, Qt.Key.Key_Tab)
    buttons = page.item_panel.status_buttons
    focused = QApplication.focusWidget()
    assert [code for code, button in buttons.items() if button is focused] == ["dat"]
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # ticks "Đạt", saved at once
    assert page.item_panel.view is not None and page.item_panel.view.status == "dat"


def test_a_year_not_begun_reads_not_due_not_failed(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    """On 31/12/2025 next year's checklist, its plan made in advance: item 2.2 read "0 / ≥ 80%"
    in red ("Chưa đạt"), as if the plan had failed; it reads "Chưa đến kỳ", as the plans page
    does, and is neither contradicted nor missing."""
    ws.plans.create(2026)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        2026, {"text": "Kết nạp 20 đoàn viên", "planned": "20", "measure": "admissions"}, kinds
    )
    ws.recognition.open(2026)
    ws.recognition.set(2026, "2.2", {"status": "dat"})
    page = make_page()
    page.set_year(2026)
    assert _cell(page, "2.2", COL_INDICATOR) == "Chưa đến kỳ"
    assert _cell(page, "2.2", COL_INDICATOR, CONTRADICTION_ROLE) is False
    page.select_item("2.2")
    panel = page.item_panel
    assert panel.contradiction.isHidden()
    text = panel.indicator.text()
    assert ">Chưa đến kỳ</b>" in text
    assert "Kế hoạch có 1 chỉ tiêu, chưa đến kỳ đánh giá: năm 2026 chưa bắt đầu." in text
    assert "Chưa đạt" not in text
    missing = [page.missing.item(row).text() for row in range(page.missing.count())]
    assert missing and not [line for line in missing if "2.2" in line]


def test_a_criterion_whose_items_all_do_not_apply_reads_no_zero_over_zero(
    page: RecognitionPage, ws: Workspace
) -> None:
    """Every item of criterion 3 set "Không áp dụng": its row and the readiness line said
    "0/0 đạt"; they say no item is counted (the "Còn thiếu" list says why that fails)."""
    for code in ("3.1", "3.2", "3.3"):
        ws.recognition.set(2025, code, {"status": "Không áp dụng"})
    page.refresh()
    assert _criterion_cell(page, 2, COL_STATUS) == "không có mục được tính"
    assert page.summary.text() == (
        "Tổng: 0/11 đạt   ·   Tiêu chí 1: 0/7 đạt   ·   Tiêu chí 2: 0/4 đạt   ·   "
        "Tiêu chí 3: không có mục được tính"
    )


def test_the_files_buttons_stay_in_view_over_a_long_item(
    qtbot: QtBot, page: RecognitionPage
) -> None:
    """At 1366 × 768 an item ticked against the app's figure (its indicator, the warning, the
    records it cites, what was done) is taller than the panel: its text scrolls, while the
    files and "Đính kèm tệp…" stay in view, not under the fold where the secretary would not
    find them."""
    page.select_item("3.1")
    panel = page.item_panel
    panel.status_buttons["dat"].click()
    panel.note.setPlainText("\n".join(f"Việc đã làm thứ {n}." for n in range(1, 9)))
    assert not panel.contradiction.isHidden()
    qtbot.waitUntil(lambda: panel.files.attach_button.isVisible())
    wholly_shown = [panel.files.attach_button, panel.files.detach_button, panel.files.view]

    def in_view() -> bool:
        return all(w.visibleRegion().boundingRect() == w.rect() for w in wholly_shown)

    qtbot.waitUntil(in_view)
