"""The plan printed (KH) is the plan sent to the superior body: the number and date it was
printed with become the plan's, so that the report of results cites them and the dossier
prints the same plan, not one without a number dated the day the dossier is made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from doancoso.core.workspace import Workspace
from doancoso.reports.plan import print_plan
from doancoso.ui.common.document_dialog import DocumentDialog
from plan_data import YEAR, make_plan_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _printing_as(number: str, day: str) -> Callable[[QDialog], None]:
    """A ``dialog_script`` typing ``number`` and ``day`` into the print dialog, then printing."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        dialog.number_edit.setText(number)
        dialog.date_edit.setText(day)
        dialog.submit()

    return answer


def test_a_plan_printed_keeps_the_number_and_date_it_was_printed_with(
    ws: Workspace, make_page, tmp_path: Path
) -> None:
    make_plan_data(ws)
    ws.plans.save(YEAR, {"number": "", "plan_date": ""})  # a plan copied: neither yet
    page = make_page(ws)
    page.prompts.dialog_script = _printing_as("03-KH/ĐTN", "20/01/2026")
    page.printer.ask_save_path = lambda caption, name: tmp_path / name  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.print_plan_button.click()

    assert "Số: 03-KH/ĐTN" in _text(tmp_path / "ke-hoach-2026.pdf")
    plan = ws.plans.get(YEAR)
    assert plan is not None
    assert (plan.number, plan.plan_date) == ("03-KH/ĐTN", date(2026, 1, 20))
    assert messages == [
        f"Đã in kế hoạch năm 2026 ra tệp {tmp_path / 'ke-hoach-2026.pdf'}. Số 03-KH/ĐTN và "
        "ngày ban hành 20/01/2026 đã được ghi vào kế hoạch."
    ]
    # The page shows them, and the report of results and the dossier's copy cite them.
    assert page.text_form.number_edit.text() == "03-KH/ĐTN"
    assert page.text_form.date_edit.text() == "20/01/2026"
    page.prompts.dialog_script = _printing_as("", "30/11/2026")
    page.print_report_button.click()
    report = " ".join(_text(tmp_path / "bao-cao-ket-qua-2026.pdf").split())
    assert "Thực hiện Kế hoạch số 03-KH/ĐTN ngày 20/01/2026 của Ban Chấp hành" in report
    dossier_copy = _text(print_plan(ws, tmp_path / "kh-ho-so.pdf", YEAR, page_numbers=False))
    assert "Số: 03-KH/ĐTN" in dossier_copy and "ngày 20 tháng 01 năm 2026" in dossier_copy


def test_a_number_left_blank_or_a_date_outside_the_plan_s_years_is_not_recorded(
    ws: Workspace, make_page, tmp_path: Path
) -> None:
    """A number cleared to be written by hand leaves the plan's; a date the plan cannot hold
    (a plan of 2026 is dated in 2025 or 2026) is printed but not recorded."""
    make_plan_data(ws)
    page = make_page(ws)
    page.prompts.dialog_script = _printing_as("", "05/01/2027")
    page.printer.ask_save_path = lambda caption, name: tmp_path / name  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.print_plan_button.click()

    assert "ngày 05 tháng 01 năm 2027" in _text(tmp_path / "ke-hoach-2026.pdf")
    plan = ws.plans.get(YEAR)
    assert plan is not None
    assert (plan.number, plan.plan_date) == ("07-KH/ĐTN", date(2026, 1, 15))
    # Said, so that a year mistyped is seen before the plan is sent.
    assert messages == [
        f"Đã in kế hoạch năm 2026 ra tệp {tmp_path / 'ke-hoach-2026.pdf'}. Ngày 05/01/2027 chỉ "
        "in trên tệp, không ghi vào kế hoạch: kế hoạch năm 2026 ban hành trong năm 2025 hoặc "
        "2026. Nếu gõ nhầm năm, hãy in lại."
    ]
