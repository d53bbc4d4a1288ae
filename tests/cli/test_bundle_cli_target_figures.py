"""``doancoso bundle import`` of a plan target whose amount changed here and whose unit changed
there: one line “Chỉ tiêu” with each side's figures as the plan says them, one JSON field
holding the five columns, and ``--on-conflict`` taking one side's figures whole (never 90 of
the other side's unit)."""

from __future__ import annotations

import json
from pathlib import Path

from bundle_sync import carry, cross
from cli_run import cli
from doancoso.core.workspace import Workspace

YEAR = 2028
TEXT = "Tỉ lệ đoàn viên tham gia sinh hoạt"


def _split(tmp_path: Path) -> tuple[Path, str, Path]:
    """This copy (80 đoàn viên), the target's id, and the other copy's bundle (90%)."""
    with Workspace.open(tmp_path / "home") as home, Workspace.open(tmp_path / "away") as away:
        home.generate_demo(members=6, seed=3)
        home.plans.create(YEAR)
        kinds = home.activities.kind_names()
        target_id = home.plans.add_target(YEAR, {"text": TEXT, "planned": "80%"}, kinds)
        carry(home, away)
        cross(home, away)
        home.plans.save_target(target_id, {"text": TEXT, "planned": "90%"}, kinds)
        away.plans.save_target(
            target_id, {"text": TEXT, "planned": "80", "unit": "đoàn viên"}, kinds
        )
        bundle = home.bundles.export(tmp_path / "home.dcs", password=None).path
    return tmp_path / "away", target_id, bundle


def _figures(data_dir: Path, target_id: str) -> tuple[object, object]:
    with Workspace.open(data_dir) as ws:
        target = ws.plans.target(target_id)
        return target.planned, target.unit


def test_the_conflict_shows_one_row_of_figures_and_the_choice_takes_them_whole(
    tmp_path: Path,
) -> None:
    away, target_id, bundle = _split(tmp_path)

    code, out, _ = cli("bundle", "import", str(bundle), "--dry-run", "--data-dir", str(away))
    assert code == 1
    [line] = [x for x in out.splitlines() if "Chỉ tiêu:" in x]
    assert line.endswith(": Chỉ tiêu: máy này “80 đoàn viên”, trong tệp “90%” (cả hai cùng sửa)")
    assert "Đơn vị tính" not in out

    code, out, _ = cli(
        "bundle", "import", str(bundle), "--dry-run", "--format", "json", "--data-dir", str(away)
    )
    [conflict] = [c for c in json.loads(out)["conflicts"] if c["id"] == target_id]
    [field] = conflict["fields"]
    assert (field["name"], field["label"], field["changed"]) == ("planned", "Chỉ tiêu", "both")
    assert (field["mine"]["planned"], field["mine"]["unit"]) == (80.0, "đoàn viên")
    assert (field["theirs"]["planned"], field["theirs"]["unit"]) == (90.0, "%")
    assert set(field["mine"]) == {"planned", "unit", "measure", "measure_kind", "achieved"}

    code, _, err = cli(
        "bundle", "import", str(bundle), "--on-conflict", "theirs", "--data-dir", str(away)
    )
    assert code == 0, err
    assert _figures(away, target_id) == (90.0, "%")


def test_keeping_this_copy_keeps_its_amount_with_its_unit(tmp_path: Path) -> None:
    away, target_id, bundle = _split(tmp_path)

    code, _, err = cli(
        "bundle", "import", str(bundle), "--on-conflict", "mine", "--data-dir", str(away)
    )

    assert code == 0, err
    assert _figures(away, target_id) == (80.0, "đoàn viên")
