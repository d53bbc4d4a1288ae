"""What keeping the bases of the three-way merge costs a roster edit (#17): on a copy of the
2,000-member demo that never exchanged (no peer: nothing is kept) and on a copy that took it by
a handover (every row at a version agreed with a peer: each first change of a row copies it into
``exchange_bases``), a member saved through the form's service (one transaction), and 1,000
members moved to another chi đoàn (the roster's bulk UPDATE by ids).

Each save changes a member never changed before in that copy, so every save on the copy with a
peer keeps a base: the worst case of an edit. The figures are the median and the fastest of 200
saves (the fastest resists a busy machine better).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace

from .common import demo_folder, report

SAVES = 200
MOVED = 1000


def _saves(ws: Workspace) -> list[float]:
    times: list[float] = []
    for index, member_id in enumerate(ws.members.ids()):
        fields = dataclasses.asdict(ws.members.get(member_id).fields)
        raw = {
            k: v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else "" if v is None else str(v)
            for k, v in fields.items()
        }
        if fields.get("birth_precision") == "year":
            raw["birth_date"] = str(fields["birth_date"].year)
        raw["phone"] = f"09{index:08d}"
        start = time.perf_counter()
        try:
            ws.members.save(raw, member_id)
        except AppError:  # a member struck off is read-only: not an edit anyone makes
            continue
        times.append(time.perf_counter() - start)
        if len(times) == SAVES:
            break
    return times


def _move(ws: Workspace) -> float:
    target = ws.branches.list()[1].id
    moved = [m.id for m in ws.members.list() if m.branch_id != target][SAVES : SAVES + MOVED]
    start = time.perf_counter()
    ws.branches.move_members(moved, target)
    return time.perf_counter() - start


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-bases-") as tmp_name:
        tmp = Path(tmp_name)
        alone = tmp / "alone"
        shutil.copytree(demo_folder(2000), alone)
        with Workspace.open(alone) as ws:
            bundle = ws.bundles.export(tmp / "ban-giao.dcs", password=None).path
        taken = tmp / "taken"
        with Workspace.open(taken) as ws:
            ws.bundles.run_import(bundle, None)
        for name, folder in (("no peer", alone), ("after a handover", taken)):
            with Workspace.open(folder) as ws:
                saves = _saves(ws)
                report(f"bases: member save, {name}, median", statistics.median(saves))
                report(f"bases: member save, {name}, fastest", min(saves))
                report(f"bases: move {MOVED} members, {name}", _move(ws))
