"""The demo generated twice in one data folder: the second run puts its members into the chi
đoàn the first made (same name, folded) and adds only the chi đoàn missing, so the roster's
rule "Đã có chi đoàn tên …" holds and a handover bundle of the folder imports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from doancoso.core.lang.text import fold
from doancoso.core.workspace import Workspace

TODAY = dt.date(2026, 11, 20)
PASSWORD = "Bàn giao dữ liệu hai lần"


def test_a_second_demo_run_reuses_the_chi_doan_of_the_first(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=40, seed=1, today=TODAY)  # three chi đoàn
        first = {m.id: m.branch_name for m in ws.members.list()}
        first_branches = {b.name: b.id for b in ws.branches.list()}
        ws.generate_demo(members=160, seed=2, today=TODAY)  # four: one more
        branches = ws.branches.list()
        rows = ws.members.list()
        handover = ws.bundles.export(tmp_path / "ban-giao.dcs", password=PASSWORD).path

    assert sorted(b.name for b in branches) == [
        "Chi đoàn ấp Kênh Xáng",
        "Chi đoàn ấp Rạch Ráng",
        "Chi đoàn ấp Tân Hưng",
        "Chi đoàn ấp Tân Thành",
    ]
    assert len({fold(b.name) for b in branches}) == len(branches)
    assert {b.name: b.id for b in branches if b.name in first_branches} == first_branches
    assert len(rows) == 200
    # The members of both runs share each chi đoàn, and none was moved by the second run.
    assert {m.id: m.branch_name for m in rows if m.id in first} == first
    for name in first_branches:
        of_branch = {m.id for m in rows if m.branch_name == name}
        assert of_branch & first.keys() and of_branch - first.keys(), name
    # The second run gives no chi đoàn a second Bí thư.
    secretaries = Counter(m.branch_name for m in rows if m.position == "Bí thư")
    assert secretaries == {b.name: 1 for b in branches}

    with Workspace.open(tmp_path / "away") as away:
        assert away.bundles.apply(handover, PASSWORD).applied
        assert sorted(b.name for b in away.branches.list()) == sorted(b.name for b in branches)
        assert sorted((m.full_name, m.branch_name) for m in away.members.list()) == sorted(
            (m.full_name, m.branch_name) for m in rows
        )


def test_a_second_run_of_the_same_seed_gives_new_cccd(tmp_path: Path) -> None:
    """The same seed draws the same CCCD again: the second run gave the database two live
    members of one CCCD and stopped half-way with an error."""
    with Workspace.open(tmp_path / "home") as ws:
        ws.generate_demo(members=40, seed=1, today=TODAY)
        first = {m.national_id for m in ws.members.list()} - {None}
        ws.generate_demo(members=40, seed=1, today=TODAY)
        rows = ws.members.list()
    cccd = [m.national_id for m in rows if m.national_id]
    assert len(rows) == 80
    assert len(cccd) == len(set(cccd)) > len(first)
    assert first < set(cccd)
