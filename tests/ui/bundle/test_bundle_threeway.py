"""The conflicts page of the three-way merge: who changed each field ("chỉ máy này sửa" / "chỉ
máy kia sửa" / "cả hai cùng sửa"), a field changed on one side only starting on that side,
"Giữ của tôi cho tất cả" deciding only the fields changed on both, and a row whose fields were
each changed on one machine only taken without a choice ("tự gộp")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from bundle_gui import add_people, export_through_gui, import_to_plan
from doancoso.core.bundle.merge import Conflict, FieldDiff
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.conflicts import CHOICE, WHO, ConflictsPanel
from doancoso.ui.bundle.import_wizard import PLAN_PAGE, RESULT_PAGE
from table_cells import cell_text, cell_widget, header_text


def _rows(panel: ConflictsPanel) -> list[tuple[str, str, str]]:
    """Each field's label, who changed it and the choice shown."""
    return [
        (
            cell_text(panel.fields, r, 0),
            cell_text(panel.fields, r, WHO),
            cell_widget(panel.fields, r, CHOICE, QComboBox).currentText(),
        )
        for r in range(panel.fields.rowCount())
    ]


def test_each_field_says_who_changed_it_and_starts_on_that_side(qtbot: QtBot) -> None:
    mixed = Conflict("members", "m1", "Đoàn viên Lê Ngọc Ái (17/04/1999)", [
        FieldDiff("phone", "Điện thoại", "0911222333", "0944555666", "both"),
        FieldDiff("address_hamlet", "Ấp", "Ấp Cũ", "Ấp Cái Đôi", "theirs"),
        FieldDiff("notes", "Ghi chú", "Ghi ở máy này", None, "mine"),
    ])  # fmt: skip
    automatic = Conflict("members", "m2", "Đoàn viên Trần Văn Bình (02/09/2001)", [
        FieldDiff("phone", "Điện thoại", "0911000111", "0922000222", "mine"),
        FieldDiff("address_hamlet", "Ấp", "Ấp Cũ", "Ấp Mới", "theirs"),
    ])  # fmt: skip
    unknown = Conflict("settings", "s1", "", [FieldDiff("value", "Giá trị", "30", "31")])
    holder = QWidget()
    qtbot.addWidget(holder)
    panel = ConflictsPanel(holder)
    panel.set_conflicts([mixed, automatic, unknown])
    assert panel.heading.text() == "Xung đột: 3 (tự gộp: 1)"
    assert [panel.rows.item(i).text() for i in range(3)] == [
        "• Đoàn viên Lê Ngọc Ái (17/04/1999)",
        "✓ Đoàn viên Trần Văn Bình (02/09/2001) (tự gộp: mỗi thông tin chỉ một máy sửa)",
        "• Thiết lập: s1",
    ]
    assert header_text(panel.fields, WHO) == "Ai đã sửa"
    assert not panel.fields.isColumnHidden(WHO)
    assert _rows(panel) == [
        ("Điện thoại", "cả hai cùng sửa", "— Chọn —"),
        ("Ấp", "chỉ máy kia sửa", "Lấy của tệp"),
        ("Ghi chú", "chỉ máy này sửa", "Giữ của tôi"),
    ]
    assert not panel.complete()
    panel.rows.setCurrentRow(2)
    assert panel.fields.isColumnHidden(WHO)  # not known: the choice decides, as before

    panel.choose_all("mine")  # only what both changed (or no one knows who changed)
    assert panel.complete()
    assert panel.choices() == {
        ("members", "m1"): {"phone": "mine", "address_hamlet": "theirs", "notes": "mine"},
        ("members", "m2"): {"phone": "mine", "address_hamlet": "theirs"},
        ("settings", "s1"): {"value": "mine"},
    }
    panel.rows.setCurrentRow(0)
    combo = cell_widget(panel.fields, 1, CHOICE, QComboBox)
    combo.setCurrentIndex(combo.findText("Giữ của tôi"))  # still the user's to override
    assert panel.choices()[("members", "m1")]["address_hamlet"] == "mine"
    panel.choose_all("theirs")
    assert panel.choices()[("members", "m1")] == {
        "phone": "theirs", "address_hamlet": "mine", "notes": "mine",
    }  # fmt: skip


def _take(qtbot: QtBot, ws: Workspace, bundle: Path) -> None:
    wizard = import_to_plan(qtbot, ws, bundle)
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE, wizard.plan_error.text()


def test_a_phone_changed_here_and_a_hamlet_there_merge_without_a_choice(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ids = add_people(ws)
    other = Workspace.open(tmp_path / "may-khac")
    try:
        _take(qtbot, other, export_through_gui(qtbot, ws, tmp_path / "di"))
        other.members.save({"full_name": "Lê Văn Cường", "birth_date": "20/11/1999",
                            "phone": "0901000999"}, ids["Lê Văn Cường"])  # fmt: skip
        _take(qtbot, ws, export_through_gui(qtbot, other, tmp_path / "ve"))  # both know both
        an = ids["Nguyễn Văn An"]
        ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                         "phone": "0911111111"}, an)  # fmt: skip
        other.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                            "phone": "0912345678", "address_hamlet": "Ấp Cái Đôi"}, an)  # fmt: skip
        back = export_through_gui(qtbot, other, tmp_path / "lan-hai")
        wizard = import_to_plan(qtbot, ws, back)
        assert wizard.page == PLAN_PAGE
        panel = wizard.conflicts
        assert wizard.plan_summary.text() == (
            "Có 1 bản ghi bị sửa ở cả hai nơi kể từ lần trao đổi trước, mỗi thông tin chỉ ở "
            "một máy: tự gộp (xem bên dưới). Bấm “Nhập” để nhận dữ liệu."
        )
        assert _rows(panel) == [
            ("Ấp/thôn/khóm", "chỉ máy kia sửa", "Lấy của tệp"),
            ("Điện thoại", "chỉ máy này sửa", "Giữ của tôi"),
        ]
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert "• Xung đột tự gộp (mỗi thông tin chỉ một máy sửa): 1" in (
            wizard.result_label.text()
        )
        fields = ws.members.get(an).fields
        assert (fields.phone, fields.address_hamlet) == ("0911111111", "Ấp Cái Đôi")
    finally:
        other.close()
