"""A handover carries the organisation's own setup (#17, "Handover ... settings and rules carried"):
criteria templates imported from a province's file, activity kinds of its own, its settings (the
evidence size limit, the plan registration deadline) and its rating rules, each made through the
app's services, one of each replaced or deleted since (a tombstone travels too). Exported as an
encrypted file and imported into a fresh folder, every row of those tables is equal, column for
column, and the receiving copy works with them: a new year's checklist from the carried template
has the same criteria and items, an activity takes the carried kind, a new rating round opens
with the carried rules, a file over the carried size limit is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_state import database_rows
from doancoso.core.activities.service import ActivityRecord
from doancoso.core.errors import ImportFileError
from doancoso.core.plans.registration import Deadline
from doancoso.core.recognition.template import default_template, read_template_file
from doancoso.core.workspace import Workspace

PASSWORD = "Bàn giao cả bộ tiêu chí 2026"
CA_MAU = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
OLD_CA_MAU_POINTS = 5
SETUP_TABLES = ("criteria_templates", "activity_kinds", "settings")


def _province_file(tmp_path: Path, name: str, points: float, text: str) -> Path:
    """A province's criteria file: the default's criteria, points on the items, one item
    renamed, as a Tỉnh đoàn sends it."""
    data = json.loads(default_template().text)
    data.update({"name": name, "province": "Cà Mau", "source": "Hướng dẫn 05-HD/TĐTN"})
    for criterion in data["criteria"]:
        for item in criterion["items"]:
            item["points"] = points
    data["criteria"][0]["items"][0]["text"] = text
    path = tmp_path / f"tieu-chi-{points}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _own_setup(home: Workspace, tmp_path: Path) -> dict[str, str]:
    """The organisation's own templates, kinds, settings and rules, through its services;
    returns the codes of the kinds kept."""
    old = read_template_file(
        _province_file(tmp_path, CA_MAU, OLD_CA_MAU_POINTS, "Nội dung cũ của tỉnh")
    )
    home.recognition.add_template(old)
    home.recognition.add_template(  # the province's new edition: the first one a tombstone
        read_template_file(_province_file(tmp_path, CA_MAU, 10, "Sinh hoạt chi đoàn định kỳ"))
    )
    home.recognition.add_template(
        read_template_file(_province_file(tmp_path, "Bộ tiêu chí khối trường học", 2.5, "Dạy"))
    )
    kinds = {
        name: home.activities.add_kind(name)
        for name in ("Lao động sản xuất", "Hiến máu tình nguyện", "Bỏ đi")
    }
    home.activities.delete_kind(kinds.pop("Bỏ đi"))
    home.activities.save(
        {"title": "Giúp dân thu hoạch lúa", "kind": "Lao động sản xuất", "start_date": "05/03/2026"}
    )
    home.evidence.set_max_size_mb(1)
    home.plans.set_registration_deadline(15, 12)
    rules = home.rating.rules().text
    assert '"3": 50' in rules
    home.rating.set_rules(rules.replace('"3": 50', '"3": 45'))
    return kinds


def test_a_handover_carries_templates_kinds_settings_and_rules(
    home: Workspace, tmp_path: Path
) -> None:
    kinds = _own_setup(home, tmp_path)
    here = database_rows(home.data_dir / "doancoso.sqlite")
    assert len(here["criteria_templates"]) == 3  # the old Cà Mau edition deleted, kept
    assert len(here["activity_kinds"]) == 3  # "Bỏ đi" deleted, kept as a tombstone
    assert len(here["settings"]) >= 3
    bundle = home.bundles.export(tmp_path / "usb.dcs", kind="handover", password=PASSWORD)
    assert bundle.counts["criteria_templates"] == 3 and bundle.counts["activity_kinds"] == 3

    with Workspace.open(tmp_path / "may-moi") as fresh:
        assert not fresh.has_organization
        applied = fresh.bundles.apply(bundle.path, PASSWORD)
        assert applied.applied  # the live rows counted new; the tombstones arrive as they are
        assert [applied.new[t] for t in SETUP_TABLES] == [2, 2, 3]
        there = database_rows(fresh.data_dir / "doancoso.sqlite")
        for table in SETUP_TABLES:  # every row, every column: ids, revisions, tombstones
            assert there[table] == here[table], table

        # The templates: the same list, and a new year's checklist from the carried one has
        # the same criteria and items (codes, titles, points) as one made at home.
        assert fresh.recognition.templates() == home.recognition.templates()
        assert [t.name for t in fresh.recognition.templates()] == [
            default_template().name, CA_MAU, "Bộ tiêu chí khối trường học",
        ]  # fmt: skip
        mine = home.recognition.open(2030, CA_MAU)
        theirs = fresh.recognition.open(2030, CA_MAU)
        assert theirs == mine and theirs.province == "Cà Mau"
        assert theirs.items[0].text == "Sinh hoạt chi đoàn định kỳ"
        assert {item.points for item in theirs.items} == {10.0}
        assert [i.code for i in fresh.recognition.view(2030).template.items] == [
            i.code for i in mine.items
        ]
        fresh.recognition.set(2030, "1.1", {"status": "Đạt", "points": "9"})
        assert fresh.recognition.view(2030).points() == (9.0, 10.0 * len(mine.items))

        # The kinds: the same list (the deleted one gone), and an activity takes one.
        assert fresh.activities.kind_names() == home.activities.kind_names()
        assert "Bỏ đi" not in fresh.activities.kind_names().values()
        new_id, _ = fresh.activities.save(
            {"title": "Ngày hội hiến máu", "kind": "Hiến máu tình nguyện",
             "start_date": "14/06/2026"}
        )  # fmt: skip
        assert fresh.activities.get(new_id).fields.kind == kinds["Hiến máu tình nguyện"]
        assert [a.fields.kind for a in _activities(fresh, "Giúp dân thu hoạch lúa")] == [
            kinds["Lao động sản xuất"]
        ]

        # The settings and rules: read back the same, and used.
        assert fresh.rating.rules().text == home.rating.rules().text
        assert '"3": 45' in fresh.rating.rules().text
        assert fresh.rating.open(2030).rules == home.rating.open(2030).rules
        assert fresh.plans.registration_deadline() == Deadline(15, 12)
        assert fresh.evidence.max_size == home.evidence.max_size == 1024 * 1024
        big = tmp_path / "anh-lon.jpg"
        big.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * (2 * 1024 * 1024 - 4))
        with pytest.raises(ImportFileError) as refused:
            fresh.evidence.attach("activities", new_id, big)
        assert refused.value.message == (
            "Tệp “anh-lon.jpg” nặng 2,0 MB, quá giới hạn 1,0 MB cho một tệp minh chứng. Hãy nén "
            "hoặc chụp lại với độ phân giải thấp hơn."
        )


def _activities(ws: Workspace, title: str) -> list[ActivityRecord]:
    import datetime as dt

    rows = ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    ids = {row.activity_id for row in rows if row.title == title}
    return [ws.activities.get(i) for i in sorted(ids)]
