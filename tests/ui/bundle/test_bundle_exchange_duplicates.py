"""The same chi đoàn, or the rating round of one year, added on both copies of one organisation
(issue #17's walkthrough): the import wizard's dry run says so in words, naming it on both
sides, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, import_wizard
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import INFO_PAGE
from scripted import ScriptedPrompts


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


def test_the_dry_run_names_a_rating_round_opened_on_both_copies(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    people = add_people(ws)
    handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path
    home = Workspace.open(tmp_path / "o-nha")
    try:
        home.bundles.apply(handover, PASSWORD)
        home.rating.open(2026)
        home.rating.set(2026, people[next(iter(people))], {"proposed_level": 1})
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
        before = ws.rating.rows(2026)
        wizard = import_wizard(qtbot, ws, ScriptedPrompts())
        wizard.ask_open_path = lambda _title: bundle
        wizard.browse_button.click()
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and not wizard.foreign
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE
        assert wizard.info_error.text() == (
            "Đợt xếp loại đoàn viên năm 2026 đã được mở riêng trên cả hai máy; mỗi năm chỉ có "
            "một đợt xếp loại nên chưa nhận được tệp này:\n"
            f"• Năm 2026 — trên máy này: mở ngày {days[0]}, 3 đoàn viên đã có mức xếp loại; "
            f"trong tệp: mở ngày {days[1]}, 1 đoàn viên đã có mức xếp loại.\n"
            "Hãy thống nhất làm xếp loại năm đó trên một máy và ghi thêm vào đó những mức xếp "
            "loại chỉ có ở bản kia. Khi một bên chỉ mới mở mà chưa ghi gì, tệp được nhận và bản "
            "trống được bỏ; hai bản đều đã có nội dung thì phần mềm chưa gộp được, cũng chưa bỏ "
            "được bản của một năm trên một máy, nên tệp giữa hai máy chưa nhận được cho đến khi "
            "chỉ còn một bản có nội dung. Dữ liệu vẫn làm tiếp được trên từng máy. Không có gì "
            "được ghi vào dữ liệu."
        )
        assert ws.rating.rows(2026) == before
    finally:
        home.close()
