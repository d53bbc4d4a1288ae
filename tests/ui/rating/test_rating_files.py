"""The rating page's files: the round out to Excel, a chi đoàn's filled-in sheet back after a
confirmation that says what changes, and the forms, summary and decision printed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path

import openpyxl
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.demo.generator import generate
from doancoso.core.lang.text import vn_number
from doancoso.core.workspace import Workspace
from doancoso.ui.rating.import_preview import ImportPreviewDialog
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, accept_print_dialog

from .conftest import (
    AP_1,
    AP_2,
    MEMBERS,
    SHOWN,
    TODAY,
    YEAR,
    Round,
    fill_sheet,
    printing_noted,
    saving_to,
)

pytestmark = SHOWN


def _fill_proposals(path: Path, proposals: dict[str, str]) -> None:
    fill_sheet(path, {name: {"Chi đoàn đề nghị": level} for name, level in proposals.items()})


def previewed(shown: list[str], *, accept: bool) -> Callable[[QDialog], None]:
    """A ``dialog_script`` for the import's confirmation: records what it shows (the counts,
    then the list) in ``shown``, then presses "Nhập" (``accept``) or "Hủy"."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportPreviewDialog), dialog
        details = dialog.details.toPlainText() if dialog.details is not None else ""
        shown.append(f"{dialog.summary.text()}\n{details}")
        dialog.done(QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected)

    return answer


def test_export_then_import_the_chi_doans_proposals(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    target = tmp_path / "xep-loai.xlsx"
    page.files.ask_save_path = lambda *_: target  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.files.export_button.click()
    assert messages[-1] == f"Đã xuất 6 đoàn viên ra tệp {target}."
    _fill_proposals(target, {"Nguyễn Văn An": "Hoàn thành xuất sắc nhiệm vụ", "Trần Thị Bình": "2"})
    page.files.ask_open_path = lambda: target  # type: ignore[method-assign]
    shown: list[str] = []
    prompts.dialog_script = previewed(shown, accept=False)  # first: the preview, declined
    page.files.import_button.click()
    lines = shown[-1].splitlines()
    assert lines[:2] == [
        f"Tệp “xep-loai.xlsx”, năm {YEAR}: 2 đoàn viên có thay đổi, 4 không đổi.",
        "Thay đổi:",
    ]
    assert lines[2:] == [
        "  • Dòng 4 — Nguyễn Văn An: Chi đoàn đề nghị: (trống) → Hoàn thành xuất sắc nhiệm vụ",
        "  • Dòng 5 — Trần Thị Bình: Chi đoàn đề nghị: (trống) → Hoàn thành tốt nhiệm vụ",
    ]
    proposals = {r.full_name: r.proposed_level for r in rated.ws.rating.rows(YEAR, as_of=TODAY)}
    assert proposals["Nguyễn Văn An"] is None  # declined: nothing written
    prompts.dialog_script = previewed(shown, accept=True)
    page.files.import_button.click()
    assert messages[-1] == "Đã nhập đề nghị của chi đoàn cho 2 đoàn viên."
    proposals = {r.full_name: r.proposed_level for r in rated.ws.rating.rows(YEAR, as_of=TODAY)}
    assert (proposals["Nguyễn Văn An"], proposals["Trần Thị Bình"], proposals["Lê Văn Cường"]) == (
        1, 2, None,
    )  # fmt: skip


def test_print_the_summary_and_the_forms(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    rated.ws.rating.set_levels(YEAR, "decided_level", {rated.ids["Nguyễn Văn An"]: 1})
    page.refresh()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    summary = tmp_path / "tong-hop.pdf"
    page.files.ask_save_path = lambda *_: summary  # type: ignore[method-assign]
    prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
    prompts.dialog_script = accept_print_dialog
    prompts.answer = False  # "Không": nothing printed while others are not decided
    page.files.print_button.click()
    undecided = sum(1 for r in rated.ws.rating.rows(YEAR, as_of=TODAY)
                    if r.eligible and r.decided_level is None)  # fmt: skip
    assert undecided > 0
    assert prompts.asked[-1] == (
        f"Còn {undecided} đoàn viên thuộc diện xếp loại chưa có mức Ban Chấp hành quyết định. "
        "Bản tổng hợp chỉ ghi những người đã có mức. Vẫn in?"
    )
    assert not summary.exists() and messages == []
    prompts.answer = True
    page.files.print_button.click()
    assert messages[-1] == f"Đã in tổng hợp kết quả xếp loại ra tệp {summary}."
    text = "\n".join(p.extract_text() for p in PdfReader(summary).pages)
    assert "Nguyễn Văn An" in text and "Hoàn thành xuất sắc nhiệm vụ" in text
    forms = tmp_path / "phieu.pdf"
    page.files.ask_save_path = lambda *_: forms  # type: ignore[method-assign]
    prompts.choice = "Phiếu tự đánh giá (để trống, phát cho đoàn viên)"
    page.files.print_button.click()
    assert messages[-1] == f"Đã in phiếu tự đánh giá ra tệp {forms}."
    assert len(PdfReader(forms).pages) == 6  # one page per member of the round


def test_the_decision_printed_with_a_number_is_recorded_and_offered_again(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from datetime import date

    from doancoso.core.rating.decision import Decision
    from doancoso.ui.common.document_dialog import DocumentDialog
    from doancoso.ui.rating.files import ISSUED_HINT

    rated.ws.rating.set_levels(YEAR, "decided_level", {rated.ids["Nguyễn Văn An"]: 1})
    rated.ws.rating.close(YEAR)
    page.refresh()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    decision = tmp_path / "quyet-dinh.pdf"
    page.files.ask_save_path = lambda *_: decision  # type: ignore[method-assign]
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    seen: list[tuple[str, str, str]] = []
    recipients: list[str] = []

    def numbered(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        seen.append((dialog.number_edit.text(), dialog.date_edit.text(), dialog.last_hint.text()))
        recipients.append(dialog.recipients_edit.toPlainText())
        dialog.number_edit.setText("Số: 05-QĐ/ĐTN")
        dialog.date_edit.setText("10/01/2026")
        dialog.submit()

    prompts.dialog_script = numbered
    page.files.print_button.click()
    assert messages[-1] == (
        f"Đã in quyết định công nhận kết quả ra tệp {decision}; số 05-QĐ/ĐTN ngày 10/01/2026 "
        "đã ghi lại cho hồ sơ."
    )
    assert rated.ws.rating.decision(YEAR) == Decision(YEAR, "05-QĐ/ĐTN", date(2026, 1, 10))
    superior = rated.ws.organization.get().superior_name  # type: ignore[union-attr]
    assert recipients[0] == f"- Như Điều 3;\n- {superior} (b/c);\n- Lưu VP."  # a decision's
    text = "\n".join(p.extract_text() for p in PdfReader(decision).pages)
    assert "Số: 05-QĐ/ĐTN" in text
    assert "(Kèm theo Quyết định số 05-QĐ/ĐTN ngày 10/01/2026 của" in text

    page.files.print_button.click()  # printed again: offered as it was issued
    assert seen[-1] == ("05-QĐ/ĐTN", "10/01/2026", ISSUED_HINT)


def test_the_decision_of_a_round_still_open_is_not_printed(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """A decision is signed: while the round is open "In…" → the decision says to close the
    round first, before any dialog, for the organisation and for a chi đoàn, and prints
    nothing; the summary of the same round prints (marked provisional). Once the round is
    closed the decision prints."""
    from doancoso.ui.rating.files import OPEN_ROUND

    rated.ws.rating.set_levels(YEAR, "decided_level",
                               {rated.ids[name]: 1 for name, _, _ in MEMBERS})  # fmt: skip
    page.refresh()
    target = tmp_path / "quyet-dinh.pdf"
    asked: list[str] = []
    page.files.ask_save_path = saving_to(target, asked)  # type: ignore[method-assign]
    opened: list[QDialog] = []
    prompts.dialog_script = printing_noted(opened)
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    refusal = (
        "Đợt xếp loại năm 2025 đang mở, các mức xếp loại còn thay đổi được: bấm “Kết thúc đợt "
        "xếp loại” trước khi in quyết định công nhận kết quả. Bản tổng hợp thì in được ngay, có "
        "ghi “Kết quả tạm thời”."
    )
    assert OPEN_ROUND.format(year=YEAR) == refusal
    for branch in (None, rated.branches[AP_1]):
        page.branch_box.setCurrentIndex(page.branch_box.findData(branch))
        page.files.print_button.click()
        assert prompts.infos[-1] == refusal
    assert (asked, opened, prompts.asked) == ([], [], [])
    assert not target.exists() and rated.ws.rating.decision(YEAR) is None
    page.branch_box.setCurrentIndex(0)
    prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
    page.files.print_button.click()
    assert asked == ["tong-hop-xep-loai-2025.pdf"]
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Kết quả tạm thời" in text
    target.unlink()
    page.close_button.click()  # with its confirmation (answered yes)
    assert page.info is not None and page.info.closed
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    page.files.print_button.click()
    assert asked[-1] == "quyet-dinh-xep-loai-2025.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "QUYẾT ĐỊNH" in text and "tạm thời" not in text


def test_counts_of_a_large_round_group_thousands(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory, prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    """A merged commune union of 1.700 members: the export's message, the import's
    confirmation and its message group thousands with a dot ("1.153 đoàn viên")."""
    generate(ws._ctx, members=1700, seed=3, today=dt.date(2026, 11, 20))
    page = RatingPage(core, history, today=lambda: dt.date(2026, 11, 20))
    qtbot.addWidget(page)
    page.show()
    rows = ws.rating.rows(2026, as_of=dt.date(2026, 11, 20))
    changing = [r for r in rows if r.eligible and r.proposed_level != 2]
    assert len(rows) > len(changing) > 999
    target = tmp_path / "xep-loai.xlsx"
    page.files.ask_save_path = lambda *_: target  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.files.export_button.click()
    assert messages[-1] == f"Đã xuất {vn_number(len(rows))} đoàn viên ra tệp {target}."
    _fill_proposals(target, {r.full_name: "2" for r in rows if r.eligible})
    page.files.ask_open_path = lambda: target  # type: ignore[method-assign]
    shown: list[str] = []
    prompts.dialog_script = previewed(shown, accept=True)
    page.files.import_button.click()
    counts = shown[-1].splitlines()[0]
    assert f": {vn_number(len(changing))} đoàn viên có thay đổi, " in counts, counts
    assert sum("→" in line for line in shown[-1].splitlines()) == len(changing)  # each shown
    assert messages[-1] == f"Đã nhập đề nghị của chi đoàn cho {vn_number(len(changing))} đoàn viên."


def test_the_members_in_no_chi_doan_are_exported_and_printed_as_the_grid_shows_them(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The filter "Chưa có chi đoàn" shows the members in no chi đoàn; "Xuất Excel…" and "In…"
    with it chosen write those members, not an empty list."""
    rated.ws.members.save({"full_name": "Lý Văn Lẻ", "birth_date": "01/01/2000",
                           "admission_date": "01/01/2020"})  # fmt: skip
    page.refresh()
    page.branch_box.setCurrentIndex(page.branch_box.findText("Chưa có chi đoàn"))
    assert [r.full_name for r in page.model.rows] == ["Lý Văn Lẻ"]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    target = tmp_path / "le.xlsx"
    page.files.ask_save_path = lambda *_: target  # type: ignore[method-assign]
    page.files.export_button.click()
    assert messages[-1] == f"Đã xuất 1 đoàn viên ra tệp {target}."
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Lý Văn Lẻ" in cells and "– Chưa có chi đoàn" in " ".join(cells)
    summary = tmp_path / "tong-hop.pdf"
    page.files.ask_save_path = lambda *_: summary  # type: ignore[method-assign]
    prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
    prompts.dialog_script = accept_print_dialog
    page.files.print_button.click()
    text = "\n".join(p.extract_text() for p in PdfReader(summary).pages)
    assert "Lý Văn Lẻ" in text and "Nguyễn Văn An" not in text


def test_printing_for_the_members_in_no_chi_doan_warns_of_those_not_decided(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The warning before printing counts the members not decided among those shown: with the
    filter "Chưa có chi đoàn", the one member there, not nobody."""
    rated.ws.members.save({"full_name": "Lý Văn Lẻ", "birth_date": "01/01/2000",
                           "admission_date": "01/01/2020"})  # fmt: skip
    page.refresh()
    page.branch_box.setCurrentIndex(page.branch_box.findText("Chưa có chi đoàn"))
    page.files.ask_save_path = lambda *_: tmp_path / "th.pdf"  # type: ignore[method-assign]
    prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
    prompts.answer = False
    page.files.print_button.click()
    assert prompts.asked[-1] == (
        "Còn 1 đoàn viên thuộc diện xếp loại chưa có mức Ban Chấp hành quyết định. Bản tổng "
        "hợp chỉ ghi những người đã có mức. Vẫn in?"
    )


def test_the_rating_files_are_offered_in_documents(
    page: RatingPage, tmp_path: Path, monkeypatch
) -> None:
    """The save dialog of the rating's sheet and printed forms opens in Documents, where the
    secretary looks for files (as the roster's and the dossier's), not the home folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import SaveDialogs

    dialogs = SaveDialogs(tmp_path / "tong-hop.pdf").install(monkeypatch)
    assert page.files.ask_save_path("In", "tong-hop.pdf", "PDF (*.pdf)") == (
        tmp_path / "tong-hop.pdf"
    )
    assert dialogs.offered == [str(documents_folder() / "tong-hop.pdf")]


def test_the_filled_sheet_is_looked_for_on_the_stick_first(
    page: RatingPage, tmp_path: Path, monkeypatch
) -> None:
    """A chi đoàn's filled sheet comes back on a USB stick: the dialog opens there when one is
    plugged in, else in Documents, not in the home folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import OpenDialogs

    chosen = tmp_path / "ap-1.xlsx"
    dialogs = OpenDialogs(chosen, tmp_path / "USB").install(monkeypatch)
    assert page.files.ask_open_path() == chosen
    dialogs.stick = None
    OpenDialogs.install(dialogs, monkeypatch)
    assert page.files.ask_open_path() == chosen
    assert dialogs.offered == [str(tmp_path / "USB"), str(documents_folder())]


def test_printing_the_summary_of_a_year_without_a_round_says_so_and_opens_none(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """2024 in the year list has no round: "In…" waits for one (see the test below); should the
    print be asked all the same (a page that read a round since gone), the summary says so
    before any dialog, and no round of 2024 is made by the print."""
    page.year_box.setCurrentIndex(page.year_box.findData(2024))
    assert not page.files.print_button.isEnabled()
    asked: list[str] = []
    page.files.ask_save_path = saving_to(tmp_path / "x.pdf", asked)  # type: ignore[method-assign]
    prompts.dialog_script = accept_print_dialog
    for choice in ("Tổng hợp kết quả đánh giá, xếp loại",
                   "Quyết định công nhận kết quả xếp loại (kèm danh sách)"):  # fmt: skip
        prompts.choice = choice
        page.files.print_document()
        assert prompts.infos[-1] == (
            "Chưa có đợt xếp loại năm 2024: bấm “Mở đợt xếp loại năm 2024” và xếp loại trước khi "
            "in."
        )
    assert asked == [] and not (tmp_path / "x.pdf").exists()
    assert rated.ws.rating.round(2024) is None


def test_the_check_for_a_round_before_printing_reads_on_the_worker(
    qtbot: QtBot, rated: Round, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:
    """With the app's threaded runner, "In…" asks the core whether the year has a round (and
    how its decision was issued) on the worker, as the page reads everything else, never on
    the GUI thread; the answer still comes before any dialog."""
    import threading

    from doancoso.core.rating.service import RatingService

    core = Core(rated.ws, prompts)  # threaded, as in the app
    page = RatingPage(core, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.loaded, timeout=10_000):
        page.show()
    read_on: list[int] = []
    rating = rated.ws.rating

    def recorded(method: str) -> Callable[..., object]:
        real = getattr(RatingService, method)

        def call(*args: object, **kwargs: object) -> object:
            read_on.append(threading.get_ident())
            return real(rating, *args, **kwargs)

        return call

    for method in ("round", "decision"):
        monkeypatch.setattr(rating, method, recorded(method))
    with qtbot.wait_signal(page.loaded, timeout=10_000):
        page.year_box.setCurrentIndex(page.year_box.findData(2024))
    asked: list[str] = []
    page.files.ask_save_path = saving_to(tmp_path / "x.pdf", asked)  # type: ignore[method-assign]
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    read_on.clear()
    page.files.print_document()  # as a page that read a round since gone would (see above)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=10_000)
    assert prompts.infos[-1] == (
        "Chưa có đợt xếp loại năm 2024: bấm “Mở đợt xếp loại năm 2024” và xếp loại trước khi in."
    )
    assert read_on and threading.get_ident() not in read_on
    assert asked == [] and rated.ws.rating.round(2024) is None
    assert core.runner.wait()


def test_the_decision_of_a_closed_round_nobody_decided_is_refused_before_any_dialog(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """A round closed with no level decided: "In…" → the decision says at once that nobody
    was decided (the PDF's own refusal, with what to do), for the organisation and for a chi
    đoàn, without asking "Vẫn in?" nor opening the print or the save dialog."""
    rated.ws.rating.close(YEAR)
    page.refresh()
    assert page.info is not None and page.info.closed
    asked: list[str] = []
    page.files.ask_save_path = saving_to(tmp_path / "qd.pdf", asked)  # type: ignore[method-assign]
    opened: list[QDialog] = []
    prompts.dialog_script = printing_noted(opened)
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    for branch in (None, rated.branches[AP_1]):
        page.branch_box.setCurrentIndex(page.branch_box.findData(branch))
        page.files.print_button.click()
        assert prompts.infos[-1] == (
            "Chưa có đoàn viên nào được Ban Chấp hành quyết định mức xếp loại năm 2025. Bấm "
            "“Mở lại”, đặt mức ở cột “BCH quyết định” (hoặc bấm “Lấy đề nghị của chi đoàn”, "
            "“Lấy mức gợi ý”), rồi kết thúc đợt xếp loại trước khi in quyết định công nhận kết "
            "quả."
        )
    assert (asked, opened, prompts.asked, prompts.errors) == ([], [], [], [])
    assert not (tmp_path / "qd.pdf").exists() and rated.ws.rating.decision(YEAR) is None


def test_the_decision_of_an_open_round_nobody_decided_says_to_decide_first(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """An open round with nobody decided (in the chi đoàn chosen): "In…" → the decision says
    first that nobody was decided, as the PDF would say once the round is closed, not to close
    the round; a chi đoàn with levels decided is told to close the round."""
    rated.ws.rating.set_levels(YEAR, "decided_level", {rated.ids["Nguyễn Văn An"]: 1})
    page.refresh()
    asked: list[str] = []
    page.files.ask_save_path = saving_to(tmp_path / "qd.pdf", asked)  # type: ignore[method-assign]
    opened: list[QDialog] = []
    prompts.dialog_script = printing_noted(opened)
    prompts.choice = "Quyết định công nhận kết quả xếp loại (kèm danh sách)"
    page.branch_box.setCurrentIndex(page.branch_box.findData(rated.branches[AP_2]))
    page.files.print_button.click()
    assert prompts.infos[-1] == (
        "Chưa có đoàn viên nào được Ban Chấp hành quyết định mức xếp loại năm 2025. Đặt mức ở "
        "cột “BCH quyết định” (hoặc bấm “Lấy đề nghị của chi đoàn”, “Lấy mức gợi ý”), rồi bấm "
        "“Kết thúc đợt xếp loại” trước khi in quyết định công nhận kết quả."
    )
    page.branch_box.setCurrentIndex(page.branch_box.findData(rated.branches[AP_1]))
    page.files.print_button.click()
    assert prompts.infos[-1].startswith("Đợt xếp loại năm 2025 đang mở")
    assert (asked, opened, prompts.asked, prompts.errors) == ([], [], [], [])
    assert not (tmp_path / "qd.pdf").exists()


def test_importing_into_a_closed_round_is_refused_before_the_file_is_chosen(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """With the round closed, "Nhập đề nghị từ Excel…" says at once that the round must be
    reopened (the core's own refusal), before the file chooser, not once a file was chosen and
    read; nothing changes. Reopened, the import asks for the file again."""
    target = tmp_path / "xep-loai.xlsx"
    rated.ws.rating_sheets.export(target, YEAR)
    rated.ws.rating.close(YEAR)
    page.refresh()
    assert page.info is not None and page.info.closed
    chosen: list[Path] = []

    def choose() -> Path:
        chosen.append(target)
        return target

    page.files.ask_open_path = choose  # type: ignore[method-assign]
    page.files.import_button.click()
    assert prompts.infos == [
        "Đợt xếp loại năm 2025 đã kết thúc: mở lại đợt (“Mở lại”) trước khi nhập."
    ]
    assert (chosen, prompts.asked, prompts.errors) == ([], [], [])
    rated.ws.rating.reopen(YEAR)
    page.refresh()
    shown: list[str] = []
    prompts.dialog_script = previewed(shown, accept=False)
    page.files.import_button.click()
    assert chosen == [target] and shown[-1].startswith("Tệp “xep-loai.xlsx”, năm 2025:")


def test_forms_for_nobody_are_refused_before_the_save_dialog(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory, prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    """An organisation with no member yet: "In…" → "Phiếu tự đánh giá" says at once that
    there is nobody to print a form for (the PDF's own refusal), without the save dialog."""
    ws.rating.open(YEAR)
    page = RatingPage(core, history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    asked: list[str] = []
    page.files.ask_save_path = saving_to(tmp_path / "phieu.pdf", asked)  # type: ignore[method-assign]
    for choice in ("Phiếu tự đánh giá (để trống, phát cho đoàn viên)",
                   "Phiếu tự đánh giá (điền sẵn phần tự đánh giá)"):  # fmt: skip
        prompts.choice = choice
        page.files.print_button.click()
        assert prompts.infos[-1] == "Không có đoàn viên nào để in phiếu tự đánh giá năm 2025."
    assert (asked, prompts.errors) == ([], [])
    assert not (tmp_path / "phieu.pdf").exists()


def test_the_files_of_one_chi_doan_are_named_after_it(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The secretary exports the round for each chi đoàn in turn onto one stick, and prints
    each one's forms: each file is offered under the chi đoàn's name (every one was offered as
    "xep-loai-2025.xlsx", the next chi đoàn's export replacing the last one's); for the whole
    organisation the names stay as they were."""
    offered: list[str] = []

    def save_as(caption: str, name: str, filter_text: str) -> Path:
        offered.append(name)
        return tmp_path / name

    page.files.ask_save_path = save_as  # type: ignore[method-assign]
    prompts.dialog_script = accept_print_dialog
    prompts.answer = True  # print although some are not decided
    for branch in (rated.branches[AP_1], rated.branches[AP_2], None):
        page.branch_box.setCurrentIndex(page.branch_box.findData(branch))
        page.files.export_button.click()
        prompts.choice = "Phiếu tự đánh giá (để trống, phát cho đoàn viên)"
        page.files.print_button.click()
        prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
        page.files.print_button.click()
    assert offered == [
        "xep-loai-2025-chi-doan-ap-1.xlsx", "phieu-tu-danh-gia-2025-trong-chi-doan-ap-1.pdf",
        "tong-hop-xep-loai-2025-chi-doan-ap-1.pdf",
        "xep-loai-2025-chi-doan-ap-2.xlsx", "phieu-tu-danh-gia-2025-trong-chi-doan-ap-2.pdf",
        "tong-hop-xep-loai-2025-chi-doan-ap-2.pdf",
        "xep-loai-2025.xlsx", "phieu-tu-danh-gia-2025-trong.pdf", "tong-hop-xep-loai-2025.pdf",
    ]  # fmt: skip
    assert all((tmp_path / name).exists() for name in offered)


def test_a_sheet_sent_back_as_xls_can_be_chosen_and_is_imported(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:
    """A chi đoàn on an old Office saves the filled sheet as "Excel 97-2003" (.xls): the open
    dialog of "Nhập đề nghị từ Excel…" lets the secretary choose it (it listed *.xlsx files
    only, the chi đoàn's file hidden, though the import reads .xls and .csv), and its
    proposals are imported."""
    import xlwt  # type: ignore[import-untyped]  # xlwt has no stubs
    from PySide6.QtWidgets import QFileDialog

    exported = tmp_path / "xep-loai.xlsx"
    rated.ws.rating_sheets.export(exported, YEAR)
    _fill_proposals(exported, {"Nguyễn Văn An": "Hoàn thành tốt nhiệm vụ"})
    source = openpyxl.load_workbook(exported).active
    assert source is not None
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(f"Xếp loại {YEAR}")
    for r, row in enumerate(source.iter_rows(values_only=True)):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else value)
    sent = tmp_path / "ap-1.xls"
    book.save(str(sent))
    filters: list[str] = []

    def choose(_parent: object, _caption: str, _start: str, filter_text: str = "") -> tuple:
        filters.append(filter_text)
        return str(sent), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    shown: list[str] = []
    prompts.dialog_script = previewed(shown, accept=True)
    page.files.import_button.click()
    patterns = re.findall(r"\*[.\w]*", filters[-1])
    assert any(fnmatch(sent.name, pattern) for pattern in patterns), filters
    assert "*.csv" in patterns
    proposals = {r.full_name: r.proposed_level for r in rated.ws.rating.rows(YEAR, as_of=TODAY)}
    assert proposals["Nguyễn Văn An"] == 2


def test_a_year_without_a_round_has_its_files_disabled_saying_to_open_it(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """2024 has no round: the grid is empty, yet "Xuất Excel…" wrote a sheet of the members,
    "Nhập đề nghị từ Excel…" opened the round unasked when its sheet was taken, and "In…"
    printed forms of a round not opened. The three wait for the round, saying so."""
    buttons = page.files.buttons()
    page.year_box.setCurrentIndex(page.year_box.findData(2024))
    assert page.info is None
    for button in buttons:
        assert not button.isEnabled()
        assert button.toolTip() == (
            "Chưa có đợt xếp loại năm 2024: bấm “Mở đợt xếp loại năm 2024” trước khi xuất, nhập "
            "hoặc in."
        )
    page.files.ask_save_path = lambda *_: tmp_path / "x.xlsx"  # type: ignore[method-assign]
    page.files.ask_open_path = lambda: tmp_path / "x.xlsx"  # type: ignore[method-assign]
    for button in buttons:
        button.click()
    assert (prompts.infos, prompts.errors) == ([], [])
    assert not (tmp_path / "x.xlsx").exists() and rated.ws.rating.round(2024) is None
    page.open_button.click()
    assert page.info is not None
    assert all(button.isEnabled() for button in buttons)
    assert [button.toolTip() for button in buttons] == [
        "Xuất đợt xếp loại (chi đoàn đang chọn) để chi đoàn điền đề nghị",
        "Nhập bảng chi đoàn đã điền: xem trước những thay đổi rồi mới ghi",
        "In phiếu tự đánh giá, bản tổng hợp hoặc quyết định công nhận kết quả",
    ]
