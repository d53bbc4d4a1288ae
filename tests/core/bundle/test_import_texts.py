"""A text of a crafted bundle holds what the app, this version or an older one, may have stored:
no NUL or other control character (a multi-line field keeps its line breaks and tabs), no lone
surrogate, no more characters than a one-line field takes (32,767; a full name 100 and an
activity's title 500, as their forms have long taken), nor, in a multi-line field (a note, the
content of a plan or of minutes), than 100,000. Any other is refused in Vietnamese, naming the row
and the column, and the installation is left as it was, in the dry run as in the import. A text
longer than its column declares (``String(300)``) but stored by an older version, which took any
length there, is carried as it is: the forms now refuse it only when it is typed again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bundle_crafting import build, manifest_of, matching_manifest
from doancoso.core.activities.fields import parse_activity
from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace
from hostile_bundles import NOT_WRITTEN, Sources, make_sources, refused_both_ways, spoiled

PERSON = {"full_name": "Lê Thị Hoa", "birth_date": "2000-02-29", "birth_precision": "day"}
MEMBER = "bảng “Đoàn viên” (members), dòng của Lê Thị Hoa (sinh 29/02/2000)"
YOUTH = "bảng “Thanh niên” (youths), dòng của Lê Thị Hoa (sinh 29/02/2000)"
LONG_NAME = " ".join(["Nguyễn"] * 15)  # 104 characters
LONG_TITLE = "Hội trại " + "x" * 492  # 501 characters
LONG_HOMETOWN = "Ấp " + "x" * 298  # 301 characters: its column is String(300)
LONG_BRANCH = "Chi đoàn " + "x" * 192  # 201 characters: its column is String(200)
REMADE = " (hãy sửa trên máy đã tạo tệp rồi tạo lại tệp)"
CASES: dict[str, tuple[str, dict[str, Any], str]] = {
    "nul-in-a-name": (
        "members",
        {**PERSON, "full_name": "Lê Thị \x00Hoa"},
        f"{MEMBER}: “Họ và tên” chứa ký tự điều khiển U+0000, không được phép",
    ),
    "nul-in-an-id": (
        "members",
        {**PERSON, "id": "0\x00"},
        f"{MEMBER}: cột “id” chứa ký tự điều khiển U+0000, không được phép",
    ),
    "nul-in-how-the-birth-date-is-written": (
        "members",
        {**PERSON, "birth_precision": "day\x00"},
        f"{MEMBER}: “Cách ghi ngày sinh” chứa ký tự điều khiển U+0000, không được phép",
    ),
    "line-break-in-a-one-line-field": (
        "members",
        {**PERSON, "hometown": "Xã An Bình\nTỉnh Đồng Tháp"},
        f"{MEMBER}: “Quê quán” chứa ký tự điều khiển U+000A, không được phép",
    ),
    "bell-in-a-note": (
        "youths",
        {**PERSON, "notes": "Hoàn cảnh khó khăn\n\x07"},
        f"{YOUTH}: “Ghi chú” chứa ký tự điều khiển U+0007, không được phép",
    ),
    "full-name-over-the-forms-limit": (
        "members",
        {**PERSON, "full_name": LONG_NAME},
        f"bảng “Đoàn viên” (members), dòng của {LONG_NAME[:59]}… (sinh 29/02/2000): "
        f"“Họ và tên” dài 104 ký tự, quá 100 ký tự cho phép{REMADE}",
    ),
    "young-persons-name-over-the-limit": (
        "youths",
        {**PERSON, "full_name": LONG_NAME},
        f"bảng “Thanh niên” (youths), dòng của {LONG_NAME[:59]}… (sinh 29/02/2000): "
        f"“Họ và tên” dài 104 ký tự, quá 100 ký tự cho phép{REMADE}",
    ),
    "activity-title-over-the-forms-limit": (
        "activities",
        {"title": LONG_TITLE},
        f"bảng “Hoạt động” (activities), dòng “{LONG_TITLE[:59]}…”: “Tiêu đề” "
        f"dài 501 ký tự, quá 500 ký tự cho phép{REMADE}",
    ),
    "one-line-field-of-100000-letters": (
        "members",
        {**PERSON, "occupation": "a" * 100_000},
        f"{MEMBER}: “Nghề nghiệp” dài 100.000 ký tự, quá 32.767 ký tự cho phép{REMADE}",
    ),
    "chi-doan-name-of-32768-letters": (
        "branches",
        {"name": "Chi đoàn " + "x" * 32_759},
        f"bảng “Chi đoàn” (branches), dòng của chi đoàn “Chi đoàn {'x' * 50}…”: “Tên” "
        f"dài 32.768 ký tự, quá 32.767 ký tự cho phép{REMADE}",
    ),
    "note-over-the-limit-of-notes": (
        "youths",
        {**PERSON, "notes": "Hoàn cảnh khó khăn.\n" * 5_000 + "x"},  # 100,001 characters
        f"{YOUTH}: “Ghi chú” dài 100.001 ký tự, quá 100.000 ký tự cho phép{REMADE}",
    ),
    "activity-note-over-the-limit-of-notes": (
        "activities",
        {"title": "Hội trại 26/3", "notes": "Nội dung." * 11_112},  # 100,008 characters
        "bảng “Hoạt động” (activities), dòng “Hội trại 26/3”: “Ghi chú” dài "
        f"100.008 ký tự, quá 100.000 ký tự cho phép{REMADE}",
    ),
}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return make_sources(tmp_path_factory.mktemp("texts"))


@pytest.mark.parametrize("case", list(CASES))
def test_a_text_the_forms_would_not_store_is_refused(
    sources: Sources, tmp_path: Path, case: str
) -> None:
    table, change, where_what = CASES[case]
    assert refused_both_ways(*spoiled(sources, tmp_path, table, change)) == (
        f"Tệp dữ liệu có dòng không hợp lệ ở {where_what}. {NOT_WRITTEN}"
    )


def test_a_note_keeps_its_line_breaks_and_tabs(sources: Sources, tmp_path: Path) -> None:
    note = "Hoàn cảnh khó khăn:\n\tmẹ ốm\n\tnhà dột"
    name = "N" * 100  # the longest full name the forms take
    _, bundle = spoiled(sources, tmp_path, "youths", {"notes": note, "full_name": name})
    youth_id = json.loads(sources.real["data/youths.jsonl"].splitlines()[0])["id"]
    with Workspace.open(tmp_path / "moi") as fresh:
        fresh.bundles.apply(bundle, None)
    conn = sqlite3.connect(tmp_path / "moi" / "doancoso.sqlite")
    try:
        stored = conn.execute(
            "SELECT notes, full_name FROM youths WHERE id = ?", (youth_id,)
        ).fetchone()
    finally:
        conn.close()
    assert stored == (note, name)


def test_a_text_an_older_version_stored_over_its_column_is_carried_as_it_is(
    sources: Sources, tmp_path: Path
) -> None:
    """A Quê quán of 301 characters (its column: ``String(300)``) and a chi đoàn's name of 201
    (``String(200)``), as an older version stored them before the forms checked the lengths:
    the successor's copy takes them as they are, not the handover refused."""
    _, bundle = spoiled(sources, tmp_path, "members", {**PERSON, "hometown": LONG_HOMETOWN})
    member_id = json.loads(sources.real["data/members.jsonl"].splitlines()[0])["id"]
    with Workspace.open(tmp_path / "moi") as fresh:
        fresh.bundles.apply(bundle, None)
    _, branch_bundle = spoiled(sources, tmp_path / "b", "branches", {"name": LONG_BRANCH})
    branch_id = json.loads(sources.real["data/branches.jsonl"].splitlines()[0])["id"]
    with Workspace.open(tmp_path / "moi2") as fresh:
        fresh.bundles.apply(branch_bundle, None)
    conn = sqlite3.connect(tmp_path / "moi" / "doancoso.sqlite")
    conn2 = sqlite3.connect(tmp_path / "moi2" / "doancoso.sqlite")
    try:
        hometown = conn.execute("SELECT hometown FROM members WHERE id = ?", (member_id,))
        branch = conn2.execute("SELECT name FROM branches WHERE id = ?", (branch_id,))
        assert (hometown.fetchone(), branch.fetchone()) == ((LONG_HOMETOWN,), (LONG_BRANCH,))
    finally:
        conn.close()
        conn2.close()


def test_a_lone_surrogate_is_refused(sources: Sources, tmp_path: Path) -> None:
    """JSON can say "\\ud800" (half of a pair, no character): SQLite could not store it."""
    receiver = tmp_path / "receiver"
    shutil.copytree(sources.receiver, receiver)
    rows = [json.loads(line) for line in sources.real["data/members.jsonl"].splitlines()]
    rows[0].update(PERSON, notes="Ghi chú \ud800")
    members = dict(sources.real)
    members["data/members.jsonl"] = b"".join(json.dumps(row).encode() + b"\n" for row in rows)
    members["manifest.json"] = json.dumps(
        matching_manifest(members, manifest_of(sources.real)), ensure_ascii=False
    ).encode()
    stick = tmp_path / "usb"
    stick.mkdir()
    bundle = build(stick / "b.dcs", members)
    assert refused_both_ways(receiver, bundle) == (
        f"Tệp dữ liệu có dòng không hợp lệ ở {MEMBER}: “Ghi chú” chứa ký tự "
        f"không hợp lệ U+D800, không được phép. {NOT_WRITTEN}"
    )


def test_an_activity_title_is_taken_up_to_the_length_the_activity_form_takes() -> None:
    """The bundle refuses a title of 501 characters (above) as the activity form does, and
    the form takes the 500 a bundle may carry."""
    kinds = {"khac": "Khác"}
    raw = {"kind": "khac", "start_date": "26/03/2027"}
    with pytest.raises(ValidationError) as refused:
        parse_activity({**raw, "title": LONG_TITLE}, kinds)
    assert refused.value.field_errors == {"title": "Tên hoạt động dài quá 500 ký tự."}
    assert parse_activity({**raw, "title": LONG_TITLE[:500]}, kinds).title == LONG_TITLE[:500]
