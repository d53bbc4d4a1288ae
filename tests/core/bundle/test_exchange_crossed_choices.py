"""Two copies that each chose which of two records of one year to keep before taking the other's
choice (each importing the file the other made before either import): each deleted one of the
two, and taking the other's file would delete the second, leaving the year with nothing though
each user kept one. The import keeps the record of the smaller id live on both copies, with
what it holds, and says so; the copies end equal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bundle_sync import attach_pdf, bundle_of, by_id, carry, cross, live_ids
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace
from stored import plan_of

YEAR = dt.date.today().year + 1
"""A year the demo holds no plan, round or checklist of (it holds this year's and last)."""


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_plans_chosen_crosswise_keep_the_one_of_the_smaller_id_with_its_targets(
    home: Workspace, away: Workspace, side: str
) -> None:
    kinds = home.activities.kind_names()
    plans = {}
    for ws, texts in ((home, ("Kết nạp 20 đoàn viên mới", "12 buổi sinh hoạt")),
                      (away, ("Trồng 500 cây xanh",))):  # fmt: skip
        plans[ws] = ws.plans.create(YEAR, title=f"Kế hoạch năm {YEAR} của {ws.data_dir.name}").id
        for text in texts:
            ws.plans.add_target(YEAR, {"text": text}, kinds)
    kept_ws = min(plans, key=lambda ws: plans[ws])
    kept = plans[kept_ws]
    targets = [t.text for t in plan_of(kept_ws, YEAR).targets]
    cross(home, away, on_conflict=side)
    assert (
        len(live_ids(home, "plans", "year", YEAR))
        == len(live_ids(away, "plans", "year", YEAR))
        == 1
    )
    dry = plan(home, bundle_of(away))
    title = f"Kế hoạch công tác năm {YEAR}"
    where = "của máy này" if (kept_ws is home) == (side == "mine") else "trong tệp"
    assert dry.notes == [
        f"{title}: mỗi máy đã chọn giữ một bản khác nhau trước khi nhận tệp của máy kia, nên "
        f"bản {where} được giữ lại trên cả hai máy (để năm đó không mất cả hai bản); bản kia "
        "vẫn bị xóa như đã chọn."
    ]
    result = carry(away, home)
    assert result.applied and result.conflicts == []
    assert len(result.notes) == 1
    assert carry(home, away).applied
    for ws in (home, away):
        assert plan_of(ws, YEAR).id == kept
        assert [t.text for t in plan_of(ws, YEAR).targets] == targets
    assert by_id(home) == by_id(away)
    again = carry(away, home)
    assert again.notes == [] and again.conflicts == [] and not again.updated


def test_a_setting_chosen_crosswise_keeps_one_value_on_both(
    home: Workspace, away: Workspace
) -> None:
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(5, 11)
    ids = {ws: live_ids(ws, "settings", "key", "plan_deadline")[0] for ws in (home, away)}
    cross(home, away, on_conflict="mine")
    assert live_ids(home, "settings", "key", "plan_deadline") == [ids[home]]
    assert carry(away, home).notes
    assert carry(home, away).applied
    kept = min(ids.values())
    for ws in (home, away):
        assert live_ids(ws, "settings", "key", "plan_deadline") == [kept]
    assert home.plans.registration_deadline() == away.plans.registration_deadline()
    assert by_id(home) == by_id(away)


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_checklists_chosen_crosswise_keep_one_with_its_answers_and_evidence(
    home: Workspace, away: Workspace, tmp_path: Path, side: str
) -> None:
    home.recognition.open(YEAR)
    home.recognition.set(YEAR, "3.1", {"status": "Không áp dụng", "note": "Chưa có cấp ủy"})
    attach_pdf(home, YEAR, "3.1", tmp_path / "o-nha.pdf")
    away.recognition.open(YEAR)
    away.recognition.set(YEAR, "1.1", {"status": "Đạt"})
    attach_pdf(away, YEAR, "1.1", tmp_path / "o-xa.pdf")
    ids = {ws: live_ids(ws, "checklists", "year", YEAR)[0] for ws in (home, away)}
    kept_ws = min(ids, key=lambda ws: ids[ws])
    answers = live_ids(kept_ws, "checklist_answers", "checklist_id", ids[kept_ws])
    files = kept_ws.evidence.attachments_of("checklist_answers", answers)
    cross(home, away, on_conflict=side)
    assert len(carry(away, home).notes) == 1
    assert carry(home, away).applied
    for ws in (home, away):
        assert live_ids(ws, "checklists", "year", YEAR) == [ids[kept_ws]]
        assert live_ids(ws, "checklist_answers", "checklist_id", ids[kept_ws]) == answers
        held = ws.evidence.attachments_of("checklist_answers", answers)
        assert {
            k: [(a.original_name, a.path.read_bytes()) for a in v] for k, v in held.items()
        } == {k: [(a.original_name, a.path.read_bytes()) for a in v] for k, v in files.items()}
    assert by_id(home) == by_id(away)
