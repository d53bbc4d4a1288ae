"""The bundle's password: an honest strength estimate, asked twice, the unrecoverable notice,
and the explicit choice of an unencrypted bundle with its Decree 13 warning."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.bundle.strength import COMMON, FAIR, GOOD, STRONG, VERY_WEAK, WEAK, estimate
from doancoso.ui.bundle.password import (
    MISMATCH,
    NOT_RECOVERABLE,
    UNENCRYPTED_WARNING,
    PasswordPanel,
)


@pytest.mark.parametrize(
    "password",
    ["123456", "matkhau", "MatKhau123", "doanthanhnien", "Đoàn Thanh Niên", "nguyen1990",
     "12345678", "aaaaaaaaaa", "abcdefghij", "15081995", "qwertyuiop"],
)  # fmt: skip
def test_guessable_passwords_are_very_weak_and_refused(password: str) -> None:
    strength = estimate(password)
    assert (strength.level, strength.acceptable, strength.name) == (VERY_WEAK, False, "Rất yếu")


def test_the_list_holds_a_few_hundred_common_passwords() -> None:
    assert len(COMMON) >= 300
    assert {"123456", "matkhau", "doanthanhnien", "anhyeuem", "password"} <= COMMON


def test_length_and_character_classes_give_the_level() -> None:
    assert estimate("").hint == "Chưa nhập mật khẩu."
    short = estimate("Xy7#kq")
    assert (short.acceptable, short.hint) == (False, "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.")
    assert (estimate("ksdjtuvb").level, estimate("ksdjtuvb").acceptable) == (WEAK, True)
    assert estimate("ksdjtuvbwe").level == FAIR
    assert estimate("Ksdj7uvb#wq").level == GOOD
    assert estimate("Hoa sen nở trên đầm 1990!").level == STRONG


def _panel(qtbot: QtBot) -> PasswordPanel:
    panel = PasswordPanel()
    qtbot.addWidget(panel)
    return panel


def test_the_panel_says_the_password_cannot_be_recovered(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    texts = [label.text() for label in panel.findChildren(type(panel.hint))]
    assert NOT_RECOVERABLE in texts
    assert "Mật khẩu không thể khôi phục nếu quên" in NOT_RECOVERABLE


def test_asked_twice_with_strength_shown(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert panel.problem() == "Chưa nhập mật khẩu."
    panel.first.setText("matkhau")
    assert panel.meter.format() == "Rất yếu" and panel.meter.value() == 1
    assert panel.problem() == "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, bị dò ra ngay."
    panel.first.setText("Ksdj7uvb#wq")
    assert panel.meter.format() == "Khá" and panel.hint.text() == "Mật khẩu khá an toàn."
    panel.second.setText("Ksdj7")
    assert panel.problem() == MISMATCH and panel.error.text() == ""  # still typing
    panel.second.setText("Ksdj7uvb#wX")
    assert panel.error.text() == MISMATCH
    panel.second.setText("Ksdj7uvb#wq")
    assert panel.problem() is None and panel.error.text() == ""
    assert panel.password() == "Ksdj7uvb#wq"


def test_a_mismatch_is_said_beside_a_weak_password(qtbot: QtBot) -> None:
    """Both to fix before "Tiếp": the strength's hint did hide the mismatch."""
    panel = _panel(qtbot)
    panel.first.setText("matkhau2026")
    panel.second.setText("matkhau2025")
    assert panel.hint.text() == "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, bị dò ra ngay."
    assert panel.error.text() == MISMATCH
    panel.unencrypted.setChecked(True)
    assert panel.error.text() == ""


def test_no_password_needs_the_checkbox_and_shows_the_warning(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert panel.warning.isHidden()
    panel.unencrypted.setChecked(True)
    assert not panel.warning.isHidden() and panel.warning.text() == UNENCRYPTED_WARNING
    assert "Nghị định số 13/2023/NĐ-CP" in UNENCRYPTED_WARNING
    assert panel.problem() is None and panel.password() is None
    assert not panel.first.isEnabled() and not panel.second.isEnabled()


def test_the_password_is_taken_in_nfc(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    decomposed = "Hoa sen no\u031b\u0300 tre\u0302n đầm 1990!"
    panel.first.setText(decomposed)
    panel.second.setText("Hoa sen nờ trên đầm 1990!")
    assert panel.problem() is None and panel.password() == "Hoa sen nờ trên đầm 1990!"
