"""The same chi đoàn, or the rating round of one year, added on both copies of one organisation
(issue #17's walkthrough): the import wizard's dry run says so in words, naming it on both
sides; a chi đoàn is refused and nothing is written, the round is a choice of the one kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, import_to_plan, import_wizard
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import INFO_PAGE, PLAN_PAGE, RESULT_PAGE
from scripted import ScriptedPrompts
from table_cells import cell_text


def test_the_dry_run_names_a_chi_doan_added_on_both_copies(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        home.branches.create("Chi đoàn 1")
        ws.branches.create("Chi đoàn 1")
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        with pytest.raises(DuplicateRecords) as caught:
            ws.bundles.preview(bundle, PASSWORD)
        expected = caught.value.message
        assert expected.startswith("Chi đoàn mới trong tệp trùng tên với chi đoàn đã có")
        branches = sorted(b.name for b in ws.branches.list())
        wizard = import_wizard(qtbot, ws, ScriptedPrompts())
        wizard.ask_open_path = lambda _title: bundle
        wizard.browse_button.click()
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and not wizard.foreign
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and wizard.info_error.text() == expected
        assert "• “Chi đoàn 1”: thêm trên máy này ngày " in expected
        assert sorted(b.name for b in ws.branches.list()) == branches
    finally:
        home.close()


def test_a_rating_round_opened_on_both_copies_is_a_choice_of_the_round_kept(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The dry run shows the two rounds side by side, what each holds, and one choice: the
    round kept; "Nhập" waits for it; the round taken from the file replaces ours, with its
    ratings, and ours is deleted with its own."""
    people = add_people(ws)
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        first = people[next(iter(people))]
        home.rating.open(2026)
        home.rating.set(2026, first, {"proposed_level": 1})
        ws.rating.open(2026)
        for member_id in people.values():
            ws.rating.set(2026, member_id, {"proposed_level": 2})
        days = []
        for copy in (ws, home):
            with copy.db.raw() as cursor:
                cursor.execute("SELECT created_at FROM rating_rounds WHERE year = 2026")
                (created,) = cursor.fetchone()
            days.append(f"{created[8:10]}/{created[5:7]}/{created[0:4]}")
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        wizard = import_wizard(qtbot, ws, ScriptedPrompts())
        wizard.resize(1366, 740)
        wizard.ask_open_path = lambda _title: bundle
        wizard.browse_button.click()
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and not wizard.foreign
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE, wizard.info_error.text()
        assert wizard.plan_summary.text() == (
            "Mỗi máy có một bản riêng của: Đợt xếp loại đoàn viên năm 2026. Chọn bản giữ lại "
            "bên dưới."
        )
        panel = wizard.conflicts
        assert [panel.rows.item(i).text() for i in range(panel.rows.count())] == [
            "• Đợt xếp loại đoàn viên năm 2026"
        ]
        assert [
            tuple(cell_text(panel.fields, 0, c) for c in range(3))
        ] == [(
            "Đợt xếp loại",
            f"mở ngày {days[0]}, 3 đoàn viên đã có mức xếp loại",
            f"mở ngày {days[1]}, 1 đoàn viên đã có mức xếp loại",
        )]  # fmt: skip
        assert not panel.apart.isHidden() and panel.apart.text() == (
            "“Đợt xếp loại đoàn viên năm 2026”: mỗi máy có một bản riêng, lập khi hai máy chưa "
            "trao đổi. Mỗi năm (mỗi thiết lập) chỉ giữ được một bản: bản không chọn bị xóa cùng "
            "những gì nó chứa (chỉ tiêu, mức xếp loại, mục tự đánh giá và minh chứng của chúng), "
            "trên máy kia cũng vậy sau lần trao đổi tới."
        )
        assert panel.fields.isColumnHidden(3)  # who changed it: not a question here
        assert not wizard.import_button.isEnabled()
        combo = panel.fields.cellWidget(0, 4)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findText("Lấy của tệp"))
        assert panel.rows.item(0).text() == "✓ Đợt xếp loại đoàn viên năm 2026"
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        levels = {r.member_id: r.proposed_level for r in ws.rating.rows(2026)}
        assert levels == {member_id: (1 if member_id == first else None)
                          for member_id in people.values()}  # fmt: skip
    finally:
        home.close()


def test_rounds_chosen_crosswise_are_told_before_and_after_the_import(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Each copy kept its own round, taking the other's file made before: the wizard says
    which round the import keeps on both, in the preview and in the result."""
    people = add_people(ws)
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        for copy in (ws, home):
            copy.rating.open(2026)
            copy.rating.set(2026, people["Nguyễn Văn An"], {"proposed_level": 1})
        files = [copy.bundles.export(tmp_path / f"{n}.dcs", password=PASSWORD).path
                 for n, copy in (("a", ws), ("b", home))]  # fmt: skip
        ws.bundles.apply(files[1], PASSWORD, on_conflict="mine")
        home.bundles.apply(files[0], PASSWORD, on_conflict="mine")
        ids = []
        for copy in (ws, home):
            with copy.db.raw() as cursor:
                cursor.execute("SELECT id FROM rating_rounds WHERE year = 2026 AND "
                               "deleted_at IS NULL")  # fmt: skip
                ids.append(cursor.fetchone()[0])
        bundle = export_through_gui(qtbot, home, tmp_path / "tu-nha")
        wizard = import_to_plan(qtbot, ws, bundle)
        where = "của máy này" if ids[0] < ids[1] else "trong tệp"
        note = (
            "Đợt xếp loại đoàn viên năm 2026: mỗi máy đã chọn giữ một bản khác nhau trước khi "
            f"nhận tệp của máy kia, nên bản {where} được giữ lại trên cả hai máy (để năm đó không "
            "mất cả hai bản); bản kia vẫn bị xóa như đã chọn."
        )
        # (ours kept: nothing here changes but its version, which the import writes)
        assert wizard.plan_summary.text().split("\n") == [
            "Không có xung đột. Bấm “Nhập” để nhận dữ liệu.", note,
        ]  # fmt: skip
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert f"\n• {note}" in wizard.result_label.text()
        with ws.db.raw() as cursor:
            cursor.execute("SELECT id FROM rating_rounds WHERE year = 2026 AND deleted_at IS NULL")
            assert [r[0] for r in cursor.fetchall()] == [min(ids)]
    finally:
        home.close()
