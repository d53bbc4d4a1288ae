"""A member who left (transferred out, came of age, struck off, expelled) holds no post any
more: the roster table, its sort and the printed list show no position for them, while their
record keeps the stored one, which their history names on the event that took them off."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.reports.roster import print_roster
from doancoso.ui.lifecycle.timeline import TimelineWidget
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.roster.member_table import MemberTableModel
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

EVERYONE = MemberFilter(statuses=("active", "temporary", "transferred_out", "matured", "removed"))
COL_POSITION = 5


def _members(ws: Workspace, add_member: AddMember) -> dict[str, str]:
    branch = "Chi đoàn ấp Tân Phú"
    ids = {
        "an": add_member("Nguyễn Văn An", "01/01/2000", branch, position="Bí thư"),
        "binh": add_member("Trần Văn Bình", "02/02/2001", branch, position="Phó Bí thư"),
        "cuong": add_member("Lê Văn Cường", "03/03/1990", branch, position="Ủy viên BCH"),
        "dung": add_member("Phạm Văn Dũng", "04/04/2002", branch, position="Bí thư"),
    }
    ws.events.record(ids["an"], "transfer_out", "15/03/2025", other_organization="Đoàn phường 5")
    ws.events.record(ids["cuong"], "matured", "10/01/2025")
    return ids


def test_the_roster_shows_no_post_for_a_member_who_left_and_keeps_the_stored_one(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    ids = _members(ws, add_member)
    model = MemberTableModel(ws.members)
    model.set_filter(EVERYONE)
    shown = {
        model.data(model.index(row, 1)): model.data(model.index(row, COL_POSITION))
        for row in range(model.rowCount())
    }
    assert shown == {
        "Nguyễn Văn An": "",
        "Trần Văn Bình": "Phó Bí thư",
        "Lê Văn Cường": "",
        "Phạm Văn Dũng": "Bí thư",
    }
    assert ws.members.get(ids["an"]).fields.position == "Bí thư"  # the record keeps it
    assert ws.members.get(ids["cuong"]).fields.position == "Ủy viên BCH"
    # Sorted by position as shown: those who left with the members of no post, at the end.
    model.sort(COL_POSITION)
    names = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert names[:2] == ["Phạm Văn Dũng", "Trần Văn Bình"]
    assert set(names[2:]) == {"Nguyễn Văn An", "Lê Văn Cường"}


def test_the_printed_list_shows_no_post_for_a_member_who_left(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    _members(ws, add_member)
    path = print_roster(ws, tmp_path / "ds.pdf", EVERYONE)
    text = " ".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Nguyễn Văn An" in text and "Đã chuyển sinh hoạt" in text
    # Dũng's "Bí thư" and Bình's "Phó Bí thư"; none for An (transferred out) nor for Cường
    # (came of age).
    assert text.count("Bí thư") == 2
    assert "Ủy viên BCH" not in text


def test_the_history_names_the_post_held_until_the_member_left(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _members(ws, add_member)
    rows = {}
    for key in ("an", "cuong", "binh"):
        timeline = TimelineWidget(synchronous_core(ws, prompts), ids[key])
        qtbot.addWidget(timeline)
        rows[key] = timeline.rows()
    assert rows["an"] == [(
        "15/03/2025", "Chuyển sinh hoạt đi", "",
        "Chức vụ trước khi chuyển sinh hoạt: Bí thư\nChuyển đi đến: Đoàn phường 5",
        "Đã chuyển sinh hoạt",
    )]  # fmt: skip
    assert rows["cuong"][0][3] == "Chức vụ trước khi trưởng thành Đoàn: Ủy viên BCH"
    assert rows["binh"] == []
    # Back on the roster: the post was vacated when she left; she holds none until given one
    # (not the chi đoàn's Bí thư again), and the history no longer names it.
    ws.events.record(ids["an"], "transfer_in", "01/06/2025", other_organization="Đoàn phường 5")
    timeline = TimelineWidget(synchronous_core(ws, prompts), ids["an"])
    qtbot.addWidget(timeline)
    assert [row[3] for row in timeline.rows()] == [
        "Chuyển đi đến: Đoàn phường 5", "Chuyển đến từ: Đoàn phường 5",
    ]  # fmt: skip
    assert ws.members.rows([ids["an"]])[0].held_position == ""


def test_the_read_only_form_says_the_post_is_no_longer_held(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _members(ws, add_member)
    forms = {}
    for key in ("an", "binh"):
        forms[key] = MemberFormDialog(synchronous_core(ws, prompts), ids[key])
        qtbot.addWidget(forms[key])
    an, binh = forms["an"], forms["binh"]
    assert an.raw()["position"] == "Bí thư"  # the stored value, shown read-only
    assert not an.position_hint.isHidden()
    assert an.position_hint.text() == "Chức vụ trước đây, nay không còn giữ (danh sách để trống)."
    assert binh.position_hint.isHidden()  # on the roster: holds the post
