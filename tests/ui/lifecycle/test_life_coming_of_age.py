"""Trưởng thành Đoàn: who reaches 30 in a year and what post they hold, confirming the ticked
ones together; Party introductions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.decision_list import ALERT_COLOR
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.party_page import PartyIntroductionsDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import AddMember

IN_2025 = dt.date(2025, 6, 1)
"""The day the lists are looked at: "quá hạn" is against it."""


def _fixture(ws: Workspace, add_member: AddMember) -> dict[str, str]:
    ids = {
        "hoa": add_member(
            "Lê Thị Hoa", "10/06/1995", branch="Chi đoàn ấp Tân Phú", position="Bí thư"
        ),
        "binh": add_member(
            "Trần Văn Bình", "1994", branch="Chi đoàn ấp Tân Phú", position="Đoàn viên"
        ),
        "an": add_member("Nguyễn Văn An", "01/01/1996", branch="Chi đoàn ấp Tân Phú"),
        "cuong": add_member("Phạm Văn Cường", "03/03/1995"),
    }
    ws.events.record(
        ids["cuong"], "transfer_out", "01/02/2024", other_organization="Đoàn xã Tân Lộc"
    )
    return ids


def test_lists_exactly_the_members_reaching_30(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025, today=IN_2025)
    qtbot.addWidget(dialog)
    # the Bí thư first (her post must be filled again), then Vietnamese name order
    assert dialog.names() == ["Lê Thị Hoa", "Trần Văn Bình"]
    assert dialog.model.index(1, 1).data() == "1994"
    assert dialog.checked_ids() == [] and not dialog.confirm_button.isEnabled()
    assert (
        dialog.summary.text()
        == "2 đoàn viên đủ 30 tuổi (trong đó 1 quá hạn, từ các năm trước); 1 người đang giữ "
        "chức vụ (Bí thư), ở đầu danh sách: cần kiện toàn trước khi trưởng thành Đoàn — đã chọn 0."
    )
    dialog.year_spin.setValue(2024)
    assert dialog.names() == ["Trần Văn Bình"]
    assert dialog.model.index(0, 4).data() == "2024 (quá hạn)"  # late on the day looked at
    dialog.year_spin.setValue(2020)
    assert dialog.names() == []
    assert not dialog.confirm_button.isEnabled()


def test_each_member_shows_the_post_to_fill_again(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025, today=IN_2025)
    qtbot.addWidget(dialog)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Họ và tên", "Ngày sinh", "Chi đoàn", "Chức vụ", "Đủ 30 tuổi năm"]
    assert [[model.index(r, c).data() for c in range(5)] for r in range(2)] == [
        ["Lê Thị Hoa", "10/06/1995", "Chi đoàn ấp Tân Phú", "Bí thư", "2025"],
        ["Trần Văn Bình", "1994", "Chi đoàn ấp Tân Phú", "Đoàn viên", "2024 (quá hạn)"],
    ]
    red = QColor(ALERT_COLOR)
    colours = [
        [model.index(r, c).data(Qt.ItemDataRole.ForegroundRole) for c in (3, 4)] for r in range(2)
    ]
    assert colours == [[red, None], [None, red]]  # Hoa's post must be filled, Bình is overdue


def test_confirming_records_the_checked_members(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _fixture(ws, add_member)
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    assert set(window.roster.model.ids) == {ids["hoa"], ids["binh"], ids["an"]}

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ComingOfAgeDialog)
        dialog.year_spin.setValue(2025)
        assert dialog.checked_ids() == []  # nobody is ticked at first
        dialog.check_all_button.click()
        assert dialog.checked_ids() == [ids["hoa"], ids["binh"]]
        dialog.date_edit.setText("31/02/2025")
        dialog.confirm_button.click()
        assert dialog.errors.messages() == {"date": "Ngày 31/02/2025 không có trên lịch."}
        dialog.date_edit.setText("15/12/2025")
        dialog.number_edit.setText("20-QĐ/ĐTN")
        dialog.confirm_button.click()

    prompts.dialog_script = confirm
    window.coming_of_age_action.trigger()
    assert prompts.infos == [
        "Đã ghi nhận trưởng thành Đoàn cho 2 đoàn viên. "
        "Các đoàn viên này không còn trong danh sách đang sinh hoạt."
    ]
    assert ws.members.get(ids["hoa"]).fields.status == "matured"
    assert ws.members.get(ids["binh"]).fields.status == "matured"
    [event] = ws.events.history(ids["hoa"])
    assert (event.kind, event.number) == ("matured", "20-QĐ/ĐTN")
    assert list(window.roster.model.ids) == [ids["an"]]  # they left the active roster


def test_a_date_refused_for_one_member_names_the_member(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """One decision for many members, refused for one of them by its date (before that
    member's transfer in): the message names that member, so the secretary knows whom to
    untick or which date to check; nobody is recorded."""
    ids = _fixture(ws, add_member)
    ids["den"] = add_member("Đỗ Văn Đến", "02/02/1995", branch="Chi đoàn ấp Tân Phú")
    ws.events.record(ids["den"], "transfer_in", "01/06/2025", other_organization="Đoàn xã B")
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025)
    qtbot.addWidget(dialog)
    dialog.check_all_button.click()
    assert len(dialog.checked_ids()) == 3
    dialog.date_edit.setText("15/03/2025")
    dialog.confirm_button.click()
    assert prompts.errors == [
        "Đoàn viên Đỗ Văn Đến: ngày trưởng thành Đoàn (15/03/2025) phải sau ngày chuyển đến "
        "(01/06/2025)."
    ]
    assert {ws.members.get(i).fields.status for i in (ids["hoa"], ids["binh"], ids["den"])} == {
        "active"
    }


def test_unchecked_members_are_left_out(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025)
    qtbot.addWidget(dialog)
    dialog.set_checked(ids["hoa"], True)
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    dialog.year_spin.setValue(2026)  # the list read again: Hoa still ticked
    assert dialog.checked_ids() == [ids["hoa"]]
    dialog.date_edit.setText("15/12/2025")
    dialog.confirm_button.click()
    assert dialog.confirmed == 1
    assert ws.members.get(ids["binh"]).fields.status == "active"
    assert ws.members.get(ids["hoa"]).fields.status == "matured"


def test_party_list_shows_an_introduction(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember, qtmodeltester
) -> None:
    hoa = add_member("Lê Thị Hoa", "10/06/1998", branch="Chi đoàn ấp Tân Phú")
    empty = PartyIntroductionsDialog(synchronous_core(ws))
    qtbot.addWidget(empty)
    assert empty.rows() == []
    assert empty.summary.text() == "Chưa có đoàn viên nào được giới thiệu cho Đảng."

    dialog = EventDialog(synchronous_core(ws, prompts), hoa)
    qtbot.addWidget(dialog)
    dialog.set_kind("party_introduction")
    dialog.set_value("date", "19/05/2024")
    dialog.set_value("number", "05-GT/ĐTN")
    dialog.save_button.click()
    assert dialog.event_id is not None
    ws.events.record(hoa, "party_admission", "03/02/2025")

    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    shown: list[list[tuple[str, ...]]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, PartyIntroductionsDialog)
        qtmodeltester.check(dialog.model)
        shown.append(dialog.rows())

    prompts.dialog_script = look
    window.party_action.trigger()
    row = ("Lê Thị Hoa", "10/06/1998", "Chi đoàn ấp Tân Phú", "19/05/2024", "05-GT/ĐTN")
    assert shown == [[(*row, "03/02/2025")]]


def test_the_party_list_counts_a_member_introduced_twice_once(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    # Introduced in 2023, not admitted then, introduced again in 2024 and admitted in 2025: two
    # introductions, one member in the Party (not two).
    hoa = add_member("Lê Thị Hoa", "10/06/1998", branch="Chi đoàn ấp Tân Phú")
    an = add_member("Nguyễn Văn An", "01/01/1999")
    ws.events.record(hoa, "party_introduction", "19/05/2023")
    ws.events.record(hoa, "party_introduction", "20/05/2024")
    ws.events.record(an, "party_introduction", "20/05/2024")
    ws.events.record(hoa, "party_admission", "03/02/2025")
    dialog = PartyIntroductionsDialog(synchronous_core(ws))
    qtbot.addWidget(dialog)
    assert len(dialog.rows()) == 3
    assert dialog.summary.text() == "3 lượt giới thiệu, 1 đoàn viên đã vào Đảng."


def test_the_party_list_tells_namesakes_apart(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    """Two members of one name in one chi đoàn (common: the demo's 300 have several): the list
    said "Nguyễn Thùy Châu" twice with nothing to tell which is which; it shows the birth date,
    as the coming-of-age list does."""
    first = add_member("Nguyễn Thùy Châu", "12/04/1999", branch="Chi đoàn ấp Tân Phú")
    second = add_member("Nguyễn Thùy Châu", "1998", branch="Chi đoàn ấp Tân Phú")
    ws.events.record(first, "party_introduction", "19/05/2024", "05-GT/ĐTN")
    ws.events.record(second, "party_introduction", "20/05/2024", "06-GT/ĐTN")
    dialog = PartyIntroductionsDialog(synchronous_core(ws))
    qtbot.addWidget(dialog)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Họ và tên", "Ngày sinh", "Chi đoàn", "Ngày giới thiệu", "Số",
                       "Ngày vào Đảng"]  # fmt: skip
    assert dialog.rows() == [
        ("Nguyễn Thùy Châu", "12/04/1999", "Chi đoàn ấp Tân Phú", "19/05/2024", "05-GT/ĐTN", ""),
        ("Nguyễn Thùy Châu", "1998", "Chi đoàn ấp Tân Phú", "20/05/2024", "06-GT/ĐTN", ""),
    ]


def test_next_year_viewed_marks_late_only_who_reached_it_before_this_year(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """ "quá hạn" is against today: viewing next year, this year's members are not late (they
    used to be); a member here on temporary activity is not listed (her home decides)."""
    year = dt.date.today().year
    add_member("Lê Văn Nay", f"03/05/{year - 30}")
    add_member("Trần Văn Quá", f"20/12/{year - 31}")
    guest = add_member("Đỗ Thị Tạm", f"01/02/{year - 30}")
    ws.events.record(guest, "temporary", f"01/01/{year}", home_organization="Đoàn xã Tân Lộc")
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=year + 1)
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Lê Văn Nay", "Trần Văn Quá"]
    assert [dialog.model.index(r, 4).data() for r in range(2)] == [
        str(year),
        f"{year - 1} (quá hạn)",
    ]
    assert dialog.summary.text() == (
        "2 đoàn viên đủ 30 tuổi (trong đó 1 quá hạn, từ các năm trước) — đã chọn 0."
    )


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_asks_before_recording_and_cancel_changes_nothing(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """Enter in the decision's date records for every ticked member: it asks first, naming how
    many and the date; Hủy records nothing and leaves the list as it was."""
    ids = _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025, today=IN_2025)
    qtbot.addWidget(dialog)
    with qtbot.wait_exposed(dialog):
        dialog.show()
    dialog.check_all_button.click()
    dialog.date_edit.setText("15/12/2025")
    question = "Ghi nhận trưởng thành Đoàn cho 2 đoàn viên, ngày quyết định 15/12/2025?"
    prompts.answer = False
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert prompts.asked == [question] and prompts.buttons == [("Ghi", "Hủy")]
    assert dialog.confirmed == 0 and dialog.checked_ids() == [ids["hoa"], ids["binh"]]
    assert {ws.members.get(ids[k]).fields.status for k in ("hoa", "binh")} == {"active"}
    prompts.answer = True
    dialog.number_edit.setText("20-QĐ/ĐTN")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert prompts.asked[1] == (
        "Ghi nhận trưởng thành Đoàn cho 2 đoàn viên, ngày quyết định 15/12/2025, số 20-QĐ/ĐTN?"
    )
    assert dialog.confirmed == 2
    assert {ws.members.get(ids[k]).fields.status for k in ("hoa", "binh")} == {"matured"}


def test_a_decision_before_a_member_turns_30_names_them_first(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """The year's decision dated before a ticked member's 30th birthday: the question names
    that member and the birthday first (the year counts, so it may be recorded); Hủy records
    nothing. A member known by the birth year alone is not named: the year is all there is."""
    ids = _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025, today=IN_2025)
    qtbot.addWidget(dialog)
    dialog.check_all_button.click()
    dialog.date_edit.setText("15/03/2025")
    prompts.answer = False
    dialog.confirm_button.click()
    assert prompts.asked == [
        "Chưa đủ 30 tuổi vào ngày quyết định 15/03/2025: Lê Thị Hoa (tròn 30 tuổi ngày "
        "10/06/2025). Trưởng thành Đoàn được xét theo năm đủ 30 tuổi nên vẫn ghi được; hãy "
        "kiểm tra lại ngày quyết định.\n\n"
        "Ghi nhận trưởng thành Đoàn cho 2 đoàn viên, ngày quyết định 15/03/2025?"
    ]
    assert {ws.members.get(ids[k]).fields.status for k in ("hoa", "binh")} == {"active"}
    dialog.date_edit.setText("10/06/2025")  # her birthday: of age, nothing to say
    prompts.answer = True
    dialog.confirm_button.click()
    assert prompts.asked[1] == (
        "Ghi nhận trưởng thành Đoàn cho 2 đoàn viên, ngày quyết định 10/06/2025?"
    )
    assert {ws.members.get(ids[k]).fields.status for k in ("hoa", "binh")} == {"matured"}


def test_one_coming_of_age_before_the_birthday_is_asked_about(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """The same warning for one member's event: Hủy keeps the dialog open, nothing written;
    Ghi records it."""
    hoa = _fixture(ws, add_member)["hoa"]
    dialog = EventDialog(synchronous_core(ws, prompts), hoa)
    qtbot.addWidget(dialog)
    dialog.set_kind("matured")
    dialog.set_value("date", "09/06/2025")
    prompts.answer = False
    dialog.save_button.click()
    assert prompts.asked == [
        "Chưa đủ 30 tuổi vào ngày quyết định 09/06/2025: Lê Thị Hoa (tròn 30 tuổi ngày "
        "10/06/2025). Trưởng thành Đoàn được xét theo năm đủ 30 tuổi nên vẫn ghi được; hãy "
        "kiểm tra lại ngày quyết định.\n\nGhi nhận trưởng thành Đoàn ngày 09/06/2025?"
    ]
    assert prompts.buttons == [("Ghi", "Hủy")]
    assert dialog.event_id is None and ws.events.history(hoa) == []
    prompts.answer = True
    dialog.save_button.click()
    assert dialog.event_id is not None
    assert ws.members.get(hoa).fields.status == "matured"


def test_the_years_list_is_printed_as_listed(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember, tmp_path: Path
) -> None:
    """ "In danh sách…" prints the year's list (ticked or not: the list the meeting sees), late
    ones marked as the dialog marks them, and offers to open it; nothing to print, no button."""
    _fixture(ws, add_member)
    dialog = ComingOfAgeDialog(synchronous_core(ws, prompts), year=2025, today=IN_2025)
    qtbot.addWidget(dialog)
    target = tmp_path / "tt.pdf"
    asked: list[str] = []
    opened: list[Path] = []
    dialog.ask_save_path = lambda name: asked.append(name) or target  # type: ignore[method-assign]
    dialog.open_file = lambda path: opened.append(path) or True
    prompts.dialog_script = accept_print_dialog
    dialog.print_button.click()
    assert prompts.errors == []
    assert asked == ["danh-sach-truong-thanh-doan-2025.pdf"] and opened == [target]
    assert prompts.asked == [f"Đã lưu danh sách vào tệp:\n{target}\n\nMở tệp để xem và in?"]
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "DANH SÁCH ĐOÀN VIÊN TRƯỞNG THÀNH ĐOÀN" in text
    assert "(Đoàn viên đủ 30 tuổi trong năm 2025)" in text
    assert (
        "1 Trần Văn Bình 1994 Chi đoàn ấp Tân Phú Đoàn viên 2024 (quá hạn) "
        "2 Lê Thị Hoa 10/06/1995 Chi đoàn ấp Tân Phú Bí thư 2025 "
        "Tổng số: 2 đoàn viên (nữ: 0), trong đó 1 đủ 30 tuổi trước năm 2025."
    ) in text
    assert "Nguyễn Văn An" not in text  # 30 in 2026
    dialog.year_spin.setValue(2020)
    assert not dialog.print_button.isEnabled()
