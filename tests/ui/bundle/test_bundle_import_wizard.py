"""Nhận dữ liệu từ USB: round trip through both wizards (export from one data folder, import
into a fresh one, rows equal), the password asked and a wrong one said, a conflict resolved by
the choice made in the wizard, and another organisation's bundle refused unless merged."""

from __future__ import annotations

import hashlib
import os
import threading
import unicodedata
import zipfile
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from bundle_gui import (
    PASSWORD,
    add_people,
    add_people_and_a_scan,
    export_through_gui,
    handed_over,
    import_wizard,
    open_bundle,
    phones,
)
from doancoso.core.bundle.container import HeldBundle
from doancoso.core.bundle.crypto import WRONG_PASSWORD
from doancoso.core.bundle.merge import ImportPlan
from doancoso.core.bundle.service import TEMP_FOLDER, BundleService
from doancoso.core.organization import OrganizationInfo
from doancoso.core.progress import Report
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import (
    FILE_PAGE,
    INFO_PAGE,
    NEEDS_PASSWORD,
    PLAN_PAGE,
    REPORT_NOT_TAKEN,
    RESULT_PAGE,
    STALE,
    BundleImportWizard,
    plan_rows,
    result_text,
)
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.operations import Core
from scripted import ScriptedPrompts
from stored import organization_of
from table_cells import cell_text, cell_widget


def test_round_trip_into_a_fresh_folder(
    qtbot: QtBot, ws: Workspace, empty_ws: Workspace, tmp_path: Path
) -> None:
    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        prompts = ScriptedPrompts()
        wizard = import_wizard(qtbot, fresh, prompts)
        open_bundle(wizard, bundle, password=None)
        assert wizard.page == FILE_PAGE and wizard.file_error.text() == NEEDS_PASSWORD
        wizard.password_edit.setText("sai mật khẩu rồi")
        wizard.next_button.click()
        assert wizard.page == FILE_PAGE
        assert wizard.file_error.text() == WRONG_PASSWORD
        assert WRONG_PASSWORD.startswith("Mật khẩu không đúng: không mở được gói dữ liệu này.")
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE
        assert wizard.info_labels["organization"].text() == "Đoàn xã Tân Hưng"
        kind = wizard.info_labels["kind"]
        # the words of the export wizard's first step, which made the file
        assert cast(QLabel, wizard.info_page.info_form.labelForField(kind)).text() == "Loại tệp:"
        assert kind.text() == "Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)"
        assert wizard.info_labels["encrypted"].text() == "Có (đã mở được)"
        digest = hashlib.sha256(bundle.read_bytes()).hexdigest().upper()
        groups = [digest[i : i + 4] for i in range(0, 64, 4)]
        # on two lines, as the biên bản bàn giao prints it
        assert wizard.info_labels["sha256"].text() == (
            " ".join(groups[:8]) + "\n" + " ".join(groups[8:])
        )
        counts = {cell_text(wizard.counts_table, r, 0): cell_text(wizard.counts_table, r, 1)
                  for r in range(wizard.counts_table.rowCount())}  # fmt: skip
        assert counts["Đoàn viên"] == "3" and counts["Tệp minh chứng (ảnh, văn bản scan)"] == "0"
        assert wizard.foreign_notice.text().startswith("Máy này chưa có dữ liệu")
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE and wizard.conflicts.isHidden()
        rows = {cell_text(wizard.plan_table, r, 0): cell_text(wizard.plan_table, r, 1)
                for r in range(wizard.plan_table.rowCount())}  # fmt: skip
        assert rows["Đoàn viên"] == "3"
        table = wizard.plan_table  # only what is not zero: nothing here is updated, deleted...
        headers = [table.horizontalHeaderItem(c) for c in range(table.columnCount())
                   if not table.isColumnHidden(c)]  # fmt: skip
        shown = [h.text() if h is not None else "" for h in headers]
        assert shown == ["Loại dữ liệu", "Mới"]
        assert not fresh.has_organization  # the dry run wrote nothing
        wizard.import_button.click()
        assert prompts.asked == ["Nhận bàn giao dữ liệu của “Đoàn xã Tân Hưng” vào máy này?"]
        assert wizard.page == RESULT_PAGE
        assert wizard.result_label.text() == (
            "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trên máy "
            "này.\n• Thêm mới: 4 bản ghi\n    – Thông tin Đoàn cơ sở: 1\n    – Đoàn viên: 3"
        )
        assert fresh.has_organization and fresh.organization.get().name == "Đoàn xã Tân Hưng"
        assert phones(fresh) == phones(ws)
        assert sorted(fresh.members.ids()) == sorted(ws.members.ids())
        again = import_wizard(qtbot, fresh, ScriptedPrompts())
        open_bundle(again, bundle)
        again.next_button.click()
        assert again.page == PLAN_PAGE and again.changes() == 0
        assert again.plan_summary.text() == (
            "Dữ liệu trong tệp đã có đủ trên máy này: không có gì thay đổi."
        )
        assert not again.import_button.isEnabled()


def test_a_conflict_is_resolved_as_chosen_in_the_wizard(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ids = add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-khac")
    try:
        wizard = import_wizard(qtbot, other, ScriptedPrompts())
        open_bundle(wizard, bundle)
        wizard.next_button.click()
        wizard.import_button.click()
        an = ids["Nguyễn Văn An"]
        ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                         "phone": "0911111111"}, an)  # fmt: skip
        other.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                            "phone": "0922222222"}, an)  # fmt: skip
        back = export_through_gui(qtbot, other, tmp_path / "tu-may-khac")
        prompts = ScriptedPrompts()
        wizard = import_wizard(qtbot, ws, prompts)
        open_bundle(wizard, back)
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE
        panel = wizard.conflicts
        assert not panel.isHidden() and len(panel.conflicts) == 1
        assert panel.rows.item(0).text() == "• Đoàn viên Nguyễn Văn An (15/03/2000)"
        fields = {cell_text(panel.fields, r, 0): (cell_text(panel.fields, r, 1),
                                                  cell_text(panel.fields, r, 2))
                  for r in range(panel.fields.rowCount())}  # fmt: skip
        assert fields["Điện thoại"] == ("0911111111", "0922222222")
        assert not wizard.import_button.isEnabled()  # a choice is needed for every field
        for r in range(panel.fields.rowCount()):
            combo = cell_widget(panel.fields, r, 4, QComboBox)
            combo.setCurrentIndex(combo.findText("Lấy của tệp"))
        assert panel.rows.item(0).text().startswith("✓ ")
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, prompts.errors
        assert prompts.asked == [
            "Nhận dữ liệu từ tệp vào máy này? Chương trình sao lưu dữ liệu hiện có trước. Sau "
            "khi nhận, “Hoàn tác” không còn quay lại được các việc đã làm trước đó."
        ]
        assert phones(ws)["Nguyễn Văn An"] == "0922222222"
        assert phones(ws)["Trần Thị Bích"] == "0987654321"
    finally:
        other.close()


def test_another_organisation_is_refused_unless_merged(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    other = Workspace.open(tmp_path / "tan-phu")
    try:
        other.organization.create(OrganizationInfo(name="Đoàn xã Tân Phú",
                                                   superior_name="Tỉnh đoàn Cà Mau"))  # fmt: skip
        theirs = other.branches.create("Chi đoàn ấp Tân Phú")
        hanh = other.members.save({"full_name": "Võ Thị Hạnh", "birth_date": "01/01/2002",
                                   "branch_id": theirs.id})  # fmt: skip
        other.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000",
                            "phone": "0911222333", "father_name": "Nguyễn Văn Tư"})  # fmt: skip
        ours_phone = ws.members.get(add_people(ws)["Nguyễn Văn An"]).fields.phone
        assert ours_phone
        ours = ws.branches.create("Chi đoàn ấp Bà Điều")
        bundle = export_through_gui(qtbot, other, tmp_path)
        prompts = ScriptedPrompts()
        wizard = import_wizard(qtbot, ws, prompts)
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE and wizard.foreign
        assert wizard.foreign_notice.text().startswith(
            "Tệp này là dữ liệu của “Đoàn xã Tân Phú”, không phải của “Đoàn xã Tân Hưng”."
        )
        assert wizard.merge_box.text() == "&Sáp nhập tổ chức này vào “Đoàn xã Tân Hưng”"
        assert not wizard.next_button.isEnabled()
        wizard.merge_box.setChecked(True)
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE and not wizard.merge_panel.isHidden()
        matches = wizard.merge_panel.match_model
        assert [matches.text(0, c) for c in range(matches.columnCount())] == [
            "Máy này\nTrong tệp", "Nguyễn Văn An\nNguyễn Văn An", "15/03/2000\n15/03/2000",
            "\n", "\n", "\n", "Cùng họ tên, ngày sinh\nLấy thêm: Họ tên cha",
        ]  # ours has a phone: kept; neither is in a chi đoàn nor has a CCCD  # fmt: skip
        assert len(ws.members.ids()) == 3  # the dry run wrote nothing
        panel = wizard.merge_panel
        assert cell_text(panel.branch_table, 0, 0) == "Chi đoàn ấp Tân Phú"
        action = cell_widget(panel.branch_table, 0, 1, QComboBox)
        assert action.currentText() == "Giữ riêng"
        action.setCurrentIndex(action.findText("Gộp vào “Chi đoàn ấp Bà Điều”"))
        assert not panel.branch_table.cellWidget(0, 2).isEnabled()
        assert panel.options()["branch_map"] == {theirs.id: ours.id}
        assert not wizard.import_button.isEnabled()  # the counts shown are for the old choice
        assert wizard.plan_summary.text() == STALE
        panel.refresh_button.click()
        assert wizard.import_button.isEnabled()
        assert wizard.page == PLAN_PAGE and wizard.plan_error.text() == ""
        rows = {cell_text(wizard.plan_table, r, 0): cell_text(wizard.plan_table, r, 1)
                for r in range(wizard.plan_table.rowCount())}  # fmt: skip
        assert rows.get("Chi đoàn", "0") == "0"  # joined: no new chi đoàn
        wizard.import_button.click()
        assert prompts.asked == [
            "Sáp nhập “Đoàn xã Tân Phú” vào “Đoàn xã Tân Hưng”? Chương trình sao lưu dữ liệu "
            "hiện có trước. Sau khi nhận, “Hoàn tác” không còn quay lại được các việc đã làm "
            "trước đó."
        ]
        assert wizard.page == RESULT_PAGE
        names = sorted(ws.members.get(i).fields.full_name for i in ws.members.ids())
        assert names == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bích", "Võ Thị Hạnh"]
        assert ws.members.get(hanh).branch_name == "Chi đoàn ấp Bà Điều"
        an = next(ws.members.get(i) for i in ws.members.ids()
                  if ws.members.get(i).fields.full_name == "Nguyễn Văn An")  # fmt: skip
        assert (an.fields.father_name, an.fields.phone) == ("Nguyễn Văn Tư", ours_phone)
        assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Bà Điều"]
    finally:
        other.close()


def test_first_start_offers_to_receive_a_handover(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        prompts = ScriptedPrompts()

        def receive(parent) -> bool:
            wizard = import_wizard(qtbot, fresh, prompts)
            open_bundle(wizard, bundle)
            wizard.next_button.click()
            wizard.import_button.click()
            return fresh.has_organization

        dialog = SetupDialog(fresh.organization, prompts, receive_handover=receive)
        qtbot.addWidget(dialog)
        assert dialog.handover_button is not None
        assert dialog.handover_button.text() == "&Nhận bàn giao từ USB…"
        dialog.handover_button.click()
        assert dialog.result() == SetupDialog.DialogCode.Accepted
        assert dialog.created is not None
        assert dialog.created.name == "Đoàn xã Tân Hưng" and len(fresh.members.ids()) == 3


def test_the_app_runs_the_wizard_into_the_empty_folder(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.bundle.import_wizard import BundleImportWizard
    from doancoso.ui.bundle.secretary import SecretaryDialog
    from doancoso.ui.shell.app import receive_handover
    from scripted import synchronous_core

    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        prompts = ScriptedPrompts()

        asked: list[str] = []

        def drive(wizard) -> None:
            if isinstance(wizard, SecretaryDialog):  # once the handover is taken
                asked.append(wizard.windowTitle())
                wizard.name_edit.setText("Phạm Thị Dung")
                wizard.save_button.click()
                return
            assert isinstance(wizard, BundleImportWizard)
            open_bundle(wizard, bundle)
            wizard.next_button.click()
            wizard.import_button.click()

        prompts.dialog_script = drive
        core = synchronous_core(fresh, prompts)
        assert receive_handover(core, None) is True
        assert organization_of(fresh).name == "Đoàn xã Tân Hưng"
        assert asked == ["Bí thư mới"]
        assert organization_of(fresh).secretary_name == "Phạm Thị Dung"
        assert phones(fresh) == phones(ws)


def test_the_stick_is_read_once_at_the_first_step(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """After "Tiếp" at step 1 the dry run and the import read the wizard's decrypted copy: the
    stick may be pulled out. The copy is removed once imported."""
    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        wizard = import_wizard(qtbot, fresh, ScriptedPrompts())
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE
        assert wizard.held is not None and wizard.held.copy is not None
        copy = wizard.held.copy
        assert copy.parent == fresh.data_dir / TEMP_FOLDER and copy.is_file()
        bundle.unlink()
        wizard.back_button.click()
        wizard.next_button.click()  # back at step 1 and on again: what was read is shown again
        assert wizard.page == INFO_PAGE and wizard.held.copy == copy
        assert wizard.info_labels["organization"].text() == "Đoàn xã Tân Hưng"
        wizard.back_button.click()
        wizard.password_edit.setText("mật khẩu khác")  # another password: the file read again
        wizard.next_button.click()
        assert wizard.page == FILE_PAGE
        assert wizard.file_error.text().startswith(f"Không mở được gói dữ liệu “{bundle}”")
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE and wizard.held.copy == copy
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE, wizard.info_error.text()
        wizard.import_button.click()
        assert wizard.page == RESULT_PAGE, wizard.plan_error.text()
        assert phones(fresh) == phones(ws)
        assert wizard.held is None and not copy.exists()
        assert list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []


def test_closing_the_wizard_or_choosing_another_file_removes_the_copy(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        wizard = import_wizard(qtbot, fresh, ScriptedPrompts())
        open_bundle(wizard, bundle)
        assert wizard.held is not None
        first = wizard.held.copy
        assert first is not None
        wizard.back_button.click()
        wizard.browse_button.click()  # the same file chosen again: read again
        assert wizard.page == FILE_PAGE
        assert wizard.held is None and not first.exists()
        wizard.next_button.click()
        assert wizard.page == INFO_PAGE
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE
        second = cast(HeldBundle, wizard.held).copy  # held again since the check above
        assert second is not None
        assert second.is_file()
        wizard.close_button.click()
        assert wizard.result() == QDialog.DialogCode.Rejected
        assert not second.exists() and list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []
        assert not fresh.has_organization


def test_a_zip_renamed_dcs_is_said_to_be_no_bundle(
    qtbot: QtBot, empty_ws: Workspace, tmp_path: Path
) -> None:
    """Another program's ZIP renamed .dcs reads as a random file does, not as a bundle with a
    strange member; the wizard stays at step 1."""
    renamed = tmp_path / "anh-sinh-hoat.dcs"
    with zipfile.ZipFile(renamed, "w") as archive:
        archive.writestr("a.txt", "ảnh buổi sinh hoạt")
    wizard = import_wizard(qtbot, empty_ws, ScriptedPrompts())
    open_bundle(wizard, renamed, password=None)
    assert wizard.page == FILE_PAGE
    assert wizard.file_error.text() == (
        "Tệp “anh-sinh-hoat.dcs” không phải là gói dữ liệu doancoso (.dcs). Không có gì được "
        "thay đổi."
    )
    assert not empty_ws.has_organization


def test_a_backup_chosen_for_a_bundle_says_how_a_backup_is_taken_in(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The stick holds a backup ("Sao lưu ra USB…") and no bundle: the new PC's first start
    ("Nhận bàn giao từ USB…") is told where a backup goes in, and nothing changes."""
    add_people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    with Workspace.open(tmp_path / "may-moi") as new_pc:
        wizard = import_wizard(qtbot, new_pc, ScriptedPrompts())
        open_bundle(wizard, saved.path, password=None)
        assert wizard.page == FILE_PAGE
        assert wizard.file_error.text() == (
            f"Tệp “{saved.path.name}” là một bản sao lưu dữ liệu (.sqlite), không phải gói dữ "
            "liệu (.dcs): bản sao lưu được đưa vào máy bằng “Khôi phục từ tệp…” (Tệp → Sao lưu "
            "và khôi phục…; lần đầu mở ứng dụng: “Khôi phục bản sao lưu…”) hoặc lệnh doancoso "
            "restore. Không có gì được thay đổi."
        )
        assert not new_pc.has_organization


def test_reading_a_large_file_can_be_cancelled(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_people(ws)
    scan = tmp_path / "scan.pdf"  # 40 MB of evidence: reading it runs long enough to cancel
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(40 * 1024 * 1024) + b"\n%%EOF\n")
    ws.evidence.attach("members", ids["Nguyễn Văn An"], scan)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        # The reading waits at its first report of progress until Hủy is clicked: on a loaded
        # machine it could otherwise end before the click (the real reading, only held back).
        clicked = threading.Event()
        hold = BundleService.hold

        def held_back(self: BundleService, path: Path, password: str | None, *,
                      report: Report | None = None) -> HeldBundle:  # fmt: skip
            def paused(done: int, total: int) -> None:
                clicked.wait(20)
                if report is not None:
                    report(done, total)

            return hold(self, path, password, report=paused)

        monkeypatch.setattr(BundleService, "hold", held_back)
        core = Core(fresh, ScriptedPrompts(), delay_ms=0)  # on the worker, with its dialog
        wizard = BundleImportWizard(core)
        qtbot.addWidget(wizard)
        open_bundle(wizard, bundle)
        qtbot.waitUntil(lambda: core.runner.dialog is not None)
        assert core.runner.dialog is not None
        (cancel,) = core.runner.dialog.findChildren(QPushButton)
        assert cancel.text() == "Hủy"
        cancel.click()
        clicked.set()
        qtbot.waitUntil(lambda: not core.runner.busy, timeout=20000)
        assert wizard.page == FILE_PAGE and wizard.file_error.text() == "Đã hủy đọc tệp."
        assert wizard.held is None and list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []
    finally:
        fresh.close()


def test_the_result_counts_records_and_evidence_files_as_vietnamese_write_numbers() -> None:
    plan = ImportPlan(
        new={"members": 300, "attendance": 4599}, updated={"members": 2},
        unchanged={"attendance": 12000}, evidence_new=1234,
    )  # fmt: skip
    assert result_text(plan) == (
        "Đã nhận xong dữ liệu từ tệp (dữ liệu cũ đã được sao lưu trước khi nhận).\n"
        "• Thêm mới: 4.899 bản ghi\n    – Đoàn viên: 300\n    – Điểm danh: 4.599\n"
        "• Cập nhật: 2 bản ghi\n    – Đoàn viên: 2\n"
        "• Không đổi: 12.000 bản ghi\n• Tệp minh chứng chép vào máy: 1.234 tệp"
    )


def test_the_result_says_what_kind_of_records_each_count_is() -> None:
    """After an exchange the secretary reads what came in, as the preview's table named it
    (“1 bản ghi” alone says nothing of what was added), in the order of the biên bản, one kind
    a line (up to 20 kinds ran on as one dense paragraph)."""
    plan = ImportPlan(
        new={"member_events": 1, "members": 1}, updated={"plans": 1, "members": 1},
        deleted={"activities": 2}, unchanged={"members": 299},
    )  # fmt: skip
    assert result_text(plan).splitlines()[1:] == [
        "• Thêm mới: 2 bản ghi",
        "    – Đoàn viên: 1",
        "    – Quá trình sinh hoạt của đoàn viên: 1",
        "• Cập nhật: 2 bản ghi",
        "    – Đoàn viên: 1",
        "    – Kế hoạch: 1",
        "• Xóa: 2 bản ghi",
        "    – Hoạt động: 2",
        "• Không đổi: 299 bản ghi",
    ]


def test_the_result_of_a_handover_into_a_fresh_folder_says_only_what_was_added() -> None:
    """Nothing updated, deleted or unchanged: no “Cập nhật / Xóa / Không đổi: 0” lines."""
    plan = ImportPlan(new={"members": 3, "organizations": 1, "branches": 2}, handover=True)
    assert result_text(plan).splitlines() == [
        "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trên máy này.",
        "• Thêm mới: 6 bản ghi",
        "    – Thông tin Đoàn cơ sở: 1",
        "    – Chi đoàn: 2",
        "    – Đoàn viên: 3",
    ]


def test_the_preview_lists_the_tables_in_the_order_of_the_bien_ban() -> None:
    plan = ImportPlan(
        new={"attendance": 3, "settings": 1}, updated={"members": 2}, deleted={"ghi_chu": 1}
    )
    assert plan_rows(plan) == [
        ("Thiết lập", 1, 0, 0, 0, 0),
        ("Đoàn viên", 0, 2, 0, 0, 0),
        ("Điểm danh", 3, 0, 0, 0, 0),
        ("ghi_chu", 0, 0, 1, 0, 0),
    ]


def _counts(wizard) -> tuple[str, list[tuple[str, str]]]:
    table = wizard.counts_table
    header = table.horizontalHeaderItem(1).text()
    return header, [(table.item(r, 0).text(), table.item(r, 1).text())
                    for r in range(table.rowCount())]  # fmt: skip


def test_the_counts_are_the_records_not_deleted_as_the_bien_ban_prints_them(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    gone = ws.members.save({"full_name": "Võ Văn Đi", "birth_date": "01/01/2000"})
    ws.members.delete([gone])
    bundle = export_through_gui(qtbot, ws, tmp_path)
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        wizard = import_wizard(qtbot, fresh, ScriptedPrompts())
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE
        header, rows = _counts(wizard)
        assert header == "Số lượng"
        assert rows[1:3] == [("Đoàn viên", "3"), ("    – Đang sinh hoạt", "3")]
        assert wizard.counts_note.text() == (
            "Số lượng là số bản ghi đang có, không tính các bản ghi đã xóa."
        )
        wizard.reject()
        old = import_wizard(qtbot, fresh, ScriptedPrompts())
        fixtures = Path(__file__).parents[2] / "fixtures"
        open_bundle(old, fixtures / "bundle-v1.dcs", "Bàn giao dữ liệu phiên bản 1")
        header, rows = _counts(old)
        assert header == "Số bản ghi (kể cả đã xóa)"
        assert ("Đoàn viên", "8") in rows
        assert old.counts_note.text() == (
            "Tệp do phiên bản doancoso cũ hơn tạo ra: số bản ghi gồm cả các bản ghi đã xóa, "
            "như biên bản bàn giao của tệp này đã in."
        )
        old.reject()
    finally:
        fresh.close()


def test_after_a_handover_into_a_fresh_folder_the_new_secretary_is_asked(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.bundle.secretary import SecretaryDialog

    previous = organization_of(ws).secretary_name
    bundle = export_through_gui(qtbot, ws, tmp_path)
    for answer, expected in (("  trần   VĂN đức ", "Trần Văn Đức"), (None, previous)):
        fresh = Workspace.open(tmp_path / f"may-moi-{expected}")
        try:
            prompts = ScriptedPrompts()
            asked: list[str] = []

            def answer_it(dialog, answer=answer, asked=asked) -> None:
                assert isinstance(dialog, SecretaryDialog)
                assert dialog.name_edit.text() == ""  # the bundle does not name the receiver
                asked.append(dialog.windowTitle())
                if answer is None:
                    dialog.later_button.click()
                else:
                    dialog.name_edit.setText(unicodedata.normalize("NFD", answer))
                    dialog.save_button.click()

            prompts.dialog_script = answer_it
            wizard = import_wizard(qtbot, fresh, prompts)
            open_bundle(wizard, bundle)
            wizard.next_button.click()
            wizard.import_button.click()
            assert wizard.page == RESULT_PAGE, prompts.errors
            assert asked == ["Bí thư mới"]
            assert organization_of(fresh).secretary_name == expected
            said = wizard.result_label.text()
            assert said.endswith("\n\nBí thư: Trần Văn Đức.") == (answer is not None)
        finally:
            fresh.close()


def test_a_reports_built_dossier_is_shown_and_saved_from_the_second_step(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    import datetime as dt

    from doancoso.core.dossier.stored import keep_built
    from dossier_data import evidence_pdf

    add_people(ws)
    pdf = evidence_pdf(tmp_path / "ho-so.pdf", pages=1)
    kept = keep_built(ws.data_dir, 2026, pdf)
    assert kept is not None
    moment = dt.datetime(2026, 12, 1, 14, 30).timestamp()
    os.utime(kept.path, (moment, moment))
    report = ws.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=2026,
                               password=PASSWORD).path  # fmt: skip
    superior = Workspace.open(tmp_path / "tinh-doan")  # the body the report is for
    try:
        wizard = import_wizard(qtbot, superior, ScriptedPrompts())
        open_bundle(wizard, report)
        assert wizard.page == INFO_PAGE and not wizard.dossier_box.isHidden()
        assert wizard.foreign_notice.text() == REPORT_NOT_TAKEN
        assert not wizard.next_button.isEnabled()  # only a handover goes into an empty folder
        size = f"{(pdf.stat().st_size + 1023) // 1024} KB"
        assert wizard.dossier_label.text() == (
            f"Kèm hồ sơ đề nghị công nhận năm 2026 (tạo lúc 01/12/2026 14:30, {size})."
        )
        asked: list[tuple[str, str]] = []
        target = tmp_path / "nhan" / "ho-so-tan-hung"
        target.parent.mkdir()
        wizard.ask_save_path = lambda title, name: asked.append((title, name)) or target
        wizard.dossier_button.click()
        assert asked == [("Lưu hồ sơ đề nghị công nhận", "ho-so-nam-2026.pdf")]
        saved = target.with_name("ho-so-tan-hung.pdf")
        assert saved.read_bytes() == pdf.read_bytes()
        assert wizard.dossier_label.text() == f"Đã lưu hồ sơ đề nghị công nhận vào “{saved}”."
        assert not (superior.data_dir / "ho-so").exists()  # kept nowhere but where chosen
        assert not superior.has_organization

        handover = export_through_gui(qtbot, ws, tmp_path / "ban-giao")
        wizard = import_wizard(qtbot, superior, ScriptedPrompts())
        open_bundle(wizard, handover)
        assert wizard.page == INFO_PAGE and wizard.dossier_box.isHidden()
    finally:
        superior.close()


def test_a_bundle_bringing_back_only_a_lost_evidence_file_can_be_imported(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Every record of the file already here, but a scan lost from this copy's data folder (the
    secretary's own bundle, or another copy's, holding it): the wizard counts the file to copy,
    offers "Nhập", and the import puts the scan back, as ``doancoso bundle import`` does."""
    ids = add_people_and_a_scan(ws, tmp_path)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    (scan,) = ws.evidence.attachments("members", ids["Nguyễn Văn An"])
    sha = scan.sha256
    stored = ws.evidence.store.path(sha)
    stored.unlink()  # lost from this PC: a disk error, a folder tidied by hand
    prompts = ScriptedPrompts()
    wizard = import_wizard(qtbot, ws, prompts)
    open_bundle(wizard, bundle)
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE
    assert wizard.plan is not None and wizard.plan.evidence_new == 1
    assert wizard.plan_files.text() == "Tệp minh chứng sẽ chép vào máy: 1 tệp."
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE
    assert wizard.result_label.text().endswith("• Tệp minh chứng chép vào máy: 1 tệp")
    assert stored.is_file() and hashlib.sha256(stored.read_bytes()).hexdigest() == sha
