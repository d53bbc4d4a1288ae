"""The import wizard's counts and conflicts follow the user's choices (issue #17): "Nhập" after a
choice makes the dry run again with the choices made before anything is written; a choice that
brings back a record this copy deleted, where this copy holds another of its year, shows the new
conflict to choose; one that would give two records of one person shows the refusal, and another
choice then goes through."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, import_to_plan
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import CHOICES_REVEALED, PLAN_PAGE, RESULT_PAGE
from scripted import ScriptedPrompts
from stored import plan_of
from table_cells import cell_text, cell_widget

NOTHING = "Không có gì được ghi vào dữ liệu."


def _counts(wizard: object, label: str) -> tuple[str, ...]:
    table = wizard.plan_table  # type: ignore[attr-defined]
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == label:
            return tuple(table.item(r, c).text() for c in range(1, 6))
    return ()


def _rows(wizard: object) -> list[str]:
    panel = wizard.conflicts  # type: ignore[attr-defined]
    return [panel.rows.item(i).text() for i in range(panel.rows.count())]


def test_keeping_a_plan_this_copy_deleted_and_made_again_asks_which_plan_then_imports_it(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    first = ws.plans.create(2028).id
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        ws.plans.delete(2028)
        ws.plans.create(2028, title="Kế hoạch mới")
        home.plans.save(2028, {"title": "Kế hoạch sửa", "number": "12-KH/ĐTN"})
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        prompts = ScriptedPrompts()
        wizard = import_to_plan(qtbot, ws, bundle, prompts)
        assert _rows(wizard) == ["• Kế hoạch công tác năm 2028"]
        assert _counts(wizard, "Kế hoạch") == ("0", "0", "0", "0", "1")  # waits for a choice
        panel = wizard.conflicts
        panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Giữ lại"))
        wizard.import_button.click()  # the dry run again, with "Giữ lại": a second plan of 2028
        assert wizard.page == PLAN_PAGE and prompts.asked == []
        assert wizard.plan_summary.text().startswith(CHOICES_REVEALED + "\n")
        assert _rows(wizard) == [
            "✓ Kế hoạch công tác năm 2028 (bị xóa)",
            "• Kế hoạch công tác năm 2028 (hai bản riêng)",
        ]
        assert panel.rows.currentRow() == 0  # the conflict shown stays shown, its choice kept
        assert panel.deletion_choice.currentText() == "Giữ lại"
        assert not wizard.import_button.isEnabled()
        panel.rows.setCurrentRow(1)
        mine, theirs = (cell_text(panel.fields, 0, c) for c in (1, 2))
        assert mine.startswith("“Kế hoạch mới”, lập ngày ")
        assert theirs.startswith("“Kế hoạch sửa” (số 12-KH/ĐTN), lập ngày ")
        combo = cell_widget(panel.fields, 0, 4, QComboBox)
        combo.setCurrentIndex(combo.findText("Lấy của tệp"))
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()  # the dry run again with both choices, then the import
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert len(prompts.asked) == 1  # the one confirmation, after the counts were made again
        assert _counts(wizard, "Kế hoạch") == ("0", "1", "1", "0", "0")  # theirs back, ours gone
        assert plan_of(ws, 2028).title == "Kế hoạch sửa"
        with ws.db.raw() as cursor:
            cursor.execute("SELECT id FROM plans WHERE year = 2028 AND deleted_at IS NULL")
            assert cursor.fetchall() == [(first,)]
    finally:
        home.close()


def test_keeping_a_person_this_copy_deleted_and_entered_again_is_refused_then_delete_goes(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    people = add_people(ws)
    an = people["Nguyễn Văn An"]
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                     "national_id": "001200012345"}, an)  # fmt: skip
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        ws.members.delete([an])
        again = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                                 "national_id": "001200012345", "phone": "0977000000"})  # fmt: skip
        home.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                           "national_id": "001200012345", "phone": "0912000000"}, an)  # fmt: skip
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        prompts = ScriptedPrompts()
        wizard = import_to_plan(qtbot, ws, bundle, prompts)
        panel = wizard.conflicts
        assert _rows(wizard) == ["• Đoàn viên Nguyễn Văn An (15/03/2000)"]
        panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Giữ lại"))
        wizard.import_button.click()
        assert wizard.page == PLAN_PAGE and prompts.asked == []
        assert wizard.plan_error.text().startswith(
            "Tệp có đoàn viên (mới, hoặc máy này đã xóa mà máy kia vẫn giữ) trùng Số CCCD"
        )
        assert wizard.plan_error.text().endswith(NOTHING)
        assert [m.id for m in ws.members.list() if m.full_name == "Nguyễn Văn An"] == [again]
        panel.deletion_choice.setCurrentIndex(panel.deletion_choice.findText("Xóa"))
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert [m.id for m in ws.members.list() if m.full_name == "Nguyễn Văn An"] == [again]
        assert ws.members.get(again).fields.phone == "0977000000"
    finally:
        home.close()
