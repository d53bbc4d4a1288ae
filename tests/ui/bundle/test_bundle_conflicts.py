"""The conflicts panel's words: each row named once by its label, each value as the command
line prints it (empty as "(trống)", a note starting with a date left whole, the moment of a
deletion in local time); a deletion on one side and a change on the other is one choice,
"Xóa" or "Giữ lại"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from active_window import shown_active
from bundle_gui import add_people, export_through_gui, import_to_plan, phones
from doancoso.core.bundle.labels import moment_text
from doancoso.core.bundle.merge import Conflict, FieldDiff
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.conflicts import CHOICE, ConflictsPanel, conflict_title
from doancoso.ui.bundle.import_wizard import RESULT_PAGE
from mnemonics import letters, press_alt
from table_cells import cell_text


def test_rows_and_values_read_as_written(qtbot: QtBot, in_vietnam: None) -> None:
    member = Conflict("members", "m1", "Đoàn viên Lê Ngọc Ái (17/04/1999)", [
        FieldDiff("deleted_at", "Đã xóa", None, "2026-12-05T09:04:12.345678"),
        FieldDiff("notes", "Ghi chú", "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12", None),
    ])  # fmt: skip
    setting = Conflict("settings", "s1", "", [FieldDiff("value", "Giá trị", "30", "31")])
    holder = QWidget()  # never shown: the panel shows itself when it has conflicts
    qtbot.addWidget(holder)
    panel = ConflictsPanel(holder)
    panel.set_conflicts([member, setting])
    assert [panel.rows.item(i).text() for i in range(2)] == [
        "• Đoàn viên Lê Ngọc Ái (17/04/1999)",
        "• Thiết lập: s1",
    ]
    cells = [
        tuple(cell_text(panel.fields, r, c) for c in range(3))
        for r in range(panel.fields.rowCount())
    ]
    assert cells == [("Ghi chú", "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12", "(trống)")]
    assert panel.deletion.text() == (
        "Máy kia (trong tệp) đã xóa “Đoàn viên Lê Ngọc Ái (17/04/1999)” lúc 05/12/2026 16:04; "
        "máy này vẫn giữ và đã sửa: Ghi chú."
    )
    assert conflict_title(Conflict("branches", "b1", "Ấp Mỹ Phú", [])) == "Chi đoàn: Ấp Mỹ Phú"


def _cells(panel: ConflictsPanel) -> list[tuple[str, ...]]:
    return [
        tuple(cell_text(panel.fields, r, c) for c in range(3))
        for r in range(panel.fields.rowCount())
    ]


def test_a_deletion_on_one_side_is_a_choice_to_delete_or_keep(
    qtbot: QtBot, in_vietnam: None
) -> None:
    """Deleted on one side, changed on the other: said as what it is, one choice "Xóa" /
    "Giữ lại" for the whole record (never a field "Đã xóa" whose other value is "(trống)");
    the fields changed are shown, with no choice of their own."""
    mine_deleted = Conflict("members", "m1", "Đoàn viên Lê Quốc Nam (26/05/2000)", [
        FieldDiff("phone", "Điện thoại", None, "0977123456"),
        FieldDiff("deleted_at", "Đã xóa", "2026-12-05T11:24:00", None),
    ])  # fmt: skip
    theirs_deleted = Conflict("branches", "b1", "Ấp Mỹ Phú", [
        FieldDiff("deleted_at", "Đã xóa", None, "2026-12-04T02:05:00"),
    ])  # fmt: skip
    holder = QWidget()
    qtbot.addWidget(holder)
    panel = ConflictsPanel(holder)
    panel.set_conflicts([mine_deleted, theirs_deleted])
    assert panel.deletion.text() == (
        "Máy này đã xóa “Đoàn viên Lê Quốc Nam (26/05/2000)” lúc 05/12/2026 18:24; máy kia "
        "(trong tệp) vẫn giữ và đã sửa: Điện thoại."
    )
    assert [panel.deletion_choice.itemText(i) for i in range(3)] == ["— Chọn —", "Xóa", "Giữ lại"]
    assert _cells(panel) == [("Điện thoại", "(trống)", "0977123456")]
    assert panel.fields.cellWidget(0, 4) is None and panel.fields.isColumnHidden(4)
    panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Giữ lại"))
    assert panel.choices()[("members", "m1")] == {"phone": "theirs", "deleted_at": "theirs"}
    assert panel.rows.item(0).text() == "✓ Đoàn viên Lê Quốc Nam (26/05/2000)"
    panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Xóa"))
    assert panel.choices()[("members", "m1")] == {"phone": "mine", "deleted_at": "mine"}
    assert not panel.complete()
    panel.rows.setCurrentRow(1)
    assert panel.deletion.text() == (
        "Máy kia (trong tệp) đã xóa “Chi đoàn: Ấp Mỹ Phú” lúc 04/12/2026 09:05; máy này vẫn "
        "giữ và đã sửa sau lần trao đổi trước."
    )
    assert panel.deletion_choice.currentText() == "— Chọn —" and _cells(panel) == []
    panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Xóa"))
    assert panel.choices()[("branches", "b1")] == {"deleted_at": "theirs"}
    assert panel.complete()
    panel.rows.setCurrentRow(0)
    assert panel.deletion_choice.currentText() == "Xóa"  # the choice made is shown again
    panel.choose_all("theirs")
    assert panel.deletion_choice.currentText() == "Giữ lại"
    panel.set_conflicts(
        [Conflict("settings", "s1", "", [FieldDiff("value", "Giá trị", "30", "31")])]
    )
    assert panel.deletion_box.isHidden()  # a field conflict: a choice per field, as before
    assert isinstance(panel.fields.cellWidget(0, 4), QComboBox)
    assert not panel.fields.isColumnHidden(4)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the wizard shown, to take Alt+C
def test_a_member_deleted_here_and_changed_there_is_kept_when_chosen(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The whole way: deleted on this machine, its phone changed on the other; the wizard asks
    "Xóa" / "Giữ lại" ("Chọn:", Alt+C), and "Giữ lại" brings the member back with the other
    machine's phone."""
    ids = add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-khac")
    try:
        first = import_to_plan(qtbot, other, bundle)
        first.import_button.click()
        an = ids["Nguyễn Văn An"]
        ws.members.delete([an])
        other.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                            "phone": "0977123456"}, an)  # fmt: skip
        back = export_through_gui(qtbot, other, tmp_path / "tu-may-khac")
        wizard = import_to_plan(qtbot, ws, back)
        panel = wizard.conflicts
        assert len(panel.conflicts) == 1 and not panel.deletion_box.isHidden()
        deleted_at = next(f.mine for f in panel.conflicts[0].fields if f.name == "deleted_at")
        assert panel.deletion.text() == (
            f"Máy này đã xóa “Đoàn viên Nguyễn Văn An (15/03/2000)” lúc {moment_text(deleted_at)}"
            "; máy kia (trong tệp) vẫn giữ và đã sửa: Điện thoại."
        )
        assert ("Điện thoại", "0912345678", "0977123456") in _cells(panel)
        assert not wizard.import_button.isEnabled()
        # Alt+C ("&Chọn:") puts the keyboard on the choice, a letter no other shown takes
        shown_active(qtbot, wizard)
        assert panel.deletion_label.text() == "&Chọn:"
        assert letters(wizard).count("Alt+C") == 1
        press_alt(qtbot, Qt.Key.Key_C)
        assert QApplication.focusWidget() is panel.deletion_choice
        panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Giữ lại"))
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert phones(ws)["Nguyễn Văn An"] == "0977123456"
    finally:
        other.close()


def test_many_conflicts_are_counted_as_vietnamese_write_numbers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from bundle_gui import import_to_plan
    from bundle_sync import both_changed

    mine, theirs, bundle = both_changed(tmp_path, 1050)
    try:
        wizard = import_to_plan(qtbot, mine, bundle)
        assert wizard.plan_summary.text().startswith(
            "Có 1.050 bản ghi bị sửa ở cả hai nơi kể từ lần trao đổi trước: chọn giữ của máy "
            "này hay lấy của tệp"
        )
        assert wizard.conflicts.heading.text() == "Xung đột: 1.050"
    finally:
        mine.close()
        theirs.close()


def _plan_rows(wizard) -> list[list[str]]:
    table = wizard.plan_table
    return [[table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]] + [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_kind_of_record_whose_every_row_is_a_conflict_has_its_row_in_the_counts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Six members changed on both copies: "Đoàn viên" is in the counts with its six conflicts
    waiting for a choice (the row was left out, every member being neither new, updated,
    deleted nor unchanged); once chosen, the dry run made again counts them as updated."""
    from bundle_gui import import_to_plan
    from bundle_sync import both_changed

    mine, theirs, bundle = both_changed(tmp_path, 6)
    try:
        wizard = import_to_plan(qtbot, mine, bundle)
        assert wizard.conflicts.heading.text() == "Xung đột: 6"
        rows = _plan_rows(wizard)
        assert rows[0] == ["Loại dữ liệu", "Mới", "Cập nhật", "Xóa", "Không đổi", "Chờ chọn"]
        assert ["Đoàn viên", "0", "0", "0", "0", "6"] in rows
        assert all(row[5] == "0" for row in rows[1:] if row[0] != "Đoàn viên")
        wizard.conflicts.all_theirs.click()
        wizard.import_button.click()  # the dry run again with the choices, before any write
        qtbot.waitUntil(lambda: ["Đoàn viên", "0", "6", "0", "0", "0"] in _plan_rows(wizard))
    finally:
        mine.close()
        theirs.close()


def test_the_count_waiting_for_a_choice_follows_each_choice_made(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Two members changed on both copies: a side chosen for one of them, "Chờ chọn" says 1 at
    once (it said 2 until the dry run was made again) and "Nhập" still waits; the other
    chosen, 0, and "Nhập" can be pressed."""
    from bundle_gui import import_to_plan
    from bundle_sync import both_changed

    mine, theirs, bundle = both_changed(tmp_path, 2)
    try:
        wizard = import_to_plan(qtbot, mine, bundle)
        panel = wizard.conflicts
        assert ["Đoàn viên", "0", "0", "0", "0", "2"] in _plan_rows(wizard)
        assert not wizard.import_button.isEnabled()
        for index, waiting in ((0, "1"), (1, "0")):
            panel.rows.setCurrentRow(index)
            combo = panel.fields.cellWidget(0, 4)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(combo.findText("Lấy của tệp"))
            row = next(r for r in _plan_rows(wizard) if r[0] == "Đoàn viên")
            assert row[5] == waiting
            assert wizard.import_button.isEnabled() == (waiting == "0")
    finally:
        mine.close()
        theirs.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a shown widget, offscreen
def test_a_choice_beside_a_note_of_several_lines_keeps_its_height_at_the_top(
    qtbot: QtBot, in_vietnam: None
) -> None:
    """A note of several lines changed on both copies: its row is as tall as the note, its
    choice as tall as a choice is, at the top of the row beside the note's first line (it was
    stretched to the row's whole height, a box as tall as the note)."""
    mine = "\n".join((
        "03/05/2024: chuyển về ấp Cái Đôi.", "15/08/2024: tình nguyện hè.",
        "02/11/2024: đề nghị khen thưởng.", "20/12/2024: xếp loại.", "05/01/2025: nhận thẻ.",
    ))  # fmt: skip
    theirs = "03/05/2024: chuyển về ấp Cái Đôi.\n10/09/2024: đi làm ăn xa ở Bình Dương."
    conflict = Conflict("members", "m1", "Đoàn viên Nguyễn Văn An (15/03/2000)", [
        FieldDiff("phone", "Điện thoại", "0911111111", "0922222222"),
        FieldDiff("notes", "Ghi chú", mine, theirs),
    ])  # fmt: skip
    panel = ConflictsPanel()
    qtbot.addWidget(panel)
    panel.resize(960, 480)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_conflicts([conflict])
    table = panel.fields
    assert cell_text(table, 1, 0) == "Ghi chú"
    for row in range(2):
        combo = table.cellWidget(row, CHOICE)
        assert isinstance(combo, QComboBox)
        top = table.rowViewportPosition(row)

        def laid_out(c: QComboBox = combo, y: int = top) -> bool:
            return c.isVisible() and c.y() == y

        qtbot.waitUntil(laid_out)
        assert combo.height() == combo.sizeHint().height()
    assert table.rowHeight(1) > 2 * table.cellWidget(1, CHOICE).height()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a shown widget, offscreen
def test_a_note_of_several_lines_has_the_height_of_its_lines_once_the_columns_widen(
    qtbot: QtBot, in_vietnam: None
) -> None:
    """The conflicts are given before the page is shown (as the wizard does), then the
    columns take the window's width: the note's row is as tall as its lines at that width (it
    kept the height of its lines wrapped in the narrow columns, blank lines under them)."""
    note = " ".join(["Tham gia Chiến dịch Thanh niên tình nguyện hè, đội hình sửa nhà."] * 4)
    conflict = Conflict("members", "m1", "Đoàn viên Nguyễn Văn An (15/03/2000)", [
        FieldDiff("notes", "Ghi chú", note, "20/12/2024: hoàn thành nhiệm vụ."),
    ])  # fmt: skip
    panel = ConflictsPanel()
    qtbot.addWidget(panel)
    panel.set_conflicts([conflict])
    narrow = panel.fields.rowHeight(0)
    panel.resize(1200, 480)
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.fields
    qtbot.waitUntil(lambda: table.rowHeight(0) == table.sizeHintForRow(0))
    assert table.rowHeight(0) < narrow


@pytest.mark.parametrize(
    ("deleted", "edited", "summary"),
    [
        (False, True, (
            "Có 1 bản ghi bị sửa ở cả hai nơi kể từ lần trao đổi trước: chọn giữ của máy này "
            "hay lấy của tệp cho từng thông tin bên dưới (thông tin chỉ một máy sửa đã chọn sẵn "
            "theo máy đó)."
        )),
        (True, True, (
            "Có 1 bản ghi bị sửa ở cả hai nơi và 1 bản ghi bị xóa ở một nơi nhưng được sửa ở "
            "nơi kia kể từ lần trao đổi trước: với bản ghi bị sửa, chọn giữ của máy này hay lấy "
            "của tệp cho từng thông tin bên dưới (thông tin chỉ một máy sửa đã chọn sẵn theo máy "
            "đó); với bản ghi bị xóa, chọn “Xóa” hay “Giữ lại” cho cả bản ghi."
        )),
        (True, False, (
            "Có 1 bản ghi bị xóa ở một nơi nhưng được sửa ở nơi kia kể từ lần trao đổi trước: "
            "chọn “Xóa” hay “Giữ lại” cho từng bản ghi bên dưới."
        )),
    ],
)  # fmt: skip
def test_the_summary_says_the_choices_a_deletion_takes(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, deleted: bool, edited: bool, summary: str
) -> None:
    """A member deleted here and changed on the other machine is chosen "Xóa" or "Giữ lại",
    not field by field: the summary above the conflicts says so (it said "chọn giữ của máy
    này hay lấy của tệp cho từng thông tin" of every conflict)."""
    ids = add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-khac")
    try:
        import_to_plan(qtbot, other, bundle).import_button.click()
        an, bich = ids["Nguyễn Văn An"], ids["Trần Thị Bích"]
        if deleted:
            ws.members.delete([an])
            other.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                                "phone": "0977123456"}, an)  # fmt: skip
        if edited:
            for copy, phone in ((ws, "0911111111"), (other, "0922222222")):
                copy.members.save({"full_name": "Trần Thị Bích", "birth_date": "02/09/2001",
                                   "phone": phone}, bich)  # fmt: skip
        back = export_through_gui(qtbot, other, tmp_path / "tu-may-khac")
        wizard = import_to_plan(qtbot, ws, back)
        assert len(wizard.conflicts.conflicts) == deleted + edited
        assert wizard.plan_summary.text() == summary
    finally:
        other.close()


def test_a_birth_date_and_a_rating_level_read_as_the_app_writes_them(
    qtbot: QtBot, in_vietnam: None
) -> None:
    """A birth date is one row “Ngày sinh”, each side's as written (only the year when only it
    is known); a rating level and an attendance mark in words, never their codes."""
    member = Conflict("members", "m1", "Đoàn viên Lê Ngọc Ái (1999)", [
        FieldDiff("birth_date", "Ngày sinh",
                  {"birth_date": "1999-01-01", "birth_precision": "year"},
                  {"birth_date": "1999-04-17", "birth_precision": "day"}, "both"),
    ])  # fmt: skip
    rating = Conflict("ratings", "r1", "Xếp loại đoàn viên", [
        FieldDiff("decided_level", "Mức xếp loại", 2, 1, "both"),
        FieldDiff("training_result", "Kết quả chương trình rèn luyện", "kha", "xuat-sac", "both"),
    ])  # fmt: skip
    mark = Conflict("attendance", "a1", "Điểm danh", [
        FieldDiff("state", "Trạng thái", "excused", "present", "both"),
    ])  # fmt: skip
    holder = QWidget()
    qtbot.addWidget(holder)
    panel = ConflictsPanel(holder)
    panel.set_conflicts([member, rating, mark])

    assert _cells(panel) == [("Ngày sinh", "1999", "17/04/1999")]
    panel.rows.setCurrentRow(1)
    assert _cells(panel) == [
        ("Mức xếp loại", "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"),
        ("Kết quả chương trình rèn luyện", "Khá", "Xuất sắc"),
    ]
    panel.rows.setCurrentRow(2)
    assert _cells(panel) == [("Trạng thái", "Vắng có phép", "Có mặt")]
