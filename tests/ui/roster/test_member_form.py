"""The member form: messages next to fields, nothing saved until valid, editing round-trips."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.shell.prompts import Prompts
from scripted import ScriptedPrompts, synchronous_core


def _form(
    qtbot: QtBot, ws: Workspace, member_id: str | None = None, prompts: Prompts | None = None
) -> MemberFormDialog:
    dialog = MemberFormDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    return dialog


def test_invalid_input_shows_each_message_and_saves_nothing(qtbot: QtBot, ws: Workspace) -> None:
    ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "01/01/2000",
                     "national_id": "096201000001"})  # fmt: skip
    before = ws.members.count()
    dialog = _form(qtbot, ws)
    dialog.set_value("birth_date", "31/02/2001")
    dialog.set_value("national_id", "123")
    dialog.set_value("phone", "12")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "full_name": "Cần nhập họ và tên.",
        "birth_date": "Ngày 31/02/2001 không có trên lịch.",
        "national_id": "Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số).",
        "phone": "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).",
    }
    assert dialog.tabs.currentIndex() == 0  # the first invalid field's tab
    assert dialog.saved_id is None
    assert ws.members.count() == before

    dialog.set_value("full_name", "nguyễn văn an")
    dialog.set_value("birth_date", "05/03/2001")
    dialog.set_value("national_id", "096201000001")  # Bình's
    dialog.set_value("phone", "0912345678")
    dialog.set_value("admission_date", "05/03/2014")  # aged 13, under today's rules
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "national_id": "Số CCCD này đã dùng cho đoàn viên Trần Văn Bình.",
        "admission_date": (
            "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
            "sinh 05/03/2001, vào Đoàn 05/03/2014."
        ),
    }
    assert ws.members.count() == before


def test_admission_error_brings_its_tab_forward(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _form(qtbot, ws)
    dialog.set_value("full_name", "Lê Thị Hoa")
    dialog.set_value("birth_date", "05/03/2001")
    dialog.set_value("admission_date", "05/03/2014")
    dialog.save_button.click()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Đ&oàn – Đảng (!)"
    assert dialog.tabs.tabText(0) == "&Thông tin chung"
    dialog.set_value("admission_date", "05/03/2019")
    dialog.save_button.click()
    assert dialog.tabs.tabText(3) == "Đ&oàn – Đảng"
    assert dialog.saved_id is not None


def test_age_messages_follow_the_birth_date_as_it_is_corrected(qtbot: QtBot, ws: Workspace) -> None:
    year = date.today().year  # dates in the past whatever the day, ages fixed
    dialog = _form(qtbot, ws)
    dialog.set_value("full_name", "Lê Văn Tám")
    dialog.set_value("birth_date", f"15/08/{year - 12}")
    dialog.set_value("admission_date", f"01/01/{year}")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "birth_date": f"Chưa đủ tuổi vào Đoàn: sinh 15/08/{year - 12}, đủ 15 tuổi + 1 ngày "
        f"vào 16/08/{year + 3}.",
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        f"sinh 15/08/{year - 12}, vào Đoàn 01/01/{year}.",
    }
    assert [dialog.tabs.tabText(i) for i in (0, 3)] == ["&Thông tin chung (!)", "Đ&oàn – Đảng (!)"]

    dialog.set_value("birth_date", f"15/08/{year - 13}")  # still too young: both say so anew
    assert dialog.errors.messages() == {
        "birth_date": f"Chưa đủ tuổi vào Đoàn: sinh 15/08/{year - 13}, đủ 15 tuổi + 1 ngày "
        f"vào 16/08/{year + 2}.",
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        f"sinh 15/08/{year - 13}, vào Đoàn 01/01/{year}.",
    }
    dialog.set_value("birth_date", f"15/08/{year - 18}")  # admitted at 17
    assert dialog.errors.messages() == {}
    assert [dialog.tabs.tabText(i) for i in (0, 3)] == ["&Thông tin chung", "Đ&oàn – Đảng"]
    dialog.save_button.click()
    assert dialog.saved_id is not None


def test_a_message_the_database_gives_stays_when_the_birth_date_changes(
    qtbot: QtBot, ws: Workspace
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    ws.events.record(an, "admission", "26/03/2017")
    dialog = _form(qtbot, ws, an)
    dialog.set_value("admission_date", "26/03/2018")
    dialog.save_button.click()
    decided = (
        "Ngày vào Đoàn theo quyết định kết nạp là 26/03/2017: muốn sửa, hãy sửa sự kiện trong "
        "tab “Quá trình”."
    )
    assert dialog.errors.messages() == {"admission_date": decided}
    dialog.set_value("birth_date", "02/01/2000")
    assert dialog.errors.messages() == {"admission_date": decided}  # the event still decides
    assert dialog.tabs.tabText(3) == "Đ&oàn – Đảng (!)"
    dialog.set_value("admission_date", "26/03/2017")
    assert dialog.errors.messages() == {}
    assert dialog.tabs.tabText(3) == "Đ&oàn – Đảng"


def test_valid_input_saves_and_editing_round_trips(qtbot: QtBot, ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Phú")
    values = {
        "full_name": "Nguyễn Thị Như Quỳnh",
        "other_name": "Quỳnh",
        "birth_date": "05/03/2001",
        "gender": "female",
        "ethnicity": "Kinh",
        "religion": "Không",
        "national_id": "096301000123",
        "national_id_date": "10/05/2021",
        "national_id_place": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "hometown": "Tân Hưng, Cái Nước, Cà Mau",
        "address_hamlet": "Ấp Tân Phú",
        "address_commune": "Tân Hưng",
        "address_province": "Cà Mau",
        "phone": "0912345678",
        "email": "nhuquynh@gmail.com",
        "occupation": "Giáo viên",
        "education": "12/12",
        "qualification": "Đại học",
        "political_theory": "Sơ cấp",
        "foreign_language": "Tiếng Anh B1",
        "computer_skills": "Cơ bản",
        "member_code": "1234567",
        "branch_id": branch.id,
        "position": "Phó Bí thư",
        "status": "temporary",
        "admission_date": "26/03/2017",
        "admission_place": "Chi đoàn ấp Tân Phú",
        "admission_decision": "12-NQ/ĐTN",
        "card_number": "TĐV-0123",
        "book_number": "SĐV-45",
        "book_status": "held",
        "party_date": "19/05/2023",
        "association": "Hội Liên hiệp Thanh niên Việt Nam",
        "father_name": "Nguyễn Văn Hùng",
        "father_birth_year": "1975",
        "father_occupation": "Làm ruộng",
        "mother_name": "Lê Thị Lan",
        "mother_birth_year": "1978",
        "mother_occupation": "Nội trợ",
        "notes": "Dòng một\nDòng hai",
    }
    dialog = _form(qtbot, ws)
    for name, value in values.items():
        dialog.set_value(name, value)
    dialog.save_button.click()
    assert dialog.errors.messages() == {}
    assert dialog.saved_id is not None
    assert ws.members.count() == 1

    edit = _form(qtbot, ws, dialog.saved_id)
    assert edit.raw() == values
    assert not edit.is_modified
    edit.set_value("birth_date", "2001")  # only the year known
    edit.save_button.click()
    record = ws.members.get(dialog.saved_id)
    assert record.fields.birth_precision == "year"
    again = _form(qtbot, ws, dialog.saved_id)
    assert again.raw()["birth_date"] == "2001"


def test_escape_asks_before_discarding_changes(qtbot: QtBot, ws: Workspace, prompts) -> None:
    dialog = _form(qtbot, ws, prompts=prompts)
    dialog.reject()  # unchanged: closes without asking
    assert prompts.asked == []
    dialog = _form(qtbot, ws, prompts=prompts)
    dialog.set_value("full_name", "Lê Văn Tám")
    prompts.answer = False
    with qtbot.assert_not_emitted(dialog.rejected):
        dialog.reject()
    assert prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    prompts.answer = True
    with qtbot.wait_signal(dialog.rejected, timeout=1000):
        dialog.reject()
    assert ws.members.count() == 0


def test_editing_keeps_the_status_the_events_gave(qtbot: QtBot, ws: Workspace) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    ws.events.record(an, "temporary", "01/02/2025", home_organization="Đoàn xã Khánh An")
    dialog = _form(qtbot, ws, an)
    assert not dialog.editors["status"].isEnabled()
    dialog.set_value("status", "active")  # even if the shown status were changed somehow
    dialog.set_value("phone", "0912345678")
    dialog.save_button.click()
    assert dialog.saved_id == an
    fields = ws.members.get(an).fields
    assert (fields.status, fields.phone) == ("temporary", "0912345678")


def test_a_member_who_left_while_the_form_was_open_is_not_saved(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    dialog = _form(qtbot, ws, an, prompts)
    assert not dialog.read_only
    ws.events.record(an, "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")
    dialog.set_value("phone", "0912345678")
    dialog.save_button.click()
    assert prompts.errors == [
        "Hồ sơ đoàn viên Nguyễn Văn An chỉ để xem (đã chuyển sinh hoạt đi): không sửa được."
    ]
    assert dialog.saved_id is None
    fields = ws.members.get(an).fields
    assert (fields.status, fields.phone) == ("transferred_out", None)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_after_a_refused_save_saves_again(qtbot: QtBot, ws: Workspace) -> None:
    """The Save button clicked (so holding the focus) while the save runs, then refused: Enter
    still means Save, not Cancel (which would ask to throw the typed text away)."""
    prompts = ScriptedPrompts()
    dialog = _form(qtbot, ws, prompts=prompts)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.set_value("full_name", "Phạm Văn Đồng")
    dialog.save_button.setFocus()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.message("birth_date") == "Cần nhập ngày sinh."
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()
    dialog.set_value("birth_date", "02/09/2000")
    focused = dialog.focusWidget()
    assert focused is not None and focused is not dialog.cancel_button
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert prompts.asked == []  # no "Bỏ thay đổi?"
    assert dialog.saved_id is not None and ws.members.count() == 1


def test_the_admission_decision_follows_the_event_recorded(qtbot: QtBot, ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "05/03/2000"})
    dialog = _form(qtbot, ws, member_id)
    assert dialog.raw()["admission_decision"] == ""
    ws.events.record(member_id, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Đoàn xã Tân Hưng")
    assert dialog.timeline is not None
    dialog.timeline.changed.emit()  # as the "Quá trình" tab says after recording it
    assert dialog.raw()["admission_decision"] == "40-QĐ/ĐTN"
    assert dialog.raw()["admission_place"] == "Đoàn xã Tân Hưng"
    assert not dialog.is_modified


def test_a_month_and_year_for_the_birth_date_says_what_to_type(qtbot: QtBot, ws: Workspace) -> None:
    """The field's hint takes a year alone: "12/2005" is told the whole date or the year."""
    dialog = _form(qtbot, ws)
    dialog.set_value("full_name", "Nguyễn Văn An")
    dialog.set_value("birth_date", "12/2005")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "birth_date": "Nhập đủ ngày/tháng/năm (ví dụ 01/12/2005) hoặc chỉ năm sinh (2005)."
    }
    assert dialog.saved_id is None and ws.members.count() == 0
