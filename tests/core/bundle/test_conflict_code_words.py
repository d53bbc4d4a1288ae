"""A field the forms fill from a fixed list is stored as a code ("female", "year", "active"); a
conflict shows it as the forms show it ("Nữ", "chỉ biết năm sinh"), in the import wizard and on
the command line alike, never the code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bundle_sync import edit
from doancoso.core.bundle.labels import field_value_text
from doancoso.core.workspace import Workspace


def test_a_conflict_shows_a_gender_and_a_birth_date_as_written_in_words(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    born = home.members.get(member_id).fields.birth_date
    edit(home, member_id, gender="Nữ", birth_date=f"{born:%Y}")
    edit(away, member_id, gender="Nam", birth_date=f"{born + dt.timedelta(days=1):%d/%m/%Y}")
    bundle = home.bundles.export(tmp_path / "that.dcs", password=None).path

    [conflict] = away.bundles.preview(bundle, None).conflicts

    shown = {
        f.label: (
            field_value_text(conflict.table, f.name, f.mine, conflict.names),
            field_value_text(conflict.table, f.name, f.theirs, conflict.names),
        )
        for f in conflict.fields
    }
    assert shown == {
        "Giới tính": ("Nam", "Nữ"),
        "Ngày sinh": (f"{born + dt.timedelta(days=1):%d/%m/%Y}", f"{born:%Y}"),
    }


def test_each_code_of_a_fixed_list_is_shown_in_words() -> None:
    assert field_value_text("members", "status", "transferred_out") == "Đã chuyển sinh hoạt"
    assert field_value_text("members", "book_status", "held") == "Chi đoàn đang giữ"
    assert field_value_text("youths", "gender", "male") == "Nam"
    assert field_value_text("occurrences", "status", "hoan") == "Hoãn"
    assert field_value_text("checklist_answers", "status", "chua-dat") == "Chưa đạt"
    assert field_value_text("members", "gender", None) == "(trống)"
    assert field_value_text("members", "position", "active") == "active"  # free text


def test_the_codes_of_histories_attendance_plans_and_ratings_are_shown_in_words() -> None:
    assert field_value_text("attendance", "state", "excused") == "Vắng có phép"
    assert field_value_text("attendance", "state", "absent") == "Vắng không phép"
    assert field_value_text("member_events", "kind", "transfer_out") == "Chuyển sinh hoạt đi"
    assert field_value_text("member_events", "discipline_level", "warning") == "Cảnh cáo"
    assert field_value_text("plans", "registration_state", "da-gui") == "Đã gửi"
    assert field_value_text("ratings", "training_result", "khong-dat") == "Không đạt"
    assert field_value_text("ratings", "decided_level", 2) == "Hoàn thành tốt nhiệm vụ"
    assert field_value_text("ratings", "proposed_level", 1) == "Hoàn thành xuất sắc nhiệm vụ"
    assert field_value_text("ratings", "self_level", 4) == "Không hoàn thành nhiệm vụ"
    assert field_value_text("branch_ratings", "level", 3) == "Hoàn thành nhiệm vụ"
    assert field_value_text("rating_rounds", "own_level", 1) == "Hoàn thành xuất sắc nhiệm vụ"
    assert field_value_text("ratings", "decided_level", None) == "(trống)"
    assert field_value_text("activity_kinds", "kind", "transfer_out") == "transfer_out"
    assert field_value_text("plan_targets", "planned", 2) == "2"  # a number, not a level
