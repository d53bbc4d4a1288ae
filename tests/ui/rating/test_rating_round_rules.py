"""The round's rules from the rating page: "Quy tắc của đợt: …" names them as a link that opens
the rules dialog on the rules the round was opened with (not those of Thiết lập, which may have
changed since), to read only: a round keeps its rules."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.rating.rules import default_rules
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.rating.rules_dialog import RulesDialog
from scripted import ScriptedPrompts

from .conftest import SHOWN, YEAR, Round, shown_text

pytestmark = SHOWN
DEFAULT = "Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027"


def _province_rules() -> str:
    data = json.loads(default_rules().text)
    data["name"] = "Quy tắc của Tỉnh đoàn Cà Mau"
    data["rules"]["participation_thresholds"]["value"] = {"1": 95, "2": 80, "3": 50}
    return json.dumps(data, ensure_ascii=False)


def _open_rules(qtbot: QtBot, page: RatingPage, prompts: ScriptedPrompts) -> RulesDialog:
    """The link of "Quy tắc của đợt" followed by the keyboard (Tab onto the label, Tab onto
    the link, Enter): the dialog it opens."""
    shown: list[QDialog] = []
    prompts.dialog_script = shown.append
    label = page.history_label
    label.setFocus(Qt.FocusReason.TabFocusReason)  # Tab onto the label, Tab onto its link
    QTest.keyClick(label, Qt.Key.Key_Tab)
    QTest.keyClick(label, Qt.Key.Key_Return)
    assert len(shown) == 1
    dialog = shown[0]
    assert isinstance(dialog, RulesDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_rounds_rules_open_from_the_page_as_the_round_keeps_them(
    qtbot: QtBot, page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    ws = rated.ws
    ws.rating.set_rules(_province_rules())  # after the round was opened: not the round's
    page.refresh()
    assert shown_text(page.history_label) == f"Quy tắc của đợt: {DEFAULT}."
    assert f'<a href="rules">{DEFAULT}</a>' in page.history_label.text()
    dialog = _open_rules(qtbot, page, prompts)
    assert dialog.windowTitle() == f"Quy tắc của đợt xếp loại năm {YEAR}"
    assert dialog.name_label.text() == f"<b>Đợt xếp loại năm {YEAR}:</b> {DEFAULT}"
    assert dialog.rows()[0][1] == "Mức 1: từ 90%; mức 2: từ 70%; mức 3: từ 50%"
    assert dialog.note_label.text() == (
        "Đợt xếp loại giữ quy tắc của lúc mở đợt đến khi kết thúc. Quy tắc đổi ở Thiết lập → "
        "Quy tắc xếp loại… chỉ dùng cho các đợt mở sau."
    )
    shown = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert shown == ["Đón&g"]  # nothing to import, export or reset: the round's rules stay
    # The sources say where the rules are changed, not a button this dialog does not have.
    assert dialog.rows()[0][2].endswith(
        "nếu cấp trên quy định khác, hãy nhập quy tắc của tỉnh (Thiết lập → Quy tắc xếp loại…)."
    )
    assert not any("Nhập quy tắc của tỉnh…" in source for _, _, source in dialog.rows())


def test_a_closed_rounds_rules_open_too(
    qtbot: QtBot, page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    ws = rated.ws
    ws.rating.close(YEAR)
    ws.rating.set_rules(_province_rules())
    page.refresh()
    assert page.read_only
    dialog = _open_rules(qtbot, page, prompts)
    assert dialog.name_label.text() == f"<b>Đợt xếp loại năm {YEAR}:</b> {DEFAULT}"
    assert dialog.rows()[0][1] == "Mức 1: từ 90%; mức 2: từ 70%; mức 3: từ 50%"
