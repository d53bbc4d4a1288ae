"""The member form's words and questions: an allowed but unusual age asked about before saving
("Vẫn lưu" / "Quay lại"), the add form's hint, the field named as the import names it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import NEW_STATUS_HINT, STATUS_HINT, MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

YEAR = date.today().year
OLD_BIRTH = f"05/03/{YEAR - 35}"  # active and past the coming-of-age year (30)
OVER_AGE = f"Đã quá tuổi Đoàn (tròn 35 tuổi trong năm {YEAR}): cần xét trưởng thành Đoàn."


def _form(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, member_id: str | None = None
) -> MemberFormDialog:
    dialog = MemberFormDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    return dialog


def test_an_unusual_age_is_asked_about_and_going_back_saves_nothing(
    qtbot: QtBot, ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    prompts.answer = False  # "Quay lại"
    dialog = _form(qtbot, ws, prompts)
    dialog.set_value("full_name", "Trần Văn Bảy")
    dialog.set_value("birth_date", OLD_BIRTH)
    dialog.tabs.setCurrentIndex(3)
    dialog.save_button.click()
    assert prompts.asked == [f"{OVER_AGE}\n\nVẫn lưu hồ sơ này?"]
    assert prompts.buttons == [("Vẫn lưu", "Quay lại")]
    assert dialog.saved_id is None and ws.members.count() == 0
    assert dialog.tabs.currentIndex() == 0  # back at the birth date
    assert dialog.errors.messages() == {}  # a warning, not an error

    prompts.answer = True  # "Vẫn lưu"
    dialog.save_button.click()
    assert len(prompts.asked) == 2
    assert dialog.saved_id is not None
    fields = ws.members.get(dialog.saved_id).fields
    assert (fields.full_name, fields.status) == ("Trần Văn Bảy", "active")


def test_errors_are_shown_before_any_question(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    dialog = _form(qtbot, ws, prompts)
    dialog.set_value("full_name", "Trần Văn Bảy")
    dialog.set_value("birth_date", OLD_BIRTH)
    dialog.set_value("phone", "12")
    dialog.save_button.click()
    assert prompts.asked == []
    assert list(dialog.errors.messages()) == ["phone"]
    assert ws.members.count() == 0


def test_an_edit_asks_only_about_what_was_changed(qtbot: QtBot, ws: Workspace) -> None:
    bay = ws.members.save({"full_name": "Trần Văn Bảy", "birth_date": OLD_BIRTH})
    prompts = ScriptedPrompts()
    prompts.answer = False
    dialog = _form(qtbot, ws, prompts, bay)
    dialog.set_value("phone", "0912345678")
    dialog.save_button.click()
    assert prompts.asked == []  # the age was known: saving the phone asks nothing
    assert ws.members.get(bay).fields.phone == "0912345678"

    dialog = _form(qtbot, ws, prompts, bay)
    dialog.set_value("birth_date", f"06/03/{YEAR - 35}")
    dialog.save_button.click()
    assert prompts.asked == [f"{OVER_AGE}\n\nVẫn lưu hồ sơ này?"]
    assert ws.members.get(bay).fields.birth_date == date(YEAR - 35, 3, 5)  # went back


def test_the_add_form_points_to_what_exists(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    add = _form(qtbot, ws, prompts)
    tabs = [add.tabs.tabText(i) for i in range(add.tabs.count())]
    assert "&Quá trình" not in tabs
    hints = [label.text() for label in add.findChildren(QLabel)]
    assert NEW_STATUS_HINT in hints and STATUS_HINT not in hints
    assert NEW_STATUS_HINT == (
        "Trạng thái thay đổi qua các sự kiện, ghi ở tab “Quá trình” khi sửa hồ sơ đã lưu."
    )
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    edit = _form(qtbot, ws, prompts, an)
    assert STATUS_HINT in [label.text() for label in edit.findChildren(QLabel)]
    assert "&Quá trình" in [edit.tabs.tabText(i) for i in range(edit.tabs.count())]


def test_education_is_named_as_the_import_and_statistics_name_it(
    qtbot: QtBot, ws: Workspace
) -> None:
    dialog = _form(qtbot, ws, ScriptedPrompts())
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Trình độ văn hóa" in labels and "Trình độ học vấn" not in labels
    editor = dialog.editors["education"]
    assert any(
        label.buddy() is editor and label.text() == "Trình độ văn hóa"
        for label in dialog.findChildren(QLabel)
    )


CCCD_SAYS_MALE_2006 = (
    "Số CCCD cho biết nam, sinh năm 2006: khác với giới tính hoặc năm sinh đã nhập. "
    "Hãy kiểm tra lại.\n\nVẫn lưu hồ sơ này?"
)


def test_a_cccd_that_contradicts_gender_or_birth_year_is_asked_about(
    qtbot: QtBot, ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    prompts.answer = False  # "Quay lại"
    dialog = _form(qtbot, ws, prompts)
    dialog.set_value("full_name", "Lê Thị Hoa")
    dialog.set_value("birth_date", "02/04/2005")
    dialog.set_value("gender", "female")
    dialog.set_value("national_id", "096206123456")
    dialog.tabs.setCurrentIndex(3)
    dialog.save_button.click()
    assert prompts.asked == [CCCD_SAYS_MALE_2006]
    assert dialog.saved_id is None and ws.members.count() == 0
    assert dialog.tabs.currentIndex() == 0  # back at the CCCD
    assert dialog.focusWidget() is dialog.editors["national_id"]

    prompts.answer = True  # "Vẫn lưu": the register may hold the typo in either field
    dialog.save_button.click()
    assert dialog.saved_id is not None
    assert ws.members.get(dialog.saved_id).fields.national_id == "096206123456"


def test_an_edit_of_the_gender_alone_asks_about_the_cccd(qtbot: QtBot, ws: Workspace) -> None:
    hoa = ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "02/04/2006",
                           "gender": "Nam", "national_id": "096206123456"})  # fmt: skip
    prompts = ScriptedPrompts()
    prompts.answer = False
    dialog = _form(qtbot, ws, prompts, hoa)
    dialog.set_value("phone", "0912345678")
    dialog.save_button.click()
    assert prompts.asked == []  # in agreement

    dialog = _form(qtbot, ws, prompts, hoa)
    dialog.set_value("gender", "female")
    dialog.save_button.click()
    assert prompts.asked == [CCCD_SAYS_MALE_2006]
    assert ws.members.get(hoa).fields.gender == "male"  # went back
