"""The youth form asks about a birth date outside the union's ages ("Vẫn lưu" / "Quay lại"),
as the member form asks about its age warnings: a warning, never a refusal."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from scripted import ScriptedPrompts, synchronous_core

YEAR = date.today().year
TAIL = (
    "Sổ theo dõi thanh niên dành cho người trong độ tuổi Đoàn (từ 16 đến 30 tuổi): hãy kiểm "
    "tra lại ngày sinh.\n\nVẫn lưu hồ sơ này?"
)


def _form(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, youth_id: str | None = None
) -> YouthFormDialog:
    dialog = YouthFormDialog(
        synchronous_core(ws, prompts), read_youth(ws, youth_id) if youth_id else None
    )
    qtbot.addWidget(dialog)
    return dialog


def test_past_the_union_age_is_asked_about(qtbot: QtBot, youth_ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer = False  # "Quay lại"
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "Cao Văn Sáu")
    dialog.set_value("birth_date", str(YEAR - 46))
    dialog.save_button.click()
    assert prompts.asked == [f"Đã quá tuổi Đoàn (tròn 46 tuổi trong năm {YEAR}). {TAIL}"]
    assert prompts.buttons == [("Vẫn lưu", "Quay lại")]
    assert dialog.saved_id is None and youth_ws.youth.count() == 5
    assert dialog.errors.messages() == {}  # a warning, not an error

    prompts.answer = True  # "Vẫn lưu"
    dialog.save_button.click()
    assert len(prompts.asked) == 2 and dialog.saved_id is not None
    fields = youth_ws.youth.get(dialog.saved_id).fields
    assert (fields.full_name, fields.birth_date) == ("Cao Văn Sáu", date(YEAR - 46, 1, 1))


def test_younger_than_the_admission_age_is_asked_about(qtbot: QtBot, youth_ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "Lê Thị Bé")
    dialog.set_value("birth_date", str(YEAR - 14))
    dialog.save_button.click()
    assert prompts.asked == [
        f"Chưa đủ tuổi vào Đoàn: sinh năm {YEAR - 14}, đủ 16 tuổi vào năm {YEAR + 2}. {TAIL}"
    ]
    assert dialog.saved_id is not None


def test_errors_come_before_the_question_and_ages_within_ask_nothing(
    qtbot: QtBot, youth_ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    dialog = _form(qtbot, youth_ws, prompts)
    dialog.set_value("full_name", "Cao Văn Sáu")
    dialog.set_value("birth_date", str(YEAR - 46))
    dialog.set_value("phone", "12")
    dialog.save_button.click()
    assert prompts.asked == [] and list(dialog.errors.messages()) == ["phone"]
    dialog.set_value("phone", "")
    dialog.set_value("birth_date", str(YEAR - 20))
    dialog.save_button.click()
    assert prompts.asked == [] and dialog.saved_id is not None


def test_an_edit_asks_only_when_the_birth_date_changes(qtbot: QtBot, youth_ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    sau = youth_ws.youth.save({"full_name": "Cao Văn Sáu", "birth_date": str(YEAR - 46)})
    dialog = _form(qtbot, youth_ws, prompts, sau)
    dialog.set_value("phone", "0912345678")
    dialog.save_button.click()
    assert prompts.asked == [] and dialog.saved_id == sau  # seen when it was entered
    dialog = _form(qtbot, youth_ws, prompts, sau)
    dialog.set_value("birth_date", str(YEAR - 45))
    dialog.save_button.click()
    assert prompts.asked == [f"Đã quá tuổi Đoàn (tròn 45 tuổi trong năm {YEAR}). {TAIL}"]
