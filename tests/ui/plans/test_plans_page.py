"""The plan page: the empty year, a plan made or copied, the targets and their progress,
target add/edit/delete (undo)/move, the texts and the registration saved, the refresh on
changes, printing KH and BC."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.plans.targets import COL_SHARE, SHARE_ROLE
from doancoso.ui.shell.operations import CoreOp
from plan_data import YEAR, make_plan_data
from stored import plan_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _texts(page: PlansPage) -> list[str]:
    return [page.model.target(r).text for r in range(page.model.rowCount())]


def _years(page: PlansPage) -> list[str]:
    return [page.year_combo.itemText(i) for i in range(page.year_combo.count())]


def _choose_year(page: PlansPage, year: int) -> None:
    page.year_combo.setCurrentIndex(page.year_combo.findData(year))


def test_a_year_without_a_plan(ws: Workspace, make_page) -> None:
    page = make_page(ws)
    assert page.stack.currentIndex() == 0
    assert page.empty_label.text() == "Chưa có kế hoạch công tác năm 2026."
    assert page.create_button.text() == "Lậ&p kế hoạch năm 2026"
    assert page.copy_button.isHidden()  # no plan of 2025 to copy
    assert "gửi đăng ký với Tỉnh đoàn Cà Mau" in page.empty_hint.text()
    assert not page.print_plan_button.isEnabled() and not page.print_report_button.isEnabled()
    assert _years(page) == ["2027 (chưa lập)", "2026 (chưa lập)", "2025 (chưa lập)"]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.create_button.click()
    assert ws.plans.years() == [2026]
    assert page.stack.currentIndex() == 1 and page.tabs.currentIndex() == 1
    assert page.text_form.title_edit.text() == (
        "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2026"
    )
    assert _years(page) == ["2027 (chưa lập)", "2026", "2025 (chưa lập)"]
    assert messages == ["Đã lập kế hoạch công tác năm 2026."]
    assert page.summary_label.text() == "Kế hoạch chưa có chỉ tiêu nào: bấm “Thêm chỉ tiêu…”."
    assert page.print_plan_button.isEnabled() and page.add_button.isEnabled()


def test_copy_last_year_s_plan(ws: Workspace, make_page) -> None:
    make_plan_data(ws)
    ws.plans.save(YEAR, {"implementation": "- Báo cáo kết quả trước ngày 10/12/2026."})
    page = make_page(ws)
    _choose_year(page, 2027)
    assert page.stack.currentIndex() == 0
    assert page.copy_button.isVisible()
    assert page.copy_button.text() == "Sao &chép từ kế hoạch năm 2026"
    assert page.copy_notice.isHidden()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.copy_button.click()
    plan = ws.plans.get(2027)
    assert plan is not None and len(plan.targets) == 5
    assert plan.registration_state == "chua-dang-ky"
    # The texts come first, to be read: the year moved where it said "năm 2026".
    assert page.year == 2027 and page.stack.currentIndex() == 1 and page.tabs.currentIndex() == 1
    assert page.text_form.texts["grounds"].toPlainText() == (
        "Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2027 của Tỉnh đoàn "
        "Cà Mau;\nCăn cứ Nghị quyết Đại hội Đoàn xã Tân Hưng nhiệm kỳ 2025 – 2030,"
    )
    assert messages == [
        "Đã lập kế hoạch công tác năm 2027 (sao chép từ năm 2026): đã đổi “năm 2026” thành "
        "“năm 2027” ở 2 chỗ, còn 1 chỗ ghi năm cũ cần xem lại."
    ]
    assert page.copy_notice.isVisible()
    assert page.copy_notice.label.text() == (
        "Kế hoạch năm 2027 được sao chép từ kế hoạch năm 2026.\n"
        "Đã đổi “năm 2026” thành “năm 2027” ở 2 chỗ (Tên kế hoạch, Căn cứ).\n"
        "Còn 1 chỗ ghi năm 2025 hoặc 2026 không tự đổi (có thể là ngày, số văn bản hay một năm "
        "khác), hãy xem và sửa nếu cần:\n"
        "- IV. Tổ chức thực hiện: “…cáo kết quả trước ngày 10/12/2026.”\n"
        "Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký."
    )
    page.tabs.setCurrentIndex(0)
    assert _texts(page)[0] == "Kết nạp đoàn viên mới"
    assert page.registration.state_combo.currentText() == "Chưa đăng ký"
    assert not page.registration.date_edit.isEnabled()
    page.copy_notice.texts_button.click()
    assert page.tabs.currentIndex() == 1
    # The notice waits while another year is shown, and goes once read.
    _choose_year(page, 2026)
    assert page.year == 2026 and page.copy_notice.isHidden()
    _choose_year(page, 2027)
    assert page.copy_notice.isVisible()
    page.copy_notice.close_button.click()
    assert page.copy_notice.isHidden()
    _choose_year(page, 2026)
    _choose_year(page, 2027)
    assert page.copy_notice.isHidden()


def test_targets_and_progress(ws: Workspace, make_page) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    assert page.stack.currentIndex() == 1 and page.tabs.currentIndex() == 0
    assert page.model.rowCount() == 5
    assert page.summary_label.text() == (
        "5 chỉ tiêu: 0 đạt, 4 chưa đạt, 1 chưa có số liệu (số liệu đến ngày 30/11/2026). "
        "Cột “Nguồn số liệu”: “Đo tự động” là số ứng dụng tự tính."
    )
    assert page.state_label.text().strip() == (
        "Đã gửi đăng ký ngày 20/01/2026 (số 15/ĐK-TĐ), đã được duyệt"
    )
    registration = page.registration
    assert registration.state_combo.currentText() == "Đã được duyệt"
    assert registration.date_edit.text() == "20/01/2026"
    assert registration.number_edit.text() == "15/ĐK-TĐ"
    assert not registration.save_button.isEnabled()  # nothing changed yet
    form = page.text_form
    assert (form.number_edit.text(), form.date_edit.text()) == ("07-KH/ĐTN", "15/01/2026")
    assert form.texts["content"].toPlainText().startswith("1. Công tác giáo dục")
    assert not form.save_button.isEnabled() and form.unsaved_label.isHidden()


def test_a_plan_made_in_advance_is_not_yet_due(ws: Workspace, make_page) -> None:
    """Next year's plan, copied on 30/11/2026: its targets cannot have failed (it read "0 đạt,
    5 chưa đạt" with red bars at 0,0%): each share reads "Chưa đến kỳ", without a bar."""
    make_plan_data(ws)
    ws.plans.create(2027, 2026)
    page = make_page(ws)
    _choose_year(page, 2027)
    assert page.model.rowCount() == 5
    assert page.summary_label.text() == (
        "5 chỉ tiêu: chưa đến kỳ (năm 2027 chưa bắt đầu). "
        "Cột “Nguồn số liệu”: “Đo tự động” là số ứng dụng tự tính."
    )
    model = page.model
    shares = [model.index(r, COL_SHARE) for r in range(5)]
    assert [i.data() for i in shares] == ["Chưa đến kỳ"] * 5
    assert [i.data(SHARE_ROLE) for i in shares] == [None] * 5  # no bar drawn
    assert shares[0].data(Qt.ItemDataRole.ToolTipRole) == (
        "Năm của kế hoạch chưa bắt đầu: chưa đánh giá đạt hay chưa đạt."
    )
    seen: list[tuple[str, str]] = []

    def look(dialog: TargetDialog) -> None:
        seen.append((dialog.achieved_edit.text(), dialog.measure_hint.text()))
        dialog.reject()

    page.prompts.dialog_script = look
    page.select_row(0)  # counted by the app: nothing to count before 2027 ("0 đoàn viên")
    page.edit_button.click()
    assert seen == [
        (
            "",
            "Ứng dụng tự tính từ dữ liệu (sổ đoàn viên, lịch hoạt động, điểm "
            "danh). Năm 2027 chưa bắt đầu: ứng dụng tính từ ngày 01/01/2027.",
        )
    ]
    _choose_year(page, 2026)  # this year's, mid-way: judged on its figures so far
    assert page.summary_label.text().startswith("5 chỉ tiêu: 0 đạt, 4 chưa đạt, 1 chưa có số")
    assert page.model.index(0, COL_SHARE).data() == "50,0"


def test_add_a_measured_target(ws: Workspace, make_page, script) -> None:
    make_plan_data(ws)
    page = make_page(ws)

    def fill(dialog: TargetDialog) -> None:
        assert not dialog.kind_combo.isEnabled() and dialog.achieved_edit.isEnabled()
        dialog.text_edit.setPlainText("Tổ chức hoạt động tình nguyện")
        dialog.criterion_combo.setCurrentIndex(dialog.criterion_combo.findData("2"))
        dialog.planned_edit.setText("6")
        dialog.measure_combo.setCurrentIndex(dialog.measure_combo.findData("activities"))
        assert dialog.unit_edit.text() == "hoạt động"  # the measure's unit, while empty
        assert dialog.kind_combo.isEnabled() and not dialog.achieved_edit.isEnabled()
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("tinh-nguyen"))

    script.fill = fill
    page.add_button.click()
    assert _texts(page)[-1] == "Tổ chức hoạt động tình nguyện"
    assert page.selected_target_id() == page.model.target(5).id  # the new row is selected
    added = page.model.target(5)
    assert (added.criterion, added.planned, added.unit) == (2, 6, "hoạt động")
    assert (added.measure, added.measure_kind, added.achieved) == ("activities", "tinh-nguyen", 0)
    assert page.model.index(5, 6).data() == "Đo tự động"


def test_a_bad_target_keeps_the_dialog_open_and_saves_nothing(ws: Workspace, make_page,
                                                              script) -> None:  # fmt: skip
    make_plan_data(ws)
    page = make_page(ws)

    def fill(dialog: TargetDialog) -> None:
        dialog.planned_edit.setText("hai mươi")

    script.fill = fill
    page.add_button.click()
    dialog = script.seen[-1]
    assert isinstance(dialog, TargetDialog) and dialog.saved_id is None
    assert dialog.errors.messages() == {
        "text": "Cần nhập nội dung chỉ tiêu.",
        "planned": "Phải là một số, ví dụ 20 hoặc 100.",
    }
    assert page.model.rowCount() == 5 and len(plan_of(ws, YEAR).targets) == 5


def test_edit_the_achieved_figure_of_a_target_entered_by_hand(
    ws: Workspace, make_page, script, qtbot: QtBot
) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    page.select_row(3)

    def fill(dialog: TargetDialog) -> None:
        assert dialog.text_edit.toPlainText().startswith("Tham mưu cấp ủy")
        assert dialog.achieved_edit.text() == "1" and dialog.achieved_edit.isEnabled()
        dialog.achieved_edit.setText("2")

    script.fill = fill
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits
    assert isinstance(script.seen[-1], TargetDialog)
    assert page.model.index(3, 4).data() == "2 văn bản"
    assert page.model.index(3, 5).data() == "100,0"
    assert page.summary_label.text().startswith("5 chỉ tiêu: 1 đạt, 3 chưa đạt")


def test_a_measured_target_shows_what_the_app_counts(ws: Workspace, make_page, script) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    page.select_row(0)
    hints: list[str] = []

    def fill(dialog: TargetDialog) -> None:
        assert not dialog.achieved_edit.isEnabled()
        hints.append(dialog.measure_hint.text())

    script.fill = fill
    page.edit_button.click()
    assert hints == [
        "Ứng dụng tự tính từ dữ liệu (sổ đoàn viên, lịch hoạt động, điểm danh). Hiện tính "
        "được đến ngày 30/11/2026: 2 đoàn viên."
    ]


def test_delete_with_the_key_asks_and_can_be_undone(ws: Workspace, make_page,
                                                    qtbot: QtBot) -> None:  # fmt: skip
    make_plan_data(ws)
    page = make_page(ws)
    page.select_row(1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.prompts.asked == ["Xóa chỉ tiêu “Chi đoàn sinh hoạt định kỳ hằng tháng”?"]
    assert "Chi đoàn sinh hoạt định kỳ hằng tháng" not in _texts(page)
    assert len(plan_of(ws, YEAR).targets) == 4
    page._history.undo()
    assert _texts(page)[1] == "Chi đoàn sinh hoạt định kỳ hằng tháng"
    page.prompts.answer = False
    page.select_row(0)
    page.delete_button.click()
    assert page.model.rowCount() == 5  # "Không": nothing deleted


def test_move_targets_with_the_keyboard(ws: Workspace, make_page, qtbot: QtBot) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    page.select_row(0)
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _texts(page)[:2] == ["Chi đoàn sinh hoạt định kỳ hằng tháng", "Kết nạp đoàn viên mới"]
    assert page.selected_target_id() == page.model.target(1).id  # the moved one stays selected
    assert [t.text for t in plan_of(ws, YEAR).targets][1] == "Kết nạp đoàn viên mới"
    page.up_button.click()
    assert _texts(page)[0] == "Kết nạp đoàn viên mới"
    page.select_row(4)
    assert not page.down_button.isEnabled()


def test_save_the_plan_s_texts(ws: Workspace, make_page) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    form = page.text_form
    form.texts["implementation"].setPlainText("- Giao Ban Thường vụ theo dõi.")
    form.date_edit.setText("32/01/2026")
    assert not form.unsaved_label.isHidden() and form.save_button.isEnabled()
    form.save_button.click()
    assert form.errors.messages() == {"plan_date": "Ngày 32/01/2026 không có trên lịch."}
    implementation = plan_of(ws, YEAR).implementation
    assert implementation is not None
    assert implementation.startswith("- Ban Thường vụ")  # nothing saved
    form.date_edit.setText("16/01/2062")  # 2026 mistyped: it would be printed on the plan
    form.save_button.click()
    assert form.errors.messages() == {
        "plan_date": "Ngày ban hành kế hoạch năm 2026 phải trong năm 2025 hoặc năm 2026."
    }
    assert plan_of(ws, YEAR).plan_date == date(2026, 1, 15)  # nothing saved
    form.date_edit.setText("16/01/2026")
    messages: list[str] = []
    page.status_message.connect(messages.append)
    form.save_button.click()
    plan = plan_of(ws, YEAR)
    assert (plan.implementation, plan.plan_date) == ("- Giao Ban Thường vụ theo dõi.",
                                                     date(2026, 1, 16))  # fmt: skip
    assert messages == ["Đã lưu nội dung kế hoạch năm 2026."]
    assert form.unsaved_label.isHidden() and not form.save_button.isEnabled()


def test_unsaved_texts_survive_a_reload_and_are_asked_about(ws: Workspace, make_page) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    form = page.text_form
    form.texts["purposes"].setPlainText("Đang gõ dở")
    page.refresh()  # e.g. a target was added meanwhile
    assert form.texts["purposes"].toPlainText() == "Đang gõ dở"
    page.prompts.answer = False
    _choose_year(page, 2027)
    assert page.year == YEAR and page.year_combo.currentData() == YEAR
    assert page.prompts.asked == ["Kế hoạch năm 2026 có thay đổi chưa lưu. Bỏ các thay đổi đó?"]
    form.revert_button.click()
    assert form.texts["purposes"].toPlainText().startswith("- Nâng cao chất lượng")
    page.registration.number_edit.setText("16/ĐK-TĐ")  # the registration counts too
    page.prompts.answer = True
    _choose_year(page, 2027)
    assert page.year == 2027 and len(page.prompts.asked) == 2
    assert page.stack.currentIndex() == 0
    _choose_year(page, YEAR)  # back: the saved registration, not what was typed
    assert page.registration.number_edit.text() == "15/ĐK-TĐ"


def test_registration_is_checked_then_saved(ws: Workspace, make_page) -> None:
    ws.plans.create(YEAR)
    page = make_page(ws)
    box = page.registration
    assert page.state_label.text().strip() == (
        "Chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    )
    assert not box.date_edit.isEnabled()
    box.state_combo.setCurrentIndex(box.state_combo.findData("da-gui"))
    assert box.date_edit.isEnabled() and box.save_button.isEnabled()
    assert box.date_edit.text() == "30/11/2026"  # today offered
    box.date_edit.clear()
    box.save_button.click()
    assert box.errors.messages() == {"registered_on": "Cần nhập ngày gửi đăng ký."}
    box.date_edit.setText("05/12/2099")
    box.save_button.click()
    assert box.errors.messages() == {"registered_on": "Ngày gửi đăng ký không thể sau hôm nay."}
    assert plan_of(ws, YEAR).registration_state == "chua-dang-ky"
    box.date_edit.setText("10/11/2015")  # 2025 mistyped
    box.save_button.click()
    assert box.errors.messages() == {
        "registered_on": f"Kế hoạch năm {YEAR} không thể gửi đăng ký trước năm {YEAR - 1}."
    }
    assert plan_of(ws, YEAR).registration_state == "chua-dang-ky"
    box.date_edit.setText("10/11/2025")
    box.number_edit.setText("12/ĐK")
    box.save_button.click()
    plan = plan_of(ws, YEAR)
    assert (plan.registration_state, plan.registered_on, plan.registration_number) == (
        "da-gui", date(2025, 11, 10), "12/ĐK"
    )  # fmt: skip
    assert box.errors.messages() == {} and not box.save_button.isEnabled()
    assert page.state_label.text().strip() == "Đã gửi đăng ký ngày 10/11/2025 (số 12/ĐK)"


def test_the_deadline_of_a_plan_to_register_is_said(ws: Workspace, make_page) -> None:
    """A plan not registered says its deadline beside its state, as the calendar's notice
    does: past (10/11 of the year before, the default) or to come (31/12 of the plan's own
    year), following the setting; a registered plan says when it was sent."""
    ws.plans.create(YEAR)
    page = make_page(ws)
    assert page.state_label.text().strip() == (
        "Chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    )
    CoreOp(page, lambda w: w.plans.set_registration_deadline(31, 12, in_plan_year=True),
           page._core).run()  # fmt: skip
    assert page.state_label.text().strip() == "Chưa đăng ký — hạn đăng ký với cấp trên 31/12/2026"
    ws.plans.register(YEAR, "Đã gửi", date(2026, 1, 5))
    page.refresh()
    assert page.state_label.text().strip() == "Đã gửi đăng ký ngày 05/01/2026"


def test_the_deadline_of_a_plan_not_made_is_said(ws: Workspace, make_page) -> None:
    """A year without a plan (this year's, next year's) says its deadline beside the year, as
    the calendar's notice whose link opens it does; a past year's says none."""
    page = make_page(ws)  # today 30/11/2026
    assert page.state_label.text().strip() == (
        "Chưa lập — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    )
    _choose_year(page, 2027)
    assert page.state_label.text().strip() == (
        "Chưa lập — đã quá hạn đăng ký với cấp trên (hạn 10/11/2026)"
    )
    CoreOp(page, lambda w: w.plans.set_registration_deadline(15, 12), page._core).run()
    assert page.state_label.text().strip() == "Chưa lập — hạn đăng ký với cấp trên 15/12/2026"
    _choose_year(page, 2025)
    assert page.state_label.text().strip() == ""


def test_measured_figures_follow_the_data(ws: Workspace, make_page) -> None:
    data = make_plan_data(ws)
    page = make_page(ws)
    assert page.model.index(0, 4).data() == "2 đoàn viên"
    member = ws.members.save({"full_name": "Huỳnh Văn Giang", "birth_date": "01/01/2005",
                              "branch_id": data.branches["Chi đoàn ấp Xóm Mới"]})  # fmt: skip
    op = CoreOp(None, lambda w: w.events.record(member, "admission", "01/10/2026"), page._core)
    op.run()
    assert page.model.index(0, 4).data() == "3 đoàn viên"
    page.hide()
    op = CoreOp(None, lambda w: w.plans.delete_target(data.targets["youth"]), page._core)
    op.run()
    assert page.model.rowCount() == 5  # hidden: read again when shown
    page.show()
    assert page.model.rowCount() == 4


def test_print_the_plan_and_its_report(ws: Workspace, make_page, script, tmp_path: Path) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    asked: list[str] = []

    def choose(caption: str, name: str) -> Path:
        asked.append(name)
        return tmp_path / name

    page.printer.ask_save_path = choose  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.print_plan_button.click()
    page.print_report_button.click()
    assert asked == ["ke-hoach-2026.pdf", "bao-cao-ket-qua-2026.pdf"]
    # The plan's own number and date are suggested for the plan; the report is dated today.
    assert script.suggested == [("07-KH/ĐTN", "15/01/2026"), ("", "30/11/2026")]
    plan_text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / asked[0]).pages)
    assert "KẾ HOẠCH" in plan_text and "Số: 07-KH/ĐTN" in plan_text
    report_text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / asked[1]).pages)
    assert "BÁO CÁO" in report_text and "(Số liệu đến ngày 30/11/2026)" in report_text
    assert messages == [
        f"Đã in kế hoạch năm 2026 ra tệp {tmp_path / asked[0]}.",
        f"Đã in báo cáo kết quả thực hiện chỉ tiêu năm 2026 ra tệp {tmp_path / asked[1]}.",
    ]


def test_a_print_that_cannot_be_written_says_why(ws: Workspace, make_page, tmp_path: Path) -> None:
    make_plan_data(ws)
    page = make_page(ws)
    page.printer.ask_save_path = lambda *args: tmp_path / "missing" / "kh.pdf"  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.print_plan_button.click()
    assert messages == [] and not (tmp_path / "missing").exists()
    assert page.prompts.errors and page.prompts.errors[0].startswith("Không ghi được tệp")


def test_the_plans_pdf_is_offered_in_documents(ws: Workspace, make_page, tmp_path: Path,
                                               monkeypatch) -> None:  # fmt: skip
    """The save dialog of the plan and its report opens in Documents, where the secretary looks
    for files (as the roster's, the youth register's and the dossier's), not the home folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import SaveDialogs

    page = make_page(ws)
    dialogs = SaveDialogs(tmp_path / "kh").install(monkeypatch)
    assert page.printer.ask_save_path("In kế hoạch ra PDF", "ke-hoach-2026.pdf") == (
        tmp_path / "kh.pdf"
    )
    assert dialogs.offered == [str(documents_folder() / "ke-hoach-2026.pdf")]
