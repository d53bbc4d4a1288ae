"""Mutated rows given to the merge (#12, #17): the container's fuzz (test_bundle_fuzz.py) damages
bytes, which its hashes and the encryption's tags catch before a row is parsed; here the rows
themselves are spoiled as a crafted bundle with correct hashes would carry them, so that the
rows' own checks and the merge are what is fuzzed.

Each case takes the real rows of a handover (12 demo members with their records, one member
edited so there is something to take) and spoils them 1 to 3 times: a column dropped or added,
a value of another type, a huge, empty or control-laden text, an id taken from another row or
table, a row duplicated or moved to another table, a revision made negative or huge, another
organisation's id. Then the plan is made; every fourth case is also applied ("theirs" on
conflicts). Either may be refused, only with the app's typed error (a Vietnamese message), and a
refused apply leaves every row as it was; an apply that goes through leaves data that pass the
app's own check.

DOANCOSO_FUZZ_CASES cases (1,000 in the normal run, ``make torture`` runs more);
DOANCOSO_FUZZ_SEED=S makes other ones.
"""

from __future__ import annotations

import copy
import os
import random
from collections import Counter
from pathlib import Path
from typing import Any

from bundle_sync import bundle_of, carry, edit, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.rows import DictSource
from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace

CASES = int(os.environ.get("DOANCOSO_FUZZ_CASES", "300")) * 10 // 3
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "17"))
ODD_VALUES: tuple[Any, ...] = (
    None, "", " ", 0, -1, 2**63, 1.5, float("nan"), True, [], {}, [1, "a"], {"a": 1},
    "x" * 100_000, "\x00\u202e\ufeff", "../../etc/passwd", "31/02/2025", "2025-02-31",
    "2025-13-01T25:61:00", "9999-12-31", "0000-01-01", "1e308", "Nguyễn\u0301 Văn", "NaN",
)  # fmt: skip


def _spoil(tables: dict[str, list[dict[str, Any]]], rnd: random.Random) -> str:
    """Spoil ``tables`` in place once; returns what was done (for the failure message)."""
    names = [name for name, rows in tables.items() if rows]
    table = rnd.choice(names)
    rows = tables[table]
    row = rnd.choice(rows)
    column = rnd.choice(sorted(row))
    kind = rnd.randrange(9)
    if kind == 0:
        del row[column]
    elif kind == 1:
        row[rnd.choice(["luong", "", "id ", "ID", "__class__"])] = rnd.choice(ODD_VALUES)
    elif kind == 2:
        row[column] = rnd.choice(ODD_VALUES)
    elif kind == 3:  # an id from another row, maybe of another table
        other = rnd.choice(tables[rnd.choice(names)])
        row[column] = other.get("id")
    elif kind == 4:
        rows.append(copy.deepcopy(row))
    elif kind == 5:  # a row moved to another table
        rows.remove(row)
        tables[rnd.choice(names)].append(row)
    elif kind == 6:
        row["revision"] = rnd.choice((-1, 0, 2**31, 2**63 - 1, 10**30))
    elif kind == 7:
        row["organization_id" if "organization_id" in row else "id"] = "khac-" + "0" * 31
    else:
        rows.remove(row)  # a row missing (one another row may name)
    return f"{kind} {table}.{column}"


def _state(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    return every_row(ws)


def test_mutated_rows_are_merged_whole_or_refused(tmp_path: Path) -> None:
    home = Workspace.open(tmp_path / "home")
    away = Workspace.open(tmp_path / "away")
    try:
        home.generate_demo(members=12, seed=5)
        carry(home, away)
        edit(home, home.members.list()[0].id, phone="0912345678")
        original = bundle_of(home)
        tables = {name: list(original.rows(name)) for name in original.tables()}
        files = {sha: original.evidence(sha) for sha in original.evidence_hashes()}
        rnd = random.Random(SEED)
        outcomes: Counter[str] = Counter()
        before = _state(away)
        for case in range(CASES):
            spoiled = copy.deepcopy(tables)
            done = [_spoil(spoiled, rnd) for _ in range(rnd.randint(1, 3))]
            source = DictSource(original.manifest, spoiled, files)
            try:
                plan(away, source)
                outcomes["planned"] += 1
            except AppError as exc:
                assert exc.message, (case, done)
                outcomes["plan refused"] += 1
            if case % 4:
                continue
            try:
                apply(away, DictSource(original.manifest, spoiled, files), on_conflict="theirs")
            except AppError:
                outcomes["apply refused"] += 1
                assert _state(away) == before, (case, done)
            else:
                outcomes["applied"] += 1
                report = away.check()
                assert report.ok, (case, done, report.problems[:3])
                before = _state(away)
        print(f"\nrows fuzz: {CASES} cases, {dict(outcomes)}")
        assert outcomes["plan refused"] > CASES // 4  # the spoiling does reach the checks
        assert sum(outcomes.values()) == CASES + (CASES + 3) // 4
    finally:
        home.close()
        away.close()
