"""Xuất dữ liệu ra USB: kind, password twice, the stick offered first with the suggested name,
"done" only once the file is written and verified, then the biên bản bàn giao."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_wizard, long_export, stick
from doancoso.core.workspace import Workspace
from doancoso.reports.handover import sha256_lines
from doancoso.ui.bundle.export_wizard import (
    BAD_NAME,
    DONE_PAGE,
    NO_DRIVE,
    PASSWORD_PAGE,
    TARGET_PAGE,
    UNSAVED_BIEN_BAN,
    ExportWizard,
    suggested_name,
)
from scripted import ScriptedPrompts, accept_print_dialog


def test_suggested_name() -> None:
    from datetime import date

    assert (suggested_name("Đoàn xã Tân Hưng", "handover", date(2026, 12, 4))
            == "doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs")  # fmt: skip
    assert (suggested_name("Đoàn Trường THPT Lê Lợi", "report", date(2027, 1, 9), 2026)
            == "doancoso-doan-truong-thpt-le-loi-bao-cao-nam-2026-09-01-2027.dcs")  # fmt: skip


def test_export_a_handover_onto_the_stick_and_print_the_record(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ids = add_people(ws)
    scan = tmp_path / "don-vao-doan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 3000 + b"\n%%EOF\n")
    ws.evidence.attach("members", ids["Nguyễn Văn An"], scan, caption="Đơn xin vào Đoàn")
    away = ws.members.save({"full_name": "Lê Ngọc Ái", "birth_date": "17/04/1999",
                            "status": "temporary"})  # fmt: skip
    gone = ws.members.save({"full_name": "Võ Văn Đi", "birth_date": "01/01/2000"})
    ws.members.delete([gone])  # a tombstone travels, but is no member
    prompts = ScriptedPrompts()
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, prompts, [usb])
    assert wizard.handover_radio.isChecked() and not wizard.year_spin.isEnabled()
    wizard.next_button.click()
    assert wizard.page == PASSWORD_PAGE and not wizard.next_button.isEnabled()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD[:-1])
    assert not wizard.next_button.isEnabled()
    wizard.password_panel.second.setText(PASSWORD)
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.page == TARGET_PAGE
    assert wizard.drive_combo.currentText().startswith(f"USB: USB_DOAN ({usb.root}) — còn trống")
    name = "doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs"
    assert wizard.name_edit.text() == name
    assert wizard.target() == usb.root / name
    assert "FAT32" in wizard.drive_notice.text()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    bundle = usb.root / name
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert wizard.result_.sha256 == digest
    assert wizard.digest_label.text() == "\n".join(sha256_lines(digest))
    assert wizard.done_label.text().startswith(
        f"Đã lưu tệp bàn giao (có mật khẩu) và đọc lại kiểm tra đầy đủ:\n{bundle}\n"
    )
    assert [p.name for p in usb.root.iterdir()] == [name]  # no temporary file left
    assert ws.bundles.inspect(bundle, PASSWORD).counts["members"] == 5  # the tombstone too
    assert away

    wizard.receiver_name.setText("Phạm Thị Dung")
    wizard.witness_name.setText("Lê Văn Tám")
    wizard.witness_position.setText("Phó Bí thư Huyện đoàn")
    assert wizard.giver_name.text() == "Nguyễn Thị Như Quỳnh"
    pdf_path = tmp_path / "bien-ban.pdf"
    wizard.ask_save_path = lambda *_a: pdf_path
    prompts.answer = False  # do not open it

    def numbered(dialog) -> None:
        assert dialog.windowTitle() == "In biên bản bàn giao dữ liệu (PDF)"
        assert dialog.recipients_edit.parentWidget().isHidden()  # a biên bản has no Nơi nhận
        dialog.number_edit.setText("03-BB/ĐTN")
        accept_print_dialog(dialog)

    prompts.dialog_script = numbered
    wizard.print_button.click()
    assert wizard.handover_pdf == pdf_path
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    assert "BIÊN BẢN BÀN GIAO DỮ LIỆU" in text and "Số: 03-BB/ĐTN" in text
    assert "Tân Hưng, ngày 04 tháng 12 năm 2026" in text
    assert "- Đồng chí: Nguyễn Thị Như Quỳnh" in text and "- Đồng chí: Phạm Thị Dung" in text
    stripped = "\n".join(line.strip() for line in text.splitlines())
    assert "- Đồng chí: Lê Văn Tám\n- Chức vụ: Phó Bí thư Huyện đoàn" in stripped
    assert "Tệp minh chứng: 1 tệp, tổng dung lượng 3 KB." in stripped
    assert "1\ndon-vao-doan.pdf\nĐoàn viên: Đơn xin vào Đoàn\n3 KB" in stripped
    assert f"- Tên tệp: {name}" in text
    for line in sha256_lines(digest):
        assert line in text
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("Đoàn viên")
    assert lines[start - 1 : start + 6] == [
        "2", "Đoàn viên", "4",
        "– Đang sinh hoạt", "3",
        "– Sinh hoạt tạm", "1",
    ]  # fmt: skip
    assert "Số lượng là số bản ghi đang có, không tính các bản ghi đã xóa." in lines


def test_without_a_stick_the_user_is_told_and_may_choose_a_folder(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [])
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    assert wizard.drive_notice.text() == NO_DRIVE and not wizard.export_button.isEnabled()
    folder = tmp_path / "khac"
    folder.mkdir()
    wizard.ask_folder = lambda _title: folder
    wizard.other_button.click()
    assert wizard.drive_combo.currentText() == f"Thư mục: {folder}"
    assert wizard.drive_notice.isHidden() and wizard.drive_notice.text() == ""  # chosen
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    assert "(KHÔNG có mật khẩu)" in wizard.done_label.text()
    assert not wizard.handover_box.isHidden()  # a handover, printed the same


def test_a_report_for_a_year(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    add_people(ws)
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.report_radio.setChecked(True)
    assert wizard.year_spin.isEnabled()
    wizard.year_spin.setValue(2026)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.name_edit.text() == "doancoso-doan-xa-tan-hung-bao-cao-nam-2026-04-12-2026.dcs"
    wizard.export_button.click()
    info = ws.bundles.inspect(Path(wizard.result_.path), PASSWORD)
    assert (info.kind, info.year) == ("report", 2026)
    assert wizard.done_label.text().startswith("Đã lưu tệp báo cáo năm 2026 (có mật khẩu)")


def test_cancelling_the_export_leaves_nothing_on_the_stick(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    core, wizard, usb = long_export(qtbot, ws, tmp_path)
    wizard.export_button.click()
    qtbot.waitUntil(lambda: core.runner.dialog is not None)
    assert core.runner.dialog is not None
    (cancel,) = core.runner.dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    qtbot.waitUntil(lambda: not core.runner.busy, timeout=20000)
    assert wizard.target_error.text() == "Đã hủy: chưa có tệp nào được lưu."
    assert wizard.page == TARGET_PAGE and wizard.result_ is None
    assert list(usb.root.iterdir()) == []
    assert wizard.export_button.isEnabled()


def test_a_report_of_an_unfinished_year_is_said_so_and_may_go_on(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_people(ws)
    ws.plans.create(2026)
    ws.plans.register(2026, "da-gui", "20/01/2026")
    ws.rating.open(2026)
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    assert wizard.unfinished_notice.isHidden()  # a handover: nothing to say
    wizard.report_radio.setChecked(True)
    wizard.year_spin.setValue(2026)
    assert not wizard.unfinished_notice.isHidden()
    assert wizard.unfinished_notice.text() == (
        "Dữ liệu năm 2026 chưa hoàn tất:\n"
        "– Kế hoạch công tác năm 2026 chưa được cấp trên duyệt.\n"
        "– Đợt đánh giá, xếp loại năm 2026 chưa khóa sổ.\n"
        "Vẫn có thể xuất báo cáo; cấp trên sẽ nhận dữ liệu như hiện có."
    )
    wizard.year_spin.setValue(2025)
    assert wizard.unfinished_notice.text() == (
        "Dữ liệu năm 2025 chưa hoàn tất:\n"
        "– Chưa có kế hoạch công tác năm 2025.\n"
        "– Chưa có đợt đánh giá, xếp loại năm 2025.\n"
        "Vẫn có thể xuất báo cáo; cấp trên sẽ nhận dữ liệu như hiện có."
    )
    ws.plans.create(2025)
    wizard.year_spin.setValue(2026)
    wizard.year_spin.setValue(2025)
    assert "– Kế hoạch công tác năm 2025 chưa đăng ký với cấp trên.\n" in (
        wizard.unfinished_notice.text()
    )
    wizard.handover_radio.setChecked(True)
    assert wizard.unfinished_notice.isHidden()
    wizard.report_radio.setChecked(True)
    wizard.year_spin.setValue(2026)
    assert not wizard.unfinished_notice.isHidden()
    # a notice only: the report is exported all the same
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    assert ws.bundles.inspect(Path(wizard.result_.path), None).year == 2026


def test_a_report_of_a_finished_year_has_no_notice(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    ws.plans.create(2026)
    ws.plans.register(2026, "da-duyet", "20/01/2026", "15/ĐK-TĐ")
    ws.rating.open(2026)
    ws.rating.close(2026)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    wizard.report_radio.setChecked(True)
    wizard.year_spin.setValue(2026)
    assert wizard.unfinished_notice.isHidden() and wizard.unfinished_notice.text() == ""


def test_the_first_page_says_whether_the_years_dossier_goes_with_the_report(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    import datetime as dt

    from doancoso.core.dossier.stored import keep_built
    from doancoso.reports.dossier.build import build_dossier
    from dossier_data import evidence_pdf

    add_people(ws)
    # A dossier of 2025 built of only some parts is not the one to send: none is kept.
    partial = build_dossier(ws, tmp_path / "mot-phan.pdf", 2025, ["to-trinh", "bao-cao"])
    assert partial.kept is None and (tmp_path / "mot-phan.pdf").is_file()
    assert not (ws.data_dir / "ho-so" / "ho-so-nam-2025.pdf").exists()
    pdf = evidence_pdf(tmp_path / "ho-so.pdf", pages=1)
    kept = keep_built(ws.data_dir, 2026, pdf)
    assert kept is not None
    moment = dt.datetime(2026, 12, 1, 14, 30).timestamp()
    os.utime(kept.path, (moment, moment))
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    assert wizard.dossier_label.isHidden()  # a handover carries no dossier
    wizard.report_radio.setChecked(True)
    wizard.year_spin.setValue(2025)
    assert not wizard.dossier_label.isHidden()
    assert wizard.dossier_label.text() == (
        "Chưa tạo hồ sơ năm 2025 có đủ các phần mặc định: gói báo cáo sẽ không kèm hồ sơ."
    )
    wizard.year_spin.setValue(2026)
    assert wizard.dossier_label.text() == (
        "Kèm hồ sơ đề nghị công nhận năm 2026 (tạo lúc 01/12/2026 14:30), bản gần nhất có đủ "
        "các phần mặc định."
    )
    wizard.handover_radio.setChecked(True)
    assert wizard.dossier_label.isHidden()
    wizard.report_radio.setChecked(True)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    saved = ws.bundles.save_dossier(Path(wizard.result_.path), PASSWORD, tmp_path / "nhan.pdf")
    assert saved.year == 2026 and (tmp_path / "nhan.pdf").read_bytes() == pdf.read_bytes()


def _exported(qtbot: QtBot, ws: Workspace, tmp_path: Path, prompts: ScriptedPrompts,
              report: bool = False) -> ExportWizard:  # fmt: skip
    wizard = export_wizard(qtbot, ws, prompts, [stick(tmp_path)])
    wizard.report_radio.setChecked(report)
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    return wizard


def test_closing_before_the_bien_ban_is_saved_asks_first(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The biên bản names the file's SHA-256: once the wizard is closed it cannot be made for
    that file any more (an export again makes another file). "Đóng" asks, and staying is the
    answer by default; once saved, or for a report, "Đóng" just closes."""
    add_people(ws)
    prompts = ScriptedPrompts()
    wizard = _exported(qtbot, ws, tmp_path, prompts)
    assert wizard.close_button.text() == "Đón&g"
    prompts.answer = False
    with qtbot.assertNotEmitted(wizard.finished):
        wizard.close_button.click()
    assert prompts.asked == [UNSAVED_BIEN_BAN]
    assert prompts.buttons == [("Đóng, không lập biên bản", "Quay lại lưu biên bản")]
    assert UNSAVED_BIEN_BAN == (
        "Chưa lưu biên bản bàn giao cho tệp vừa xuất. Biên bản ghi mã SHA-256 của đúng tệp này: "
        "sau khi đóng sẽ không lập được biên bản cho tệp này nữa (xuất lại sẽ tạo tệp có mã "
        "khác). Vẫn đóng?"
    )
    with qtbot.assertNotEmitted(wizard.finished):
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Esc asks the same
    assert len(prompts.asked) == 2
    wizard.ask_save_path = lambda *_a: tmp_path / "bien-ban.pdf"
    prompts.dialog_script = accept_print_dialog
    wizard.print_button.click()
    assert wizard.handover_pdf == tmp_path / "bien-ban.pdf"
    asked = len(prompts.asked)  # "Mở biên bản để in ngay?"
    with qtbot.waitSignal(wizard.finished):
        wizard.close_button.click()
    assert len(prompts.asked) == asked

    prompts = ScriptedPrompts()
    prompts.answer = True
    unsaved = _exported(qtbot, ws, tmp_path / "lan-2", prompts)
    with qtbot.waitSignal(unsaved.finished):
        unsaved.close_button.click()
    assert prompts.asked == [UNSAVED_BIEN_BAN]  # closed as answered

    prompts = ScriptedPrompts()
    report = _exported(qtbot, ws, tmp_path / "bao-cao", prompts, report=True)
    with qtbot.waitSignal(report.finished):
        report.close_button.click()
    assert prompts.asked == []  # a report has no biên bản


def test_going_back_to_the_password_keeps_the_folder_and_the_name_chosen(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    folder = tmp_path / "khac"
    folder.mkdir()
    wizard.ask_folder = lambda _title: folder
    wizard.other_button.click()
    wizard.name_edit.setText("ban-giao-thang-12.dcs")
    wizard.back_button.click()  # to check the password choice, then on again
    assert wizard.page == PASSWORD_PAGE
    wizard.next_button.click()
    assert wizard.drive_combo.currentText() == f"Thư mục: {folder}"
    assert wizard.name_edit.text() == "ban-giao-thang-12.dcs"
    assert (
        wizard.target_label.text() == f"Tệp sẽ được lưu thành: {folder / 'ban-giao-thang-12.dcs'}"
    )
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE
    assert [p.name for p in folder.iterdir()] == ["ban-giao-thang-12.dcs"]
    assert list(usb.root.iterdir()) == []


def test_a_name_left_as_suggested_follows_the_kind_chosen_again(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    assert wizard.name_edit.text() == "doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs"
    wizard.back_button.click()
    wizard.back_button.click()
    wizard.report_radio.setChecked(True)
    wizard.year_spin.setValue(2025)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.name_edit.text() == "doancoso-doan-xa-tan-hung-bao-cao-nam-2025-04-12-2026.dcs"


def test_a_device_name_or_a_name_too_long_is_said_so_and_kept_as_typed(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """A name Windows keeps for a device ("CON", "nul.dcs", "COM1"), one too long for a name
    or for the stick's folder, one starting with a dot: each refused in words, the export held
    back, what was typed left as it is."""
    from doancoso.core.lang.filenames import room_in

    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    for typed, device in (("CON", "CON"), ("nul.dcs", "nul"), ("COM1", "COM1")):
        wizard.name_edit.setText(typed)
        assert wizard.target_error.text() == (
            f"“{device}” là tên Windows dành riêng cho thiết bị (như CON, PRN, AUX, NUL, COM1, "
            "LPT1): Windows và USB không tạo được tệp tên như vậy. Hãy đặt tên khác."
        ), typed
        assert wizard.target() is None and not wizard.export_button.isEnabled()
        assert wizard.target_label.text() == "" and wizard.name_edit.text() == typed
    room = room_in(usb.root)
    long = "ban-giao-" + "a" * 300
    wizard.name_edit.setText(long)
    assert wizard.target_error.text() == (
        f"Tên tệp quá dài: {len(long) + 4} ký tự (kể cả đuôi .dcs), trong khi ở thư mục này tên "
        f"tệp chỉ được dài tối đa {room} ký tự. Hãy rút ngắn tên."
    )
    assert wizard.target() is None and not wizard.export_button.isEnabled()
    assert wizard.name_edit.text() == long
    wizard.name_edit.setText(".ban-giao")
    assert wizard.target_error.text() == (
        "Windows và USB không ghi được tệp tên “.ban-giao.dcs”: hãy đặt tên khác, ví dụ "
        "“ban-giao.dcs”."
    )
    assert wizard.target() is None and wizard.name_edit.text() == ".ban-giao"
    wizard.name_edit.setText("CONG-van-ban-giao")  # a device's letters inside a name: fine
    assert wizard.target_error.text() == "" and wizard.export_button.isEnabled()
    assert wizard.target() == usb.root / "CONG-van-ban-giao.dcs"


def test_a_file_name_a_stick_cannot_hold_is_said_so(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    for name in ("ban-giao-04/12/2026", "ban giao: 2026", 'ban-giao-"moi"', "ban-giao?"):
        wizard.name_edit.setText(name)
        assert wizard.target_error.text() == BAD_NAME, name
        assert wizard.target_label.text() == "" and not wizard.export_button.isEnabled()
    wizard.name_edit.setText("ban-giao-04-12-2026")
    assert wizard.target_error.text() == "" and wizard.export_button.isEnabled()
    assert wizard.target_label.text() == (
        f"Tệp sẽ được lưu thành: {usb.root / 'ban-giao-04-12-2026.dcs'}"
    )


def test_the_bien_ban_is_offered_beside_the_file_just_written(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The save dialog of the biên bản opens on the stick the handover was written to (it is
    printed from there or kept beside it), named after the file; a stick pulled out since then
    leaves the home folder."""
    add_people(ws)
    prompts = ScriptedPrompts()
    prompts.answer = False  # do not open it
    prompts.dialog_script = accept_print_dialog
    wizard = _exported(qtbot, ws, tmp_path, prompts)
    bundle = Path(wizard.result_.path)
    assert bundle.parent == tmp_path / "usb"
    asked: list[str] = []

    def save_to(_title: str, default: str, _filters: str) -> Path:
        asked.append(default)
        return Path(default)

    wizard.ask_save_path = save_to
    wizard.print_button.click()
    pdf = tmp_path / "usb" / "bien-ban-doan-xa-tan-hung-ban-giao-04-12-2026.pdf"
    assert asked == [str(pdf)]
    assert wizard.handover_pdf == pdf and pdf.is_file()

    renamed = _exported(qtbot, ws, tmp_path / "lan-2", prompts)
    moved = Path(renamed.result_.path).rename(tmp_path / "lan-2" / "usb" / "du-lieu-doan.dcs")
    renamed.result_ = replace(renamed.result_, path=moved)
    renamed.ask_save_path = save_to
    renamed.print_button.click()
    assert asked[-1] == str(tmp_path / "lan-2" / "usb" / "bien-ban-du-lieu-doan.pdf")

    pulled = _exported(qtbot, ws, tmp_path / "lan-3", prompts)
    shutil.rmtree(tmp_path / "lan-3" / "usb")
    pulled.ask_save_path = lambda _t, default, _f: asked.append(default) and None
    pulled.print_button.click()
    home = Path.home() / "bien-ban-doan-xa-tan-hung-ban-giao-04-12-2026.pdf"
    assert asked[-1] == str(home) and pulled.handover_pdf is None
