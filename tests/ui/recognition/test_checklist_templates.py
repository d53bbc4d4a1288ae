"""Templates from the page: a malformed file refused with the reader's message and nothing kept;
a province's file shown in a preview (name, source, province, criteria and items, points)
before it is kept, and only if the user says so; the template in use exported as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.recognition.template import default_template, parse_template
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.recognition.templates import TemplatePreview
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _province_json(tmp_path: Path, **change: object) -> Path:
    data = json.loads(default_template().text)
    data.update({"name": "Bộ tiêu chí của Tỉnh đoàn Cà Mau", "province": "Cà Mau",
                 "source": "Hướng dẫn 12-HD/TĐTN ngày 10/01/2025"})  # fmt: skip
    data["criteria"][0]["items"][0]["points"] = 10
    data.update(change)
    path = tmp_path / "tieu-chi-ca-mau.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_malformed_file_is_refused_and_nothing_kept(
    ws: Workspace, make_page: Callable[[], RecognitionPage], prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = make_page()
    shown: list[QDialog] = []
    prompts.dialog_script = shown.append
    broken = tmp_path / "tieu-chi.json"
    broken.write_text('{"format": "doancoso-criteria",\n "version": 1,\n "name": }', "utf-8")
    page.templates.ask_open_path = lambda: broken  # type: ignore[method-assign]
    page.import_button.click()
    assert prompts.errors == [
        "Bộ tiêu chí không đọc được (dòng 3, cột 10): không đúng định dạng JSON. Không có gì "
        "thay đổi."
    ]
    wrong = _province_json(tmp_path, version=2)
    page.templates.ask_open_path = lambda: wrong  # type: ignore[method-assign]
    page.import_button.click()
    assert prompts.errors[1] == (
        "Bộ tiêu chí không hợp lệ (đầu tệp, dòng 3): ứng dụng này đọc được bộ tiêu chí phiên "
        "bản 1. Không có gì thay đổi."
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Tên bộ tiêu chí", "Cà Mau"], ["Tiêu chí", "Nội dung", "Điểm"],
                ["1. Quản lý đoàn viên"], [None, "Danh sách đoàn viên", "mười"],
                ["2. Kế hoạch"], [None, "Kế hoạch năm", 30],
                ["3. Tham mưu"], [None, "Tham mưu cấp ủy", 30]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "tieu-chi.xlsx")
    page.templates.ask_open_path = lambda: tmp_path / "tieu-chi.xlsx"  # type: ignore[method-assign]
    page.import_button.click()
    assert prompts.errors[2] == (
        "Bộ tiêu chí không hợp lệ (trang “Sheet”, dòng 4): điểm “mười” của mục 1.1 phải là một "
        "số từ 0 đến 1000. Không có gì thay đổi."
    )
    assert shown == []  # no preview of a file that cannot be read
    assert [t.name for t in ws.recognition.templates()] == [default_template().name]


def test_a_sheet_with_three_bad_rows_names_them_all(
    ws: Workspace, make_page: Callable[[], RecognitionPage], prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    """Every bad row in the one message, so that the secretary fixes them all at once."""
    page = make_page()
    shown: list[QDialog] = []
    prompts.dialog_script = shown.append
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Tên bộ tiêu chí", "Cà Mau"], ["Tiêu chí", "Nội dung", "Điểm"],
                ["1. Quản lý đoàn viên"], [None, "Danh sách đoàn viên", "mười"],
                ["2. Kế hoạch"], [None, "1.2 Kế hoạch năm", 30],
                ["3. Tham mưu"], [None, None, 5, "Ảnh"],
                [None, "Tham mưu cấp ủy", 30]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "tieu-chi.xlsx")
    page.templates.ask_open_path = lambda: tmp_path / "tieu-chi.xlsx"  # type: ignore[method-assign]
    page.import_button.click()
    assert prompts.errors == [
        "Bộ tiêu chí không hợp lệ (trang “Sheet”), không có gì thay đổi; sửa các lỗi sau rồi "
        "nhập lại tệp:\n"
        "• Dòng 4: điểm “mười” của mục 1.1 phải là một số từ 0 đến 1000.\n"
        "• Dòng 6: mã 1.2 không thuộc tiêu chí 2.\n"
        "• Dòng 8: dòng có điểm hoặc minh chứng nhưng thiếu nội dung."
    ]
    assert shown == []  # no preview of a file that cannot be read
    assert [t.name for t in ws.recognition.templates()] == [default_template().name]


def test_the_preview_shows_the_template_before_it_is_kept(
    ws: Workspace, make_page: Callable[[], RecognitionPage], prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = make_page()
    path = _province_json(tmp_path)
    page.templates.ask_open_path = lambda: path  # type: ignore[method-assign]
    seen: dict[str, object] = {}

    def look_then(answer: bool) -> Callable[[QDialog], None]:
        def script(dialog: QDialog) -> None:
            assert isinstance(dialog, TemplatePreview)
            model = dialog.tree.model()
            first = model.index(0, 0)
            seen.update(
                name=dialog.name.text(),
                criteria=[model.index(r, 0).data() for r in range(model.rowCount())],
                totals=[model.index(r, 1).data() for r in range(model.rowCount())],
                item=[model.index(0, c, first).data() for c in range(4)],
                replaces=not dialog.replaces.isHidden(),
            )
            dialog.accept() if answer else dialog.reject()

        return script

    prompts.dialog_script = look_then(False)
    page.import_button.click()
    assert seen["name"] == "<b>Bộ tiêu chí của Tỉnh đoàn Cà Mau</b>"
    assert seen["criteria"] == [
        "Tiêu chí 1. Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa "
        "phương, đơn vị",
        "Tiêu chí 2. Chủ động xây dựng và thực hiện kế hoạch công tác",
        "Tiêu chí 3. Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và các "
        "tổ chức liên quan",
    ]
    assert seen["totals"] == ["10", "0", "0"]  # the criteria's points
    assert seen["item"] == [
        "1.1  Danh sách đoàn viên được lập đầy đủ, cập nhật thường xuyên",
        "10",
        "Danh sách đoàn viên cập nhật trong vòng (tháng) (ngưỡng 3)",
        "Danh sách đoàn viên",
    ]
    assert seen["replaces"] is False
    assert len(ws.recognition.templates()) == 1  # "Hủy": nothing kept

    messages: list[str] = []
    page.status_message.connect(messages.append)
    prompts.dialog_script = look_then(True)
    page.import_button.click()
    assert [t.name for t in ws.recognition.templates()][1] == "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    assert messages == ["Đã nhập bộ tiêu chí “Bộ tiêu chí của Tỉnh đoàn Cà Mau” (14 mục)."]
    names = [page.open_panel.choice.itemText(i) for i in range(page.open_panel.choice.count())]
    assert names == [default_template().name, "Bộ tiêu chí của Tỉnh đoàn Cà Mau"]
    page.import_button.click()  # the same name again: the preview says it replaces
    assert seen["replaces"] is True


def test_the_template_in_use_is_exported(
    ws: Workspace, make_page: Callable[[], RecognitionPage], tmp_path: Path
) -> None:
    ws.recognition.add_template(parse_template(_province_json(tmp_path).read_text("utf-8")))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    page = make_page()
    assert page.template_label.full_text == (
        "Bộ tiêu chí: Bộ tiêu chí của Tỉnh đoàn Cà Mau — Cà Mau (nguồn: Hướng dẫn 12-HD/TĐTN "
        "ngày 10/01/2025)"
    )
    assert page.template_label.toolTip() == page.template_label.full_text
    target = tmp_path / "xuat" / "ban-sao"
    target.parent.mkdir()
    page.templates.ask_save_path = lambda suggested: target  # type: ignore[method-assign]
    page.export_button.click()
    written = target.with_name("ban-sao.json")
    exported = parse_template(written.read_text("utf-8"))
    assert exported.name == "Bộ tiêu chí của Tỉnh đoàn Cà Mau" and exported.items[0].points == 10


def test_the_exported_file_is_named_without_doubled_dashes(
    page: RecognitionPage, tmp_path: Path
) -> None:
    """The default template's name, with its quotes and brackets, suggests a file name whose
    words are joined by one dash each (it was "tieu-chi--doan-co-so-3-chu-dong---mac-dinh")."""
    suggested: list[str] = []
    page.templates.ask_save_path = lambda name: suggested.append(name)  # type: ignore[method-assign, assignment]
    page.export_button.click()
    assert suggested == ["tieu-chi-doan-co-so-3-chu-dong-mac-dinh.json"]


def test_the_province_s_file_is_looked_for_on_the_stick_first(
    ws: Workspace, make_page: Callable[[], RecognitionPage], tmp_path: Path, monkeypatch
) -> None:
    """The province's criteria come on a USB stick: the dialog opens there when one is plugged
    in, else in Documents, not in the home folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import OpenDialogs

    page = make_page()
    chosen = tmp_path / "tieu-chi.json"
    dialogs = OpenDialogs(chosen, tmp_path / "USB").install(monkeypatch)
    assert page.templates.ask_open_path() == chosen
    dialogs.stick = None
    OpenDialogs.install(dialogs, monkeypatch)
    assert page.templates.ask_open_path() == chosen
    assert dialogs.offered == [str(tmp_path / "USB"), str(documents_folder())]


def test_a_name_with_brackets_is_shown_whole_in_the_preview(qtbot: QtBot, tmp_path: Path) -> None:
    """The preview shows the name the file holds, not what a rich-text label makes of "<…>"
    and "&" (the name in bold once was "Bộ tiêu chí  Cà Mau")."""
    name = "Bộ tiêu chí <Tỉnh đoàn> Cà Mau & Bạc Liêu"
    template = parse_template(_province_json(tmp_path, name=name).read_text("utf-8"))
    dialog = TemplatePreview(template, [])
    qtbot.addWidget(dialog)
    shown = QTextDocument()
    shown.setHtml(dialog.name.text())
    assert shown.toPlainText() == name
