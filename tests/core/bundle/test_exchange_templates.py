"""A criteria template of one name imported apart on two copies of one organisation (issue #17's
walkthrough): never two templates of one name after the exchange (the checklist page would
offer both, and the app finds a template by its name). The same file imported on both is joined
silently, the same template kept on both copies; two editions of the template are a conflict of
the import, one kept by the user's choice, as a plan of a year made apart is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundle_sync import bundle_of, by_id, carry, cross, every_row, live_ids
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.outcome import RECORD
from doancoso.core.bundle.sync_errors import UnresolvedConflicts
from doancoso.core.recognition.template import default_template, read_template_file
from doancoso.core.workspace import Workspace

NAME = "Bộ tiêu chí tỉnh Cà Mau"


def _file(tmp_path: Path, text: str, items: int | None = None) -> Path:
    """A province's template named :data:`NAME` (the default's, its first item's text changed;
    ``items``: only that many items of its first criterion)."""
    data = json.loads(default_template().text)
    data["name"] = NAME
    data["province"] = "Cà Mau"
    data["criteria"][0]["items"][0]["text"] = text
    if items is not None:
        data["criteria"][0]["items"] = data["criteria"][0]["items"][:items]
    path = tmp_path / f"tieu-chi-{abs(hash(text))}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _names(ws: Workspace) -> list[str]:
    return [t.name for t in ws.recognition.templates()]


def test_the_same_template_imported_on_both_copies_is_kept_once(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    province = _file(tmp_path, "Sinh hoạt chi đoàn định kỳ hằng tháng")
    home.recognition.add_template(read_template_file(province))
    away.recognition.add_template(read_template_file(province))
    dry = plan(away, bundle_of(home))
    assert dry.conflicts == [] and "criteria_templates" not in dry.new
    assert carry(home, away).applied
    assert carry(away, home).applied
    assert _names(home).count(NAME) == 1 and _names(away).count(NAME) == 1
    assert by_id(home) == by_id(away)


def test_two_editions_of_one_template_are_a_choice_of_the_one_kept(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    home.recognition.add_template(read_template_file(_file(tmp_path, "Bản cũ", items=2)))
    away.recognition.add_template(read_template_file(_file(tmp_path, "Bản mới")))
    full = len(read_template_file(_file(tmp_path, "Bản mới")).items)
    mine_id = live_ids(away, "criteria_templates", "name", NAME)[0]
    their_id = live_ids(home, "criteria_templates", "name", NAME)[0]
    before = every_row(away)
    dry = plan(away, bundle_of(home))
    (conflict,) = dry.conflicts
    assert (conflict.table, conflict.id, conflict.mine_id, conflict.label) == (
        "criteria_templates", their_id, mine_id, f"Bộ tiêu chí “{NAME}”"
    )  # fmt: skip
    (field,) = conflict.fields
    assert (field.name, field.label) == (RECORD, "Bộ tiêu chí")
    assert field.mine.startswith("nhập ngày ") and field.mine.endswith(f", tỉnh Cà Mau, {full} mục")
    assert field.theirs.endswith(
        f", tỉnh Cà Mau, {full - len(default_template().criteria[0].items) + 2} mục"
    )
    with pytest.raises(UnresolvedConflicts) as caught:
        carry(home, away)
    assert caught.value.message.startswith(f"Mỗi máy có một bản riêng của: Bộ tiêu chí “{NAME}”. ")
    assert every_row(away) == before
    assert carry(home, away, on_conflict="mine").applied  # our edition kept
    assert live_ids(away, "criteria_templates", "name", NAME) == [mine_id]
    assert carry(away, home).applied
    assert live_ids(home, "criteria_templates", "name", NAME) == [mine_id]
    assert by_id(home) == by_id(away)
    assert len(home.recognition.template(NAME).items) == full


def test_editions_kept_crosswise_keep_one_on_both(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    home.recognition.add_template(read_template_file(_file(tmp_path, "Bản cũ", items=2)))
    away.recognition.add_template(read_template_file(_file(tmp_path, "Bản mới")))
    ids = {ws: live_ids(ws, "criteria_templates", "name", NAME)[0] for ws in (home, away)}
    cross(home, away, on_conflict="mine")  # each kept its own, taking the other's file
    assert live_ids(home, "criteria_templates", "name", NAME) == [ids[home]]
    assert carry(away, home).notes == [
        f"Bộ tiêu chí “{NAME}”: mỗi máy đã chọn giữ một bản khác nhau trước khi nhận tệp của máy "
        f"kia, nên bản {'của máy này' if ids[home] < ids[away] else 'trong tệp'} được giữ lại "
        "trên cả hai máy (để không mất cả hai bản); bản kia vẫn bị xóa như đã chọn."
    ]
    assert carry(home, away).applied
    kept = min(ids.values())
    for ws in (home, away):
        assert live_ids(ws, "criteria_templates", "name", NAME) == [kept]
        assert _names(ws).count(NAME) == 1
    assert by_id(home) == by_id(away)
