"""The youth form's line edits stop typing at their column's length (``storage.lengths``), while
a longer text an older version stored loads whole and is refused only once typed again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from scripted import ScriptedPrompts, synchronous_core


def _line(dialog: YouthFormDialog, name: str) -> QLineEdit:
    editor = dialog.editors[name]
    assert isinstance(editor, QLineEdit)
    return editor


def test_typing_stops_at_the_column_s_length(qtbot: QtBot, youth_ws: Workspace) -> None:
    """Họ và tên takes 100 characters, a phone typed with its signs is left whole (stored as its
    digits)."""
    dialog = YouthFormDialog(synchronous_core(youth_ws, ScriptedPrompts()), None)
    qtbot.addWidget(dialog)
    name = _line(dialog, "full_name")
    qtbot.keyClicks(name, "Nguyen Thi " * 10)  # 110 characters
    assert name.text() == ("Nguyen Thi " * 10)[:100]
    phone = _line(dialog, "phone")
    qtbot.keyClicks(phone, "+84 (0) 912 . 345 . 678")
    assert phone.text() == "+84 (0) 912 . 345 . 678"


def test_a_longer_address_stored_by_an_older_version_loads_whole(
    qtbot: QtBot, youth_ws: Workspace
) -> None:
    youth_id = next(r.id for r in youth_ws.youth.list() if r.full_name == "Lê Văn An")
    long_text = "Tổ 3, " * 51 + "ấp 1"  # 310 characters, over the 300 its column takes
    with youth_ws.db.transaction() as session:  # as the older version wrote it: past any check
        session.connection().exec_driver_sql(
            "UPDATE youths SET address = ? WHERE id = ?", (long_text, youth_id)
        )
    core = synchronous_core(youth_ws, ScriptedPrompts())
    dialog = YouthFormDialog(core, read_youth(youth_ws, youth_id))
    qtbot.addWidget(dialog)
    address = _line(dialog, "address")
    assert address.text() == long_text
    address.end(False)
    qtbot.keyClicks(address, "x")
    assert address.text() == long_text
    dialog.set_value("occupation", "Thợ hồ")  # the rest saved, the address as it was
    dialog.save_button.click()
    assert dialog.saved_id == youth_id
    saved = youth_ws.youth.get(youth_id).fields
    assert (saved.occupation, saved.address) == ("Thợ hồ", long_text)

    dialog = YouthFormDialog(core, read_youth(youth_ws, youth_id))
    qtbot.addWidget(dialog)
    address = _line(dialog, "address")
    address.home(False)
    qtbot.keyClick(address, Qt.Key.Key_Delete)  # typed again: 309 characters
    dialog.save_button.click()
    assert dialog.errors.messages() == {"address": "Địa chỉ dài 309 ký tự, quá 300 ký tự cho phép."}
    assert youth_ws.youth.get(youth_id).fields.address == long_text
