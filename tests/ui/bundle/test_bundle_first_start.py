"""The successor who filled the first-start setup before the handover came (issue #17's
walkthrough): the setup's welcome mentions the handover; the import wizard offers to take the
handover in place of a setup that is all this copy holds, naming both, and ends as a fresh
handover does; a copy with data tells a namesake apart instead of "… of X, not of X"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from bundle_gui import add_people, export_through_gui, import_wizard, open_bundle, phones
from doancoso.core.bundle.firststart import created_day
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import INFO_PAGE, PLAN_PAGE, RESULT_PAGE
from doancoso.ui.settings.setup_dialog import HANDOVER_NOTE, SetupDialog
from scripted import ScriptedPrompts
from stored import organization_of

SETUP = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Huyện Đoàn Cái Nước")


def test_the_welcome_mentions_receiving_a_handover(qtbot: QtBot, empty_ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    offered = SetupDialog(empty_ws.organization, prompts, receive_handover=lambda _: False)
    qtbot.addWidget(offered)
    assert offered.intro.text().endswith(
        "<br>Nếu nhận lại công việc từ Bí thư trước và đã có tệp bàn giao (.dcs) trên USB, hãy "
        "bấm “Nhận bàn giao từ USB…” thay vì nhập thông tin."
    )
    plain = SetupDialog(empty_ws.organization)
    qtbot.addWidget(plain)
    assert HANDOVER_NOTE not in plain.intro.text()
    both = SetupDialog(empty_ws.organization, prompts, receive_handover=lambda _: False,
                       restore_backup=lambda _: None)  # fmt: skip
    qtbot.addWidget(both)
    assert both.intro.text().endswith(
        "thay vì nhập thông tin.<br>Nếu chuyển sang máy mới và có bản sao lưu của máy cũ (“Sao "
        "lưu ra USB…”), hãy bấm “Khôi phục bản sao lưu…”."
    )


def test_the_handover_replaces_a_setup_that_is_all_this_copy_holds(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    successor = Workspace.open(tmp_path / "ke-nhiem")
    try:
        successor.organization.create(SETUP)
        day = created_day(successor)
        prompts = ScriptedPrompts()
        wizard = import_wizard(qtbot, successor, prompts)
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE and wizard.replacing and not wizard.merging
        assert wizard.foreign_notice.text() == (
            f"Máy này mới chỉ có phần thiết lập ban đầu của “Đoàn xã Tân Hưng” (thiết lập ngày "
            f"{day}), chưa có chi đoàn, đoàn viên hay dữ liệu nào khác. Tệp là dữ liệu bàn giao "
            "của “Đoàn xã Tân Hưng”: khi nhận, phần thiết lập đó được thay bằng toàn bộ dữ liệu "
            "trong tệp, như nhận bàn giao vào máy mới."
        )
        assert wizard.merge_box.isHidden() and wizard.next_button.isEnabled()
        wizard.next_button.click()
        assert wizard.page == PLAN_PAGE and wizard.merge_panel.isHidden()
        assert wizard.plan.replaced_setup == "Đoàn xã Tân Hưng"
        assert successor.members.ids() == []  # the dry run wrote nothing
        wizard.import_button.click()
        assert prompts.asked == [
            "Nhận bàn giao dữ liệu của “Đoàn xã Tân Hưng” thay cho phần thiết lập ban đầu của "
            "“Đoàn xã Tân Hưng” trên máy này?"
        ]
        assert wizard.page == RESULT_PAGE
        assert wizard.result_label.text().startswith("Đã nhận bàn giao xong")
        assert successor.organization.get() == ws.organization.get()
        assert phones(successor) == phones(ws)
    finally:
        successor.close()


def test_a_namesake_with_data_is_told_apart(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    """Two copies set up apart under one name: told apart by what the secretary can see, when
    the file was made and how many members each holds (deleted ones left out), and the day
    this copy was set up; not by "mã a64bc18e", the organisations' ids, which she cannot act
    on."""
    people = add_people(ws)
    ws.members.delete([people["Lê Văn Cường"]])
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-khac")
    try:
        other.organization.create(SETUP)
        other.branches.create("Chi đoàn ấp 1")
        other.members.save({"full_name": "Phạm Thị Dung", "birth_date": "02/09/2001"})
        wizard = import_wizard(qtbot, other, ScriptedPrompts())
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE and wizard.merging and not wizard.replacing
        made = dt.datetime.fromisoformat(wizard.info.created_at.replace("Z", "+00:00"))
        assert wizard.foreign_notice.text() == (
            "Tệp này là dữ liệu của một Đoàn cơ sở khác cũng tên “Đoàn xã Tân Hưng” (tệp tạo "
            f"ngày {made.astimezone():%d/%m/%Y %H:%M}, 2 đoàn viên), không phải của “Đoàn xã "
            f"Tân Hưng” trên máy này (thiết lập ngày {created_day(other)}, 1 đoàn viên): hai "
            "bản được thiết lập riêng nên không trao đổi dữ liệu với nhau được. Chỉ nhận khi "
            "sáp nhập tổ chức đó vào tổ chức của mình: chi đoàn được giữ hoặc gộp theo tên, "
            "người có trong cả hai được ghép theo CCCD, rồi theo họ tên và ngày sinh — sẽ được "
            "xem trước ở bước sau."
        )
        assert organization_of(ws).id[:8] not in wizard.foreign_notice.text()
        assert not wizard.next_button.isEnabled()
    finally:
        other.close()


def test_a_new_pc_restores_a_backup_from_the_stick_at_first_start(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The office PC died; the stick holds a backup ("Sao lưu ra USB…"), not a bundle: the
    first start restores it, without a setup made up first to reach the backups."""
    from doancoso.ui.settings.backups_dialog import BackupsDialog
    from doancoso.ui.shell.app import restore_at_start
    from scripted import synchronous_core

    add_people(ws)
    saved = ws.backups.to_folder(tmp_path / "usb")
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        prompts = ScriptedPrompts()
        shown: list[str] = []

        def restore(dialog) -> None:
            assert isinstance(dialog, BackupsDialog)
            shown.append(dialog.windowTitle())
            dialog.restore_file(saved.path)  # "Khôi phục từ tệp…", the file chosen

        prompts.dialog_script = restore
        core = synchronous_core(fresh, prompts)
        offered = SetupDialog(fresh.organization, prompts, receive_handover=lambda _: False,
                              restore_backup=lambda w: restore_at_start(core, w))  # fmt: skip
        qtbot.addWidget(offered)
        assert offered.restore_button is not None
        assert offered.restore_button.text() == "&Khôi phục bản sao lưu…"
        offered.restore_button.click()
        assert shown == ["Sao lưu và khôi phục"]
        assert prompts.infos == [f"Đã khôi phục dữ liệu từ “{saved.path.name}” (3 đoàn viên)."]
        assert offered.result() == SetupDialog.DialogCode.Accepted
        assert offered.created is not None and offered.created.name == "Đoàn xã Tân Hưng"
        assert phones(fresh) == phones(ws)
    finally:
        fresh.close()
