"""``doancoso bundle import`` of a member whose birth date changed here and whose way of writing
it (only the year) changed there: one line “Ngày sinh” with each side's date as written, one
JSON field holding both columns, and ``--on-conflict`` taking one side's whole birth date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bundle_sync import carry, cross, edit
from cli_run import cli
from doancoso.core.workspace import Workspace


def _split(tmp_path: Path) -> tuple[Path, str, Path, int]:
    """This copy (born in year Y, only the year known), the member's id, the other copy's
    bundle (born 15/06/Y), and Y."""
    with Workspace.open(tmp_path / "home") as home, Workspace.open(tmp_path / "away") as away:
        home.generate_demo(members=6, seed=3)
        carry(home, away)
        member_id = next(m.id for m in home.members.list() if m.status == "active")
        year = home.members.get(member_id).fields.birth_date.year
        edit(home, member_id, birth_date=f"01/01/{year}")
        cross(home, away)
        edit(home, member_id, birth_date=f"15/06/{year}")
        edit(away, member_id, birth_date=f"{year}")
        bundle = home.bundles.export(tmp_path / "home.dcs", password=None).path
    return tmp_path / "away", member_id, bundle, year


def test_the_conflict_shows_one_birth_date_row_and_the_choice_takes_it_whole(
    tmp_path: Path,
) -> None:
    away, member_id, bundle, y = _split(tmp_path)

    code, out, _ = cli("bundle", "import", str(bundle), "--dry-run", "--data-dir", str(away))
    assert code == 1
    [line] = [x for x in out.splitlines() if "Ngày sinh" in x]
    assert line.endswith(f": Ngày sinh: máy này “{y}”, trong tệp “15/06/{y}” (cả hai cùng sửa)")
    assert "Cách ghi ngày sinh" not in out

    code, out, _ = cli(
        "bundle", "import", str(bundle), "--dry-run", "--format", "json", "--data-dir", str(away)
    )
    [conflict] = [c for c in cli_json(out)["conflicts"] if c["id"] == member_id]
    assert conflict["fields"] == [
        {
            "name": "birth_date",
            "label": "Ngày sinh",
            "mine": {"birth_date": f"{y}-01-01", "birth_precision": "year"},
            "theirs": {"birth_date": f"{y}-06-15", "birth_precision": "day"},
            "changed": "both",
        }
    ]

    code, _, err = cli(
        "bundle", "import", str(bundle), "--on-conflict", "theirs", "--data-dir", str(away)
    )
    assert code == 0, err
    with Workspace.open(away) as ws:
        fields = ws.members.get(member_id).fields
        assert (f"{fields.birth_date:%d/%m/%Y}", fields.birth_precision) == (f"15/06/{y}", "day")


def test_keeping_this_copy_keeps_its_year_only_birth(tmp_path: Path) -> None:
    away, member_id, bundle, y = _split(tmp_path)

    code, _, err = cli(
        "bundle", "import", str(bundle), "--on-conflict", "mine", "--data-dir", str(away)
    )

    assert code == 0, err
    with Workspace.open(away) as ws:
        fields = ws.members.get(member_id).fields
        assert (f"{fields.birth_date:%d/%m/%Y}", fields.birth_precision) == (f"01/01/{y}", "year")


def cli_json(out: str) -> dict[str, Any]:
    import json

    found: dict[str, Any] = json.loads(out)
    return found
