"""The youth register page: search, filters, delete with undo, admit, export and print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.reports.youth import print_youth
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.page import YouthPage
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core


def _names(page: YouthPage) -> list[str]:
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def _select(page: YouthPage, *names: str) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for name in names:
        row = _names(page).index(name)
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_search_ignores_tones_and_both_spellings(page: YouthPage, qtbot: QtBot) -> None:
    assert page.count_label.text() == "Đang hiển thị 5 / 5 thanh niên"
    page.search.setText("thuy")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(_names(page)) == ["Nguyễn Thị Thủy", "Trần Thị Thuỷ"]
    assert page.count_label.text() == "Đang hiển thị 2 / 5 thanh niên"
    page.search.setText("THỦY trần")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page) == ["Trần Thị Thuỷ"]


def test_filters_combine(page: YouthPage) -> None:
    hamlets = [page.hamlet_combo.itemText(i) for i in range(page.hamlet_combo.count())]
    assert hamlets == ["Tất cả", "Ấp Kênh Xáng", "Ấp Tân Hưng"]
    page.hamlet_combo.setCurrentIndex(2)
    assert sorted(_names(page)) == ["Lê Văn An", "Nguyễn Thị Thủy", "Phạm Minh Bảo"]
    page.hardship_check.setChecked(True)
    assert _names(page) == ["Nguyễn Thị Thủy"]
    page.hamlet_combo.setCurrentIndex(0)
    page.hardship_check.setChecked(False)
    page.away_check.setChecked(True)
    assert sorted(_names(page)) == ["Trần Thị Thuỷ", "Đặng Thu Hà"]


def test_header_click_sorts_in_the_core(page: YouthPage, youth_ws: Workspace) -> None:
    header = page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == ("birth_date", False)
    assert _names(page)[0] == "Đặng Thu Hà"
    header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)  # not sortable: stays
    assert page.model.sort_key == ("birth_date", False)
    assert header.sortIndicatorSection() == 2


def test_delete_asks_and_can_be_undone(page: YouthPage, prompts) -> None:
    _select(page, "Lê Văn An", "Phạm Minh Bảo")
    prompts.answer = False
    page.delete_button.click()
    assert "Xóa 2 thanh niên khỏi sổ theo dõi?" in prompts.asked[0]
    assert page.model.rowCount() == 5
    prompts.answer = True
    page.delete_button.click()
    assert sorted(_names(page)) == ["Nguyễn Thị Thủy", "Trần Thị Thuỷ", "Đặng Thu Hà"]
    page._history.undo()
    assert page.model.rowCount() == 5


def test_admit_creates_the_member_and_hides_the_youth(
    page: YouthPage, youth_ws: Workspace, prompts
) -> None:
    _select(page, "Nguyễn Thị Thủy")
    assert page.admit_button.isEnabled()
    seen: list[AdmitDialog] = []

    def fill(dialog) -> None:
        seen.append(dialog)
        assert dialog.place_edit.text() == "Đoàn xã Tân Hưng"
        assert dialog.branch_combo.currentText() == "Chi đoàn ấp Tân Hưng"  # from the hamlet
        assert dialog.introducer.combo.currentText().startswith("Nguyễn Thị Như Quỳnh")
        dialog.date_edit.setText("26/03/2025")
        dialog.number_edit.setText("12-QĐ/ĐTN")
        dialog.admit_button.click()

    prompts.dialog_script = fill
    page.admit_button.click()
    member_id = seen[0].member_id
    assert member_id
    assert "Nguyễn Thị Thủy" not in _names(page)
    member = youth_ws.members.get(member_id)
    assert member.fields.full_name == "Nguyễn Thị Thủy"
    assert member.branch_name == "Chi đoàn ấp Tân Hưng"
    events = youth_ws.events.history(member_id)
    assert [(e.kind, e.number) for e in events] == [("admission", "12-QĐ/ĐTN")]
    assert events[0].introducer_name == "Nguyễn Thị Như Quỳnh"
    page.admitted_check.setChecked(True)
    assert "Nguyễn Thị Thủy (đã kết nạp)" in _names(page)
    _select(page, "Nguyễn Thị Thủy (đã kết nạp)")
    assert not page.admit_button.isEnabled()


def test_export_and_print_use_the_filter(page: YouthPage, tmp_path: Path, monkeypatch) -> None:
    page.away_check.setChecked(True)
    target = tmp_path / "tn"
    asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(page, "ask_save_path", lambda *args: asked.append(args) or target)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.export_button.click()
    assert (tmp_path / "tn.xlsx").exists()
    # The dialog says which file is for Excel and which for other programs.
    assert asked[0][2] == (
        "Excel – để mở bằng Excel, in, sắp xếp, lọc (*.xlsx);;"
        "CSV UTF-8 – để nhập vào chương trình khác; mở bằng Excel sẽ mất số 0 đầu của CCCD, "
        "điện thoại (*.csv)"
    )
    titles: list[str] = []

    def accept(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        accept_print_dialog(dialog)

    page.prompts.dialog_script = accept  # type: ignore[attr-defined]
    opened: list[Path] = []
    page.open_file = opened.append
    page.print_button.click()
    assert (tmp_path / "tn.pdf").exists()
    # Where the files are, in full; the PDF is offered to open, to see and print.
    assert messages == [f"Đã xuất 2 thanh niên ra tệp {tmp_path / 'tn.xlsx'}.",
                        f"Đã lưu danh sách thanh niên để in: {tmp_path / 'tn.pdf'}."]  # fmt: skip
    assert page.prompts.asked == [  # type: ignore[attr-defined]
        f"Đã lưu danh sách vào tệp:\n{tmp_path / 'tn.pdf'}\n\nMở tệp để xem và in?"
    ]
    assert opened == [tmp_path / "tn.pdf"]
    # Named by the list they hold, as the roster's files are (words of the slug, one dash
    # each): the lists of criterion 1 printed one after another do not take one another's name.
    assert [a[1] for a in asked] == [
        "danh-sach-thanh-nien-di-lam-an-xa.xlsx", "danh-sach-thanh-nien-di-lam-an-xa.pdf"
    ]  # fmt: skip
    assert titles == ["In danh sách thanh niên đi làm ăn xa"]  # what the dialog prints
    page.away_check.setChecked(False)
    page.hardship_check.setChecked(True)
    page.hamlet_combo.setCurrentIndex(page.hamlet_combo.findData("Ấp Tân Hưng"))
    page.export_button.click()
    page.print_button.click()
    assert [a[1] for a in asked[2:]] == [
        "danh-sach-thanh-nien-co-hoan-canh-kho-khan-ap-tan-hung.xlsx",
        "danh-sach-thanh-nien-co-hoan-canh-kho-khan-ap-tan-hung.pdf",
    ]
    assert titles[1] == "In danh sách thanh niên có hoàn cảnh khó khăn – Ấp Tân Hưng"


def test_files_are_offered_in_documents_then_where_the_last_one_went(
    page: YouthPage, tmp_path: Path, monkeypatch
) -> None:
    """The save dialog opens in Documents, as the roster's (not the user's home folder, where
    a secretary on Windows does not look), then in the folder of the last file saved."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import SaveDialogs

    chosen = tmp_path / "usb" / "tn.xlsx"
    chosen.parent.mkdir()
    dialogs = SaveDialogs(chosen).install(monkeypatch)
    page.export_button.click()
    page.export_button.click()
    assert dialogs.offered == [str(documents_folder() / "danh-sach-thanh-nien.xlsx"),
                               str(chosen.parent / "danh-sach-thanh-nien.xlsx")]  # fmt: skip
    assert chosen.is_file()


def test_a_young_person_saved_outside_the_filter_is_said_not_to_be_listed(
    page: YouthPage, prompts, youth_ws: Workspace
) -> None:
    """Added, or moved to another hamlet, while the list shows one hamlet (or those in
    hardship): the young person leaves the list, and the status bar says why."""
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.hardship_check.setChecked(True)
    assert _names(page) == ["Nguyễn Thị Thủy"]

    def fill(dialog) -> None:
        dialog.set_value("full_name", "Trần Thị Ngọc")
        dialog.set_value("birth_date", "05/03/2007")
        dialog.save_button.click()

    prompts.dialog_script = fill
    page.add_youth()
    assert youth_ws.youth.count() == 6 and _names(page) == ["Nguyễn Thị Thủy"]
    assert messages == [
        "Đã thêm Trần Thị Ngọc vào sổ theo dõi thanh niên. Người này không hiện trong danh sách "
        "vì đang tìm kiếm hoặc lọc."
    ]
    page.hardship_check.setChecked(False)
    page.hamlet_combo.setCurrentIndex(page.hamlet_combo.findData("Ấp Kênh Xáng"))
    assert "Đặng Thu Hà" in _names(page)

    def move(dialog) -> None:
        dialog.set_value("hamlet", "Ấp Tân Hưng")
        dialog.save_button.click()

    prompts.dialog_script = move
    _select(page, "Đặng Thu Hà")
    page.edit_youth()
    assert "Đặng Thu Hà" not in _names(page)
    assert messages[-1].endswith("Người này không hiện trong danh sách vì đang tìm kiếm hoặc lọc.")


def test_lists_of_ethnic_minority_and_religious_youth(page: YouthPage, youth_ws: Workspace) -> None:
    youth_ws.youth.save({"full_name": "Thạch Thị Sa Rươl", "birth_date": "03/03/2005",
                         "ethnicity": "Khmer", "religion": "Phật giáo"})  # fmt: skip
    youth_ws.youth.save({"full_name": "Lý Văn Tài", "birth_date": "04/04/2004",
                         "ethnicity": "Kinh", "religion": "Cao Đài"})  # fmt: skip
    page.apply_filter()
    assert page.minority_check.text() == "Chỉ &dân tộc thiểu số"
    assert page.religion_check.text() == "Chỉ &có tôn giáo"
    page.minority_check.setChecked(True)
    assert _names(page) == ["Thạch Thị Sa Rươl"]
    page.minority_check.setChecked(False)
    page.religion_check.setChecked(True)
    assert _names(page) == ["Thạch Thị Sa Rươl", "Lý Văn Tài"]
    assert page.count_label.text() == "Đang hiển thị 2 / 7 thanh niên"


def test_the_1_plus_1_list_shows_young_people_no_member_follows_yet(
    page: YouthPage, youth_ws: Workspace
) -> None:
    """DOMAIN.md's "1+1" drive: the young people no member follows yet, a member deleted from
    the roster following no one; the count says how many of the register."""
    assert page.unfollowed_check.text() == "C&hưa có đoàn viên theo dõi"
    tung = next(m.id for m in youth_ws.members.list() if m.full_name == "Võ Văn Tùng")
    an = next(r.id for r in youth_ws.youth.list() if r.full_name == "Lê Văn An")
    youth_ws.youth.save({"full_name": "Lê Văn An", "birth_date": "01/01/2003", "gender": "Nam",
                         "hamlet": "Ấp Tân Hưng", "phone": "0912345678",
                         "follow_up_member_id": tung}, youth_id=an)  # fmt: skip
    page.apply_filter()
    page.unfollowed_check.setChecked(True)
    assert _names(page) == ["Phạm Minh Bảo", "Đặng Thu Hà", "Trần Thị Thuỷ"]
    assert page.count_label.text() == "Đang hiển thị 3 / 5 thanh niên"
    youth_ws.members.delete([tung])
    page.apply_filter()
    assert _names(page) == ["Lê Văn An", "Phạm Minh Bảo", "Đặng Thu Hà", "Trần Thị Thuỷ"]
    assert page.current_filter().unfollowed_only


def test_the_1_plus_1_list_shows_the_young_people_members_follow(
    page: YouthPage, youth_ws: Workspace, tmp_path, pdf_text
) -> None:
    """The evidence of the "1+1" drive (checklist item 1.7): the young people a member follows,
    with the member, printed under its own title. Followed and not followed exclude each
    other: ticking one unticks the other, not an empty list."""
    assert page.followed_check.text() == "Có đ&oàn viên theo dõi"
    page.unfollowed_check.setChecked(True)
    page.followed_check.setChecked(True)
    assert not page.unfollowed_check.isChecked()
    assert _names(page) == ["Nguyễn Thị Thủy"]
    assert page.count_label.text() == "Đang hiển thị 1 / 5 thanh niên"
    assert page.current_filter().followed_only
    text = " ".join(pdf_text(print_youth(youth_ws, tmp_path / "tn.pdf", page.current_filter()))
                    .split())  # fmt: skip
    assert "DANH SÁCH THANH NIÊN CÓ ĐOÀN VIÊN THEO DÕI (1+1) Đoàn xã Tân Hưng STT" in text
    assert "1 Nguyễn Thị Thủy 12/03/2004 Nữ Ấp Tân Hưng Hộ nghèo Nguyễn Thị Như Quỳnh" in text
    page.unfollowed_check.setChecked(True)
    assert not page.followed_check.isChecked()
    assert "Nguyễn Thị Thủy" not in _names(page) and len(_names(page)) == 4


def test_the_lists_have_alt_letters(page: YouthPage) -> None:
    boxes = (page.hardship_check, page.away_check, page.minority_check, page.religion_check,
             page.followed_check, page.unfollowed_check, page.admitted_check)  # fmt: skip
    assert [b.text() for b in boxes] == [
        "Chỉ hoàn cảnh &khó khăn",
        "Chỉ đi &làm ăn xa",
        "Chỉ &dân tộc thiểu số",
        "Chỉ &có tôn giáo",
        "Có đ&oàn viên theo dõi",
        "C&hưa có đoàn viên theo dõi",
        "Hiện cả người đã kết &nạp",
    ]


def test_the_list_of_minority_or_religious_youth_shows_why_each_is_on_it(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """ "Chỉ dân tộc thiểu số" shows the "Dân tộc" column, "Chỉ có tôn giáo" the "Tôn giáo"
    one, each beside the gender as on the printed list; the whole register shows neither."""
    youth_ws.youth.save({"full_name": "Thạch Thị Sa Ra", "birth_date": "02/09/2001",
                         "ethnicity": "Khmer", "religion": "Phật giáo Nam tông"})  # fmt: skip
    youth_ws.youth.save({"full_name": "Lâm Văn Hòa", "birth_date": "2003", "religion": "Cao Đài"})
    core = synchronous_core(youth_ws, prompts)
    page = YouthPage(core, UndoHistory(core))
    qtbot.addWidget(page)

    def shown() -> list[list[str]]:
        """The visible headers, then each row's visible cells after the STT and name."""
        columns = [c for c in range(page.model.columnCount()) if not page.table.isColumnHidden(c)]
        model = page.model
        rows = [
            [model.data(model.index(r, c)) for c in columns[2:5]] for r in range(model.rowCount())
        ]
        return [[model.headerData(c, Qt.Orientation.Horizontal) for c in columns[2:5]], *rows]

    def table_width() -> int:
        """The width of the visible columns but the last (which stretches to the edge)."""
        last = page.model.columnCount() - 1
        return sum(page.table.columnWidth(c) for c in range(last))

    width = table_width()
    assert shown()[0] == ["Ngày sinh", "Giới tính", "Ấp/khu phố"]
    page.minority_check.setChecked(True)
    assert shown() == [["Ngày sinh", "Giới tính", "Dân tộc"], ["02/09/2001", "", "Khmer"]]
    # The wide columns make room for it: the phone stays where it was, in sight at 1366×768.
    assert table_width() == width
    # Kept for the next start, which shows the whole register: the defaults given back, the
    # hidden "Tôn giáo" as 0 (left as it is).
    assert page.column_widths() == [0 if c == 5 else w for c, w in enumerate(page.default_widths())]
    page.minority_check.setChecked(False)
    page.religion_check.setChecked(True)
    assert shown() == [
        ["Ngày sinh", "Giới tính", "Tôn giáo"],
        ["2003", "", "Cao Đài"],
        ["02/09/2001", "", "Phật giáo Nam tông"],
    ]
    page.minority_check.setChecked(True)
    assert page.table.isColumnHidden(4) is page.table.isColumnHidden(5) is False
    assert table_width() == width
    page.religion_check.setChecked(False)
    page.minority_check.setChecked(False)
    assert shown()[0] == ["Ngày sinh", "Giới tính", "Ấp/khu phố"]
    assert [page.table.columnWidth(c) for c in range(page.model.columnCount() - 1)] == [
        w if c not in (4, 5) else 0 for c, w in enumerate(page.default_widths()[:-1])
    ]
