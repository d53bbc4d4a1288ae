"""The rules dialog of Thiết lập: each rule with its value and source, a province's file
imported, a malformed one refused naming its line with nothing changed, the rules exported,
the default taken back after a question; a round already open keeps its rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.rating.rules import RULE_LABELS, default_rules
from doancoso.core.workspace import Workspace
from doancoso.ui.rating.rules_dialog import KEEP_NOTE, RulesDialog, rule_values
from doancoso.ui.settings.page import SettingsPage
from mnemonics import letters
from scripted import ScriptedPrompts, synchronous_core

from .conftest import shown_text


def _dialog(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> RulesDialog:
    dialog = RulesDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    return dialog


def _province_rules() -> str:
    data = json.loads(default_rules().text)
    data["name"] = "Quy tắc của Tỉnh đoàn Cà Mau"
    data["rules"]["participation_thresholds"]["value"] = {"1": 95, "2": 80, "3": 50}
    data["rules"]["participation_thresholds"]["source"] = "Hướng dẫn 12-HD/TĐTN, 2025."
    data["rules"]["level1_cap_percent"]["value"] = 20
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_each_rule_with_its_value_and_source(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    dialog = _dialog(qtbot, ws, prompts)
    rows = dialog.rows()
    assert [(rule, value) for rule, value, _ in rows] == [
        ("Tỉ lệ tham gia tối thiểu cho mức 1, 2, 3 (%)",
         "Mức 1: từ 90%; mức 2: từ 70%; mức 3: từ 50%"),
        ("Số tháng sinh hoạt liên tục tối thiểu trong năm để được xếp loại", "6 tháng"),
        ("Đoàn viên sinh hoạt tạm: chỉ nhận xét, không xếp loại", "Có"),
        ("Đảng viên chính thức: đánh giá, không xếp loại", "Có"),
        ("Bị khiển trách trong năm: mức cao nhất", "Mức 2 — Hoàn thành tốt nhiệm vụ"),
        ("Bị cảnh cáo trở lên trong năm: mức cao nhất", "Mức 4 — Không hoàn thành nhiệm vụ"),
        ("Kết quả rèn luyện cần cho mức 1", "Xuất sắc"),
        ("Giới hạn tỉ lệ mức 1 (%, để trống: không giới hạn)", "Không giới hạn"),
        ("Nghỉ ốm trong năm quá số tháng: mức cao nhất",
         "Trên 3 tháng: mức 3 — Hoàn thành nhiệm vụ"),
        ("Chưa đóng đủ đoàn phí trong năm: mức cao nhất", "Mức 4 — Không hoàn thành nhiệm vụ"),
    ]  # fmt: skip
    assert rows[0][2].startswith("Mức 1 (từ 90% hoạt động): Hướng dẫn 25-HD/TWĐTN-BTC năm 2023")
    assert all(dialog.source_labels[key].wordWrap() for key in dialog.source_labels)
    assert dialog.name_label.text() == (
        "<b>Đang dùng:</b> Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027 (mặc định của "
        "ứng dụng)"
    )
    assert not dialog.reset_button.isEnabled()
    assert KEEP_NOTE.endswith("kể cả khi quy tắc ở đây thay đổi.")


def test_a_province_file_without_the_sick_leave_and_dues_rules_shows_them_not_applied(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """A province's file written before the rules of sick leave and unpaid dues is imported:
    the dialog lists both, not applied, with no source."""
    data = json.loads(_province_rules())
    del data["rules"]["sick_leave_cap"], data["rules"]["unpaid_dues_cap"]
    path = tmp_path / "quy-tac-ca-mau.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    dialog = _dialog(qtbot, ws, prompts)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == []
    rows = dialog.rows()
    assert rows[-2:] == [
        ("Nghỉ ốm trong năm quá số tháng: mức cao nhất",
         "Không áp dụng (tệp quy tắc không có quy tắc này)", "—"),
        ("Chưa đóng đủ đoàn phí trong năm: mức cao nhất",
         "Không áp dụng (tệp quy tắc không có quy tắc này)", "—"),
    ]  # fmt: skip
    assert ws.rating.rules().sick_leave_cap is None


def test_the_wording_says_the_rules_change_by_importing_a_file(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    # The table is read-only: nothing in it may promise an edit in place.
    dialog = _dialog(qtbot, ws, prompts)
    assert dialog.how_label.text() == (
        "Bảng này chỉ để xem. Muốn đổi quy tắc, hãy nhập tệp quy tắc của tỉnh bằng nút “Nhập quy "
        "tắc của tỉnh…” (hoặc xuất quy tắc đang dùng ra tệp, sửa tệp rồi nhập lại)."
    )
    assert dialog.import_button.text() == "&Nhập quy tắc của tỉnh…"
    sources = {key: label.text() for key, label in dialog.source_labels.items()}
    assert sources["participation_thresholds"] == (
        "Mức 1 (từ 90% hoạt động): Hướng dẫn 25-HD/TWĐTN-BTC năm 2023 và 33-HD/TWĐTN-BTC năm "
        "2020. Mức 2, 3 (70%, 50%): mức thường dùng ở các đơn vị, chưa đối chiếu được văn bản "
        "gốc; nếu cấp trên quy định khác, hãy nhập quy tắc của tỉnh (Thiết lập → Quy tắc xếp "
        "loại…)."
    )
    assert sources["reprimand_cap"] == (
        "Bị kỷ luật khiển trách trong năm: không xếp loại Hoàn thành xuất sắc nhiệm vụ (mặc định "
        "của ứng dụng)."
    )
    assert sources["warning_cap"] == (
        "Bị kỷ luật cảnh cáo trở lên trong năm: Không hoàn thành nhiệm vụ (638-HD/ĐTNCA năm 2019)."
    )
    assert sources["level1_cap_percent"].endswith(
        "tắt theo mặc định; khi quy tắc nhập vào có giới hạn, ứng dụng chỉ cảnh báo trước khi kết "
        "thúc đợt."
    )
    assert [key for key, text in sources.items() if "sửa được" in text or "hãy sửa" in text] == []


def test_a_province_file_is_imported_and_open_rounds_keep_theirs(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.rating.open(2025)
    path = tmp_path / "quy-tac-ca-mau.json"
    path.write_text(_province_rules(), encoding="utf-8-sig")  # as Notepad may save it
    dialog = _dialog(qtbot, ws, prompts)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == []
    assert ws.rating.rules().name == "Quy tắc của Tỉnh đoàn Cà Mau"
    assert dialog.rows()[0][1:] == (
        "Mức 1: từ 95%; mức 2: từ 80%; mức 3: từ 50%", "Hướng dẫn 12-HD/TĐTN, 2025."
    )  # fmt: skip
    assert dialog.rows()[-3][1] == "20%"
    assert dialog.status_label.text() == (
        "Đã nhập quy tắc “Quy tắc của Tỉnh đoàn Cà Mau”. Các đợt xếp loại đã mở vẫn giữ quy tắc cũ."
    )
    assert dialog.reset_button.isEnabled()
    info = ws.rating.round(2025)
    assert info is not None and info.rules.thresholds == (90, 70, 50)
    assert ws.rating.open(2026).rules.thresholds == (95, 80, 50)


def test_a_malformed_file_is_refused_naming_its_line(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    text = _province_rules().replace('"value": 20', '"value": 150')
    line = next(n for n, s in enumerate(text.splitlines(), 1) if '"value": 150' in s)
    path = tmp_path / "sai.json"
    path.write_text(text, encoding="utf-8")
    dialog = _dialog(qtbot, ws, prompts)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == [
        f"Tệp quy tắc xếp loại không hợp lệ (dòng {line}, “level1_cap_percent”): cần null hoặc "
        "một tỉ lệ từ 0 đến 100.\n\nQuy tắc đang dùng không thay đổi."
    ]
    assert ws.rating.rules().text == default_rules().text
    assert dialog.rows()[-3][1] == "Không giới hạn"
    path.write_text('{\n  "format": "doancoso-rating-rules",\n  oops\n}', encoding="utf-8")
    dialog.import_button.click()
    assert prompts.errors[-1] == (
        "Tệp quy tắc xếp loại không đọc được (dòng 3, cột 3): không đúng định dạng JSON.\n\n"
        "Quy tắc đang dùng không thay đổi."
    )
    path.write_bytes('{"name": "Quy tắc"}'.replace("ắ", "ă").encode("cp1258"))  # Windows-1258
    dialog.import_button.click()
    assert prompts.errors[-1] == (
        "Tệp “sai.json” không phải văn bản UTF-8: hãy lưu lại tệp với mã hóa UTF-8.\n\n"
        "Quy tắc đang dùng không thay đổi."
    )
    assert ws.rating.rules().text == default_rules().text


def test_export_then_reset_to_the_default(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.rating.set_rules(_province_rules())
    dialog = _dialog(qtbot, ws, prompts)
    target = tmp_path / "xuat.json"
    dialog.ask_save_path = lambda: target  # type: ignore[method-assign]
    dialog.export_button.click()
    assert target.read_text(encoding="utf-8") == _province_rules()
    assert dialog.status_label.text() == f"Đã xuất quy tắc ra tệp {target}."
    prompts.answer = False
    dialog.reset_button.click()
    assert prompts.asked == [
        "Dùng lại quy tắc xếp loại mặc định của ứng dụng?\n\nQuy tắc đã nhập sẽ được thay bằng "
        "quy tắc mặc định; các đợt xếp loại đã mở vẫn giữ quy tắc của lúc mở."
    ]
    assert ws.rating.rules().name == "Quy tắc của Tỉnh đoàn Cà Mau"
    prompts.answer = True
    dialog.reset_button.click()
    assert ws.rating.rules().text == default_rules().text
    assert dialog.rows()[0][1] == "Mức 1: từ 90%; mức 2: từ 70%; mức 3: từ 50%"
    assert not dialog.reset_button.isEnabled()


def test_settings_opens_the_rules(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> None:
    shown: list[RulesDialog] = []
    prompts.dialog_script = lambda dialog: shown.append(dialog)  # type: ignore[arg-type]
    page = SettingsPage(synchronous_core(ws, prompts))
    qtbot.addWidget(page)
    page.rating_rules_button.click()
    assert len(shown) == 1 and shown[0].windowTitle() == "Quy tắc xếp loại đoàn viên"


def test_the_rules_file_is_looked_for_on_the_stick_first(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:
    """The province's rules come on a USB stick: the dialog opens there when one is plugged in,
    not in the home folder."""
    from scripted import OpenDialogs

    dialog = _dialog(qtbot, ws, prompts)
    chosen = tmp_path / "USB" / "quy-tac.json"
    dialogs = OpenDialogs(chosen, tmp_path / "USB").install(monkeypatch)
    assert dialog.ask_open_path() == chosen
    assert dialogs.offered == [str(tmp_path / "USB")]


def test_the_rules_are_read_on_the_worker(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:
    """With the app's threaded runner the dialog reads the rules in force on the worker, when
    it opens and again after an import, never on the GUI thread; the table fills once read."""
    import threading

    from doancoso.core.rating.service import RatingService
    from doancoso.ui.shell.operations import Core

    read_on: list[int] = []
    real = RatingService.rules

    def rules() -> object:
        read_on.append(threading.get_ident())
        return real(ws.rating)

    monkeypatch.setattr(ws.rating, "rules", rules)
    core = Core(ws, prompts)  # threaded, as in the app
    dialog = RulesDialog(core)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.rows()[1][1] == "6 tháng", timeout=10_000)
    assert dialog.name_label.text().startswith("<b>Đang dùng:</b> Quy tắc xếp loại đoàn viên")
    assert read_on and threading.get_ident() not in read_on
    assert not dialog.reset_button.isEnabled()
    path = tmp_path / "quy-tac.json"
    path.write_text(_province_rules(), encoding="utf-8")
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    read_on.clear()
    with qtbot.wait_signal(dialog.loaded, timeout=10_000):
        dialog.import_button.click()
    assert dialog.rows()[0][1] == "Mức 1: từ 95%; mức 2: từ 80%; mức 3: từ 50%"
    assert dialog.reset_button.isEnabled()
    assert read_on and threading.get_ident() not in read_on
    assert core.runner.wait()


def test_a_workspace_without_an_organisation_shows_the_shipped_rules(
    qtbot: QtBot, empty_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Before the organisation is set up there are no rules of its own: the dialog shows the
    shipped default ones, not empty values under an error; importing a province's file says
    the organisation must be set up first, and nothing changes."""
    dialog = _dialog(qtbot, empty_ws, prompts)
    shipped = default_rules()
    values = rule_values(shipped)
    assert prompts.errors == []
    assert dialog.rows() == [
        (label, values[key], shipped.sources[key]) for key, label in RULE_LABELS.items()
    ]
    assert dialog.rows()[0][1] == "Mức 1: từ 90%; mức 2: từ 70%; mức 3: từ 50%"
    assert dialog.name_label.text() == (
        "<b>Đang dùng:</b> Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027 (mặc định của "
        "ứng dụng)"
    )
    assert not dialog.reset_button.isEnabled()
    province = tmp_path / "quy-tac-tinh.json"
    province.write_text(_province_rules(), encoding="utf-8")
    dialog.ask_open_path = lambda: province  # type: ignore[method-assign]
    dialog.import_rules()
    assert prompts.errors == [
        "Chưa thiết lập thông tin Đoàn cơ sở. Hãy mở ứng dụng để thiết lập, hoặc chạy lệnh: "
        'doancoso init --name "Đoàn xã …" --superior "Tỉnh đoàn …"\n\n'
        "Quy tắc đang dùng không thay đổi."
    ]
    assert empty_ws.rating.rules().text == shipped.text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_each_button_has_its_own_letter(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Alt+N imports, Alt+X exports, Alt+D takes the default back (once the rules are not it);
    Alt+G or Esc closes."""
    dialog = _dialog(qtbot, ws, prompts)
    dialog.show()
    assert sorted(letters(dialog)) == ["Alt+D", "Alt+G", "Alt+N", "Alt+X"]
    assert [dialog.import_button.text(), dialog.export_button.text(),
            dialog.reset_button.text()] == [
        "&Nhập quy tắc của tỉnh…", "&Xuất quy tắc…", "&Dùng quy tắc mặc định"]  # fmt: skip


def test_a_province_name_with_markup_characters_reads_as_written(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """A province's rules named with "<" and "&" are named as written, not read as markup."""
    data = json.loads(_province_rules())
    data["name"] = "Quy tắc <Tỉnh> & huyện"
    path = tmp_path / "quy-tac-tinh.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    dialog = _dialog(qtbot, ws, prompts)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == []
    assert ws.rating.rules().name == "Quy tắc <Tỉnh> & huyện"
    assert shown_text(dialog.name_label) == "Đang dùng: Quy tắc <Tỉnh> & huyện (đã nhập)"
    assert dialog.name_label.text() == (
        "<b>Đang dùng:</b> Quy tắc &lt;Tỉnh&gt; &amp; huyện (đã nhập)"
    )


def test_a_province_source_and_name_with_tags_read_as_written(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """A source or a name the province wrote with what looks like a tag ("<b>") is shown as
    plain text, tag included: Qt would otherwise guess rich text and drop it."""
    data = json.loads(_province_rules())
    data["name"] = "Quy tắc <b>mới</b>"
    data["rules"]["min_months"]["source"] = "<i>Hướng dẫn</i> 12-HD/TĐTN, 2025."
    path = tmp_path / "quy-tac-tinh.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    dialog = _dialog(qtbot, ws, prompts)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == []
    status, source = dialog.status_label, dialog.source_labels["min_months"]
    assert status.text() == (
        "Đã nhập quy tắc “Quy tắc <b>mới</b>”. Các đợt xếp loại đã mở vẫn giữ quy tắc cũ."
    )
    assert source.text() == "<i>Hướng dẫn</i> 12-HD/TĐTN, 2025."
    assert [status.textFormat(), source.textFormat()] == [Qt.TextFormat.PlainText] * 2
    assert shown_text(dialog.name_label) == "Đang dùng: Quy tắc <b>mới</b> (đã nhập)"
