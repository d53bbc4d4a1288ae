"""The target dialog offers the app's count for a figure typed by hand of something the app
counts; taking it sets the target's measure, and the dossier no longer prints two figures."""

from __future__ import annotations

import pytest

from doancoso.core.dossier.check import check
from doancoso.core.workspace import Workspace
from doancoso.ui.plans.target_dialog import TargetDialog
from plan_data import AS_OF, YEAR, make_plan_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TEXT = "Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp"
OFFER = "Ứng dụng đếm được 2 đoàn viên (số đoàn viên ưu tú được giới thiệu cho Đảng)."


def _with_a_typed_introductions_target(ws: Workspace) -> str:
    data = make_plan_data(ws)
    target = ws.plans.add_target(YEAR, {"text": TEXT, "criterion": "1", "planned": "3",
                                        "unit": "đoàn viên", "achieved": "1"},
                                 ws.activities.kind_names())  # fmt: skip
    for name, day in (("Nguyễn Văn An", "10/05/2026"), ("Đỗ Văn Phúc", "02/09/2026")):
        ws.events.record(data.members[name], "party_introduction", day)
    return target


def _plan_gaps(ws: Workspace) -> list[str]:
    return [g.reason for g in check(ws, YEAR, ("ke-hoach",), as_of=AS_OF) if g.part == "ke-hoach"]


def test_the_count_is_offered_only_for_a_typed_figure_of_something_counted(
    ws: Workspace, make_page, script
) -> None:
    target_id = _with_a_typed_introductions_target(ws)
    page = make_page(ws)
    seen: list[tuple[bool, str]] = []

    def look(dialog: TargetDialog) -> None:
        seen.append((not dialog.count_row.isHidden(), dialog.count_label.text()))
        dialog.reject()

    script.fill = look
    for row in range(page.model.rowCount()):
        page.select_row(row)
        page.edit_button.click()
    offered = [page.model.target(r).id for r, (shown, _) in enumerate(seen) if shown]
    assert offered == [target_id]  # not for the measured targets nor "Tham mưu cấp ủy…"
    assert seen[5] == (True, OFFER)


def test_the_offer_follows_what_is_typed(ws: Workspace, make_page, script) -> None:
    _with_a_typed_introductions_target(ws)
    page = make_page(ws)
    states: list[tuple[bool, str]] = []

    def fill(dialog: TargetDialog) -> None:
        def state() -> None:
            states.append((not dialog.count_row.isHidden(), dialog.count_label.text()))

        dialog.text_edit.setPlainText("Kết nạp 4 đoàn viên mới")
        state()  # no figure typed: nothing to offer
        dialog.achieved_edit.setText("1")
        state()
        dialog.unit_edit.setText("người")
        state()
        dialog.text_edit.setPlainText("Tổ chức 4 buổi tuyên truyền")
        state()
        dialog.reject()

    script.fill = fill
    page.add_button.click()
    what = "số đoàn viên mới được kết nạp trong năm"
    assert states == [
        (False, ""),
        (True, f"Ứng dụng đếm được 2 đoàn viên ({what})."),
        (True, f"Ứng dụng đếm được 2 người ({what})."),
        (False, f"Ứng dụng đếm được 2 người ({what})."),
    ]


def test_using_the_app_s_count_sets_the_measure(ws: Workspace, make_page, script) -> None:
    target_id = _with_a_typed_introductions_target(ws)
    conflict = (
        f"Chỉ tiêu “{TEXT}”: số đạt được nhập tay là 1 đoàn viên, nhưng ứng dụng đếm được "
        "2 đoàn viên (số đoàn viên ưu tú được giới thiệu cho Đảng). Hồ sơ sẽ in hai số khác "
        "nhau: sửa số đạt được ở trang Kế hoạch, hoặc chọn cách đo để ứng dụng tự đếm."
    )
    assert conflict in _plan_gaps(ws)
    page = make_page(ws)
    page.select_row(5)
    assert page.model.index(5, 4).data() == "1 đoàn viên"
    shown: list[tuple[str, bool, str, str, bool]] = []

    def fill(dialog: TargetDialog) -> None:
        dialog.use_count_button.click()
        shown.append((
            str(dialog.measure_combo.currentData()), dialog.achieved_edit.isEnabled(),
            dialog.achieved_edit.text(), dialog.measure_hint.text(), dialog.count_row.isHidden(),
        ))  # fmt: skip

    script.fill = fill
    page.edit_button.click()
    assert shown == [(
        "party-introductions", False, "2",
        "Ứng dụng tự tính từ dữ liệu (sổ đoàn viên, lịch hoạt động, điểm danh). Hiện tính "
        "được đến ngày 30/11/2026: 2 đoàn viên.", True,
    )]  # fmt: skip
    saved = ws.plans.target(target_id, AS_OF)
    assert (saved.measure, saved.measured, saved.achieved) == ("party-introductions", True, 2)
    assert page.model.index(5, 4).data() == "2 đoàn viên"
    assert conflict not in _plan_gaps(ws)


def test_back_to_typing_keeps_the_typed_figure(ws: Workspace, make_page, script) -> None:
    _with_a_typed_introductions_target(ws)
    page = make_page(ws)
    page.select_row(5)
    figures: list[str] = []

    def fill(dialog: TargetDialog) -> None:
        dialog.use_count_button.click()
        figures.append(dialog.achieved_edit.text())
        dialog.measure_combo.setCurrentIndex(0)  # "Bí thư nhập kết quả" again
        figures.append(dialog.achieved_edit.text())
        figures.append(dialog.count_label.text() if not dialog.count_row.isHidden() else "")
        dialog.reject()

    script.fill = fill
    page.edit_button.click()
    assert figures == ["2", "1", OFFER]
